import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/random/seeded-random.js';

const draw = (rng: SeededRandom, n: number) => Array.from({ length: n }, () => rng.next());

describe('SeededRandom', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    expect(draw(new SeededRandom(7), 50)).toEqual(draw(new SeededRandom(7), 50));
    expect(draw(new SeededRandom(7), 50)).not.toEqual(draw(new SeededRandom(8), 50));
    expect(draw(new SeededRandom('7'), 5)).not.toEqual(draw(new SeededRandom(7), 5));
  });

  it('produces values in [0, 1) with a roughly uniform mean', () => {
    const values = draw(new SeededRandom('uniform'), 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it('forks independent streams without advancing the parent', () => {
    const a = new SeededRandom(1);
    const b = new SeededRandom(1);
    a.fork('x').next();
    expect(a.next()).toBe(b.next());
    expect(draw(new SeededRandom(1).fork('x'), 5)).toEqual(draw(new SeededRandom(1).fork('x'), 5));
    expect(draw(new SeededRandom(1).fork('x'), 5)).not.toEqual(draw(new SeededRandom(1).fork('y'), 5));
  });

  it('makes a fork the source seeded with the joined text, whatever the parent was seeded with', () => {
    for (const seed of [7, -0, 1.5, 'run', '', 'ō/ū']) {
      const forked = new SeededRandom(seed).fork('user').fork(3).fork('turn/12');
      const joined = new SeededRandom(`${String(seed)}/user/3/turn/12`);
      expect(forked.seed).toBe(joined.seed);
      expect(draw(forked, 5)).toEqual(draw(joined, 5));
    }
  });

  it('samples distinct elements and shuffles without losing any', () => {
    const rng = new SeededRandom(3);
    const items = Array.from({ length: 30 }, (_, i) => i);
    const sample = rng.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
    expect(rng.shuffle(items).sort((x, y) => x - y)).toEqual(items);
    expect(() => rng.pick([])).toThrow(/empty/);
    expect(() => new SeededRandom(Number.NaN)).toThrow(/finite/);
  });
});
