import type { Item } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { perItem } from '../catalog/per-item.js';
import { catalogIndex } from './catalog-index.js';
import { titleSeries } from './title-series.js';

// The facet that names a series of volumes read or watched in order (books: "A Song of Ice and Fire").
const SERIES_FACET = 'series';

const runsByCatalog = new WeakMap<ItemCatalog, readonly (readonly number[])[]>();

/**
 * Each series of a catalog as catalog positions, its volumes in order of their years (catalog order for a tie or an
 * unknown year): the catalog's `series` facet, or for a catalog without one, the series its titles show (see
 * `titleSeries`) unless `fromTitles` is false.
 */
export function seriesRuns(catalog: ItemCatalog, fromTitles = true): readonly (readonly number[])[] {
  const index = catalogIndex(catalog);
  const volumes = index.byFacet.get(SERIES_FACET);
  if (!volumes && !fromTitles) return [];
  let runs = runsByCatalog.get(catalog);
  if (!runs) {
    const year = (position: number) => index.years[position] as number;
    runs = volumes
      ? volumes.map(({ id }) =>
          [...(index.itemsWithAttribute[id] as Int32Array)].sort((a, b) =>
            year(a) < year(b) ? -1 : year(a) > year(b) ? 1 : a - b,
          ),
        )
      : titleSeries(catalog);
    runsByCatalog.set(catalog, runs);
  }
  return runs;
}

/**
 * The other items of an item's series ("The Empire Strikes Back" and "Return of the Jedi" for A New Hope), by id;
 * empty for an item of none.
 */
export const seriesMates = perItem((item: Item, catalog: ItemCatalog): readonly string[] => {
  const index = catalogIndex(catalog);
  const position = index.position.get(item.id);
  const mates = new Set<string>();
  for (const run of seriesRuns(catalog))
    if (run.includes(position as number))
      for (const other of run) if (other !== position) mates.add(index.ids[other] as string);
  return [...mates];
});
