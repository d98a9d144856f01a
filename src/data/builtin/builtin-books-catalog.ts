import type { ItemInput } from '../../catalog/item.js';
import { ItemCatalog } from '../../catalog/item-catalog.js';
import { BUILTIN_BOOKS } from './books.js';

let cached: ItemCatalog | undefined;

/**
 * The built-in book catalog (`domain: 'books'`): several hundred well-known books, from antiquity to 2024, with the
 * year of first publication, genres, authors, theme and setting tags, and the series a book belongs to — facets
 * `genre`, `author`, `tag` and `series`. Written by the icer authors; it needs no files and no network. Built once
 * and shared, like `builtinCatalog()`.
 *
 * @example
 * ```ts
 * const books = builtinBooksCatalog();
 * books.resolveTitle('the left hand of darkness').year; // 1969
 * const users = syntheticProfiles(books, { count: 100 });
 * ```
 */
export function builtinBooksCatalog(): ItemCatalog {
  cached ??= new ItemCatalog(
    BUILTIN_BOOKS.map(
      (book): ItemInput => ({
        id: book.id,
        title: book.title,
        ...(book.year !== undefined ? { year: book.year } : {}),
        ...(book.aliases ? { aliases: [...book.aliases] } : {}),
        attributes: {
          genre: [...book.genres],
          author: [...book.authors],
          tag: [...book.tags],
          series: book.series ? [book.series] : [],
        },
      }),
    ),
    { source: 'icer built-in books catalog', domain: 'books' },
  );
  return cached;
}
