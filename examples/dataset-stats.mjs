// Dataset statistics of freshly generated dialogues, beside a tiny chat-format corpus: no data files, no network.
// Run: npm run build && node examples/dataset-stats.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalog, corpusStats, DialogueGenerator, readCorpusFile, recordCorpus, syntheticProfiles } from 'icer';

const catalog = builtinCatalog();
const generator = new DialogueGenerator({ seed: 7, catalog });
const icer = await corpusStats(
  recordCorpus(generator.generateMany(syntheticProfiles(catalog, { count: 500, seed: 7 }))),
  {
    name: 'icer',
    catalog,
  },
);

// Any chat JSONL file ({"messages":[{"role","content"}]}) or ReDial file reads the same way.
const dir = mkdtempSync(join(tmpdir(), 'icer-example-'));
const file = join(dir, 'chat.jsonl');
const chat = (...lines) =>
  JSON.stringify({ messages: lines.map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content })) });
writeFileSync(
  file,
  [
    chat('Any thriller for tonight?', 'Have you seen Heat? Michael Mann, great heist.', 'Loved it. Something newer?'),
    chat('I want a comedy.', 'Try The Grand Budapest Hotel.', 'Perfect, thanks!'),
  ].join('\n'),
);
const reference = await corpusStats(
  readCorpusFile(file, (broken) => console.error(broken)),
  {
    name: 'chat',
    reference: true,
    catalog,
  },
);
rmSync(dir, { recursive: true, force: true });

for (const stats of [icer, reference]) {
  console.log(
    `${stats.name.padEnd(5)} ${stats.dialogues} dialogues, ${stats.utterancesPerDialogue.toFixed(1)} utterances each, ` +
      `distinct-2 ${stats.distinct['2'].toFixed(3)}, repeated utterances ${stats.repeatedUtteranceShare.toFixed(3)}` +
      (stats.behaviour ? `, accepted ${(stats.behaviour.outcomes.accepted * 100).toFixed(1)}%` : ''),
  );
}
