import { resolve } from 'node:path';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { builtinCatalog } from '../data/builtin/builtin-catalog.js';
import { loadMovieLens } from '../data/movielens/load-movielens.js';
import type { MovieLensDataset } from '../data/movielens/movielens-dataset.js';
import { RatingsDataOptionsSchema, readRatingsData } from '../data/ratings/load-ratings.js';
import type { RatingsDataset } from '../data/ratings/ratings-dataset.js';
import { IcerError } from '../errors.js';
import { type MovieLensSettings, RATINGS_DATA_NAMES, type RatingsDataSettings } from './movielens-flags.js';
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
  const options = RatingsDataOptionsSchema.parse(settings.ratingsData);
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
 * The catalogs dialogue files are read against: the `--movielens` directory's first (when given), then the built-in
 * one, so that records of either kind find their items.
 */
export async function recordCatalogs(
  directory: string | undefined,
  settings: MovieLensSettings,
): Promise<[ItemCatalog, ...ItemCatalog[]]> {
  const builtin = builtinCatalog();
  return directory === undefined ? [builtin] : [(await movieLensSource(directory, settings)).catalog, builtin];
}
