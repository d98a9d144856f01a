// The dataset judge (`icer/ai`): a language model rates a seeded sample of dialogues 1–5 on fluency, naturalness,
// consistency with the hidden profile and factuality, and the report gives each criterion's share rated ≥ 4 with a
// 95% bootstrap interval. Runs offline: the judge here is the AI SDK's mock model, a stand-in that rates by simple
// rules read from the prompt's data block (a real one reads the rubric: pass e.g. openai('gpt-4o-mini') instead).
// Run: npm run build && node examples/judge-dialogues.mjs   (needs `ai` installed beside icer)

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockLanguageModelV3 } from 'ai/test';
import { builtinCatalog, DialogueGenerator, JUDGE_CRITERIA, syntheticProfiles } from 'icer';
import { judgeDialogues } from 'icer/ai';

const catalog = builtinCatalog();
const generator = new DialogueGenerator({ seed: 11, catalog });
const records = [];
for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 40, seed: 11 }))) {
  records.push(record);
}

// The stand-in: fluent always; less natural when two assistant turns open with the same word (a template showing
// through); consistency by whether the user's turns praise a disliked title; and, once, an answer that is not JSON,
// to show the re-ask.
let calls = 0;
const judge = new MockLanguageModelV3({
  doGenerate: async ({ prompt }) => {
    calls++;
    const user = prompt
      .filter((m) => m.role === 'user')
      .map((m) => m.content.map((p) => p.text ?? '').join(''))
      .join('\n');
    const block = user.slice(user.indexOf('<icer-data>\n') + 12, user.indexOf('\n</icer-data>'));
    const { profile, dialogue } = JSON.parse(block);
    const said = (speaker) => dialogue.filter((turn) => turn.speaker === speaker).map((turn) => turn.text);
    const openers = said('assistant').map((text) => text.split(/[\s,.!?]+/)[0].toLowerCase());
    const repeats = openers.length - new Set(openers).size;
    const userTexts = said('user');
    const praisesDisliked = profile.disliked.some((title) =>
      userTexts.some((text) => text.includes(title.replace(/ \(\d{4}\)$/, '')) && /love|great|yes/i.test(text)),
    );
    const rating = (score, rationale) => ({ rationale, score });
    const text =
      calls === 1
        ? 'This conversation is lovely, five stars all round.'
        : JSON.stringify({
            fluency: rating(5, 'Every utterance is well formed.'),
            naturalness: rating(repeats > 0 ? 3 : 4, repeats > 0 ? 'Openings repeat.' : 'Flows sensibly.'),
            consistency: rating(praisesDisliked ? 2 : 5, praisesDisliked ? 'Praises a disliked film.' : 'Fits.'),
            factuality: rating(5, 'Only catalog facts.'),
          });
    return {
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: { total: Math.ceil(user.length / 4) }, outputTokens: { total: 80 } },
      warnings: [],
    };
  },
});

const cache = await mkdtemp(join(tmpdir(), 'icer-judge-cache-'));
try {
  const options = {
    model: judge,
    sample: 25,
    seed: 3,
    cache,
    prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  };
  // onProgress: how far the run has got, e.g. for a progress bar (here, a line per ten dialogues).
  const report = await judgeDialogues(records, {
    ...options,
    onProgress: ({ done, total }) => {
      if (done % 10 === 0 || done === total) console.log(`judged ${done} of ${total}`);
    },
  });
  const { sample, usage } = report;
  console.log(
    `${sample.judged} of ${sample.records} dialogues judged, ${sample.failures} failures (${report.promptVersion})`,
  );
  for (const criterion of JUDGE_CRITERIA) {
    const { share, meanScore } = report.criteria[criterion];
    const [lo, hi] = share.ci.map((x) => `${(x * 100).toFixed(0)}%`);
    console.log(
      `  ${criterion.padEnd(12)} rated ≥ 4: ${(share.mean * 100).toFixed(1)}% (${lo}–${hi})  mean ${meanScore.toFixed(2)}`,
    );
  }
  console.log(
    `  ${usage.calls} calls (${usage.invalidReplies} unusable answer re-asked), cost ${usage.cost.toFixed(5)}`,
  );
  const [first] = report.dialogues;
  console.log(`  ${first.id}: consistency ${first.scores.consistency}, "${first.rationales.consistency}"`);

  // The same run again: every answer comes from the cache, and the report is the same.
  const again = await judgeDialogues(records, options);
  const same = JSON.stringify(again.criteria) === JSON.stringify(report.criteria);
  console.log(
    `re-run: ${again.usage.calls} calls, ${again.usage.cacheHits} cache hits, ${same ? 'same' : 'DIFFERENT'} figures`,
  );
  if (!same || again.usage.calls !== 0) process.exitCode = 1;
} finally {
  await rm(cache, { recursive: true, force: true });
}
