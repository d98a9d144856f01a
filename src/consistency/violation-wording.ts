import { displayTitle } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { Polarity } from '../dialogue/dialogue-acts.js';

/** "Heat (1995)", or the quoted id when the catalog has no such item. */
export function itemLabel(catalog: ItemCatalog, id: string): string {
  const item = catalog.get(id);
  return item ? displayTitle(item) : `"${id}"`;
}

/** Several items joined with "or" (one of them: "Heat (1995) or Heat (1986)") or "and" (all of them). */
export function itemsLabel(catalog: ItemCatalog, ids: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  return ids.map((id) => itemLabel(catalog, id)).join(` ${conjunction} `);
}

/** "Horror (genre)" for `genre:Horror`. */
export function attributeLabel(key: string): string {
  const colon = key.indexOf(':');
  return colon > 0 ? `${key.slice(colon + 1)} (${key.slice(0, colon)})` : key;
}

/** What stating a polarity about an item says: "liked", "disliked", "felt neutral about". */
export function itemOpinionWords(polarity: Polarity): string {
  if (polarity === 'positive') return 'liked';
  if (polarity === 'negative') return 'disliked';
  return 'felt neutral about';
}

/** What stating a polarity about an attribute says: "likes", "dislikes", "has no strong feelings about". */
export function attributeOpinionWords(polarity: Polarity): string {
  if (polarity === 'positive') return 'likes';
  if (polarity === 'negative') return 'dislikes';
  return 'has no strong feelings about';
}
