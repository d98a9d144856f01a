/**
 * One phrasing: a small function from the words of an act to text. Functions rather than strings with
 * placeholders, so rendering is plain concatenation (no parsing or regexes per call) and the type checker sees
 * every slot.
 */
export type Template<W> = (words: W) => string;

/** How much a speaker says: user personas choose; the recommender has a voice drawn per dialogue. */
export type Style = 'terse' | 'normal' | 'chatty';

/** The titles of an act's items, ready to drop into a sentence. */
export interface TitleWords {
  /** "The Matrix (1999)", "A and B", "A, B and C". */
  readonly and: string;
  /** "A or B", "A, B or C". */
  readonly or: string;
  /** The titles one by one, as this turn writes them (a film named earlier in the dialogue may lack its year). */
  readonly list: readonly string[];
  /** True for a single item: picks "it"/"was" over "them"/"were". */
  readonly one: boolean;
}
