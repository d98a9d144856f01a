import { parseAttributeKey } from '../catalog/item.js';
import { IcerError } from '../errors.js';
import { bookTagWords } from './book-tag-words.js';
import { BOOKS_PHRASING, type DomainPhrasing, type FacetPhrasing, MOVIES_PHRASING } from './domain-phrasing.js';
import { pluralize } from './english.js';
import type { GenreWords } from './genre-words.js';
import { type TagWords, tagWords } from './tag-words.js';

/** How an attribute reads when describing an item that carries it (see `describe-item` templates). */
export type AttributeTrait =
  /** A genre: stacked into "a sci-fi action film". */
  | {
      /** Discriminator: `genre`. */
      readonly kind: 'genre';
      /** How the genre reads in a sentence. */
      readonly words: GenreWords;
    }
  /** A director: "by Christopher Nolan". */
  | {
      /** Discriminator: `director`. */
      readonly kind: 'director';
      /** The director's name. */
      readonly name: string;
    }
  /** A cast member: "with Keanu Reeves". */
  | {
      /** Discriminator: `cast`. */
      readonly kind: 'cast';
      /** The cast member's name. */
      readonly name: string;
    }
  /** A tag that follows "It's": "atmospheric", "set in Paris", "a cult classic". */
  | {
      /** Discriminator: `quality`. */
      readonly kind: 'quality';
      /** The words that follow "It's". */
      readonly text: string;
      /** The noun the item is, when the tag names the form it takes: "novella", "short story collection". */
      readonly head?: string;
    }
  /** A tag that follows "with": "time travel", "a twist ending". */
  | {
      /** Discriminator: `feature`. */
      readonly kind: 'feature';
      /** The words that follow "with". */
      readonly text: string;
    }
  /** A free-text tag, quoted as a tag. */
  | {
      /** Discriminator: `keyword`. */
      readonly kind: 'keyword';
      /** The tag as written. */
      readonly text: string;
    }
  /** Any other facet: "Its language is French." */
  | {
      /** Discriminator: `other`. */
      readonly kind: 'other';
      /** The facet's name, e.g. `language`. */
      readonly facet: string;
      /** The attribute's value, e.g. `French`. */
      readonly value: string;
    };

/** The words for one attribute key, in the forms the templates need. */
export interface AttributePhrase {
  /** The attribute key, `facet:value`. */
  readonly key: string;
  /** The facet, e.g. `genre`. */
  readonly facet: string;
  /** The value, e.g. `Sci-Fi`. */
  readonly value: string;
  /**
   * A noun phrase that reads in "I love ___", "How do you feel about ___?" and "Since you like ___": "sci-fi",
   * "comedies", "time travel", "films by Christopher Nolan", "movies with Keanu Reeves".
   */
  readonly noun: string;
  /** Wanting more of it, after "something like X, but ___": "more sci-fi", "funnier", "with Keanu Reeves". */
  readonly more: string;
  /** Wanting less of it: "less violent", "not a documentary", "without Keanu Reeves". */
  readonly less: string;
  /** True when {@link AttributePhrase.more} also reads before "than X" ("funnier than Heat (1995)"). */
  readonly moreComparative: boolean;
  /** True when {@link AttributePhrase.less} also reads before "than X" ("less violent than Heat (1995)"). */
  readonly lessComparative: boolean;
  /** How it reads in a description of an item. */
  readonly trait: AttributeTrait;
  /**
   * False for a tag no one would say aloud, named as the tag it is (`movies tagged "seen at the cinema 2015"`), or a
   * fact no one has a taste for ("later remade"): fine in a description, no topic for a question nor a liking.
   */
  readonly sayable: boolean;
  /**
   * True for a tag that is a name, a star's, a studio's or a writer's ("Brad Pitt", "Pixar", "Tolkien"): what made an
   * item or is in it, not what it is about, so no answer to which kinds of stories someone likes.
   */
  readonly name: boolean;
  /** True for praise of an item ("visually stunning"): a user may like it, never holds it against an item. */
  readonly praise: boolean;
}

const COMPARATIVE_STARTS = ['more ', 'less ', 'with more ', 'with less ', 'with fewer ', 'with a smaller '];
const COMPARATIVE_WORDS = new Set(['funnier', 'scarier', 'darker', 'quirkier', 'wittier', 'newer', 'older']);

/** True when a critique phrase can be followed by "than X": "less violent", "funnier", "with more zombies". */
export function isComparative(phrase: string): boolean {
  if (COMPARATIVE_WORDS.has(phrase)) return true;
  for (const start of COMPARATIVE_STARTS) if (phrase.startsWith(start)) return true;
  return false;
}

// "the {value} series" for a value with its own article reads "The Lord of the Rings series", not "the The …"; a
// value that opens a noun phrase drops its article, so that "no {value} books" reads "no Lord of the Rings books".
function fill(pattern: string, value: string): string {
  // Before a plural noun, a name for a whole set loses its set's word: "Wolf Hall books", not "Wolf Hall Trilogy books".
  const modifier = value.replace(/^The /, '').replace(SET_WORD, '');
  const own = value.startsWith('The ') ? pattern.replaceAll(/\bthe \{value\}/gi, '{value}') : pattern;
  if (!own.startsWith('{value} ')) return own.replaceAll('{value}', value);
  // A name that is a plural noun itself is the noun phrase: "no Neapolitan Novels", not "no Neapolitan Novels books".
  if (PLURAL_NAME.test(value)) return modifier + own.slice(8).replace(/^\S+/, '').replaceAll('{value}', value);
  return modifier + own.slice(7).replaceAll('{value}', value);
}

const SET_WORD = / (?:Trilogy|Quartet|Series|Sequence|Cycle)$/;
const PLURAL_NAME = / (?:Novels|Books|Chronicles|Tales|Stories|Papers|Letters|Mysteries|Adventures)$/;

// Unknown genres: acronyms ("TV") keep their capitals, any other name is lowercased like the known ones; the
// domain's plural follows ("sf books"), or nothing in a domain without a noun.
function genericGenre(value: string, phrasing: DomainPhrasing): GenreWords {
  const word = value.length > 1 && value === value.toUpperCase() ? value : value.toLowerCase();
  return {
    noun: phrasing.noun === undefined ? word : `${word} ${phrasing.noun.plural}`,
    more: `more ${word}`,
    less: `less ${word}`,
    modifier: word,
    element: word,
    rank: 50,
    headRank: 99,
  };
}

interface GenreEntry {
  readonly words: GenreWords;
  readonly others: readonly string[];
}

const NO_OTHERS: readonly string[] = [];

function genreEntry(value: string, phrasing: DomainPhrasing): GenreEntry {
  const exact = Object.hasOwn(phrasing.genres, value) ? phrasing.genres[value] : undefined;
  if (exact !== undefined) return { words: exact, others: exact.others ?? NO_OTHERS };
  const lower = value.toLowerCase();
  for (const [name, words] of Object.entries(phrasing.genres)) {
    if (name.toLowerCase() === lower) return { words, others: NO_OTHERS };
  }
  return { words: genericGenre(value, phrasing), others: NO_OTHERS };
}

/**
 * Whether a genre's items tell a story, as its words say: `story`, `fact` (documentaries, biographies), or `either`
 * (poetry: an epic tells one, a lyric does not).
 */
export function genreStorySide(value: string, phrasing: DomainPhrasing): 'story' | 'fact' | 'either' {
  const { words } = genreEntry(value, phrasing);
  if (words.tellsStory !== false) return 'story';
  return words.mayTellStory === true ? 'either' : 'fact';
}

/** Whether a genre is how items are made (animation, stage plays), as its words say: never asked more of. */
export function genreIsMedium(value: string, phrasing: DomainPhrasing): boolean {
  return genreEntry(value, phrasing).words.medium === true;
}

// Free-text tags in a domain without a tag table: "___ books" reads for adjectives, nouns and names alike.
function genericTag(value: string, phrasing: DomainPhrasing): TagWords {
  return {
    noun: phrasing.noun === undefined ? `${value} (tag)` : `${value} ${phrasing.noun.plural}`,
    more: `more ${value}`,
    less: `less ${value}`,
    trait: { kind: 'keyword', text: value },
  };
}

function build(key: string, phrasing: DomainPhrasing): AttributePhrase {
  const parsed = parseAttributeKey(key);
  if (!parsed) {
    throw new IcerError('INVALID_ARGUMENT', `"${key}" is not an attribute key.`, {
      hint: 'Write attributes as facet:value, e.g. genre:Horror.',
    });
  }
  const { facet, value } = parsed;
  const phrase = (
    noun: string,
    more: string,
    less: string,
    trait: AttributeTrait,
    sayable = true,
    name = false,
    praise = false,
  ): AttributePhrase => ({
    key,
    facet,
    value,
    noun,
    more,
    less,
    moreComparative: isComparative(more),
    lessComparative: isComparative(less),
    trait,
    sayable,
    name,
    praise,
  });
  const spoken = facetPhrasing(facet, phrasing);
  switch (spoken?.kind) {
    case 'genre': {
      const { words } = genreEntry(value, phrasing);
      return phrase(words.noun, words.more, words.less, { kind: 'genre', words });
    }
    case 'tag': {
      const words =
        phrasing === MOVIES_PHRASING
          ? tagWords(value)
          : ((phrasing === BOOKS_PHRASING ? bookTagWords(value) : undefined) ?? genericTag(value, phrasing));
      const sayable = words.quoted !== true && words.taste !== false;
      return phrase(
        words.noun,
        words.more,
        words.less,
        words.trait,
        sayable,
        words.name === true,
        words.praise === true,
      );
    }
    case 'creator':
    case 'performer': {
      const noun = fill(spoken.nouns?.[0] ?? `{value} (${facet})`, value);
      const trait: AttributeTrait =
        spoken.kind === 'creator' ? { kind: 'director', name: value } : { kind: 'cast', name: value };
      return phrase(
        noun,
        fill(spoken.more ?? `more ${noun}`, value),
        fill(spoken.less ?? `less ${noun}`, value),
        trait,
      );
    }
    default: {
      const noun = fill(spoken?.nouns?.[0] ?? `{value} (${facet})`, value);
      const more = spoken?.more === undefined ? `more ${noun}` : fill(spoken.more, value);
      const less = spoken?.less === undefined ? `less ${noun}` : fill(spoken.less, value);
      return phrase(noun, more, less, { kind: 'other', facet, value });
    }
  }
}

/** How a domain words one of its facets, if it words it at all (never a property of `Object.prototype`). */
export function facetPhrasing(facet: string, phrasing: DomainPhrasing): FacetPhrasing | undefined {
  return Object.hasOwn(phrasing.facets, facet) ? phrasing.facets[facet] : undefined;
}

// Phrases are built once per key and phrasing: verbalising is on the generator's hot path. The cap bounds memory
// when callers feed endless distinct keys; real vocabularies are a few thousand keys.
const CACHES = new WeakMap<DomainPhrasing, Map<string, AttributePhrase>>();
const CACHE_LIMIT = 50_000;
// A run words in one phrasing: its cache is kept at hand, saving a weak-map lookup on every call.
let lastPhrasing: DomainPhrasing | undefined;
let lastCache: Map<string, AttributePhrase> | undefined;

/**
 * The words for an attribute key in a domain's phrasing (movies unless given): `genre:Sci-Fi` → "sci-fi",
 * `genre:Film-Noir` → "film noir", `tag:time travel` → "time travel", `director:Christopher Nolan` → "films by
 * Christopher Nolan", `cast:Keanu Reeves` → "movies with Keanu Reeves", an unknown facet → "value (facet)". With the
 * books phrasing, `author:Jane Austen` → "books by Jane Austen". Throws `INVALID_ARGUMENT` for a string that is not
 * `facet:value`.
 *
 * @example
 * ```ts
 * attributePhrase('genre:Horror').noun; // "horror"
 * attributePhrase('genre:Horror').less; // "less scary"
 * attributePhrase('tag:violent').less;  // "less violent"
 * attributePhrase('author:Jane Austen', domainPhrasing('books')).noun; // "books by Jane Austen"
 * ```
 */
export function attributePhrase(key: string, phrasing: DomainPhrasing = MOVIES_PHRASING): AttributePhrase {
  let cache = phrasing === lastPhrasing ? lastCache : CACHES.get(phrasing);
  if (cache === undefined) {
    cache = new Map();
    CACHES.set(phrasing, cache);
  }
  lastPhrasing = phrasing;
  lastCache = cache;
  let phrase = cache.get(key);
  if (phrase === undefined) {
    phrase = build(key, phrasing);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, phrase);
  }
  return phrase;
}

const NOUNS = new WeakMap<DomainPhrasing, Map<string, readonly string[]>>();

/**
 * Every noun phrase an attribute goes by, its {@link AttributePhrase.noun} first: `genre:Sci-Fi` → "sci-fi",
 * "science fiction", "sci-fi films"; `director:Christopher Nolan` → "films by Christopher Nolan", "Christopher
 * Nolan's films", …. Each reads in the same frames as the noun; a speaker saying back what was said can use any.
 */
export function attributeNouns(key: string, phrasing: DomainPhrasing = MOVIES_PHRASING): readonly string[] {
  let cache = NOUNS.get(phrasing);
  if (cache === undefined) {
    cache = new Map();
    NOUNS.set(phrasing, cache);
  }
  let nouns = cache.get(key);
  if (nouns === undefined) {
    const phrase = attributePhrase(key, phrasing);
    const { facet, value, noun } = phrase;
    const spoken = facetPhrasing(facet, phrasing);
    const plural = phrasing.noun === undefined ? undefined : ` ${phrasing.noun.plural}`;
    const altPlural = phrasing.altNoun?.plural;
    const others =
      spoken?.kind === 'genre'
        ? genreEntry(value, phrasing).others
        : (spoken?.kind === 'creator' || spoken?.kind === 'performer') && spoken.nouns !== undefined
          ? spoken.nouns.slice(1).map((pattern) => fill(pattern, value))
          : plural !== undefined && altPlural !== undefined && spoken?.kind === 'tag' && noun.endsWith(plural)
            ? [`${noun.slice(0, -plural.length)} ${altPlural}`]
            : [];
    nouns = [noun, ...others];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, nouns);
  }
  return nouns;
}

/** Every plural a facet goes by, {@link facetPhrase} first: genre → "genres", "kinds of movies", "types of film". */
export function facetNouns(facet: string, phrasing: DomainPhrasing = MOVIES_PHRASING): readonly string[] {
  return facetPhrasing(facet, phrasing)?.names ?? [facetPhrase(facet, phrasing)];
}

/**
 * A facet as a plural noun phrase for questions such as "What ___ do you enjoy?": genre → "genres", director →
 * "directors", cast → "actors", tag → "kinds of stories"; other facets are pluralised ("languages").
 */
export function facetPhrase(facet: string, phrasing: DomainPhrasing = MOVIES_PHRASING): string {
  return facetPhrasing(facet, phrasing)?.names[0] ?? pluralize(facet.replaceAll('_', ' ').replaceAll('-', ' '));
}
