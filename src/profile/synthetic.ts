import { z } from 'zod';
import type { Item } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
import { SeededRandom, SeedSchema } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { chooseHeldOut } from './held-out-split.js';
import { utilityOf } from './item-utility.js';
import { keyedRecord } from './keyed-record.js';
import { clamp, round3 } from './numbers.js';
import { drawPersona } from './persona-mix.js';
import { type PreferenceProfile, trustedProfile } from './preference-profile.js';
import type { ItemOpinion } from './profile-schema.js';
import { addTagTastes, drawTastes, type TasteVocabulary, tasteVocabulary } from './synthetic-tastes.js';

/** Options for {@link syntheticProfiles}; every field has a default. */
export const SyntheticProfileOptionsSchema = z.strictObject({
  /**
   * How many users.
   * @default 100
   */
  count: z.number().int().min(1).default(100),
  /**
   * Seed; user `i` depends only on (seed, i).
   * @default 0
   */
  seed: SeedSchema.default(0),
  /**
   * Prefix of user ids: `synthetic-0`, `synthetic-1`, …
   * @default 'synthetic'
   */
  idPrefix: z.string().min(1).default('synthetic'),
  /**
   * Attributes carried by fewer items are ignored (too rare to shape a taste).
   * @default 3
   */
  minSupport: z.number().int().min(1).default(3),
  /**
   * Loved genres per user, as [min, max].
   * @default [2, 3]
   */
  lovedGenres: z.tuple([z.number().int().min(0), z.number().int().min(0)]).default([2, 3]),
  /**
   * Hated genres per user, as [min, max].
   * @default [1, 2]
   */
  hatedGenres: z.tuple([z.number().int().min(0), z.number().int().min(0)]).default([1, 2]),
  /**
   * Other attributes (tags, people) with a strong opinion per user, as [min, max].
   * @default [3, 8]
   */
  otherAttributes: z.tuple([z.number().int().min(0), z.number().int().min(0)]).default([3, 8]),
  /**
   * Share of the catalog each user has seen, as [min, max] in (0, 1]; a fan of a person or series (a taste of 0.5 or
   * more) has seen each of their items with a chance of 0.8 besides.
   * @default [0.15, 0.4]
   */
  seenShare: z.tuple([z.number().gt(0).max(1), z.number().gt(0).max(1)]).default([0.15, 0.4]),
  /**
   * Share of liked items held out as evaluation targets.
   * @default 0.2
   */
  heldOutFraction: z.number().min(0).lt(1).default(0.2),
  /**
   * Draw persona traits.
   * @default true
   */
  personas: z.boolean().default(true),
});

/** Options for {@link syntheticProfiles} as accepted from callers. */
export type SyntheticProfileOptions = z.input<typeof SyntheticProfileOptionsSchema>;
type ResolvedOptions = z.output<typeof SyntheticProfileOptionsSchema>;

// Utility above/below these makes a seen item liked/disliked; between them it is neutral.
const LIKE_UTILITY = 0.2;
const DISLIKE_UTILITY = -0.15;
// Idiosyncratic taste: two users with the same tastes still differ on individual films.
const ITEM_NOISE_SD = 0.15;
const MIN_LIKED = 3;

// A fan of a director, an author or a series has seen most of their work, not a random share of it: each item of a
// person or series liked this much is seen at least this often.
const FAN_TASTE = 0.5;
const FAN_SEEN = 0.8;

/**
 * The catalog positions a user has seen: a random `count` of them, and most of the items of each person or series
 * they are a fan of (a Diana Gabaldon fan has read Outlander).
 */
function seenPositions(
  rng: SeededRandom,
  positions: readonly number[],
  count: number,
  drawn: readonly number[],
  { namedItems, taste }: TasteVocabulary,
  isSeen: Uint8Array,
): number[] {
  const seen = rng.sample(positions, count);
  let marked = false;
  // In the order the tastes were drawn, which is the order of the draws below.
  for (const place of drawn) {
    const items = (taste[place] as number) >= FAN_TASTE ? namedItems[place] : undefined;
    if (items === undefined) continue;
    if (!marked) {
      marked = true;
      for (const position of seen) isSeen[position] = 1;
    }
    for (const position of items) {
      if (isSeen[position] === 1 || !rng.chance(FAN_SEEN)) continue;
      isSeen[position] = 1;
      seen.push(position);
    }
  }
  // Every mark is of a seen position: cleared for the next user.
  if (marked) for (const position of seen) isSeen[position] = 0;
  return seen;
}

interface Scored {
  readonly item: string;
  /** The item's place among the catalog's ids in sorted order. */
  readonly rank: number;
  readonly utility: number;
}

/** A catalog's items in catalog order, with their positions, and where each one's id comes in sorted order. */
interface CatalogOrder {
  readonly items: readonly Item[];
  readonly positions: readonly number[];
  /** Each item's attribute ids, by position. */
  readonly attributeIds: readonly Int32Array[];
  readonly rankOf: Int32Array;
  readonly sortedIds: readonly string[];
  /**
   * Scratch for one user at a time (a user is built without yielding): the taste weights by attribute id, zeroed
   * after use, and a flag per position or rank, each cleared as it is read.
   */
  readonly weights: Float64Array;
  readonly flags: Uint8Array;
}

// The same for every user of a catalog: sampling positions draws what sampling the items did, and neutral items
// are listed by id from their ranks, with no sort per user.
const catalogOrders = new WeakMap<ItemCatalog, CatalogOrder>();

function catalogOrder(catalog: ItemCatalog): CatalogOrder {
  let order = catalogOrders.get(catalog);
  if (!order) {
    const items = catalog.items();
    const sortedIds = items.map((item) => item.id).sort();
    const rankById = new Map(sortedIds.map((id, rank) => [id, rank]));
    order = {
      items,
      positions: items.map((_, position) => position),
      attributeIds: items.map((item) => catalog.attributeIdsOf(item.id)),
      rankOf: Int32Array.from(items, (item) => rankById.get(item.id) as number),
      sortedIds,
      weights: new Float64Array(catalog.attributeKeyCount),
      flags: new Uint8Array(items.length),
    };
    catalogOrders.set(catalog, order);
  }
  return order;
}

// Highest utility first; ties (rare with the item noise) by item id.
const byUtility = (a: Scored, b: Scored): number => b.utility - a.utility || (a.item < b.item ? -1 : 1);

/** The `count` best entries, best first: a short list kept sorted as the entries go by. */
function bestOf(entries: readonly Scored[], count: number): Scored[] {
  const best: Scored[] = [];
  for (const entry of entries) {
    if (best.length === count && byUtility(entry, best[count - 1] as Scored) >= 0) continue;
    let at = best.length < count ? best.length : count - 1;
    while (at > 0 && byUtility(entry, best[at - 1] as Scored) < 0) {
      best[at] = best[at - 1] as Scored;
      at--;
    }
    best[at] = entry;
  }
  return best;
}

function buildSyntheticProfile(catalog: ItemCatalog, index: number, options: ResolvedOptions): PreferenceProfile {
  const id = `${options.idPrefix}-${index}`;
  const rng = new SeededRandom(options.seed).fork(`synthetic/${index}`);
  const vocabulary = tasteVocabulary(catalog, options.minSupport);
  const drawn = drawTastes(vocabulary, rng, options);
  const { keys, genres, attributeIds: tasteIds, sorted, taste } = vocabulary;

  const [minShare, maxShare] = options.seenShare;
  const share = Math.min(minShare, maxShare) + Math.abs(maxShare - minShare) * rng.next();
  const { items, positions, attributeIds, rankOf, sortedIds, weights, flags } = catalogOrder(catalog);
  const seenCount = Math.max(Math.min(items.length, MIN_LIKED * 2), Math.round(share * items.length));
  // Only genres and the other attributes drawn have a taste yet (tags get theirs below).
  const tasted = [...genres, ...drawn];
  for (const place of tasted) {
    const attribute = tasteIds[place] as number;
    if (attribute >= 0) weights[attribute] = taste[place] as number;
  }
  let scored: Scored[];
  try {
    scored = seenPositions(rng, positions, seenCount, drawn, vocabulary, flags).map((position): Scored => {
      const item = (items[position] as Item).id;
      return {
        item,
        rank: rankOf[position] as number,
        utility: utilityOf(attributeIds[position] as Int32Array, weights) + rng.normal(0, ITEM_NOISE_SD),
      };
    });
  } finally {
    for (const place of tasted) {
      const attribute = tasteIds[place] as number;
      if (attribute >= 0) weights[attribute] = 0;
    }
  }
  // Liked items best first, disliked worst first, neutral by id: each part is sorted alone, the neutral majority only
  // by id, rather than all of them by utility first.
  const opinion = (utility: number): number => round3(clamp(0.4 + Math.abs(utility), 0.4, 1));
  const likedScored: Scored[] = [];
  const dislikedScored: Scored[] = [];
  const rest: Scored[] = [];
  for (const entry of scored) {
    if (entry.utility >= LIKE_UTILITY) likedScored.push(entry);
    else if (entry.utility <= DISLIKE_UTILITY) dislikedScored.push(entry);
    else rest.push(entry);
  }
  likedScored.sort(byUtility);
  dislikedScored.sort(byUtility).reverse();
  // The best few seen items are liked even for a hard-to-please user, so every user has something to say: the best
  // of the rest make up the first MIN_LIKED when they are above zero.
  const best = bestOf(rest, Math.max(MIN_LIKED - likedScored.length, 1));
  const promoted = likedScored.length;
  for (const entry of best) {
    if (likedScored.length >= MIN_LIKED || entry.utility <= 0) break;
    likedScored.push(entry);
  }
  // A taste too flat to show (a small catalog whose attributes are all below `minSupport`) still leaves a user who
  // says something: the best item they saw is liked, and a split always keeps one liked item visible.
  const flat = () => taste.every((value) => round3(value) === 0);
  if (likedScored.length === 0 && dislikedScored.length === 0 && best[0] && flat()) likedScored.push(best[0]);
  // After the items are judged: a tag's taste restates its genres', which already weighed on them.
  addTagTastes(vocabulary);
  const liked = likedScored.map(({ item, utility }): ItemOpinion => ({ item, strength: opinion(utility) }));
  const disliked = dislikedScored.map(({ item, utility }): ItemOpinion => ({ item, strength: opinion(utility) }));
  // The rest are neutral but for those just liked, which come last in likedScored.
  const isNeutral = flags;
  for (const entry of rest) isNeutral[entry.rank] = 1;
  for (let i = promoted; i < likedScored.length; i++) isNeutral[(likedScored[i] as Scored).rank] = 0;
  const neutral: string[] = [];
  for (let rank = 0; rank < isNeutral.length; rank++) {
    if (isNeutral[rank] === 0) continue;
    isNeutral[rank] = 0;
    neutral.push(sortedIds[rank] as string);
  }

  const heldOut = chooseHeldOut(
    liked.map((o) => o.item),
    id,
    options.seed,
    { fraction: options.heldOutFraction, count: undefined },
  );
  // Assigned key by key in sorted order (Object.fromEntries is markedly slower).
  const affinities = keyedRecord<number>();
  for (let at = 0; at < sorted.length; at++) {
    const place = sorted[at] as number;
    const value = taste[place] as number;
    if (value === 0) continue;
    const rounded = round3(value);
    if (rounded !== 0) affinities[keys[place] as string] = rounded;
  }
  return trustedProfile(
    {
      id,
      liked: liked.filter((o) => !heldOut.has(o.item)),
      disliked,
      neutral,
      affinities,
      heldOut: liked.filter((o) => heldOut.has(o.item)).map((o) => o.item),
      persona: options.personas ? drawPersona(rng) : undefined,
      source: { kind: 'synthetic', seed: options.seed },
    },
    catalog,
  );
}

function resolve(catalog: ItemCatalog, options: SyntheticProfileOptions, fn: string): ResolvedOptions {
  const resolved = parseOptions(SyntheticProfileOptionsSchema, options, fn);
  if (catalog.size === 0) {
    throw new IcerError('EMPTY_CATALOG', 'Cannot draw synthetic users from an empty catalog.', {
      hint: 'Load a catalog with items first (builtinCatalog() is always available).',
    });
  }
  return resolved;
}

function* generate(
  catalog: ItemCatalog,
  from: number,
  to: number,
  options: ResolvedOptions,
): Generator<PreferenceProfile> {
  for (let index = from; index < to; index++) yield buildSyntheticProfile(catalog, index, options);
}

/**
 * Draws synthetic users from a catalog, so icer works without any ratings: each user has a latent taste vector
 * over the catalog's attributes (the profile's affinities), has seen a random share of the catalog and most of the
 * work of any person or series they are a fan of, and likes or dislikes what they saw according to that taste plus
 * idiosyncratic noise. A tag the user was drawn no taste for
 * takes on, more mildly, the taste for its items' genres (someone who loves animation likes "talking animals").
 * User `i` depends only on (seed, i).
 * Options are checked at the call, before the first user is drawn.
 *
 * @example
 * ```ts
 * for (const profile of syntheticProfiles(builtinCatalog(), { count: 10, seed: 7 })) {
 *   console.log(profile.id, profile.toText(builtinCatalog()));
 * }
 * ```
 */
export function syntheticProfiles(
  catalog: ItemCatalog,
  options: SyntheticProfileOptions = {},
): Generator<PreferenceProfile> {
  const resolved = resolve(catalog, options, 'syntheticProfiles');
  return generate(catalog, 0, resolved.count, resolved);
}

/** One synthetic user: the same as the `index`-th user of {@link syntheticProfiles} with the same options. */
export function syntheticProfile(
  catalog: ItemCatalog,
  index: number,
  options: Omit<SyntheticProfileOptions, 'count'> = {},
): PreferenceProfile {
  if (!Number.isInteger(index) || index < 0) {
    throw new IcerError('INVALID_ARGUMENT', `A synthetic user index is a whole number ≥ 0, got ${index}.`);
  }
  return buildSyntheticProfile(catalog, index, resolve(catalog, options, 'syntheticProfile'));
}

/**
 * Users `from` to `to` (not included) of {@link syntheticProfiles} with the same options, which are checked once:
 * a slice of a large run, user by user, without checking them again for each.
 */
export function syntheticProfilesBetween(
  catalog: ItemCatalog,
  from: number,
  to: number,
  options: Omit<SyntheticProfileOptions, 'count'> = {},
): Generator<PreferenceProfile> {
  return generate(catalog, from, to, resolve(catalog, options, 'syntheticProfilesBetween'));
}
