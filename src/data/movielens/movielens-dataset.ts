import { join } from 'node:path';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { IcerError } from '../../errors.js';
import {
  buildFromRatings,
  type Rating,
  type RatingsProfileOptions,
  RatingsProfileOptionsSchema,
} from '../../profile/from-ratings.js';
import type { PreferenceProfile } from '../../profile/preference-profile.js';
import { parseOptions } from '../../validation/parse-options.js';

/**
 * A loaded MovieLens directory: the movie catalog (genres and tags as attributes) and every user's ratings.
 * Profiles are built on demand, one user at a time.
 */
export class MovieLensDataset {
  /** The movies, with `genre` and `tag` facets and IMDb/TMDb ids when links.csv was present. */
  readonly catalog: ItemCatalog;
  /** The directory it was loaded from. */
  readonly directory: string;
  readonly #ratings: ReadonlyMap<string, readonly Rating[]>;

  constructor(directory: string, catalog: ItemCatalog, ratings: ReadonlyMap<string, readonly Rating[]>) {
    this.directory = directory;
    this.catalog = catalog;
    this.#ratings = ratings;
  }

  /** User ids in order of first appearance in ratings.csv. */
  userIds(): string[] {
    return [...this.#ratings.keys()];
  }

  /** Number of users with at least one rating. */
  get userCount(): number {
    return this.#ratings.size;
  }

  /** Total number of ratings. */
  get ratingCount(): number {
    let count = 0;
    for (const list of this.#ratings.values()) count += list.length;
    return count;
  }

  /** One user's ratings in file order; throws `NO_RATINGS` for a user who has none. */
  ratingsOf(userId: string): readonly Rating[] {
    const ratings = this.#ratings.get(userId);
    if (!ratings) {
      throw new IcerError('NO_RATINGS', `User "${userId}" has no ratings in ${join(this.directory, 'ratings.csv')}.`, {
        hint: `Pick one of the ${this.#ratings.size} users who have (dataset.userIds()).`,
      });
    }
    return ratings;
  }

  /** The hidden profile of one user (see {@link profileFromRatings} for the options). */
  profile(userId: string, options: RatingsProfileOptions = {}): PreferenceProfile {
    const resolved = parseOptions(RatingsProfileOptionsSchema, options, 'MovieLensDataset.profile');
    return buildFromRatings(userId, this.ratingsOf(userId), this.catalog, resolved);
  }

  /**
   * Profiles of every user (or of `userIds`), built lazily one at a time. Options are checked at the call.
   *
   * @example
   * ```ts
   * const dataset = await loadMovieLens('data/ml-latest-small');
   * for (const profile of dataset.profiles({ seed: 1 })) console.log(profile.id, profile.liked.length);
   * ```
   */
  profiles(
    options: RatingsProfileOptions = {},
    userIds: readonly string[] = this.userIds(),
  ): Generator<PreferenceProfile> {
    const resolved = parseOptions(RatingsProfileOptionsSchema, options, 'MovieLensDataset.profiles');
    const build = (userId: string) => buildFromRatings(userId, this.ratingsOf(userId), this.catalog, resolved);
    return (function* () {
      for (const userId of userIds) yield build(userId);
    })();
  }
}
