import { z } from 'zod';
import type { Item } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { genreNamedBy } from '../catalog/said-alike.js';
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
import { VOICED_AFFINITY } from './stated-polarity.js';

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

function drawCount(rng: SeededRandom, [min, max]: readonly [number, number]): number {
  return rng.int(Math.min(min, max), Math.max(min, max));
}

// The attributes tastes are drawn over, per catalog and support threshold: the same for every user of a batch.
interface TasteVocabulary {
  readonly genres: string[];
  readonly others: string[];
  /** The other attributes whose items mostly carry some genres, with those genres ("tag:police" → Crime). */
  readonly implied: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Where each attribute of `implied` is in it. */
  readonly impliedAt: ReadonlyMap<string, number>;
  /** The other attributes that are a genre's name said otherwise, with that genre ("tag:philosophical" → Philosophy). */
  readonly namedAfter: ReadonlyMap<string, string>;
  /** Each item's genres, by catalog position, as indices into `genres`. */
  readonly itemGenres: readonly Int32Array[];
  /** Each tag, with the catalog positions of its items, the genres it implies, and the genre it names (`namedAfter`). */
  readonly tagItems: ReadonlyArray<TagItems>;
  /** The catalog positions of the items of each other attribute that is not a tag: a person's, a series'. */
  readonly namedItems: ReadonlyMap<string, Int32Array>;
  /**
   * Scratch for {@link addTagTastes}, which overwrites it whole: each genre's taste, and each item's. Users are built
   * one at a time, without yielding, and fresh arrays for each were a good part of building one.
   */
  readonly genreTaste: Float64Array;
  readonly itemTaste: Float64Array;
}

interface TagItems {
  readonly key: string;
  readonly items: Int32Array;
  readonly kinds: readonly string[];
  readonly named: string | undefined;
}

const tasteVocabularies = new WeakMap<ItemCatalog, Map<number, TasteVocabulary>>();

/** The share of an attribute's items that carry a genre for the attribute to imply it ("police" → Crime). */
const IMPLIED_SHARE = 0.7;

function tasteVocabulary(catalog: ItemCatalog, minSupport: number): TasteVocabulary {
  let bySupport = tasteVocabularies.get(catalog);
  if (!bySupport) {
    bySupport = new Map();
    tasteVocabularies.set(catalog, bySupport);
  }
  let entry = bySupport.get(minSupport);
  if (!entry) {
    const vocabulary = catalog.vocabulary({ minCount: minSupport });
    const genres = vocabulary.filter((a) => a.facet === 'genre').map((a) => a.key as string);
    const others = vocabulary.filter((a) => a.facet !== 'genre').map((a) => a.key as string);
    const { implied, namedAfter } = impliedGenres(catalog, genres, others);
    entry = {
      genres,
      others,
      implied,
      impliedAt: new Map(implied.map(([key], at) => [key, at])),
      namedAfter,
      ...tagsByItem(catalog, genres, others, new Map(implied), namedAfter),
      genreTaste: new Float64Array(genres.length),
      itemTaste: new Float64Array(catalog.size),
    };
    bySupport.set(minSupport, entry);
  }
  return entry;
}

/** Each other attribute's genres (among those tastes are drawn for) that it implies; see {@link TasteVocabulary}. */
function impliedGenres(
  catalog: ItemCatalog,
  tasted: readonly string[],
  others: readonly string[],
): { implied: [string, string[]][]; namedAfter: Map<string, string> } {
  const counts = new Map<string, { items: number; genres: Map<string, number> }>();
  for (const key of others) counts.set(key, { items: 0, genres: new Map() });
  for (const item of catalog) {
    const genres = (item.attributes.genre ?? []).map((value) => `genre:${value}`);
    for (const key of catalog.attributeKeysOf(item.id)) {
      const count = counts.get(key);
      if (count === undefined) continue;
      count.items++;
      for (const genre of genres) count.genres.set(genre, (count.genres.get(genre) ?? 0) + 1);
    }
  }
  // Or whose value is the genre's name in another form: "philosophical books" and Philosophy are said alike.
  const named = genreNamedBy(catalog);
  const implied: [string, string[]][] = [];
  const namedAfter = new Map<string, string>();
  for (const [key, { items, genres }] of counts) {
    const name = named.get(key);
    if (name !== undefined && tasted.includes(name)) namedAfter.set(key, name);
    const kinds = tasted.filter((genre) => (genres.get(genre) ?? 0) >= IMPLIED_SHARE * items || genre === name);
    if (kinds.length > 0) implied.push([key, kinds]);
  }
  return { implied, namedAfter };
}

/** The genres of each item and the items of each tag (see {@link TasteVocabulary}). */
function tagsByItem(
  catalog: ItemCatalog,
  genres: readonly string[],
  others: readonly string[],
  implied: ReadonlyMap<string, readonly string[]>,
  namedAfter: ReadonlyMap<string, string>,
): Pick<TasteVocabulary, 'itemGenres' | 'tagItems' | 'namedItems'> {
  const genreIndex = new Map(genres.map((key, index) => [key, index]));
  const items = catalog.items();
  const positionOf = new Map(items.map((item, position) => [item.id, position]));
  const itemGenres = items.map((item) =>
    Int32Array.from((item.attributes.genre ?? []).flatMap((value) => genreIndex.get(`genre:${value}`) ?? [])),
  );
  const tagItems = others
    .filter((key) => key.startsWith('tag:'))
    .map(
      (key): TagItems => ({
        key,
        items: Int32Array.from(catalog.withAttribute(key), (item) => positionOf.get(item.id) as number),
        kinds: implied.get(key) ?? [],
        named: namedAfter.get(key),
      }),
    );
  const namedItems = new Map(
    others
      .filter((key) => !key.startsWith('tag:'))
      .map((key) => [key, Int32Array.from(catalog.withAttribute(key), (item) => positionOf.get(item.id) as number)]),
  );
  return { itemGenres, tagItems, namedItems };
}

// How much of the taste for its items' genres a tag takes on: a tag whose items are all of a genre loved strongly
// (0.7 or more) is liked mildly, about as often as MovieLens users have a view on a tag they are asked about.
const TAG_FROM_GENRES = 0.3;

// A genre taste at or below this is a dislike that a liking of its kind of items would contradict.
const DISLIKED_GENRE = -0.3;

/**
 * A latent taste vector over the catalog's attributes, RecSim-style: a few loved and hated genres, strong opinions
 * on a few other attributes, and mild noise on the remaining genres.
 */
function drawTastes(
  { genres, others, implied, impliedAt, namedAfter }: TasteVocabulary,
  rng: SeededRandom,
  options: ResolvedOptions,
): Map<string, number> {
  const tastes = new Map<string, number>();
  const shuffledGenres = rng.shuffle(genres);
  const loved = drawCount(rng, options.lovedGenres);
  const hated = drawCount(rng, options.hatedGenres);
  for (let index = 0; index < shuffledGenres.length; index++) {
    const key = shuffledGenres[index] as string;
    if (index < loved) tastes.set(key, 0.5 + 0.5 * rng.next());
    else if (index < loved + hated) tastes.set(key, -(0.5 + 0.5 * rng.next()));
    else if (rng.chance(0.3)) tastes.set(key, clamp(rng.normal(0, 0.2), -0.4, 0.4));
  }
  // Only drawn attributes can imply a genre below: those are looked up, rather than every implying one.
  const implying: number[] = [];
  for (const key of rng.sample(others, drawCount(rng, options.otherAttributes))) {
    tastes.set(key, (rng.chance(0.7) ? 1 : -1) * (0.4 + 0.6 * rng.next()));
    const at = impliedAt.get(key);
    if (at !== undefined) implying.push(at);
  }
  implying.sort((a, b) => a - b);
  // Nobody loves police films and hates crime films: a liking whose items mostly have a disliked genre is a dislike,
  // and the genre of a liking is liked too, if only just enough to say so ("Adore treasure hunts." is not followed by
  // "Rather skip adventure movies.", nor "Crazy about dystopian movies." by "Sci-fi, either way.").
  for (const at of implying) {
    const [key, kinds] = implied[at] as readonly [string, readonly string[]];
    const value = tastes.get(key);
    if (value === undefined || value <= 0) continue;
    if (kinds.some((genre) => (tastes.get(genre) ?? 0) <= DISLIKED_GENRE)) tastes.set(key, -value);
    else for (const genre of kinds) tastes.set(genre, Math.max(tastes.get(genre) ?? 0, VOICED_AFFINITY));
  }
  // "Crazy about philosophy." is not followed by "Philosophical books? Either way.", nor "Hate philosophical books."
  // by a liking for philosophy: a genre said otherwise takes the genre's side, or gives it its own when it has none.
  for (const [key, genre] of namedAfter) {
    const value = tastes.get(key);
    if (value === undefined) continue;
    const ofGenre = tastes.get(genre) ?? 0;
    if (Math.abs(ofGenre) >= VOICED_AFFINITY) tastes.set(key, Math.sign(ofGenre) * Math.abs(value));
    else tastes.set(genre, Math.sign(value) * VOICED_AFFINITY);
  }
  return tastes;
}

/**
 * Adds the tastes a user has for tags without having been drawn one: that of the tag's items' genres ("talking
 * animals" for someone who loves animation), so that a question about a tag is not met with a shrug nearly every
 * time. Only tastes strong enough to be voiced are kept.
 */
function addTagTastes(
  tastes: Map<string, number>,
  { genres, itemGenres, tagItems, genreTaste, itemTaste }: TasteVocabulary,
): void {
  // Each item's taste from its genres first: a user's tags all read the same few hundred items.
  for (let genre = 0; genre < genres.length; genre++) genreTaste[genre] = tastes.get(genres[genre] as string) ?? 0;
  for (let position = 0; position < itemGenres.length; position++) {
    const ofItem = itemGenres[position] as Int32Array;
    let taste = 0;
    for (let i = 0; i < ofItem.length; i++) taste += genreTaste[ofItem[i] as number] as number;
    itemTaste[position] = clamp(taste, -1, 1);
  }
  for (const { key, items, kinds, named: name } of tagItems) {
    if (items.length === 0 || tastes.has(key)) continue;
    // A genre said otherwise is the genre: a lover of musicals loves films with musical numbers as much, and someone
    // with no view of musicals has none of them either, whatever the other genres of those films.
    if (name !== undefined) {
      const ofName = tastes.get(name) ?? 0;
      if (Math.abs(ofName) >= VOICED_AFFINITY) tastes.set(key, ofName);
      continue;
    }
    let sum = 0;
    for (let i = 0; i < items.length; i++) sum += itemTaste[items[i] as number] as number;
    const value = (TAG_FROM_GENRES * sum) / items.length;
    // Not against the taste for the genre it is a kind of: no liking for private-eye films beside a distaste for crime.
    if (Math.abs(value) < VOICED_AFFINITY || kinds.some((genre) => value * (tastes.get(genre) ?? 0) < 0)) continue;
    tastes.set(key, value);
  }
}

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
  tastes: ReadonlyMap<string, number>,
  { namedItems }: TasteVocabulary,
  isSeen: Uint8Array,
): number[] {
  const seen = rng.sample(positions, count);
  let marked = false;
  // In the order the tastes were drawn, which is the order of the draws below.
  tastes.forEach((taste, key) => {
    const items = taste >= FAN_TASTE ? namedItems.get(key) : undefined;
    if (items === undefined) return;
    if (!marked) {
      marked = true;
      for (const position of seen) isSeen[position] = 1;
    }
    for (const position of items) {
      if (isSeen[position] === 1 || !rng.chance(FAN_SEEN)) continue;
      isSeen[position] = 1;
      seen.push(position);
    }
  });
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
  const tastes = drawTastes(vocabulary, rng, options);

  const [minShare, maxShare] = options.seenShare;
  const share = Math.min(minShare, maxShare) + Math.abs(maxShare - minShare) * rng.next();
  const { items, positions, attributeIds, rankOf, sortedIds, weights, flags } = catalogOrder(catalog);
  const seenCount = Math.max(Math.min(items.length, MIN_LIKED * 2), Math.round(share * items.length));
  // forEach, not for…of: no entry array per taste.
  tastes.forEach((value, key) => {
    const attribute = catalog.attributeIdOf(key);
    if (attribute !== undefined) weights[attribute] = value;
  });
  let scored: Scored[];
  try {
    scored = seenPositions(rng, positions, seenCount, tastes, vocabulary, flags).map((position): Scored => {
      const item = (items[position] as Item).id;
      return {
        item,
        rank: rankOf[position] as number,
        utility: utilityOf(attributeIds[position] as Int32Array, weights) + rng.normal(0, ITEM_NOISE_SD),
      };
    });
  } finally {
    weights.fill(0);
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
  const flat = () => [...tastes.values()].every((value) => round3(value) === 0);
  if (likedScored.length === 0 && dislikedScored.length === 0 && best[0] && flat()) likedScored.push(best[0]);
  // After the items are judged: a tag's taste restates its genres', which already weighed on them.
  addTagTastes(tastes, vocabulary);
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
  for (const key of [...tastes.keys()].sort()) {
    const value = round3(tastes.get(key) as number);
    if (value !== 0) affinities[key] = value;
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
