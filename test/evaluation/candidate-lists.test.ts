import { describe, expect, it } from 'vitest';
import { NegativeSamplingSchema, popularitySampler, sampleCandidates } from '../../src/evaluation/candidate-lists.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { thrown } from '../helpers/thrown.js';

const pool = Array.from({ length: 1000 }, (_, i) => `item-${i}`);
// Popularity falls off with the index: item-0 is the most popular, the last 500 were never rated.
const popularity = (id: string) => Math.max(0, 500 - Number(id.slice(5)));
const exclude = new Set(['item-1', 'item-2', 'item-3', 'item-500']);

function draw(seed: number, sampling: 'uniform' | 'popular', negatives = 20): string[] {
  return sampleCandidates({
    target: 'item-7',
    pool,
    exclude,
    negatives,
    sampling,
    popularity: sampling === 'popular' ? popularity : undefined,
    random: new SeededRandom(seed),
  });
}

describe('sampleCandidates', () => {
  it('holds the target once and distinct, eligible negatives', () => {
    expect(NegativeSamplingSchema.options).toEqual(['uniform', 'popular']);
    for (const sampling of ['uniform', 'popular'] as const) {
      for (let seed = 0; seed < 50; seed++) {
        const list = draw(seed, sampling);
        expect(list).toHaveLength(21);
        expect(list.filter((id) => id === 'item-7')).toHaveLength(1);
        expect(new Set(list).size).toBe(21);
        expect(list.some((id) => exclude.has(id))).toBe(false);
        expect(list.every((id) => pool.includes(id))).toBe(true);
      }
    }
  });

  it('repeats exactly for a seed', () => {
    for (const sampling of ['uniform', 'popular'] as const) {
      expect(draw(11, sampling)).toEqual(draw(11, sampling));
      expect(draw(11, sampling)).not.toEqual(draw(12, sampling));
    }
  });

  it('puts the target anywhere in the list', () => {
    const positions = new Set<number>();
    for (let seed = 0; seed < 200; seed++) positions.add(draw(seed, 'uniform', 4).indexOf('item-7'));
    expect([...positions].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('favours popular items when asked to, and keeps unrated ones possible', () => {
    const share = (sampling: 'uniform' | 'popular') => {
      let head = 0;
      let unrated = 0;
      for (let seed = 0; seed < 100; seed++) {
        for (const id of draw(seed, sampling)) {
          if (id === 'item-7') continue;
          const index = Number(id.slice(5));
          if (index < 100) head++;
          if (index >= 500) unrated++;
        }
      }
      return { head: head / 2000, unrated: unrated / 2000 };
    };
    const uniform = share('uniform');
    const popular = share('popular');
    // Uniform: the 100 most popular items are a tenth of the pool. Popular: they hold 36% of the weight.
    expect(uniform.head).toBeGreaterThan(0.07);
    expect(uniform.head).toBeLessThan(0.13);
    expect(popular.head).toBeGreaterThan(0.3);
    // The 500 unrated items weigh 1 each: 500 of 126,250 in all, so a few draws but not none.
    expect(popular.unrated).toBeGreaterThan(0);
    expect(popular.unrated).toBeLessThan(0.02);
  });

  it('takes a sampler built once, with the same draws as the function', () => {
    const sampler = popularitySampler(pool, popularity);
    for (let seed = 0; seed < 10; seed++) {
      const withSampler = sampleCandidates({
        target: 'item-7',
        pool,
        exclude,
        negatives: 20,
        sampling: 'popular',
        popularity: sampler,
        random: new SeededRandom(seed),
      });
      expect(withSampler).toEqual(draw(seed, 'popular'));
    }
    const other = thrown(() =>
      sampleCandidates({
        target: 'item-7',
        pool: pool.slice(),
        exclude,
        negatives: 2,
        sampling: 'popular',
        popularity: sampler,
        random: new SeededRandom(1),
      }),
    );
    expect(other.message).toMatch(/another pool/);
  });

  it('fills the list exactly when nearly everything is excluded', () => {
    const small = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const sampling of ['uniform', 'popular'] as const) {
      for (let seed = 0; seed < 20; seed++) {
        const list = sampleCandidates({
          target: 'a',
          pool: small,
          exclude: new Set(['b', 'c']),
          negatives: 3,
          sampling,
          popularity: () => 0,
          random: new SeededRandom(seed),
        });
        expect([...list].sort()).toEqual(['a', 'd', 'e', 'f']);
      }
    }
    // A pool where the excluded items are almost all the weight still yields the few others.
    const heavy = sampleCandidates({
      target: 'item-7',
      pool,
      exclude: new Set(pool.slice(0, 990)),
      negatives: 10,
      sampling: 'popular',
      popularity,
      random: new SeededRandom(3),
    });
    expect(heavy.filter((id) => id !== 'item-7').sort()).toEqual(pool.slice(990).sort());
  });

  it('says how many items were available when too few are', () => {
    const error = thrown(() =>
      sampleCandidates({
        target: 'a',
        pool: ['a', 'b', 'c', 'd', 'd'],
        exclude: new Set(['b']),
        negatives: 3,
        sampling: 'uniform',
        random: new SeededRandom(1),
      }),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.problem).toBe('Only 2 items are eligible as negatives for target "a", but 3 were asked for.');
    expect(error.message).toMatch(/Lower --negatives/);
  });

  it('refuses bad options', () => {
    const base = { target: 'item-7', pool, exclude, negatives: 5, random: new SeededRandom(1) };
    expect(thrown(() => sampleCandidates({ ...base, sampling: 'popular' })).message).toMatch(/needs a `popularity`/);
    expect(thrown(() => sampleCandidates({ ...base, negatives: -1, sampling: 'uniform' })).code).toBe(
      'INVALID_ARGUMENT',
    );
    // @ts-expect-error: not a sampling mode
    expect(thrown(() => sampleCandidates({ ...base, sampling: 'random' })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => popularitySampler(['a'], () => -1)).message).toMatch(/finite number ≥ 0/);
  });
});
