import { resolve } from 'node:path';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { BuiltinDomainSchema, builtinDomainCatalog } from '../data/builtin/builtin-domains.js';
import { loadCatalogJson } from '../data/catalog-json.js';
import { loadMovieLens } from '../data/movielens/load-movielens.js';
import type { MovieLensDataset } from '../data/movielens/movielens-dataset.js';
import { RatingsDataOptionsSchema, readRatingsData } from '../data/ratings/load-ratings.js';
import type { RatingsDataset } from '../data/ratings/ratings-dataset.js';
import { IcerError } from '../errors.js';
import { readJsonFile } from '../io/read-json-file.js';
import { DomainPhrasingSchema } from '../lexicon/domain-phrasing.js';
import {
  catalogOrRatings,
  MOVIELENS_FLAGS,
  type MovieLensSettings,
  RATINGS_DATA_FLAGS,
  RATINGS_DATA_NAMES,
  type RatingsDataSettings,
  ratingsDataSettings,
} from './movielens-flags.js';
import { requireItems } from './require-items.js';

/**
 * The MovieLens directory `--movielens` names, loaded with the flags' options. A directory with no movies or no
 * ratings fails here, naming the file: the run would otherwise write nothing and succeed.
 */
export async function movieLensSource(directory: string, settings: MovieLensSettings): Promise<MovieLensDataset> {
  const dataset = await loadMovieLens(directory, settings.load);
  requireItems(dataset.catalog, { flag: '--movielens', file: resolve(directory, 'movies.csv'), what: 'movies' });
  if (dataset.userCount === 0) {
    throw new IcerError('NO_RATINGS', 'It holds no ratings, so there are no users.', {
      location: { file: resolve(directory, 'ratings.csv') },
      hint: 'Point --movielens to a MovieLens directory whose ratings.csv has ratings.',
    });
  }
  return dataset;
}

/**
 * The ratings data `--items` and `--ratings` name, loaded with the flags' options (errors name the flags). Files
 * with no items or no ratings fail here, naming the file, as for `--movielens`.
 */
export async function ratingsDataSource(
  settings: RatingsDataSettings & { ratingsData: NonNullable<RatingsDataSettings['ratingsData']> },
): Promise<RatingsDataset> {
  const phrasing =
    settings.phrasingFile === undefined
      ? undefined
      : await readJsonFile(settings.phrasingFile, DomainPhrasingSchema, 'a domain phrasing (see docs/domains.md)');
  const options = RatingsDataOptionsSchema.parse({ ...settings.ratingsData, ...(phrasing ? { phrasing } : {}) });
  const dataset = await readRatingsData(options, RATINGS_DATA_NAMES);
  requireItems(dataset.catalog, { flag: '--items', file: options.items, what: 'items' });
  if (dataset.userCount === 0) {
    throw new IcerError('NO_RATINGS', 'It holds no ratings, so there are no users.', {
      location: { file: options.ratings },
      hint: 'Point --ratings to a file with ratings of the items in --items.',
    });
  }
  return dataset;
}

/**
 * The ratings data dialogues were made from, as the commands that read dialogue files name it: `--movielens DIR`,
 * or `--items FILE --ratings FILE` with the column flags; `undefined` when neither was given.
 */
async function recordData(
  movielens: string | undefined,
  settings: RatingsDataSettings,
  cwd: string,
): Promise<RatingsDataset | undefined> {
  if (settings.ratingsData !== undefined) return ratingsDataSource({ ...settings, ratingsData: settings.ratingsData });
  return movielens === undefined ? undefined : movieLensSource(resolve(cwd, movielens), settings);
}

/** Where the dialogues a command reads came from: their catalog, and the ratings data when that was given. */
export interface RecordSource {
  catalog: ItemCatalog;
  /** The ratings of `--movielens` or `--items`/`--ratings` (absent for `--catalog`). */
  data?: RatingsDataset;
}

/**
 * The source `--catalog FILE`, `--movielens DIR` or `--items FILE --ratings FILE` names (check them first with
 * `catalogOrRatings` and `ratingsDataSettings`); `undefined` when none was given.
 */
export async function recordSource(
  values: { catalog?: string | undefined; movielens?: string | undefined },
  settings: RatingsDataSettings,
  cwd: string,
): Promise<RecordSource | undefined> {
  if (values.catalog !== undefined) {
    const file = resolve(cwd, values.catalog);
    const catalog = await loadCatalogJson(file);
    requireItems(catalog, { flag: '--catalog', file, what: 'items' });
    return { catalog };
  }
  const data = await recordData(values.movielens, settings, cwd);
  return data === undefined ? undefined : { catalog: data.catalog, data };
}

/**
 * The catalogs dialogue files are read against: the catalog of their source first (when given), then the built-in
 * ones (movies, then books), so that records of any kind find their items.
 */
export function recordCatalogs(source: { catalog: ItemCatalog } | undefined): [ItemCatalog, ...ItemCatalog[]] {
  // The closed list of domains is never empty.
  const builtins = BuiltinDomainSchema.options.map(builtinDomainCatalog) as [ItemCatalog, ...ItemCatalog[]];
  return source === undefined ? builtins : [source.catalog, ...builtins];
}

/** The flags that name the data dialogues came from, for the commands that read dialogue files. */
export const RECORD_SOURCE_FLAGS = {
  movielens: { type: 'string' },
  catalog: { type: 'string' },
  ...RATINGS_DATA_FLAGS,
  // The scale and unknown items, but not the like/dislike thresholds: these commands build no users.
  'min-rating': MOVIELENS_FLAGS['min-rating'],
  'max-rating': MOVIELENS_FLAGS['max-rating'],
  'unknown-items': MOVIELENS_FLAGS['unknown-items'],
} as const;

/**
 * Reads {@link RECORD_SOURCE_FLAGS} before any file is: a flag that would do nothing, or two sources at once, is a
 * usage error. {@link recordSource} then loads what they name.
 */
export function recordSourceSettings(
  values: Parameters<typeof ratingsDataSettings>[0] & { catalog?: string | undefined },
  cwd: string,
): RatingsDataSettings {
  catalogOrRatings(values);
  return ratingsDataSettings(values, {}, cwd);
}
