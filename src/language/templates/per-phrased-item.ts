import type { Item } from '../../catalog/item.js';
import { type DomainPhrasing, perPhrasing } from '../../lexicon/domain-phrasing.js';

// What a computed value is stored as when it is undefined: one lookup then tells "not computed" from "undefined".
const NONE = Symbol('none');

/**
 * `compute` memoized per phrasing and item: for what a description reads off an item's attributes on every turn that
 * names it (its form, its verb of making), which neither changes. Both are held weakly.
 */
export function perPhrasedItem<T>(
  compute: (item: Item, phrasing: DomainPhrasing) => T,
): (item: Item, phrasing: DomainPhrasing) => T {
  const byItemOf = perPhrasing(() => new WeakMap<Item, T | typeof NONE>());
  return (item, phrasing) => {
    const byItem = byItemOf(phrasing);
    const known = byItem.get(item);
    if (known !== undefined) return known === NONE ? (undefined as T) : known;
    const value = compute(item, phrasing);
    byItem.set(item, value === undefined ? NONE : value);
    return value;
  };
}
