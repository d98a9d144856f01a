import type { z } from 'zod';
import { UsageError } from './cli-io.js';
import { schemaDefault } from './schema-facts.js';

/** The flag that sets each library option, by option name. */
export type FlagNames = Readonly<Record<string, string>>;

const OPTION_NAME = /\b[a-z]+[A-Z]\w*\b/g;

/**
 * Checks the options the command line built from flags against the library's own schema, before the library sees
 * them: each flag's value was checked alone, so what can fail here is a combination (`--min-rating` above
 * `--max-rating`, or a scale that leaves out a default threshold). The schema's message is reworded in flags, with
 * the value in force of every flag it mentions, defaults included, so that the user sees what to change.
 */
export function checkOptions(schema: z.ZodObject, options: Record<string, unknown>, flags: FlagNames): void {
  const parsed = schema.safeParse(options);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  if (!issue) return;
  const mentioned = new Set<string>();
  for (const key of issue.path) if (typeof key === 'string' && key in flags) mentioned.add(key);
  const message = issue.message.replace(OPTION_NAME, (name) => {
    const flag = flags[name];
    if (flag === undefined) return name;
    mentioned.add(name);
    return flag;
  });
  const inForce = [...mentioned].map((key) => {
    const field = schema.shape[key] as z.ZodType | undefined;
    const value = options[key] ?? (field ? schemaDefault(field) : undefined);
    return `${flags[key]} ${String(value)}`;
  });
  throw new UsageError(`${message}${inForce.length > 0 ? ` (in force: ${inForce.join(', ')})` : ''}.`);
}
