import type { GenreWords } from './genre-words.js';

// Plain data, checked by DomainPhrasingSchema where it is registered (domain-phrasing.ts).
type GenreWordsInput = Omit<GenreWords, 'headRank'> & { headRank?: number; others?: readonly string[] };

// Genre names book catalogs commonly use; others get "X books". Each was read in the templates' frames ("I love
// ___", "something like X, but ___", "a ___ book").
const genre = (
  noun: string,
  modifier: string,
  more: string,
  less: string,
  rank: number,
  extra: Partial<GenreWordsInput> = {},
): GenreWordsInput => ({ noun, modifier, more, less, element: modifier, rank, ...extra });

const GENRES: Record<string, GenreWordsInput> = {
  Fantasy: genre('fantasy', 'fantasy', 'more fantastical', 'less fantastical', 7, {
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
      others: ['sci-fi', 'science-fiction novels'],
    },
  ),
  'Sci-Fi': genre('sci-fi', 'sci-fi', 'more sci-fi', 'less sci-fi', 6, { others: ['science fiction'] }),
  sf: genre('sf', 'sf', 'more sf', 'less sf', 6, { others: ['science fiction', 'sci-fi books'] }),
  Mystery: genre('mysteries', 'mystery', 'more of a mystery', 'less of a mystery', 9, {
    head: 'mystery',
    headRank: 6,
    others: ['mystery novels', 'whodunits'],
    after: ['with a puzzle to solve'],
  }),
  Romance: genre('romance', 'romance', 'more romantic', 'less romantic', 2, {
    head: 'romance',
    headRank: 7,
    others: ['romance novels', 'love stories'],
  }),
  Horror: genre('horror', 'horror', 'scarier', 'less scary', 8, { others: ['horror novels', 'scary books'] }),
  Thriller: genre('thrillers', 'thriller', 'more thrilling', 'less of a thriller', 16, {
    head: 'thriller',
    headRank: 3,
    others: ['thriller novels', 'page-turners'],
  }),
  Crime: genre('crime fiction', 'crime', 'more of a crime story', 'less about crime', 10, { others: ['crime novels'] }),
  'Historical Fiction': genre('historical fiction', 'historical', 'more historical', 'less historical', 4, {
    others: ['historical novels'],
  }),
  'Literary Fiction': genre('literary fiction', 'literary', 'more literary', 'less literary', 3, {
    others: ['literary novels'],
  }),
  Nonfiction: genre('nonfiction', 'nonfiction', 'more factual', 'not nonfiction', 15, { others: ['nonfiction books'] }),
  'Young Adult': genre('young adult books', 'young adult', 'more young adult', 'less young adult', 1, {
    others: ['YA books', 'young adult fiction'],
  }),
  Classics: genre('classics', 'classic', 'more of a classic', 'less of a classic', 0, { others: ['classic books'] }),
  Biography: genre('biographies', 'biographical', 'more biographical', 'not a biography', 14, {
    head: 'biography',
    headRank: 0,
    others: ['life stories'],
  }),
  Poetry: genre('poetry', 'poetry', 'more poetic', 'less poetic', 13, {
    head: 'poetry collection',
    headRank: 1,
    others: ['poems'],
  }),
  Gothic: genre('gothic fiction', 'gothic', 'more gothic', 'less gothic', 5, { others: ['gothic novels'] }),
};

/** The books phrasing: genre, author, tag and series facets. */
export const BOOKS = {
  noun: { singular: 'book', plural: 'books' },
  consume: { base: 'read', past: 'read', participle: 'read', gerund: 'reading' },
  consumeNoun: 'read',
  unconsumable: 'unreadable',
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
      nouns: ['books by {value}', "{value}'s books", 'anything written by {value}'],
      more: 'by {value}',
      less: 'not by {value}',
    },
    tag: { kind: 'tag', names: ['themes', 'subjects', 'topics'] },
    series: {
      names: ['series', 'book series'],
      nouns: ['the {value} series', 'books in the {value} series'],
      more: 'from the {value} series',
      less: 'not from the {value} series',
    },
  },
  genres: GENRES,
} as const;
