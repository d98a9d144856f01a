// Your own catalog in icer's JSON format, and synthetic users drawn from it.
// Run: npm run build && node examples/json-catalog.mjs
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogJson, syntheticProfiles } from 'icer';

const books = ['Dune', 'Emma', 'Dracula', 'Neuromancer', 'Persuasion', 'Frankenstein', 'Foundation', 'Carmilla'];
const genreOf = { Dune: 'sf', Neuromancer: 'sf', Foundation: 'sf', Emma: 'romance', Persuasion: 'romance' };
const document = {
  format: 'icer.catalog',
  version: 1,
  domain: 'books',
  items: books.map((title, i) => ({ id: `b${i}`, title, attributes: { genre: [genreOf[title] ?? 'gothic'] } })),
};
const file = join(mkdtempSync(join(tmpdir(), 'icer-example-')), 'books.json');
writeFileSync(file, JSON.stringify(document, null, 2));

const catalog = await loadCatalogJson(file);
console.log(
  `${catalog.domain}: ${catalog.size} items`,
  catalog
    .vocabulary()
    .map((a) => `${a.key}×${a.count}`)
    .join(' '),
);
for (const reader of syntheticProfiles(catalog, { count: 2, seed: 1, minSupport: 2 })) {
  console.log(reader.id, reader.toText(catalog));
}
