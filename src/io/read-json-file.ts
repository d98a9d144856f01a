import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { IcerError } from '../errors.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { fileError } from './file-error.js';

/**
 * A JSON file checked against a schema. Throws `FILE_NOT_FOUND` when it cannot be read and `MALFORMED_JSON` when it is
 * not JSON or not `what` (naming the first field that is wrong).
 */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S, what: string): Promise<z.output<S>> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw fileError(error, file);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new IcerError('MALFORMED_JSON', `The file is not JSON: ${(error as Error).message}.`, {
      location: { file },
      hint: `Give ${what}.`,
      cause: error,
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new IcerError(
      'MALFORMED_JSON',
      `The file is not ${what}: ${describeZodIssue(parsed.error.issues[0]).message}.`,
      {
        location: { file },
        hint: `Give ${what}, as icer wrote it.`,
      },
    );
  }
  return parsed.data;
}
