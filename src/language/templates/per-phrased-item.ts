import type { Item } from '../../catalog/item.js';
import type { DomainPhrasing } from '../../lexicon/domain-phrasing.js';

// What a computed value is stored as when it is undefined: one lookup then tells "not computed" from "undefined".
const NONE = Symbol('none');

/**
 * `compute` memoized per phrasing and item: for what a description reads off an item's attributes on every turn that
 * names it (its form, its verb of making), which neither changes. Both are held weakly, but for the last phrasing.
 */
export function perPhrasedItem<T>(
  compute: (item: Item, phrasing: DomainPhrasing) => T,
): (item: Item, phrasing: DomainPhrasing) => T {
  const byPhrasing = new WeakMap<DomainPhrasing, WeakMap<Item, T | typeof NONE>>();
  let lastPhrasing: DomainPhrasing | undefined;
  let lastByItem: WeakMap<Item, T | typeof NONE> | undefined;
  return (item, phrasing) => {
    let byItem = phrasing === lastPhrasing ? lastByItem : byPhrasing.get(phrasing);
    if (!byItem) {
      byItem = new WeakMap();
      byPhrasing.set(phrasing, byItem);
    }
    lastPhrasing = phrasing;
    lastByItem = byItem;
    const known = byItem.get(item);
    if (known !== undefined) return known === NONE ? (undefined as T) : known;
    const value = compute(item, phrasing);
    byItem.set(item, value === undefined ? NONE : value);
    return value;
  };
}
