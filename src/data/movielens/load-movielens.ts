import { join } from 'node:path';
import { z } from 'zod';
import type { ItemInput } from '../../catalog/item.js';
import { IcerError } from '../../errors.js';
import type { CsvRecord } from '../../io/csv-reader.js';
import { RatingScaleShape } from '../../profile/from-ratings.js';
import { parseOptions } from '../../validation/parse-options.js';
import { type CsvTable, eachRow, fileExists } from '../csv-table.js';
import { catalogAtLines } from '../ratings/catalog-at-lines.js';
import { readRatingsFile } from '../ratings/read-ratings-file.js';
import { MovieLensDataset } from './movielens-dataset.js';
import { parseMovieLensTitle } from './parse-movielens-title.js';

const BOOKKEEPING_TAGS = [
  'in netflix queue',
  'not available from netflix',
  'no dvd at netflix',
  'seen more than once',
  'seen at the cinema',
  'not seen',
] as const;

// Verdicts on a film rather than what it is: as a taste ("I'm not into bad movies") or a description ("Among its tags:
// bad plot") they say nothing of the film a viewer could want or avoid.
const VERDICT_TAGS = [
  'bad',
  'bad acting',
  'bad plot',
  'bad script',
  'bad writing',
  'boring',
  'overrated',
  'stupid ending',
  'awesome',
  'masterpiece',
  'great ending',
  'imdb top 250',
] as const;

/** Options for {@link loadMovieLens}. */
export const MovieLensOptionsSchema = z
  .strictObject({
    // The scale of profileFromRatings: one rule for ratings wherever they come from.
    ...RatingScaleShape,
    /**
     * Read tags.csv (when present) into a `tag` facet.
     * @default true
     */
    tags: z.boolean().default(true),
    /**
     * Tags that record what a viewer did with a film ("in netflix queue") or thought of it ("overrated") rather than
     * what the film is; they never become attributes. Compared after lowercasing.
     * @default the bookkeeping tags found in MovieLens releases ('in netflix queue', 'not available from netflix',
     * 'no dvd at netflix', 'seen more than once', 'seen at the cinema', 'not seen') and verdicts ('bad', 'bad acting',
     * 'bad plot', 'bad script', 'bad writing', 'boring', 'overrated', 'stupid ending', 'awesome', 'masterpiece',
     * 'great ending', 'imdb top 250')
     */
    ignoredTags: z.array(z.string()).default([...BOOKKEEPING_TAGS, ...VERDICT_TAGS]),
    /**
     * How many times a tag must have been given (by anyone, to any movies) to become an attribute. Most tags of
     * ml-latest-small (925 of 1,475) were given once, by one user to one film, among them quotes ("I am your
     * father") and asides ("Mount Rushmore") that a dialogue would then ask about or describe the film by. 1 keeps
     * every tag.
     * @default 2
     */
    minTagUses: z.number().int().min(1).default(2),
    /**
     * What to do with a rating or tag of a movie not in movies.csv: `error`, or `skip` the row.
     * @default 'error'
     */
    unknownItems: z.enum(['error', 'skip']).default('error'),
  })
  .refine((o) => o.minRating < o.maxRating, { message: 'minRating must be below maxRating', path: ['minRating'] });

/** Options for {@link loadMovieLens} as accepted from callers. */
export type MovieLensOptions = z.input<typeof MovieLensOptionsSchema>;

const NO_GENRES = '(no genres listed)';

function normalizeTag(tag: string): string {
  return spacedTag(tag).toLowerCase();
}

function spacedTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ');
}

/** The spelling counted most often; among equals, the one with fewest capitals ("funny" over "Funny"). */
function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [spelling, count] of counts) {
    if (count > most || (count === most && capitals(spelling) < capitals(best))) {
      best = spelling;
      most = count;
    }
  }
  return best;
}

function capitals(text: string): number {
  return text.replace(/[^\p{Lu}]/gu, '').length;
}

// Letters and digits only, lowercased: "Sci-Fi", "sci fi" and "scifi" are one genre name.
function genreSpelling(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The files of a MovieLens directory that are read (the first two required); any other file there is not. */
export const MOVIELENS_FILES = ['movies.csv', 'ratings.csv', 'tags.csv', 'links.csv'] as const;

/**
 * Loads a MovieLens directory (`movies.csv` and `ratings.csv` required; `tags.csv` and `links.csv` used when
 * present), streaming each file. Each movie's `popularity` is the number of users who rated it. Titles are split
 * into display title, year and aliases ("Matrix, The (1999)" becomes "The Matrix", 1999); genres and tags become the
 * `genre` and `tag` facets.
 *
 * A (user, movie) pair rated twice counts once: the row with the later timestamp, or on a tie (or without
 * timestamps) the later row, the rule `profileFromRatings` applies to a list. Such rows are not errors;
 * `dataset.duplicateRatings` counts them and shows the first few with their lines.
 *
 * Every problem is an {@link IcerError} naming the file, line and column: a missing file (`FILE_NOT_FOUND`), a
 * file that is not UTF-8 (`INVALID_ENCODING`), a row with the wrong number of fields or a field of the wrong form
 * (`MALFORMED_CSV`), a rating off the scale (`RATING_OUT_OF_RANGE`, the rule of `profileFromRatings`), a rating
 * of a movie not in movies.csv (`UNKNOWN_ITEM`), a repeated movieId (`DUPLICATE_ITEM_ID`).
 *
 * @example
 * ```ts
 * const dataset = await loadMovieLens('data/ml-latest-small');
 * const profile = dataset.profile('1');
 * console.log(profile.toText(dataset.catalog));
 * ```
 */
export async function loadMovieLens(directory: string, options: MovieLensOptions = {}): Promise<MovieLensDataset> {
  const resolved = parseOptions(MovieLensOptionsSchema, options, 'loadMovieLens');
  const path = (name: (typeof MOVIELENS_FILES)[number]) => join(directory, name);
  const moviesFile = path('movies.csv');
  const ratingsFile = path('ratings.csv');
  const tagsFile = path('tags.csv');
  const linksFile = path('links.csv');
  for (const file of [moviesFile, ratingsFile]) {
    if (!(await fileExists(file))) {
      throw new IcerError('FILE_NOT_FOUND', 'A MovieLens file is missing.', {
        location: { file },
        hint: `Point to a MovieLens directory holding movies.csv and ratings.csv (and optionally tags.csv, links.csv).`,
      });
    }
  }

  const items = new Map<string, ItemInput & { attributes: Record<string, string[]> }>();
  // Insertion order of `items` is file order, so an item's index in the catalog finds its line here.
  const movieLines = new Map<string, number>();
  await eachRow(moviesFile, ['movieId', 'title', 'genres'], (table, record) => {
    const id = table.required(record, 'movieId');
    const earlier = movieLines.get(id);
    if (earlier !== undefined) {
      throw new IcerError('DUPLICATE_ITEM_ID', `movieId ${id} was already defined on line ${earlier}.`, {
        location: { file: moviesFile, line: record.line, field: 'movieId' },
        hint: 'Each movie must appear once in movies.csv.',
      });
    }
    movieLines.set(id, record.line);
    const { title, year, aliases } = parseMovieLensTitle(table.required(record, 'title'));
    const rawGenres = table.get(record, 'genres').trim();
    const genres =
      rawGenres === '' || rawGenres === NO_GENRES
        ? []
        : rawGenres
            .split('|')
            .map((g) => g.trim())
            .filter(Boolean);
    items.set(id, {
      id,
      title: title === '' ? table.required(record, 'title') : title,
      ...(year !== undefined ? { year } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      attributes: { genre: genres },
    });
  });

  const knownItem = (table: CsvTable, record: CsvRecord): string | undefined => {
    const id = table.required(record, 'movieId');
    if (items.has(id)) return id;
    if (resolved.unknownItems === 'skip') return undefined;
    throw new IcerError('UNKNOWN_ITEM', `movieId ${id} is not in movies.csv.`, {
      location: { file: table.file, line: record.line, field: 'movieId' },
      hint: "Use the movies.csv of the same release, or pass { unknownItems: 'skip' } to drop such rows.",
    });
  };

  const ignored = new Set(resolved.ignoredTags.map(normalizeTag));
  // Tags are one attribute whatever their case ("Funny", "funny"), written as people most often wrote them: names
  // keep their capitals ("Will Ferrell"), words stay lowercase.
  const spellings = new Map<string, Map<string, number>>();
  const uses = new Map<string, number>();
  const itemTags = new Map<string, Map<string, number>>();
  if (resolved.tags && (await fileExists(tagsFile))) {
    await eachRow(tagsFile, ['userId', 'movieId', 'tag'], (table, record) => {
      const id = knownItem(table, record);
      const spelled = spacedTag(table.get(record, 'tag'));
      const tag = spelled.toLowerCase();
      if (id === undefined || tag === '' || ignored.has(tag)) return;
      const counts = spellings.get(tag) ?? new Map<string, number>();
      counts.set(spelled, (counts.get(spelled) ?? 0) + 1);
      spellings.set(tag, counts);
      uses.set(tag, (uses.get(tag) ?? 0) + 1);
      const attributes = items.get(id)?.attributes as Record<string, string[]>;
      // "comedy" on a Comedy (or "film noir" on a Film-Noir) says nothing the genre does not, and would have the
      // recommender ask about both.
      if ((attributes.genre ?? []).some((genre) => genreSpelling(genre) === genreSpelling(tag))) return;
      const tags = itemTags.get(id) ?? new Map<string, number>();
      tags.set(tag, (tags.get(tag) ?? 0) + 1);
      itemTags.set(id, tags);
    });
    const written = new Map([...spellings].map(([tag, counts]) => [tag, mostCommon(counts)]));
    for (const [id, tags] of itemTags) {
      // The tags given to the film most often first, as what describes it best (in file order among equals).
      const kept = [...tags]
        .filter(([tag]) => (uses.get(tag) ?? 0) >= resolved.minTagUses)
        .sort(([, a], [, b]) => b - a)
        .map(([tag]) => written.get(tag) ?? tag);
      if (kept.length > 0) (items.get(id) as { attributes: Record<string, string[]> }).attributes.tag = kept;
    }
  }

  if (await fileExists(linksFile)) {
    await eachRow(linksFile, ['movieId', 'imdbId', 'tmdbId'], (table, record) => {
      const id = knownItem(table, record);
      const item = id === undefined ? undefined : items.get(id);
      if (!item) return;
      const imdb = table.get(record, 'imdbId').trim();
      const tmdb = table.get(record, 'tmdbId').trim();
      const externalIds: Record<string, string> = {};
      if (imdb !== '') externalIds.imdb = `tt${imdb}`;
      if (tmdb !== '') externalIds.tmdb = tmdb;
      if (Object.keys(externalIds).length > 0) item.externalIds = externalIds;
    });
  }

  const rated = await readRatingsFile(ratingsFile, {
    columns: { user: 'userId', item: 'movieId', rating: 'rating', timestamp: 'timestamp' },
    required: ['userId', 'movieId', 'rating'],
    scale: resolved,
    knownItem,
  });

  // Popularity is the number of users who rated the film: how likely a viewer is to know it.
  for (const [id, item] of items) item.popularity = rated.raters.get(id) ?? 0;
  const catalog = catalogAtLines(items.values(), moviesFile, [...movieLines.values()], { domain: 'movies' });
  return new MovieLensDataset(directory, catalog, rated.ratings, {
    scale: { minRating: resolved.minRating, maxRating: resolved.maxRating },
    duplicateRatings: rated.report,
  });
}
