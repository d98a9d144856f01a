// Dialogues exported for other tools: chat fine-tuning JSONL for a recommender and a user simulator, ReDial lines,
// a Hugging Face dataset folder split by user, and DialogueKit JSON. No data files, no network.
// Run: npm run build && node examples/export-dialogues.mjs
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalog, DialogueGenerator, exportDialogues, syntheticProfiles } from 'icer';

const catalog = builtinCatalog();
const records = [];
const generator = new DialogueGenerator({ seed: 7, catalog });
for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 50, seed: 7 }))) {
  records.push(record);
}

const dir = mkdtempSync(join(tmpdir(), 'icer-export-'));
try {
  const runs = [
    { format: 'chat', out: join(dir, 'recommender.jsonl') },
    { format: 'chat', out: join(dir, 'user-simulator.jsonl'), chat: { as: 'user' } },
    { format: 'redial', out: join(dir, 'redial.jsonl') },
    { format: 'hf', out: join(dir, 'dataset'), hf: { split: [0.8, 0.1, 0.1], seed: 1 } },
    { format: 'dialoguekit', out: join(dir, 'dialogues.json') },
  ];
  for (const options of runs) {
    const summary = await exportDialogues(records, { ...options, catalog });
    const splits = summary.splits
      ? ` (${Object.entries(summary.splits)
          .map(([split, { dialogues }]) => `${split} ${dialogues}`)
          .join(', ')})`
      : '';
    console.log(`${options.format.padEnd(11)} ${summary.written} written, ${summary.skipped} skipped${splits}`);
  }
  const [line] = readFileSync(join(dir, 'redial.jsonl'), 'utf8').split('\n');
  const first = JSON.parse(line);
  console.log(`ReDial: "${first.messages.find((message) => message.text.includes('@'))?.text}"`);
  console.log(`        ${JSON.stringify(first.movieMentions)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
