import { z } from 'zod';
import { type Seed, SeededRandom } from '../random/seeded-random.js';

/** The splits of a Hugging Face export, in the order `datasets` lists them. */
export const HF_SPLITS = ['train', 'validation', 'test'] as const;
/** One split. */
export type HfSplit = (typeof HF_SPLITS)[number];

/** How users are shared out between train, validation and test: three shares, not all zero (normalised). */
export const HfSplitRatiosSchema = z
  .tuple([z.number().min(0), z.number().min(0), z.number().min(0)])
  .refine((ratios) => ratios.some((ratio) => ratio > 0), 'at least one split needs a share above zero');

/**
 * Assigns each user to one split: users are sorted, shuffled by the seed, and cut in the ratios (the largest
 * remainders rounding), so no user is in two splits, the same users and seed give the same splits in any input
 * order, and each split holds its share of the users to within one.
 */
export function splitUsers(
  users: Iterable<string>,
  ratios: readonly [number, number, number],
  seed: Seed,
): Map<string, HfSplit> {
  const sorted = [...new Set(users)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const shuffled = new SeededRandom(seed).fork('hf-split').shuffle(sorted);
  const total = ratios[0] + ratios[1] + ratios[2];
  const exact = ratios.map((ratio) => (ratio / total) * shuffled.length);
  const counts = exact.map(Math.floor);
  const order = [0, 1, 2].sort(
    (a, b) => (exact[b] as number) - (counts[b] as number) - ((exact[a] as number) - (counts[a] as number)) || a - b,
  );
  for (let left = shuffled.length - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) {
    counts[order[i] as number] = (counts[order[i] as number] as number) + 1;
  }
  const splits = new Map<string, HfSplit>();
  let at = 0;
  HF_SPLITS.forEach((split, index) => {
    for (const user of shuffled.slice(at, at + (counts[index] as number))) splits.set(user, split);
    at += counts[index] as number;
  });
  return splits;
}
