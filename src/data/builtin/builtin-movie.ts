/**
 * One row of the built-in movie catalog, as written by hand. Compact on purpose: the data file stays readable
 * and reviewable, and `builtinCatalog()` turns rows into catalog items.
 */
export interface BuiltinMovie {
  /** Stable slug: lowercase title words joined by "-", then the year, e.g. "the-matrix-1999". */
  readonly id: string;
  /** Display title with any leading article in front: "The Matrix". */
  readonly title: string;
  /** Release year. */
  readonly year: number;
  /** Genres from {@link BUILTIN_GENRES}. */
  readonly genres: readonly BuiltinGenre[];
  /** Director(s), full names. */
  readonly directors: readonly string[];
  /** Two or three leading cast members (empty for documentaries without a cast). */
  readonly cast: readonly string[];
  /** Three to five keywords from a controlled, reused vocabulary ("time travel", "heist", "dystopia", …). */
  readonly tags: readonly string[];
  /** Other well-known titles (original-language or a.k.a.), if any. */
  readonly aliases?: readonly string[];
  /**
   * The series of a film made to be seen after another ("Star Wars Trilogy", "The Godfather Trilogy"): a later one
   * waits until the earlier is known to be seen. Named as a set, never as a title alone, and never with a title's
   * distinctive words, which the consistency tracker would then no longer take for the film ("Blade Runner"). Not set
   * for remakes, nor for sequels that stand alone (Mad Max: Fury Road).
   */
  readonly series?: string;
}

/** The genre vocabulary of the built-in catalog (the same names MovieLens uses, so profiles transfer). */
export const BUILTIN_GENRES = [
  'Action',
  'Adventure',
  'Animation',
  'Children',
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Fantasy',
  'Film-Noir',
  'Horror',
  'Musical',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Thriller',
  'War',
  'Western',
] as const;

/** One of {@link BUILTIN_GENRES}. */
export type BuiltinGenre = (typeof BUILTIN_GENRES)[number];
