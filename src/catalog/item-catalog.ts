import { z } from 'zod';
import { IcerError } from '../errors.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { parseOptions } from '../validation/parse-options.js';
import { cleanItem } from './clean-item.js';
import { type AttributeKey, attributeKey, type Item, type ItemInput, ItemSchema, parseAttributeKey } from './item.js';
import { normalizeTitle, splitYear } from './title.js';

/** One entry of a catalog's attribute vocabulary. */
export interface AttributeCount {
  /** `facet:value`, e.g. `genre:Horror`. */
  key: AttributeKey;
  /** The facet, e.g. `genre`. */
  facet: string;
  /** The value, e.g. `Horror`. */
  value: string;
  /** How many items carry it. */
  count: number;
}

/** Options of {@link ItemCatalog}. Unknown keys are refused, so that a misspelt option is never ignored. */
export const ItemCatalogOptionsSchema = z.strictObject({
  /** Where the items came from (a file path), used in error messages. */
  source: z.string().optional(),
  /**
   * The catalog's domain, e.g. `movies`.
   * @default 'items'
   */
  domain: z.string().min(1).default('items'),
  /**
   * How dialogues about these items are worded (the item noun, the verb of consuming one, how facets are named), as
   * plain data in the shape of `DomainPhrasingSchema` (see docs/domains.md); checked when the first dialogue is
   * worded. Without it, the built-in phrasing of `domain` (`movies`, `books`), else neutral wording.
   */
  phrasing: z.record(z.string(), z.unknown()).optional(),
});
/** Options of {@link ItemCatalog}. */
export type ItemCatalogOptions = z.input<typeof ItemCatalogOptionsSchema>;

/** Options of {@link ItemCatalog.vocabulary}. Unknown keys are refused. */
export const VocabularyOptionsSchema = z.strictObject({
  /** Only this facet, e.g. `genre`. */
  facet: z.string().optional(),
  /**
   * Only attributes carried by at least this many items.
   * @default 1
   */
  minCount: z.number().int().min(0).default(1),
});
/** Options of {@link ItemCatalog.vocabulary}. */
export type VocabularyOptions = z.input<typeof VocabularyOptionsSchema>;

const EMPTY: readonly Item[] = Object.freeze([]);
const EMPTY_KEYS: readonly AttributeKey[] = Object.freeze([]);
const EMPTY_IDS = new Int32Array(0);

/**
 * An immutable, validated set of items with lookups by id, by title (forgiving of case, punctuation, articles and
 * a trailing year) and by attribute, and an attribute vocabulary with counts.
 *
 * @example
 * ```ts
 * const catalog = new ItemCatalog([
 *   { id: 'm1', title: 'The Matrix', year: 1999, attributes: { genre: ['Action', 'Sci-Fi'] } },
 * ]);
 * catalog.findByTitle('Matrix, The (1999)'); // [the item]
 * catalog.withAttribute('genre:Sci-Fi');     // [the item]
 * ```
 */
export class ItemCatalog implements Iterable<Item> {
  /** The catalog's domain, e.g. `movies`. */
  readonly domain: string;
  /** Where the items came from, when known. */
  readonly source: string | undefined;
  /** The wording supplied for this catalog's domain, as plain data (see `DomainPhrasingSchema`), when any. */
  readonly phrasing: Readonly<Record<string, unknown>> | undefined;
  readonly #byId = new Map<string, Item>();
  // Normalised title (and alias) → items; several items may share a title (remakes), told apart by year.
  readonly #byTitle = new Map<string, Item[]>();
  readonly #byAttribute = new Map<AttributeKey, Item[]>();
  // Each item's attribute keys, built once: profile builders ask for them for every rating of every user.
  readonly #keysById = new Map<string, readonly AttributeKey[]>();
  // Dense ids for attribute keys, so hot loops can accumulate into typed arrays instead of string-keyed maps.
  readonly #attributeIds = new Map<AttributeKey, number>();
  readonly #attributeKeys: AttributeKey[] = [];
  readonly #attributeIdsById = new Map<string, Int32Array>();
  // A facet's value is one attribute however it is capitalised, kept as first spelt: "Horror" on one item and "horror"
  // on another would be two attributes worded alike, one a user could love while hating the other, and an item
  // listing both would say it twice. Lower-cased key → the key as spelt.
  readonly #spellings = new Map<string, AttributeKey>();
  // Built on first use: most callers never ask for the vocabulary or popularity order.
  #vocabulary: AttributeCount[] | undefined;
  #byPopularity: Item[] | undefined;
  #maxPopularity: number | undefined;

  /**
   * Validates every item; throws an {@link IcerError} naming the item's index and field on the first invalid one,
   * and `DUPLICATE_ITEM_ID` when two items share an id. A facet's values that differ only in case are one attribute,
   * spelt as the catalog first met it (`Horror` on one item and `horror` on another are both `genre:Horror`), and an
   * item lists each of its attributes once.
   */
  constructor(items: Iterable<ItemInput>, options: ItemCatalogOptions = {}) {
    const { domain, source, phrasing } = parseOptions(ItemCatalogOptionsSchema, options, 'ItemCatalog');
    this.domain = domain;
    this.source = source;
    this.phrasing = phrasing;
    let index = 0;
    for (const input of items) {
      this.#add(this.#validate(input, index), index);
      index++;
    }
  }

  #validate(input: ItemInput, index: number): Item {
    const clean = cleanItem(input);
    if (clean !== undefined) return clean;
    const parsed = ItemSchema.safeParse(input);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const described = describeZodIssue(issue, `items[${index}]`);
    throw new IcerError('INVALID_CATALOG', `Item ${index} is invalid: ${described.message}.`, {
      location: { file: this.source, field: described.path },
      hint: 'Fix that item (see the Item schema in the icer docs) and load again.',
    });
  }

  #add(item: Item, index: number): void {
    const existing = this.#byId.get(item.id);
    if (existing) {
      throw new IcerError(
        'DUPLICATE_ITEM_ID',
        `Item id "${item.id}" is used twice ("${existing.title}" and "${item.title}").`,
        {
          location: { file: this.source, field: `items[${index}].id` },
          hint: 'Give every item a unique id.',
        },
      );
    }
    this.#byId.set(item.id, item);
    this.#addTitle(item.title, item);
    for (const alias of item.aliases ?? []) this.#addTitle(alias, item);
    const keys: AttributeKey[] = [];
    const ids: number[] = [];
    for (const [facet, values] of Object.entries(item.attributes)) {
      const kept: string[] = [];
      for (const value of values) {
        const given = attributeKey(facet, value);
        const folded = given.toLowerCase();
        const key = this.#spellings.get(folded) ?? given;
        let id = this.#attributeIds.get(key);
        if (id === undefined) {
          id = this.#attributeKeys.length;
          this.#spellings.set(folded, key);
          this.#attributeIds.set(key, id);
          this.#attributeKeys.push(key);
          this.#byAttribute.set(key, [item]);
        } else if (ids.includes(id)) {
          continue;
        } else {
          (this.#byAttribute.get(key) as Item[]).push(item);
        }
        keys.push(key);
        ids.push(id);
        kept.push(key.slice(facet.length + 1));
      }
      // The item is this catalog's own copy: it says each of its attributes once, as the catalog spells it.
      if (kept.length !== values.length || kept.some((value, at) => value !== values[at]))
        item.attributes[facet] = kept;
    }
    this.#keysById.set(item.id, Object.freeze(keys));
    this.#attributeIdsById.set(item.id, Int32Array.from(ids));
  }

  #addTitle(name: string, item: Item): void {
    const key = normalizeTitle(name);
    if (key === '') return;
    const list = this.#byTitle.get(key);
    if (!list) this.#byTitle.set(key, [item]);
    else if (!list.includes(item)) list.push(item);
  }

  /** Number of items. */
  get size(): number {
    return this.#byId.size;
  }

  /** Items in insertion order. */
  [Symbol.iterator](): Iterator<Item> {
    return this.#byId.values();
  }

  /** All items, in insertion order. */
  items(): Item[] {
    return [...this.#byId.values()];
  }

  /** All item ids, in insertion order. */
  ids(): string[] {
    return [...this.#byId.keys()];
  }

  /** True when an item has this id. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** The item with this id, or `undefined`. */
  get(id: string): Item | undefined {
    return this.#byId.get(id);
  }

  /** The item with this id; throws `UNKNOWN_ITEM` when there is none. */
  require(id: string): Item {
    const item = this.#byId.get(id);
    if (!item) {
      throw new IcerError(
        'UNKNOWN_ITEM',
        `No item with id "${id}" in the catalog${this.source ? ` (${this.source})` : ''}.`,
        {
          hint: 'Check the id, or look the item up by title with findByTitle().',
        },
      );
    }
    return item;
  }

  /**
   * Items whose title or alias matches, ignoring case, accents, punctuation and articles. A trailing year
   * ("Heat (1995)") narrows the result to that year when any candidate has it.
   */
  findByTitle(title: string): Item[] {
    const candidates = this.#byTitle.get(normalizeTitle(title)) ?? EMPTY;
    const { year } = splitYear(title);
    if (year === undefined) return candidates.slice();
    const sameYear = candidates.filter((item) => item.year === year);
    return sameYear.length > 0 ? sameYear : candidates.slice();
  }

  /**
   * The one item a title names; throws `UNKNOWN_TITLE` when none or several match, listing them so the caller can
   * add a year or use an id.
   */
  resolveTitle(title: string): Item {
    const found = this.findByTitle(title);
    if (found.length === 1) return found[0] as Item;
    if (found.length === 0) {
      throw new IcerError('UNKNOWN_TITLE', `No item titled "${title}" in the catalog.`, {
        hint: 'Check the spelling, or use the item id.',
      });
    }
    const options = found.map((item) => `"${item.title}"${item.year ? ` (${item.year})` : ''} [id ${item.id}]`);
    throw new IcerError('UNKNOWN_TITLE', `The title "${title}" matches ${found.length} items: ${options.join(', ')}.`, {
      hint: 'Add the year, e.g. "Title (1999)", or use the item id.',
    });
  }

  /** The distinct attribute keys of an item (`genre:Action`, `tag:heist`, …); empty for an unknown id. */
  attributeKeysOf(id: string): readonly AttributeKey[] {
    return this.#keysById.get(id) ?? EMPTY_KEYS;
  }

  /**
   * The `limit` most popular items, most popular first; all items, in catalog order, when no item has a
   * popularity.
   */
  mostPopular(limit: number): Item[] {
    this.#byPopularity ??= [...this.#byId.values()]
      .filter((item) => item.popularity !== undefined)
      .sort((a, b) => (b.popularity as number) - (a.popularity as number));
    return this.#byPopularity.length === 0 ? this.items().slice(0, limit) : this.#byPopularity.slice(0, limit);
  }

  /** Popularity in [0, 1] relative to the most popular item (0 when the catalog has no popularity). */
  relativePopularity(id: string): number {
    const most = this.#mostPopularity();
    return most === 0 ? 0 : (this.#byId.get(id)?.popularity ?? 0) / most;
  }

  /**
   * How well known an item is, in [0, 1]: log(1 + popularity) relative to the most popular item's (0 when the
   * catalog has no popularity). One rater against none is a step, as 100 against 10 is: a title nobody has heard
   * of stands apart from a cult one, as a cult one does from a blockbuster.
   */
  relativeRenown(id: string): number {
    const most = Math.log1p(this.#mostPopularity());
    return most === 0 ? 0 : Math.log1p(this.#byId.get(id)?.popularity ?? 0) / most;
  }

  #mostPopularity(): number {
    this.#maxPopularity ??= this.mostPopular(1)[0]?.popularity ?? 0;
    return this.#maxPopularity;
  }

  /** Number of distinct attribute keys; dense attribute ids run from 0 to this minus one. */
  get attributeKeyCount(): number {
    return this.#attributeKeys.length;
  }

  /**
   * The dense ids of an item's attribute keys (see {@link ItemCatalog.attributeKeyAt}); empty for an unknown id.
   * For hot loops that score many items: index a typed array by these instead of hashing key strings.
   */
  attributeIdsOf(id: string): Int32Array {
    return this.#attributeIdsById.get(id) ?? EMPTY_IDS;
  }

  /** The attribute key with a dense id. */
  attributeKeyAt(id: number): AttributeKey {
    const key = this.#attributeKeys[id];
    if (key === undefined) throw new IcerError('INVALID_ARGUMENT', `No attribute has the id ${id}.`);
    return key;
  }

  /** The dense id of an attribute key, or `undefined` when no item carries it. */
  attributeIdOf(key: string): number | undefined {
    return this.#attributeIds.get(key as AttributeKey);
  }

  /** Items carrying an attribute key such as `genre:Horror`. */
  withAttribute(key: string): Item[] {
    return (this.#byAttribute.get(key as AttributeKey) ?? EMPTY).slice();
  }

  /** How many items carry an attribute key. */
  attributeCount(key: string): number {
    return this.#byAttribute.get(key as AttributeKey)?.length ?? 0;
  }

  /** True when the item carries the attribute key (`carries('heat-1995', 'genre:Crime')`); false for unknown ids and keys. */
  carries(id: string, key: string): boolean {
    const attribute = this.attributeIdOf(key);
    return attribute !== undefined && this.attributeIdsOf(id).includes(attribute);
  }

  /** True when at least one item carries the attribute key. */
  hasAttribute(key: string): boolean {
    return this.#byAttribute.has(key as AttributeKey);
  }

  /** The facets present in the catalog, sorted. */
  facets(): string[] {
    const facets = new Set<string>();
    for (const key of this.#byAttribute.keys()) facets.add(parseAttributeKey(key)?.facet ?? '');
    return [...facets].sort();
  }

  /** Attributes with the number of items carrying each, most common first (ties by key). */
  vocabulary(options: VocabularyOptions = {}): AttributeCount[] {
    const wanted = parseOptions(VocabularyOptionsSchema, options, 'ItemCatalog.vocabulary');
    this.#vocabulary ??= [...this.#byAttribute.entries()]
      .map(([key, items]) => {
        const { facet, value } = parseAttributeKey(key) as { facet: string; value: string };
        return { key, facet, value, count: items.length };
      })
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.#vocabulary
      .filter((entry) => entry.count >= wanted.minCount && (wanted.facet === undefined || entry.facet === wanted.facet))
      .map((entry) => ({ ...entry }));
  }

  /**
   * Resolves a user-written attribute to a key: `genre:Horror` as is (if present), or a bare value such as
   * `Horror` when exactly one facet has it (case-insensitive). Throws `UNKNOWN_ATTRIBUTE` otherwise.
   */
  resolveAttribute(name: string): AttributeKey {
    if (this.#byAttribute.has(name as AttributeKey)) return name as AttributeKey;
    const parsed = parseAttributeKey(name);
    const wanted = (parsed && this.facets().includes(parsed.facet) ? parsed.value : name).toLowerCase();
    const facet = parsed && this.facets().includes(parsed.facet) ? parsed.facet : undefined;
    const matches = [...this.#byAttribute.keys()].filter((key) => {
      const p = parseAttributeKey(key);
      return p !== undefined && p.value.toLowerCase() === wanted && (facet === undefined || p.facet === facet);
    });
    if (matches.length === 1) return matches[0] as AttributeKey;
    if (matches.length === 0) {
      throw new IcerError('UNKNOWN_ATTRIBUTE', `No item in the catalog has the attribute "${name}".`, {
        hint: `Use a key of the form facet:value from the catalog's vocabulary (facets: ${this.facets().join(', ')}).`,
      });
    }
    throw new IcerError('UNKNOWN_ATTRIBUTE', `The attribute "${name}" is ambiguous: ${matches.join(', ')}.`, {
      hint: 'Write it as facet:value.',
    });
  }

  /** The items as plain JSON-ready objects (the `items` of the JSON catalog format). */
  toJSON(): Item[] {
    return this.items();
  }
}
