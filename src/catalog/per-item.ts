import type { Item } from './item.js';
import type { ItemCatalog } from './item-catalog.js';

// What a computed value is stored as when it is undefined: one map lookup then tells "not computed" from "undefined".
const NONE = Symbol('none');

/**
 * `compute` memoized per catalog and item id: for what wording reads off an item again and again (its short title,
 * the words of its facts), since neither an item nor its catalog ever changes. Catalogs are held weakly, but for the
 * last one worded.
 */
export function perItem<T>(compute: (item: Item, catalog: ItemCatalog) => T): (item: Item, catalog: ItemCatalog) => T {
  const byCatalog = new WeakMap<ItemCatalog, Map<string, T | typeof NONE>>();
  // A run words one catalog turn after turn: its map is kept at hand, saving a weak-map lookup on every call.
  let lastCatalog: ItemCatalog | undefined;
  let lastById: Map<string, T | typeof NONE> | undefined;
  return (item, catalog) => {
    let byId = catalog === lastCatalog ? lastById : byCatalog.get(catalog);
    if (!byId) {
      byId = new Map();
      byCatalog.set(catalog, byId);
    }
    lastCatalog = catalog;
    lastById = byId;
    const known = byId.get(item.id);
    if (known !== undefined) return known === NONE ? (undefined as T) : known;
    const value = compute(item, catalog);
    byId.set(item.id, value === undefined ? NONE : value);
    return value;
  };
}
