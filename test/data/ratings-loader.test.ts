import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMovieLens } from '../../src/data/movielens/load-movielens.js';
import { MovieLensDataset } from '../../src/data/movielens/movielens-dataset.js';
import { loadRatings, type RatingsDataOptions } from '../../src/data/ratings/load-ratings.js';
import { RatingsDataset } from '../../src/data/ratings/ratings-dataset.js';
import { domainPhrasing } from '../../src/lexicon/domain-phrasing.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected, thrown } from '../helpers/thrown.js';

const tempDir = useTempDir();

// Goodreads-like: books.csv with authors (comma-separated), a year written as a float, genres split by '|';
// ratings.csv on a 1–5 scale, no timestamps.
const GENRES = ['fantasy', 'science fiction', 'romance', 'mystery'];
const AUTHORS = ['Ursula K. Le Guin', 'Jane Austen', 'Agatha Christie', 'Terry Pratchett', 'Neil Gaiman'];
const BOOKS = [
  'book_id,title,authors,original_publication_year,genres,isbn',
  '1,The Hobbit,J.R.R. Tolkien,1937.0,fantasy|classics,0618260307',
  '2,The Odyssey,Homer,-720.0,classics|poetry,',
  '3,"Good Omens, the Nice and Accurate Prophecies","Terry Pratchett, Neil Gaiman",1990,fantasy|comedy|fantasy,',
  ...Array.from(
    { length: 27 },
    (_, i) => `${i + 4},Book ${i + 4},${AUTHORS[i % 5]},${1950 + i},${GENRES[i % 4]}|${GENRES[(i + 1) % 4]},978${i}`,
  ),
].join('\n');

/** User u rates book b by how well b's first genre fits u's taste: a 1–5 rating, deterministic. */
function goodreadsRatings(): string {
  const rows = ['user_id,book_id,rating'];
  for (let u = 0; u < 6; u++) {
    for (let b = 4; b <= 30; b += 1 + (u % 2)) {
      const fit = (b - 4 + u) % 4;
      rows.push(`reader-${u},${b},${[5, 4, 2, 1][fit]}`);
    }
    rows.push(`reader-${u},1,${u % 2 === 0 ? 5 : 3}`);
  }
  return rows.join('\n');
}

const GOODREADS: Omit<RatingsDataOptions, 'items' | 'ratings'> = {
  itemColumns: { id: 'book_id', title: 'title', year: 'original_publication_year' },
  facets: { genre: 'genres', author: { column: 'authors', separator: ',' } },
  ratingColumns: { user: 'user_id', item: 'book_id', rating: 'rating' },
  minRating: 1,
  maxRating: 5,
  domain: 'books',
};

// Amazon-like: products keyed by asin, categories split by '|', a brand; reviews on a 1–10 scale with Unix times.
const PRODUCTS = [
  'asin,title,brand,categories,price',
  'B001,Trail Runner 2,Northfield,Shoes|Running,89.99',
  'B002,Road Racer,Swiftly,Shoes|Running|Road,120',
  'B003,Rain Shell,Northfield,Jackets|Outdoor,150',
  'B004,Fleece Midlayer,Alpenwerk,Jackets|Outdoor|Warm,75',
  'B005,City Sneaker,Swiftly,Shoes|Casual,60',
  'B006,Down Parka,Alpenwerk,Jackets|Warm,240',
].join('\n');
const REVIEWS = [
  'reviewerID,asin,overall,unixReviewTime',
  'A1,B001,9,1400000000',
  'A1,B002,10,1400000100',
  'A1,B003,2,1400000200',
  'A1,B004,3,1400000300',
  'A1,B005,8,1400000400',
  'A2,B003,10,1400000000',
  'A2,B004,9,1400000050',
  'A2,B006,8,1400000060',
  'A2,B001,1,1400000070',
  'A2,B003,6,1300000000',
  'A3,B002,7,1400000000',
  'A3,B002,4,1400000500',
].join('\n');
const AMAZON: Omit<RatingsDataOptions, 'items' | 'ratings'> = {
  itemColumns: { id: 'asin', title: 'title' },
  facets: { category: 'categories', brand: 'brand' },
  ratingColumns: { user: 'reviewerID', item: 'asin', rating: 'overall', timestamp: 'unixReviewTime' },
  minRating: 1,
  maxRating: 10,
  domain: 'products',
};

function files(items: string, ratings: string): { items: string; ratings: string } {
  const { write } = tempDir();
  return { items: write('items.csv', items), ratings: write('ratings.csv', ratings) };
}

describe('loadRatings', () => {
  it('loads Goodreads-style books: columns mapped, multi-valued facets, years, popularity by raters', async () => {
    const paths = files(BOOKS, goodreadsRatings());
    const dataset = await loadRatings({ ...GOODREADS, ...paths });
    expect(dataset).toBeInstanceOf(RatingsDataset);
    const { catalog } = dataset;
    expect(catalog.domain).toBe('books');
    expect(catalog.size).toBe(30);
    expect(catalog.source).toBe(paths.items);
    expect(catalog.get('1')).toMatchObject({
      title: 'The Hobbit',
      year: 1937,
      attributes: { genre: ['fantasy', 'classics'], author: ['J.R.R. Tolkien'] },
      popularity: 6,
    });
    // A year the catalog cannot hold is unknown, not an error; the repeated genre counts once.
    expect(catalog.get('2')?.year).toBeUndefined();
    expect(catalog.get('2')?.popularity).toBe(0);
    // How well it was rated, on the scale from 0 to 1; a book nobody rated is put a little below the mean.
    expect(catalog.get('1')?.quality).toBeGreaterThan(0);
    expect(catalog.get('1')?.quality).toBeLessThan(1);
    expect(catalog.get('2')?.quality).toBeGreaterThan(0);
    expect(catalog.get('2')?.quality).toBeLessThan(0.5);
    expect(catalog.get('3')?.attributes).toEqual({
      genre: ['fantasy', 'comedy'],
      author: ['Terry Pratchett', 'Neil Gaiman'],
    });
    expect(dataset.userIds()).toEqual(['reader-0', 'reader-1', 'reader-2', 'reader-3', 'reader-4', 'reader-5']);
    expect(dataset.ratingsOf('reader-0')[0]).toEqual({ item: '4', rating: 5 });
    expect(dataset.duplicateRatings.rows).toBe(0);
    expect(dataset.ratingsFile).toBe(paths.ratings);
  });

  it('takes a phrasing for the catalog, checked as a JSON catalog checks one', async () => {
    const paths = files(PRODUCTS, REVIEWS);
    const phrasing = {
      noun: { singular: 'gadget', plural: 'gadgets' },
      consume: { base: 'use', past: 'used', participle: 'used', gerund: 'using' },
    };
    const { catalog } = await loadRatings({ ...AMAZON, ...paths, phrasing });
    expect(domainPhrasing(catalog).noun).toEqual(phrasing.noun);
    const error = await rejected(() => loadRatings({ ...AMAZON, ...paths, phrasing: { noun: 'gadget' } as never }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', location: { field: 'phrasing.noun' } });
  });

  it('builds profiles with a held-out split, on the scale it was loaded with', async () => {
    const dataset = await loadRatings({ ...GOODREADS, ...files(BOOKS, goodreadsRatings()) });
    const profiles = [...dataset.profiles({ seed: 3, heldOutFraction: 0.3 })];
    expect(profiles.map((profile) => profile.id)).toEqual(dataset.userIds());
    for (const profile of profiles) {
      expect(profile.heldOut.length).toBeGreaterThan(0);
      const shown = [...profile.liked, ...profile.disliked].map((opinion) => opinion.item);
      for (const item of profile.heldOut) expect(shown).not.toContain(item);
      expect(Object.keys(profile.affinities).some((key) => key.startsWith('genre:'))).toBe(true);
    }
    // The same seed, the same split; the profile of one user is the one in the list.
    expect(dataset.profile('reader-2', { seed: 3, heldOutFraction: 0.3 }).toJSON()).toEqual(profiles[2]?.toJSON());
  });

  it('loads Amazon-style products on a 1–10 scale, settling a pair rated twice by its timestamp', async () => {
    const paths = files(PRODUCTS, REVIEWS);
    const dataset = await loadRatings({ ...AMAZON, ...paths });
    expect(dataset.catalog.domain).toBe('products');
    expect(dataset.catalog.get('B002')?.attributes).toEqual({
      category: ['Shoes', 'Running', 'Road'],
      brand: ['Swiftly'],
    });
    // A2 rated B003 first at a later time: that rating (10) counts; A3's later B002 row (4) counts.
    expect(dataset.ratingsOf('A2').find((r) => r.item === 'B003')?.rating).toBe(10);
    expect(dataset.ratingsOf('A3')).toEqual([{ item: 'B002', rating: 4 }]);
    expect(dataset.duplicateRatings).toMatchObject({ rows: 2, pairs: 2 });
    expect(dataset.duplicateRatings.examples[0]).toMatchObject({ file: paths.ratings, line: 11, keptLine: 7 });
    expect(dataset.catalog.get('B003')?.popularity).toBe(2);
    expect(dataset.catalog.get('B002')?.popularity).toBe(2);
    const profile = dataset.profile('A1', { likeThreshold: 8, dislikeThreshold: 3, heldOutCount: 1, seed: 1 });
    expect(profile.heldOut).toHaveLength(1);
    const items = (opinions: readonly { item: string }[]) => opinions.map((opinion) => opinion.item).sort();
    expect([...items(profile.liked), ...profile.heldOut].sort()).toEqual(['B001', 'B002', 'B005']);
    expect(items(profile.disliked)).toEqual(['B003', 'B004']);
  });

  it('reads ISO 8601 dates as timestamps (Yelp-style), in UTC whatever the machine', async () => {
    const items = ['business_id,name,categories', 'x,Pizza Place,"Restaurants, Pizza"', 'y,Noodle Bar,Restaurants'];
    const ratings = ['user_id,business_id,stars,date', 'u,x,2,2016-03-09 12:00:00', 'u,x,5,2016-03-09', 'u,y,4,'];
    const dataset = await loadRatings({
      ...files(items.join('\n'), ratings.join('\n')),
      itemColumns: { id: 'business_id', title: 'name' },
      facets: { category: { column: 'categories', separator: ',' } },
      ratingColumns: { user: 'user_id', item: 'business_id', rating: 'stars', timestamp: 'date' },
      minRating: 1,
    });
    expect(dataset.catalog.get('x')?.attributes).toEqual({ category: ['Restaurants', 'Pizza'] });
    expect(dataset.catalog.domain).toBe('items');
    expect(dataset.ratingsOf('u')).toEqual([
      { item: 'x', rating: 2 },
      { item: 'y', rating: 4 },
    ]);
  });

  it('uses its default columns: itemId, title; userId, itemId, rating', async () => {
    const dataset = await loadRatings(
      files(['itemId,title', 'a,Alpha', 'b,Beta'].join('\n'), ['userId,itemId,rating', '1,a,4', '1,b,0.5'].join('\n')),
    );
    expect(dataset.catalog.size).toBe(2);
    expect(dataset.ratingsOf('1')).toHaveLength(2);
  });

  describe('errors name the file, line and column', () => {
    it('a missing column names the option that maps it and the columns the header has', async () => {
      const paths = files(BOOKS, goodreadsRatings());
      const error = await rejected(() =>
        loadRatings({ ...GOODREADS, ...paths, itemColumns: { id: 'goodreads_book_id', title: 'title' } }),
      );
      expect(error.code).toBe('MALFORMED_CSV');
      expect(error.location).toEqual({ file: paths.items, line: 1, field: 'goodreads_book_id' });
      expect(error.message).toContain('"goodreads_book_id" (itemColumns.id)');
      expect(error.message).toContain('"book_id", "title", "authors"');
      expect(error.hint).toContain('itemColumns.id');

      const facet = await rejected(() => loadRatings({ ...GOODREADS, ...paths, facets: { shelf: 'shelves' } }));
      expect(facet.message).toContain('"shelves" (facets.shelf)');
      const rating = await rejected(() =>
        loadRatings({ ...GOODREADS, ...paths, ratingColumns: { user: 'user_id', item: 'book_id', rating: 'stars' } }),
      );
      expect(rating.location).toEqual({ file: paths.ratings, line: 1, field: 'stars' });
      expect(rating.message).toContain('(ratingColumns.rating)');
    });

    it('a rating that is not a number, or off the scale', async () => {
      const bad = files(PRODUCTS, `${REVIEWS}\nA4,B001,ten,1`);
      const malformed = await rejected(() => loadRatings({ ...AMAZON, ...bad }));
      expect(malformed.code).toBe('MALFORMED_CSV');
      expect(malformed.location).toEqual({ file: bad.ratings, line: 14, field: 'overall' });
      const off = files(PRODUCTS, REVIEWS);
      const error = await rejected(() => loadRatings({ ...AMAZON, ...off, maxRating: 5 }));
      expect(error.code).toBe('RATING_OUT_OF_RANGE');
      expect(error.location).toEqual({ file: off.ratings, line: 2, field: 'overall' });
      expect(error.message).toContain('"A1"');
      expect(error.message).toContain('1–5');
    });

    it('a rating of an item not in the items file, unless skipped', async () => {
      const paths = files(PRODUCTS, `${REVIEWS}\nA4,B999,5,1\nA4,B001,6,2`);
      const error = await rejected(() => loadRatings({ ...AMAZON, ...paths }));
      expect(error.code).toBe('UNKNOWN_ITEM');
      expect(error.location).toEqual({ file: paths.ratings, line: 14, field: 'asin' });
      expect(error.hint).toContain("unknownItems: 'skip'");
      const skipped = await loadRatings({ ...AMAZON, ...paths, unknownItems: 'skip' });
      expect(skipped.ratingsOf('A4')).toEqual([{ item: 'B001', rating: 6 }]);
    });

    it('an item id defined twice, an empty title, a year that is not a number', async () => {
      const twice = files(`${PRODUCTS}\nB002,Road Racer 2,Swiftly,Shoes,1`, REVIEWS);
      const duplicate = await rejected(() => loadRatings({ ...AMAZON, ...twice }));
      expect(duplicate.code).toBe('DUPLICATE_ITEM_ID');
      expect(duplicate.location).toEqual({ file: twice.items, line: 8, field: 'asin' });
      expect(duplicate.message).toContain('line 3');

      const untitled = files(`${PRODUCTS}\nB007,,Swiftly,Shoes,1`, REVIEWS);
      const empty = await rejected(() => loadRatings({ ...AMAZON, ...untitled }));
      expect(empty).toMatchObject({ code: 'MALFORMED_CSV', location: { line: 8, field: 'title' } });

      const year = files(BOOKS.replace('1937.0', 'circa 1937'), goodreadsRatings());
      const notYear = await rejected(() => loadRatings({ ...GOODREADS, ...year }));
      expect(notYear).toMatchObject({
        code: 'MALFORMED_CSV',
        location: { file: year.items, line: 2, field: 'original_publication_year' },
      });
    });

    it('a missing file, a row of the wrong width, a timestamp of the wrong form', async () => {
      const paths = files(PRODUCTS, REVIEWS);
      const nope = join(dirname(paths.items), 'nope.csv');
      const missing = await rejected(() => loadRatings({ ...AMAZON, ...paths, ratings: nope }));
      expect(missing).toMatchObject({ code: 'FILE_NOT_FOUND', location: { file: nope } });
      const short = files(PRODUCTS, `${REVIEWS}\nA4,B001`);
      expect(await rejected(() => loadRatings({ ...AMAZON, ...short }))).toMatchObject({
        code: 'MALFORMED_CSV',
        location: { file: short.ratings, line: 14 },
      });
      const when = files(PRODUCTS, `${REVIEWS}\nA4,B001,5,yesterday`);
      expect(await rejected(() => loadRatings({ ...AMAZON, ...when }))).toMatchObject({
        code: 'MALFORMED_CSV',
        location: { file: when.ratings, line: 14, field: 'unixReviewTime' },
      });
    });

    it('options that cannot work are INVALID_ARGUMENT before any file is read', async () => {
      const paths = { items: '/nonexistent/items.csv', ratings: '/nonexistent/ratings.csv' };
      expect(await rejected(() => loadRatings({ ...paths, minRating: 5, maxRating: 1 }))).toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      expect(await rejected(() => loadRatings({ ...paths, facets: { 'Not A Facet': 'x' } }))).toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      expect(
        await rejected(() => loadRatings({ ...paths, itemColumns: { id: 'id', titel: 'x' } as never })),
      ).toMatchObject({ code: 'INVALID_ARGUMENT' });
    });

    it('a user with no ratings names the ratings file', async () => {
      const paths = files(PRODUCTS, REVIEWS);
      const dataset = await loadRatings({ ...AMAZON, ...paths });
      const error = thrown(() => dataset.ratingsOf('nobody'));
      expect(error.code).toBe('NO_RATINGS');
      expect(error.message).toContain(paths.ratings);
    });
  });
});

describe('MovieLensDataset', () => {
  it('is a RatingsDataset that keeps its directory', async () => {
    const { dir, write } = tempDir();
    write('movies.csv', 'movieId,title,genres\n1,Heat (1995),Action|Crime\n2,Up (2009),Animation');
    write('ratings.csv', 'userId,movieId,rating,timestamp\n1,1,4.5,1\n1,2,1,2');
    const dataset = await loadMovieLens(dir);
    expect(dataset).toBeInstanceOf(MovieLensDataset);
    expect(dataset).toBeInstanceOf(RatingsDataset);
    expect(dataset.directory).toBe(dir);
    expect(dataset.ratingsFile).toBe(join(dir, 'ratings.csv'));
    expect(dataset.catalog.domain).toBe('movies');
    expect(thrown(() => dataset.ratingsOf('9')).message).toContain(
      `User "9" has no ratings in ${join(dir, 'ratings.csv')}.`,
    );
    expect(thrown(() => dataset.profile('1', { likeThreshold: 'x' as never })).message).toContain(
      'MovieLensDataset.profile',
    );
  });
});
