import type { ItemCatalog } from './item-catalog.js';

/**
 * Whether an item is well known: its relative renown (0–1) at least `renown`, or its catalog knows nothing of renown
 * (every item is then taken as known).
 */
export function isWellKnown(catalog: ItemCatalog, id: string, renown: number): boolean {
  const best = catalog.mostPopular(1)[0];
  return best === undefined || catalog.relativeRenown(best.id) === 0 || catalog.relativeRenown(id) >= renown;
}
