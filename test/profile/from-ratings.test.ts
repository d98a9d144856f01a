import { describe, expect, it } from 'vitest';
import { profileFromRatings, type Rating } from '../../src/profile/from-ratings.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { thrown } from '../helpers/thrown.js';

const ratings = [
  { item: 'm1', rating: 5 },
  { item: 'm8', rating: 4 },
  { item: 'm2', rating: 4.5 },
  { item: 'm6', rating: 1 },
  { item: 'm7', rating: 3 },
  { item: 'm3', rating: 2 },
];

describe('profileFromRatings', () => {
  it('splits liked, disliked and neutral by the default thresholds, with strengths', () => {
    const profile = profileFromRatings('u1', ratings, smallCatalog(), { heldOutFraction: 0 });
    expect(profile.liked).toEqual([
      { item: 'm1', strength: 1 },
      { item: 'm2', strength: 0.75 },
      { item: 'm8', strength: 0.5 },
    ]);
    expect(profile.disliked).toEqual([
      { item: 'm6', strength: 0.833 },
      { item: 'm3', strength: 0.5 },
    ]);
    expect(profile.neutral).toEqual(['m7']);
    expect(profile.heldOut).toEqual([]);
    expect(profile.source).toEqual({ kind: 'ratings', userId: 'u1', seed: 0 });
  });

  it('derives affinities from rated items, shrunk toward zero', () => {
    const profile = profileFromRatings('u1', ratings, smallCatalog(), { heldOutFraction: 0 });
    // Sci-Fi: m1 (5 → +1), m8 (4 → +0.5), m2 (4.5 → +0.75); sum 2.25 over 3 + 2.
    expect(profile.affinity('genre:Sci-Fi')).toBe(0.45);
    // Horror: m2 (4.5 → +0.75), m6 (1 → -0.8 on the 0.5–3 side); -0.05 / 4 is too weak to keep.
    expect(profile.affinities).not.toHaveProperty('genre:Horror');
    // One film is an anecdote: by default an attribute needs two rated items.
    expect(profile.affinities).not.toHaveProperty('genre:Crime');
    // Allowed one, a 2-star crime film moves Crime a little: -0.4 / 3.
    const anecdotal = profileFromRatings('u1', ratings, smallCatalog(), { heldOutFraction: 0, minEvidence: 1 });
    expect(anecdotal.affinity('genre:Crime')).toBe(-0.133);
    const stronger = profileFromRatings('u1', ratings, smallCatalog(), {
      heldOutFraction: 0,
      shrinkage: 0,
      minAffinity: 0,
      minEvidence: 1,
    });
    expect(stronger.affinity('genre:Crime')).toBe(-0.4);
    expect(stronger.affinity('genre:Horror')).toBe(-0.025);
    const genresOnly = profileFromRatings('u1', ratings, smallCatalog(), { heldOutFraction: 0, facets: ['genre'] });
    expect(Object.keys(genresOnly.affinities).every((k) => k.startsWith('genre:'))).toBe(true);
  });

  it('holds out liked items reproducibly and computes everything else without them', () => {
    const a = profileFromRatings('u1', ratings, smallCatalog(), { heldOutCount: 1, seed: 11 });
    const b = profileFromRatings('u1', ratings, smallCatalog(), { heldOutCount: 1, seed: 11 });
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(a.heldOut).toHaveLength(1);
    const target = a.heldOut[0] as string;
    expect(['m1', 'm2', 'm8']).toContain(target);
    expect(a.opinionOf(target)).toBe('unseen');
    // The held-out item's attributes get no evidence from it: same affinities as if it were never rated.
    const without = profileFromRatings(
      'u1',
      ratings.filter((r) => r.item !== target),
      smallCatalog(),
      { heldOutFraction: 0 },
    );
    expect(a.affinities).toEqual(without.affinities);
    // Across seeds, every liked item is held out sometimes.
    const targets = new Set(
      Array.from(
        { length: 40 },
        (_, seed) => profileFromRatings('u1', ratings, smallCatalog(), { heldOutCount: 1, seed }).heldOut[0],
      ),
    );
    expect(targets).toEqual(new Set(['m1', 'm2', 'm8']));
  });

  it('never holds out the last visible liked item', () => {
    const one = profileFromRatings('u', [{ item: 'm1', rating: 5 }], smallCatalog(), { heldOutCount: 3 });
    expect(one.heldOut).toEqual([]);
    expect(one.liked).toHaveLength(1);
    const two = profileFromRatings('u', ratings, smallCatalog(), { heldOutCount: 10 });
    expect(two.liked).toHaveLength(1);
    expect(two.heldOut).toHaveLength(2);
  });

  it('honours custom thresholds', () => {
    const profile = profileFromRatings('u1', ratings, smallCatalog(), {
      likeThreshold: 4.5,
      dislikeThreshold: 3,
      heldOutFraction: 0,
    });
    expect(profile.liked.map((o) => o.item)).toEqual(['m1', 'm2']);
    expect(profile.disliked.map((o) => o.item).sort()).toEqual(['m3', 'm6', 'm7']);
  });

  it('gives full strength when a threshold sits at the end of the scale', () => {
    const profile = profileFromRatings('u1', ratings, smallCatalog(), {
      likeThreshold: 5,
      dislikeThreshold: 0.5,
      heldOutFraction: 0,
    });
    expect(profile.liked).toEqual([{ item: 'm1', strength: 1 }]);
    expect(profile.disliked).toEqual([]);
  });

  it('rejects no ratings, unknown items and bad options with typed errors', () => {
    expect(thrown(() => profileFromRatings('u9', [], smallCatalog())).code).toBe('NO_RATINGS');
    expect(thrown(() => profileFromRatings('u9', [{ item: 'nope', rating: 4 }], smallCatalog())).code).toBe(
      'UNKNOWN_ITEM',
    );
    const bad = thrown(() =>
      profileFromRatings('u1', ratings, smallCatalog(), { likeThreshold: 2, dislikeThreshold: 3 }),
    );
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect(bad.location?.field).toBe('dislikeThreshold');
    expect(
      thrown(() => profileFromRatings('u1', ratings, smallCatalog(), { heldOutFraction: 1 })).location?.field,
    ).toBe('heldOutFraction');
  });

  it('rejects ratings that are not finite numbers on the scale, naming the user and the item', () => {
    for (const rating of [Number.NaN, 50, -7, 0.4, 5.01, Number.POSITIVE_INFINITY, '4' as unknown as number]) {
      const error = thrown(() => profileFromRatings('u1', [...ratings, { item: 'm4', rating }], smallCatalog()));
      expect(error.code, String(rating)).toBe('RATING_OUT_OF_RANGE');
      expect(error.message).toContain('"u1"');
      expect(error.message).toContain('"m4"');
      expect(error.message).toContain('0.5–5');
      expect(error.hint).toContain('minRating/maxRating');
    }
    // The ends of the scale are on it; another scale is accepted when named.
    expect(() => profileFromRatings('u1', [{ item: 'm1', rating: 0.5 }], smallCatalog())).not.toThrow();
    expect(() => profileFromRatings('u1', [{ item: 'm1', rating: 5 }], smallCatalog())).not.toThrow();
    const tenPoint = profileFromRatings('u1', [{ item: 'm1', rating: 9 }], smallCatalog(), {
      minRating: 1,
      maxRating: 10,
      heldOutFraction: 0,
    });
    expect(tenPoint.liked.map((o) => o.item)).toEqual(['m1']);
    expect(thrown(() => profileFromRatings('u1', ratings, smallCatalog(), { maxRating: Number.NaN })).code).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('resolves an item rated twice by the later timestamp, then the later rating, as the MovieLens loader does', () => {
    const profile = (list: Rating[]) => profileFromRatings('u1', list, smallCatalog(), { heldOutFraction: 0 });
    // No timestamps: the later entry wins.
    const untimed = profile([
      { item: 'm1', rating: 1 },
      { item: 'm2', rating: 3 },
      { item: 'm1', rating: 5 },
    ]);
    expect(untimed.liked).toEqual([{ item: 'm1', strength: 1 }]);
    expect(untimed.disliked).toEqual([]);
    // The later timestamp wins wherever it sits in the list; equal timestamps fall back to the later entry.
    const timed = profile([
      { item: 'm1', rating: 1, timestamp: 20 },
      { item: 'm1', rating: 5, timestamp: 10 },
      { item: 'm2', rating: 1, timestamp: 5 },
      { item: 'm2', rating: 4.5, timestamp: 5 },
    ]);
    expect(timed.disliked).toEqual([{ item: 'm1', strength: 0.833 }]);
    expect(timed.liked).toEqual([{ item: 'm2', strength: 0.75 }]);
    expect(thrown(() => profile([{ item: 'm1', rating: 4, timestamp: Number.NaN }])).location?.field).toBe('timestamp');
  });
});
