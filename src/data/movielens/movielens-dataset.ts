import { join } from 'node:path';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import type { Rating } from '../../profile/from-ratings.js';
import { nameDataset, RatingsDataset, type RatingsDatasetExtras } from '../ratings/ratings-dataset.js';

/** What a loader knows about its ratings beyond the ratings themselves. */
export type MovieLensDatasetExtras = Pick<RatingsDatasetExtras, 'scale' | 'duplicateRatings'>;

/**
 * A loaded MovieLens directory: the movie catalog (genres and tags as attributes) and every user's ratings.
 * Profiles are built on demand, one user at a time. A {@link RatingsDataset} that knows its directory.
 */
export class MovieLensDataset extends RatingsDataset {
  /** The movies, with `genre` and `tag` facets and IMDb/TMDb ids when links.csv was present. */
  declare readonly catalog: ItemCatalog;
  /** The directory it was loaded from. */
  readonly directory: string;

  constructor(
    directory: string,
    catalog: ItemCatalog,
    ratings: ReadonlyMap<string, readonly Rating[]>,
    extras: MovieLensDatasetExtras = {},
  ) {
    super(catalog, ratings, { ...extras, ratingsFile: join(directory, 'ratings.csv') });
    this.directory = directory;
    nameDataset(this, 'MovieLensDataset');
  }
}
