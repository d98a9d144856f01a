import { describe, expect, it } from 'vitest';
import type { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { BUILTIN_CATALOGS } from '../helpers/builtin-catalogs.js';
import { templateDialogues } from '../helpers/template-dialogues.js';

// "Really into musicals!" … "How do you feel about movies with musical numbers?" … "Indifferent to movies with musical
// numbers.": a genre and a tag named after it are one thing to a reader, asked and told once.

/** Pairs found here from the names alone: a tag whose value starts with a genre's first seven letters. */
function pairsOf(catalog: ItemCatalog): Map<string, string[]> {
  const keys = catalog.vocabulary().map(({ key }) => key as string);
  const alike = new Map<string, string[]>();
  for (const genre of keys.filter((key) => key.startsWith('genre:') && key.length >= 'genre:'.length + 7)) {
    const stem = genre.slice(6, 13).toLowerCase();
    for (const tag of keys.filter((key) => key.startsWith('tag:') && key.slice(4).toLowerCase().startsWith(stem))) {
      alike.set(genre, [...(alike.get(genre) ?? []), tag]);
      alike.set(tag, [...(alike.get(tag) ?? []), genre]);
    }
  }
  return alike;
}

describe.each(BUILTIN_CATALOGS)('a genre and its name said otherwise (%s)', (_, load) => {
  it('are asked about once, told once, and avoided together', async () => {
    const catalog = load();
    const alike = pairsOf(catalog);
    expect(alike.size).toBeGreaterThan(0);
    let mentioned = 0;
    const found: string[] = [];
    for (const dialogue of await templateDialogues(catalog, 1500, { userSeed: 9, seed: 9 })) {
      const asked = new Set<string>();
      const told = new Set<string>();
      const avoided = new Set<string>();
      for (const turn of dialogue.turns) {
        for (const act of turn.acts) {
          // "Like The Little Mermaid, but with fewer musical numbers." is answered with no musical.
          if (act.type === 'recommend')
            for (const item of act.items)
              for (const key of avoided)
                if (catalog.carries(item, key)) found.push(`${dialogue.id}: ${item} has ${key}: ${turn.text}`);
          const against =
            (act.type === 'critique' && act.direction === 'less') ||
            (act.type === 'disclose' && act.items.length === 0 && act.polarity === 'negative');
          if (against && act.attribute !== undefined)
            for (const key of [act.attribute, ...(alike.get(act.attribute) ?? [])]) avoided.add(key);
          const key = 'attribute' in act ? act.attribute : undefined;
          if (key === undefined || !alike.has(key)) continue;
          mentioned++;
          const others = alike.get(key) ?? [];
          if (act.type === 'ask-attribute' && others.some((other) => asked.has(other) || told.has(other)))
            found.push(`${dialogue.id}: asked about ${key} after ${others.join()}: ${turn.text}`);
          if (turn.speaker === 'user' && act.type === 'disclose' && others.some((other) => told.has(other)))
            found.push(`${dialogue.id}: told ${key} after ${others.join()}: ${turn.text}`);
          (turn.speaker === 'user' ? told : asked).add(key);
        }
      }
    }
    expect(found).toEqual([]);
    expect(mentioned).toBeGreaterThan(30);
  });
});
