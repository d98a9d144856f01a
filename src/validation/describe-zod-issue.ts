import type { z } from 'zod';

/** A zod issue turned into a path a person can find ("items[3].year") and a message without zod jargon. */
export interface DescribedIssue {
  path: string;
  message: string;
}

/** Formats a zod issue path under a prefix: `["items", 3, "year"]` → `items[3].year`. */
export function formatIssuePath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Describes the first zod issue of a failed parse for an error message. */
export function describeZodIssue(issue: z.core.$ZodIssue | undefined, prefix = ''): DescribedIssue {
  if (!issue) return { path: prefix, message: 'invalid value' };
  // An unknown key is named as the field at fault, not as its object ("" at the top).
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    const path = formatIssuePath([...issue.path, issue.keys[0] as string], prefix);
    const more =
      issue.keys.length > 1
        ? ` (and ${issue.keys
            .slice(1)
            .map((key) => `"${key}"`)
            .join(', ')})`
        : '';
    return { path, message: `${path}: no such field${more}` };
  }
  const path = formatIssuePath(issue.path, prefix);
  return { path, message: path === '' ? issue.message : `${path}: ${issue.message}` };
}
