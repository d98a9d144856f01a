import type { ItemInput } from '../../catalog/item.js';
import { ItemCatalog } from '../../catalog/item-catalog.js';
import { IcerError } from '../../errors.js';

/**
 * The catalog of the items read from `file`, the i-th from line `lines[i]`: an invalid item is reported at its
 * line of the file rather than at its index.
 */
export function catalogAtLines(
  items: Iterable<ItemInput>,
  file: string,
  lines: readonly number[],
  wording: { readonly domain: string; readonly phrasing?: Readonly<Record<string, unknown>> | undefined },
): ItemCatalog {
  const { domain, phrasing } = wording;
  try {
    return new ItemCatalog(items, { source: file, domain, ...(phrasing ? { phrasing } : {}) });
  } catch (error) {
    const index = IcerError.isInstance(error) ? /^items\[(\d+)\]/.exec(error.location?.field ?? '') : null;
    throw index && IcerError.isInstance(error) ? error.withLocation({ line: lines[Number(index[1])] }) : error;
  }
}
