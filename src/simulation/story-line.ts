import type { ItemCatalog } from '../catalog/item-catalog.js';
import { genreStorySide } from '../lexicon/attribute-phrases.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';
import { catalogIndex, facetsByKind } from './catalog-index.js';

// Which side of the line between works that tell a story and those that do not each genre is on, by dense attribute
// id: STORY, FACT (a documentary, a memoir: its words say `tellsStory: false`), EITHER (poetry: `mayTellStory`), or 0
// for no genre.
const STORY = 1;
const FACT = 2;
const EITHER = 4;
const SIDES = { story: STORY, fact: FACT, either: EITHER } as const;
const sides = new WeakMap<ItemCatalog, Uint8Array>();

function sidesOf(catalog: ItemCatalog): Uint8Array {
  let bySide = sides.get(catalog);
  if (bySide) return bySide;
  const index = catalogIndex(catalog);
  const phrasing = domainPhrasing(catalog);
  bySide = new Uint8Array(index.attributeFacet.length);
  for (const facet of facetsByKind(catalog, ['genre']))
    for (const { key, id } of index.byFacet.get(facet) ?? [])
      bySide[id] = SIDES[genreStorySide(key.slice(facet.length + 1), phrasing)];
  sides.set(catalog, bySide);
  return bySide;
}

/**
 * Whether more of a genre keeps to the side of the line between works that tell a story and those that do not that
 * the item is on: "like Spotlight, but more thrilling", not "like March of the Penguins, but more fantastical" nor
 * "like A Raisin in the Sun, but more of a memoir", which ask for another kind of work. A genre that tells no story
 * puts the item on that side, whatever else it has: Shoah's war is its subject, not a war story ("like Shoah, but
 * more romantic" is no wish anyone has), nor is On the Origin of Species a classic novel to be made more adventurous.
 * Poetry goes with the rest: "like Beowulf (a classic), but more fantastical", not "like Duino Elegies, but more
 * adventurous". An item without a genre is on neither side, and keeps to any.
 */
export function keepsStoryLine(catalog: ItemCatalog, item: string, key: string): boolean {
  const index = catalogIndex(catalog);
  const bySide = sidesOf(catalog);
  const position = index.position.get(item);
  const id = catalog.attributeIdOf(key);
  if (position === undefined || id === undefined) return false;
  let itemSides = 0;
  for (const other of index.attributeIds[position] as Int32Array) itemSides |= bySide[other] as number;
  // A genre that may tell a story goes with the title's others: The Iliad, a classic, is one; a book of lyrics is not.
  const side = itemSides & FACT || itemSides & STORY || (itemSides & EITHER ? FACT : 0);
  // Asked for, it is more of a kind of work: "more poetic" of a novel asks for another kind.
  const asked = bySide[id] === STORY ? STORY : FACT;
  return side === 0 || side === asked;
}
