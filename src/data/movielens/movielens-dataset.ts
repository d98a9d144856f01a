import { join } from 'node:path';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { IcerError } from '../../errors.js';
import {
  buildFromRatings,
  type Rating,
  type RatingScale,
  type RatingsProfileOptions,
  RatingsProfileOptionsSchema,
} from '../../profile/from-ratings.js';
import type { PreferenceProfile } from '../../profile/preference-profile.js';
import { parseOptions } from '../../validation/parse-options.js';
import type { DuplicateRatingsReport } from './duplicate-ratings.js';

/** What a loader knows about its ratings beyond the ratings themselves. */
export interface MovieLensDatasetExtras {
  /** The scale the ratings were checked against; profiles use it unless their options name another. */
  scale?: RatingScale;
  /** The pairs rated more than once. Default: none. */
  duplicateRatings?: DuplicateRatingsReport;
}

const NO_DUPLICATES: DuplicateRatingsReport = Object.freeze({ rows: 0, pairs: 0, examples: Object.freeze([]) });

/**
 * A loaded MovieLens directory: the movie catalog (genres and tags as attributes) and every user's ratings.
 * Profiles are built on demand, one user at a time.
 */
export class MovieLensDataset {
  /** The movies, with `genre` and `tag` facets and IMDb/TMDb ids when links.csv was present. */
  readonly catalog: ItemCatalog;
  /** The directory it was loaded from. */
  readonly directory: string;
  /**
   * The (user, movie) pairs ratings.csv rated more than once, each counted once by the later timestamp (then the
   * later row). `rows` is 0 for a clean file.
   */
  readonly duplicateRatings: DuplicateRatingsReport;
  readonly #ratings: ReadonlyMap<string, readonly Rating[]>;
  readonly #scale: Partial<RatingScale>;

  constructor(
    directory: string,
    catalog: ItemCatalog,
    ratings: ReadonlyMap<string, readonly Rating[]>,
    extras: MovieLensDatasetExtras = {},
  ) {
    this.directory = directory;
    this.catalog = catalog;
    this.#ratings = ratings;
    this.#scale = extras.scale ?? {};
    this.duplicateRatings = extras.duplicateRatings ?? NO_DUPLICATES;
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

  /**
   * The hidden profile of one user (see {@link profileFromRatings} for the options). The rating scale defaults to
   * the one the dataset was loaded with.
   */
  profile(userId: string, options: RatingsProfileOptions = {}): PreferenceProfile {
    const resolved = parseOptions(RatingsProfileOptionsSchema, this.#onScale(options), 'MovieLensDataset.profile');
    return buildFromRatings(userId, this.ratingsOf(userId), this.catalog, resolved);
  }

  /**
   * Profiles of every user (or of `userIds`), built lazily one at a time. Options are checked at the call; the
   * rating scale defaults to the one the dataset was loaded with.
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
    const resolved = parseOptions(RatingsProfileOptionsSchema, this.#onScale(options), 'MovieLensDataset.profiles');
    const build = (userId: string) => buildFromRatings(userId, this.ratingsOf(userId), this.catalog, resolved);
    return (function* () {
      for (const userId of userIds) yield build(userId);
    })();
  }

  // A profile scale other than the loaded one would refuse ratings the loader accepted (or stretch the scores):
  // unless the caller names one, profiles use the scale the ratings were checked against.
  #onScale(options: RatingsProfileOptions): RatingsProfileOptions {
    return { ...this.#scale, ...options };
  }
}
