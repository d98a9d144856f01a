import { describe, expect, it } from 'vitest';
import { bootstrapMean, bootstrapMeans, pairedDifference, pairedDifferences } from '../../src/evaluation/bootstrap.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { thrown } from '../helpers/thrown.js';

const uniform = (seed: string, n: number) => {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('bootstrapMean', () => {
  it('repeats exactly for a seed and moves with another', () => {
    const values = uniform('values', 300);
    expect(bootstrapMean(values, { seed: 7 })).toEqual(bootstrapMean(values, { seed: 7 }));
    expect(bootstrapMean(values, { seed: 7 }).ci).not.toEqual(bootstrapMean(values, { seed: 8 }).ci);
  });

  it('brackets the mean', () => {
    const values = uniform('bracket', 500);
    const { mean, ci } = bootstrapMean(values, { seed: 1 });
    expect(mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
    expect(ci[0]).toBeLessThan(mean);
    expect(ci[1]).toBeGreaterThan(mean);
  });

  it('gives a constant sample, and a single value, a zero-width interval', () => {
    expect(bootstrapMean([0.1, 0.1, 0.1, 0.1, 0.1], { seed: 1 })).toEqual({ mean: 0.1, ci: [0.1, 0.1] });
    expect(bootstrapMean([0.37], { seed: 1, resamples: 10 })).toEqual({ mean: 0.37, ci: [0.37, 0.37] });
  });

  it('narrows as the sample grows, and widens with the level', () => {
    const width = (ci: [number, number]) => ci[1] - ci[0];
    const small = bootstrapMean(uniform('size', 50), { seed: 1 });
    const large = bootstrapMean(uniform('size', 5000), { seed: 1 });
    // The width shrinks like 1/√n: a hundred times the values, about a tenth of the width.
    expect(width(large.ci)).toBeLessThan(width(small.ci) / 5);
    const values = uniform('level', 400);
    expect(width(bootstrapMean(values, { seed: 2, level: 0.99 }).ci)).toBeGreaterThan(
      width(bootstrapMean(values, { seed: 2, level: 0.8 }).ci),
    );
  });

  it('covers the true mean about as often as its level says', () => {
    // 200 samples of 200 Bernoulli(0.3) values: a 95% interval should hold 0.3 in roughly 190 of them.
    const random = new SeededRandom('coverage');
    let covered = 0;
    for (let s = 0; s < 200; s++) {
      const sample = Array.from({ length: 200 }, () => (random.chance(0.3) ? 1 : 0));
      const { ci } = bootstrapMean(sample, { seed: s, resamples: 400 });
      if (ci[0] <= 0.3 && 0.3 <= ci[1]) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(198);
  });

  it('refuses no values, values that are not finite, and bad options', () => {
    const empty = thrown(() => bootstrapMean([], { seed: 1 }));
    expect(empty.code).toBe('INVALID_ARGUMENT');
    expect(empty.message).toMatch(/at least one value/);
    expect(thrown(() => bootstrapMean([1, Number.NaN], { seed: 1 })).message).toMatch(/values\[1\] is NaN/);
    expect(thrown(() => bootstrapMean([1], { seed: 1, level: 1 })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => bootstrapMean([1], { seed: 1, resamples: 0 })).code).toBe('INVALID_ARGUMENT');
    // @ts-expect-error: an unknown option is refused, not ignored
    expect(thrown(() => bootstrapMean([1], { seed: 1, samples: 10 })).message).toMatch(/samples/);
  });
});

describe('pairedDifference', () => {
  it('is exactly zero for identical conditions', () => {
    const values = uniform('same', 250);
    expect(pairedDifference(values, values.slice(), { seed: 3 })).toEqual({ diff: 0, ci: [0, 0] });
  });

  it('finds a known shift with a tight interval, however noisy the targets are', () => {
    const a = uniform('shift', 400);
    const b = a.map((v) => v - 0.1);
    const { diff, ci } = pairedDifference(a, b, { seed: 4 });
    expect(diff).toBeCloseTo(0.1, 12);
    expect(ci[0]).toBeCloseTo(0.1, 12);
    expect(ci[1]).toBeCloseTo(0.1, 12);
    // Unpaired, the same means would carry the targets' spread: the pairing is what makes the interval tight.
    const unpaired = bootstrapMean(a, { seed: 4 });
    expect(unpaired.ci[1] - unpaired.ci[0]).toBeGreaterThan(0.05);
  });

  it('repeats exactly for a seed and brackets the difference', () => {
    const a = uniform('a', 300);
    const b = uniform('b', 300);
    const result = pairedDifference(a, b, { seed: 5, resamples: 500 });
    expect(pairedDifference(a, b, { seed: 5, resamples: 500 })).toEqual(result);
    expect(result.ci[0]).toBeLessThan(result.diff);
    expect(result.ci[1]).toBeGreaterThan(result.diff);
  });

  it('refuses conditions of different lengths', () => {
    const error = thrown(() => pairedDifference([1, 2], [1], { seed: 1 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/got 2 and 1/);
    expect(thrown(() => pairedDifference([], [], { seed: 1 })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('bootstrapMeans and pairedDifferences: several statistics of the same units at once', () => {
  const a = Array.from({ length: 300 }, (_, i) => (i % 7) / 7);
  const b = a.map((value, i) => (i % 3 === 0 ? value - 0.1 : value));

  it('give each column its own mean and an interval around it, deterministically', () => {
    const [first, second] = bootstrapMeans([a, b], { seed: 4 });
    expect(first?.mean).toBeCloseTo(a.reduce((s, v) => s + v, 0) / a.length, 12);
    expect(second?.mean).toBeCloseTo(b.reduce((s, v) => s + v, 0) / b.length, 12);
    for (const interval of [first, second]) {
      expect(interval?.ci[0]).toBeLessThan(interval?.mean as number);
      expect(interval?.ci[1]).toBeGreaterThan(interval?.mean as number);
    }
    expect(bootstrapMeans([a, b], { seed: 4 })).toEqual([first, second]);
  });

  it('resample units by all their columns, whichever comes first', () => {
    // Units alike in the first column but not the others are not one unit drawn for all of them.
    const constant = a.map(() => 0.5);
    const [flat, varying] = bootstrapMeans([constant, a, b], { seed: 4 });
    expect(flat?.ci).toEqual([0.5, 0.5]);
    expect(varying?.ci[1]).toBeGreaterThan(varying?.ci[0] as number);
    expect(bootstrapMeans([a, b, constant], { seed: 4 })).toEqual([varying, expect.anything(), flat]);
    expect(bootstrapMeans([b, constant, a], { seed: 4 })[2]).toEqual(varying);
  });

  it('pair the targets: a constant shift on a third of them gives a tight interval around it', () => {
    const [shift] = pairedDifferences([a], [b], { seed: 1 });
    expect(shift?.diff).toBeCloseTo(0.1 / 3, 12);
    expect(shift?.ci[0]).toBeGreaterThan(0.02);
    expect(shift?.ci[1]).toBeLessThan(0.05);
    expect(pairedDifferences([a, b], [a, b], { seed: 1 })).toEqual([
      { diff: 0, ci: [0, 0] },
      { diff: 0, ci: [0, 0] },
    ]);
  });

  it('refuse columns of different lengths and sides of different shapes', () => {
    expect(thrown(() => bootstrapMeans([a, [1, 2]], { seed: 1 })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => bootstrapMeans([], { seed: 1 })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => pairedDifferences([a], [a, b], { seed: 1 })).code).toBe('INVALID_ARGUMENT');
  });
});
