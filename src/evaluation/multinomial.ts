import type { SeededRandom } from '../random/seeded-random.js';

// Below this many trials a binomial is drawn trial by trial; above, the trials are split in two (see binomial).
const DIRECT_TRIALS = 16;

/**
 * A Gamma(shape, 1) variate for shape ≥ 1 (Marsaglia and Tsang's squeeze method: exact, about 1.1 normal draws per
 * sample).
 */
function gamma(random: SeededRandom, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = random.normal();
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base * base * base;
    const u = random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Binomial(trials, p) variate, exactly, in O(log trials) draws (Devroye's recursive split): the a-th smallest of
 * the trials' uniforms is a Beta(a, trials − a + 1) variate X; below it lie a − 1 uniforms spread on [0, X), above
 * it the rest on (X, 1), so the count below p is a binomial of one part or a plus a binomial of the other.
 */
export function binomial(random: SeededRandom, trials: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return trials;
  let n = trials;
  let q = p;
  let count = 0;
  while (n > DIRECT_TRIALS) {
    const a = 1 + (n >> 1);
    const b = n + 1 - a;
    const first = gamma(random, a);
    const x = first / (first + gamma(random, b));
    if (x >= q) {
      n = a - 1;
      q /= x;
    } else {
      count += a;
      n = b - 1;
      q = (q - x) / (1 - x);
    }
  }
  for (let i = 0; i < n; i++) if (random.next() < q) count++;
  return count;
}

/**
 * Multinomial(trials; weights) counts into `out` (weights need not sum to 1), by conditional binomials: the count of
 * category k is a binomial of the trials left over the weight left. Exact, and its cost grows with the number of
 * categories, not of trials.
 */
export function multinomial(random: SeededRandom, trials: number, weights: ArrayLike<number>, out: Uint32Array): void {
  let left = trials;
  let rest = 0;
  for (let k = 0; k < weights.length; k++) rest += weights[k] as number;
  for (let k = 0; k < weights.length; k++) {
    const weight = weights[k] as number;
    const count = left === 0 ? 0 : k === weights.length - 1 ? left : binomial(random, left, Math.min(1, weight / rest));
    out[k] = count;
    left -= count;
    rest -= weight;
  }
}
