import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { parseCatalogJson } from '../../src/data/catalog-json.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { attributePhrase } from '../../src/lexicon/attribute-phrases.js';
import { domainPhrasing } from '../../src/lexicon/domain-phrasing.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';

// Written here, independently of the lexicon: words that betray a film wording.
const FILM_WORDS =
  /\b(films?|movies?|watch(ed|ing|es)?|cinemas?|directors?|directed|actors?|starring|viewers|caught|popcorn|viewing|screens?|TV|put on|putting on|lights off)\b/i;
// Written here too: a consuming verb that does not fit "Happy ___!" (the neutral "try", a verb with a particle).
const BAD_HAPPY = /\bHappy (trying|\w+ (to|on|at|through))\b/;

const GENRES = ['Fantasy', 'Mystery', 'Romance', 'Horror', 'Science Fiction'];
const AUTHORS = ['Ann Leckie', 'Ursula Le Guin', 'Agatha Christie', 'Jane Austen', 'Mary Shelley', 'Iain Banks'];
const TAGS = ['space', 'magic', 'detective', 'gothic', 'witty', 'epic'];

function books(domain: string, facets: [string, string, string] = ['genre', 'author', 'tag'], phrasing?: object) {
  const items = Array.from({ length: 36 }, (_, i) => ({
    id: `b${i}`,
    title: `Volume ${String.fromCharCode(65 + (i % 26))}${i}`,
    year: 1950 + i,
    popularity: 100 - i,
    attributes: {
      [facets[0]]: [GENRES[i % GENRES.length] as string, ...(i % 4 === 0 ? [GENRES[(i + 2) % 5] as string] : [])],
      [facets[1]]: [AUTHORS[i % AUTHORS.length] as string],
      [facets[2]]: [TAGS[i % TAGS.length] as string, TAGS[(i + 3) % TAGS.length] as string],
    },
  }));
  return new ItemCatalog(items, { domain, ...(phrasing ? { phrasing: phrasing as Record<string, unknown> } : {}) });
}

async function texts(catalog: ItemCatalog, count: number) {
  const profiles = [...syntheticProfiles(catalog, { count, seed: 3, minSupport: 2 })];
  const generator = new DialogueGenerator({ catalog, seed: 11 });
  const out: { text: string; violations: number; asked: string[]; described: string[] }[] = [];
  for await (const dialogue of generator.generateMany(profiles)) {
    const acts = dialogue.turns.flatMap((turn) => turn.acts);
    out.push({
      text: dialogue.turns.map((turn) => turn.text).join('\n'),
      violations: dialogue.consistency.violations.length,
      // The facets asked about, and those an item's description names.
      asked: acts.flatMap((act) => (act.type === 'ask-attribute' ? [act.attribute?.split(':')[0] ?? act.facet] : [])),
      described: acts.flatMap((act) =>
        act.type === 'describe-item' ? act.attributes.map((key) => key.split(':')[0] as string) : [],
      ),
    });
  }
  return out;
}

describe('domain phrasing', () => {
  it('words a books catalog as books: no film words, no violations', async () => {
    const dialogues = await texts(books('books'), 300);
    expect(dialogues.length).toBe(300);
    for (const d of dialogues) {
      expect(d.text).not.toMatch(FILM_WORDS);
      expect(d.text).not.toMatch(BAD_HAPPY);
      expect(d.violations).toBe(0);
    }
    expect(dialogues.some((d) => /\bbooks?\b/.test(d.text))).toBe(true);
    // Authors are to books what directors are to films: asked about, and named when a book is described.
    expect(dialogues.some((d) => d.asked.includes('author'))).toBe(true);
    expect(dialogues.some((d) => d.described.includes('author'))).toBe(true);
  }, 60_000);

  it('words an unknown domain neutrally', async () => {
    const dialogues = await texts(books('podcasts', ['topic', 'host', 'tag']), 100);
    for (const d of dialogues) {
      expect(d.text).not.toMatch(FILM_WORDS);
      expect(d.text).not.toMatch(BAD_HAPPY);
      expect(d.text).not.toMatch(/\bbooks?\b/);
      expect(d.violations).toBe(0);
    }
  }, 60_000);

  it('uses a phrasing supplied with the catalog', async () => {
    const phrasing = {
      noun: { singular: 'podcast', plural: 'podcasts' },
      consume: { base: 'listen to', past: 'listened to', participle: 'listened to', gerund: 'listening to' },
      facets: { host: { kind: 'creator', names: ['hosts'], nouns: ['podcasts hosted by {value}'] } },
    };
    const catalog = books('podcasts', ['topic', 'host', 'tag'], phrasing);
    expect(domainPhrasing(catalog).noun?.plural).toBe('podcasts');
    expect(attributePhrase('host:Ann Leckie', domainPhrasing(catalog)).noun).toBe('podcasts hosted by Ann Leckie');
    const dialogues = await texts(catalog, 60);
    expect(dialogues.some((d) => /\bpodcasts?\b/.test(d.text))).toBe(true);
    for (const d of dialogues) {
      expect(d.text).not.toMatch(FILM_WORDS);
      expect(d.text).not.toMatch(BAD_HAPPY);
    }
  }, 60_000);

  it('reads a phrasing from a JSON catalog and refuses a bad one', () => {
    const doc = {
      format: 'icer.catalog',
      version: 1,
      domain: 'podcasts',
      phrasing: { noun: { singular: 'episode', plural: 'episodes' } },
      items: [{ id: 'p1', title: 'One', attributes: { topic: ['tech'] } }],
    };
    expect(domainPhrasing(parseCatalogJson(JSON.stringify(doc))).noun?.singular).toBe('episode');
    expect(() => parseCatalogJson(JSON.stringify({ ...doc, phrasing: { noun: 'x' } }))).toThrow(/phrasing/);
  });

  it('keeps the movie words for movies and books words for books', () => {
    expect(attributePhrase('director:Christopher Nolan').noun).toBe('films by Christopher Nolan');
    expect(attributePhrase('author:Jane Austen', domainPhrasing('books')).noun).toBe('books by Jane Austen');
    expect(attributePhrase('genre:sf', domainPhrasing('books')).noun).toBe('sf');
  });
});
