import { parseAttributeKey } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { facetPhrasing } from '../lexicon/attribute-phrases.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';
import { catalogIndex, WELL_TAGGED } from './catalog-index.js';

function tagCount(catalog: ItemCatalog, item: string, facet: string): number {
  const prefix = `${facet}:`;
  let count = 0;
  for (const key of catalog.attributeKeysOf(item)) if (key.startsWith(prefix)) count++;
  return count;
}

/**
 * Whether an item evidently lacks an attribute: it does not carry it, and its data would show it if it did. A genre,
 * a maker, a cast, a series is listed for what it is. A tag is open-ended, and is missing as often as not where tags
 * come from whoever cared to give one: in MovieLens most films have none, and the best tagged still miss what they
 * plainly are (The Empire Strikes Back is no "Star Wars", Saw has no "twist ending"). So a tag is evidently lacking
 * only in a catalog that describes its items with tags, most of them well tagged (see {@link WELL_TAGGED}), and of
 * an item that is: "Dune is all right, but I'd enjoy space movies" is not said of a Dune its data leaves untagged.
 */
export function lacksEvidently(catalog: ItemCatalog, item: string, key: string): boolean {
  if (catalog.carries(item, key)) return false;
  const facet = parseAttributeKey(key)?.facet;
  if (facet === undefined || facetPhrasing(facet, domainPhrasing(catalog))?.kind !== 'tag') return true;
  return catalogIndex(catalog).describedTags.has(facet) && tagCount(catalog, item, facet) >= WELL_TAGGED;
}
