/**
 * "a", "a and b", "a, b and c". No serial comma: titles carry their year in brackets, which already keeps list
 * items apart, and the shorter form reads more like speech. Three or more parts, one with a comma of its own, are
 * kept apart by semicolons: "Schindler's List; Salo, or The 120 Days of Sodom; or Irreversible".
 */
export function joinList(parts: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const n = parts.length;
  if (n === 0) return '';
  if (n === 1) return parts[0] as string;
  if (n === 2) return `${parts[0] as string} ${conjunction} ${parts[1] as string}`;
  // A part with a comma of its own ("Salo, or The 120 Days of Sodom") is set apart by semicolons, or the list blurs.
  if (parts.some((part) => part.includes(',')))
    return `${parts.slice(0, -1).join('; ')}; ${conjunction} ${parts[n - 1] as string}`;
  return `${parts.slice(0, -1).join(', ')} ${conjunction} ${parts[n - 1] as string}`;
}

// A noun phrase that is modifiers before a plural head ("war movies", "dark comedies"), not one whose head
// comes first ("movies about war", "films by Christopher Nolan") nor one with a list or a quote inside it.
// Modifiers in lower case only: a name ("Martin Scorsese movies") is whose films they are, and two names joined
// ("Martin Scorsese and Leonardo DiCaprio movies") would say both made each.
const MODIFIED_PLURAL = /^(?!.*\b(?:and|or|with|about|by|of|in|on|set|from|for|to|tagged)\b)[a-z][^"A-Z']* ([a-z]+s)$/;

/**
 * Noun phrases as a list, with a head noun they all end in said once, as people say it: "war and adventure movies",
 * not "war movies and adventure movies". Phrases of any other shape are listed as {@link joinList} does.
 */
export function joinNouns(parts: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (parts.length < 2) return joinList(parts, conjunction);
  const head = MODIFIED_PLURAL.exec(parts[0] as string)?.[1];
  if (head === undefined || !parts.every((part) => MODIFIED_PLURAL.exec(part)?.[1] === head)) {
    return joinList(parts, conjunction);
  }
  return `${joinList(
    parts.map((part) => part.slice(0, -head.length - 1)),
    conjunction,
  )} ${head}`;
}

/**
 * People as a list, with a surname that two of them share said once, as people say it: "Joel and Ethan Coen", not
 * "Joel Coen and Ethan Coen".
 */
export function joinNames(names: readonly string[]): string {
  const [first, second] = names;
  if (names.length === 2 && first !== undefined && second !== undefined) {
    const at = first.lastIndexOf(' ');
    const surname = first.slice(at);
    if (at > 0 && second.endsWith(surname) && second.length > surname.length && second !== first)
      return `${first.slice(0, at)} and ${second}`;
  }
  return joinList(names);
}

/** "neither a nor b" for two, "none of a, b and c" for more. */
export function joinNegativeList(parts: readonly string[]): string {
  if (parts.length === 2) return `neither ${parts[0] as string} nor ${parts[1] as string}`;
  return `none of ${joinList(parts)}`;
}

// Vowel-initial words that sound like a consonant ("a unique", "a one-off") and the reverse ("an hour").
const A_DESPITE_VOWEL = ['uni', 'use', 'usu', 'one', 'eu'];
const AN_DESPITE_CONSONANT = ['hour', 'honest', 'honou', 'heir'];

/** The indefinite article a noun phrase takes: "an action film", "a sci-fi film", "an IMAX film". */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const lower = phrase.toLowerCase();
  for (const prefix of AN_DESPITE_CONSONANT) if (lower.startsWith(prefix)) return 'an';
  for (const prefix of A_DESPITE_VOWEL) if (lower.startsWith(prefix)) return 'a';
  // Numbers by how they are read: "an 18th-century novel", "an 1850s novel", "an 8-hour epic", "a 1990s film".
  if (/^\d/.test(lower)) return /^(?:8|1[18](?:\d\d)?(?!\d))/.test(lower) ? 'an' : 'a';
  return 'aeiou'.includes(lower.charAt(0)) && lower !== '' ? 'an' : 'a';
}

/** The phrase with its indefinite article: "an action film". */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

/**
 * Capitalises the first letter, unless the text opens with one of `keep` (item titles, whose spelling must stay
 * exactly as the catalog has it: "eXistenZ (1999)").
 */
export function capitalize(text: string, keep: readonly string[] = []): string {
  for (const title of keep) if (text.startsWith(title)) return text;
  // Most sentences open with an ASCII letter: no one-letter string to upper-case then.
  const code = text.charCodeAt(0);
  if (code >= 97 && code <= 122) return String.fromCharCode(code - 32) + text.slice(1);
  if (code < 128 || text === '') return text;
  const first = text.charAt(0);
  const upper = first.toUpperCase();
  return upper === first ? text : upper + text.slice(1);
}

/** A plural for an unknown facet name: "language" → "languages", "country" → "countries". */
export function pluralize(noun: string): string {
  if (noun.endsWith('s') || noun.endsWith('x') || noun.endsWith('ch') || noun.endsWith('sh')) return `${noun}es`;
  if (noun.endsWith('y') && noun.length > 1 && !'aeiou'.includes(noun.charAt(noun.length - 2))) {
    return `${noun.slice(0, -1)}ies`;
  }
  return `${noun}s`;
}

const COMBINING_MARK = /\p{M}/gu;
const FOLDED_WORD = /[a-z0-9]+/g;
const NOT_ASCII = /[\u0080-\uffff]/;

/** A text's words, folded: lowercase, accents stripped (NFD, combining marks removed), maximal runs of a–z and 0–9. */
export function foldedWords(text: string): string[] {
  // Nearly every text is ASCII, which decomposition leaves as it is: the checker folds every turn.
  const plain = NOT_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARK, '') : text;
  return plain.toLowerCase().match(FOLDED_WORD) ?? [];
}
