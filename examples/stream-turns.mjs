// Streaming a run to the console: DialogueGenerator emits a typed event as each dialogue starts, each turn is
// spoken (after its consistency check and any repair) and each dialogue ends, so a UI or a log can follow a batch
// turn by turn instead of waiting for whole records. No data files, no model, no network.
// Run: npm run build && node examples/stream-turns.mjs
//      or deno run --allow-read examples/stream-turns.mjs, or bun examples/stream-turns.mjs
import { builtinCatalog, DialogueGenerator, syntheticProfiles } from 'icer';

const catalog = builtinCatalog();
const generator = new DialogueGenerator({ catalog, seed: 5, maxTurns: 10 });

generator.on('dialogue:start', ({ dialogueId, userId }) => console.log(`\n▶ ${dialogueId} (user ${userId})`));
generator.on('turn', ({ dialogueId, turn }) => {
  const acts = turn.acts.map((act) => act.type).join('+');
  console.log(`  ${dialogueId} #${turn.index} ${turn.speaker.padEnd(9)} ${turn.text}  [${acts}]`);
});
generator.on('inconsistency', ({ dialogueId, violation, repaired }) =>
  console.log(`  ${dialogueId} ! ${violation.rule}${repaired ? ' (repaired)' : ''}: ${violation.message}`),
);
generator.on('dialogue:end', ({ record }) => {
  const accepted = record.outcome.accepted === null ? 'nothing' : catalog.require(record.outcome.accepted).title;
  console.log(`■ ${record.id}: ${record.outcome.reason} (${accepted}), ${record.turns.length} turns`);
});
generator.on('progress', ({ completed, total }) => console.log(`  progress ${completed}/${total}`));

// The records still come out of the iterator, in input order; here the events do all the printing. With a higher
// concurrency the turns of several dialogues interleave: the dialogue id on each line tells them apart.
let count = 0;
for await (const _record of generator.generateMany(syntheticProfiles(catalog, { count: 2, seed: 5 }), {
  concurrency: 1,
  total: 2,
})) {
  count++;
}
console.log(`\n${count} dialogues streamed`);
