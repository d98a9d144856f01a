/**
 * One row of the built-in book catalog, as written by hand. Compact on purpose, like the movie rows: the data
 * file stays readable and reviewable, and `builtinBooksCatalog()` turns rows into catalog items.
 */
export interface BuiltinBook {
  /**
   * Stable slug: lowercase title words joined by "-", then the year, e.g. "the-left-hand-of-darkness-1969"; works of
   * antiquity and the early Middle Ages, which have no year, end on the title: "the-odyssey".
   */
  readonly id: string;
  /** Display title with any leading article in front: "The Left Hand of Darkness". */
  readonly title: string;
  /**
   * Year of first publication, as reference works usually give it: for a novel first serialised, the year commonly
   * cited (usually that of the book); for a play, the earlier of its first publication and its first recorded
   * performance. Absent for works from before the year 1000 and for medieval works that circulated in manuscript
   * (The Iliad, The Canterbury Tales), whose dates are uncertain.
   */
  readonly year?: number;
  /** Genres from {@link BUILTIN_BOOK_GENRES}. */
  readonly genres: readonly BuiltinBookGenre[];
  /** Author(s), full names as usually printed ("Ursula K. Le Guin"); empty for anonymous works (Beowulf). */
  readonly authors: readonly string[];
  /** Three to five tags from {@link BUILTIN_BOOK_TAGS}: themes, settings, forms and moods. */
  readonly tags: readonly BuiltinBookTag[];
  /** The series the book belongs to, when it is part of one ("Discworld", "The Lord of the Rings"). */
  readonly series?: string;
  /** Other well-known titles (original-language titles, other editions' titles), if any. */
  readonly aliases?: readonly string[];
}

/** The genre vocabulary of the built-in book catalog: a closed list, every genre on at least eight books. */
export const BUILTIN_BOOK_GENRES = [
  'Literary Fiction',
  'Classics',
  'Science Fiction',
  'Fantasy',
  'Mystery',
  'Thriller',
  'Horror',
  'Romance',
  'Historical Fiction',
  'Adventure',
  'Humor',
  'Young Adult',
  "Children's",
  'Graphic Novel',
  'Poetry',
  'Drama',
  'Essays',
  'History',
  'Biography',
  'Memoir',
  'True Crime',
  'Science',
  'Economics',
  'Philosophy',
  'Self-Help',
] as const;

/** One of {@link BUILTIN_BOOK_GENRES}. */
export type BuiltinBookGenre = (typeof BUILTIN_BOOK_GENRES)[number];

/**
 * The tag vocabulary of the built-in book catalog: a closed list of lowercase tags, each carried by several books
 * (settings, eras, forms, moods and themes), so that every tag can shape a synthetic user's taste.
 */
export const BUILTIN_BOOK_TAGS = [
  // Where a book is set.
  'set in africa',
  'set in california',
  'set in china',
  'set in england',
  'set in france',
  'set in germany',
  'set in india',
  'set in ireland',
  'set in italy',
  'set in japan',
  'set in latin america',
  'set in new england',
  'set in new york',
  'set in russia',
  'set in scandinavia',
  'set in space',
  'set in the american south',
  'set in the american west',
  'set in the ancient world',
  // When.
  'middle ages',
  'victorian era',
  'world war i',
  'world war ii',
  'cold war',
  // How it is told.
  'allegory',
  'epistolary',
  'frame story',
  'magical realism',
  'metafiction',
  'multiple narrators',
  'nonlinear',
  'novella',
  'retelling',
  'satire',
  'short stories',
  'tragedy',
  'twist ending',
  'unreliable narrator',
  'gothic',
  // How it feels.
  'dark',
  'dark comedy',
  'fast-paced',
  'feel-good',
  'heartbreaking',
  'lighthearted',
  'violent',
  // What it is about.
  'addiction',
  'aliens',
  'ambition',
  'animals',
  'art',
  'artificial intelligence',
  'at sea',
  'betrayal',
  'business',
  'class',
  'colonialism',
  'coming of age',
  'conspiracy',
  'cosmology',
  'crime',
  'death',
  'detective',
  'dragons',
  'dystopia',
  'evolution',
  'family saga',
  'feminism',
  'forbidden love',
  'friendship',
  'grief',
  'guilt',
  'habits',
  'happiness',
  'identity',
  'immigration',
  'island',
  'journey',
  'legal',
  'lgbtq',
  'loneliness',
  'magic',
  'marriage',
  'medicine',
  'memory',
  'mental illness',
  'money',
  'monsters',
  'murder',
  'music',
  'mythology',
  'nature',
  'obsession',
  'pandemic',
  'parents and children',
  'philosophical',
  'politics',
  'post-apocalyptic',
  'prison',
  'racism',
  'religion',
  'revenge',
  'revolution',
  'royalty',
  'rural life',
  'school',
  'siblings',
  'small town',
  'sports',
  'spy',
  'supernatural',
  'surreal',
  'survival',
  'technology',
  'the mind',
  'time travel',
  'totalitarianism',
  'vampires',
  'war',
  'writers',
] as const;

/** One of {@link BUILTIN_BOOK_TAGS}. */
export type BuiltinBookTag = (typeof BUILTIN_BOOK_TAGS)[number];
