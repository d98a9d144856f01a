import { displayTitle, type Item } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';

/**
 * The items of exported dialogues, found in the catalogs they were generated from: each id in the first catalog that
 * has it, so records of a MovieLens run and of the built-in catalog can be exported together.
 */
export class ItemLookup {
  readonly #catalogs: readonly ItemCatalog[];

  /** Looks items up in these catalogs, in order. */
  constructor(catalogs: ItemCatalog | readonly ItemCatalog[]) {
    this.#catalogs = Array.isArray(catalogs) ? catalogs : [catalogs as ItemCatalog];
  }

  /** The catalogs, in the order they are searched. */
  get catalogs(): readonly ItemCatalog[] {
    return this.#catalogs;
  }

  /** The catalog that knows the item, if any does. */
  catalogOf(id: string): ItemCatalog | undefined {
    return this.#catalogs.find((catalog) => catalog.has(id));
  }

  /** The item; `UNKNOWN_ITEM` when no catalog has it. */
  item(id: string): Item {
    const item = this.catalogOf(id)?.get(id);
    if (item) return item;
    throw new IcerError('UNKNOWN_ITEM', `The item "${id}" is in no catalog given.`, {
      hint: 'Give the catalog the dialogues were generated with (icer export: --movielens DIR or --catalog FILE).',
    });
  }

  /** The title people read, with its year when known: "Heat (1995)". */
  title(id: string): string {
    return displayTitle(this.item(id));
  }
}
