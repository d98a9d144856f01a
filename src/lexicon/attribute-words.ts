import { attributeNouns, attributePhrase } from './attribute-phrases.js';
import { type DomainPhrasing, perPhrasing } from './domain-phrasing.js';
import { foldedWords } from './english.js';

// Words that say no attribute by themselves: the frames the phrasings put around a value ("films by …", "more …").
const FRAME_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'by',
  'fan',
  'fans',
  'featuring',
  'for',
  'from',
  'in',
  'is',
  'it',
  'its',
  'kind',
  'kinds',
  'less',
  'more',
  'not',
  'of',
  'on',
  'one',
  'ones',
  'people',
  'series',
  'something',
  'sort',
  'starring',
  'tagged',
  'than',
  'that',
  'the',
  'their',
  'to',
  'whole',
  'with',
  'without',
  'written',
  'directed',
]);

/** A word as compared: "comedies" and "comedy", "thrillers" and "thriller" are one. */
function stem(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** The compared words of a text: lowercase, accents and punctuation gone ("Sci-Fi" → sci, fi). */
export function wordStems(text: string): Set<string> {
  return new Set(foldedWords(text).map(stem));
}

const cacheOf = perPhrasing(() => new Map<string, ReadonlySet<string>>());

/**
 * The words any wording of an attribute says, the domain's nouns aside: its value, and the words of every phrase the
 * templates use for it (its nouns, "more"/"less" forms, its trait). A text that says none of them does not say the
 * attribute: `sci`, `fi`, `science`, `fiction` for `genre:Sci-Fi`; `christopher`, `nolan` for a director.
 */
export function attributeWords(key: string, phrasing: DomainPhrasing): ReadonlySet<string> {
  const cache = cacheOf(phrasing);
  let words = cache.get(key);
  if (words === undefined) {
    const phrase = attributePhrase(key, phrasing);
    const nouns = [phrasing.noun, phrasing.altNoun].flatMap((forms) => (forms ? [forms.singular, forms.plural] : []));
    const frame = new Set([...FRAME_WORDS, ...nouns].flatMap((words) => [...wordStems(words)]));
    const texts = [
      phrase.value,
      phrase.noun,
      phrase.more,
      phrase.less,
      ...attributeNouns(key, phrasing),
      ...wordings(phrase.trait),
    ];
    const said = new Set<string>();
    for (const text of texts) for (const word of wordStems(text)) if (!frame.has(word)) said.add(word);
    // A value of frame words alone ("The One") is said by its own words.
    words = said.size > 0 ? said : wordStems(phrase.value);
    cache.set(key, words);
  }
  return words;
}

/** Every wording a trait holds (a genre's nouns, modifiers and phrases; a quality's text), its `kind` aside. */
function wordings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(wordings);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([field, inner]) => (field === 'kind' ? [] : wordings(inner)));
}
