import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';

/** The built-in catalogs by domain, for `describe.each`: each loads its catalog. */
export const BUILTIN_CATALOGS = [
  ['movies', builtinCatalog],
  ['books', builtinBooksCatalog],
] as const;
