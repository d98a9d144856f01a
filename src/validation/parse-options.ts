import type { z } from 'zod';
import { IcerError } from '../errors.js';
import { describeZodIssue, formatIssuePath } from './describe-zod-issue.js';

// Edit distance, to suggest the option a misspelt key meant ("maxturns" → "maxTurns").
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The known key nearest to `key` by edit distance (case aside), when near enough to be what was meant. */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

// The keys of the object schema at `path` (through optional, default and nullable wrappers).
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  type Node = { shape?: Record<PropertyKey, Node>; _zod?: { def?: { innerType?: Node } } };
  const unwrap = (node: Node | undefined): Node | undefined => {
    let current = node;
    while (current?._zod?.def?.innerType) current = current._zod.def.innerType;
    return current;
  };
  let node = unwrap(schema as Node);
  for (const key of path) node = unwrap(node?.shape?.[key]);
  return node?.shape ? Object.keys(node.shape) : [];
}

// Options this function returned, with the schema that made them: a class that parsed its options once hands them to
// the objects it makes per dialogue (a generator to its simulated users), which need not parse them again.
const parsedBy = new WeakMap<object, z.ZodType>();

/**
 * Validates a function's options through its zod schema; throws `INVALID_ARGUMENT` naming the option and the
 * function so the caller knows which call to fix. An unknown option is refused by name, with the option it probably
 * meant, so that a misspelling is never silently ignored.
 */
export function parseOptions<S extends z.ZodType>(schema: S, value: unknown, fn: string): z.output<S> {
  if (typeof value === 'object' && value !== null && parsedBy.get(value) === schema) return value as z.output<S>;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) {
    if (typeof parsed.data === 'object' && parsed.data !== null) parsedBy.set(parsed.data, schema);
    return parsed.data;
  }
  const first = parsed.error.issues[0];
  if (first?.code === 'unrecognized_keys') {
    const known = knownKeys(schema, first.path);
    const keys = first.keys.map((key) => {
      const meant = closest(key, known);
      return meant ? `"${key}" (did you mean "${meant}"?)` : `"${key}"`;
    });
    const prefix = first.path.length > 0 ? `${formatIssuePath(first.path)}.` : '';
    throw new IcerError(
      'INVALID_ARGUMENT',
      `Unknown option${keys.length === 1 ? '' : 's'} for ${fn}(): ${keys.join(', ')}.`,
      {
        location: { field: `${prefix}${first.keys[0] as string}` },
        hint: `Known options: ${known.join(', ')}.`,
      },
    );
  }
  const issue = describeZodIssue(first);
  throw new IcerError('INVALID_ARGUMENT', `Invalid option for ${fn}(): ${issue.message}.`, {
    location: { field: issue.path },
    hint: `See the ${fn}() options in the icer docs.`,
  });
}
