import type { SeededRandom } from '../../random/seeded-random.js';

/**
 * One item drawn evenly from several lists as if they were one (each item as likely as any other), and the list it
 * came from, which decides what may follow. Draws one number from `random`, and concatenates nothing: this runs on
 * most turns.
 */
export function drawFrom<T>(random: SeededRandom, lists: readonly (readonly T[])[]): { item: T; list: readonly T[] } {
  let total = 0;
  for (const list of lists) total += list.length;
  let index = Math.floor(random.next() * total);
  for (const list of lists) {
    if (index < list.length) return { item: list[index] as T, list };
    index -= list.length;
  }
  throw new RangeError('drawFrom: every list is empty');
}

/** One item drawn evenly from two lists as if they were one. */
export function pickOf<T>(random: SeededRandom, a: readonly T[], b: readonly T[]): T {
  return drawFrom(random, [a, b]).item;
}
