/** Goodreads-like ratings files and the flags that read them, shared by the tests of the ratings data flags. */

// Goodreads-like files, as a user would export them: the columns are theirs, not icer's.
const GENRES = ['fantasy', 'romance', 'mystery', 'comedy'];
const AUTHORS = ['Ursula K. Le Guin', 'Jane Austen', 'Agatha Christie', 'Terry Pratchett'];
export const BOOKS = [
  'book_id,title,authors,original_publication_year,genres',
  ...Array.from(
    { length: 32 },
    (_, i) =>
      `bk${i},Saga ${String.fromCharCode(65 + (i >> 3))} Volume ${(i % 8) + 1},${AUTHORS[(i >> 1) % 4]},${1960 + i}.0,${GENRES[i % 4]}|${GENRES[(i + 2) % 4]}`,
  ),
].join('\n');
export const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];
export const RATINGS = [
  'user_id,book_id,rating',
  ...USERS.flatMap((user, u) =>
    Array.from({ length: 16 }, (_, k) => {
      const book = (k * 2 + u) % 32;
      // 1–10: each reader loves one genre and dislikes the one after it.
      const rating = [10, 2, 6, 8][(book + u) % 4];
      return `${user},bk${book},${rating}`;
    }),
  ),
].join('\n');

/** The data flags, as the commands that read dialogues against its catalog take them. */
export const DATA_FLAGS = [
  '--items',
  'books.csv',
  '--ratings',
  'ratings.csv',
  '--item-columns',
  'id=book_id,title=title,year=original_publication_year',
  '--rating-columns',
  'user=user_id,item=book_id,rating=rating',
  '--facets',
  'genre=genres,author=authors',
  '--items-domain',
  'books',
  '--min-rating',
  '1',
  '--max-rating',
  '10',
];

/** The same with the thresholds on its scale, as the commands that build users (generate, profiles) take them. */
export const FLAGS = [...DATA_FLAGS, '--like-threshold', '8', '--dislike-threshold', '3'];
