import type { ItemInput } from '../../catalog/item.js';
import { ItemCatalog } from '../../catalog/item-catalog.js';
import { BUILTIN_MOVIES } from './movies.js';

let cached: ItemCatalog | undefined;

/**
 * The built-in movie catalog: a few hundred well-known films with year, genres, directors, leading cast, keyword
 * tags and, for the few made to be seen in order, their series, written by the icer authors. It needs no files and no network, so icer always has a default.
 *
 * @example
 * ```ts
 * const catalog = builtinCatalog();
 * catalog.resolveTitle('the matrix').year; // 1999
 * ```
 */
export function builtinCatalog(): ItemCatalog {
  cached ??= new ItemCatalog(
    BUILTIN_MOVIES.map(
      (movie): ItemInput => ({
        id: movie.id,
        title: movie.title,
        year: movie.year,
        ...(movie.aliases ? { aliases: [...movie.aliases] } : {}),
        attributes: {
          genre: [...movie.genres],
          director: [...movie.directors],
          cast: [...movie.cast],
          tag: [...movie.tags],
          series: movie.series ? [movie.series] : [],
        },
      }),
    ),
    { source: 'icer built-in catalog', domain: 'movies' },
  );
  return cached;
}
