import type { ItemCatalog } from '../catalog/item-catalog.js';

/**
 * How much a taste (attribute weights by dense attribute id) favours an item: the sum of the weights of its
 * attributes over the square root of their number, so that an item is not extreme merely for having many
 * attributes. The same formula draws synthetic users, drives the simulated user's choices and ranks the
 * recommender's candidates.
 */
export function itemUtility(catalog: ItemCatalog, itemId: string, weights: ArrayLike<number>): number {
  return utilityOf(catalog.attributeIdsOf(itemId), weights);
}

/** {@link itemUtility} of an item given by its attribute ids. */
export function utilityOf(ids: Int32Array, weights: ArrayLike<number>): number {
  if (ids.length === 0) return 0;
  let sum = 0;
  for (const id of ids) sum += weights[id] as number;
  return sum / Math.sqrt(ids.length);
}
