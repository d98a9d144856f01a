import type { ItemCatalog } from '../catalog/item-catalog.js';
import { catalogIndex, facetsByKind } from './catalog-index.js';

// What a genre in common counts for, against 1 for a common tag or name.
export const GENRE_LIKENESS = 2;
// A tag or name in common counts for a bit less than the doublings of rarity it has: one carried by a sixteenth of
// the catalog counts 2, by a thirty-second 3, by a sixty-fourth or fewer 4 at most.
const RARITY_OFFSET = 2;
const RARE_LIKENESS = 4;
// How many titles make up "the ones most like" a title, and how many of them must have a genre for "like A, but more
// X" to ask for something of A's kind: one in a handful of A's neighbours, not one title somewhere in the catalog.
const NEIGHBOURS = 15;
const NEIGHBOURS_WITH = 2;

interface Likeness {
  /** What sharing each attribute counts for, by dense attribute id. */
  readonly weights: Uint8Array;
  /** Whether each attribute is a genre, by dense attribute id. */
  readonly genre: Uint8Array;
  /** Each item's nearest items (positions), computed when first asked. */
  readonly nearest: Array<Int32Array | undefined>;
}

const cache = new WeakMap<ItemCatalog, Likeness>();

function likenessOf(catalog: ItemCatalog): Likeness {
  let likeness = cache.get(catalog);
  if (likeness) return likeness;
  const index = catalogIndex(catalog);
  const genreFacets = facetsByKind(catalog, ['genre']);
  const genre = Uint8Array.from(index.attributeFacet, (facet) => (genreFacets.includes(facet) ? 1 : 0));
  const items = index.ids.length;
  const weights = genre.map((isGenre, id) => {
    if (isGenre === 1) return GENRE_LIKENESS;
    const holders = (index.itemsWithAttribute[id] as Int32Array).length;
    return Math.min(RARE_LIKENESS, Math.max(1, Math.round(Math.log2(items / Math.max(1, holders))) - RARITY_OFFSET));
  });
  likeness = { weights, genre, nearest: new Array(items) };
  cache.set(catalog, likeness);
  return likeness;
}

/**
 * What sharing each attribute with an item counts for in how alike two items are, by dense attribute id. A genre in
 * common makes two items alike more than a common tag or name does: "like The Maltese Falcon, but newer" is a crime
 * film before it is any film based on a book. A rare tag or name says more: "like Enter the Dragon, but funnier" is a
 * martial-arts comedy before it is a comedy of Enter the Dragon's years.
 */
export function attributeLikeness(catalog: ItemCatalog): { weights: Uint8Array; genre: Uint8Array } {
  return likenessOf(catalog);
}

/**
 * The positions of the items most like one (the most {@link attributeLikeness} in common; ties by catalog order),
 * computed once per item and catalog.
 */
function nearestItems(catalog: ItemCatalog, position: number): Int32Array {
  const likeness = likenessOf(catalog);
  const cached = likeness.nearest[position];
  if (cached) return cached;
  const index = catalogIndex(catalog);
  const scores = new Float64Array(index.ids.length);
  for (const id of index.attributeIds[position] as Int32Array) {
    const weight = likeness.weights[id] as number;
    for (const other of index.itemsWithAttribute[id] as Int32Array) scores[other] = (scores[other] as number) + weight;
  }
  scores[position] = 0;
  const order: number[] = [];
  for (let other = 0; other < scores.length; other++) if ((scores[other] as number) > 0) order.push(other);
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const nearest = Int32Array.from(order.slice(0, NEIGHBOURS));
  likeness.nearest[position] = nearest;
  return nearest;
}

/**
 * Whether an attribute is common among the items most like `item`: what "like A, but more X" can ask for without
 * leaving A's kind of item ("like Rear Window, but more noir", not "like Goodfellas, but animated").
 */
export function commonNear(catalog: ItemCatalog, item: string, key: string): boolean {
  const index = catalogIndex(catalog);
  const position = index.position.get(item);
  const id = catalog.attributeIdOf(key);
  if (position === undefined || id === undefined) return false;
  let carriers = 0;
  for (const other of nearestItems(catalog, position)) {
    if ((index.attributeIds[other] as Int32Array).includes(id) && ++carriers >= NEIGHBOURS_WITH) return true;
  }
  return false;
}
