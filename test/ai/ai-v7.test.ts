// `ai` 7 is a supported peer, and its packages are installed beside `ai` 6 under aliases (`ai-v7`,
// `@ai-sdk/openai-compatible-v3`). Here every import of `ai` and `@ai-sdk/openai-compatible` made by `src/` resolves
// to the version 7 stack, so the adapter, its structured dialogue mode, its invalid-reply handling, the generator and
// the OpenAI-compatible helper run for real against `ai` 7 — on Node 20, although `ai` 7 declares Node 22, since
// nothing it uses here needs more. Its models speak the v4 model interface, which `ai` 6 refuses, so a mock that did
// not take effect would fail these tests rather than quietly test version 6.
import { MockLanguageModelV3, MockLanguageModelV4 } from 'ai-v7/test';
import { describe, expect, it, vi } from 'vitest';
import { aiSdkAdapter, openAICompatibleModel } from '../../src/ai/index.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { type DialogueRecord, DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { type ChatCompletionRequestBody, useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { honestAnswer, reply, userMessage } from './mock-model.js';

vi.mock('ai', async () => await import('ai-v7'));
vi.mock('@ai-sdk/openai-compatible', async () => await import('@ai-sdk/openai-compatible-v3'));

const catalog = builtinCatalog();
type Options = Parameters<MockLanguageModelV4['doGenerate']>[0];
type Model = Parameters<typeof aiSdkAdapter>[0]['model'];

/** A v4 mock model answering each call with `answer(prompt, call)`, reporting 10 input and 2 output tokens. */
function v4Model(answer: (prompt: string, call: number) => string) {
  let call = 0;
  const model = new MockLanguageModelV4({
    // The same response shape as `ai` 6's v3 models.
    doGenerate: async (options: Options) => reply(answer(userMessage(options as never), call++), 10, 2) as never,
  });
  // Typed against `ai` 6, which this project compiles with; a user on `ai` 7 gets its types from their `ai`.
  return model as unknown as Model;
}

const dialogueRequest = () => ({
  turns: [
    { index: 0, speaker: 'assistant' as const, acts: [{ type: 'greet' as const, items: [] }] },
    {
      index: 1,
      speaker: 'user' as const,
      acts: [
        {
          type: 'disclose' as const,
          items: [],
          attribute: 'genre:Comedy',
          polarity: 'positive' as const,
          strength: 0.9,
        },
      ],
    },
  ],
  catalog,
  random: new SeededRandom(1),
});

describe('aiSdkAdapter on ai 7', () => {
  it('words a turn, and a whole dialogue through ai 7 structured output, with the usage reported', async () => {
    const model = v4Model((prompt) => honestAnswer(prompt));
    const adapter = aiSdkAdapter({ model });
    const turn = await adapter.verbalize({
      speaker: 'user',
      acts: dialogueRequest().turns[1]!.acts,
      history: [],
      catalog,
      random: new SeededRandom(2),
    });
    expect(turn.text).toMatch(/comed/i);
    expect(turn.usage).toEqual({ inputTokens: 10, outputTokens: 2 });

    const result = await adapter.verbalizeDialogue(dialogueRequest());
    expect(result.texts).toHaveLength(2);
    expect(result.texts[1]).toMatch(/comed/i);
    expect(adapter.stats).toMatchObject({ calls: 2, invalidReplies: 0, inputTokens: 20, outputTokens: 4 });
  });

  it('also calls a model made for ai 6 (model interface v3)', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async (options) => reply(honestAnswer(userMessage(options as never)), 5, 1) as never,
    });
    const result = await aiSdkAdapter({ model: model as unknown as Model }).verbalizeDialogue(dialogueRequest());
    expect(result.texts).toHaveLength(2);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it("re-asks a dialogue reply that ai 7 could not parse as the schema's JSON, stating the problem", async () => {
    const prompts: string[] = [];
    const model = v4Model((prompt, call) => {
      prompts.push(prompt);
      return call === 0 ? 'Sure! Here you go: utterances one and two.' : honestAnswer(prompt);
    });
    const adapter = aiSdkAdapter({ model });
    const result = await adapter.verbalizeDialogue(dialogueRequest());
    expect(result.texts).toHaveLength(2);
    expect(adapter.stats).toMatchObject({ calls: 2, invalidReplies: 1 });
    expect(prompts[1]).toMatch(/not valid JSON/i);
  });
});

describe('DialogueGenerator on ai 7', () => {
  it.each(['turn', 'dialogue'] as const)('generates consistent dialogues in %s mode', async (mode) => {
    const adapter = aiSdkAdapter({ model: v4Model((prompt) => honestAnswer(prompt)) });
    const generator = new DialogueGenerator({ adapter, mode, catalog, seed: 7 });
    const records: DialogueRecord[] = [];
    for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 12, seed: 7 }), {
      concurrency: 4,
    }))
      records.push(record);
    expect(records).toHaveLength(12);
    for (const record of records) {
      DialogueRecordSchema.parse(record);
      expect(record.consistency.violations).toEqual([]);
      expect(record.consistency.repairLog).toEqual([]);
      expect(record.generator.calls).toBe(mode === 'turn' ? record.turns.length : 1);
    }
  });
});

describe('openAICompatibleModel on @ai-sdk/openai-compatible 3', () => {
  const start = useOpenAICompatibleServers();

  it('runs a batch against a real loopback server, retrying a 429 with Retry-After', async () => {
    let failed = false;
    const server = await start(({ body }) => {
      if (!failed) {
        failed = true;
        return { kind: 'status', status: 429, headers: { 'retry-after': '0' } };
      }
      const messages = (body as ChatCompletionRequestBody).messages ?? [];
      const last = messages[messages.length - 1]?.content;
      return {
        kind: 'text',
        content: honestAnswer(typeof last === 'string' ? last : ''),
        usage: { prompt_tokens: 100, completion_tokens: 10 },
      };
    });
    const model = await openAICompatibleModel({ baseURL: server.url, model: 'fake' });
    expect(model.specificationVersion).toBe('v4');
    const adapter = aiSdkAdapter({ model, sleep: async () => {} });
    const generator = new DialogueGenerator({ adapter, mode: 'dialogue', catalog, seed: 8 });
    const records: DialogueRecord[] = [];
    for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 6, seed: 8 }), {
      concurrency: 2,
    }))
      records.push(record);
    expect(records.map((record) => record.id)).toEqual(Array.from({ length: 6 }, (_, i) => `8-${i}`));
    expect(
      records.every((record) => record.consistency.violations.length === 0 && record.consistency.repairs === 0),
    ).toBe(true);
    expect(server.requests).toHaveLength(7);
    expect(adapter.stats).toMatchObject({ calls: 7, retries: 1, failures: 0, inputTokens: 600, outputTokens: 60 });
    expect(
      server.requests.every((request) => (request.body as ChatCompletionRequestBody).response_format !== undefined),
    ).toBe(true);
  });
});
