import type { Item } from '../../catalog/item.js';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { perItem } from '../../catalog/per-item.js';
import { attributePhrase } from '../../lexicon/attribute-phrases.js';
import { type DomainPhrasing, domainPhrasing, perPhrasing } from '../../lexicon/domain-phrasing.js';
import { capitalize, joinList, joinNames, withArticle } from '../../lexicon/english.js';
import type { GenreWords } from '../../lexicon/genre-words.js';
import type { Made } from '../../lexicon/made-verbs.js';
import type { SeededRandom } from '../../random/seeded-random.js';
import {
  eraOf,
  formOf,
  genreEnd,
  genreEnds,
  KIND_QUALITY,
  madeOf,
  plainKind,
  saysAgain,
  tellsStoryIn,
  themeOf,
  untoldQuality,
} from './describe-templates.js';
import { lightensGrave, soundsGrave, soundsHarrowing, soundsSober } from './grave-words.js';
import type { Template } from './template.js';

// A recommender who names a film often says one thing about it ("It's a Michael Mann crime thriller with Al
// Pacino."), as people do in ReDial. Everything here is read from the item's own attributes, so a fact is never
// claimed of an item that lacks it, and nothing is said about what the user likes: the reasons do that.

/** What can be said of one item: each part empty when the item has nothing for it. */
interface FactWords {
  /** The item tells a story, so its cast act in it: not a documentary, whose people appear in it. */
  readonly acted: boolean;
  /** The kind of film with its article, genres stacked before the noun: "a crime thriller". */
  readonly np: string;
  /**
   * The kind of film as a phrase that ends the sentence or appositive, where a genre may also follow the noun: "an
   * animated comedy for the whole family" as well as "an animated family comedy".
   */
  readonly npEnd: string;
  /** `np` with the era before it: "a mid-1990s crime thriller", "a mid-'90s crime thriller" (`np` without a year). */
  readonly npEra: string;
  /**
   * `npEnd` with the era, to end a sentence: also "a crime thriller from the mid-1990s" or "a mid-1990s thriller with
   * a noir feel" (`npEnd` without a year).
   */
  readonly npEraEnd: string;
  /** "Michael Mann", "A and B". */
  readonly by: string;
  /** `by` names one person: "is behind it", not "are". */
  readonly byOne: boolean;
  /** Up to two cast members: "Al Pacino and Robert De Niro". */
  readonly cast: string;
  readonly castOne: boolean;
  /** `cast` without those in `by`, to follow it: not "by Charlie Chaplin, with Charlie Chaplin". */
  readonly castBesides: string;
  readonly castBesidesOne: boolean;
  /** A tag that follows "It's": "atmospheric", "set in Paris". */
  readonly quality: string;
  /** A tag that follows "with": "a twist ending". */
  readonly feature: string;
  /** The feature as a theme, after "deals with" or "about": "grief" for "themes of grief"; empty for a thing. */
  readonly theme: string;
  /** Free-text tags viewers gave it, up to two: "quirky and dark comedy". */
  readonly tags: string;
  /** How widely the film has been seen, when the catalog says (its `popularity`). */
  readonly fame: Fame | undefined;
  /** The turn's reason named a genre of the item: its kind of film is not said (see {@link wordsOf}). */
  readonly kindSaid: boolean;
  /** The domain's words. */
  readonly w: FactDomainWords;
  /** How a fact sentence names the item. */
  readonly s: Subject;
  /** `npEnd` without its article: "crime thriller with a noir feel". */
  readonly kind: string;
}

/** The words of the domain facts use: "directed", "Viewers", "seen". */
interface FactDomainWords {
  readonly made: string;
  readonly madeP: string;
  /** "director " (with its space) or empty. */
  readonly creator: string;
  /** "directors " (with its space) or empty. */
  readonly creators: string;
  readonly audience: string;
  readonly consumed: string;
  readonly alts: string;
  readonly seen: string;
}

const factWords = perPhrasing(
  (phrasing): FactDomainWords => ({
    made: phrasing.made?.past ?? 'made',
    madeP: phrasing.made?.participle ?? 'made',
    creator: phrasing.creator === undefined ? '' : `${phrasing.creator.singular} `,
    creators: phrasing.creator === undefined ? '' : `${phrasing.creator.plural} `,
    audience: capitalize(phrasing.audience),
    consumed: phrasing.consume.participle,
    alts: (phrasing.altNoun ?? phrasing.noun)?.plural ?? 'ones',
    seen: (phrasing.experience ?? phrasing.consume).participle,
  }),
);

/** The domain's words, with the item's own verb of making where its genre has one ("created" of a graphic novel). */
function withMade(words: FactDomainWords, made: Made | undefined): FactDomainWords {
  if (made === undefined || (made.past === words.made && made.participle === words.madeP)) return words;
  return { ...words, made: made.past, madeP: made.participle };
}

/** Among the most watched 1% of the catalog, the top 10%, or the less watched half. */
type Fame = 'top' | 'known' | 'little';

interface FameBounds {
  readonly top: number;
  readonly known: number;
  readonly median: number;
}

// Per catalog, once: the popularity at the 1%, 10% and 50% marks, or undefined when no item has one.
const FAME_BOUNDS = new WeakMap<ItemCatalog, FameBounds | undefined>();

function popularityAt(catalog: ItemCatalog, share: number): number | undefined {
  return catalog.mostPopular(Math.max(1, Math.ceil(catalog.size * share))).at(-1)?.popularity;
}

function fameOf(item: Item, catalog: ItemCatalog): Fame | undefined {
  if (item.popularity === undefined) return undefined;
  let bounds = FAME_BOUNDS.get(catalog);
  if (!FAME_BOUNDS.has(catalog)) {
    const [top, known, median] = [0.01, 0.1, 0.5].map((share) => popularityAt(catalog, share));
    bounds = top === undefined || known === undefined || median === undefined ? undefined : { top, known, median };
    FAME_BOUNDS.set(catalog, bounds);
  }
  if (bounds === undefined) return undefined;
  // A film is said to be little seen only when fewer people saw it than most films, and well known only when it
  // stands out: the middle says nothing.
  if (item.popularity >= bounds.top && item.popularity > bounds.median) return 'top';
  if (item.popularity >= bounds.known && item.popularity > bounds.median) return 'known';
  if (item.popularity < bounds.median) return 'little';
  return undefined;
}

/** How a fact sentence names the item: never by its title again. */
interface Subject {
  /** "It". */
  readonly it: string;
  /** "it": the same inside a sentence. */
  readonly inner: string;
}

type Fact = Template<FactWords>;

const KIND: readonly Fact[] = [
  ({ s, npEraEnd }) => `${s.it}'s ${npEraEnd}.`,
  ({ s, npEnd }) => `${s.it}'s ${npEnd}.`,
  ({ s, npEnd }) => `Put simply, ${s.inner}'s ${npEnd}.`,
  ({ npEnd }) => `Short version: ${npEnd}.`,
];
const KIND_BY: readonly Fact[] = [
  ({ s, np, by }) => `${s.it}'s ${np} by ${by}.`,
  ({ s, npEra, by }) => `${s.it}'s ${npEra} from ${by}.`,
  ({ s, np, by, w }) => `${s.it}'s ${np}, ${w.madeP} by ${by}.`,
  ({ s, np, by, byOne, w }) => `${s.it}'s ${np} from ${byOne ? w.creator : w.creators}${by}.`,
];
const KIND_CAST: readonly Fact[] = [
  ({ s, np, cast }) => `${s.it}'s ${np} with ${cast}.`,
  ({ s, npEra, cast }) => `${s.it}'s ${npEra} starring ${cast}.`,
  ({ s, np, cast }) => `${s.it}'s ${np}, with ${cast} in the lead.`,
];
const BY_CAST: readonly Fact[] = [
  ({ s, by, castBesides, w }) => `${by} ${w.made} ${s.inner}, with ${castBesides}.`,
  ({ s, by, castBesides }) => `${s.it}'s by ${by}, with ${castBesides}.`,
  ({ s, by, castBesides, castBesidesOne, w }) =>
    `${castBesides} ${castBesidesOne ? 'stars' : 'star'} in ${s.inner}, and ${by} ${w.made}.`,
];
const BY: readonly Fact[] = [
  ({ s, by, w }) => `${by} ${w.made} ${s.inner}.`,
  ({ s, by }) => `${s.it}'s from ${by}.`,
  ({ s, by, w }) => `${s.it} was ${w.madeP} by ${by}.`,
  ({ s, by, byOne }) => `${by} ${byOne ? 'is' : 'are'} behind ${s.inner}.`,
];
// Of the people in an item that tells no story: they appear in a documentary, they do not star in it.
const KIND_FEATURING: readonly Fact[] = [({ s, np, cast }) => `${s.it}'s ${np} featuring ${cast}.`];
const BY_FEATURING: readonly Fact[] = [({ s, by, castBesides }) => `${s.it}'s by ${by}, featuring ${castBesides}.`];
const FEATURING: readonly Fact[] = [
  ({ s, cast }) => `${s.it} features ${cast}.`,
  ({ s, cast, castOne }) => `${cast} ${castOne ? 'appears' : 'appear'} in ${s.inner}.`,
];
const CAST: readonly Fact[] = [
  ({ s, cast, castOne }) => `${cast} ${castOne ? 'stars' : 'star'} in ${s.inner}.`,
  ({ s, cast }) => `${s.it} has ${cast} in the lead.`,
  ({ s, cast }) => `${s.it} stars ${cast}.`,
];
// Tags, qualities and features said alone, and (in the lists after them) with the kind of item, which only an item
// whose kind can be said gets: not "It's a book, and it's philosophical."
// Free-text tags are said as the words people use for the item, not as the data they are ("It has been tagged
// espionage.").
const TAGS_ALONE: readonly Fact[] = [
  ({ tags, w }) => `${w.audience} describe it with words like ${tags}.`,
  ({ s, tags }) => `Words people use for ${s.inner}: ${tags}.`,
];
const TAGS: readonly Fact[] = [
  ...TAGS_ALONE,
  ({ s, np, tags }) => `${s.it}'s ${np}, one people describe with words like ${tags}.`,
];
const QUALITY_ALONE: readonly Fact[] = [({ s, quality }) => `${s.it}'s ${quality}.`];
const QUALITY: readonly Fact[] = [
  ...QUALITY_ALONE,
  ({ s, np, quality }) => `${s.it}'s ${np}, and ${s.inner}'s ${quality}.`,
];
// Only of what is grave or a killing: "Worth knowing: it's violent", never "Worth knowing: it's lighthearted".
const QUALITY_CAVEAT: Fact = ({ s, quality }) => `Worth knowing: ${s.inner}'s ${quality}.`;
// A feature is a thing an item has ("car chases", "a twist ending"), said after "features" or "with", or a theme
// ("themes of grief"), said "grief" after "deals with" or "about".
const FEATURE_ALONE: readonly Fact[] = [
  ({ s, feature }) => `${s.it} features ${feature}.`,
  ({ s, feature }) => `${s.it} has ${feature}.`,
  ({ feature }) => `Expect ${feature}.`,
];
const FEATURE: readonly Fact[] = [...FEATURE_ALONE, ({ s, np, feature }) => `${s.it}'s ${np} with ${feature}.`];
const THEME_ALONE: readonly Fact[] = [
  ({ s, theme }) => `${s.it} deals with ${theme}.`,
  ({ s, theme }) => `${s.it} explores ${theme}.`,
];
const THEME: readonly Fact[] = [...THEME_ALONE, ({ s, np, theme }) => `${s.it}'s ${np} about ${theme}.`];

/** How widely a film has been seen, as a recommender would pass it on. */
const MOST_SEEN: Fact = ({ w }) => `It is one of the most ${w.consumed} ${w.alts} around.`;
const FAIRLY_WELL_KNOWN: Fact = ({ s }) => `${s.it}'s fairly well known.`;
const POPULAR_PICK: Fact = ({ s }) => `${s.it}'s a popular pick.`;
const FAME: Readonly<Record<Fame, readonly Fact[]>> = {
  top: [
    MOST_SEEN,
    ({ s, w }) => `A lot of people have ${w.seen} ${s.inner}.`,
    ({ s, w }) => `${s.it}'s one of the big ones; plenty of people have ${w.seen} it.`,
  ],
  known: [FAIRLY_WELL_KNOWN, ({ w }) => `Plenty of people have ${w.seen} it.`, POPULAR_PICK],
  little: [
    ({ s }) => `${s.it}'s a lesser-known one.`,
    ({ w }) => `Not many people have ${w.seen} it.`,
    ({ s }) => `${s.it} flew under the radar a bit.`,
    ({ s }) => `${s.it}'s a bit of a hidden find.`,
  ],
};
// To a user who has just said they have not seen it, "plenty of people have seen it" reads as a jab.
const FAME_TO_ONE_WHO_HAS_NOT_SEEN: Readonly<Record<Fame, readonly Fact[]>> = {
  top: [MOST_SEEN],
  known: [FAIRLY_WELL_KNOWN, POPULAR_PICK],
  little: FAME.little,
};

const IT: Subject = { it: 'It', inner: 'it' };

/** What the facts of an item may say that takes no random draw: read once per item. */
const itemWords = perItem((item, catalog) => {
  const phrasing = domainPhrasing(catalog);
  const genres: GenreWords[] = [];
  const qualities: string[] = [];
  const features: string[] = [];
  const keywords: string[] = [];
  const genreValues: string[] = [];
  for (const value of item.attributes.genre ?? []) {
    const trait = attributePhrase(`genre:${value}`, phrasing).trait;
    if (trait.kind !== 'genre') continue;
    genres.push(trait.words);
    genreValues.push(value);
  }
  const title = item.title.toLowerCase();
  const form = formOf(item, phrasing);
  const storied = tellsStoryIn(item, phrasing);
  for (const value of item.attributes.tag ?? []) {
    const trait = attributePhrase(`tag:${value}`, phrasing).trait;
    if (trait.kind !== 'quality' && trait.kind !== 'feature' && trait.kind !== 'keyword') continue;
    // What it is ("a novella") is said as its kind, not as a quality.
    if (trait.kind === 'quality' && trait.head !== undefined) continue;
    // Nor what its title says: not "What about Aliens (1986)? Expect aliens."
    if (saysAgain(trait.text, title)) continue;
    // Free-text tags ("reunion", "espionage") fit no sentence frame but the words people use, so they get their own.
    if (trait.kind === 'quality') qualities.push(storied ? trait.text : untoldQuality(trait.text));
    else if (trait.kind === 'feature') features.push(trait.text);
    else if (isFactTag(trait.text)) keywords.push(trait.text);
  }
  const bare = genres.length > 0 ? 'one' : plainKind(item);
  // The two head nouns a fact may use, the kind of item each makes before any genre is moved after it, and the
  // kinds it may end a phrase as (worked out here, so that a fact only draws among them).
  const altHead = (phrasing.altNoun ?? phrasing.noun)?.singular ?? bare;
  const head = phrasing.noun?.singular ?? bare;
  const altEnds = genreEnds(genres, altHead, form);
  const ends = genreEnds(genres, head, form);
  return {
    storied,
    genres,
    genreValues,
    qualities,
    features,
    keywords,
    altKind: altEnds.still,
    altEnds,
    kind: ends.still,
    ends,
    performers: valuesOf(item, phrasing, 'performer'),
    creators: valuesOf(item, phrasing, 'creator').slice(0, 2),
    fame: fameOf(item, catalog),
    w: withMade(factWords(phrasing), madeOf(item, phrasing)),
  };
});

/**
 * What a fact about an item may say, leaving out what the turn already said of it (`said`: the values of the reasons
 * given for it): who made it, who is in it, and its genres. No "It lines up with films by Steven Spielberg. Steven
 * Spielberg directed it."
 */
function wordsOf(
  item: Item,
  catalog: ItemCatalog,
  random: SeededRandom,
  said: ReadonlySet<string>,
  dated: boolean,
): FactWords {
  const words = itemWords(item, catalog);
  const { qualities, features, keywords, fame } = words;
  // The rest of a cast is not "in the lead" once its star was the reason: neither is named.
  const performers = words.performers.some((name) => said.has(name)) ? [] : words.performers;
  const creators = words.creators.some((name) => said.has(name)) ? [] : words.creators;
  // Nor a kind once the reason named one of its genres: with it, the kind says the reason again ("If it's mysteries
  // you're after, North by Northwest, a mystery thriller"); without it, it reads as if the item lacked it ("Like The
  // Great Escape, but animated: Grave of the Fireflies, a war drama").
  const kindSaid = said.size > 0 && words.genreValues.some((value) => said.has(value));
  const alt = random.chance(0.5);
  const kind = alt ? words.altKind : words.kind;
  const np = withArticle(kind);
  const end = genreEnd(alt ? words.altEnds : words.ends, random, GENRE_AFTER_SHARE);
  const npEnd = withArticle(end);
  const kinds = `${kind} ${end}`;
  const feature = unsaidOf(features, kinds, said, random);
  const castNames = performers.slice(0, random.chance(0.5) ? 1 : 2);
  const besides = castNames.filter((name) => !creators.includes(name));
  const era = eraPhrases(kind, end, dated ? undefined : item.year, random);
  return {
    acted: words.storied,
    np,
    npEnd,
    // Not "Tintin in Tibet (1960). It's an early-'60s graphic novel": the year was just written.
    npEra: era.npEra,
    npEraEnd: era.npEraEnd,
    by: joinNames(creators),
    byOne: creators.length === 1,
    cast: joinList(castNames),
    castOne: castNames.length === 1,
    castBesides: joinList(besides),
    castBesidesOne: besides.length === 1,
    quality: unsaidOf(qualities, kinds, said, random),
    feature,
    theme: themeOf(feature) ?? '',
    tags: joinList(sampledTags(keywords, said, random)),
    fame,
    kindSaid,
    w: words.w,
    s: IT,
    kind: npEnd.slice(npEnd.indexOf(' ') + 1),
  };
}

/**
 * Up to two of an item's free-text tags, none a reason given for it: not "For inspirational films, how about
 * Braveheart (1995)? Viewers describe it with words like inspirational."
 */
function sampledTags(keywords: readonly string[], said: ReadonlySet<string>, random: SeededRandom): readonly string[] {
  const unsaid = said.size === 0 ? keywords : keywords.filter((keyword) => !sharesStem(keyword, said));
  return unsaid.length <= 2 ? unsaid : random.sample(unsaid, 2);
}

/**
 * One of an item's qualities or features that neither its kind nor the reasons given for it say already: no "a
 * philosophical novel that's philosophical", "a musical with musical numbers", "It fits your liking for animated
 * films. It's computer-animated.", nor "Critique of Pure Reason came to mind when you mentioned philosophy. It's
 * philosophical."
 */
function unsaidOf(traits: readonly string[], kinds: string, said: ReadonlySet<string>, random: SeededRandom): string {
  if (traits.length === 0) return '';
  const unsaid = traits.filter((trait) => !saysAgain(trait, kinds) && !sharesStem(trait, said));
  return unsaid.length === 0 ? '' : random.pick(unsaid);
}

// The letters a trait's word shares with a reason's value to say it again ("philosoph-ical", "philosoph-y"); a
// shorter value is said again by the word itself ("war" in "set during World War II").
const REASON_STEM = 7;

function sharesStem(trait: string, said: ReadonlySet<string>): boolean {
  if (said.size === 0) return false;
  const words = trait.toLowerCase().split(/\s+/);
  for (const value of said) {
    const stem = value.toLowerCase().slice(0, REASON_STEM);
    if (words.some((word) => (stem.length < REASON_STEM ? word === stem : word.startsWith(stem)))) return true;
  }
  return false;
}

const NOTHING_SAID: ReadonlySet<string> = new Set();

// The values of the facets that play a role (a film's director, a book's author), in the phrasing's facet order.
function valuesOf(item: Item, phrasing: DomainPhrasing, kind: 'creator' | 'performer'): string[] {
  const out: string[] = [];
  for (const [facet, spoken] of Object.entries(phrasing.facets)) {
    if (spoken.kind === kind) out.push(...(item.attributes[facet] ?? []));
  }
  return out;
}

/** The share of kinds of film that end a phrase and put a genre after the noun ("a crime thriller with a noir feel"). */
const GENRE_AFTER_SHARE = 0.4;

/**
 * An era as people say it: "mid-1990s", "mid-'90s" (a decade of the last century said short) or just "1990s".
 */
function eraWords(year: number, random: SeededRandom): string {
  const era = eraOf(year);
  const decade = year - (year % 10);
  const u = random.next();
  // Not "a 1890s film": the short form is for years people read as "nineteen-…" or "two thousand …". Nor for the
  // first decade of a century but the 2000s: "a 1900s play" reads as the century, "a mid-'00s play" as the 2000s.
  const short = decade >= 1900 && (decade % 100 !== 0 || decade === 2000);
  if (u < 0.25 && short) return `${decade}s`;
  if (u < 0.5 && short && decade < 2000) return `${era.slice(0, era.indexOf('-'))}-'${String(decade).slice(2)}s`;
  return era;
}

/**
 * A kind of film with its era: before the noun where more words follow ("a mid-1990s crime thriller by …"); where
 * the phrase ends a sentence, also after it ("a crime thriller from the mid-1990s"), but never after a genre that
 * already follows the noun ("a crime thriller with a noir feel from …"). Without a year, the kind alone.
 */
function eraPhrases(
  kind: string,
  end: string,
  year: number | undefined,
  random: SeededRandom,
): { npEra: string; npEraEnd: string } {
  if (year === undefined) return { npEra: withArticle(kind), npEraEnd: withArticle(end) };
  const era = eraWords(year, random);
  const npEra = withArticle(`${era} ${kind}`);
  // "a mid-1990s thriller", "a thriller from the mid-1990s"; but "an early-1980s thriller", "from the early 1980s".
  if (end === kind && random.chance(0.35)) {
    const spoken = era.replace(/^(early|late)-/, '$1 ').replace(/-century$/, ' century');
    return { npEra, npEraEnd: `${withArticle(kind)} from the ${spoken}` };
  }
  return { npEra, npEraEnd: withArticle(`${era} ${end}`) };
}

// Viewers' free-text tags also note their own lists ("imdb top 250", "in netflix queue") and verdicts ("bad",
// "overrated"): neither is a fact about the film a recommender would pass on. Nor is a violent crime, in passing
// beside another tag ("words like neo-noir and rape"); a description the user asks for still says it.
const NOT_FACTS =
  /\d|netflix|queue|imdb|dvd|seen|download|watch|own|bad|boring|overrated|predictable|ridiculous|mindfuck|stupid|awful|\brape\b|torture/;

function isFactTag(tag: string): boolean {
  return /^[a-z][a-z '-]*$/.test(tag) && !NOT_FACTS.test(tag);
}

/** Whether an item is grave, by the words of its genres and tags: a war film, a tragedy, a story of grief. */
const isGrave = perItem((item) => [...(item.attributes.genre ?? []), ...(item.attributes.tag ?? [])].some(soundsGrave));

/** Whether any of the items is grave: a goodbye, an aside or a liking of it promises no fun night in. */
export function namesGrave(catalog: ItemCatalog, ids: readonly string[]): boolean {
  return ids.some((id) => isGrave(catalog.require(id), catalog));
}

/** Whether an item is grave, or a drama no lighter genre leavens: The Shawshank Redemption and Casino are no fun. */
const isSerious = perItem((item, catalog) => {
  const genres = item.attributes.genre ?? [];
  return isGrave(item, catalog) || (genres.some((genre) => /drama/i.test(genre)) && !genres.some(lightensGrave));
});

/** Whether any of the items is serious (see `isSerious`): nobody "had fun with" it. */
export function namesSerious(catalog: ItemCatalog, ids: readonly string[]): boolean {
  return ids.some((id) => isSerious(catalog.require(id), catalog));
}

/**
 * Whether an item is harrowing: grave and not a comedy or a children's film (Schindler's List, Grave of the Fireflies;
 * not Up or Dr. Strangelove), or of a harrowing subject whatever its genre (the Holocaust, slavery, torture).
 */
const isHarrowing = perItem((item) => {
  const genres = item.attributes.genre ?? [];
  const words = [...genres, ...(item.attributes.tag ?? [])];
  return words.some(soundsHarrowing) || (words.some(soundsGrave) && !genres.some(lightensGrave));
});

/** Whether any of the items is harrowing: a goodbye wishes no one joy of it ("Enjoy Shoah!"). */
export function namesHarrowing(catalog: ItemCatalog, ids: readonly string[]): boolean {
  return ids.some((id) => isHarrowing(catalog.require(id), catalog));
}

/** Whether an item tells a story, as far as its genres' words say: no biography, documentary or work of poetry. */
export function tellsStory(item: Item, catalog: ItemCatalog): boolean {
  return itemWords(item, catalog).storied;
}

/**
 * One sentence of true facts about an item, said after its title: its kind of film, who made it, who is in it, or a
 * tag ("It's a crime thriller by Michael Mann."). The title itself is never repeated; nor its era when the title was
 * written with its year (`dated`); nor how many have seen it to a user who has just said they have not (`saidUnseen`).
 */
export function itemFact(
  item: Item,
  catalog: ItemCatalog,
  random: SeededRandom,
  said: ReadonlySet<string> = NOTHING_SAID,
  dated = false,
  saidUnseen = false,
): string {
  const words = wordsOf(item, catalog, random, said, dated);
  const lists: (readonly Fact[])[] = [];
  // The kind of film is said only when known and not just said as the reason.
  const kinded = (item.attributes.genre ?? []).length > 0 && !words.kindSaid;
  if (kinded) lists.push(KIND);
  if (words.by !== '') lists.push(BY, kinded ? KIND_BY : BY);
  const [cast, kindCast, byCast] = words.acted ? [CAST, KIND_CAST, BY_CAST] : [FEATURING, KIND_FEATURING, BY_FEATURING];
  if (words.cast !== '') lists.push(cast, kinded ? kindCast : cast);
  if (words.by !== '' && words.castBesides !== '') lists.push(byCast);
  if (words.quality !== '') {
    const plain = kinded ? QUALITY : QUALITY_ALONE;
    lists.push(soundsSober(words.quality) ? [...plain, QUALITY_CAVEAT] : plain);
  }
  if (words.theme !== '') lists.push(kinded ? THEME : THEME_ALONE);
  else if (words.feature !== '') lists.push(kinded ? FEATURE : FEATURE_ALONE);
  if (words.tags !== '') {
    const tags = kinded ? TAGS : TAGS_ALONE;
    lists.push(tags, tags);
  }
  if (words.fame !== undefined) lists.push((saidUnseen ? FAME_TO_ONE_WHO_HAS_NOT_SEEN : FAME)[words.fame]);
  if (lists.length === 0) return '';
  return random.pick(random.pick(lists))(words);
}

type Appositive = Template<FactWords>;

const ONE_WORD = /^[a-z-]+$/;

// "A classic" leads its kind: "a classic violent thriller", "a classic gothic romantic mystery", not "a violent
// classic thriller".
const CLASSIC = 'classic ';

function qualityBefore(quality: string, kind: string): string {
  return kind.startsWith(CLASSIC) ? `${CLASSIC}${quality} ${kind.slice(CLASSIC.length)}` : `${quality} ${kind}`;
}

const APPOSITIVES: readonly Appositive[] = [
  ({ npEnd }) => npEnd,
  ({ npEnd }) => npEnd,
  ({ np, by }) => (by === '' ? np : `${np} by ${by}`),
  ({ np, npEnd, by, kind }) => (by === '' ? npEnd : by.includes(' and ') ? `${np} from ${by}` : `${by}'s ${kind}`),
  ({ np, cast }) => (cast === '' ? np : `${np} with ${cast}`),
  ({ np, cast, acted }) => (cast === '' ? np : `${np} ${acted ? 'starring' : 'featuring'} ${cast}`),
  ({ np, feature, theme }) => (theme !== '' ? `${np} about ${theme}` : feature === '' ? np : `${np} with ${feature}`),
  // A quality that is a kind of its own stays out: "a classic mystery that's a detective story" names two kinds. One
  // word goes before the kind: "a feel-good romantic comedy musical", not "a romantic comedy musical that's feel-good".
  ({ np, kind, quality }) =>
    quality === '' || KIND_QUALITY.test(quality)
      ? np
      : /^(set|based|in) /.test(quality)
        ? `${np} ${quality}`
        : ONE_WORD.test(quality)
          ? withArticle(qualityBefore(quality, kind))
          : `${np} that's ${quality}`,
  ({ np, fame, kind }) =>
    fame === undefined ? np : withArticle(`${fame === 'little' ? 'lesser-known' : 'well-known'} ${kind}`),
];

/**
 * A short noun phrase of true facts to follow an item's title: "a crime thriller by Michael Mann", "Michael Mann's
 * crime thriller"; no era after a title written with its year (`dated`). Empty for an item without genres, which has
 * no kind of film to name.
 */
export function itemAppositive(
  item: Item,
  catalog: ItemCatalog,
  random: SeededRandom,
  said: ReadonlySet<string> = NOTHING_SAID,
  dated = false,
): string {
  if ((item.attributes.genre ?? []).length === 0) return '';
  const words = wordsOf(item, catalog, random, said, dated);
  // An appositive names the kind of film, which the turn named already as its reason: "With science books on the
  // list, Cosmos (1980), a science book by Carl Sagan, …".
  if (words.kindSaid) return '';
  const appositive = random.pick(APPOSITIVES)(words);
  // The kind alone says nothing where the phrasing has no words for the item's genres: "Dune (1965), a book"; nor
  // where it is a verdict, not a kind: "Have you read Ulysses (1922), a classic?".
  const alone = appositive === words.np || appositive === words.npEnd;
  return alone && (itemWords(item, catalog).genres.length === 0 || appositive === 'a classic') ? '' : appositive;
}

/**
 * Inserts an appositive after a title in rendered text: "How about Heat (1995), a crime thriller?" A comma closes
 * it when the sentence goes on after the title ("Heat (1995), a crime thriller, should suit you").
 */
export function withAppositive(text: string, title: string, appositive: string): string {
  if (appositive === '') return text;
  let at = text.indexOf(title);
  while (at > 0 && /[\p{L}\p{N}]/u.test(text.charAt(at - 1))) at = text.indexOf(title, at + 1);
  if (at < 0) return text;
  const end = at + title.length;
  const rest = text.slice(end);
  const close = rest.startsWith(' ') ? ',' : '';
  return `${text.slice(0, end)}, ${appositive}${close}${rest}`;
}
