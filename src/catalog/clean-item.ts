import { FACET_NAME, type Item, ItemSchema } from './item.js';

// Parsing 10,000 items with zod costs ~80 ms in a fresh process, most of loading MovieLens's catalog; nearly every
// item a loader or a catalog file gives is already in the schema's output form. Anything this does not accept goes
// to the schema, which then decides and words the error, so what is accepted and what each item becomes are the
// schema's (test/catalog/clean-item.property.test.ts holds the two to that).
const ITEM_KEYS: ReadonlySet<string> = new Set(Object.keys(ItemSchema.shape));

const isCleanText = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && value.trim() === value;

const isCleanTexts = (value: unknown): value is string[] => Array.isArray(value) && value.every(isCleanText);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Each key passes `key`, each value `value`; a copy with the keys in their order, or `undefined`. */
function cleanRecord<T>(
  input: unknown,
  key: (name: string) => boolean,
  value: (entry: unknown) => entry is T,
  copy: (entry: T) => T,
): Record<string, T> | undefined {
  if (!isPlainObject(input)) return undefined;
  const output: Record<string, T> = {};
  for (const name of Object.keys(input)) {
    const entry = input[name];
    if (!key(name) || !value(entry)) return undefined;
    output[name] = copy(entry);
  }
  return output;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const same = <T>(value: T): T => value;
const isFacet = (name: string): boolean => FACET_NAME.test(name);

/**
 * The item `ItemSchema` would make of `input`, when `input` is already in that form (strings trimmed, every field
 * present is defined and valid, `attributes` given); otherwise `undefined`, and the caller parses it with the schema.
 * A copy: changing `input` later does not change the item.
 */
export function cleanItem(input: unknown): Item | undefined {
  if (!isPlainObject(input)) return undefined;
  for (const name of Object.keys(input)) if (!ITEM_KEYS.has(name) || input[name] === undefined) return undefined;
  const { id, title, year, aliases, popularity, quality, externalIds, attributes } = input;
  if (!isCleanText(id) || !isCleanText(title)) return undefined;
  if (year !== undefined && !(Number.isInteger(year) && (year as number) >= 1000 && (year as number) <= 9999))
    return undefined;
  if (aliases !== undefined && !isCleanTexts(aliases)) return undefined;
  if (popularity !== undefined && !(Number.isFinite(popularity) && (popularity as number) >= 0)) return undefined;
  if (quality !== undefined && !(typeof quality === 'number' && quality >= 0 && quality <= 1)) return undefined;
  const ids = externalIds === undefined ? undefined : cleanRecord(externalIds, isText, isText, same);
  if (externalIds !== undefined && ids === undefined) return undefined;
  const values = cleanRecord(attributes, isFacet, isCleanTexts, (list) => list.slice());
  if (values === undefined) return undefined;
  // In the schema's key order, as the schema writes them.
  const item = { id, title } as Item;
  if (year !== undefined) item.year = year as number;
  if (aliases !== undefined) item.aliases = aliases.slice();
  if (popularity !== undefined) item.popularity = popularity as number;
  if (quality !== undefined) item.quality = quality;
  if (ids !== undefined) item.externalIds = ids;
  item.attributes = values;
  return item;
}
