import type { Seed } from '../random/seeded-random.js';
import { UsageError } from './cli-io.js';

/** A whole number ≥ `min` from a flag value, or a usage error naming the flag. */
export function parseWholeNumber(text: string, flag: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} takes a whole number ≥ ${min}, got "${text}".`);
  }
  return value;
}

/** A seed: an integer stays a number (so `--seed 7` equals `seed: 7` in code); anything else is a string seed. */
export function parseSeed(text: string): Seed {
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
