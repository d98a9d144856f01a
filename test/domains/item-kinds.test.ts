import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';

// Written apart from the templates: how a reader would spot an item whose kind is not named.
const NO_KIND = /\b(a|an) one\b(?!-)/i;

async function texts(catalog: ItemCatalog, count: number): Promise<string[]> {
  const generator = new DialogueGenerator({ catalog, seed: 5 });
  const out: string[] = [];
  for await (const dialogue of generator.generateMany(syntheticProfiles(catalog, { count, seed: 5, minSupport: 2 })))
    for (const turn of dialogue.turns) out.push(turn.text);
  return out;
}

describe('what an item is called', () => {
  it('never calls an item "a one" in a domain with no phrasing, and names its genre instead', async () => {
    const games = new ItemCatalog(
      Array.from({ length: 30 }, (_, i) => ({
        id: `g${i}`,
        title: `Game ${String.fromCharCode(65 + (i % 26))}${i}`,
        year: 1990 + i,
        attributes: {
          genre: [['Strategy', 'Party', 'Abstract'][i % 3] as string],
          designer: [`Designer ${i % 5}`],
          tag: [['cooperative', 'two-player', 'dice'][i % 3] as string],
        },
      })),
      { domain: 'board-games' },
    );
    const said = await texts(games, 60);
    expect(said.filter((text) => NO_KIND.test(text))).toEqual([]);
    expect(said.some((text) => /\b(a|an) (strategy|party|abstract) one\b/.test(text))).toBe(true);
  });

  it('says a book was written, never made, by its author, and agrees the verb with two of them', async () => {
    const said = (await texts(builtinBooksCatalog(), 150)).join('\n');
    expect(said).not.toMatch(/\bmade by\b/);
    expect(said).not.toMatch(/\b\w+ and [A-Z][\w.' -]+ is behind\b/);
    expect(said).toMatch(/\bwritten by\b/);
  });
});
