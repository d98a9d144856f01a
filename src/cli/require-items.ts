import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';

/**
 * Refuses a catalog with no items where the user chose it, naming the file and the flag: the library's own error
 * names the `catalog` option, which the command line has no flag for.
 */
export function requireItems(catalog: ItemCatalog, source: { flag: string; file: string; what: string }): void {
  if (catalog.size > 0) return;
  throw new IcerError('EMPTY_CATALOG', `It lists no ${source.what}, so there is nothing to recommend.`, {
    location: { file: source.file },
    hint: `Point ${source.flag} to one that lists ${source.what}, or leave ${source.flag} out to use the built-in catalog.`,
  });
}
