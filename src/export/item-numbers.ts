import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
import type { ItemLookup } from './item-lookup.js';

// A MovieLens movieId ("2571"): kept, so that the export stays joinable with MovieLens.
const WHOLE_NUMBER = /^(?:0|[1-9]\d{0,14})$/;

/**
 * Whole-number ids for items, for formats that key items by integers (ReDial): an id that is already a whole number
 * (a MovieLens movieId) keeps it; any other id is numbered by its item's place among its catalog's ids in sorted
 * order, from 1, so the same catalog gives the same numbers in every export. Two items that would share a number
 * (records of two catalogs exported together) are refused.
 */
export class ItemNumbers {
  readonly #items: ItemLookup;
  readonly #numbers = new Map<string, number>();
  readonly #owners = new Map<number, string>();
  readonly #places = new WeakMap<ItemCatalog, Map<string, number>>();

  /** Numbers the items these catalogs know. */
  constructor(items: ItemLookup) {
    this.#items = items;
  }

  /** The item's number; `UNKNOWN_ITEM` for an item no catalog has, `INVALID_ARGUMENT` for a number already taken. */
  number(id: string): number {
    const known = this.#numbers.get(id);
    if (known !== undefined) return known;
    const number = WHOLE_NUMBER.test(id) ? Number(id) : this.#place(id);
    const owner = this.#owners.get(number);
    if (owner !== undefined) {
      throw new IcerError('INVALID_ARGUMENT', `The items "${owner}" and "${id}" would both be number ${number}.`, {
        hint: 'Export the dialogues of each catalog on their own.',
      });
    }
    this.#numbers.set(id, number);
    this.#owners.set(number, id);
    return number;
  }

  #place(id: string): number {
    this.#items.item(id);
    const catalog = this.#items.catalogOf(id) as ItemCatalog;
    let places = this.#places.get(catalog);
    if (!places) {
      places = new Map(
        catalog
          .ids()
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
          .map((other, index) => [other, index + 1]),
      );
      this.#places.set(catalog, places);
    }
    return places.get(id) as number;
  }
}
