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
import type { DuplicateRatingsReport } from '../movielens/duplicate-ratings.js';

/** What a loader knows about its ratings beyond the ratings themselves. */
export interface RatingsDatasetExtras {
  /** The scale the ratings were checked against; profiles use it unless their options name another. */
  scale?: RatingScale;
  /** The pairs rated more than once. Default: none. */
  duplicateRatings?: DuplicateRatingsReport;
  /** The file the ratings were read from, named by errors. Default: none. */
  ratingsFile?: string;
}

const NO_DUPLICATES: DuplicateRatingsReport = Object.freeze({ rows: 0, pairs: 0, examples: Object.freeze([]) });

// The name errors about a dataset's options call it by: a subclass's own ("MovieLensDataset.profile"), kept out of
// the public surface.
const NAMES = new WeakMap<RatingsDataset, string>();

/** Sets the name a dataset's option errors call it by (for subclasses). */
export function nameDataset(dataset: RatingsDataset, name: string): void {
  NAMES.set(dataset, name);
}

/**
 * A catalog and every user's ratings of its items, as {@link loadRatings} and {@link loadMovieLens} load them.
 * Profiles are built on demand, one user at a time, by the rules of {@link profileFromRatings} (held-out split
 * included).
 */
export class RatingsDataset {
  /** The rated items, with their facets; each item's `popularity` is the number of users who rated it. */
  readonly catalog: ItemCatalog;
  /** The file the ratings were read from, when known. */
  readonly ratingsFile: string | undefined;
  /**
   * The (user, item) pairs the ratings file rated more than once, each counted once by the later timestamp (then
   * the later row). `rows` is 0 for a clean file.
   */
  readonly duplicateRatings: DuplicateRatingsReport;
  readonly #ratings: ReadonlyMap<string, readonly Rating[]>;
  readonly #scale: Partial<RatingScale>;

  /**
   * @param catalog the items rated.
   * @param ratings user id → the user's ratings, users in the order `userIds()` gives them.
   * @param extras the scale, the duplicate report and the ratings file.
   */
  constructor(
    catalog: ItemCatalog,
    ratings: ReadonlyMap<string, readonly Rating[]>,
    extras: RatingsDatasetExtras = {},
  ) {
    this.catalog = catalog;
    this.ratingsFile = extras.ratingsFile;
    this.#ratings = ratings;
    this.#scale = extras.scale ?? {};
    this.duplicateRatings = extras.duplicateRatings ?? NO_DUPLICATES;
  }

  /** User ids in order of first appearance in the ratings file. */
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

  /**
   * One user's ratings in file order; throws `NO_RATINGS` for a user who has none. A number is taken as the id it
   * spells: user 1 is "1".
   */
  ratingsOf(userId: string | number): readonly Rating[] {
    const ratings = this.#ratings.get(String(userId));
    if (!ratings) {
      const where = this.ratingsFile === undefined ? '' : ` in ${this.ratingsFile}`;
      throw new IcerError('NO_RATINGS', `User "${userId}" has no ratings${where}.`, {
        hint: `Pick one of the ${this.#ratings.size} users who have (dataset.userIds()).`,
      });
    }
    return ratings;
  }

  /**
   * The hidden profile of one user (see {@link profileFromRatings} for the options). The rating scale defaults to
   * the one the dataset was loaded with.
   */
  profile(userId: string | number, options: RatingsProfileOptions = {}): PreferenceProfile {
    const resolved = parseOptions(RatingsProfileOptionsSchema, this.#onScale(options), `${this.#name}.profile`);
    return buildFromRatings(String(userId), this.ratingsOf(userId), this.catalog, resolved);
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
    userIds: readonly (string | number)[] = this.userIds(),
  ): Generator<PreferenceProfile> {
    const resolved = parseOptions(RatingsProfileOptionsSchema, this.#onScale(options), `${this.#name}.profiles`);
    const build = (userId: string | number) =>
      buildFromRatings(String(userId), this.ratingsOf(userId), this.catalog, resolved);
    return (function* () {
      for (const userId of userIds) yield build(userId);
    })();
  }

  get #name(): string {
    return NAMES.get(this) ?? 'RatingsDataset';
  }

  // A profile scale other than the loaded one would refuse ratings the loader accepted (or stretch the scores):
  // unless the caller names one, profiles use the scale the ratings were checked against.
  #onScale(options: RatingsProfileOptions): RatingsProfileOptions {
    return { ...this.#scale, ...options };
  }
}
