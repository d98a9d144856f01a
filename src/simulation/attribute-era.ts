import type { ItemCatalog } from '../catalog/item-catalog.js';

// Per catalog, the median year of each attribute asked about: the simulator asks again and again.
const medians = new WeakMap<ItemCatalog, Map<string, number | undefined>>();

/**
 * The median year of the catalog's dated items that carry an attribute: when a kind of work mostly comes from
 * (film noir about 1950, westerns about 1970). Undefined when none of them is dated.
 */
export function attributeMedianYear(catalog: ItemCatalog, key: string): number | undefined {
  let byKey = medians.get(catalog);
  if (byKey === undefined) {
    byKey = new Map();
    medians.set(catalog, byKey);
  }
  if (byKey.has(key)) return byKey.get(key);
  const years: number[] = [];
  for (const item of catalog.withAttribute(key)) if (item.year !== undefined) years.push(item.year);
  years.sort((a, b) => a - b);
  const median = years.length === 0 ? undefined : years[Math.floor(years.length / 2)];
  byKey.set(key, median);
  return median;
}
