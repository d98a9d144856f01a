import { z } from 'zod';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { BOOKS } from './books-phrasing.js';
import { withArticle } from './english.js';
import { type Made, MadeSchema } from './made-verbs.js';
import { MOVIES } from './movies-phrasing.js';

/** A noun in the two forms sentences need. */
export const NounFormsSchema = z.strictObject({
  /** "movie", "book". */
  singular: z.string().min(1),
  /** "movies", "books". */
  plural: z.string().min(1),
});
/** A noun in the two forms sentences need. */
export type NounForms = z.infer<typeof NounFormsSchema>;

/** A verb in the forms sentences need. */
export const VerbFormsSchema = z.strictObject({
  /** "watch", "read". */
  base: z.string().min(1),
  /** "watched", "read" ("I watched it last week"). */
  past: z.string().min(1),
  /** "watched", "read" ("I've watched it"). */
  participle: z.string().min(1),
  /** "watching", "reading". */
  gerund: z.string().min(1),
});
/** A verb in the forms sentences need. */
export type VerbForms = z.infer<typeof VerbFormsSchema>;

/**
 * How one facet is spoken of. `{value}` in a pattern stands for the attribute's value ("Christopher Nolan").
 */
export const FacetPhrasingSchema = z.strictObject({
  /**
   * What role the facet plays in sentences: `genre` (stacked before the item noun: "a sci-fi action film"),
   * `creator` (who made it: "by Christopher Nolan"), `performer` (who is in it: "with Keanu Reeves"), `tag`
   * (descriptive tags: "atmospheric", "time travel"), or `plain` (any other: worded by `nouns`, `more`, `less`).
   * @default 'plain'
   */
  kind: z.enum(['genre', 'creator', 'performer', 'tag', 'plain']).default('plain'),
  /**
   * The facet as plural noun phrases for "What ___ do you enjoy?", the usual one first: `["directors",
   * "filmmakers"]`.
   */
  names: z.array(z.string().min(1)).min(1),
  /**
   * Noun phrases for one value, the usual one first, each reading in "I love ___": `["films by {value}",
   * "{value}'s films"]`. Unused for `genre` and `tag`, which have their own word tables.
   * @default ["{value} ({facet})"]
   */
  nouns: z.array(z.string().min(1)).min(1).optional(),
  /** Wanting more of it, after "something like X, but ___": "by {value}". @default "more {noun}" */
  more: z.string().min(1).optional(),
  /** Wanting less of it: "not by {value}". @default "less {noun}" */
  less: z.string().min(1).optional(),
});
/** How one facet is spoken of (input form). */
export type FacetPhrasingInput = z.input<typeof FacetPhrasingSchema>;
/** How one facet is spoken of. */
export type FacetPhrasing = z.output<typeof FacetPhrasingSchema>;

/** How one genre reads in a sentence (see the movies phrasing for examples). */
export const GenreWordsSchema = z.strictObject({
  /** Fits "I love ___": "sci-fi", "comedies", "family films". */
  noun: z.string().min(1),
  /** After "something like X, but ___": "funnier", "more sci-fi". */
  more: z.string().min(1),
  /** "less scary", "not a documentary". */
  less: z.string().min(1),
  /** Before the item noun: "sci-fi" in "a sci-fi action film". */
  modifier: z.string().min(1),
  /** The noun a description can end on ("comedy" in "a romantic comedy"); absent when the genre only modifies. */
  head: z.string().min(1).optional(),
  /** A mass noun for "with elements of ___". */
  element: z.string().min(1),
  /** Order among modifiers: lower first. @default 50 */
  rank: z.number().default(50),
  /** Which head wins when several could: lower first; 99 for none. @default 99 */
  headRank: z.number().default(99),
  /** Phrases that follow the item noun and say it has this genre: "with a noir feel". */
  after: z.array(z.string().min(1)).optional(),
  /** Other names for the genre, each fitting the same frames as `noun`: "science fiction". */
  others: z.array(z.string().min(1)).optional(),
  /** False when its items tell no story (non-fiction, poetry): no "What's the story in …?". @default true */
  tellsStory: z.boolean().optional(),
  /**
   * With `tellsStory: false`, true when some of its items do tell one (an epic poem, not a lyric): a title with a
   * genre that tells stories besides is taken as a story when a user asks for more of a genre. @default false
   */
  mayTellStory: z.boolean().optional(),
  /**
   * True when it is how items are made, not a degree of anything (animation, stage plays): more of it, asked of an item
   * made otherwise, is another work ("like Clueless, but animated"), so no user asks for it. @default false
   */
  medium: z.boolean().optional(),
  /**
   * True when its modifier goes before a head only on its own: "a dramatic thriller", never "a dramatic crime
   * thriller". @default false
   */
  modifiesAlone: z.boolean().optional(),
  /**
   * How its items' making is said where the domain's `made` would be wrong: "created" of graphic novels. An item of
   * several such genres is made as the first of them says.
   */
  made: MadeSchema.optional(),
});
/** How one genre reads in a sentence. */
export type GenreWordsInput = z.input<typeof GenreWordsSchema>;

// The consuming verb of a phrasing that names none: what any item can be.
const NEUTRAL_CONSUME: VerbForms = { base: 'try', past: 'tried', participle: 'tried', gerund: 'trying' };

/**
 * Everything domain-specific in how dialogues are worded: the item noun, the verb of consuming an item, how facets
 * are named and phrased. Chosen by the catalog's `domain` (`movies` and `books` are built in; any other domain gets
 * neutral wording), or supplied with the catalog (`phrasing` in a JSON catalog or in `ItemCatalog` options). Every
 * field is optional; what is left out is worded neutrally, and sentences that need a missing word are not used.
 *
 * @example
 * ```ts
 * const phrasing: DomainPhrasingInput = {
 *   noun: { singular: 'podcast', plural: 'podcasts' },
 *   consume: { base: 'listen to', past: 'listened to', participle: 'listened to', gerund: 'listening to' },
 *   facets: { host: { kind: 'creator', names: ['hosts'], nouns: ['podcasts hosted by {value}'] } },
 * };
 * ```
 */
export const DomainPhrasingSchema = z.strictObject({
  /**
   * The item noun: movie/movies. Without it, sentences that need a noun are left out and items are "something",
   * "this one".
   */
  noun: NounFormsSchema.optional(),
  /** A second name for items, used where the movie wording says "film". @default the noun */
  altNoun: NounFormsSchema.optional(),
  /**
   * Consuming an item: watch, read, listen to.
   * @default try/tried/tried/trying
   */
  consume: VerbFormsSchema.default(NEUTRAL_CONSUME),
  /** Having come across an item, in "Have you ___ X?": see/saw/seen. @default the consuming verb */
  experience: VerbFormsSchema.optional(),
  /** The consuming verb as a noun in "a good ___" and "give it a ___": "watch", "read". Absent: such sentences are left out. */
  consumeNoun: z.string().min(1).optional(),
  /** What cannot be consumed: "unwatchable", "unreadable". Absent: such sentences are left out. */
  unconsumable: z.string().min(1).optional(),
  /** An evening of it: "movie night". Absent: such sentences are left out. */
  occasion: z.string().min(1).optional(),
  /**
   * Whether an item is taken in whole in one sitting (a film, an album, a dish): `true`, and the user may "watch it
   * tonight"; `false` for what is begun in an evening and finished over many (a book), which the user will "start
   * tonight", and whose goodbyes speak of no evening of it.
   * @default true
   */
  oneSitting: z.boolean().default(true),
  /** The people who consume items, who tag them: "viewers", "readers". @default 'people' */
  audience: z.string().min(1).default('people'),
  /** How the creator role is named in "from ___ X": "director", "author". Absent: such sentences are left out. */
  creator: NounFormsSchema.optional(),
  /** How the creator's making is said: "directed", "wrote" (past) and "directed", "written" (participle). */
  made: MadeSchema.optional(),
  /** How the performer role is named: "actor"/"actors". Absent: such sentences are left out. */
  performer: NounFormsSchema.optional(),
  /** How the kinds of stories are called, where the movie wording says "story": "story". Absent: left out. */
  story: NounFormsSchema.optional(),
  /** Greetings that name the domain, added to the common ones: "Hello! Let's talk movies." @default [] */
  greetings: z.array(z.string().min(1)).default([]),
  /** How each facet is spoken of, by facet name. A facet not listed is named by itself ("languages"). @default {} */
  facets: z.record(z.string(), FacetPhrasingSchema).default({}),
  /** Words for genre values, by value; others get generic words from the noun ("sf books"). @default {} */
  genres: z.record(z.string(), GenreWordsSchema).default({}),
});
/** A domain phrasing as written by a user (every field optional). */
export type DomainPhrasingInput = z.input<typeof DomainPhrasingSchema>;
/** A validated domain phrasing. */
export type DomainPhrasing = z.output<typeof DomainPhrasingSchema> & {
  /** The domain it was made for, e.g. `movies`; `undefined` for a supplied phrasing. */
  readonly domain?: string;
};

/**
 * Parses a phrasing written by a user; throws `INVALID_ARGUMENT` naming the field when it does not fit
 * {@link DomainPhrasingSchema}. `where` names the source in the message (a file, "ItemCatalog options").
 */
export function parseDomainPhrasing(input: unknown, where = 'the phrasing'): DomainPhrasing {
  const parsed = DomainPhrasingSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = describeZodIssue(parsed.error.issues[0], 'phrasing');
  throw new IcerError('INVALID_ARGUMENT', `The domain phrasing in ${where} is invalid: ${issue.message}.`, {
    location: { field: issue.path },
    hint: 'See docs/domains.md for what a phrasing holds.',
  });
}

function builtIn(domain: string, input: unknown): DomainPhrasing {
  return { ...DomainPhrasingSchema.parse(input), domain };
}

/** The built-in phrasing of `movies`: the wording icer has always used. */
export const MOVIES_PHRASING: DomainPhrasing = builtIn('movies', MOVIES);
/** The built-in phrasing of `books`: genre, author, tag and series facets. */
export const BOOKS_PHRASING: DomainPhrasing = builtIn('books', BOOKS);

const BUILT_IN = new Map<string, DomainPhrasing>([
  ['movies', MOVIES_PHRASING],
  ['books', BOOKS_PHRASING],
]);

/** The neutral phrasing, for a domain icer knows nothing about: "something", "this one", the facets' own names. */
export const NEUTRAL_PHRASING: DomainPhrasing = DomainPhrasingSchema.parse({});

const BY_CATALOG = new WeakMap<ItemCatalog, DomainPhrasing>();

/**
 * The phrasing that words a catalog's dialogues: the one supplied with the catalog (`phrasing` option or JSON
 * field), else the built-in one of its `domain` (`movies`, `books`), else the neutral one. Given a domain name, the
 * built-in phrasing of that domain or the neutral one.
 *
 * @example
 * ```ts
 * domainPhrasing('books').noun; // { singular: 'book', plural: 'books' }
 * domainPhrasing('podcasts').noun; // undefined: neutral wording
 * ```
 */
export function domainPhrasing(of: ItemCatalog | string): DomainPhrasing {
  if (typeof of === 'string') return BUILT_IN.get(of) ?? NEUTRAL_PHRASING;
  let phrasing = BY_CATALOG.get(of);
  if (phrasing === undefined) {
    phrasing =
      of.phrasing === undefined
        ? (BUILT_IN.get(of.domain) ?? NEUTRAL_PHRASING)
        : parseDomainPhrasing(of.phrasing, of.source ?? `the catalog of domain "${of.domain}"`);
    BY_CATALOG.set(of, phrasing);
  }
  return phrasing;
}

/** The words templates put into sentences, derived once per phrasing. Optional ones leave their sentences out. */
export interface DomainWords {
  /** "movie". */
  readonly one: string | undefined;
  /** "movies". */
  readonly many: string | undefined;
  /** "a movie". */
  readonly a: string | undefined;
  /** "film" (the second name). */
  readonly alt: string | undefined;
  /** "films". */
  readonly alts: string | undefined;
  /** "a film". */
  readonly aAlt: string | undefined;
  /** The consuming verb: watch/watched/watched/watching. */
  readonly consume: VerbForms;
  /** The experiencing verb: see/saw/seen. */
  readonly experience: VerbForms;
  /** "watch" in "a good watch". */
  readonly consumeNoun: string | undefined;
  /** "unwatchable". */
  readonly unconsumable: string | undefined;
  /** "movie night". */
  readonly occasion: string | undefined;
  /** An item is taken in whole in one sitting (see `DomainPhrasingSchema.oneSitting`). */
  readonly oneSitting: boolean;
  /** "viewers". */
  readonly audience: string;
  /** "director"/"directors". */
  readonly creator: NounForms | undefined;
  /** "directed"/"directed". */
  readonly made: Made | undefined;
  /** "actor"/"actors". */
  readonly performer: NounForms | undefined;
  /** "story"/"stories". */
  readonly story: NounForms | undefined;
  /** Greetings that name the domain. */
  readonly greetings: readonly string[];
  /**
   * Items are watched on a screen: the phrasing names performers. Films and TV have performers, books and games do
   * not, so wording of an evening in front of a screen (popcorn, "happy viewing", "put on") is kept to such phrasings.
   */
  readonly screen: boolean;
  /**
   * The phrasing names no domain of its own: no item noun, or no consuming verb but the neutral "try". Wording that
   * only reads well in a named domain ("Happy reading!", never "Happy trying!") is left out.
   */
  readonly neutral: boolean;
}

const WORDS = new WeakMap<DomainPhrasing, DomainWords>();

/** The words of a phrasing, as templates use them. */
export function domainWords(phrasing: DomainPhrasing): DomainWords {
  let words = WORDS.get(phrasing);
  if (words === undefined) {
    const alt = phrasing.altNoun ?? phrasing.noun;
    words = {
      one: phrasing.noun?.singular,
      many: phrasing.noun?.plural,
      a: phrasing.noun && withArticle(phrasing.noun.singular),
      alt: alt?.singular,
      alts: alt?.plural,
      aAlt: alt && withArticle(alt.singular),
      consume: phrasing.consume,
      experience: phrasing.experience ?? phrasing.consume,
      consumeNoun: phrasing.consumeNoun,
      unconsumable: phrasing.unconsumable,
      occasion: phrasing.occasion,
      oneSitting: phrasing.oneSitting,
      audience: phrasing.audience,
      creator: phrasing.creator,
      made: phrasing.made,
      performer: phrasing.performer,
      story: phrasing.story,
      greetings: phrasing.greetings,
      screen: phrasing.performer !== undefined,
      neutral: phrasing.noun === undefined || phrasing.consume.gerund === NEUTRAL_CONSUME.gerund,
    };
    WORDS.set(phrasing, words);
  }
  return words;
}

/**
 * A list of sentences for one phrasing: entries that need a word the phrasing lacks are written as `undefined`
 * (or `false`) and left out.
 */
export function present<T>(entries: readonly (T | undefined | false | '')[]): T[] {
  return entries.filter((entry): entry is T => entry !== undefined && entry !== false && entry !== '');
}

/** Caches what is built from a phrasing, once per phrasing. */
export function perPhrasing<T>(build: (phrasing: DomainPhrasing) => T): (phrasing: DomainPhrasing) => T {
  const cache = new WeakMap<DomainPhrasing, T>();
  return (phrasing) => {
    let value = cache.get(phrasing);
    if (value === undefined) {
      value = build(phrasing);
      cache.set(phrasing, value);
    }
    return value;
  };
}
