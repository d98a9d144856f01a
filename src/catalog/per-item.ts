import type { Item } from './item.js';
import type { ItemCatalog } from './item-catalog.js';

// What a computed value is stored as when it is undefined: one map lookup then tells "not computed" from "undefined".
const NONE = Symbol('none');

// `compute` memoized per catalog and key. Catalogs are held weakly, but for the last one worded.
function perCatalog<A, T>(
  keyOf: (arg: A) => string,
  compute: (arg: A, catalog: ItemCatalog) => T,
): (arg: A, catalog: ItemCatalog) => T {
  const byCatalog = new WeakMap<ItemCatalog, Map<string, T | typeof NONE>>();
  // A run words one catalog turn after turn: its map is kept at hand, saving a weak-map lookup on every call.
  let lastCatalog: ItemCatalog | undefined;
  let lastByKey: Map<string, T | typeof NONE> | undefined;
  return (arg, catalog) => {
    let byKey = catalog === lastCatalog ? lastByKey : byCatalog.get(catalog);
    if (!byKey) {
      byKey = new Map();
      byCatalog.set(catalog, byKey);
    }
    lastCatalog = catalog;
    lastByKey = byKey;
    const key = keyOf(arg);
    const known = byKey.get(key);
    if (known !== undefined) return known === NONE ? (undefined as T) : known;
    const value = compute(arg, catalog);
    byKey.set(key, value === undefined ? NONE : value);
    return value;
  };
}

/**
 * `compute` memoized per catalog and item id: for what wording reads off an item again and again (its short title,
 * the words of its facts), since neither an item nor its catalog ever changes.
 */
export function perItem<T>(compute: (item: Item, catalog: ItemCatalog) => T): (item: Item, catalog: ItemCatalog) => T {
  return perCatalog((item: Item) => item.id, compute);
}

/** `compute` memoized per catalog and attribute key (`facet:value`), as {@link perItem} is per item. */
export function perAttribute<T>(
  compute: (key: string, catalog: ItemCatalog) => T,
): (key: string, catalog: ItemCatalog) => T {
  return perCatalog((key: string) => key, compute);
}
