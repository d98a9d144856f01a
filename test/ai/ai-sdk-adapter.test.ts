import { APICallError } from 'ai';
import { MockLanguageModelV4 } from 'ai-v7/test';
import { describe, expect, it } from 'vitest';
import { AiSdkAdapter, aiSdkAdapter } from '../../src/ai/index.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { ResponseCache } from '../../src/io/response-cache.js';
import { InvalidReplyError } from '../../src/language/invalid-reply-error.js';
import type { DialogueVerbalizeRequest, VerbalizeRequest } from '../../src/language/lm-adapter.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected } from '../helpers/thrown.js';
import { dataBlock, draftEchoModel, reply, scriptedModel, userMessage } from './mock-model.js';

const catalog = smallCatalog();
const tempDir = useTempDir();
const noSleep = async () => {};

function turnRequest(overrides: Partial<VerbalizeRequest> = {}): VerbalizeRequest {
  return {
    speaker: 'user',
    acts: [{ type: 'disclose', items: [], attribute: 'genre:Horror', polarity: 'negative', strength: 0.8 }],
    history: [],
    catalog,
    random: new SeededRandom(7),
    ...overrides,
  };
}

function dialogueRequest(overrides: Partial<DialogueVerbalizeRequest> = {}): DialogueVerbalizeRequest {
  return {
    turns: [
      { index: 0, speaker: 'assistant', acts: [{ type: 'greet', items: [] }] },
      {
        index: 1,
        speaker: 'user',
        acts: [{ type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'positive', strength: 0.9 }],
      },
      { index: 2, speaker: 'assistant', acts: [{ type: 'recommend', items: ['m1'], reasons: ['genre:Sci-Fi'] }] },
    ],
    catalog,
    random: new SeededRandom(7),
    ...overrides,
  };
}

const THREE = JSON.stringify({
  utterances: ['Hey there! Looking for a film?', 'Honestly, sci-fi is my thing.', 'Then try The Matrix (1999).'],
});

describe('AiSdkAdapter, turn mode', () => {
  it('returns the model text and the response usage', async () => {
    const model = scriptedModel([() => reply('  Horror really is not for me.  ', 321, 12)]);
    const adapter = aiSdkAdapter({ model });
    const result = await adapter.verbalize(turnRequest());
    expect(result).toEqual({
      text: 'Horror really is not for me.',
      usage: { inputTokens: 321, outputTokens: 12 },
      calls: 1,
    });
    expect(adapter.name).toBe('mock-provider:mock-model-id');
    expect(adapter).toBeInstanceOf(AiSdkAdapter);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it('sends temperature, output limit and an abort signal, and no response format', async () => {
    const model = scriptedModel(['No horror, please.']);
    await aiSdkAdapter({ model, temperature: 0.2, maxOutputTokens: 64 }).verbalize(turnRequest());
    const call = model.doGenerateCalls[0];
    expect(call?.temperature).toBe(0.2);
    expect(call?.maxOutputTokens).toBe(64);
    expect(call?.abortSignal).toBeInstanceOf(AbortSignal);
    expect(call?.responseFormat === undefined || call.responseFormat.type === 'text').toBe(true);
    expect(call?.prompt.map((message) => message.role)).toEqual(['system', 'user']);
  });

  it('strips a speaker label and wrapping quotes, but nothing inside', async () => {
    const model = scriptedModel(['User: "I can\'t stand horror."']);
    const { text } = await aiSdkAdapter({ model }).verbalize(turnRequest());
    expect(text).toBe("I can't stand horror.");
  });

  it('re-asks an empty reply with the problem stated, then throws LM_INVALID_REPLY', async () => {
    const model = scriptedModel(['   ', 'Not a horror fan, sorry.']);
    const adapter = aiSdkAdapter({ model });
    const result = await adapter.verbalize(turnRequest());
    expect(result.text).toBe('Not a horror fan, sorry.');
    expect(result.usage).toEqual({ inputTokens: 200, outputTokens: 40 });
    expect(result.calls).toBe(2);
    const second = dataBlock(userMessage(model.doGenerateCalls[1]!)).data;
    expect(second.feedback).toEqual(['Your previous reply was empty.']);
    expect(adapter.stats.invalidReplies).toBe(1);

    const silent = aiSdkAdapter({ model: scriptedModel(['']), invalidReplyRetries: 2 });
    const error = await rejected(() => silent.verbalize(turnRequest()));
    expect(error.code).toBe('LM_INVALID_REPLY');
    expect(error.message).toContain('after 3 attempts: it was empty');
    expect(silent.stats).toMatchObject({ calls: 3, invalidReplies: 3 });
    // The unusable replies were paid for: the error says what they cost.
    expect(error).toBeInstanceOf(InvalidReplyError);
    expect(error).toMatchObject({ calls: 3, usage: { inputTokens: 300, outputTokens: 60 } });
  });

  it("counts a dialogue's unusable replies in its record: calls and tokens as the model was asked", async () => {
    // Every third reply is empty: some turns are re-asked and pass, and a turn whose two replies are empty is worded
    // from templates; both kinds of reply were paid for.
    let requests = 0;
    let empty = 0;
    const model = scriptedModel([
      (options) => {
        requests++;
        if (requests % 3 !== 0 && requests % 7 !== 0) return reply(String(dataBlock(userMessage(options)).data.draft));
        empty++;
        return reply('', 50, 1);
      },
    ]);
    const generator = new DialogueGenerator({ catalog, adapter: aiSdkAdapter({ model }), seed: 3 });
    let calls = 0;
    let usage = { inputTokens: 0, outputTokens: 0 };
    let unusable = 0;
    for (const profile of syntheticProfiles(catalog, { count: 4, seed: 3 })) {
      const record = await generator.generate(profile);
      calls += record.generator.calls;
      usage = {
        inputTokens: usage.inputTokens + record.generator.usage.inputTokens,
        outputTokens: usage.outputTokens + record.generator.usage.outputTokens,
      };
      unusable += record.consistency.repairLog.filter((entry) => entry.unusable !== undefined).length;
    }
    expect(model.doGenerateCalls).toHaveLength(requests);
    expect(unusable).toBeGreaterThan(0);
    expect(calls).toBe(requests);
    expect(usage).toEqual({
      inputTokens: 100 * (requests - empty) + 50 * empty,
      outputTokens: 20 * (requests - empty) + empty,
    });
  });

  it('names itself after the provider and model, or as told', () => {
    const model = scriptedModel(['x']);
    expect(aiSdkAdapter({ model, name: 'local:llama' }).name).toBe('local:llama');
    expect(aiSdkAdapter({ model: 'openai/gpt-4o-mini' }).name).toBe('openai/gpt-4o-mini');
  });
});

describe('AiSdkAdapter, dialogue mode', () => {
  it('words every turn in one structured call', async () => {
    const model = scriptedModel([() => reply(THREE, 900, 60)]);
    const adapter = aiSdkAdapter({ model });
    const result = await adapter.verbalizeDialogue(dialogueRequest());
    expect(result.texts).toEqual([
      'Hey there! Looking for a film?',
      'Honestly, sci-fi is my thing.',
      'Then try The Matrix (1999).',
    ]);
    expect(result.usage).toEqual({ inputTokens: 900, outputTokens: 60 });
    expect(model.doGenerateCalls).toHaveLength(1);
    const call = model.doGenerateCalls[0]!;
    expect(call.responseFormat?.type).toBe('json');
    expect(call.responseFormat?.type === 'json' && call.responseFormat.schema).toMatchObject({
      type: 'object',
      properties: { utterances: { type: 'array', items: { type: 'string' } } },
    });
    const { data, outside } = dataBlock(userMessage(call));
    expect(outside).toContain('it has 3 turns');
    expect(outside).toContain('exactly 3 strings');
    const turns = data.turns as Array<Record<string, unknown>>;
    expect(turns.map((turn) => turn.speaker)).toEqual(['assistant', 'user', 'assistant']);
    expect(turns[2]?.items).toEqual(['The Matrix (1999)']);
    expect(turns[2]?.draft).toContain('The Matrix (1999)');
    expect(data.items).toEqual([{ title: 'The Matrix (1999)', genres: ['Action', 'Sci-Fi'], tags: ['cyberpunk'] }]);
  });

  it('accepts a fenced JSON reply', async () => {
    const model = scriptedModel([`\`\`\`json\n${THREE}\n\`\`\``]);
    const { texts } = await aiSdkAdapter({ model }).verbalizeDialogue(dialogueRequest());
    expect(texts).toHaveLength(3);
  });

  it('passes per-turn feedback into the turns it is about', async () => {
    const model = scriptedModel([THREE]);
    await aiSdkAdapter({ model }).verbalizeDialogue(
      dialogueRequest({ feedback: [{ turn: 2, problems: ['The text does not mention The Matrix (1999).'] }] }),
    );
    const turns = dataBlock(userMessage(model.doGenerateCalls[0]!)).data.turns as Array<Record<string, unknown>>;
    expect(turns[2]?.feedback).toEqual(['The text does not mention The Matrix (1999).']);
    expect(turns[0]).not.toHaveProperty('feedback');
  });

  it('re-asks a reply with the wrong number of utterances, stating the problem', async () => {
    const two = JSON.stringify({ utterances: ['Hi!', 'I like sci-fi.'] });
    const model = scriptedModel([() => reply(two, 800, 30), () => reply(THREE, 850, 60)]);
    const adapter = aiSdkAdapter({ model });
    const result = await adapter.verbalizeDialogue(dialogueRequest());
    expect(result.texts).toHaveLength(3);
    // Both responses were needed for this result, so both are its usage.
    expect(result.usage).toEqual({ inputTokens: 1650, outputTokens: 90 });
    const second = dataBlock(userMessage(model.doGenerateCalls[1]!)).data;
    expect(second.feedback).toEqual(['Your previous reply had 2 utterances for 3 turns.']);
    expect(adapter.stats).toMatchObject({ calls: 2, invalidReplies: 1, failures: 0 });
  });

  it('throws LM_INVALID_REPLY when every reply is unusable (wrong count, invalid JSON)', async () => {
    const model = scriptedModel(['{"utterances": ["only one"]}', 'Sure! Here you go: utterances…']);
    const adapter = aiSdkAdapter({ model });
    const error = await rejected(() => adapter.verbalizeDialogue(dialogueRequest()));
    expect(error.code).toBe('LM_INVALID_REPLY');
    expect(error.message).toContain('after 2 attempts: it was not valid JSON');
    expect(dataBlock(userMessage(model.doGenerateCalls[1]!)).data.feedback).toEqual([
      'Your previous reply had 1 utterance for 3 turns.',
    ]);
    expect(adapter.stats).toMatchObject({ calls: 2, invalidReplies: 2, inputTokens: 200, outputTokens: 40 });
    expect(error).toMatchObject({ calls: 2, usage: { inputTokens: 200, outputTokens: 40 } });
  });

  it('rejects a reply with an empty utterance or the wrong shape', async () => {
    const empty = JSON.stringify({ utterances: ['Hi!', '  ', 'Try The Matrix (1999).'] });
    const error = await rejected(() =>
      aiSdkAdapter({ model: scriptedModel([empty]), invalidReplyRetries: 0 }).verbalizeDialogue(dialogueRequest()),
    );
    expect(error.message).toContain('it had an empty utterance at position 1');
    const shape = await rejected(() =>
      aiSdkAdapter({ model: scriptedModel(['["a", "b", "c"]']), invalidReplyRetries: 0 }).verbalizeDialogue(
        dialogueRequest(),
      ),
    );
    expect(shape.message).toContain('it was not a JSON object of the form {"utterances"');
  });

  it('makes no call for a dialogue without turns', async () => {
    const model = scriptedModel([THREE]);
    expect(await aiSdkAdapter({ model }).verbalizeDialogue(dialogueRequest({ turns: [] }))).toEqual({
      texts: [],
      usage: { inputTokens: 0, outputTokens: 0 },
    });
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});

describe('AiSdkAdapter cache', () => {
  it('serves a second adapter over the same directory without calls, with the same texts and usage', async () => {
    const { dir } = tempDir();
    const first = scriptedModel([() => reply('Horror? No thanks.', 123, 7), () => reply(THREE, 456, 89)]);
    const a = aiSdkAdapter({ model: first, cache: dir });
    const turnA = await a.verbalize(turnRequest());
    const dialogueA = await a.verbalizeDialogue(dialogueRequest());
    expect(a.stats).toMatchObject({ calls: 2, cacheHits: 0, inputTokens: 579, outputTokens: 96 });

    const second = scriptedModel(['something else entirely']);
    const b = aiSdkAdapter({ model: second, cache: new ResponseCache(dir) });
    expect(await b.verbalize(turnRequest())).toEqual(turnA);
    expect(await b.verbalizeDialogue(dialogueRequest())).toEqual(dialogueA);
    expect(second.doGenerateCalls).toHaveLength(0);
    expect(b.stats).toMatchObject({ calls: 0, cacheHits: 2, inputTokens: 0, outputTokens: 0 });
  });

  it('misses when the seed, the model, the temperature or the prompts differ', async () => {
    const { dir } = tempDir();
    await aiSdkAdapter({ model: scriptedModel(['No horror.']), cache: dir }).verbalize(turnRequest());
    const variants = [
      { options: {}, request: turnRequest({ random: new SeededRandom(8) }) },
      { options: { temperature: 0.1 }, request: turnRequest() },
      { options: { prompts: { system: 'Be brief.' } }, request: turnRequest() },
    ];
    for (const { options, request } of variants) {
      const model = scriptedModel(['Still no horror.']);
      await aiSdkAdapter({ model, cache: dir, ...options }).verbalize(request);
      expect(model.doGenerateCalls).toHaveLength(1);
    }
    const other = scriptedModel(['x']);
    Object.assign(other, { modelId: 'another-model' });
    await aiSdkAdapter({ model: other, cache: dir, name: 'mock-provider:mock-model-id' }).verbalize(turnRequest());
    expect(other.doGenerateCalls).toHaveLength(1);
  });

  it('replays an unusable reply and its re-ask from the cache as well', async () => {
    const { dir } = tempDir();
    const live = scriptedModel(['', 'No horror for me.']);
    const first = await aiSdkAdapter({ model: live, cache: dir }).verbalize(turnRequest());
    const replayModel = scriptedModel(['different']);
    const replay = aiSdkAdapter({ model: replayModel, cache: dir });
    expect(await replay.verbalize(turnRequest())).toEqual(first);
    expect(replayModel.doGenerateCalls).toHaveLength(0);
    expect(replay.stats).toMatchObject({ cacheHits: 2, invalidReplies: 1 });
  });
});

describe('AiSdkAdapter stats', () => {
  function serverError(status: number): APICallError {
    return new APICallError({
      message: `HTTP ${status}`,
      url: 'http://127.0.0.1/v1/chat/completions',
      requestBodyValues: {},
      statusCode: status,
      isRetryable: status >= 500,
    });
  }

  it('counts calls, retries, failures, tokens and cost', async () => {
    const model = scriptedModel([serverError(503), () => reply('No horror.', 1_000_000, 500_000), serverError(400)]);
    const adapter = aiSdkAdapter({
      model,
      sleep: noSleep,
      retry: { maxRetries: 2 },
      prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    });
    expect(adapter.stats).toEqual({
      calls: 0,
      retries: 0,
      cacheHits: 0,
      failures: 0,
      invalidReplies: 0,
      unmeasuredReplies: 0,
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
      cachedOutputTokens: 0,
      cost: 0,
    });
    await adapter.verbalize(turnRequest());
    expect(adapter.stats).toMatchObject({
      calls: 2,
      retries: 1,
      failures: 0,
      unmeasuredReplies: 0,
      inputTokens: 1_000_000,
      outputTokens: 500_000,
    });
    expect(adapter.stats.cost).toBeCloseTo(0.45, 10);

    const error = await rejected(() => adapter.verbalize(turnRequest()));
    expect(error.code).toBe('LM_CALL_FAILED');
    expect(adapter.stats).toMatchObject({ calls: 3, retries: 1, failures: 1 });
  });

  it('reports no cost without prices, and a stats snapshot does not change afterwards', async () => {
    const adapter = aiSdkAdapter({ model: scriptedModel(['No horror.']) });
    const before = adapter.stats;
    await adapter.verbalize(turnRequest());
    expect(before.calls).toBe(0);
    expect(adapter.stats).toMatchObject({ calls: 1, cost: null });
  });
});

describe('AiSdkAdapter cancellation', () => {
  it('passes the abort signal through to the model call and throws ABORTED', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const model = scriptedModel([
      (options) =>
        new Promise((_resolve, reject) => {
          seen = options.abortSignal;
          options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason), { once: true });
          setTimeout(() => controller.abort(new Error('stop')), 5);
        }),
    ]);
    const adapter = aiSdkAdapter({ model });
    const error = await rejected(() => adapter.verbalize(turnRequest({ signal: controller.signal })));
    expect(error.code).toBe('ABORTED');
    expect(seen?.aborted).toBe(true);
    expect(adapter.stats).toMatchObject({ calls: 1, failures: 0 });
  });

  it('makes no call when the signal has already fired', async () => {
    const model = scriptedModel(['No horror.']);
    const error = await rejected(() => aiSdkAdapter({ model }).verbalize(turnRequest({ signal: AbortSignal.abort() })));
    expect(error.code).toBe('ABORTED');
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});

describe('AiSdkAdapter in a batch', () => {
  it('runs 16 dialogues at once over one model without a listener-leak warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const generator = new DialogueGenerator({
        adapter: aiSdkAdapter({ model: draftEchoModel(5) }),
        catalog,
        seed: 4,
      });
      const records = [];
      for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 32, seed: 4 }), {
        concurrency: 16,
      })) {
        records.push(record);
      }
      // Node reports warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(records).toHaveLength(32);
      expect(records.every((record) => record.consistency.repairs === 0)).toBe(true);
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('AiSdkAdapter with a model made for another ai major', () => {
  it('says which provider release to install, without retrying', async () => {
    const model = new MockLanguageModelV4({ doGenerate: async () => reply('unused') as never });
    const adapter = aiSdkAdapter({
      model: model as unknown as Parameters<typeof aiSdkAdapter>[0]['model'],
      sleep: noSleep,
    });
    for (const call of [() => adapter.verbalize(turnRequest()), () => adapter.verbalizeDialogue(dialogueRequest())]) {
      const error = await rejected(call);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain('version v4 of the AI SDK');
      expect(error.hint).toContain('`ai` 7, which calls v4 models');
    }
    expect(adapter.stats).toMatchObject({ calls: 2, retries: 0 });
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});

describe('AiSdkAdapter options', () => {
  it('rejects invalid options with INVALID_ARGUMENT naming the option', () => {
    const model = scriptedModel(['x']);
    for (const options of [
      { model, temperature: 3 },
      { model, historyTurns: -1 },
      { model, prices: { inputPerMillion: -1, outputPerMillion: 0 } },
      { model, retry: { maxRetries: -1 } },
      { model, cache: 42 },
      { model, prompts: { system: 7 } },
      { model, unknownOption: true },
      { model: { not: 'a model' } },
    ]) {
      let error: unknown;
      try {
        aiSdkAdapter(options as never);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(Object.keys(options))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });
});
