// A new domain from a file: a small music catalog (examples/data/albums.json, written for this example) in icer's
// JSON catalog format, with a `phrasing` that says how to talk about it — albums you listen to, by artists, in genres
// and moods. Dialogues for a hand-written listener and synthetic ones come out worded for music, not movies.
// Run: npm run build && node examples/new-domain.mjs
//      or deno run --allow-read examples/new-domain.mjs, or bun examples/new-domain.mjs
import { fileURLToPath } from 'node:url';
import { DialogueGenerator, loadCatalogJson, profileFromSpec, syntheticProfiles } from 'icer';

const catalog = await loadCatalogJson(fileURLToPath(new URL('./data/albums.json', import.meta.url)));
console.log(`${catalog.domain}: ${catalog.size} albums; facets ${catalog.facets().join(', ')}`);

// Titles and attribute names resolve through the catalog, as for films.
const mia = profileFromSpec(
  {
    id: 'mia',
    liked: ['Kind of Blue', 'Pink Moon'],
    disliked: ['Nevermind'],
    affinities: { Jazz: 0.8, intense: -0.6 },
  },
  catalog,
);
const generator = new DialogueGenerator({ catalog, seed: 3, maxTurns: 12 });
const record = await generator.generate(mia);
for (const turn of record.turns) console.log(`${turn.speaker.padEnd(9)} ${turn.text}`);
const accepted = record.outcome.accepted && catalog.require(record.outcome.accepted).title;
console.log(`→ ${record.domain}: ${record.outcome.reason}${accepted ? ` (${accepted})` : ''}`);

// A batch of synthetic listeners: how much of the wording is about albums, and not one violation.
let turns = 0;
let albumWords = 0;
let violations = 0;
for await (const dialogue of generator.generateMany(syntheticProfiles(catalog, { count: 50, seed: 3 }))) {
  for (const turn of dialogue.turns) {
    turns++;
    if (/\b(album|record|listen)/i.test(turn.text)) albumWords++;
    if (/\b(movie|film|watch)/i.test(turn.text)) console.log(`  film wording in ${dialogue.id}: ${turn.text}`);
  }
  violations += dialogue.consistency.violations.length;
}
console.log(`50 dialogues, ${turns} turns, ${albumWords} of them say album/record/listen, ${violations} violations`);
