import type { GenreWords } from './genre-words.js';

// Plain data, checked by DomainPhrasingSchema where it is registered (domain-phrasing.ts).
type GenreWordsInput = Omit<GenreWords, 'headRank'> & { headRank?: number; others?: readonly string[] };

// Genre names book catalogs commonly use, every one of the built-in catalog's among them (BUILTIN_BOOK_GENRES);
// others get "X books". Each was read in the templates' frames ("I love ___", "something like X, but ___", "a ___
// book"). Tags have their own table: book-tag-words.ts. The element is the modifier unless that is no noun: "There's
// literary fiction in it, too", not "There's literary in it".
const genre = (
  noun: string,
  modifier: string,
  more: string,
  less: string,
  rank: number,
  extra: Partial<GenreWordsInput> = {},
): GenreWordsInput => ({ noun, modifier, more, less, element: modifier, rank, ...extra });

// Heads, lowest `headRank` first, so that a description ends on the most telling noun: "a graphic memoir", "a
// biographical memoir", "a humorous play", "a historical graphic novel", "a historical true-crime book", "a mystery
// thriller"; the fiction heads ("novel", "story") come last: "a science-fiction adventure story", "a historical
// fantasy novel", "a literary historical novel", "a philosophical literary novel". Modifiers, lowest `rank` first:
// "a classic humorous children's book".
const GENRES: Record<string, GenreWordsInput> = {
  Fantasy: genre('fantasy', 'fantasy', 'more fantastical', 'less fantastical', 7, {
    head: 'fantasy novel',
    headRank: 8.2,
    others: ['fantasy novels', 'fantasy books'],
    after: ['with a touch of magic'],
  }),
  'Science Fiction': genre(
    'science fiction',
    'science-fiction',
    'more science-fictional',
    'less science-fictional',
    6,
    {
      head: 'science-fiction novel',
      headRank: 8.3,
      element: 'science fiction',
      others: ['sci-fi', 'science-fiction novels'],
    },
  ),
  'Sci-Fi': genre('sci-fi', 'sci-fi', 'more sci-fi', 'less sci-fi', 6, { others: ['science fiction'] }),
  sf: genre('sf', 'sf', 'more sf', 'less sf', 6, { others: ['science fiction', 'sci-fi books'] }),
  Mystery: genre('mysteries', 'mystery', 'more of a mystery', 'less of a mystery', 9, {
    head: 'mystery',
    headRank: 6,
    others: ['mystery novels', 'mystery books'],
    after: ['with a puzzle to solve'],
  }),
  Romance: genre('romance', 'romantic', 'more romantic', 'less romantic', 2, {
    element: 'romance',
    head: 'romance',
    headRank: 7,
    others: ['romance novels', 'love stories'],
  }),
  Horror: genre('horror', 'horror', 'scarier', 'less scary', 8, {
    head: 'horror novel',
    headRank: 8.05,
    others: ['horror novels', 'scary books'],
  }),
  Thriller: genre('thrillers', 'thriller', 'more thrilling', 'less of a thriller', 16, {
    element: 'suspense',
    head: 'thriller',
    headRank: 3,
    others: ['thriller novels', 'page-turners'],
  }),
  Crime: genre('crime fiction', 'crime', 'more of a crime story', 'less about crime', 10, { others: ['crime novels'] }),
  'Historical Fiction': genre('historical fiction', 'historical', 'more historical', 'less historical', 4, {
    head: 'historical novel',
    headRank: 8.5,
    element: 'historical fiction',
    others: ['historical novels'],
  }),
  'Literary Fiction': genre('literary fiction', 'literary', 'more literary', 'less literary', 3, {
    head: 'literary novel',
    headRank: 9,
    element: 'literary fiction',
    others: ['literary novels'],
  }),
  Nonfiction: genre('nonfiction', 'nonfiction', 'more factual', 'not nonfiction', 15, {
    others: ['nonfiction books'],
    tellsStory: false,
  }),
  'Young Adult': genre('young adult books', 'young adult', 'more young adult', 'less young adult', 1, {
    head: 'young adult novel',
    headRank: 9.5,
    element: 'young adult fiction',
    others: ['YA books', 'young adult fiction'],
  }),
  // A classic is the item itself when no other genre names it, as a noun after the rest: "a humorous classic", "a
  // children's classic", and "a philosophical classic" for The Magic Mountain, a novel, not "a classic philosophy book".
  Classics: genre('classics', 'classic', 'more of a classic', 'less of a classic', 0, {
    head: 'classic',
    headRank: 9.9,
    element: 'classic storytelling',
    others: ['classic books'],
  }),
  Biography: genre('biographies', 'biographical', 'more biographical', 'not a biography', 14, {
    head: 'biography',
    headRank: 0,
    element: 'biography',
    others: ['life stories'],
    tellsStory: false,
  }),
  Poetry: genre('poetry', 'poetry', 'more poetic', 'less poetic', 13, {
    // Not "poetry collection": half the built-in catalog's poetry is one long poem (Beowulf, The Waste Land).
    head: 'work of poetry',
    headRank: 1,
    others: ['poems'],
    tellsStory: false,
    mayTellStory: true,
  }),
  Gothic: genre('gothic fiction', 'gothic', 'more gothic', 'less gothic', 5, {
    element: 'gothic fiction',
    others: ['gothic novels'],
  }),
  Adventure: genre('adventure stories', 'adventure', 'more adventurous', 'less of an adventure', 11, {
    head: 'adventure story',
    headRank: 8.1,
    others: ['adventure novels', 'adventure books'],
    after: ['full of adventure', 'with a real sense of adventure'],
  }),
  Humor: genre('funny books', 'humorous', 'funnier', 'less comic', 0.2, {
    element: 'humor',
    others: ['humor', 'humorous books'],
    after: ['with plenty of laughs', 'with a funny streak'],
  }),
  "Children's": genre("children's books", "children's", 'more for children', 'less aimed at children', 0.5, {
    element: "children's storytelling",
    others: ['books for children', "kids' books"],
    after: ['for young readers', 'for readers of all ages'],
  }),
  'Graphic Novel': genre('graphic novels', 'graphic', 'more of a graphic novel', 'not a graphic novel', 1.5, {
    head: 'graphic novel',
    headRank: 2,
    element: 'comics',
    others: ['comics', 'comics and graphic novels'],
    // Its authors are its writer and its artist: Watchmen is by Alan Moore and Dave Gibbons, who drew it.
    made: { past: 'created', participle: 'created' },
    medium: true,
  }),
  Drama: genre('plays', 'stage', 'a play', 'not a play', 12, {
    medium: true,
    head: 'play',
    headRank: 1,
    element: 'drama',
    others: ['drama', 'stage plays'],
  }),
  Essays: genre('essays', 'essay', 'more of an essay collection', 'not an essay collection', 12.5, {
    head: 'essay collection',
    headRank: 1.5,
    element: 'essay writing',
    others: ['essay collections', 'books of essays'],
    tellsStory: false,
  }),
  Memoir: genre('memoirs', 'memoir', 'more of a memoir', 'less of a memoir', 14.5, {
    head: 'memoir',
    headRank: -1,
    others: ['memoir'],
    tellsStory: false,
  }),
  'True Crime': genre('true crime', 'true-crime', 'more of a true-crime story', 'less of a true-crime story', 10.5, {
    element: 'true crime',
    head: 'true-crime book',
    headRank: 2.5,
    others: ['true-crime books', 'true crime stories'],
    tellsStory: false,
  }),
  History: genre('history books', 'historical', 'more about history', 'less about history', 4, {
    head: 'history book',
    headRank: 4,
    element: 'history',
    others: ['history', 'books about history'],
    tellsStory: false,
  }),
  Science: genre('science books', 'popular-science', 'more scientific', 'less scientific', 17, {
    element: 'science',
    head: 'science book',
    headRank: 5,
    others: ['popular science', 'books about science'],
    tellsStory: false,
  }),
  Economics: genre('economics books', 'economics', 'more about economics', 'less about economics', 17.5, {
    head: 'economics book',
    headRank: 4.5,
    others: ['economics', 'books about economics'],
    tellsStory: false,
  }),
  Philosophy: genre('philosophy', 'philosophical', 'more of a philosophy book', 'less of a philosophy book', 3.5, {
    element: 'philosophy',
    head: 'philosophy book',
    headRank: 10,
    others: ['philosophy books', 'works of philosophy'],
    tellsStory: false,
  }),
  'Self-Help': genre('self-help books', 'self-help', 'more of a self-help book', 'less of a self-help book', 18, {
    others: ['self-help', 'self-improvement books'],
    tellsStory: false,
  }),
};

/** The books phrasing: genre, author, tag and series facets. */
export const BOOKS = {
  noun: { singular: 'book', plural: 'books' },
  consume: { base: 'read', past: 'read', participle: 'read', gerund: 'reading' },
  consumeNoun: 'read',
  unconsumable: 'unreadable',
  oneSitting: false,
  audience: 'readers',
  creator: { singular: 'author', plural: 'authors' },
  made: { past: 'wrote', participle: 'written' },
  story: { singular: 'story', plural: 'stories' },
  greetings: ["Hello! Let's talk books.", 'Hi! Looking for a good read?', 'Hey! Ready for a new book?'],
  facets: {
    genre: { kind: 'genre', names: ['genres', 'kinds of books', 'literary genres'] },
    author: {
      kind: 'creator',
      names: ['authors', 'writers'],
      nouns: ['books by {value}', "{value}'s books", "{value}'s writing"],
      more: 'by {value}',
      less: 'not by {value}',
    },
    tag: { kind: 'tag', names: ['themes', 'subjects', 'topics'] },
    series: {
      names: ['series', 'book series'],
      nouns: ['{value} books', 'books in the {value} series', 'the {value} series'],
      more: 'from the {value} series',
      less: 'not from the {value} series',
    },
  },
  genres: GENRES,
} as const;
