import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ItemInput } from '../../catalog/item.js';
import { ItemCatalog } from '../../catalog/item-catalog.js';
import { IcerError } from '../../errors.js';
import { type CsvRecord, readCsv } from '../../io/csv-reader.js';
import { fileError } from '../../io/file-error.js';
import { checkRating, RatingScaleShape } from '../../profile/from-ratings.js';
import { parseOptions } from '../../validation/parse-options.js';
import { RatingRows } from './duplicate-ratings.js';
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
     * Tags that record what a viewer did with a film rather than what the film is ("in netflix queue"); they never
     * become attributes. Compared after lowercasing.
     * @default the bookkeeping tags found in MovieLens releases: 'in netflix queue', 'not available from netflix',
     * 'no dvd at netflix', 'seen more than once', 'seen at the cinema', 'not seen'
     */
    ignoredTags: z.array(z.string()).default([...BOOKKEEPING_TAGS]),
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
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const WHOLE = /^[+-]?\d+$/;

/** A CSV file's header turned into column positions, checked against the columns it must have. */
class CsvTable {
  readonly #columns: Map<string, number>;
  readonly #width: number;

  constructor(
    readonly file: string,
    header: CsvRecord,
    required: readonly string[],
  ) {
    this.#columns = new Map();
    for (const [index, raw] of header.fields.entries()) {
      const name = raw.trim();
      if (this.#columns.has(name)) {
        throw new IcerError('MALFORMED_CSV', `The header names the column "${name}" twice.`, {
          location: { file, line: header.line, field: name },
          hint: 'Give every column a distinct name.',
        });
      }
      this.#columns.set(name, index);
    }
    this.#width = header.fields.length;
    const missing = required.filter((name) => !this.#columns.has(name));
    if (missing.length > 0) {
      throw new IcerError('MALFORMED_CSV', `The header lacks the column(s) ${missing.join(', ')}.`, {
        location: { file, line: header.line, field: missing[0] },
        hint: `The first line must name the columns: ${required.join(',')}.`,
      });
    }
  }

  /** Throws unless the row has as many fields as the header. */
  check(record: CsvRecord): void {
    if (record.fields.length !== this.#width) {
      throw new IcerError('MALFORMED_CSV', `Expected ${this.#width} fields but found ${record.fields.length}.`, {
        location: { file: this.file, line: record.line },
        hint: 'Quote fields that contain commas ("Heat, The"), and check the row is not cut short.',
      });
    }
  }

  /** True when the header names the column. */
  has(column: string): boolean {
    return this.#columns.has(column);
  }

  get(record: CsvRecord, column: string): string {
    return record.fields[this.#columns.get(column) as number] ?? '';
  }

  /** A non-empty field; throws naming file, line and column when it is empty. */
  required(record: CsvRecord, column: string): string {
    const value = this.get(record, column).trim();
    if (value === '') {
      throw new IcerError('MALFORMED_CSV', `The ${column} is empty.`, {
        location: { file: this.file, line: record.line, field: column },
      });
    }
    return value;
  }
}

/** Reads a CSV file row by row, giving each data row with the table that knows its columns. */
async function eachRow(
  file: string,
  required: readonly string[],
  onRow: (table: CsvTable, record: CsvRecord) => void,
): Promise<void> {
  let table: CsvTable | undefined;
  for await (const batch of readCsv(file)) {
    for (const record of batch) {
      if (!table) {
        table = new CsvTable(file, record, required);
        continue;
      }
      table.check(record);
      onRow(table, record);
    }
  }
  if (!table) {
    throw new IcerError('MALFORMED_CSV', 'The file is empty.', {
      location: { file },
      hint: `It needs a header line (${required.join(',')}) and data rows.`,
    });
  }
}

// Only "not there" means absent: a file we may not read must be reported as such, not as missing.
async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw fileError(error, path);
  }
}

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

/** The catalog of the parsed movies; an invalid item is reported at its movies.csv line. */
function buildCatalog(items: Iterable<ItemInput>, file: string, lines: readonly number[]): ItemCatalog {
  try {
    return new ItemCatalog(items, { source: file, domain: 'movies' });
  } catch (error) {
    const index = IcerError.isInstance(error) ? /^items\[(\d+)\]/.exec(error.location?.field ?? '') : null;
    throw index && IcerError.isInstance(error) ? error.withLocation({ line: lines[Number(index[1])] }) : error;
  }
}

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
  const moviesFile = join(directory, 'movies.csv');
  const ratingsFile = join(directory, 'ratings.csv');
  const tagsFile = join(directory, 'tags.csv');
  const linksFile = join(directory, 'links.csv');
  for (const file of [moviesFile, ratingsFile]) {
    if (!(await exists(file))) {
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
  if (resolved.tags && (await exists(tagsFile))) {
    await eachRow(tagsFile, ['userId', 'movieId', 'tag'], (table, record) => {
      const id = knownItem(table, record);
      const spelled = spacedTag(table.get(record, 'tag'));
      const tag = spelled.toLowerCase();
      if (id === undefined || tag === '' || ignored.has(tag)) return;
      const counts = spellings.get(tag) ?? new Map<string, number>();
      counts.set(spelled, (counts.get(spelled) ?? 0) + 1);
      spellings.set(tag, counts);
      const attributes = items.get(id)?.attributes as Record<string, string[]>;
      // "comedy" on a Comedy (or "film noir" on a Film-Noir) says nothing the genre does not, and would have the
      // recommender ask about both.
      if ((attributes.genre ?? []).some((genre) => genreSpelling(genre) === genreSpelling(tag))) return;
      attributes.tag ??= [];
      const tags = attributes.tag;
      if (!tags.includes(tag)) tags.push(tag);
    });
    const written = new Map([...spellings].map(([tag, counts]) => [tag, mostCommon(counts)]));
    for (const item of items.values()) {
      const tags = (item.attributes as Record<string, string[]>).tag;
      if (tags) for (const [i, tag] of tags.entries()) tags[i] = written.get(tag) ?? tag;
    }
  }

  if (await exists(linksFile)) {
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

  // Every row as read; pairs rated twice are settled once the file is read.
  const rows = new RatingRows();
  const ratingCounts = new Map<string, number>();
  await eachRow(ratingsFile, ['userId', 'movieId', 'rating'], (table, record) => {
    const userId = table.required(record, 'userId');
    const item = knownItem(table, record);
    const text = table.required(record, 'rating');
    // Plain decimals only: Number() would also take "0x4" or "1e0", which no ratings file means.
    if (!DECIMAL.test(text)) {
      throw new IcerError('MALFORMED_CSV', `The rating "${text}" is not a decimal number.`, {
        location: { file: ratingsFile, line: record.line, field: 'rating' },
      });
    }
    const rating = Number(text);
    checkRating(rating, resolved, {
      userId,
      item: item ?? table.required(record, 'movieId'),
      text,
      location: { file: ratingsFile, line: record.line, field: 'rating' },
    });
    const timestamp = table.has('timestamp') ? parseTimestamp(table, record) : Number.NaN;
    if (item === undefined) return;
    ratingCounts.set(item, (ratingCounts.get(item) ?? 0) + 1);
    rows.add(userId, { item, rating }, timestamp, record.line);
  });
  // A user who rated a film twice still counts once toward its popularity.
  const settled = rows.settle(ratingsFile, (item) => {
    ratingCounts.set(item, (ratingCounts.get(item) as number) - 1);
  });

  // Popularity is the number of users who rated the film: how likely a viewer is to know it.
  for (const [id, item] of items) item.popularity = ratingCounts.get(id) ?? 0;
  const catalog = buildCatalog(items.values(), moviesFile, [...movieLines.values()]);
  return new MovieLensDataset(directory, catalog, settled.ratings, {
    scale: { minRating: resolved.minRating, maxRating: resolved.maxRating },
    duplicateRatings: settled.report,
  });
}

/** The timestamp of a ratings row: a whole number (MovieLens: seconds since 1970), or NaN when the field is empty. */
function parseTimestamp(table: CsvTable, record: CsvRecord): number {
  const text = table.get(record, 'timestamp').trim();
  if (text === '') return Number.NaN;
  if (!WHOLE.test(text)) {
    throw new IcerError('MALFORMED_CSV', `The timestamp "${text}" is not a whole number.`, {
      location: { file: table.file, line: record.line, field: 'timestamp' },
      hint: 'Write seconds since 1970 (Unix time), as MovieLens does, or leave the field empty.',
    });
  }
  return Number(text);
}
