import { z } from 'zod';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
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
  /** The rating, on the scale given by the options (MovieLens: 0.5–5). */
  rating: number;
}

/** Options for {@link profileFromRatings}; every field has a default. */
export const RatingsProfileOptionsSchema = z
  .strictObject({
    /** Ratings at or above this are liked. Default 4. */
    likeThreshold: z.number().default(4),
    /** Ratings at or below this are disliked. Default 2. */
    dislikeThreshold: z.number().default(2),
    /** Lowest rating on the scale. Default 0.5. */
    minRating: z.number().default(0.5),
    /** Highest rating on the scale. Default 5. */
    maxRating: z.number().default(5),
    /** Share of liked items held out as evaluation targets, in [0, 1). Default 0.2. */
    heldOutFraction: z.number().min(0).lt(1).default(0.2),
    /** Exact number of liked items to hold out (at least one liked item always stays visible). */
    heldOutCount: z.number().int().min(0).optional(),
    /** Seed for the held-out split. Default 0. */
    seed: z.union([z.number(), z.string()]).default(0),
    /** Pseudo-count shrinking affinities toward zero when evidence is thin. Default 2. */
    shrinkage: z.number().min(0).default(2),
    /** Facets to derive affinities for. Default: every facet of the catalog. */
    facets: z.array(z.string()).optional(),
    /** Affinities smaller in magnitude than this are dropped. Default 0.05. */
    minAffinity: z.number().min(0).max(1).default(0.05),
    /**
     * Attributes carried by fewer of the user's rated items than this get no affinity. Default 2: one film is an
     * anecdote, not a taste (and MovieLens films carry dozens of one-off tags).
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
 * Throws `NO_RATINGS` for an empty list and `UNKNOWN_ITEM` for an item missing from the catalog.
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
  const liked: Array<ItemOpinion & { rating: number }> = [];
  const disliked: Array<ItemOpinion & { rating: number }> = [];
  const neutral: string[] = [];
  const rated = new Map<string, number>();
  for (const { item, rating } of ratings) {
    if (!catalog.has(item)) {
      throw new IcerError('UNKNOWN_ITEM', `User "${userId}" rated item "${item}", which is not in the catalog.`, {
        hint: 'Load ratings together with the catalog they refer to.',
      });
    }
    // The first rating of an item wins, so a duplicate row cannot count twice.
    if (rated.has(item)) continue;
    rated.set(item, rating);
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
  const scored = [...rated]
    .filter(([item]) => !heldOut.has(item))
    .map(([item, rating]) => ({ item, score: clamp(score(rating), -1, 1) }));
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
