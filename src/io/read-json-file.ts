import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import { IcerError } from '../errors.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { fileError } from './file-error.js';
import { isGzipPath } from './json-lines-file.js';

/**
 * A JSON file checked against a schema, gunzipped when its name ends in `.gz`. Throws `FILE_NOT_FOUND` when it cannot
 * be read, `INVALID_ENCODING` when it is not valid gzip, and `MALFORMED_JSON` when it is not JSON or not `what`
 * (naming the first field that is wrong).
 */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S, what: string): Promise<z.output<S>> {
  const bytes = await readFile(file).catch((error: unknown) => {
    throw fileError(error, file);
  });
  let text: string;
  try {
    // Written with a name that ends in .gz, icer wrote it compressed (`icer evaluate --out report.json.gz`).
    text = (isGzipPath(file) ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new IcerError('INVALID_ENCODING', `The file is not valid gzip: ${(error as Error).message}.`, {
      location: { file },
      hint: 'A .gz file must be whole gzip-compressed JSON; an uncompressed file should not be named .gz.',
      cause: error,
    });
  }
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
