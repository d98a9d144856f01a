import type { z } from 'zod';
import type { Seed } from '../random/seeded-random.js';
import { UsageError } from './cli-io.js';
import { type ValueRule, valueRule } from './schema-facts.js';

// Plain decimals only, as in data files: Number() would also take "", "0x10" and "1e3", which nobody means.
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
// Without a sign of its own: "+7" has always been a text seed, and what a seed produces must not change.
const SEED_INTEGER = /^-?\d+$/;

function within(rule: ValueRule, value: number): boolean {
  return (
    (rule.minimum === undefined || value >= rule.minimum) &&
    (rule.exclusiveMinimum === undefined || value > rule.exclusiveMinimum) &&
    (rule.maximum === undefined || value <= rule.maximum) &&
    (rule.exclusiveMaximum === undefined || value < rule.exclusiveMaximum)
  );
}

// The safe-integer ceiling of every whole number goes without saying, until a value runs past it.
function describeNumber(rule: ValueRule, value: number): string {
  const whole = rule.type === 'integer';
  const bounds: string[] = [];
  if (rule.minimum !== undefined) bounds.push(`≥ ${rule.minimum}`);
  if (rule.exclusiveMinimum !== undefined) bounds.push(`> ${rule.exclusiveMinimum}`);
  const implicit = whole && rule.maximum === Number.MAX_SAFE_INTEGER && !(Math.abs(value) > rule.maximum);
  if (rule.maximum !== undefined && !implicit) bounds.push(`≤ ${rule.maximum}`);
  if (rule.exclusiveMaximum !== undefined) bounds.push(`< ${rule.exclusiveMaximum}`);
  return `${whole ? 'a whole number' : 'a number'}${bounds.length > 0 ? ` ${bounds.join(' and ')}` : ''}`;
}

/** The number a plain decimal ("4", "-0.5", ".5") writes, or NaN for anything else. */
export function plainNumber(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * A number from a flag value, checked against the schema of the option it sets (so the bounds are the library's,
 * never copied), or a usage error naming the flag and what it takes.
 */
export function parseNumber(text: string, flag: string, schema: z.ZodType): number {
  const rule = valueRule(schema);
  const trimmed = text.trim();
  const value = (rule.type === 'integer' ? INTEGER : DECIMAL).test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value) || !within(rule, value) || !schema.safeParse(value).success) {
    // "1e3" or "0x10" is a number, only not written as the flag takes it: "takes a number > 0" would not say why.
    const meant = Number(trimmed);
    const written = trimmed !== '' && !DECIMAL.test(trimmed) && within(rule, meant) && schema.safeParse(meant).success;
    throw new UsageError(
      `${flag} takes ${describeNumber(rule, value)}${written ? `, written in plain digits (like ${rule.type === 'integer' ? '1000' : '1000 or 2.5'})` : ''}, got "${text}".`,
    );
  }
  return value;
}

/** One of the choices of an enum schema, or a usage error listing them. */
export function parseChoice<S extends z.ZodType>(text: string, flag: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(text);
  if (!parsed.success) {
    throw new UsageError(`${flag} takes one of ${(valueRule(schema).enum ?? []).join(', ')}, got "${text}".`);
  }
  return parsed.data;
}

/**
 * A seed: an integer stays a number (so `--seed 7` equals `seed: 7` in code); other text is a string seed. An empty
 * or space-padded value is refused: it is a quoting slip, and would make dialogue ids like "-0" or " 7-0".
 */
export function parseSeed(text: string, flag = '--seed'): Seed {
  if (text.trim() === '' || text !== text.trim()) {
    throw new UsageError(`${flag} takes an integer or a text without spaces around it, got "${text}".`);
  }
  return SEED_INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
