// Integration test on the real MovieLens ml-latest-small release. The data is licensed by GroupLens and must not be
// copied into this repository: it is read from ../shared/data/movielens-latest-small/ beside the project, and the
// whole suite skips (saying why) when that folder is absent.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMovieLens } from '../../src/data/movielens/load-movielens.js';
import type { MovieLensDataset } from '../../src/data/movielens/movielens-dataset.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import type { DialogueRecord } from '../../src/generation/dialogue-record.js';
import type { PreferenceProfile } from '../../src/profile/preference-profile.js';
import { PreferenceProfileSchema } from '../../src/profile/profile-schema.js';
import { suggestedInOrder } from '../helpers/suggested-in-order.js';
import { rejected } from '../helpers/thrown.js';

const DATA_DIR = fileURLToPath(new URL('../../../shared/data/movielens-latest-small/', import.meta.url));
const present = ['movies.csv', 'ratings.csv'].every((name) => existsSync(`${DATA_DIR}${name}`));

if (!present) {
  console.warn(
    `[movielens-integration] SKIPPED: MovieLens ml-latest-small not found at ${DATA_DIR} ` +
      '(movies.csv and ratings.csv are needed). The data is not part of this repository because of its license; ' +
      'put the release in ../shared/data/movielens-latest-small/ beside the project root to run these tests.',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// An independent reading of the raw files, with the simplest code that is right for this release: ratings.csv has
// no quoted fields, and in movies.csv only the title (between the first and the last comma) can contain commas.

interface RawRating {
  user: string;
  movie: string;
  rating: number;
}

function rawRatings(): RawRating[] {
  const lines = readFileSync(`${DATA_DIR}ratings.csv`, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  expect(lines[0]).toBe('userId,movieId,rating,timestamp');
  return lines.slice(1).map((line) => {
    const [user, movie, rating] = line.split(',') as [string, string, string];
    return { user, movie, rating: Number(rating) };
  });
}

/** movieId → genres (none for "(no genres listed)"). */
function rawGenres(): Map<string, string[]> {
  const lines = readFileSync(`${DATA_DIR}movies.csv`, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  expect(lines[0]).toBe('movieId,title,genres');
  const out = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const id = line.slice(0, line.indexOf(','));
    const genres = line.slice(line.lastIndexOf(',') + 1);
    out.set(id, genres === '(no genres listed)' ? [] : genres.split('|'));
  }
  return out;
}

/** Raw title ("Toy Story (1995)", quotes removed) → movieId. */
function rawIds(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(`${DATA_DIR}movies.csv`, 'utf8').split('\n').slice(1)) {
    if (line === '') continue;
    const title = line.slice(line.indexOf(',') + 1, line.lastIndexOf(',')).replace(/^"|"$/g, '');
    out.set(title, line.slice(0, line.indexOf(',')));
  }
  return out;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

describe.skipIf(!present)('MovieLens ml-latest-small (real data)', () => {
  let dataset: MovieLensDataset;
  let ratings: RawRating[];
  let genres: Map<string, string[]>;
  let profiles: PreferenceProfile[];

  beforeAll(async () => {
    dataset = await loadMovieLens(DATA_DIR);
    ratings = rawRatings();
    genres = rawGenres();
    profiles = [...dataset.profiles()];
  });

  it('loads 9,742 movies, 610 users and 100,836 ratings', () => {
    expect(dataset.catalog.size).toBe(9742);
    expect(dataset.userCount).toBe(610);
    expect(dataset.ratingCount).toBe(100_836);
    // The same as an independent count of the raw files.
    expect(genres.size).toBe(9742);
    expect(ratings).toHaveLength(100_836);
    expect(new Set(ratings.map((r) => r.user)).size).toBe(610);
    expect(dataset.catalog.ids()).toEqual([...genres.keys()]);
    // The release rates no (user, movie) pair twice.
    expect(dataset.duplicateRatings).toEqual({ rows: 0, pairs: 0, examples: [] });
  });

  it('refuses movies.csv re-encoded as Latin-1, naming the first line that is not UTF-8', async () => {
    const text = readFileSync(`${DATA_DIR}movies.csv`, 'utf8');
    const lines = text.split('\n');
    const nonAscii = (line: string) => [...line].some((c) => (c.codePointAt(0) as number) > 0x7f);
    // Every such title used to load with U+FFFD instead of its accented letters, silently.
    expect(lines.filter(nonAscii).length).toBeGreaterThan(200);
    const firstLine = lines.findIndex(nonAscii) + 1;
    const dir = mkdtempSync(join(tmpdir(), 'icer-latin1-'));
    try {
      writeFileSync(join(dir, 'movies.csv'), Buffer.from(text, 'latin1'));
      copyFileSync(`${DATA_DIR}ratings.csv`, join(dir, 'ratings.csv'));
      const error = await rejected(() => loadMovieLens(dir));
      expect(error.code).toBe('INVALID_ENCODING');
      expect(error.location).toMatchObject({ file: join(dir, 'movies.csv'), line: firstLine });
      expect(error.hint).toContain('iconv -f latin1 -t utf-8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads genres and tags as facets', () => {
    // IMAX, how a film was shown, is no genre (and, by default, no tag either).
    for (const [id, expected] of genres)
      expect(dataset.catalog.require(id).attributes.genre).toEqual(expected.filter((genre) => genre !== 'IMAX'));
    expect(dataset.catalog.vocabulary().filter(({ value }) => value === 'IMAX')).toEqual([]);
    const tagged = dataset.catalog.items().filter((item) => (item.attributes.tag ?? []).length > 0);
    expect(tagged.length).toBeGreaterThan(1000);
    expect(dataset.catalog.require('2571').externalIds).toEqual({ imdb: 'tt0133093', tmdb: '603' });
  });

  it("makes the IMAX genre a tag, last of each film's tags, when ignoredTags leaves it out", async () => {
    const kept = await loadMovieLens(DATA_DIR, { ignoredTags: [] });
    const shown = [...genres].filter(([, listed]) => listed.includes('IMAX')).map(([id]) => id);
    expect(shown.length).toBe(158);
    for (const id of shown) expect(kept.catalog.require(id).attributes.tag?.at(-1)).toBe('IMAX');
    expect(kept.catalog.withAttribute('tag:IMAX').map((item) => item.id)).toEqual(shown);
    expect(kept.catalog.vocabulary({ facet: 'genre' }).map(({ value }) => value)).not.toContain('IMAX');
  });

  it('splits real titles into title, year and aliases', () => {
    const matrix = dataset.catalog.require('2571');
    expect(matrix).toMatchObject({ title: 'The Matrix', year: 1999 });
    expect(dataset.catalog.findByTitle('Matrix, The (1999)').map((item) => item.id)).toEqual(['2571']);
    expect(dataset.catalog.findByTitle('the matrix').map((item) => item.id)).toContain('2571');

    expect(dataset.catalog.require('47')).toMatchObject({ title: 'Seven', year: 1995, aliases: ['Se7en'] });
    expect(dataset.catalog.findByTitle('Se7en').map((item) => item.id)).toEqual(['47']);

    expect(dataset.catalog.require('29')).toMatchObject({
      title: 'The City of Lost Children',
      year: 1995,
      aliases: ['La Cité des enfants perdus'],
    });
    expect(dataset.catalog.require('32')).toMatchObject({
      title: 'Twelve Monkeys',
      year: 1995,
      aliases: ['12 Monkeys'],
    });
    expect(dataset.catalog.require('1')).toMatchObject({ title: 'Toy Story', year: 1995 });
  });

  it('builds a valid profile for each of the 610 users, with held-out items nowhere else', () => {
    expect(profiles).toHaveLength(610);
    expect(profiles.map((p) => p.id)).toEqual(dataset.userIds());
    for (const profile of profiles) {
      const json = profile.toJSON();
      expect(() => PreferenceProfileSchema.parse(json), `profile ${profile.id}`).not.toThrow();
      const visible = new Set([
        ...profile.liked.map((o) => o.item),
        ...profile.disliked.map((o) => o.item),
        ...profile.neutral,
      ]);
      const leaked = profile.heldOut.filter((item) => visible.has(item));
      expect(leaked, `profile ${profile.id} leaks held-out items`).toEqual([]);
      if (profile.liked.length + profile.heldOut.length > 0) {
        expect(profile.liked.length, `profile ${profile.id} has no visible liked item`).toBeGreaterThanOrEqual(1);
      }
      for (const item of profile.heldOut) expect(profile.opinionOf(item)).toBe('unseen');
    }
  });

  it('sorts every rated movie of every user into liked + held-out (≥ 4), disliked (≤ 2) and neutral', () => {
    const tally = new Map<string, { liked: number; disliked: number; neutral: number }>();
    for (const { user, rating } of ratings) {
      const t = tally.get(user) ?? { liked: 0, disliked: 0, neutral: 0 };
      if (rating >= 4) t.liked++;
      else if (rating <= 2) t.disliked++;
      else t.neutral++;
      tally.set(user, t);
    }
    for (const profile of profiles) {
      const expected = tally.get(profile.id);
      expect({
        user: profile.id,
        liked: profile.liked.length + profile.heldOut.length,
        disliked: profile.disliked.length,
        neutral: profile.neutral.length,
      }).toEqual({ user: profile.id, ...expected });
    }
  });

  it('agrees with an independent computation for user "1": counts and genre affinities', () => {
    const profile = dataset.profile('1');
    const mine = ratings.filter((r) => r.user === '1');
    expect(mine).toHaveLength(232);
    const likedIds = mine.filter((r) => r.rating >= 4).map((r) => r.movie);
    expect(profile.liked.length + profile.heldOut.length).toBe(likedIds.length);
    expect(new Set([...profile.liked.map((o) => o.item), ...profile.heldOut])).toEqual(new Set(likedIds));
    expect(profile.disliked.length).toBe(mine.filter((r) => r.rating <= 2).length);
    // The default held-out share is 20% of the liked items.
    expect(profile.heldOut).toHaveLength(Math.floor(0.2 * likedIds.length));

    // How often each genre occurs among the movies user 1 liked.
    const likedGenreCounts = new Map<string, number>();
    for (const id of likedIds)
      for (const g of genres.get(id) ?? []) likedGenreCounts.set(g, (likedGenreCounts.get(g) ?? 0) + 1);

    // What the formula implies: a genre's affinity is the *mean* signed score of the user's visible rated movies of
    // that genre, shrunk by 2 pseudo-counts: affinity = Σ score / (n + 2), where the score is 0 at the centre 3
    // (midway between the thresholds 2 and 4) and each side is scaled to its own end of the scale: (r − 3) / 2 above
    // (5 → +1, 4 → +0.5), (r − 3) / 2.5 below (0.5 → −1). It is not a count: a genre liked 20 times at 5 stars
    // outranks one liked 70 times at 4, and disliked or neutral movies of a genre pull it down. For user 1,
    // Animation and Musical lead although they are only the 10th and 12th most frequent liked genres, so "top-3
    // affinities = top-3 most frequent liked genres" would be wrong. Frequency only enters through the shrinkage: a
    // genre the user barely rated cannot be near the top (one 5-star film gives at most 1 / 3). So the check is
    // (1) an independent recomputation of every genre affinity, with held-out movies excluded as the profile
    // promises and single-movie genres dropped, and (2) the top three lie among the genres the user liked at least
    // ten times.
    const heldOut = new Set(profile.heldOut);
    const sums = new Map<string, { sum: number; n: number }>();
    for (const { movie, rating } of mine) {
      if (heldOut.has(movie)) continue;
      const score = rating >= 3 ? (rating - 3) / 2 : (rating - 3) / 2.5;
      for (const g of genres.get(movie) ?? []) {
        const s = sums.get(g) ?? { sum: 0, n: 0 };
        s.sum += score;
        s.n++;
        sums.set(g, s);
      }
    }
    const expected = new Map<string, number>();
    for (const [g, { sum, n }] of sums) {
      // Genres resting on a single rated movie are dropped (minEvidence 2), as are near-zero ones.
      const value = round3(sum / (n + 2));
      if (n >= 2 && Math.abs(value) >= 0.05) expected.set(`genre:${g}`, value);
    }
    const actual = Object.entries(profile.affinities).filter(([key]) => key.startsWith('genre:'));
    expect(new Set(actual.map(([key]) => key))).toEqual(new Set(expected.keys()));
    for (const [key, value] of actual) expect(value, key).toBeCloseTo(expected.get(key) as number, 3);

    const topThree = profile
      .topAffinities('positive')
      .filter(({ key }) => key.startsWith('genre:'))
      .slice(0, 3);
    expect(topThree).toHaveLength(3);
    const expectedTop = [...expected]
      .filter(([, v]) => v > 0)
      .sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : 1))
      .slice(0, 3)
      .map(([key]) => key);
    expect(topThree.map(({ key }) => key)).toEqual(expectedTop);

    const frequentlyLiked = [...likedGenreCounts].filter(([, count]) => count >= 10).map(([g]) => `genre:${g}`);
    expect(frequentlyLiked.length).toBeLessThan(likedGenreCounts.size); // the check excludes something
    for (const { key } of topThree) expect(frequentlyLiked, `${key} is rarely liked by user 1`).toContain(key);
  });

  it('is deterministic: the same seed gives the same profiles, another seed other held-out splits', () => {
    const again = [...dataset.profiles()].map((p) => JSON.stringify(p.toJSON()));
    expect(again).toEqual(profiles.map((p) => JSON.stringify(p.toJSON())));

    const reseeded = [...dataset.profiles({ seed: 1 })];
    let changed = 0;
    for (const [index, profile] of reseeded.entries()) {
      const base = profiles[index] as PreferenceProfile;
      if (JSON.stringify([...profile.heldOut].sort()) !== JSON.stringify([...base.heldOut].sort())) changed++;
      // Only the split moves: the same movies are liked overall, disliked and neutral.
      expect(new Set([...profile.liked.map((o) => o.item), ...profile.heldOut])).toEqual(
        new Set([...base.liked.map((o) => o.item), ...base.heldOut]),
      );
      expect(profile.disliked).toEqual(base.disliked);
      expect(profile.neutral).toEqual(base.neutral);
    }
    expect(changed).toBeGreaterThan(300);
  });

  it('rarely pitches a film its raters panned (a mean under 2.5 stars from 5 or more of them)', async () => {
    const raters = new Map<string, { sum: number; count: number }>();
    for (const { movie, rating } of ratings) {
      const total = raters.get(movie) ?? { sum: 0, count: 0 };
      total.sum += rating;
      total.count++;
      raters.set(movie, total);
    }
    const panned = (id: string) => {
      const total = raters.get(id);
      return total !== undefined && total.count >= 5 && total.sum / total.count < 2.5;
    };
    const generator = new DialogueGenerator({ catalog: dataset.catalog, seed: 7 });
    let recommended = 0;
    let pannedCount = 0;
    for await (const record of generator.generateMany(profiles.slice(0, 400))) {
      for (const id of record.outcome.recommended) {
        recommended++;
        if (panned(id)) pannedCount++;
      }
    }
    // Without the ratings' say, about 1.5% of the films pitched were panned (175 of 11,322 in 3,000 dialogues).
    expect(recommended).toBeGreaterThan(1000);
    expect(pannedCount / recommended).toBeLessThan(0.006);
  });

  it('pitches films almost nobody rated hardly more often than they are among users’ own favourites', async () => {
    // Counted from ratings.csv: a film three or fewer users rated is one few have heard of ("Three from
    // Prostokvashino (1978)" to a Pixar fan). Of the films users rated 4 stars or more, about 6.5% are such films.
    const raters = new Map<string, number>();
    for (const { movie } of ratings) raters.set(movie, (raters.get(movie) ?? 0) + 1);
    const obscure = (id: string) => (raters.get(id) ?? 0) <= 3;
    const favourites = ratings.filter(({ rating }) => rating >= 4);
    const favouriteShare = favourites.filter(({ movie }) => obscure(movie)).length / favourites.length;
    // Three seeds: the share of one run of 610 dialogues moves by a fifth from seed to seed (1.19–1.51 times the
    // favourites' share in 0.37.0).
    const pitched: string[] = [];
    for (const seed of [7, 8, 9]) {
      const generator = new DialogueGenerator({ catalog: dataset.catalog, seed });
      for await (const record of generator.generateMany(profiles)) pitched.push(...record.outcome.recommended);
    }
    const pitchedShare = pitched.filter(obscure).length / pitched.length;
    // 12% of the films pitched before 0.36.0 (1.9 times the favourites' share over these seeds, with its
    // popularityWeight of 0.15); about 8.5% since (1.3 times).
    expect(favouriteShare).toBeGreaterThan(0.04);
    expect(pitchedShare / favouriteShare).toBeLessThan(1.5);
  });

  it('suggests a sequel only once the user has said they know the film before it', async () => {
    // Franchises as a film fan lists them, in MovieLens's own titles: each film follows the one before it.
    const franchises = [
      ['Toy Story (1995)', 'Toy Story 2 (1999)', 'Toy Story 3 (2010)'],
      ['Godfather, The (1972)', 'Godfather: Part II, The (1974)', 'Godfather: Part III, The (1990)'],
      ['Back to the Future (1985)', 'Back to the Future Part II (1989)', 'Back to the Future Part III (1990)'],
      [
        'Lord of the Rings: The Fellowship of the Ring, The (2001)',
        'Lord of the Rings: The Two Towers, The (2002)',
        'Lord of the Rings: The Return of the King, The (2003)',
      ],
      [
        'Hobbit: An Unexpected Journey, The (2012)',
        'Hobbit: The Desolation of Smaug, The (2013)',
        'The Hobbit: The Battle of the Five Armies (2014)',
      ],
      [
        'Pirates of the Caribbean: The Curse of the Black Pearl (2003)',
        "Pirates of the Caribbean: Dead Man's Chest (2006)",
        "Pirates of the Caribbean: At World's End (2007)",
      ],
      ['Kill Bill: Vol. 1 (2003)', 'Kill Bill: Vol. 2 (2004)'],
      [
        'Star Wars: Episode IV - A New Hope (1977)',
        'Star Wars: Episode V - The Empire Strikes Back (1980)',
        'Star Wars: Episode VI - Return of the Jedi (1983)',
      ],
    ];
    const ids = rawIds();
    const before = new Map<string, string>();
    for (const titles of franchises) {
      const films = titles.map((title) => ids.get(title));
      expect(films, titles[0]).not.toContain(undefined);
      for (let i = 1; i < films.length; i++) before.set(films[i] as string, films[i - 1] as string);
    }
    const records: DialogueRecord[] = [];
    const generator = new DialogueGenerator({ catalog: dataset.catalog, seed: 7 });
    for await (const record of generator.generateMany(profiles.slice(0, 400))) records.push(record);
    const { later, blind } = suggestedInOrder(records, before);
    // "The Two Towers (2002) would be my pick." to someone who has not said they saw The Fellowship of the Ring
    // (before series were read from titles: 39 such suggestions in these 400 dialogues).
    expect(blind).toEqual([]);
    // The next film is still suggested to those who know the one before.
    expect(later).toBeGreaterThan(0);
  });
});
