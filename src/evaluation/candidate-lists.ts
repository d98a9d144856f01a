import { z } from 'zod';
import { IcerError } from '../errors.js';
import { SeededRandom } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';

/** How negatives are drawn: `uniform` over the eligible items, or `popular` in proportion to popularity + 1. */
export const NegativeSamplingSchema = z.enum(['uniform', 'popular']);

/** One of the values of {@link NegativeSamplingSchema}. */
export type NegativeSampling = z.output<typeof NegativeSamplingSchema>;

/** Draws indices of a pool in proportion to popularity + 1; build it once per pool with {@link popularitySampler}. */
export interface PopularitySampler {
  /** The pool the sampler was built for. */
  readonly pool: readonly string[];
  /** An index into `pool`, drawn in proportion to its weight. */
  drawIndex(random: SeededRandom): number;
  /** The weight of `pool[index]`: its popularity + 1. */
  weight(index: number): number;
}

/**
 * Builds a {@link PopularitySampler} for `pool`: one pass to total the weights, then each draw is a binary search.
 * The +1 smoothing keeps items nobody rated possible as negatives.
 *
 * @throws IcerError `INVALID_ARGUMENT` when a popularity is negative or not finite.
 */
export function popularitySampler(pool: readonly string[], popularity: (id: string) => number): PopularitySampler {
  const weights = new Float64Array(pool.length);
  const cumulative = new Float64Array(pool.length);
  let total = 0;
  for (let i = 0; i < pool.length; i++) {
    const id = pool[i] as string;
    const value = popularity(id);
    if (!Number.isFinite(value) || value < 0) {
      throw new IcerError('INVALID_ARGUMENT', `The popularity of "${id}" is ${value}; it must be a finite number ≥ 0.`);
    }
    weights[i] = value + 1;
    total += value + 1;
    cumulative[i] = total;
  }
  return {
    pool,
    weight: (index) => weights[index] as number,
    drawIndex(random) {
      if (pool.length === 0) throw new IcerError('INVALID_ARGUMENT', 'Cannot draw from an empty pool.');
      const u = random.next() * total;
      // The first index whose cumulative weight exceeds u.
      let low = 0;
      let high = pool.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((cumulative[middle] as number) > u) high = middle;
        else low = middle + 1;
      }
      return low;
    },
  };
}

const isSampler = (value: unknown): value is PopularitySampler =>
  typeof value === 'object' && value !== null && typeof (value as PopularitySampler).drawIndex === 'function';

// Per-call validation stays O(1): the pool and the excluded set are checked for their kind, not element by element.
const SampleCandidatesOptionsSchema = z.strictObject({
  /** The held-out item; always in the list. */
  target: z.string().min(1),
  /** The items negatives are drawn from (distinct ids; the target may be among them). */
  pool: z.custom<readonly string[]>((value) => Array.isArray(value), 'must be an array of item ids'),
  /** Items that must not be negatives: what the user rated or named, which might be relevant after all. */
  exclude: z.custom<ReadonlySet<string>>((value) => value instanceof Set, 'must be a Set of item ids'),
  /** How many negatives to draw. */
  negatives: z.number().int().min(0),
  /** How to draw them. */
  sampling: NegativeSamplingSchema,
  /** For `popular`: a popularity per id, or a sampler built once for this pool by {@link popularitySampler}. */
  popularity: z
    .custom<((id: string) => number) | PopularitySampler>(
      (value) => typeof value === 'function' || isSampler(value),
      'must be a function of an item id or a sampler from popularitySampler',
    )
    .optional(),
  /** The stream the draws come from. */
  random: z.instanceof(SeededRandom),
});

/** Options of {@link sampleCandidates}. */
export type SampleCandidatesOptions = z.input<typeof SampleCandidatesOptionsSchema>;

// Rejection sampling is cheap while few draws are refused; past this many draws per negative (an exclude set that
// covers most of the pool, or most of its weight) the exact, O(pool) path takes over.
const DRAWS_PER_NEGATIVE = 8;
const EXTRA_DRAWS = 64;

function tooFew(available: number, negatives: number, target: string): IcerError {
  return new IcerError(
    'INVALID_ARGUMENT',
    `Only ${available} items are eligible as negatives for target "${target}", but ${negatives} were asked for.`,
    { hint: 'Lower --negatives (or exclude fewer items).' },
  );
}

// The indices of distinct pool items that may still be drawn, for the exact path.
function remainingIndices(pool: readonly string[], isTaken: (id: string) => boolean): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = 0; i < pool.length; i++) {
    const id = pool[i] as string;
    if (isTaken(id) || seen.has(id)) continue;
    seen.add(id);
    out.push(i);
  }
  return out;
}

/**
 * A candidate list for one ranking question: the target and `negatives` distinct items of `pool` that are neither
 * excluded nor the target, in a seeded random order (a recommender that keeps its input order learns nothing from
 * where the target is). Negatives are drawn uniformly, or for `popular` in proportion to popularity + 1, without
 * replacement. Draws are rejection-sampled, so a call costs about `negatives` draws whatever the pool's size; for
 * `popular`, pass a {@link popularitySampler} built once rather than a function, which costs a pass over the pool.
 *
 * @throws IcerError `INVALID_ARGUMENT` when fewer than `negatives` items are eligible (the message says how many
 * were), when `popular` has no popularity, or when a sampler was built for another pool.
 */
export function sampleCandidates(options: SampleCandidatesOptions): string[] {
  const { target, pool, exclude, negatives, sampling, popularity, random } = parseOptions(
    SampleCandidatesOptionsSchema,
    options,
    'sampleCandidates',
  );
  let sampler: PopularitySampler | undefined;
  if (sampling === 'popular') {
    if (popularity === undefined) {
      throw new IcerError('INVALID_ARGUMENT', 'sampleCandidates: `popular` sampling needs a `popularity`.', {
        hint: 'Pass a popularity function or a sampler from popularitySampler(pool, popularity).',
      });
    }
    sampler = isSampler(popularity) ? popularity : popularitySampler(pool, popularity);
    if (sampler.pool !== pool) {
      throw new IcerError('INVALID_ARGUMENT', 'sampleCandidates: the popularity sampler was built for another pool.', {
        hint: 'Build it with popularitySampler(pool, popularity) from the same pool array.',
      });
    }
  }

  const chosen = new Set<string>();
  const isTaken = (id: string) => id === target || exclude.has(id) || chosen.has(id);
  const budget = DRAWS_PER_NEGATIVE * negatives + EXTRA_DRAWS;
  for (let draws = 0; chosen.size < negatives && draws < budget && pool.length > 0; draws++) {
    const index = sampler ? sampler.drawIndex(random) : Math.floor(random.next() * pool.length);
    const id = pool[index] as string;
    if (!isTaken(id)) chosen.add(id);
  }

  if (chosen.size < negatives) {
    // Drawing only among the remaining items keeps each draw what rejection would have made it: uniform, or
    // weighted, over the items still eligible.
    const rest = remainingIndices(pool, isTaken);
    const missing = negatives - chosen.size;
    if (rest.length < missing) throw tooFew(chosen.size + rest.length, negatives, target);
    if (sampler) {
      // Weighted sampling without replacement in one pass (Efraimidis–Spirakis): the largest log(u)/w win.
      const drawn = sampler;
      const keyed = rest.map((index) => ({ index, key: Math.log(1 - random.next()) / drawn.weight(index) }));
      keyed.sort((x, y) => y.key - x.key || x.index - y.index);
      for (const { index } of keyed.slice(0, missing)) chosen.add(pool[index] as string);
    } else {
      for (const index of random.sample(rest, missing)) chosen.add(pool[index] as string);
    }
  }

  return random.shuffle([target, ...chosen]);
}
