import type { ItemCatalog } from '../catalog/item-catalog.js';
import { genreNamedBy } from '../catalog/said-alike.js';
import type { SeededRandom } from '../random/seeded-random.js';
import { clamp } from './numbers.js';
import { VOICED_AFFINITY } from './stated-polarity.js';

/**
 * The attributes a synthetic user's tastes are drawn over, per catalog and support threshold: the same for every
 * user of a batch. A taste is kept by the attribute's place in `keys` (genres first), in a typed array rather than
 * a map by key: a user is built for every dialogue, and hashing keys was a good part of building one.
 */
export interface TasteVocabulary {
  /** The genres, then the other attributes (tags, people). */
  readonly keys: readonly string[];
  /** The places of the genres, and of the other attributes, in `keys`. */
  readonly genres: readonly number[];
  readonly others: readonly number[];
  /** Each key's dense attribute id in the catalog, -1 for none. */
  readonly attributeIds: Int32Array;
  /** The places in the sorted order of their keys: the order a profile lists its affinities in. */
  readonly sorted: Int32Array;
  /** Per place, the genres (places) the attribute implies when its items mostly carry them ("tag:police" → Crime). */
  readonly implied: ReadonlyArray<Int32Array | undefined>;
  /** The other attributes that are a genre's name said otherwise, with that genre ("tag:philosophical" → Philosophy). */
  readonly namedAfter: ReadonlyArray<readonly [place: number, genre: number]>;
  /**
   * Each item's genres as places, all in one list: those of the item at catalog position p run from
   * `genreStart[p]` to `genreStart[p + 1]`. One flat list reads faster than an array per item.
   */
  readonly genreStart: Int32Array;
  readonly itemGenres: Int32Array;
  /** Each tag, with the catalog positions of its items, the genres it implies, and the genre it names (-1: none). */
  readonly tagItems: ReadonlyArray<TagItems>;
  /** Per place of another attribute that is not a tag (a person's, a series'), the catalog positions of its items. */
  readonly namedItems: ReadonlyArray<Int32Array | undefined>;
  /**
   * Scratch for one user at a time (a user is built without yielding): the user's tastes by place, 0 for none, which
   * {@link drawTastes} clears first; and each item's taste from its genres, which {@link addTagTastes} overwrites.
   */
  readonly taste: Float64Array;
  readonly itemTaste: Float64Array;
}

interface TagItems {
  readonly place: number;
  readonly items: Int32Array;
  readonly kinds: Int32Array;
  readonly named: number;
}

const tasteVocabularies = new WeakMap<ItemCatalog, Map<number, TasteVocabulary>>();

/** The share of an attribute's items that carry a genre for the attribute to imply it ("police" → Crime). */
const IMPLIED_SHARE = 0.7;

export function tasteVocabulary(catalog: ItemCatalog, minSupport: number): TasteVocabulary {
  let bySupport = tasteVocabularies.get(catalog);
  if (!bySupport) {
    bySupport = new Map();
    tasteVocabularies.set(catalog, bySupport);
  }
  let entry = bySupport.get(minSupport);
  if (!entry) {
    entry = buildVocabulary(catalog, minSupport);
    bySupport.set(minSupport, entry);
  }
  return entry;
}

function buildVocabulary(catalog: ItemCatalog, minSupport: number): TasteVocabulary {
  const vocabulary = catalog.vocabulary({ minCount: minSupport });
  const genreKeys = vocabulary.filter((a) => a.facet === 'genre').map((a) => a.key as string);
  const otherKeys = vocabulary.filter((a) => a.facet !== 'genre').map((a) => a.key as string);
  const keys = [...genreKeys, ...otherKeys];
  const placeOf = new Map(keys.map((key, place) => [key, place]));
  const places = (of: readonly string[]) => Int32Array.from(of, (key) => placeOf.get(key) as number);
  const { implied, namedAfter } = impliedGenres(catalog, genreKeys, otherKeys);
  const impliedAt: (Int32Array | undefined)[] = keys.map(() => undefined);
  for (const [key, kinds] of implied) impliedAt[placeOf.get(key) as number] = places(kinds);
  const items = catalog.items();
  const positionOf = new Map(items.map((item, position) => [item.id, position]));
  const positionsWith = (key: string) =>
    Int32Array.from(catalog.withAttribute(key), (item) => positionOf.get(item.id) as number);
  const namedItems: (Int32Array | undefined)[] = keys.map(() => undefined);
  for (const key of otherKeys) if (!key.startsWith('tag:')) namedItems[placeOf.get(key) as number] = positionsWith(key);
  return {
    keys,
    genres: genreKeys.map((_, place) => place),
    others: otherKeys.map((_, at) => genreKeys.length + at),
    attributeIds: Int32Array.from(keys, (key) => catalog.attributeIdOf(key) ?? -1),
    sorted: places([...keys].sort()),
    implied: impliedAt,
    namedAfter: [...namedAfter].map(([key, genre]) => [placeOf.get(key) as number, placeOf.get(genre) as number]),
    ...flatGenres(
      items.map((item) => (item.attributes.genre ?? []).flatMap((value) => placeOf.get(`genre:${value}`) ?? [])),
    ),
    tagItems: otherKeys
      .filter((key) => key.startsWith('tag:'))
      .map((key) => {
        const place = placeOf.get(key) as number;
        const named = namedAfter.get(key);
        return {
          place,
          items: positionsWith(key),
          kinds: impliedAt[place] ?? new Int32Array(0),
          named: named === undefined ? -1 : (placeOf.get(named) as number),
        };
      }),
    namedItems,
    taste: new Float64Array(keys.length),
    itemTaste: new Float64Array(items.length),
  };
}

/** The items' genres as one list, with where each item's start (see {@link TasteVocabulary.genreStart}). */
function flatGenres(genres: readonly number[][]): Pick<TasteVocabulary, 'genreStart' | 'itemGenres'> {
  const genreStart = new Int32Array(genres.length + 1);
  genres.forEach((ofItem, position) => {
    genreStart[position + 1] = (genreStart[position] as number) + ofItem.length;
  });
  return { genreStart, itemGenres: Int32Array.from(genres.flat()) };
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

/** How many loved and hated genres, and other attributes with a strong opinion, a user has, as [min, max]. */
export interface TasteCounts {
  readonly lovedGenres: readonly [number, number];
  readonly hatedGenres: readonly [number, number];
  readonly otherAttributes: readonly [number, number];
}

function drawCount(rng: SeededRandom, [min, max]: readonly [number, number]): number {
  return rng.int(Math.min(min, max), Math.max(min, max));
}

// How much of the taste for its items' genres a tag takes on: a tag whose items are all of a genre loved strongly
// (0.7 or more) is liked mildly, about as often as MovieLens users have a view on a tag they are asked about.
const TAG_FROM_GENRES = 0.3;

// A genre taste at or below this is a dislike that a liking of its kind of items would contradict.
const DISLIKED_GENRE = -0.3;

/**
 * A latent taste vector over the catalog's attributes, RecSim-style: a few loved and hated genres, strong opinions
 * on a few other attributes, and mild noise on the remaining genres. Written to the vocabulary's `taste`; returns the
 * other attributes drawn (places), in the order they were drawn.
 */
export function drawTastes(vocabulary: TasteVocabulary, rng: SeededRandom, counts: TasteCounts): number[] {
  const { genres, others, implied, namedAfter, taste } = vocabulary;
  taste.fill(0);
  const shuffledGenres = rng.shuffle(genres);
  const loved = drawCount(rng, counts.lovedGenres);
  const hated = drawCount(rng, counts.hatedGenres);
  for (let index = 0; index < shuffledGenres.length; index++) {
    const genre = shuffledGenres[index] as number;
    if (index < loved) taste[genre] = 0.5 + 0.5 * rng.next();
    else if (index < loved + hated) taste[genre] = -(0.5 + 0.5 * rng.next());
    else if (rng.chance(0.3)) taste[genre] = clamp(rng.normal(0, 0.2), -0.4, 0.4);
  }
  // Only drawn attributes can imply a genre below: those are looked up, rather than every implying one.
  const drawn = rng.sample(others, drawCount(rng, counts.otherAttributes));
  const implying: number[] = [];
  for (const place of drawn) {
    taste[place] = (rng.chance(0.7) ? 1 : -1) * (0.4 + 0.6 * rng.next());
    if (implied[place] !== undefined) implying.push(place);
  }
  implying.sort((a, b) => a - b);
  // Nobody loves police films and hates crime films: a liking whose items mostly have a disliked genre is a dislike,
  // and the genre of a liking is liked too, if only just enough to say so ("Adore treasure hunts." is not followed by
  // "Rather skip adventure movies.", nor "Crazy about dystopian movies." by "Sci-fi, either way.").
  for (const place of implying) {
    const value = taste[place] as number;
    if (value <= 0) continue;
    const kinds = implied[place] as Int32Array;
    if (kinds.some((genre) => (taste[genre] as number) <= DISLIKED_GENRE)) taste[place] = -value;
    else for (const genre of kinds) taste[genre] = Math.max(taste[genre] as number, VOICED_AFFINITY);
  }
  // "Crazy about philosophy." is not followed by "Philosophical books? Either way.", nor "Hate philosophical books."
  // by a liking for philosophy: a genre said otherwise takes the genre's side, or gives it its own when it has none.
  // A taste drawn for another attribute is never 0: 0 is none drawn.
  for (const [place, genre] of namedAfter) {
    const value = taste[place] as number;
    if (value === 0) continue;
    const ofGenre = taste[genre] as number;
    if (Math.abs(ofGenre) >= VOICED_AFFINITY) taste[place] = Math.sign(ofGenre) * Math.abs(value);
    else taste[genre] = Math.sign(value) * VOICED_AFFINITY;
  }
  return drawn;
}

/**
 * Adds the tastes a user has for tags without having been drawn one: that of the tag's items' genres ("talking
 * animals" for someone who loves animation), so that a question about a tag is not met with a shrug nearly every
 * time. Only tastes strong enough to be voiced are kept.
 */
export function addTagTastes({ genreStart, itemGenres, tagItems, taste, itemTaste }: TasteVocabulary): void {
  // Each item's taste from its genres first: a user's tags all read the same few hundred items.
  for (let position = 0; position < itemTaste.length; position++) {
    const end = genreStart[position + 1] as number;
    let sum = 0;
    for (let i = genreStart[position] as number; i < end; i++) sum += taste[itemGenres[i] as number] as number;
    itemTaste[position] = clamp(sum, -1, 1);
  }
  for (const { place, items, kinds, named } of tagItems) {
    // A tag's taste, drawn or added, is never 0: 0 is none yet.
    if (items.length === 0 || taste[place] !== 0) continue;
    // A genre said otherwise is the genre: a lover of musicals loves films with musical numbers as much, and someone
    // with no view of musicals has none of them either, whatever the other genres of those films.
    if (named >= 0) {
      const ofName = taste[named] as number;
      if (Math.abs(ofName) >= VOICED_AFFINITY) taste[place] = ofName;
      continue;
    }
    let sum = 0;
    for (let i = 0; i < items.length; i++) sum += itemTaste[items[i] as number] as number;
    const value = (TAG_FROM_GENRES * sum) / items.length;
    // Not against the taste for the genre it is a kind of: no liking for private-eye films beside a distaste for crime.
    if (Math.abs(value) < VOICED_AFFINITY || againstKinds(value, kinds, taste)) continue;
    taste[place] = value;
  }
}

function againstKinds(value: number, kinds: Int32Array, taste: Float64Array): boolean {
  for (let i = 0; i < kinds.length; i++) if (value * (taste[kinds[i] as number] as number) < 0) return true;
  return false;
}
