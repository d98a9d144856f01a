import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { loadMovieLens } from '../../src/data/movielens/load-movielens.js';
import { parseMovieLensTitle } from '../../src/data/movielens/parse-movielens-title.js';
import { IcerError } from '../../src/errors.js';
import { profileFromRatings } from '../../src/profile/from-ratings.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected, thrown } from '../helpers/thrown.js';

const tempDir = useTempDir();

const MOVIES = [
  'movieId,title,genres',
  '1,"Matrix, The (1999)",Action|Sci-Fi|Thriller',
  '2,"City of Lost Children, The (Cité des enfants perdus, La) (1995)",Adventure|Drama|Fantasy|Mystery|Sci-Fi',
  '3,Seven (a.k.a. Se7en) (1995),Mystery|Thriller',
  '4,Babylon 5,(no genres listed)',
  '5,"Shining, The (1980)",Horror',
].join('\n');
const RATINGS = [
  'userId,movieId,rating,timestamp',
  '1,1,5.0,1',
  '1,2,4.0,2',
  '1,5,1.0,3',
  '2,3,3.5,4',
  '2,1,2.0,5',
].join('\n');
const TAGS = [
  'userId,movieId,tag,timestamp',
  '1,1,Cyberpunk,1',
  '2,1,"philosophy, sort of",2',
  '1,1, cyberpunk ,3',
  '2,5,Stephen King,4',
  '1,1,"philosophy, sort of",5',
  '1,5,Stephen King,6',
].join('\n');
const LINKS = ['movieId,imdbId,tmdbId', '1,0133093,603', '4,0105946,'].join('\n');

function dataset(files: Record<string, string>): string {
  const { dir, write } = tempDir();
  for (const [name, content] of Object.entries(files)) write(name, content);
  return dir;
}

describe('loadMovieLens', () => {
  it('loads movies, tags, links and ratings; splits titles; handles CRLF', async () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const dir = dataset({
      'movies.csv': crlf(MOVIES),
      'ratings.csv': RATINGS,
      'tags.csv': crlf(TAGS),
      'links.csv': LINKS,
    });
    const data = await loadMovieLens(dir);
    const { catalog } = data;
    expect(catalog.size).toBe(5);
    expect(catalog.domain).toBe('movies');
    expect(catalog.get('1')).toEqual({
      id: '1',
      title: 'The Matrix',
      year: 1999,
      popularity: 2,
      // Rated 5 and 2, pooled with 10 ratings of 2.65 (the mean of all, 3.1, less a tenth of the scale): 2.79 of 0.5–5.
      quality: 0.509,
      externalIds: { imdb: 'tt0133093', tmdb: '603' },
      attributes: { genre: ['Action', 'Sci-Fi', 'Thriller'], tag: ['cyberpunk', 'philosophy, sort of'] },
    });
    expect(catalog.get('2')).toMatchObject({
      title: 'The City of Lost Children',
      year: 1995,
      aliases: ['La Cité des enfants perdus'],
    });
    expect(catalog.get('4')).toMatchObject({
      title: 'Babylon 5',
      attributes: { genre: [] },
      externalIds: { imdb: 'tt0105946' },
    });
    expect(catalog.findByTitle('se7en').map((i) => i.id)).toEqual(['3']);
    expect(data.userIds()).toEqual(['1', '2']);
    expect(data.ratingCount).toBe(5);
    expect(data.ratingsOf('2')).toEqual([
      { item: '3', rating: 3.5 },
      { item: '1', rating: 2 },
    ]);
    const profile = data.profile('1', { heldOutFraction: 0, minEvidence: 1 });
    expect(profile.liked.map((o) => o.item)).toEqual(['1', '2']);
    expect(profile.disliked.map((o) => o.item)).toEqual(['5']);
    expect(profile.affinity('tag:Stephen King')).toBeLessThan(0);
    expect([...data.profiles()].map((p) => p.id)).toEqual(['1', '2']);
  });

  it('rates each film by its raters, a film few rated close to a little under the mean of all', async () => {
    const { catalog } = await loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS }));
    // Film 2 was rated 4, film 5 rated 1 (once each), film 3 rated 3.5; film 4 was not rated, and sits where the
    // pooled ratings alone put it (2.65 of 0.5–5), between a single rating above them and one below.
    const quality = (id: string) => catalog.get(id)?.quality as number;
    expect(quality('2')).toBeGreaterThan(quality('3'));
    expect(quality('3')).toBeGreaterThan(quality('4'));
    expect(quality('4')).toBe(0.478);
    expect(quality('4')).toBeGreaterThan(quality('5'));
    // One rating moves a film only a little: a single 4 of 5 stays under the middle of the scale.
    expect(quality('2')).toBeLessThan(0.55);
    expect(quality('5')).toBeGreaterThan(0.4);
  });

  it('counts ratings as popularity and leaves out bookkeeping tags and verdicts', async () => {
    const tags = `${TAGS}\n3,5,In Netflix Queue,9\n3,5,In Netflix Queue,9\n3,5,scary,9\n2,5,scary,9\n1,5,Overrated,9\n2,5,overrated,9\n1,5,predictable,9\n3,5,Predictable,9`;
    const data = await loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS, 'tags.csv': tags }));
    expect(data.catalog.get('5')?.attributes.tag).toEqual(['Stephen King', 'scary']);
    expect(data.catalog.get('4')?.popularity).toBe(0);
    expect(data.catalog.mostPopular(2).map((item) => item.id)).toEqual(['1', '2']);
    const kept = await loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS, 'tags.csv': tags }), {
      ignoredTags: [],
    });
    expect(kept.catalog.get('5')?.attributes.tag).toContain('In Netflix Queue');
  });

  it("leaves out a tag that repeats one of the film's own genres, but not another film's", async () => {
    const tags = `${TAGS}\n3,5,horror,9\n3,5, Horror ,9\n3,1,sci-fi,9\n3,1,scifi,9\n3,1,Sci Fi,9\n3,3,horror,9`;
    const data = await loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS, 'tags.csv': tags }));
    expect(data.catalog.get('5')?.attributes.tag).toEqual(['Stephen King']);
    expect(data.catalog.get('1')?.attributes.tag).toEqual(['cyberpunk', 'philosophy, sort of']);
    expect(data.catalog.get('3')?.attributes.tag).toEqual(['horror']);
  });

  it('leaves out a tag given only once, and puts the tags given to a film most often first', async () => {
    const tags = [
      'userId,movieId,tag',
      '1,1,Mount Rushmore',
      '1,1,atmospheric',
      '1,2,Tolkein',
      '1,3,Tolkein',
      '2,1,dystopia',
      '1,1,dystopia',
    ].join('\n');
    const files = { 'movies.csv': MOVIES, 'ratings.csv': RATINGS, 'tags.csv': tags };
    const data = await loadMovieLens(dataset(files));
    // Given once: left out. Given twice, by one user to two films: kept. Given to Matrix twice: said first.
    expect(data.catalog.get('1')?.attributes.tag).toEqual(['dystopia']);
    expect(data.catalog.get('2')?.attributes.tag).toEqual(['Tolkien']);
    const every = await loadMovieLens(dataset(files), { minTagUses: 1 });
    expect(every.catalog.get('1')?.attributes.tag).toEqual(['dystopia', 'Mount Rushmore', 'atmospheric']);
    const error = await loadMovieLens(dataset(files), { minTagUses: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(String((error as Error).message)).toContain('minTagUses');
  });

  it('keeps ten tags of a film at most, those given to it most often', async () => {
    // One user gave Pulp Fiction 173 tags, which made it the answer to almost any taste.
    const bulk = Array.from({ length: 14 }, (_, i) => `9,1,tag ${i}`);
    const tags = [
      'userId,movieId,tag',
      ...bulk,
      '1,1,tag 12',
      '2,1,tag 13',
      ...bulk.map((row) => row.replace(',1,', ',2,')),
    ];
    const files = { 'movies.csv': MOVIES, 'ratings.csv': RATINGS, 'tags.csv': tags.join('\n') };
    const data = await loadMovieLens(dataset(files));
    // The two given twice first, then the first given of the rest.
    expect(data.catalog.get('1')?.attributes.tag).toEqual([
      'tag 12',
      'tag 13',
      ...Array.from({ length: 8 }, (_, i) => `tag ${i}`),
    ]);
    const more = await loadMovieLens(dataset(files), { maxTagsPerMovie: 20 });
    expect(more.catalog.get('1')?.attributes.tag).toHaveLength(14);
    const error = await loadMovieLens(dataset(files), { maxTagsPerMovie: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(String((error as Error).message)).toContain('maxTagsPerMovie');
  });

  it('makes one tag of its spellings: case, spaces, hyphens, a plural beside its singular, known other names', async () => {
    const tags = [
      'userId,movieId,tag',
      '1,1,Post apocalyptic',
      '2,1,post-apocalyptic',
      '3,2,post-apocalyptic',
      '1,5,vampire',
      '2,5,vampires',
      '3,5,Vampires',
      '1,3,Tolkein',
      '2,3,Tolkien',
      '1,2,hugh jackman',
      '2,2,hugh jackman',
      '1,2,Wizards',
      '2,3,Wizards',
      '1,3,time-travel',
      '2,2,time travel',
      '3,5,time travel',
      '1,2,space craft',
      '2,3,spacecraft',
      '1,1,black comedy',
      '2,1,dark comedy',
      '3,1,movies',
      '4,1,Movies',
    ].join('\n');
    const data = await loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS, 'tags.csv': tags }));
    const tagsOf = (id: string) => data.catalog.get(id)?.attributes.tag;
    // Each spelling was given once to a film, so only merged do they reach the two uses a tag needs.
    expect(tagsOf('1')).toEqual(['post-apocalyptic', 'dark comedy']);
    expect(tagsOf('5')).toEqual(['vampires', 'time travel']);
    expect(tagsOf('3')).toEqual(['Tolkien', 'wizards', 'time travel', 'spacecraft']);
    expect(tagsOf('2')).toEqual(['Hugh Jackman', 'post-apocalyptic', 'wizards', 'time travel', 'spacecraft']);
    expect(data.catalog.vocabulary({ facet: 'tag' }).map(({ value }) => value)).toEqual([
      'time travel',
      'post-apocalyptic',
      'spacecraft',
      'wizards',
      'Hugh Jackman',
      'Tolkien',
      'dark comedy',
      'vampires',
    ]);
  });

  it('works without the optional files, and can skip tags', async () => {
    const data = await loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS }));
    expect(data.catalog.get('1')?.attributes.tag).toBeUndefined();
    const noTags = await loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS, 'tags.csv': TAGS }), {
      tags: false,
    });
    expect(noTags.catalog.get('1')?.attributes.tag).toBeUndefined();
  });

  it('names a missing directory or file', async () => {
    const missing = await rejected(() => loadMovieLens('/nonexistent/ml'));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.location?.file).toBe(join('/nonexistent/ml', 'movies.csv'));
    const noRatings = await rejected(() => loadMovieLens(dataset({ 'movies.csv': MOVIES })));
    expect(noRatings.location?.file).toMatch(/ratings\.csv$/);
    expect(noRatings.message).toContain('ratings.csv');
  });

  it.each([
    [
      'a row with too few fields',
      { 'ratings.csv': `${RATINGS}\n3,1,4.0` },
      'MALFORMED_CSV',
      'ratings.csv',
      7,
      undefined,
    ],
    [
      'a row with too many fields',
      { 'movies.csv': `${MOVIES}\n6,Heat, The (1995),Action` },
      'MALFORMED_CSV',
      'movies.csv',
      7,
      undefined,
    ],
    [
      'a rating out of range',
      { 'ratings.csv': `${RATINGS}\n3,1,7,9` },
      'RATING_OUT_OF_RANGE',
      'ratings.csv',
      7,
      'rating',
    ],
    [
      'a rating that is not a number',
      { 'ratings.csv': `${RATINGS}\n3,1,good,9` },
      'MALFORMED_CSV',
      'ratings.csv',
      7,
      'rating',
    ],
    [
      'a rating of an unknown movie',
      { 'ratings.csv': `${RATINGS}\n3,99,4.0,9` },
      'UNKNOWN_ITEM',
      'ratings.csv',
      7,
      'movieId',
    ],
    ['a tag of an unknown movie', { 'tags.csv': `${TAGS}\n3,99,x,9` }, 'UNKNOWN_ITEM', 'tags.csv', 8, 'movieId'],
    [
      'a duplicate movieId',
      { 'movies.csv': `${MOVIES}\n3,Other (2000),Drama` },
      'DUPLICATE_ITEM_ID',
      'movies.csv',
      7,
      'movieId',
    ],
    [
      'a header without a needed column',
      { 'ratings.csv': 'userId,movie,rating\n1,1,4' },
      'MALFORMED_CSV',
      'ratings.csv',
      1,
      'movieId',
    ],
    ['an empty file', { 'movies.csv': '' }, 'MALFORMED_CSV', 'movies.csv', undefined, undefined],
    ['an empty user id', { 'ratings.csv': `${RATINGS}\n,1,4.0,9` }, 'MALFORMED_CSV', 'ratings.csv', 7, 'userId'],
    ['a hexadecimal rating', { 'ratings.csv': `${RATINGS}\n3,1,0x4,9` }, 'MALFORMED_CSV', 'ratings.csv', 7, 'rating'],
    [
      'a header naming a column twice',
      { 'movies.csv': 'movieId,title,genres,title\n1,A,Drama,B' },
      'MALFORMED_CSV',
      'movies.csv',
      1,
      'title',
    ],
    [
      'an impossible year',
      { 'movies.csv': `${MOVIES}\n6,Foo (0999),Drama` },
      'INVALID_CATALOG',
      'movies.csv',
      7,
      'items[5].year',
    ],
  ])('reports %s with file, line and field', async (_name, override, code, file, line, field) => {
    const dir = dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS, 'tags.csv': TAGS, ...override });
    const error = await rejected(() => loadMovieLens(dir));
    expect(error.code).toBe(code);
    expect(error.location?.file).toBe(join(dir, file));
    expect(error.location?.line).toBe(line);
    expect(error.location?.field).toBe(field);
    expect(error.message).toContain(file);
  });

  it('skips rows of unknown movies when asked', async () => {
    const dir = dataset({
      'movies.csv': MOVIES,
      'ratings.csv': `${RATINGS}\n3,99,4.0,9`,
      'tags.csv': `${TAGS}\n3,99,x,9`,
    });
    const data = await loadMovieLens(dir, { unknownItems: 'skip' });
    expect(data.ratingCount).toBe(5);
    expect(data.userIds()).toEqual(['1', '2']);
  });

  it('accepts another rating scale when told', async () => {
    const dir = dataset({ 'movies.csv': MOVIES, 'ratings.csv': 'userId,movieId,rating\n1,1,9\n' });
    expect((await rejected(() => loadMovieLens(dir))).code).toBe('RATING_OUT_OF_RANGE');
    const data = await loadMovieLens(dir, { maxRating: 10, minRating: 1 });
    expect(data.ratingsOf('1')).toEqual([{ item: '1', rating: 9 }]);
  });

  it('rejects a rating scale upside down', async () => {
    const error = await rejected(() => loadMovieLens('.', { minRating: 5, maxRating: 1 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.location?.field).toBe('minRating');
  });

  it('applies the rating rule of profileFromRatings, naming the user, the movie, the file and the line', async () => {
    for (const text of ['0.4', '0.5', '5', '5.01', '50', '-7', '9'.repeat(400)]) {
      const dir = dataset({ 'movies.csv': MOVIES, 'ratings.csv': `userId,movieId,rating\n1,2,4\n7,1,${text}\n` });
      const loaded = await loadMovieLens(dir).catch((e: unknown) => e);
      const direct = (() => {
        try {
          return profileFromRatings(
            '7',
            [{ item: '1', rating: Number(text) }],
            new ItemCatalog([{ id: '1', title: 'One' }]),
          );
        } catch (e) {
          return e;
        }
      })();
      const verdict = (outcome: unknown) => (IcerError.isInstance(outcome) ? outcome.code : 'ok');
      expect(verdict(loaded), text).toBe(verdict(direct));
      if (!IcerError.isInstance(loaded)) continue;
      expect(loaded.location).toEqual({ file: join(dir, 'ratings.csv'), line: 3, field: 'rating' });
      expect(loaded.message).toContain('"7"');
      expect(loaded.message).toContain('"1"');
      expect(loaded.hint).toContain('minRating/maxRating');
    }
  });

  it('keeps the later timestamp of a pair rated twice (the later row on a tie) and reports the duplicates', async () => {
    const ratings = [
      'userId,movieId,rating,timestamp',
      '1,1,5.0,100', // line 2: loses to line 5 (later timestamp)
      '1,2,4.0,100',
      '2,1,2.0,100',
      '1,1,1.0,200', // line 5
      '1,2,3.0,50', // line 6: loses to line 3 (earlier timestamp)
      '2,1,4.5,100', // line 7: tie with line 4, the later row wins
      '1,1,3.0,150', // line 8: a third rating of the first pair, older than line 5
    ].join('\n');
    const dir = dataset({ 'movies.csv': MOVIES, 'ratings.csv': ratings });
    const data = await loadMovieLens(dir);
    expect(data.ratingsOf('1')).toEqual([
      { item: '2', rating: 4 },
      { item: '1', rating: 1 },
    ]);
    expect(data.ratingsOf('2')).toEqual([{ item: '1', rating: 4.5 }]);
    expect(data.ratingCount).toBe(3);
    const file = join(dir, 'ratings.csv');
    expect(data.duplicateRatings).toEqual({
      rows: 4,
      pairs: 3,
      examples: [
        { userId: '1', item: '1', line: 5, earlierLine: 2, keptLine: 5 },
        { userId: '1', item: '2', line: 6, earlierLine: 3, keptLine: 3 },
        { userId: '2', item: '1', line: 7, earlierLine: 4, keptLine: 7 },
        { userId: '1', item: '1', line: 8, earlierLine: 5, keptLine: 5 },
      ].map((d) => ({ ...d, file })),
    });
    expect(data.profile('1', { heldOutFraction: 0 }).disliked.map((o) => o.item)).toEqual(['1']);
    // Without a timestamp column, the later row wins.
    const untimed = await loadMovieLens(
      dataset({ 'movies.csv': MOVIES, 'ratings.csv': 'userId,movieId,rating\n1,1,5\n1,1,1\n' }),
    );
    expect(untimed.ratingsOf('1')).toEqual([{ item: '1', rating: 1 }]);
    expect(untimed.duplicateRatings.rows).toBe(1);
    // A file without duplicates reports none.
    expect((await loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS }))).duplicateRatings).toEqual({
      rows: 0,
      pairs: 0,
      examples: [],
    });
  });

  it('rejects a timestamp that is not a whole number', async () => {
    const error = await rejected(() =>
      loadMovieLens(dataset({ 'movies.csv': MOVIES, 'ratings.csv': `${RATINGS}\n3,1,4.0,yesterday` })),
    );
    expect(error).toMatchObject({ code: 'MALFORMED_CSV', location: { line: 7, field: 'timestamp' } });
  });

  it('rejects a Latin-1 movies.csv with INVALID_ENCODING at the first line that is not UTF-8', async () => {
    const { dir, write } = tempDir();
    write('ratings.csv', RATINGS);
    writeFileSync(join(dir, 'movies.csv'), Buffer.from(MOVIES, 'latin1'));
    const error = await rejected(() => loadMovieLens(dir));
    expect(error.code).toBe('INVALID_ENCODING');
    expect(error.location).toMatchObject({ file: join(dir, 'movies.csv'), line: 3 });
    expect(error.hint).toContain('iconv');
  });

  it('builds profiles on the scale the ratings were loaded with', async () => {
    const dir = dataset({ 'movies.csv': MOVIES, 'ratings.csv': 'userId,movieId,rating\n1,1,9\n1,2,2\n' });
    const data = await loadMovieLens(dir, { minRating: 1, maxRating: 10 });
    const profile = data.profile('1', { likeThreshold: 7, dislikeThreshold: 3, heldOutFraction: 0 });
    expect(profile.liked).toEqual([{ item: '1', strength: 0.833 }]);
    expect(profile.disliked.map((o) => o.item)).toEqual(['2']);
    // A profile scale that leaves out loaded ratings is refused, not clamped.
    expect(thrown(() => data.profile('1', { minRating: 0.5, maxRating: 5 })).code).toBe('RATING_OUT_OF_RANGE');
  });

  it('takes a user id given as a number as the id it spells (MovieLens ids are numbers to a reader)', async () => {
    const dir = dataset({ 'movies.csv': MOVIES, 'ratings.csv': 'userId,movieId,rating\n1,1,5\n1,2,1\n' });
    const data = await loadMovieLens(dir);
    const options = { heldOutFraction: 0 };
    expect(data.profile(1, options).toJSON()).toEqual(data.profile('1', options).toJSON());
    expect(data.ratingsOf(1)).toHaveLength(2);
    expect([...data.profiles(options, [1])].map((profile) => profile.id)).toEqual(['1']);
  });

  it('says which user has no ratings', async () => {
    const data = await loadMovieLens(`${dataset({ 'movies.csv': MOVIES, 'ratings.csv': RATINGS })}/`);
    const error = thrown(() => data.profile('42'));
    expect(error.code).toBe('NO_RATINGS');
    expect(error.message).toContain('"42"');
    expect(error.message).not.toContain('//');
  });
});

describe('parseMovieLensTitle', () => {
  it.each([
    ['Toy Story (1995)', { title: 'Toy Story', year: 1995, aliases: [] }],
    ['Matrix, The (1999)', { title: 'The Matrix', year: 1999, aliases: [] }],
    ['Seven (a.k.a. Se7en) (1995)', { title: 'Seven', year: 1995, aliases: ['Se7en'] }],
    ['Misérables, Les (1995)', { title: 'Les Misérables', year: 1995, aliases: [] }],
    ['(500) Days of Summer (2009)', { title: '(500) Days of Summer', year: 2009, aliases: [] }],
    ['Babylon 5', { title: 'Babylon 5', year: undefined, aliases: [] }],
    [
      'Shanghai Triad (Yao a yao yao dao waipo qiao) (1995)',
      { title: 'Shanghai Triad', year: 1995, aliases: ['Yao a yao yao dao waipo qiao'] },
    ],
  ])('parses %s', (raw, expected) => {
    expect(parseMovieLensTitle(raw)).toEqual(expected);
  });
});
