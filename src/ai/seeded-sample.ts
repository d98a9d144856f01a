import { type Seed, SeededRandom } from '../random/seeded-random.js';

/**
 * A seeded uniform sample of `size` values of a stream, in the stream's order, and how many values it held. One
 * pass, holding only the sample (reservoir sampling, Algorithm R): a file of 100,000 dialogues is never in memory
 * at once. The same stream and seed give the same sample; a stream of `size` or fewer values is taken whole.
 */
export async function seededSample<T>(
  values: Iterable<T> | AsyncIterable<T>,
  size: number,
  seed: Seed,
): Promise<{ chosen: T[]; seen: number }> {
  const random = new SeededRandom(seed).fork('sample');
  const reservoir: Array<{ index: number; value: T }> = [];
  let seen = 0;
  for await (const value of values) {
    if (reservoir.length < size) {
      reservoir.push({ index: seen, value });
    } else {
      const slot = random.int(0, seen);
      if (slot < size) reservoir[slot] = { index: seen, value };
    }
    seen++;
  }
  reservoir.sort((a, b) => a.index - b.index);
  return { chosen: reservoir.map((entry) => entry.value), seen };
}
