import { parseAttributeKey } from '../catalog/item.js';
import { IcerError } from '../errors.js';
import { pluralize } from './english.js';
import { type GenreWords, genreWords, otherGenreNouns } from './genre-words.js';
import { tagWords } from './tag-words.js';

/** How an attribute reads when describing an item that carries it (see `describe-item` templates). */
export type AttributeTrait =
  /** A genre: stacked into "a sci-fi action film". */
  | { readonly kind: 'genre'; readonly words: GenreWords }
  /** A director: "by Christopher Nolan". */
  | { readonly kind: 'director'; readonly name: string }
  /** A cast member: "with Keanu Reeves". */
  | { readonly kind: 'cast'; readonly name: string }
  /** A tag that follows "It's": "atmospheric", "set in Paris", "a cult classic". */
  | { readonly kind: 'quality'; readonly text: string }
  /** A tag that follows "with": "time travel", "a twist ending". */
  | { readonly kind: 'feature'; readonly text: string }
  /** A free-text tag, quoted as a tag. */
  | { readonly kind: 'keyword'; readonly text: string }
  /** Any other facet: "Its language is French." */
  | { readonly kind: 'other'; readonly facet: string; readonly value: string };

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
}

const COMPARATIVE_STARTS = ['more ', 'less ', 'with more ', 'with less ', 'with fewer ', 'with a smaller '];
const COMPARATIVE_WORDS = new Set(['funnier', 'scarier', 'darker', 'quirkier', 'wittier', 'newer', 'older']);

/** True when a critique phrase can be followed by "than X": "less violent", "funnier", "with more zombies". */
export function isComparative(phrase: string): boolean {
  if (COMPARATIVE_WORDS.has(phrase)) return true;
  for (const start of COMPARATIVE_STARTS) if (phrase.startsWith(start)) return true;
  return false;
}

function build(key: string): AttributePhrase {
  const parsed = parseAttributeKey(key);
  if (!parsed) {
    throw new IcerError('INVALID_ARGUMENT', `"${key}" is not an attribute key.`, {
      hint: 'Write attributes as facet:value, e.g. genre:Horror.',
    });
  }
  const { facet, value } = parsed;
  const phrase = (noun: string, more: string, less: string, trait: AttributeTrait): AttributePhrase => ({
    key,
    facet,
    value,
    noun,
    more,
    less,
    moreComparative: isComparative(more),
    lessComparative: isComparative(less),
    trait,
  });
  switch (facet) {
    case 'genre': {
      const words = genreWords(value);
      return phrase(words.noun, words.more, words.less, { kind: 'genre', words });
    }
    case 'tag': {
      const words = tagWords(value);
      return phrase(words.noun, words.more, words.less, words.trait);
    }
    case 'director':
      return phrase(`films by ${value}`, `by ${value}`, `not by ${value}`, { kind: 'director', name: value });
    case 'cast':
      return phrase(`movies with ${value}`, `with ${value}`, `without ${value}`, { kind: 'cast', name: value });
    default: {
      const noun = `${value} (${facet})`;
      return phrase(noun, `more ${noun}`, `less ${noun}`, { kind: 'other', facet, value });
    }
  }
}

// Phrases are built once per key: verbalising is on the generator's hot path. The cap bounds memory when callers
// feed endless distinct keys; real vocabularies are a few thousand keys.
const CACHE = new Map<string, AttributePhrase>();
const CACHE_LIMIT = 50_000;

/**
 * The words for an attribute key: `genre:Sci-Fi` → "sci-fi", `genre:Film-Noir` → "film noir", `tag:time travel`
 * → "time travel", `director:Christopher Nolan` → "films by Christopher Nolan", `cast:Keanu Reeves` → "movies
 * with Keanu Reeves", an unknown facet → "value (facet)". Throws `INVALID_ARGUMENT` for a string that is not
 * `facet:value`.
 *
 * @example
 * ```ts
 * attributePhrase('genre:Horror').noun; // "horror"
 * attributePhrase('genre:Horror').less; // "less scary"
 * attributePhrase('tag:violent').less;  // "less violent"
 * ```
 */
export function attributePhrase(key: string): AttributePhrase {
  let phrase = CACHE.get(key);
  if (phrase === undefined) {
    phrase = build(key);
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
    CACHE.set(key, phrase);
  }
  return phrase;
}

const NOUNS = new Map<string, readonly string[]>();

/**
 * Every noun phrase an attribute goes by, its {@link AttributePhrase.noun} first: `genre:Sci-Fi` → "sci-fi",
 * "science fiction", "sci-fi films"; `director:Christopher Nolan` → "films by Christopher Nolan", "Christopher
 * Nolan's films", …. Each reads in the same frames as the noun; a speaker saying back what was said can use any.
 */
export function attributeNouns(key: string): readonly string[] {
  let nouns = NOUNS.get(key);
  if (nouns === undefined) {
    const phrase = attributePhrase(key);
    const { facet, value, noun } = phrase;
    const others =
      facet === 'genre'
        ? otherGenreNouns(value)
        : facet === 'director'
          ? [`movies by ${value}`, `${value}'s films`]
          : facet === 'cast'
            ? [`films with ${value}`, `films starring ${value}`]
            : noun.endsWith(' movies')
              ? [`${noun.slice(0, -' movies'.length)} films`]
              : [];
    nouns = [noun, ...others];
    if (NOUNS.size >= CACHE_LIMIT) NOUNS.clear();
    NOUNS.set(key, nouns);
  }
  return nouns;
}

const FACET_NOUNS = new Map<string, readonly string[]>([
  ['genre', ['genres', 'kinds of movies', 'types of film', 'kinds of film', 'film genres']],
  ['director', ['directors', 'filmmakers']],
  ['cast', ['actors', 'actors and actresses', 'film stars']],
  ['tag', ['kinds of stories', 'themes', 'subjects', 'topics']],
]);

/** Every plural a facet goes by, {@link facetPhrase} first: genre → "genres", "kinds of movies", "types of film". */
export function facetNouns(facet: string): readonly string[] {
  return FACET_NOUNS.get(facet) ?? [facetPhrase(facet)];
}

const FACETS = new Map([
  ['genre', 'genres'],
  ['director', 'directors'],
  ['cast', 'actors'],
  ['tag', 'kinds of stories'],
]);

/**
 * A facet as a plural noun phrase for questions such as "What ___ do you enjoy?": genre → "genres", director →
 * "directors", cast → "actors", tag → "kinds of stories"; other facets are pluralised ("languages").
 */
export function facetPhrase(facet: string): string {
  return FACETS.get(facet) ?? pluralize(facet.replaceAll('_', ' ').replaceAll('-', ' '));
}
