import { type Item, parseAttributeKey } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { facetPhrasing } from '../lexicon/attribute-phrases.js';
import { domainPhrasing, type FacetPhrasing } from '../lexicon/domain-phrasing.js';

/** Per-catalog arrays the simulation scans on every turn, built once so that each dialogue costs only its own work. */
export interface CatalogIndex {
  /** Item ids in catalog order; an item's position indexes the other arrays. */
  ids: readonly string[];
  position: ReadonlyMap<string, number>;
  attributeIds: readonly Int32Array[];
  /** Positions of the items carrying each attribute, by dense attribute id. */
  itemsWithAttribute: readonly Int32Array[];
  /**
   * The utility normaliser per item, computed once: 1 / √(number of attributes), counted without the tags of a
   * sparsely tagged facet (see {@link describedTags}) and at least the typical count of the catalog's items (0 for
   * an item with no attributes). An item of one genre and no tags is no purer a war film than Saving Private Ryan,
   * only less described: MovieLens would otherwise pitch a war film five people rated to every fan of war films.
   */
  inverseRoot: Float64Array;
  /** Release year, NaN when unknown. */
  years: Float64Array;
  /** Popularity relative to the most popular item, in [0, 1]. */
  popularity: Float64Array;
  /** How well known an item is, in [0, 1] (see `ItemCatalog.relativeRenown`). */
  renown: Float64Array;
  /**
   * How far below the mean quality of the catalog's items an item's quality (`Item.quality`) is: negative for the
   * poorly rated, 0 for the rest and for an item without one.
   */
  shortfall: Float64Array;
  facets: ReadonlySet<string>;
  /**
   * The tag facets that describe the catalog's items: most items carry {@link WELL_TAGGED} or more of its tags, as
   * the built-in catalogs' do. MovieLens tags, given by whoever cared to, describe few films, and the best known
   * most.
   */
  describedTags: ReadonlySet<string>;
  /** The facet of each attribute, by dense attribute id. */
  attributeFacet: readonly string[];
  /** Per facet: its attributes, most common first, with their dense ids. */
  byFacet: ReadonlyMap<string, ReadonlyArray<{ key: string; id: number }>>;
}

// How many tags of a facet make an item well tagged: the built-in catalogs give every title three to five, chosen to
// describe it; The Prestige has two in MovieLens ("atmospheric", "enigmatic"), and no "twist ending".
export const WELL_TAGGED = 3;

const cache = new WeakMap<ItemCatalog, CatalogIndex>();

/** The index of a catalog (built on first use; catalogs are immutable, so it never goes stale). */
export function catalogIndex(catalog: ItemCatalog): CatalogIndex {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const items = catalog.items();
  const byFacet = new Map<string, Array<{ key: string; id: number }>>();
  for (const entry of catalog.vocabulary()) {
    const facet = parseAttributeKey(entry.key)?.facet;
    const id = catalog.attributeIdOf(entry.key);
    if (facet === undefined || id === undefined) continue;
    const list = byFacet.get(facet);
    if (list) list.push({ key: entry.key, id });
    else byFacet.set(facet, [{ key: entry.key, id }]);
  }
  const holders: number[][] = Array.from({ length: catalog.attributeKeyCount }, () => []);
  items.forEach((item, position) => {
    for (const id of catalog.attributeIdsOf(item.id)) holders[id]?.push(position);
  });
  const attributeFacet = Array.from(
    { length: catalog.attributeKeyCount },
    (_, id) => parseAttributeKey(catalog.attributeKeyAt(id))?.facet ?? '',
  );
  const attributeIds = items.map((item) => catalog.attributeIdsOf(item.id));
  const phrasing = domainPhrasing(catalog);
  const tagFacets = [...byFacet.keys()].filter((facet) => facetPhrasing(facet, phrasing)?.kind === 'tag');
  const describedTags = tagFacetsDescribing(tagFacets, attributeIds, attributeFacet);
  const index: CatalogIndex = {
    ids: items.map((item) => item.id),
    position: new Map(items.map((item, i) => [item.id, i])),
    attributeIds,
    itemsWithAttribute: holders.map((positions) => Int32Array.from(positions)),
    inverseRoot: inverseRoots(
      attributeIds,
      attributeFacet,
      tagFacets.filter((facet) => !describedTags.has(facet)),
    ),
    years: Float64Array.from(items, (item) => item.year ?? Number.NaN),
    popularity: Float64Array.from(items, (item) => catalog.relativePopularity(item.id)),
    renown: Float64Array.from(items, (item) => catalog.relativeRenown(item.id)),
    shortfall: qualityShortfalls(items),
    facets: new Set(byFacet.keys()),
    describedTags,
    attributeFacet,
    byFacet,
  };
  cache.set(catalog, index);
  return index;
}

function tagFacetsDescribing(
  tagFacets: readonly string[],
  attributeIds: readonly Int32Array[],
  attributeFacet: readonly string[],
): ReadonlySet<string> {
  return new Set(
    tagFacets.filter((facet) => {
      let wellTagged = 0;
      for (const ids of attributeIds) {
        let count = 0;
        for (const id of ids) if (attributeFacet[id] === facet) count++;
        if (count >= WELL_TAGGED) wellTagged++;
      }
      return wellTagged * 2 > attributeIds.length;
    }),
  );
}

function inverseRoots(
  attributeIds: readonly Int32Array[],
  attributeFacet: readonly string[],
  sparseTags: readonly string[],
): Float64Array {
  const counts = attributeIds.map((ids) => {
    let count = 0;
    for (const id of ids) if (!sparseTags.includes(attributeFacet[id] as string)) count++;
    return count;
  });
  const sorted = counts.filter((count) => count > 0).sort((a, b) => a - b);
  const typical = Math.max(1, sorted[Math.floor(sorted.length / 2)] ?? 1);
  return Float64Array.from(attributeIds, (ids, position) =>
    ids.length === 0 ? 0 : 1 / Math.sqrt(Math.max(counts[position] as number, typical)),
  );
}

function qualityShortfalls(items: readonly Item[]): Float64Array {
  let sum = 0;
  let count = 0;
  for (const { quality } of items) {
    if (quality === undefined) continue;
    sum += quality;
    count++;
  }
  const mean = count === 0 ? 0 : sum / count;
  return Float64Array.from(items, ({ quality }) => (quality === undefined ? 0 : Math.min(0, quality - mean)));
}

/** A kind of facet the domain's phrasing names ("genre", "creator", …). */
export type FacetKind = FacetPhrasing['kind'];

/** The catalog's facets of these kinds, kind by kind; all its facets when its phrasing names none of them. */
export function facetsByKind(catalog: ItemCatalog, kinds: readonly FacetKind[]): string[] {
  const phrased = Object.entries(domainPhrasing(catalog).facets);
  const named = kinds.flatMap((kind) => phrased.filter(([, facet]) => facet.kind === kind).map(([name]) => name));
  return named.length > 0 ? named : [...catalogIndex(catalog).facets];
}
