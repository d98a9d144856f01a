// CommonJS: the same package through require('icer') (the exports map's "require" condition → dist/index.cjs).
// Dialogues for synthetic users of the built-in catalog, with the template verbaliser: no data, model or network.
// Run: npm run build && node examples/generate-dialogues.cjs
'use strict';
const { builtinCatalog, DialogueGenerator, IcerError, syntheticProfiles } = require('icer');

async function main() {
  const catalog = builtinCatalog();
  const generator = new DialogueGenerator({ catalog, seed: 7, maxTurns: 12 });
  for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 2, seed: 7 }))) {
    console.log(`\n# ${record.id} — user ${record.user.id}: ${record.outcome.reason}`);
    for (const turn of record.turns) console.log(`${turn.speaker === 'user' ? 'USER' : 'REC '}  ${turn.text}`);
  }

  // Errors are IcerErrors with a stable code, in CommonJS too.
  try {
    new DialogueGenerator({ maxturns: 8 });
  } catch (error) {
    if (!IcerError.isInstance(error)) throw error;
    console.log(`\n${error.code}: ${error.message}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
