import { z } from 'zod';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { IcerError } from '../../errors.js';
import { builtinBooksCatalog } from './builtin-books-catalog.js';
import { builtinCatalog } from './builtin-catalog.js';

/** The domains icer ships a catalog for: films (the default) and books. */
export const BuiltinDomainSchema = z.enum(['movies', 'books']);
/** A domain icer ships a catalog for. */
export type BuiltinDomain = z.output<typeof BuiltinDomainSchema>;

// Keyed by the closed list, so a new built-in domain cannot go without its catalog.
const CATALOGS: Record<BuiltinDomain, () => ItemCatalog> = {
  movies: builtinCatalog,
  books: builtinBooksCatalog,
};

/**
 * The built-in catalog of a domain: `movies` ({@link builtinCatalog}) or `books` ({@link builtinBooksCatalog}).
 *
 * @example
 * ```ts
 * const books = builtinDomainCatalog('books');
 * for (const reader of syntheticProfiles(books, { count: 3 })) console.log(reader.toText(books));
 * ```
 */
export function builtinDomainCatalog(domain: BuiltinDomain): ItemCatalog {
  const known = BuiltinDomainSchema.safeParse(domain);
  if (!known.success) {
    throw new IcerError('INVALID_ARGUMENT', `There is no built-in catalog for the domain "${String(domain)}".`, {
      location: { field: 'domain' },
      hint: `Choose ${BuiltinDomainSchema.options.join(' or ')}, or load a catalog of your own (loadCatalogJson).`,
    });
  }
  return CATALOGS[known.data]();
}
