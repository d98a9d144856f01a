import type { Item } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { perItem } from '../catalog/per-item.js';
import { isWellKnown } from '../catalog/well-known.js';
import { COMMON_WORDS } from './common-words.js';

// Titles of fewer words are said whole: "Mad Max: Fury Road", "Avengers: Endgame", "Batman: Year One".
const MIN_WORDS = 5;
const MIN_WORD_LENGTH = 6;
// "SPQR" is said as it is written.
const ACRONYM = /^\p{Lu}{3,}$/u;
// "Terminator 2", "Star Trek II", "Maus I": a numbered part is named by its number.
const NUMBERED = /\s(?:\d+|[IVX]+)$/;

// "Star Trek: The Motion Picture" is not "The Motion Picture", nor "Deathly Hallows: Part 1" "Part 1".
const GENERIC = /^(?:the )?(?:movie|motion picture|film)$|^(?:part|vol\.?|volume|chapter|book|episode) \S+$/i;

const seriesByCatalog = new WeakMap<ItemCatalog, ReadonlyMap<string, readonly Item[]>>();

/** The items of each part before a title's colon: "Star Wars", "The Lord of the Rings", "Die Hard". */
function seriesOf(catalog: ItemCatalog): ReadonlyMap<string, readonly Item[]> {
  let series = seriesByCatalog.get(catalog);
  if (!series) {
    const parts = new Map<string, Item[]>();
    for (const item of catalog) {
      const at = item.title.indexOf(': ');
      if (at < 0) continue;
      const prefix = item.title.slice(0, at);
      const list = parts.get(prefix);
      if (list) list.push(item);
      else parts.set(prefix, [item]);
    }
    series = parts;
    seriesByCatalog.set(catalog, series);
  }
  return series;
}

/**
 * The items whose title is this one's, a colon and more ("The Lord of the Rings: The Two Towers" for The Lord of the
 * Rings of 1978, "Die Hard: With a Vengeance" for Die Hard).
 */
export function titledAfter(item: Item, catalog: ItemCatalog): readonly Item[] {
  return seriesOf(catalog).get(item.title) ?? [];
}

// How well known (relative renown, 0–1) one of a series must be for the part after its colon to name it.
const KNOWN_SERIES = 0.4;

/** Whether a short form can stand for the item: words people say, naming no other item of the catalog. */
function sayable(short: string, item: Item, catalog: ItemCatalog): boolean {
  // "2.0 You Can (Not) Advance" is no name anyone says, and a short single word ("Henry", "Waco") reads as a word or
  // a person rather than a title.
  if (!/^\p{L}/u.test(short) || short.includes('(') || GENERIC.test(short)) return false;
  const word = !short.includes(' ');
  if (word && ((short.length < MIN_WORD_LENGTH && !ACRONYM.test(short)) || COMMON_WORDS.has(short.toLowerCase())))
    return false;
  return catalog.findByTitle(short).every((other) => other.id === item.id);
}

/**
 * What people call an item with a long title in two parts once it has come up: the part after the colon for one of
 * a well-known series ("A New Hope" for Star Wars: Episode IV - A New Hope, "The Fellowship of the Ring"), the part before it
 * otherwise ("Sapiens", "Interview with the Vampire", "Dr. Strangelove", "Terminator 2"). Undefined for a title said
 * whole: short, in one part, or whose short form would be a number, an everyday word or another item's title.
 */
export const spokenTitle = perItem((item: Item, catalog: ItemCatalog): string | undefined => {
  const { title } = item;
  const at = title.indexOf(': ');
  if (at < 0 || title.split(' ').filter((word) => /\p{L}|\d/u.test(word)).length < MIN_WORDS) return undefined;
  const before = title.slice(0, at).replace(/ or$/, '');
  const after = title.slice(at + 2);
  const series = !NUMBERED.test(before) && (seriesOf(catalog).get(title.slice(0, at))?.length ?? 0) > 1;
  // Only of a series people know is the part after the colon a name: "The First Avenger", but not "The Journey
  // Begins" (Mortal Kombat), "Planet of the Dead" (Doctor Who), which are said whole.
  if (series && !isWellKnown(catalog, item.id, KNOWN_SERIES)) return undefined;
  // "Episode IV - A New Hope", "Impossible - Dead Reckoning Part One": the name comes after the dash.
  const dash = after.lastIndexOf(' - ');
  const short = !series ? before : dash < 0 ? after : after.slice(dash + 3);
  return sayable(short, item, catalog) ? short : undefined;
});
