import { z } from 'zod';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError, type IcerErrorLocation } from '../errors.js';
import { parseOptions } from '../validation/parse-options.js';
import { affinitiesFromScores } from './affinities.js';
import { chooseHeldOut } from './held-out-split.js';
import { clamp, round3 } from './numbers.js';
import { type PreferenceProfile, trustedProfile } from './preference-profile.js';
import type { ItemOpinion } from './profile-schema.js';

/** One rating by one user. */
export interface Rating {
  /** Item id in the catalog. */
  item: string;
  /** The rating: a finite number on the scale given by the options (MovieLens: 0.5–5). */
  rating: number;
  /**
   * When it was given, in any unit that grows with time (MovieLens: Unix seconds). Only read when an item is rated
   * twice: the later timestamp counts.
   */
  timestamp?: number;
}

/**
 * The rating scale, shared by every option schema that reads ratings (profileFromRatings, the loaders): a rating
 * off it is refused, never clamped.
 */
export const RatingScaleShape = {
  /**
   * Lowest rating on the scale.
   * @default 0.5
   */
  minRating: z.number().default(0.5),
  /**
   * Highest rating on the scale.
   * @default 5
   */
  maxRating: z.number().default(5),
};

/** A rating scale with its bounds known. */
export interface RatingScale {
  /** Lowest rating on the scale. */
  minRating: number;
  /** Highest rating on the scale. */
  maxRating: number;
}

/** Who rated what, and where it was read, for the message of a rating that breaks the rule. */
export interface RatingOrigin {
  userId: string;
  item: string;
  /** The file and line, when the rating was read from one. */
  location?: IcerErrorLocation;
  /** The rating as written in the file, when there was one. */
  text?: string;
}

/**
 * The one rule for a single rating, applied by {@link profileFromRatings} and by the loaders alike: a finite
 * number within [minRating, maxRating]. Throws `RATING_OUT_OF_RANGE` naming the user and the item otherwise.
 */
export function checkRating(rating: unknown, scale: RatingScale, origin: RatingOrigin): asserts rating is number {
  if (typeof rating === 'number' && rating >= scale.minRating && rating <= scale.maxRating) return;
  // NaN fails both comparisons above, and an infinity is off every scale; a non-number says what it was.
  const shown = origin.text ?? describeValue(rating);
  const what = typeof rating === 'number' && !Number.isNaN(rating) ? 'outside' : 'not a number on';
  throw new IcerError(
    'RATING_OUT_OF_RANGE',
    `The rating ${shown} by user "${origin.userId}" of item "${origin.item}" is ${what} the scale ${scale.minRating}–${scale.maxRating}.`,
    {
      ...(origin.location ? { location: origin.location } : {}),
      hint: 'Fix the rating, or pass minRating/maxRating if the data uses another scale.',
    },
  );
}

// What a caller passed instead of a number, in words that cannot throw (JSON.stringify does on a bigint).
function describeValue(value: unknown): string {
  if (typeof value === 'number' || value === undefined || value === null) return String(value);
  if (typeof value === 'string') return `${JSON.stringify(value)} (a string)`;
  return typeof value === 'object' ? '(an object)' : `(a ${typeof value})`;
}

/**
 * The rule for an item rated twice by one user, shared by {@link profileFromRatings} and the loaders: the rating
 * with the later timestamp counts; when the timestamps are equal or either is missing, the one that comes later
 * (in the list, or in the file) counts. True when `newer`, coming after `older`, takes its place.
 */
export function supersedes(newerTimestamp: number | undefined, olderTimestamp: number | undefined): boolean {
  return newerTimestamp === undefined || olderTimestamp === undefined || newerTimestamp >= olderTimestamp;
}

/** Options for {@link profileFromRatings}; every field has a default. */
export const RatingsProfileOptionsSchema = z
  .strictObject({
    /**
     * Ratings at or above this are liked.
     * @default 4
     */
    likeThreshold: z.number().default(4),
    /**
     * Ratings at or below this are disliked.
     * @default 2
     */
    dislikeThreshold: z.number().default(2),
    ...RatingScaleShape,
    /**
     * Share of liked items held out as evaluation targets, in [0, 1).
     * @default 0.2
     */
    heldOutFraction: z.number().min(0).lt(1).default(0.2),
    /** Exact number of liked items to hold out (at least one liked item always stays visible). */
    heldOutCount: z.number().int().min(0).optional(),
    /**
     * Seed for the held-out split.
     * @default 0
     */
    seed: z.union([z.number(), z.string()]).default(0),
    /**
     * Pseudo-count shrinking affinities toward zero when evidence is thin.
     * @default 2
     */
    shrinkage: z.number().min(0).default(2),
    /** Facets to derive affinities for. Default: every facet of the catalog. */
    facets: z.array(z.string()).optional(),
    /**
     * Affinities smaller in magnitude than this are dropped.
     * @default 0.05
     */
    minAffinity: z.number().min(0).max(1).default(0.05),
    /**
     * Attributes carried by fewer of the user's rated items than this get no affinity: one film is an anecdote, not
     * a taste (and MovieLens films carry dozens of one-off tags).
     * @default 2
     */
    minEvidence: z.number().int().min(1).default(2),
  })
  .refine((o) => o.dislikeThreshold < o.likeThreshold, {
    message: 'dislikeThreshold must be below likeThreshold',
    path: ['dislikeThreshold'],
  })
  .refine((o) => o.minRating <= o.dislikeThreshold && o.likeThreshold <= o.maxRating, {
    message: 'thresholds must lie within [minRating, maxRating]',
    path: ['likeThreshold'],
  });

/** Options for {@link profileFromRatings} as accepted from callers. */
export type RatingsProfileOptions = z.input<typeof RatingsProfileOptionsSchema>;
type ResolvedOptions = z.output<typeof RatingsProfileOptionsSchema>;

function strength(distance: number, span: number): number {
  // Threshold ratings get 0.5, the end of the scale 1: even a bare "like" is a real opinion. A threshold at the end
  // of the scale leaves no span: every such rating is as strong as it gets.
  if (span <= 0) return 1;
  return round3(clamp(0.5 + (0.5 * distance) / span, 0.5, 1));
}

/**
 * Builds the hidden profile of one user from their ratings: liked (≥ likeThreshold) and disliked
 * (≤ dislikeThreshold) items with strengths, attribute affinities shrunk toward zero when evidence is thin, and a
 * seeded held-out split of liked items. Every field except `heldOut` is computed without the held-out items, so
 * nothing about a target leaks into a dialogue.
 *
 * Every rating must be a finite number within [minRating, maxRating] (`RATING_OUT_OF_RANGE` otherwise, naming the
 * user and the item). An item rated twice counts once: the rating with the later timestamp, then (timestamps equal
 * or missing) the later entry. Throws `NO_RATINGS` for an empty list and `UNKNOWN_ITEM` for an item missing from the
 * catalog.
 *
 * @example
 * ```ts
 * const profile = profileFromRatings('42', [{ item: '1', rating: 5 }, { item: '2', rating: 1.5 }], catalog);
 * ```
 */
export function profileFromRatings(
  userId: string,
  ratings: readonly Rating[],
  catalog: ItemCatalog,
  options: RatingsProfileOptions = {},
): PreferenceProfile {
  return buildFromRatings(
    userId,
    ratings,
    catalog,
    parseOptions(RatingsProfileOptionsSchema, options, 'profileFromRatings'),
  );
}

/** The same as {@link profileFromRatings} with options already validated: the loop over many users uses it. */
export function buildFromRatings(
  userId: string,
  ratings: readonly Rating[],
  catalog: ItemCatalog,
  options: ResolvedOptions,
): PreferenceProfile {
  if (ratings.length === 0) {
    throw new IcerError('NO_RATINGS', `User "${userId}" has no ratings.`, {
      hint: 'Pick a user who has rated at least one item, or build the profile from a spec instead.',
    });
  }
  // Which entry counts for each item; an item rated twice counts once.
  const counted = new Map<string, number>();
  for (let index = 0; index < ratings.length; index++) {
    const { item, rating, timestamp } = ratings[index] as Rating;
    if (!catalog.has(item)) {
      throw new IcerError('UNKNOWN_ITEM', `User "${userId}" rated item "${item}", which is not in the catalog.`, {
        hint: 'Load ratings together with the catalog they refer to.',
      });
    }
    checkRating(rating, options, { userId, item });
    if (timestamp !== undefined && !Number.isFinite(timestamp)) {
      throw new IcerError(
        'INVALID_ARGUMENT',
        `The timestamp of the rating by user "${userId}" of item "${item}" is ${String(timestamp)}, not a number.`,
        { location: { field: 'timestamp' }, hint: 'Give a finite number, or leave the timestamp out.' },
      );
    }
    const earlier = counted.get(item);
    if (earlier === undefined || supersedes(timestamp, ratings[earlier]?.timestamp)) counted.set(item, index);
  }

  const liked: Array<ItemOpinion & { rating: number }> = [];
  const disliked: Array<ItemOpinion & { rating: number }> = [];
  const neutral: string[] = [];
  for (let index = 0; index < ratings.length; index++) {
    const { item, rating } = ratings[index] as Rating;
    if (counted.get(item) !== index) continue;
    if (rating >= options.likeThreshold) {
      liked.push({
        item,
        rating,
        strength: strength(rating - options.likeThreshold, options.maxRating - options.likeThreshold),
      });
    } else if (rating <= options.dislikeThreshold) {
      disliked.push({
        item,
        rating,
        strength: strength(options.dislikeThreshold - rating, options.dislikeThreshold - options.minRating),
      });
    } else {
      neutral.push(item);
    }
  }
  const byStrength = (a: ItemOpinion, b: ItemOpinion) => b.strength - a.strength;
  liked.sort(byStrength);
  disliked.sort(byStrength);

  const heldOut = chooseHeldOut(
    liked.map((o) => o.item),
    userId,
    options.seed,
    { fraction: options.heldOutFraction, count: options.heldOutCount },
  );
  const visibleLiked = liked.filter((o) => !heldOut.has(o.item));
  // Midway between the thresholds is indifference; each side is scaled to its own end of the scale, so the best
  // rating scores +1 and the worst −1 even on a lopsided scale such as 0.5–5.
  const center = (options.likeThreshold + options.dislikeThreshold) / 2;
  const score = (rating: number) =>
    rating >= center
      ? (rating - center) / (options.maxRating - center)
      : (rating - center) / (center - options.minRating);
  const scored = [...counted]
    .filter(([item]) => !heldOut.has(item))
    .map(([item, index]) => ({ item, score: clamp(score((ratings[index] as Rating).rating), -1, 1) }));
  const affinities = affinitiesFromScores(scored, catalog, {
    shrinkage: options.shrinkage,
    facets: options.facets,
    minMagnitude: options.minAffinity,
    minEvidence: options.minEvidence,
  });

  return trustedProfile({
    id: userId,
    liked: visibleLiked.map(({ item, strength: s }) => ({ item, strength: s })),
    disliked: disliked.map(({ item, strength: s }) => ({ item, strength: s })),
    neutral,
    affinities,
    heldOut: liked.filter((o) => heldOut.has(o.item)).map((o) => o.item),
    source: { kind: 'ratings', userId, seed: options.seed },
  });
}
