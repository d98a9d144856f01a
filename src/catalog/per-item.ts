import type { Item } from './item.js';
import type { ItemCatalog } from './item-catalog.js';

/**
 * `compute` memoized per catalog and item id: for what wording reads off an item again and again (its short title,
 * the words of its facts), since neither an item nor its catalog ever changes. The catalog is held weakly.
 */
export function perItem<T>(compute: (item: Item, catalog: ItemCatalog) => T): (item: Item, catalog: ItemCatalog) => T {
  const byCatalog = new WeakMap<ItemCatalog, Map<string, T>>();
  return (item, catalog) => {
    let byId = byCatalog.get(catalog);
    if (!byId) {
      byId = new Map();
      byCatalog.set(catalog, byId);
    }
    if (byId.has(item.id)) return byId.get(item.id) as T;
    const value = compute(item, catalog);
    byId.set(item.id, value);
    return value;
  };
}
