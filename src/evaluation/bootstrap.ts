import { z } from 'zod';
import { IcerError } from '../errors.js';
import { SeededRandom, SeedSchema } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { multinomial } from './multinomial.js';

/** A mean and its bootstrap confidence interval. */
export interface Interval {
  /** The mean of the values. */
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

// A fast stream of uniform numbers for the resampling loops (mulberry32, seeded from the seeded stream): a study makes
// billions of draws. Written out in each loop rather than called, which halves their cost.
const MULBERRY_STEP = 0x6d2b79f5;
const TWO_TO_32 = 4294967296;

// The percentile intervals of the means of several columns of one set of units, resampled together with
// replacement: one draw of a unit serves every column, so k statistics of the same units cost one resampling.
// Float64Arrays throughout: per-resample allocations would dominate the draws.
function percentileIntervals(
  columns: readonly Float64Array[],
  options: z.output<typeof BootstrapOptionsSchema>,
): Array<[number, number]> {
  const n = (columns[0] as Float64Array).length;
  const random = new SeededRandom(options.seed);
  const categories = categorize(columns);
  const means = categories
    ? resampleCategories(categories, n, options.resamples, random)
    : resampleUnits(columns, options.resamples, Math.floor(random.next() * TWO_TO_32) | 0);
  const tail = (1 - options.level) / 2;
  return means.map((column) => {
    column.sort();
    return [quantile(column, tail), quantile(column, 1 - tail)];
  });
}

/** Units that share every column's value, grouped: the unit's group, and each group's value per column. */
interface Categories {
  readonly ofUnit: Uint16Array;
  readonly values: Float64Array[];
}

// Ranking metrics take few distinct values (one per place in a list of 20), so units usually fall into a few dozen
// groups, and a resample costs a few draws per group. With many groups (values that rarely repeat), drawing the
// units themselves is cheaper.
const MAX_CATEGORIES = 65_535;
const UNITS_PER_CATEGORY = 16;

function categorize(columns: readonly Float64Array[]): Categories | undefined {
  const n = (columns[0] as Float64Array).length;
  const first = columns[0] as Float64Array;
  // The groups by their first column's value, then compared column by column: no key is built per unit.
  const byFirst = new Map<number, number[]>();
  const ofUnit = new Uint16Array(n);
  const tuples: number[][] = [];
  const limit = Math.min(MAX_CATEGORIES, Math.max(64, Math.floor(n / UNITS_PER_CATEGORY)));
  const sameAs = (i: number, tuple: readonly number[]) => {
    for (let c = 1; c < columns.length; c++) if ((columns[c] as Float64Array)[i] !== tuple[c]) return false;
    return true;
  };
  for (let i = 0; i < n; i++) {
    const groups = byFirst.get(first[i] as number);
    let category = -1;
    for (const group of groups ?? []) {
      if (!sameAs(i, tuples[group] as number[])) continue;
      category = group;
      break;
    }
    if (category < 0) {
      if (tuples.length === limit) return undefined;
      category = tuples.length;
      tuples.push(columns.map((column) => column[i] as number));
      if (groups) groups.push(category);
      else byFirst.set(first[i] as number, [category]);
    }
    ofUnit[i] = category;
  }
  return { ofUnit, values: columns.map((_, c) => Float64Array.from(tuples, (tuple) => tuple[c] as number)) };
}

// A resample as counts per group: resampling n units with replacement is a multinomial draw of the groups' sizes,
// which costs a few draws per group instead of one per unit.
function resampleCategories(
  { ofUnit, values }: Categories,
  n: number,
  resamples: number,
  random: SeededRandom,
): Float64Array[] {
  const groups = (values[0] as Float64Array).length;
  const sizes = new Float64Array(groups);
  for (let i = 0; i < n; i++) sizes[ofUnit[i] as number] = (sizes[ofUnit[i] as number] as number) + 1;
  const counts = new Uint32Array(groups);
  const means = values.map(() => new Float64Array(resamples));
  for (let r = 0; r < resamples; r++) {
    multinomial(random, n, sizes, counts);
    for (let c = 0; c < values.length; c++) {
      const column = values[c] as Float64Array;
      let sum = 0;
      for (let k = 0; k < groups; k++) sum += (counts[k] as number) * (column[k] as number);
      (means[c] as Float64Array)[r] = sum / n;
    }
  }
  return means;
}

function resampleUnits(columns: readonly Float64Array[], resamples: number, seed: number): Float64Array[] {
  const n = (columns[0] as Float64Array).length;
  let state = seed;
  const k = columns.length;
  const means = columns.map(() => new Float64Array(resamples));
  const sums = new Float64Array(k);
  for (let r = 0; r < resamples; r++) {
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      state = (state + MULBERRY_STEP) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      const unit = Math.floor((((t ^ (t >>> 14)) >>> 0) / TWO_TO_32) * n);
      for (let c = 0; c < k; c++) sums[c] = (sums[c] as number) + ((columns[c] as Float64Array)[unit] as number);
    }
    for (let c = 0; c < k; c++) (means[c] as Float64Array)[r] = (sums[c] as number) / n;
  }
  return means;
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
  return { mean: mean(data), ci: percentileIntervals([data], parsed)[0] as [number, number] };
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
  return { diff: mean(first) - mean(second), ci: percentileIntervals([differences], parsed)[0] as [number, number] };
}

/**
 * {@link bootstrapMean} for several statistics of the same units at once (column c, unit i: `columns[c][i]`): each
 * resample draws the units once and serves every column, so the intervals of, say, six metrics of one condition cost
 * one resampling.
 *
 * @throws IcerError `INVALID_ARGUMENT` for no columns, columns of different lengths or none, a value that is not
 * finite, or bad options.
 */
export function bootstrapMeans(columns: ReadonlyArray<readonly number[]>, options: BootstrapOptions): Interval[] {
  const parsed = parseOptions(BootstrapOptionsSchema, options, 'bootstrapMeans');
  const data = checkColumns(columns, 'bootstrapMeans');
  return percentileIntervals(data, parsed).map((ci, c) => ({ mean: mean(data[c] as Float64Array), ci }));
}

/**
 * {@link pairedDifference} for several statistics of the same targets at once: `a[c][i]` and `b[c][i]` are statistic
 * c of target i under the two conditions.
 *
 * @throws IcerError `INVALID_ARGUMENT` when the two sides have different shapes, or as {@link bootstrapMeans}.
 */
export function pairedDifferences(
  a: ReadonlyArray<readonly number[]>,
  b: ReadonlyArray<readonly number[]>,
  options: BootstrapOptions,
): DifferenceInterval[] {
  const parsed = parseOptions(BootstrapOptionsSchema, options, 'pairedDifferences');
  const first = checkColumns(a, 'pairedDifferences');
  const second = checkColumns(b, 'pairedDifferences');
  if (first.length !== second.length || (first[0] as Float64Array).length !== (second[0] as Float64Array).length) {
    throw new IcerError(
      'INVALID_ARGUMENT',
      'pairedDifferences needs the same statistics of the same targets on both sides.',
      {
        hint: 'Pair the values by target and drop targets missing from either condition.',
      },
    );
  }
  const differences = first.map((column, c) =>
    column.map((value, i) => value - ((second[c] as Float64Array)[i] as number)),
  );
  return percentileIntervals(differences, parsed).map((ci, c) => ({
    diff: mean(first[c] as Float64Array) - mean(second[c] as Float64Array),
    ci,
  }));
}

function checkColumns(columns: ReadonlyArray<readonly number[]>, fn: string): Float64Array[] {
  if (columns.length === 0) {
    throw new IcerError('INVALID_ARGUMENT', `${fn} needs at least one column of values, got none.`);
  }
  const data = columns.map((column, c) => checkValues(column, `column ${c}`, fn));
  if (data.some((column) => column.length !== (data[0] as Float64Array).length)) {
    throw new IcerError(
      'INVALID_ARGUMENT',
      `${fn}: the columns have different lengths; each must hold one value per unit.`,
    );
  }
  return data;
}
