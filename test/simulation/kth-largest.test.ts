import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { kthLargest } from '../../src/simulation/kth-largest.js';

describe('kthLargest', () => {
  it('is the k-th value of a descending sort, ties and repeats included, for every k', () => {
    const random = new SeededRandom('kth');
    for (let trial = 0; trial < 200; trial++) {
      const n = random.int(1, 60);
      // Few distinct values, so that ties are common.
      const values = Array.from({ length: n }, () => (random.chance(0.5) ? random.int(0, 5) : random.next()));
      const sorted = [...values].sort((a, b) => b - a);
      for (let k = 1; k <= n; k++) {
        const scratch = Float64Array.from(values);
        expect(kthLargest(scratch, n, k)).toBe(sorted[k - 1]);
      }
    }
  });

  it('reads only the first n values', () => {
    expect(kthLargest(Float64Array.from([1, 9, 5, 100, 100]), 3, 1)).toBe(9);
    expect(kthLargest(Float64Array.from([1, 9, 5, 100, 100]), 3, 3)).toBe(1);
  });
});
