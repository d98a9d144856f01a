import type { ItemCatalog } from '../catalog/item-catalog.js';
import { itemAttributeKeys } from '../catalog/item.js';
import { clamp, round3 } from './numbers.js';

/** An item with a signed score in [-1, 1]: how much the user liked (+) or disliked (−) it. */
export interface ScoredItem {
  item: string;
  score: number;
}

/** How affinities are derived from scored items. */
export interface AffinityOptions {
  /** Pseudo-count of neutral evidence added to every attribute: larger values shrink thin evidence harder. */
  shrinkage: number;
  /** Only attributes of these facets; all facets when undefined. */
  facets: readonly string[] | undefined;
  /** Attributes whose shrunk |affinity| is below this are dropped. */
  minMagnitude: number;
}

/**
 * Attribute affinities from scored items: for each attribute, the sum of the scores of the items carrying it over
 * (count + shrinkage). One five-star film moves an attribute a little; twenty move it a lot.
 */
export function affinitiesFromScores(
  scored: Iterable<ScoredItem>,
  catalog: ItemCatalog,
  options: AffinityOptions,
): Record<string, number> {
  const facets = options.facets ? new Set(options.facets) : undefined;
  const sums = new Map<string, { sum: number; count: number }>();
  for (const { item, score } of scored) {
    const found = catalog.get(item);
    if (!found) continue;
    for (const key of itemAttributeKeys(found)) {
      if (facets && !facets.has(key.slice(0, key.indexOf(':')))) continue;
      const entry = sums.get(key);
      if (entry) {
        entry.sum += score;
        entry.count++;
      } else {
        sums.set(key, { sum: score, count: 1 });
      }
    }
  }
  const out: Record<string, number> = {};
  for (const key of [...sums.keys()].sort()) {
    const { sum, count } = sums.get(key) as { sum: number; count: number };
    const value = round3(clamp(sum / (count + options.shrinkage), -1, 1));
    if (Math.abs(value) >= options.minMagnitude && value !== 0) out[key] = value;
  }
  return out;
}
