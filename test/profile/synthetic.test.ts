import { describe, expect, it } from 'vitest';
import { itemAttributeKeys } from '../../src/catalog/item.js';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { PreferenceProfileSchema } from '../../src/profile/profile-schema.js';
import { syntheticProfile, syntheticProfiles, syntheticProfilesBetween } from '../../src/profile/synthetic.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { BUILTIN_CATALOGS } from '../helpers/builtin-catalogs.js';
import { thrown } from '../helpers/thrown.js';

const GENRES = ['Action', 'Comedy', 'Drama', 'Horror', 'Romance', 'Sci-Fi', 'Western', 'Animation'];
const TAGS = ['heist', 'space', 'time travel', 'revenge', 'family', 'dark', 'feel-good', 'twist ending'];

function generatedCatalog(size = 120): ItemCatalog {
  const rng = new SeededRandom('catalog');
  return new ItemCatalog(
    Array.from({ length: size }, (_, i) => ({
      id: `i${i}`,
      title: `Film ${i}`,
      year: 1950 + (i % 70),
      attributes: { genre: rng.sample(GENRES, rng.int(1, 3)), tag: rng.sample(TAGS, rng.int(1, 3)) },
    })),
  );
}

/** For each attribute `which` accepts, the genres of each item carrying it: counted here from the items. */
function genresOfHolders(items: ItemCatalog, which: (key: string) => boolean): Map<string, string[][]> {
  const holders = new Map<string, string[][]>();
  for (const item of items)
    for (const key of itemAttributeKeys(item))
      if (which(key)) holders.set(key, [...(holders.get(key) ?? []), item.attributes.genre ?? []]);
  return holders;
}

describe('syntheticProfiles', () => {
  const catalog = generatedCatalog();

  it('draws valid, distinct users reproducibly; user i depends only on (seed, i)', () => {
    const users = [...syntheticProfiles(catalog, { count: 20, seed: 5 })];
    expect(users.map((u) => u.id)).toEqual(Array.from({ length: 20 }, (_, i) => `synthetic-${i}`));
    for (const user of users) {
      expect(() => PreferenceProfileSchema.parse(user.toJSON())).not.toThrow();
      expect(() => user.assertMatches(catalog)).not.toThrow();
      expect(user.liked.length).toBeGreaterThan(0);
      expect(user.persona?.patience).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(users.map((u) => JSON.stringify(u.affinities))).size).toBe(20);
    const again = [...syntheticProfiles(catalog, { count: 20, seed: 5 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(users));
    expect(JSON.stringify(syntheticProfile(catalog, 13, { seed: 5 }))).toBe(JSON.stringify(users[13]));
    expect(JSON.stringify([...syntheticProfilesBetween(catalog, 7, 12, { seed: 5 })])).toBe(
      JSON.stringify(users.slice(7, 12)),
    );
    expect(JSON.stringify([...syntheticProfiles(catalog, { count: 20, seed: 6 })])).not.toBe(JSON.stringify(users));
  });

  it('likes items that fit the latent taste and dislikes those that do not', () => {
    let agree = 0;
    let total = 0;
    for (const user of syntheticProfiles(catalog, { count: 50, seed: 1 })) {
      const utility = (id: string) => {
        const keys = itemAttributeKeys(catalog.require(id));
        return keys.reduce((sum, key) => sum + user.affinity(key), 0) / Math.sqrt(keys.length);
      };
      for (const { item } of user.liked) {
        total++;
        if (utility(item) > 0) agree++;
      }
      for (const { item } of user.disliked) {
        total++;
        if (utility(item) < 0) agree++;
      }
    }
    // Idiosyncratic noise flips a few; the taste must explain the great majority.
    expect(agree / total).toBeGreaterThan(0.85);
  });

  it.each(BUILTIN_CATALOGS)(
    'likes a tag whose items are all of a genre it loves and none it dislikes (%s)',
    (_, load) => {
      const items = load();
      const holders = genresOfHolders(items, (key) => key.startsWith('tag:'));
      let pairs = 0;
      let liked = 0;
      for (const user of syntheticProfiles(items, { count: 600, seed: 9 })) {
        const taste = (genre: string) => user.affinity(`genre:${genre}`);
        for (const [key, genres] of holders) {
          if (genres.length < 3) continue;
          const fits = genres.every(
            (list) => list.some((genre) => taste(genre) >= 0.5) && list.every((g) => taste(g) >= 0),
          );
          if (!fits) continue;
          pairs++;
          if (user.affinity(key) >= 0.2) liked++;
        }
      }
      expect(pairs).toBeGreaterThan(100);
      expect(liked / pairs).toBeGreaterThan(0.7);
    },
  );

  it.each(BUILTIN_CATALOGS)('likes, at least mildly, the genre of most items of something it loves (%s)', (_, load) => {
    const items = load();
    const holders = genresOfHolders(items, (key) => !key.startsWith('genre:'));
    let loves = 0;
    for (const user of syntheticProfiles(items, { count: 1000, seed: 3 })) {
      for (const [key, value] of Object.entries(user.affinities)) {
        if (key.startsWith('genre:') || value <= 0.4) continue;
        const genres = holders.get(key) ?? [];
        for (const genre of new Set(genres.flat())) {
          if (genres.filter((list) => list.includes(genre)).length < 0.7 * genres.length) continue;
          loves++;
          // "Crazy about dystopian movies" and then "Sci-fi, either way": every dystopia in the catalog is sci-fi.
          expect(user.affinity(`genre:${genre}`), `${user.id}: ${key} / ${genre}`).toBeGreaterThanOrEqual(0.2);
        }
      }
    }
    expect(loves).toBeGreaterThan(300);
  });

  it.each(BUILTIN_CATALOGS)('never likes a kind of item whose genre it dislikes, even mildly (%s)', (_, load) => {
    const items = load();
    // Counted here from the items: an attribute whose items nearly all carry a genre ("police" → Crime), and one
    // named like a genre ("philosophical" and Philosophy).
    const holders = genresOfHolders(items, (key) => !key.startsWith('genre:'));
    const ofKind = (key: string, genre: string) => {
      const genres = holders.get(key) ?? [];
      const share = genres.filter((list) => list.includes(genre)).length / genres.length;
      const stem = genre.slice(0, 7).toLowerCase();
      return (
        share >= 0.7 ||
        (stem.length === 7 &&
          key
            .slice(key.indexOf(':') + 1)
            .toLowerCase()
            .startsWith(stem))
      );
    };
    let likings = 0;
    for (const user of syntheticProfiles(items, { count: 1000, seed: 4 })) {
      const tastes = Object.entries(user.affinities);
      for (const [key, value] of tastes) {
        if (key.startsWith('genre:') || value < 0.3) continue;
        likings++;
        for (const [genre, taste] of tastes)
          if (genre.startsWith('genre:') && taste < 0)
            expect(ofKind(key, genre.slice(6)), `${key} / ${genre}`).toBe(false);
      }
    }
    expect(likings).toBeGreaterThan(1000);
  });

  it.each(BUILTIN_CATALOGS)('takes one side on a genre and its name said otherwise, voicing both (%s)', (_, load) => {
    const items = load();
    // "Really into musicals!" and then "Indifferent to movies with musical numbers.": found here from the names alone.
    const vocabulary = items.vocabulary().map(({ key }) => key);
    const pairs = vocabulary
      .filter((key) => key.startsWith('genre:'))
      .flatMap((genre) =>
        vocabulary
          .filter(
            (key) => key.startsWith('tag:') && key.slice(4).toLowerCase().startsWith(genre.slice(6, 13).toLowerCase()),
          )
          .map((tag) => [genre, tag] as const),
      );
    expect(pairs.length).toBeGreaterThan(0);
    let voiced = 0;
    for (const user of syntheticProfiles(items, { count: 1000, seed: 5 })) {
      for (const [genre, tag] of pairs) {
        for (const [one, other] of [
          [genre, tag],
          [tag, genre],
        ] as const) {
          const taste = user.affinity(one);
          if (Math.abs(taste) < 0.2) continue;
          voiced++;
          expect(Math.sign(user.affinity(other)), `${user.id}: ${one} ${taste} / ${other}`).toBe(Math.sign(taste));
          expect(Math.abs(user.affinity(other)), `${user.id}: ${one} ${taste} / ${other}`).toBeGreaterThanOrEqual(0.2);
        }
      }
    }
    expect(voiced).toBeGreaterThan(100);
  });

  it.each(BUILTIN_CATALOGS)('has seen most of the work of a person or series it is a fan of (%s)', (_, load) => {
    const source = load();
    let items = 0;
    let seen = 0;
    let others = 0;
    let othersSeen = 0;
    for (const user of syntheticProfiles(source, { count: 300, seed: 4 })) {
      const known = new Set([
        ...user.liked.map((o) => o.item),
        ...user.disliked.map((o) => o.item),
        ...user.neutral,
        ...user.heldOut,
      ]);
      for (const [key, taste] of Object.entries(user.affinities)) {
        if (key.startsWith('genre:') || key.startsWith('tag:')) continue;
        for (const item of source.withAttribute(key)) {
          // A fan (0.5 or more); anyone else has seen a random share of the catalog (15–40%).
          if (taste >= 0.5) {
            items++;
            if (known.has(item.id)) seen++;
          } else {
            others++;
            if (known.has(item.id)) othersSeen++;
          }
        }
      }
    }
    expect(items).toBeGreaterThan(200);
    expect(seen / items).toBeGreaterThan(0.75);
    expect(othersSeen / others).toBeLessThan(0.45);
  });

  it('holds out liked items that appear nowhere else, and can draw without personas', () => {
    for (const user of syntheticProfiles(catalog, { count: 30, seed: 2, heldOutFraction: 0.3, personas: false })) {
      expect(user.persona).toBeUndefined();
      for (const id of user.heldOut) expect(user.opinionOf(id)).toBe('unseen');
    }
  });

  it('rejects an empty catalog and bad options, before drawing anything', () => {
    expect(thrown(() => syntheticProfiles(new ItemCatalog([]))).code).toBe('EMPTY_CATALOG');
    const bad = thrown(() => syntheticProfiles(catalog, { count: 0 }));
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect(bad.location?.field).toBe('count');
    expect(thrown(() => syntheticProfile(catalog, -1)).code).toBe('INVALID_ARGUMENT');
  });
});
