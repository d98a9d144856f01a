import type { ItemCatalog } from '../catalog/item-catalog.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';
import { catalogIndex, facetsByKind } from './catalog-index.js';

// A tag whose items are of one genre this much more often than the catalog's items at large marks a kind of item
// people choose by ("heist", "talking animals": 0.6 and more); one spread over every genre ("based on a book", "black
// and white", "religion": under 0.2) is a fact of the item that few have a view on.
const KIND_LIFT = 0.6;
// A named maker or performer the user never mentioned ("Any objection to books by Emily Henry?") is one they have a
// view on far less often than a kind of item: asked as often, 99% of the answers were "no strong feelings".
const PERSON_SALIENCE = 0.2;

/**
 * Per attribute id, how likely a user is to have a view on it, from 0 to 1: what a question about it is worth beside
 * what its answer would teach. Genres are 1; makers and performers {@link PERSON_SALIENCE}; a tag is as salient as its
 * items share a genre beyond the catalog's base rate, squared, so that "Any feelings about books about religion?" is
 * seldom asked (it was answered "no strong feelings" nearly every time). A catalog whose genres do not tell its items
 * apart (none, or one that all items have) leaves every tag at 1.
 */
export function questionSalience(catalog: ItemCatalog, genre: Uint8Array): Float64Array {
  const index = catalogIndex(catalog);
  const people = Object.entries(domainPhrasing(catalog).facets)
    .filter(([, facet]) => facet.kind === 'creator' || facet.kind === 'performer')
    .map(([name]) => name);
  const salience = Float64Array.from(index.attributeFacet, (facet) => (people.includes(facet) ? PERSON_SALIENCE : 1));
  const itemCount = index.ids.length;
  // Only a genre some items lack tells kinds apart: in a catalog of dramas, every tag's items are all dramas.
  const telling = Uint8Array.from(genre, (isGenre, id) => {
    const carriers = (index.itemsWithAttribute[id] as Int32Array).length;
    return isGenre === 1 && carriers > 0 && carriers < itemCount ? 1 : 0;
  });
  if (!telling.includes(1)) return salience;
  const tagFacets = facetsByKind(catalog, ['tag']);
  const share = new Float64Array(catalog.attributeKeyCount);
  for (let id = 0; id < salience.length; id++) {
    if (genre[id] === 1 || !tagFacets.includes(index.attributeFacet[id] as string)) continue;
    const items = index.itemsWithAttribute[id] as Int32Array;
    if (items.length === 0) continue;
    const counted: number[] = [];
    for (const position of items) {
      for (const other of index.attributeIds[position] as Int32Array) {
        if (telling[other] !== 1) continue;
        if (share[other] === 0) counted.push(other);
        share[other] = (share[other] as number) + 1;
      }
    }
    let lift = 0;
    for (const other of counted) {
      const base = (index.itemsWithAttribute[other] as Int32Array).length / itemCount;
      lift = Math.max(lift, (share[other] as number) / items.length - base);
      share[other] = 0;
    }
    salience[id] = Math.min(1, lift / KIND_LIFT) ** 2;
  }
  return salience;
}
