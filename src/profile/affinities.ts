import type { ItemCatalog } from '../catalog/item-catalog.js';
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
  /** Attributes carried by fewer scored items than this are dropped. */
  minEvidence: number;
}

const UNDECIDED = 0;
const ALLOWED = 1;
const DENIED = 2;

/**
 * Attribute affinities from scored items: for each attribute, the sum of the scores of the items carrying it over
 * (count + shrinkage). One five-star film moves an attribute a little; twenty move it a lot. Keys come out sorted.
 */
export function affinitiesFromScores(
  scored: Iterable<ScoredItem>,
  catalog: ItemCatalog,
  options: AffinityOptions,
): Record<string, number> {
  const size = catalog.attributeKeyCount;
  const sums = new Float64Array(size);
  const counts = new Int32Array(size);
  const touched: number[] = [];
  const facets = options.facets ? new Set(options.facets) : undefined;
  // Facet membership per attribute id, decided on first sight so each key string is sliced at most once.
  const verdict = facets ? new Uint8Array(size) : undefined;
  for (const { item, score } of scored) {
    for (const id of catalog.attributeIdsOf(item)) {
      if (verdict && facets) {
        if (verdict[id] === UNDECIDED) {
          const key = catalog.attributeKeyAt(id);
          verdict[id] = facets.has(key.slice(0, key.indexOf(':'))) ? ALLOWED : DENIED;
        }
        if (verdict[id] === DENIED) continue;
      }
      if (counts[id] === 0) touched.push(id);
      sums[id] = (sums[id] as number) + score;
      counts[id] = (counts[id] as number) + 1;
    }
  }
  const entries: Array<[string, number]> = [];
  for (const id of touched) {
    const count = counts[id] as number;
    if (count < options.minEvidence) continue;
    const value = round3(clamp((sums[id] as number) / (count + options.shrinkage), -1, 1));
    if (value !== 0 && Math.abs(value) >= options.minMagnitude) entries.push([catalog.attributeKeyAt(id), value]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
