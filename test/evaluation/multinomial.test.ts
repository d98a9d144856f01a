import { describe, expect, it } from 'vitest';
import { binomial, multinomial } from '../../src/evaluation/multinomial.js';
import { SeededRandom } from '../../src/random/seeded-random.js';

/** Mean and variance of `count` draws. */
function moments(draw: () => number, count: number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / count;
  return { mean, variance: squares / count - mean * mean };
}

describe('binomial', () => {
  for (const [trials, p] of [
    [10, 0.3],
    [40, 0.5],
    [1000, 0.02],
    [155_000, 0.37],
    [155_000, 0.0004],
  ] as const) {
    it(`has the mean and variance of Binomial(${trials}, ${p})`, () => {
      const random = new SeededRandom(`binomial/${trials}/${p}`);
      const draws = 4000;
      const { mean, variance } = moments(() => binomial(random, trials, p), draws);
      const expectedMean = trials * p;
      const expectedVariance = trials * p * (1 - p);
      // Five standard errors of the sample mean, and a generous band for the variance.
      expect(Math.abs(mean - expectedMean)).toBeLessThan(5 * Math.sqrt(expectedVariance / draws));
      expect(variance / expectedVariance).toBeGreaterThan(0.85);
      expect(variance / expectedVariance).toBeLessThan(1.15);
    });
  }

  it('stays within 0..trials, and is exact at p = 0 and p = 1', () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 2000; i++) {
      const x = binomial(random, 57, 0.999);
      expect(Number.isInteger(x) && x >= 0 && x <= 57).toBe(true);
    }
    expect(binomial(random, 100, 0)).toBe(0);
    expect(binomial(random, 100, 1)).toBe(100);
  });
});

describe('multinomial', () => {
  it('splits the trials over the categories in proportion to their weights, summing to the trials', () => {
    const random = new SeededRandom(5);
    const weights = [5, 0, 1, 4];
    const counts = new Uint32Array(4);
    const totals = [0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) {
      multinomial(random, 10_000, weights, counts);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
      expect(counts[1]).toBe(0);
      counts.forEach((count, k) => {
        totals[k] = (totals[k] as number) + count;
      });
    }
    const shares = totals.map((total) => total / (2000 * 10_000));
    expect(shares[0]).toBeCloseTo(0.5, 2);
    expect(shares[2]).toBeCloseTo(0.1, 2);
    expect(shares[3]).toBeCloseTo(0.4, 2);
  });
});
