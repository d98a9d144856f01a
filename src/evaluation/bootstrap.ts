import { z } from 'zod';
import { IcerError } from '../errors.js';
import { SeededRandom, SeedSchema } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';

/** A mean and its bootstrap confidence interval. */
export interface Interval {
  mean: number;
  /** Lower and upper bound. */
  ci: [number, number];
}

/** A paired difference of means and its bootstrap confidence interval. */
export interface DifferenceInterval {
  /** mean(a) − mean(b). */
  diff: number;
  /** Lower and upper bound. */
  ci: [number, number];
}

/** Options of {@link bootstrapMean} and {@link pairedDifference}. */
export const BootstrapOptionsSchema = z.strictObject({
  /**
   * How many resamples to draw.
   * @default 1000
   */
  resamples: z.number().int().min(1).max(1_000_000).default(1000),
  /**
   * The confidence level of the interval, strictly between 0 and 1.
   * @default 0.95
   */
  level: z.number().gt(0).lt(1).default(0.95),
  /** The seed of the resampling: the same values and seed give the same interval. */
  seed: SeedSchema,
});

/** Options of {@link bootstrapMean} and {@link pairedDifference}. */
export type BootstrapOptions = z.input<typeof BootstrapOptionsSchema>;

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

// Linear interpolation between order statistics (Hyndman & Fan type 7, the default of R and NumPy): quantile q of
// the sorted s[0..R-1] is read at position (R − 1)·q. It is continuous in q and gives [v, v] when every mean is v.
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  if (below + 1 >= sorted.length) return low;
  const high = sorted[below + 1] as number;
  // Equal neighbours return as they are, so that a constant sample has an exactly zero-width interval.
  return low === high ? low : low + (position - below) * (high - low);
}

// The percentile interval of the mean of `values`, resampled with replacement. Float64Arrays throughout: 1,000
// resamples of 10,000 values are ten million draws, and per-resample allocations would dominate them.
function percentileInterval(values: Float64Array, options: z.output<typeof BootstrapOptionsSchema>): [number, number] {
  const n = values.length;
  const random = new SeededRandom(options.seed);
  const means = new Float64Array(options.resamples);
  for (let r = 0; r < options.resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random.next() * n)] as number;
    means[r] = sum / n;
  }
  means.sort();
  const tail = (1 - options.level) / 2;
  return [quantile(means, tail), quantile(means, 1 - tail)];
}

function checkValues(values: readonly number[], name: string, fn: string): Float64Array {
  if (values.length === 0) {
    throw new IcerError('INVALID_ARGUMENT', `${fn} needs at least one value in ${name}, got none.`, {
      hint: 'Skip the condition or report it as having no scored questions.',
    });
  }
  const out = Float64Array.from(values);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new IcerError('INVALID_ARGUMENT', `${fn}: ${name}[${bad}] is ${values[bad]}, not a finite number.`);
  }
  return out;
}

/**
 * The mean of `values` with a percentile bootstrap confidence interval: `resamples` samples of n values drawn with
 * replacement, and the (1 − level)/2 and 1 − (1 − level)/2 quantiles of their means (type 7: linear interpolation
 * between order statistics). One value gives the interval [v, v].
 *
 * @throws IcerError `INVALID_ARGUMENT` for no values, a value that is not finite, or bad options.
 */
export function bootstrapMean(values: readonly number[], options: BootstrapOptions): Interval {
  const parsed = parseOptions(BootstrapOptionsSchema, options, 'bootstrapMean');
  const data = checkValues(values, 'values', 'bootstrapMean');
  return { mean: mean(data), ci: percentileInterval(data, parsed) };
}

/**
 * The difference mean(a) − mean(b) of two conditions measured on the same targets (a[i] and b[i] are one target),
 * with a percentile bootstrap interval. Targets are resampled, not values: a pair stays together, so the interval
 * reflects only how the two conditions differ per target, not how hard the targets are.
 *
 * @throws IcerError `INVALID_ARGUMENT` when the arrays differ in length, are empty, hold a value that is not finite,
 * or the options are bad.
 */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapOptions,
): DifferenceInterval {
  const parsed = parseOptions(BootstrapOptionsSchema, options, 'pairedDifference');
  if (a.length !== b.length) {
    throw new IcerError(
      'INVALID_ARGUMENT',
      `pairedDifference needs one value per target in both conditions, got ${a.length} and ${b.length}.`,
      { hint: 'Pair the values by target and drop targets missing from either condition.' },
    );
  }
  const first = checkValues(a, 'a', 'pairedDifference');
  const second = checkValues(b, 'b', 'pairedDifference');
  // The mean of a resample's differences is that resample's mean(a*) − mean(b*), in one pass.
  const differences = new Float64Array(first.length);
  for (let i = 0; i < differences.length; i++) differences[i] = (first[i] as number) - (second[i] as number);
  return { diff: mean(first) - mean(second), ci: percentileInterval(differences, parsed) };
}
