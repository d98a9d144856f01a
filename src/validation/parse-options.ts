import type { z } from 'zod';
import { IcerError } from '../errors.js';
import { describeZodIssue } from './describe-zod-issue.js';

/**
 * Validates a function's options through its zod schema; throws `INVALID_ARGUMENT` naming the option and the
 * function so the caller knows which call to fix.
 */
export function parseOptions<S extends z.ZodType>(schema: S, value: unknown, fn: string): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = describeZodIssue(parsed.error.issues[0]);
  throw new IcerError('INVALID_ARGUMENT', `Invalid option for ${fn}(): ${issue.message}.`, {
    location: { field: issue.path },
    hint: `See the ${fn}() options in the icer docs.`,
  });
}
