// Dialogues for synthetic users of the built-in catalog, with the template verbaliser: no data, model or network.
// Run: npm run build && node examples/generate-dialogues.mjs
import { builtinCatalog, DialogueGenerator, syntheticProfiles } from 'icer';

const catalog = builtinCatalog();
const generator = new DialogueGenerator({ catalog, seed: 7, maxTurns: 16, policy: { style: 'balanced' } });
generator.on('inconsistency', ({ violation }) => console.warn(`inconsistency: ${violation.message}`));
generator.on('progress', ({ completed, total }) => console.log(`… ${completed}/${total} dialogues`));

const users = syntheticProfiles(catalog, { count: 3, seed: 7 });
for await (const record of generator.generateMany(users, { concurrency: 2, total: 3 })) {
  console.log(`\n# ${record.id} — user ${record.user.id}: ${record.outcome.reason}`);
  for (const turn of record.turns) console.log(`${turn.speaker === 'user' ? 'USER' : 'REC '}  ${turn.text}`);
  const hits = record.outcome.heldOutRecommended.map((id) => catalog.require(id).title);
  console.log(`held-out targets recommended: ${hits.length > 0 ? hits.join(', ') : 'none'}`);
}
