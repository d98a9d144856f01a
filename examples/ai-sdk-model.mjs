// A language model through the Vercel AI SDK (`icer/ai`): an OpenAI-compatible server (Ollama, vLLM, LM Studio,
// llama.cpp, a hosted API) words whole dialogues in one structured call each, every utterance is checked against its
// acts, and a response cache makes a second run free and byte-identical.
//
// Point it at a server:  ICER_BASE_URL=http://127.0.0.1:11434/v1 ICER_MODEL=llama3.1 node examples/ai-sdk-model.mjs
// Without ICER_BASE_URL it starts a tiny local stand-in that answers with the template drafts, so it runs offline.
// Needs `npm install ai @ai-sdk/openai-compatible` beside icer.

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalog, DialogueGenerator, syntheticProfiles } from 'icer';
import { aiSdkAdapter, openAICompatibleModel } from 'icer/ai';

// The stand-in: an OpenAI-compatible endpoint on 127.0.0.1 that "rewords" by returning the drafts it finds in the
// request's data block (a real model reads the whole prompt).
async function standIn() {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const messages = JSON.parse(raw).messages;
      const prompt = messages[messages.length - 1].content;
      const data = JSON.parse(prompt.slice(prompt.indexOf('<icer-data>\n') + 12, prompt.lastIndexOf('\n</icer-data>')));
      const content = data.turns ? JSON.stringify({ utterances: data.turns.map((turn) => turn.draft) }) : data.draft;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          id: 'stand-in',
          object: 'chat.completion',
          created: 0,
          model: 'stand-in',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: Math.ceil(prompt.length / 4), completion_tokens: Math.ceil(content.length / 4) },
        }),
      );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/v1`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const local = process.env.ICER_BASE_URL ? undefined : await standIn();
const cacheDir = await mkdtemp(join(tmpdir(), 'icer-example-cache-'));
try {
  const model = await openAICompatibleModel({
    baseURL: process.env.ICER_BASE_URL ?? local.url,
    model: process.env.ICER_MODEL ?? 'stand-in',
    ...(process.env.ICER_API_KEY ? { apiKey: process.env.ICER_API_KEY } : {}),
  });
  const catalog = builtinCatalog();
  // Twice over the same cache: the second run makes no calls and writes the same records.
  const runs = [];
  for (const run of ['first', 'second']) {
    const adapter = aiSdkAdapter({ model, cache: cacheDir });
    const generator = new DialogueGenerator({ catalog, adapter, mode: 'dialogue', seed: 3, maxTurns: 10 });
    const records = [];
    for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 4, seed: 3 }), {
      concurrency: 2,
    }))
      records.push(record);
    runs.push(records.map((record) => JSON.stringify(record)).join('\n'));
    const { calls, cacheHits, inputTokens, outputTokens } = adapter.stats;
    const repairs = records.reduce((sum, record) => sum + record.consistency.repairs, 0);
    console.log(
      `${run} run: ${records.length} dialogues, ${calls} calls, ${cacheHits} cache hits, ${inputTokens}+${outputTokens} tokens spent, ${repairs} repairs`,
    );
    if (run === 'first') for (const turn of records[0].turns) console.log(`  ${turn.speaker.padEnd(9)} ${turn.text}`);
  }
  console.log(`the two runs wrote ${runs[0] === runs[1] ? 'identical' : 'DIFFERENT'} records`);
  if (runs[0] !== runs[1]) process.exitCode = 1;
} finally {
  await rm(cacheDir, { recursive: true, force: true });
  await local?.close();
}
