// The `icer/ai` entry point in this runtime: import the BUILT package by name, drive a mock AI SDK model that
// rewords each turn's draft (from the prompt's data block), in turn and dialogue mode, and print one JSON line.

import { MockLanguageModelV3 } from 'ai/test';
import { builtinCatalog, DialogueGenerator, syntheticProfile } from 'icer';
import { aiSdkAdapter, PROMPT_VERSION } from 'icer/ai';

const BLOCK = /<icer-data>\n([\s\S]*?)\n<\/icer-data>/;

function reply(text) {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: { inputTokens: { total: 100, noCache: 100 }, outputTokens: { total: 20, text: 20 } },
    warnings: [],
  };
}

const model = new MockLanguageModelV3({
  doGenerate: async ({ prompt }) => {
    const user = prompt
      .filter((m) => m.role === 'user')
      .map((m) => m.content.map((p) => p.text ?? '').join(''))
      .join('\n');
    const data = JSON.parse(BLOCK.exec(user)[1]);
    return reply(data.turns ? JSON.stringify({ utterances: data.turns.map((t) => t.draft) }) : data.draft);
  },
});

const catalog = builtinCatalog();
const profile = syntheticProfile(catalog, 2, { seed: 4 });
const results = {};
for (const mode of ['turn', 'dialogue']) {
  const adapter = aiSdkAdapter({ model, name: 'mock:echo' });
  const record = await new DialogueGenerator({ catalog, adapter, mode, seed: 4, maxTurns: 10 }).generate(profile);
  if (record.consistency.violations.length > 0)
    throw new Error(`${mode}: ${JSON.stringify(record.consistency.violations)}`);
  results[mode] = { turns: record.turns.length, calls: record.generator.calls, lm: record.generator.lm };
}
console.log(JSON.stringify({ promptVersion: PROMPT_VERSION, ...results }));
