import type { Item } from '../../catalog/item.js';
import { attributePhrase } from '../../lexicon/attribute-phrases.js';
import { type DomainPhrasing, MOVIES_PHRASING } from '../../lexicon/domain-phrasing.js';
import { capitalize, joinList, joinNames, pluralize, withArticle } from '../../lexicon/english.js';
import type { GenreWords } from '../../lexicon/genre-words.js';
import type { Made } from '../../lexicon/made-verbs.js';
import type { SeededRandom } from '../../random/seeded-random.js';
import { soundsSober } from './grave-words.js';
import { perPhrasedItem } from './per-phrased-item.js';
import type { Template } from './template.js';

/** Words for the main sentence of a description. */
export interface DescribeWords {
  /** The item's title as this turn writes it (without its year when the dialogue has named it before). */
  readonly t: string;
  /** The kind of film with its article: "a sci-fi action film". */
  readonly np: string;
  /** The same with the era in front when the year is known: "a late-1990s sci-fi action film". */
  readonly npEra: string;
  /** Directors, "A and B"; empty when the act lists none. */
  readonly by: string;
  /** Cast, "A, B and C"; empty when the act lists none. */
  readonly cast: string;
  /** True for a single cast member ("stars" rather than "star"). */
  readonly castOne: boolean;
  /** The cast leads: no director who stars was left out of it (Citizen Kane's lead is Welles, not Joseph Cotten). */
  readonly castLeads: boolean;
  /**
   * Who made it stars in it too, every one of them ("by and starring Orson Welles"): `cast` is then the rest, who
   * are never said to star.
   */
  readonly makersStar: boolean;
  /** True for a single maker ("who also stars" rather than "who also star"). */
  readonly byOne: boolean;
  /** The cast act in it: false for an item that tells no story (a documentary's people appear in it, not star). */
  readonly acted: boolean;
  /** "directed by", "written by". */
  readonly dir: string;
  /** "directed", "wrote". */
  readonly made: string;
  /** `np` is a kind said before: "the noir crime thriller I mentioned", which no "basically" or "in short" sums up. */
  readonly recalled: boolean;
}

// Optional parts are spliced in only when present, so no template leaves a dangling "by" or ", with".
const by = (w: DescribeWords, word: string): string => {
  if (w.by === '') return '';
  if (!w.makersStar) return ` ${word} ${w.by}`;
  // "a comedy by and starring Roberto Benigni", "directed by and starring Orson Welles"; no "from and starring".
  return word === 'from' ? ` from ${w.by}, who also ${w.byOne ? 'stars' : 'star'}` : ` ${word} and starring ${w.by}`;
};
const cast = (w: DescribeWords, lead: string, tail = ''): string => {
  if (w.cast === '') return '';
  const words = !w.acted ? UNACTED : w.makersStar ? SUPPORTING : undefined;
  return words ? `${words.get(lead) ?? lead}${w.cast}${words.get(tail) ?? tail}` : `${lead}${w.cast}${tail}`;
};

// The words of the templates below that say people act, and what they say of people who appear in a documentary.
const UNACTED: ReadonlyMap<string, string> = new Map([
  [', starring ', ', featuring '],
  [' starring ', ' featuring '],
  [' stars in it', ' appears in it'],
  [' star in it', ' appear in it'],
  [' in the lead', ''],
  [' in the cast', ''],
  [' The cast includes ', ' On screen: '],
]);

// The same for the cast beside a maker who stars: they are in it, but the star is the maker.
const SUPPORTING: ReadonlyMap<string, string> = new Map([
  [', starring ', ', with '],
  [' starring ', ' with '],
  [', featuring ', ', with '],
  [' featuring ', ', with '],
  [' stars in it', ' is in it too'],
  [' star in it', ' are in it too'],
  [' in the lead', ''],
]);

/** The first sentence of a description: what kind of film, by whom, with whom. */
const DESCRIBE: readonly Template<DescribeWords>[] = [
  (w) => `${w.t} is ${w.np}${by(w, 'by')}${cast(w, ', with ')}.`,
  (w) => `${w.t} is ${w.npEra}${by(w, w.dir)}${cast(w, ', starring ')}.`,
  (w) => `Sure! ${w.t} is ${w.np}${by(w, 'from')}${cast(w, ', and ', w.castOne ? ' stars in it' : ' star in it')}.`,
  (w) => `${w.t}? It's ${w.np}${by(w, 'by')}${cast(w, ', starring ')}.`,
  (w) => `Happy to help: ${w.t} is ${w.np}${by(w, w.dir)}${cast(w, ', with ', ' in the cast')}.`,
  (w) => `${w.recalled ? '' : 'In short, '}${w.t} is ${w.npEra}${by(w, 'by')}${cast(w, ' featuring ')}.`,
  (w) =>
    w.by === ''
      ? `${w.t} is ${w.npEra}${cast(w, ' with ')}.`
      : `${w.by} ${w.made}${w.makersStar ? ` and ${w.byOne ? 'stars' : 'star'} in` : ''} ${w.t}, ${w.np}${cast(w, ' starring ')}.`,
  (w) => `Good question. ${w.t} is ${w.np}${by(w, 'by')}${cast(w, ', with ', w.castLeads ? ' in the lead' : '')}.`,
  (w) => `So, ${w.t}: ${w.npEra}${by(w, w.dir)}${cast(w, ', starring ')}.`,
  (w) => `Sure. ${w.t} is ${w.np}${by(w, 'from')}${cast(w, ', with ')}.`,
  (w) => `${w.t} is ${w.npEra}${by(w, 'by')}.${cast(w, ' The cast includes ', '.')}`,
  (w) => `Let me tell you a bit about it. ${w.t} is ${w.np}${by(w, w.dir)}${cast(w, ', starring ')}.`,
  (w) => `${w.recalled ? 'Well, ' : "Here's the gist: "}${w.t} is ${w.np}${by(w, 'by')}${cast(w, ', featuring ')}.`,
  (w) =>
    w.cast === '' || w.makersStar
      ? `${w.t} is ${w.npEra}${by(w, 'by')}${cast(w, ', with ')}.`
      : `${w.cast} ${w.acted ? (w.castOne ? 'stars' : 'star') : w.castOne ? 'appears' : 'appear'} in ${w.t}, ${w.np}${by(w, 'by')}.`,
  (w) => `Right, ${w.t}. It's ${w.np}${by(w, 'from')}${cast(w, ', with ', ' in it')}.`,
  (w) => `Ah, ${w.t}. It's ${w.npEra}${by(w, 'from')}${cast(w, ', starring ')}.`,
  (w) => `Quick summary: ${w.t} is ${w.np}${by(w, w.dir)}${cast(w, ', with ')}.`,
];

/**
 * The same, of an item whose suggestion named its makers (`by`, never empty here): what it is comes first, as the
 * answer, and the makers as said before ("from Terry Gilliam and Terry Jones, as I said"), never as "the one by
 * Jane Austen I mentioned", which two suggestions of hers would leave unclear.
 */
const DESCRIBE_AGAIN: readonly Template<DescribeWords>[] = [
  (w) => `${w.t} is ${w.npEra}, from ${w.by} as I said${cast(w, ', starring ')}.`,
  // "by X, as I mentioned" would read as the whole said before: only the makers were.
  (w) => `Sure. ${w.t} is ${w.np}, by ${w.by} as I mentioned${cast(w, ', with ', ' in it')}.`,
  (w) =>
    `${w.t} is ${w.np}; ${w.by} ${w.made} it, like I said${cast(w, '. ', w.castOne ? ' stars in it' : ' star in it')}.`,
];

const MENTIONED_THEN = / I mentioned(?= [a-z])/;

/** The same, of an item whose suggestion told both its kind and its makers: both as said before. */
const DESCRIBE_ALL_AGAIN: readonly Template<DescribeWords>[] = [
  (w) => `As I said, ${w.t} is ${w.np} from ${w.by}${cast(w, ', starring ')}.`,
  (w) => `Like I said, ${w.t} is ${w.np} by ${w.by}${cast(w, ', with ', ' in it')}.`,
];

/**
 * The same, of an item suggested for its makers as a liking the user stated ("You like films by Akira Kurosawa, so
 * try Ran"): the suggestion never said who made it, only what the user likes, so the makers are the reason, not
 * something said before.
 */
const DESCRIBE_FOR_MAKER: readonly Template<DescribeWords>[] = [
  (w) =>
    `${w.t} is ${w.np} by ${w.by}, which is why I picked it${cast(w, '. ', w.castOne ? ' stars in it' : ' star in it')}.`,
  (w) => `Sure. ${w.t} is ${w.np}${cast(w, ', starring ')}, and ${w.by} ${w.made} it: that's why it came to mind.`,
  (w) => `${w.t} is ${w.np}${cast(w, ' with ')}. It's the ${w.by} connection that made me think of it.`,
];

/**
 * The same, of an item the act tells nothing of but the reasons it was suggested for ("Since war films came up, try
 * Objective, Burma!"): a MovieLens film may have no fact but its genres. What it is, said as why it was picked, not
 * as news.
 */
const DESCRIBE_FOR_REASONS: readonly Template<DescribeWords>[] = [
  (w) => `${w.t} is ${w.np}${cast(w, ', with ')}, which is why I picked it.`,
  (w) => `It's ${w.np}${cast(w, ' with ')}: that's what made me think of ${w.t} for you.`,
  (w) => `${w.t}? It's ${w.np}${cast(w, ', starring ')}, and that's why it came to mind.`,
  (w) => `Mainly, ${w.t} is ${w.np}${cast(w, ' with ')}. That's why it fits what you said.`,
  (w) => `Put simply, ${w.t} is ${w.np}${cast(w, ', starring ')}; that's the whole reason it's on my list.`,
  (w) => `${w.t} is ${w.np}${cast(w, ' featuring ')}. Given what you told me, that's why I picked it.`,
  (w) => `Well, it's ${w.np}${cast(w, ' with ')}, and that's exactly why ${w.t} came up.`,
  (w) => `At its core, ${w.t} is ${w.np}${cast(w, ', with ')}, which is just what you described.`,
  (w) => `${w.t} is first and foremost ${w.np}${cast(w, ' starring ')}. That's why it seemed right for you.`,
  (w) => `Short version: ${w.t} is ${w.np}${cast(w, ', with ')}, the very reason I suggested it.`,
];

/**
 * Genres beyond the two a noun phrase can carry: "There's fantasy and adventure in it, too." Said without weighing
 * them: which genre is the main one is the grammar's choice, not the catalog's (MovieLens lists genres
 * alphabetically), so not "Mad Max: Fury Road is a sci-fi adventure film. There are touches of action, too."
 */
export const ELEMENTS: readonly Template<{ readonly e: string }>[] = [
  ({ e }) => `There's ${e} in it, too.`,
  ({ e }) => `There's some ${e} in the mix too.`,
  ({ e }) => `It blends in ${e} as well.`,
  ({ e }) => `You'll find elements of ${e} too.`,
  ({ e }) => `It mixes in ${e}, too.`,
  ({ e }) => `Expect some ${e} along the way.`,
];

// "It's also a dark comedy" has said it is more already: no "also …, too" or "also also".
const QUALITY_ADDED =
  (added: (f: string) => string): Template<{ readonly f: string }> =>
  ({ f }) =>
    f.startsWith('also ') ? `It's ${f}.` : added(f);
const QUALITY_TOO = QUALITY_ADDED((f) => `It's ${f}, too.`);
/**
 * Sentences on an item's tags: its qualities after "It's" ("dark and set in Paris"), the things it has ("car chases",
 * "a twist ending") after "It features", and its themes ("themes of grief", said "grief") after "It deals with".
 */
const QUALITIES: readonly Template<{ readonly f: string }>[] = [
  ({ f }) => `It's ${f}.`,
  QUALITY_TOO,
  QUALITY_ADDED((f) => `It's also ${f}.`),
];
// "Worth knowing" and its like announce what a user may want to weigh before choosing: only what is grave, violent or
// a killing, never "One thing to know: it's lighthearted" (nor a liking the user stated, said as wanted instead).
const SOBER_QUALITIES: readonly Template<{ readonly f: string }>[] = [
  ({ f }) => `It's ${f}.`,
  QUALITY_TOO,
  ({ f }) => `Worth knowing: it's ${f}.`,
  ({ f }) => `One thing to know: it's ${f}.`,
  ({ f }) => `Something to note: it's ${f}.`,
];
const FEATURES: readonly Template<{ readonly f: string }>[] = [
  ({ f }) => `It features ${f}.`,
  ({ f }) => `Expect ${f}.`,
  ({ f }) => `It has ${f}.`,
];
// No "At heart, it's about drugs" or "Its real subject is business": a tag is one thing the item has, and saying it
// is what the item is really about claims more than anyone said.
const THEMES: readonly Template<{ readonly f: string }>[] = [
  ({ f }) => `It deals with ${f}.`,
  ({ f }) => `It explores ${f}.`,
];

/**
 * Two kinds of fact about an item's tags said in one sentence ("It's set in a small town and features samurai."): a
 * run of one-fact sentences ("It's set in a small town. It features samurai.") reads as a list of tags. `q` may be
 * two qualities ("witty and based on a true story"); then only the frames with a comma, so no "dark and set in Paris
 * and features …".
 */
const QUALITY_AND_FEATURE: readonly Template<FactPair>[] = [
  ({ a, b }) => `It's ${a}, with ${b}.`,
  ({ a, b }) => `It's ${a}, and it has ${b}.`,
];
const QUALITY_ONE_AND_FEATURE: readonly Template<FactPair>[] = [
  ...QUALITY_AND_FEATURE,
  ({ a, b }) => `It's ${a} and features ${b}.`,
];
const QUALITY_AND_FEATURE_CAVEATS: readonly Template<FactPair>[] = [
  ({ a, b }) => `Worth knowing: it's ${a}, and it has ${b}.`,
];
const FEATURE_AND_THEME: readonly Template<FactPair>[] = [
  ({ a, b }) => `It has ${a} and deals with ${b}.`,
  ({ a, b }) => `It features ${a}, and it deals with ${b}.`,
  ({ a, b }) => `It features ${a} and explores ${b}.`,
];
const QUALITY_AND_THEME: readonly Template<FactPair>[] = [
  ({ a, b }) => `It's ${a} and explores ${b}.`,
  ({ a, b }) => `It's ${a}, and it deals with ${b}.`,
  ({ a, b }) => `It's ${a}, and it explores ${b}.`,
];
const QUALITY_AND_THEME_CAVEATS: readonly Template<FactPair>[] = [
  ({ a, b }) => `Worth knowing: it's ${a}, and it deals with ${b}.`,
];
interface FactPair {
  readonly a: string;
  readonly b: string;
}
// How often two such facts are said together when both are there: sometimes apart, as people also say them.
const TOGETHER = 0.6;

// Qualities that are phrases ("set in Paris", "based on a true story", "a treasure hunt") go after those that are
// adjectives: "dark and set in Paris", not "set in Paris and dark". A kind ("a treasure hunt") takes the adjectives
// into itself: "an epic treasure hunt".
const PHRASE_QUALITY = /^(?:set|based|in|on|about|from|with|told|an?|one) /;
const FOR_FANS = /^one for fans of /;
/** A quality that is a kind of item of its own: "a treasure hunt", "a detective story". */
export const KIND_QUALITY = /^an? /;
const SET = /^set /;
const PARTICIPLE_QUALITY = /^(?:set|based|told|in|about) /;

/** A feature said as a theme: "themes of grief" is "grief" after "deals with"; anything else is not a theme. */
export function themeOf(feature: string): string | undefined {
  return feature.startsWith(THEMES_OF) ? feature.slice(THEMES_OF.length) : undefined;
}
const THEMES_OF = 'themes of ';

// Free-text tags that read as neither a quality nor a feature ("reunion", or an adjective the lexicon does not know),
// said as the words people use rather than as the data they are ("It has been tagged reunion."); a name among them
// ("King Arthur") only in a list, not as what "people describe it with".
const KEYWORDS: readonly Template<{ readonly k: string }>[] = [
  ({ k }) => `Words people use for it: ${k}.`,
  ({ k }) => `People describe it with words like ${k}.`,
];
const NAMED_KEYWORDS = KEYWORDS.slice(0, 1);

// Words for a film itself, which every kind of film ends in. A book's ("book", "novel", "story") are kept: "based on a
// book" is said again by The Jungle Book's title.
const ITEM_NOUNS: ReadonlySet<string> = new Set(['film', 'movie']);

// The length from which a word's stem, not only the word, says it again (see saysAgain).
const SAID_STEM_FROM = 8;

/**
 * Whether a tag's words (of four letters or more) were said already, as in the kind of item: "computer-animated" after
 * "an animated comedy", "musical numbers" after "a dramatic musical", "ghosts" in "Ghostbusters".
 */
export function saysAgain(tag: string, said: string): boolean {
  for (const needle of needlesOf(tag)) if (said.includes(needle)) return true;
  return false;
}

// A tag's needles, worked out once per tag: tags come from a fixed vocabulary and are checked on most turns. The cap
// bounds memory when callers feed endless distinct tags.
const NEEDLES = new Map<string, readonly string[]>();
const NEEDLES_LIMIT = 50_000;

/** The texts whose presence says a tag again: its words' singulars and long words' stems. */
function needlesOf(tag: string): readonly string[] {
  let needles = NEEDLES.get(tag);
  if (needles === undefined) {
    const found: string[] = [];
    for (const word of tag.toLowerCase().split(/[\s-]+/)) {
      // "a Disney film" is not said by "an animated family film": the item's own noun says nothing of the tag.
      if (ITEM_NOUNS.has(word)) continue;
      const singular = word.length >= 5 && word.endsWith('s') ? word.slice(0, -1) : word;
      if (singular.length >= 4) found.push(singular);
      // A long word is said again by a word of its stem: "philosophical" after "a philosophy book", "mysterious"
      // after "a mystery" (its ending aside, at least six letters).
      if (word.length >= SAID_STEM_FROM) found.push(word.slice(0, Math.max(6, word.length - 4)));
    }
    needles = found;
    if (NEEDLES.size >= NEEDLES_LIMIT) NEEDLES.clear();
    NEEDLES.set(tag, needles);
  }
  return needles;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const teens = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teens ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "the late 1990s" style era of a year, as a modifier: "late-1990s"; before 1800, the century: "17th-century". */
export function eraOf(year: number): string {
  // Before 1800 nobody says "the late 1710s": the century ("an 18th-century novel").
  if (year < 1800) return `${ordinal(Math.floor(Math.max(year, 1) / 100) + 1)}-century`;
  const decade = year - (year % 10);
  const within = year % 10;
  // "The 1900s" reads as the century (only "the 2000s" reads as a decade): 1904 is "early-1900s", true either way,
  // never "mid-1900s".
  if (decade % 100 === 0 && decade !== 2000) return `early-${decade}s`;
  return `${within <= 3 ? 'early' : within <= 6 ? 'mid' : 'late'}-${decade}s`;
}

const byRank = (a: GenreWords, b: GenreWords): number => a.rank - b.rank;
const standsAlone = (genre: GenreWords): boolean => genre.modifiesAlone === true;
const NO_HEAD = 99;

/**
 * The kind of film a list of genres makes: one head noun ("comedy", "thriller", else "film") with up to two
 * modifiers before it ("an animated family comedy"); genres beyond that are returned as `elements`.
 * Genres in `keep` (those an item was suggested for) are the last to go to the elements: "RoboCop is an action drama"
 * for a fan of action films, not "a sci-fi drama" that "mixes in action, too".
 */
// Genre modifiers that are adjectives, and so read before another: "animated", "dramatic", "historical", "children's",
// "family", "young adult", and the two nouns said as adjectives ("a sci-fi action thriller", "a noir crime thriller").
const STACKS = /(?:ic|al|ed|ous|'s)$|^(?:family|young adult|sci-fi|noir)$/;

export function genrePhrase(
  genres: readonly GenreWords[],
  fallbackHead: string,
  { form, keep }: { readonly form?: string | undefined; readonly keep?: readonly GenreWords[] | undefined } = {},
): { kind: string; elements: string[] } {
  const plan = planGenres(genres, form, keep);
  const { before, elements } = settleGenres(plan, keep, undefined);
  return { kind: kindOf(before, plan.head, form, fallbackHead), elements };
}

/** Where a list of genres goes before any is moved after the noun: see {@link genrePhrase} and {@link genreEnds}. */
interface GenrePlan {
  readonly head: GenreWords | undefined;
  readonly modifiers: readonly GenreWords[];
  readonly before: readonly GenreWords[];
  /** The genres one of which may follow the noun instead; none when nothing would stand before the fallback. */
  readonly movable: readonly GenreWords[];
}

function planGenres(
  genres: readonly GenreWords[],
  form: string | undefined,
  keep: readonly GenreWords[] | undefined,
): GenrePlan {
  let head: GenreWords | undefined;
  if (form === undefined)
    for (const genre of genres) if (genre.headRank < NO_HEAD && (!head || genre.headRank < head.headRank)) head = genre;
  const kept = (genre: GenreWords): boolean => keep?.includes(genre) ?? false;
  const modifiers = genres.filter((genre) => genre !== head).sort(byRank);
  let before = [...modifiers]
    .sort((a, b) => Number(kept(b)) - Number(kept(a)))
    .slice(0, 2)
    .sort(byRank);
  // A modifier that stands only alone ("dramatic") gives its place before a head to the next genre, when that one
  // stacks with the other: Life Is Beautiful is "a romantic war comedy", not "a romantic comedy" that hides its war.
  const lone = before.find(standsAlone);
  const next = modifiers.find((genre) => !before.includes(genre));
  if (head !== undefined && lone !== undefined && !kept(lone) && next !== undefined && before.length === 2) {
    const pair = [before.find((genre) => genre !== lone) as GenreWords, next].sort(byRank);
    if (STACKS.test((pair[0] as GenreWords).modifier)) before = pair;
  }
  const movable =
    head !== undefined || before.length === 2
      ? before.filter((genre) => genre.after !== undefined && genre.after.length > 0)
      : [];
  return { head, modifiers, before, movable };
}

/** The genres a plan says before the noun, `moved` aside, and the genres left to the elements. */
function settleGenres(
  plan: GenrePlan,
  keep: readonly GenreWords[] | undefined,
  moved: GenreWords | undefined,
): { before: GenreWords[]; elements: string[] } {
  const { head, modifiers } = plan;
  const kept = (genre: GenreWords): boolean => keep?.includes(genre) ?? false;
  const before = moved === undefined ? [...plan.before] : plan.before.filter((genre) => genre !== moved);
  const elements = modifiers.filter((genre) => !plan.before.includes(genre)).map((genre) => genre.element);
  // Two nouns before a genre's head pile up ("a war action drama", "a mystery crime thriller"): the nearer goes to the
  // elements ("a war drama" that mixes in some action). An adjective stacks ("an animated family comedy"), and so do
  // two before a plain noun ("a sci-fi action film"), but not one that modifies alone ("dramatic").
  const alone = before.find(standsAlone);
  if (
    head !== undefined &&
    before.length === 2 &&
    (alone !== undefined || !STACKS.test((before[0] as GenreWords).modifier))
  ) {
    // What could name the item itself ("horror", "comedy") stays: "a horror mystery" with a bit of sci-fi, not "a
    // sci-fi mystery" with a bit of horror. Otherwise the nearer goes; but what the item was suggested for stays first.
    const [outer, inner] = before as [GenreWords, GenreWords];
    const usual = alone ?? (inner.head !== undefined && outer.head === undefined ? outer : inner);
    const other = usual === inner ? outer : inner;
    const demoted = kept(usual) && !kept(other) ? other : usual;
    before.splice(before.indexOf(demoted), 1);
    elements.unshift(demoted.element);
  }
  return { before, elements };
}

/** The kind of item: the genres said before it, and its noun. */
function kindOf(
  before: readonly GenreWords[],
  head: GenreWords | undefined,
  form: string | undefined,
  fallbackHead: string,
): string {
  const shown = before.map((genre) => genre.modifier);
  shown.push(head?.head ?? form ?? fallbackHead);
  return shown.join(' ');
}

/** The kinds {@link genrePhrase} gives without `keep`, one for each fallback noun, from one plan. */
function genreKinds(
  genres: readonly GenreWords[],
  fallbackHeads: readonly string[],
  form: string | undefined,
): string[] {
  const plan = planGenres(genres, form, undefined);
  const { before } = settleGenres(plan, undefined, undefined);
  return fallbackHeads.map((fallbackHead) => kindOf(before, plan.head, form, fallbackHead));
}

/** The kinds a list of genres makes as a phrase's end, one genre or none moved after the noun, worked out ahead. */
export interface GenreEnds {
  /** The kind with no genre moved. */
  readonly still: string;
  readonly movable: readonly GenreWords[];
  /** The kind with each of `movable` moved, before the words that follow the noun. */
  readonly moved: readonly string[];
}

/**
 * {@link GenreEnds} of genres, for {@link genreEnd}: one of the modifiers may follow the noun in its own words, as
 * people often put it ("an animated comedy for the whole family", "a crime thriller with a noir feel"), but only while
 * something still stands before the fallback noun ("a film with sci-fi elements" says too little).
 */
export function genreEnds(genres: readonly GenreWords[], fallbackHead: string, form: string | undefined): GenreEnds {
  const plan = planGenres(genres, form, undefined);
  const kind = (moved: GenreWords | undefined) =>
    kindOf(settleGenres(plan, undefined, moved).before, plan.head, form, fallbackHead);
  return { still: kind(undefined), movable: plan.movable, moved: plan.movable.map(kind) };
}

/** The kind of item a phrase's end names, drawn from ends worked out ahead: a modifier moved with chance `share`. */
export function genreEnd(ends: GenreEnds, random: SeededRandom, share: number): string {
  if (ends.movable.length === 0 || !random.chance(share)) return ends.still;
  const moved = random.pick(ends.movable);
  return `${ends.moved[ends.movable.indexOf(moved)] as string} ${random.pick(moved.after as readonly string[])}`;
}

/**
 * The noun an item's form makes it, when one of its tags names one ("novella", "short story collection"): its genres
 * only modify it, since I, Robot is no novel.
 */
export const formOf = perPhrasedItem((item: Item, phrasing: DomainPhrasing): string | undefined => {
  for (const value of item.attributes.tag ?? []) {
    const trait = attributePhrase(`tag:${value}`, phrasing).trait;
    if (trait.kind === 'quality' && trait.head !== undefined) return trait.head;
  }
  return undefined;
});

/**
 * What an item is in a domain whose phrasing names neither the item nor its genres: its first genre as written,
 * before "one" ("a strategy one"), so that no sentence says "a one"; just "one" for an item without genres.
 */
export function plainKind(item: Item): string {
  const genre = item.attributes.genre?.[0];
  if (genre === undefined) return 'one';
  // "an RPG one", but "a strategy one": an acronym keeps its capitals.
  return `${/^[\p{Lu}\d]{2,}$/u.test(genre) ? genre : genre.toLowerCase()} one`;
}

/**
 * The sentences on an item's qualities, features and themes, in that order, two of them joined in one sentence where
 * that reads well: always with all three, with a single thing and a single theme, or when the description `before`
 * them has said two things already, else sometimes. Each sentence begins with a space.
 */
function tagSentences(
  facts: Readonly<Record<FactKind, readonly string[]>>,
  before: string,
  random: SeededRandom,
): string {
  const present = FACT_KINDS.filter((kind) => facts[kind].length > 0);
  if (present.length === 0) return '';
  // Not "There's drama in it, too. It's set in space, too."
  const added = /\b(?:too|as well)\.$/.test(before);
  // A caveat only where what the sentence says is grave or a killing.
  const sober = (...kinds: FactKind[]) => kinds.some((kind) => facts[kind].some(soundsSober));
  // Joined only where nothing comes between them, and no more than two qualities before a comma.
  const joinable = PAIRS.filter(
    ({ first, second }) =>
      present.includes(first) &&
      present.indexOf(second) === present.indexOf(first) + 1 &&
      (first !== 'quality' || facts.quality.length <= 2),
  );
  // A single thing and a single theme apart are two short sentences opening alike: "It features religious themes. It
  // explores racism." (A quality and a thing are not always kin: not "It's in black and white, with a serial killer.")
  const short = present.length === 2 && facts.quality.length === 0 && facts.feature.length + facts.theme.length === 2;
  const join =
    joinable.length > 0 && (present.length === 3 || saidTwoThings(before) || short || random.chance(TOGETHER))
      ? random.pick(joinable)
      : undefined;
  const parts: string[] = [];
  for (let at = 0; at < present.length; at++) {
    const kind = present[at] as FactKind;
    if (join?.first === kind) {
      const plain = (kind === 'quality' && facts.quality.length === 1 && join.single) || join.frames;
      const frames = join.caveats && sober(kind, join.second) ? [...plain, ...join.caveats] : plain;
      parts.push(random.pick(frames)({ a: joinList(facts[kind]), b: joinList(facts[join.second]) }));
      at++;
    } else {
      const frames = kind === 'quality' && sober(kind) ? SOBER_QUALITIES : ALONE[kind];
      const fresh = added ? frames.filter((frame) => frame !== QUALITY_TOO) : frames;
      parts.push(random.pick(fresh)({ f: joinList(facts[kind]) }));
    }
  }
  return parts.map((part) => ` ${part}`).join('');
}

/**
 * Whether a description has said two things already ("Sure! It's a …", "There's fantasy in it, too."): two of its
 * sentences have four words or more. Then the tags' facts are joined. One pass, no split: this runs on every
 * description with tags.
 */
function saidTwoThings(text: string): boolean {
  let long = 0;
  let spaces = 0;
  for (let at = 0; at < text.length; at++) {
    if (text.charCodeAt(at) !== SPACE) continue;
    const before = text.charCodeAt(at - 1);
    if (before === STOP || before === BANG || before === QUESTION) {
      if (spaces >= 3 && ++long >= 2) return true;
      spaces = 0;
    } else spaces++;
  }
  return spaces >= 3 && long + 1 >= 2;
}

const SPACE = 32;
const STOP = 46;
const BANG = 33;
const QUESTION = 63;

/**
 * What the item was suggested for, said as what the user wanted rather than as news: "And yes, it has zombies.", not
 * "It has zombies." told as news after "For zombie movies, try Shaun of the Dead".
 */
function wantedSentence(
  wanted: { readonly quality: readonly string[]; readonly feature: readonly string[] },
  {
    said,
    tagKinds,
    reasoned,
    grave,
    before,
  }: {
    readonly said: string;
    readonly tagKinds: string;
    readonly reasoned: boolean;
    readonly grave: boolean;
    readonly before: string;
  },
  random: SeededRandom,
): string {
  // Nor a setting a kind of story said ("a space opera … It's set in space, as you'd want").
  const qualities = wanted.quality.filter(
    (quality) => !saysAgain(quality, said) && !(SET.test(quality) && saysAgain(quality, tagKinds)),
  );
  const { things, themes } = unsaidFeatures(wanted.feature, said);
  // The first sentence said what kind of item it is: another kind is more of what it is ("it's also a time-loop
  // story"), not a correction; said once ("it's also a Best Picture winner. And it's a heist movie", not "also" twice).
  const also = KIND_QUALITY.test(qualities[0] ?? '') && !/\bit's also\b/i.test(before) ? 'also ' : '';
  const clauses = [
    qualities.length > 0 ? `it's ${also}${joinList(qualities)}` : '',
    things.length > 0 ? `it has ${joinList(things)}` : '',
    themes.length > 0 ? `it deals with ${joinList(themes)}` : '',
  ].filter((clause) => clause !== '');
  if (clauses.length === 0) return '';
  const c = clauses.join(', and ');
  // "As you'd want, it's set during the Holocaust" is glad of it: a grave subject is only confirmed, and so is anything
  // of an item whose described attributes are grave ("It's set during the Holocaust. Good news, too: it's
  // thought-provoking.") or a killing ("It has a murder. Good news, too: it has a betrayal."). So is anything after a
  // first sentence that said why the item was picked, which needs no second "which is what you were after".
  const frames = reasoned || grave ? AS_ASKED : AS_WANTED;
  // Not "It has a serial killer. It has a twist ending, right up your street.": no two sentences open alike.
  const opening = capitalize(c.slice(0, c.indexOf(' ', 3)));
  const last = before.slice(before.lastIndexOf('. ') + 2);
  // Nor "There's comedy in it, too. … Good news, too: …": one "too" (or "as well") is an addition, two a tic.
  const saidToo = TOO.test(before);
  const fresh = frames.filter(
    (frame) => !(last.startsWith(opening) && frame(MARK).startsWith('It')) && !(saidToo && TOO.test(frame(MARK))),
  );
  return ` ${random.pick(fresh)({ c })}`;
}

// What a frame is shown with to see whether it opens with the clause: "it …" capitalised.
const MARK = { c: 'it' };
const TOO = /\b(?:too|as well)\b/;

/** The features `said` (the kind and the title) has not said, as things it has and themes it deals with. */
function unsaidFeatures(features: readonly string[], said: string): { things: string[]; themes: string[] } {
  const things: string[] = [];
  const themes: string[] = [];
  for (const feature of features) {
    if (saysAgain(feature, said)) continue;
    const theme = themeOf(feature);
    if (theme === undefined) things.push(feature);
    else themes.push(theme);
  }
  return { things, themes };
}

// Confirmed, not welcomed: for what is grave, and after a first sentence that said why the item was picked.
const AS_ASKED: readonly Template<{ readonly c: string }>[] = [
  ({ c }) => `And yes, ${c}.`,
  ({ c }) => `${capitalize(c)}, to match what you said.`,
  ({ c }) => `And, to match what you said, ${c}.`,
];
const AS_WANTED: readonly Template<{ readonly c: string }>[] = [
  ...AS_ASKED,
  ({ c }) => `As you'd want, ${c}.`,
  ({ c }) => `${capitalize(c)}, as you'd want.`,
  ({ c }) => `And ${c}, which is what you were after.`,
  ({ c }) => `Good news, too: ${c}.`,
  ({ c }) => `${capitalize(c)}, right up your street.`,
  ({ c }) => `And since you mentioned it, ${c}.`,
];

const FACT_KINDS = ['quality', 'feature', 'theme'] as const;
type FactKind = (typeof FACT_KINDS)[number];
const ALONE: Readonly<Record<FactKind, readonly Template<{ readonly f: string }>[]>> = {
  quality: QUALITIES,
  feature: FEATURES,
  theme: THEMES,
};
const PAIRS: ReadonlyArray<{
  readonly first: FactKind;
  readonly second: FactKind;
  readonly frames: readonly Template<FactPair>[];
  /** The frames when the first is a single quality, where they differ. */
  readonly single?: readonly Template<FactPair>[];
  /** Frames that announce a caveat, added when something said is grave or a killing (see {@link SOBER_QUALITIES}). */
  readonly caveats?: readonly Template<FactPair>[];
}> = [
  {
    first: 'quality',
    second: 'feature',
    frames: QUALITY_AND_FEATURE,
    single: QUALITY_ONE_AND_FEATURE,
    caveats: QUALITY_AND_FEATURE_CAVEATS,
  },
  { first: 'feature', second: 'theme', frames: FEATURE_AND_THEME },
  { first: 'quality', second: 'theme', frames: QUALITY_AND_THEME, caveats: QUALITY_AND_THEME_CAVEATS },
];

// Who made an item, as the suggestion templates say it: "by A", "from director A and B", "A's thriller", "A directed it", "A and
// B are behind it". A name said only as cast ("Ari Folman appears in it", "For movies with Orson Welles, …") is not.
const MAKER_BEFORE = /\b(?:by|from)(?: [a-z]+)?(?: [^,.;:!?]+? and)? $/;
const MAKER_AFTER =
  /^(?:'s\b| and [^,.;:!?]+? (?:directed|made|wrote|created|are behind)\b| (?:directed|made|wrote|created|is behind)\b)/;

function namedAsMaker(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (MAKER_BEFORE.test(text.slice(Math.max(0, at - 60), at)) || MAKER_AFTER.test(text.slice(at + name.length))) {
      return true;
    }
  }
  return false;
}

/** How {@link describeItem} words a description. */
export interface DescribeOptions {
  /** How the catalog's domain is worded. @default MOVIES_PHRASING */
  readonly phrasing?: DomainPhrasing;
  /** The turn took in the user's words before it: the description opens on the item ("Heat is …", not "Sure! …"). */
  readonly acknowledged?: boolean;
  /** False when the user asked with no question ("Tell me about Heat."): it was no "Good question." @default true */
  readonly asked?: boolean;
  /**
   * Whether the user said they like an attribute: a quality or thing of the item they did is told as what they
   * wanted ("Good news, too: it's thought-provoking"), not as news. @default none
   */
  readonly liked?: (key: string) => boolean;
  /**
   * The recommender's turn that suggested the item, when one did: its text (with that of any question it asked about
   * the item before), the reasons it gave for the item, every reason the turn gave (a slate in two parts gives each
   * its own), and what it said right after the item's title.
   */
  readonly suggestedAs?:
    | {
        readonly text: string;
        readonly reasons: readonly string[];
        readonly turnReasons: readonly string[];
        readonly after?: string | undefined;
      }
    | undefined;
}

// The words a description may open with before it comes to the item: after "Sorry to hear that." or "No horror, got
// it.", "Sure! Heat is …" and "Good question. Heat is …" pile up.
const OPENER =
  /^(?:Sure[.!]|Good question\.|Happy to help:|Let me tell you a bit about it\.|Here's the gist:|Quick summary:|Short version:|In short,|Well,|So,) /;

const GOOD_QUESTION = 'Good question. ';

// Openers that name the title before saying what it is: "Ah, Heat. It's …" is "Heat is …" after one.
const NAMING_OPENERS = ['Ah, ', 'Right, '];

function withoutOpener(text: string, title: string): string {
  for (const opener of NAMING_OPENERS) {
    const named = `${opener}${title}. It's `;
    if (text.startsWith(named)) return `${title} is ${text.slice(named.length)}`;
  }
  const plain = text.replace(OPENER, '');
  // "Well, it's a crime thriller, …" starts a sentence anew; a title keeps its own case ("eXistenZ").
  return plain === text || plain.startsWith(title) ? plain : capitalize(plain);
}

/**
 * Describes an item by the attributes an act lists (and the item's year): a first sentence on genre, directors
 * and cast, then sentences for further genres, tags and other facets. With no attributes, just its era.
 */
export function describeItem(
  item: Item,
  title: string,
  keys: readonly string[],
  random: SeededRandom,
  { phrasing = MOVIES_PHRASING, suggestedAs, acknowledged = false, asked = true, liked }: DescribeOptions = {},
): string {
  const genres: GenreWords[] = [];
  // The genres among them the item was suggested for.
  const suggestedFor: GenreWords[] = [];
  const directors: string[] = [];
  const castNames: string[] = [];
  const qualities: string[] = [];
  const features: string[] = [];
  const keywords: string[] = [];
  const others = new Map<string, string[]>();
  // The qualities and features the item was suggested for ("For zombie movies, try Shaun of the Dead") or the user
  // said they like: true of it, but no news to the user who asked for them.
  const wanted = { quality: [] as string[], feature: [] as string[] };
  let forMaker = false;
  // A name inside the title is no mention of the maker: "Narrative of the Life of Frederick Douglass (1845)" did not
  // say who wrote it.
  const suggestion = suggestedAs?.text.replaceAll(item.title, '') ?? '';
  // A tag the suggestion told of the item ("a dark comedy people tag stylish") is not told again as news; one it gave
  // as the user's liking ("For disturbing films, try …") said nothing of the item yet.
  const spoken = suggestion.toLowerCase();
  const turnReasons = suggestedAs?.turnReasons ?? [];
  const told = (key: string, text: string): boolean =>
    !turnReasons.includes(key) && spoken.includes(text.toLowerCase());
  // What the suggestion said right after the item's title: "Touch of Evil (1958), a noir crime thriller", "Primer
  // (2004) … It has time travel."
  const after = suggestedAs?.after?.toLowerCase() ?? '';
  // Whether a genre or tag described is grave or a killing: judged by the attributes, not the title ("Murder on the
  // Orient Express" is no grave book for its name).
  let grave = false;
  const storied = tellsStoryIn(item, phrasing);
  for (const key of keys) {
    const { trait, sayable } = attributePhrase(key, phrasing);
    if (trait.kind !== 'director' && trait.kind !== 'cast' && trait.kind !== 'other')
      grave ||= soundsSober(key.slice(key.indexOf(':') + 1));
    switch (trait.kind) {
      case 'genre':
        genres.push(trait.words);
        if (suggestedAs?.reasons.includes(key)) suggestedFor.push(trait.words);
        break;
      case 'director':
        directors.push(trait.name);
        if (suggestedAs?.reasons.includes(key)) forMaker = true;
        break;
      case 'cast':
        castNames.push(trait.name);
        break;
      // Two tags may say one thing ("suspense" and "suspenseful"), a reason or not: it is said once.
      case 'quality':
      case 'feature': {
        const reason = (suggestedAs?.reasons.includes(key) ?? false) || (liked?.(key) ?? false);
        const news = trait.kind === 'quality' ? qualities : features;
        const list = reason ? wanted[trait.kind] : news;
        const text = trait.kind === 'quality' && !storied ? untoldQuality(trait.text) : trait.text;
        // A reason the suggestion also told as a fact of the item ("… Primer (2004). It has time travel.") is said
        // already.
        const toldAfter = reason && after.includes(text.toLowerCase());
        const again = news.includes(text) || wanted[trait.kind].includes(text);
        if (!again && !told(key, text) && !toldAfter) list.push(text);
        break;
      }
      // A tag no one would say aloud ("seen at the cinema 2015", "C") is not read out either.
      case 'keyword':
        if (sayable && !told(key, trait.text)) keywords.push(trait.text);
        break;
      case 'other': {
        const values = others.get(trait.facet);
        if (values) values.push(trait.value);
        else others.set(trait.facet, [trait.value]);
        break;
      }
    }
  }
  const bare = genres.length > 0 ? 'one' : plainKind(item);
  const nouns = [(phrasing.altNoun ?? phrasing.noun)?.singular ?? bare, phrasing.noun?.singular ?? bare];
  const picked = random.chance(0.5) ? 0 : 1;
  const form = formOf(item, phrasing);
  // The kind the suggestion gave the item ("Touch of Evil (1958), a noir crime thriller") is what was said, in its
  // words: "It's the noir crime thriller I mentioned", not told again as news.
  const toldKinds = genres.length === 0 || after === '' ? undefined : genreKinds(genres, nouns, form);
  const toldNoun =
    toldKinds === undefined
      ? undefined
      : [picked, 1 - picked].find((at) => after.includes(withArticle(toldKinds[at] as string).toLowerCase()));
  // A kind told before is said as it was; otherwise the genres the item was suggested for stay in it.
  const keep = toldNoun === undefined ? suggestedFor : undefined;
  const { kind, elements } = genrePhrase(genres, nouns[toldNoun ?? picked] as string, { form, keep });
  // Not "Ring (1998) is a late-1990s horror film": a title written with its year has said when it is from (unless
  // the era is all there is to say).
  const dated = keys.length > 0 && item.year !== undefined && title.endsWith(`(${item.year})`);
  const era = item.year === undefined || dated ? '' : `${eraOf(item.year)} `;
  // Who made it and also stars in it is named once, as its maker and star; when only one of its makers stars
  // (Gene Kelly, not Stanley Donen), as cast too.
  const makersStar = directors.length > 0 && directors.every((name) => castNames.includes(name));
  const acting = makersStar ? castNames.filter((name) => !directors.includes(name)) : castNames;
  // The cast the suggestion told as a fact ("Clint Eastwood stars in it.") is not told again as news; named as the
  // user's liking ("for movies with Matt Damon, try …"), it said nothing of the item yet.
  const castTold = acting.some(
    (name) => suggestion.includes(name) && !turnReasons.some((key) => key.endsWith(`:${name}`)),
  );
  const cast = castTold ? [] : acting;
  // Asked about a suggestion that named who made it ("Coraline (2009). It's from Henry Selick."), the answer says
  // that part as said before, not as news: "Coraline is an animated family film, from Henry Selick as I said, …".
  const again = directors.some((name) => namedAsMaker(suggestion, name));
  // With nothing else to say, the era is the description; otherwise some phrasings add it for variety. A kind told
  // before is said as such: alone, or with its makers under one "as I said".
  const npEra = withArticle(`${era}${kind}`);
  const mentioned = toldNoun !== undefined && (forMaker || !again) ? `the ${kind} I mentioned` : undefined;
  const made = madeOf(item, phrasing);
  const words: DescribeWords = {
    t: title,
    np: mentioned ?? (keys.length === 0 ? npEra : withArticle(kind)),
    npEra: mentioned ?? npEra,
    by: joinNames(directors),
    cast: joinList(cast),
    castOne: cast.length === 1,
    castLeads: cast.length === castNames.length,
    makersStar: makersStar && genres.every((genre) => genre.tellsStory !== false),
    byOne: directors.length === 1,
    acted: genres.every((genre) => genre.tellsStory !== false),
    dir: `${made?.participle ?? 'made'} by`,
    made: made?.past ?? 'made',
    recalled: mentioned !== undefined,
  };
  const forReasons =
    genres.length > 0 && mentioned === undefined && keys.every((key) => suggestedAs?.reasons.includes(key));
  const templates = forMaker
    ? DESCRIBE_FOR_MAKER
    : forReasons
      ? DESCRIBE_FOR_REASONS
      : again
        ? toldNoun === undefined
          ? DESCRIBE_AGAIN
          : DESCRIBE_ALL_AGAIN
        : DESCRIBE;
  let text = random.pick(templates)(words);
  if (acknowledged) text = withoutOpener(text, title);
  else if (!asked && text.startsWith(GOOD_QUESTION)) text = text.slice(GOOD_QUESTION.length);
  // "the horror film I mentioned, by William Friedkin": what follows the clause is set off from it.
  if (mentioned !== undefined) text = text.replace(MENTIONED_THEN, '$&,');
  if (elements.length > 0) text += ` ${random.pick(ELEMENTS)({ e: joinList(elements) })}`;
  // Not "a philosophical essay collection. It's philosophical.": a tag the kind of item said already is left out, and
  // one its title says ("The Nightmare Before Christmas … it's set at Christmas", "Aliens … Expect aliens").
  const said = `${kind} ${item.title.toLowerCase()}`;
  const unsaidOfKind = qualities.filter((quality) => !saysAgain(quality, said));
  // Nor does a setting its own kind of story says: "a space opera", not "a space opera set in space".
  const tagKinds = unsaidOfKind.filter((quality) => KIND_QUALITY.test(quality)).join(' ');
  const unsaid = unsaidOfKind.filter((quality) => !(SET.test(quality) && saysAgain(quality, tagKinds)));
  // Nor an adjective a kind among the tags says: "a dark comedy", not "a dark dark comedy" for a film tagged both.
  const adjectives = unsaid.filter((quality) => !PHRASE_QUALITY.test(quality) && !saysAgain(quality, tagKinds));
  const kinds = unsaid.filter((quality) => KIND_QUALITY.test(quality));
  // One kind goes with the adjectives as one noun phrase: "an epic quest story", not "epic and a quest story".
  const together = kinds.length === 1 && adjectives.length > 0;
  // Who a film is for comes last: "It's also a classic and one for fans of Tolkien", not "one for fans of Tolkien
  // and a classic".
  const phrases = unsaid
    .filter((quality) => PHRASE_QUALITY.test(quality) && !(together && kinds.includes(quality)))
    .sort((a, b) => Number(FOR_FANS.test(a)) - Number(FOR_FANS.test(b)));
  const shown = [
    ...(together
      ? [withArticle(`${adjectives.join(', ')} ${(kinds[0] as string).replace(KIND_QUALITY, '')}`)]
      : adjectives),
    // "set during World War II and in New York", not "… and set in New York".
    ...phrases.map((quality, i) =>
      i > 0 && SET.test(quality) && SET.test(phrases[i - 1] as string) ? quality.slice(4) : quality,
    ),
  ];
  // A kind takes a participle after it: "a coming-of-age story set in Paris", "a short story collection told as a
  // story within a story", not "… and set in Paris" or "told as … and a short story collection".
  const kindAt = shown.findIndex((quality) => KIND_QUALITY.test(quality));
  const participleAt = shown.findIndex((quality) => PARTICIPLE_QUALITY.test(quality));
  if (kindAt >= 0 && participleAt >= 0) {
    shown[kindAt] = `${shown[kindAt]} ${shown[participleAt]}`;
    shown.splice(participleAt, 1);
  }
  // The first sentence said what kind of item it is: another kind comes as more of what it is, not a correction
  // ("Fight Club is a crime action drama. It's also a dark comedy.").
  if (KIND_QUALITY.test(shown[0] ?? '')) shown[0] = `also ${shown[0]}`;
  const { things, themes } = unsaidFeatures(features, said);
  text += tagSentences({ quality: shown, feature: things, theme: themes }, text, random);
  text += wantedSentence(wanted, { said, tagKinds, reasoned: forMaker || forReasons, grave, before: text }, random);
  const tagged = keywords.filter((keyword) => !saysAgain(keyword, said));
  const frames = tagged.some((keyword) => /^\p{Lu}/u.test(keyword)) ? NAMED_KEYWORDS : KEYWORDS;
  if (tagged.length > 0) text += ` ${random.pick(frames)({ k: joinList(tagged) })}`;
  for (const [facet, values] of others) {
    text +=
      values.length === 1
        ? ` Its ${facet} is ${values[0] as string}.`
        : ` Its ${pluralize(facet)} are ${joinList(values)}.`;
  }
  return text;
}

/**
 * How an item's making is said: in its genre's own verb where it has one (see {@link GenreWords.made}), else in the
 * domain's.
 */
export const madeOf = perPhrasedItem((item: Item, phrasing: DomainPhrasing): Made | undefined => {
  for (const value of item.attributes.genre ?? []) {
    const trait = attributePhrase(`genre:${value}`, phrasing).trait;
    if (trait.kind === 'genre' && trait.words.made !== undefined) return trait.words.made;
  }
  return phrasing.made;
});

/**
 * Whether every genre of an item tells a story (see {@link GenreWords.tellsStory}): a documentary or a poem does not.
 */
export const tellsStoryIn = perPhrasedItem((item: Item, phrasing: DomainPhrasing): boolean =>
  (item.attributes.genre ?? []).every((value) => {
    const trait = attributePhrase(`genre:${value}`, phrasing).trait;
    return trait.kind !== 'genre' || trait.words.tellsStory !== false;
  }),
);

/**
 * A quality as said of an item that tells no story: a documentary, a history or a poem is about its war, not set
 * during it (Shoah was filmed in the 1980s; The Waste Land is of the years after World War I).
 */
export function untoldQuality(text: string): string {
  return text.replace(SET_DURING, 'about ');
}

const SET_DURING = /^set during /;
