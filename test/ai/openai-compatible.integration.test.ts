// End to end through the REAL `@ai-sdk/openai-compatible` client and a real HTTP server on 127.0.0.1: the
// DialogueGenerator, the AI SDK adapter, the call policy (retries, Retry-After, timeouts, abort), the response cache
// and the `icer generate` command, against an "honest model" that answers every request with the template draft the
// prompt carries. Honest answers make every dialogue consistent, so any violation, lost record or changed byte is
// the pipeline's doing, not the model's.
import { createHash } from 'node:crypto';
import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { aiSdkAdapter, openAICompatibleModel } from '../../src/ai/index.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { IcerError } from '../../src/errors.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import { type DialogueRecord, DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { cli } from '../helpers/cli-harness.js';
import {
  type ChatCompletionRequestBody,
  type FakeOpenAIServer,
  type Reply,
  useOpenAICompatibleServers,
} from '../helpers/openai-compatible-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const catalog = builtinCatalog();
const tempDir = useTempDir();
const MODEL = 'fake';
const DIALOGUES = 12;
const SEED = 'it';
type Mode = 'turn' | 'dialogue';

const start = useOpenAICompatibleServers();

// ---------------------------------------------------------------------------------------------------------------
// The honest model
// ---------------------------------------------------------------------------------------------------------------

function words(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('');
  return '';
}

function lastUserMessage(body: ChatCompletionRequestBody): string {
  const user = (body.messages ?? []).filter((message) => message.role === 'user');
  return contentText(user[user.length - 1]?.content);
}

const BLOCK = /<icer-data>\n([\s\S]*?)\n<\/icer-data>/;

/** The `<icer-data>` block of the last user message, parsed. */
function dataOf(body: ChatCompletionRequestBody): Record<string, unknown> {
  const match = BLOCK.exec(lastUserMessage(body));
  if (!match) throw new Error('the request has no <icer-data> block');
  return JSON.parse(match[1] as string) as Record<string, unknown>;
}

/** What an honest model says: the turn's draft, or every turn's draft as `{"utterances": [...]}`. */
function honestContent(body: ChatCompletionRequestBody): string {
  const data = dataOf(body);
  if (Array.isArray(data.turns)) {
    return JSON.stringify({ utterances: (data.turns as Array<{ draft: string }>).map((turn) => turn.draft) });
  }
  if (typeof data.draft !== 'string') throw new Error('a turn-mode request without a draft');
  return data.draft;
}

/** Token counts the server reports, deterministic in the request so that every run reports the same. */
function usageFor(body: ChatCompletionRequestBody, content: string) {
  const prompt = (body.messages ?? []).reduce((sum, message) => sum + words(contentText(message.content)), 0);
  return { prompt_tokens: 1000 + prompt, completion_tokens: 3 + words(content) };
}

/** An honest reply, and the usage it reports added to `spent`. */
function honestReply(body: ChatCompletionRequestBody, spent: { input: number; output: number }): Reply {
  const content = honestContent(body);
  const usage = usageFor(body, content);
  spent.input += usage.prompt_tokens;
  spent.output += usage.completion_tokens;
  return { kind: 'text', content, usage };
}

async function honestServer() {
  const spent = { input: 0, output: 0 };
  const server = await start(({ body }) => honestReply(body, spent));
  return { server, spent };
}

// ---------------------------------------------------------------------------------------------------------------
// Running batches
// ---------------------------------------------------------------------------------------------------------------

const noSleep = async () => {};

interface RunOptions {
  mode: Mode;
  cache?: string;
  retry?: Parameters<typeof aiSdkAdapter>[0]['retry'];
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  count?: number;
}

async function run(server: FakeOpenAIServer, options: RunOptions) {
  const model = await openAICompatibleModel({ baseURL: server.url, model: MODEL });
  const adapter = aiSdkAdapter({
    model,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    sleep: options.sleep ?? noSleep,
  });
  const generator = new DialogueGenerator({ adapter, mode: options.mode, seed: SEED, catalog });
  const records: DialogueRecord[] = [];
  const profiles = syntheticProfiles(catalog, { count: options.count ?? DIALOGUES, seed: SEED });
  for await (const record of generator.generateMany(profiles, {
    concurrency: 4,
    ...(options.signal ? { signal: options.signal } : {}),
  })) {
    records.push(record);
  }
  const jsonl = records.map((record) => `${JSON.stringify(record)}\n`).join('');
  return { adapter, records, jsonl };
}

function expectConsistent(records: readonly DialogueRecord[], count = DIALOGUES): void {
  expect(records.map((record) => record.id)).toEqual(Array.from({ length: count }, (_, i) => `${SEED}-${i}`));
  for (const record of records) {
    DialogueRecordSchema.parse(record);
    expect(record.consistency.violations, record.id).toEqual([]);
    expect(record.consistency.repairLog, record.id).toEqual([]);
    expect(record.generator.lm).toBe(`openai-compatible:${MODEL}`);
  }
}

const sum = (records: readonly DialogueRecord[], pick: (record: DialogueRecord) => number) =>
  records.reduce((total, record) => total + pick(record), 0);

// ---------------------------------------------------------------------------------------------------------------
// (a) Honest batches
// ---------------------------------------------------------------------------------------------------------------

describe.each<Mode>(['turn', 'dialogue'])('a batch in %s mode against an honest OpenAI-compatible server', (mode) => {
  it("completes with zero violations, valid records, the server's usage and the expected number of calls", async () => {
    const { server, spent } = await honestServer();
    const { adapter, records } = await run(server, { mode });

    expectConsistent(records);
    expect(server.scriptErrors).toEqual([]);
    for (const record of records) {
      expect(record.generator.mode).toBe(mode);
      // Turn mode: one call per turn; dialogue mode: one call per dialogue, whatever its length.
      expect(record.generator.calls, record.id).toBe(mode === 'turn' ? record.turns.length : 1);
      expect(record.turns.length).toBeGreaterThanOrEqual(2);
    }
    const calls = sum(records, (record) => record.generator.calls);
    expect(server.requests).toHaveLength(calls);
    expect(server.requests.every((request) => request.path === '/v1/chat/completions')).toBe(true);
    const bodies = server.requests.map((request) => request.body as ChatCompletionRequestBody);
    expect(bodies.every((body) => body.model === MODEL && body.stream !== true)).toBe(true);
    // Dialogue mode asks for the structured JSON reply; turn mode for plain text.
    expect(bodies.every((body) => (body.response_format !== undefined) === (mode === 'dialogue'))).toBe(true);

    // Every token counted is one the server reported, in the records and in the adapter's statistics.
    expect(sum(records, (record) => record.generator.usage.inputTokens)).toBe(spent.input);
    expect(sum(records, (record) => record.generator.usage.outputTokens)).toBe(spent.output);
    expect(adapter.stats).toMatchObject({
      calls,
      retries: 0,
      cacheHits: 0,
      failures: 0,
      invalidReplies: 0,
      inputTokens: spent.input,
      outputTokens: spent.output,
    });
    // The honest model said the drafts: the words of every turn are the ones the server sent.
    if (mode === 'dialogue') {
      const sent = bodies
        .map(honestContent)
        .map((content) => (JSON.parse(content) as { utterances: string[] }).utterances);
      expect(records.map((record) => record.turns.map((turn) => turn.text)).sort()).toEqual(sent.sort());
    } else {
      const sent = new Set(bodies.map(honestContent));
      expect(records.every((record) => record.turns.every((turn) => sent.has(turn.text)))).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (b) Transient failures
// ---------------------------------------------------------------------------------------------------------------

type Failure = '429-retry-after' | '429-retry-after-ms' | '500' | 'malformed' | 'hang';
const FAILURES: readonly Failure[] = ['429-retry-after', '429-retry-after-ms', '500', 'malformed', 'hang'];
const RETRY_AFTER_MS = 5;
const TIMEOUT_MS = 1_200;
const MAX_HANGS = 3;

function failureReply(kind: Failure): Reply {
  switch (kind) {
    case '429-retry-after':
      return { kind: 'status', status: 429, headers: { 'retry-after': '0' } };
    case '429-retry-after-ms':
      return { kind: 'status', status: 429, headers: { 'retry-after-ms': String(RETRY_AFTER_MS) } };
    case '500':
      return { kind: 'status', status: 500 };
    case 'malformed':
      return { kind: 'malformed', raw: '{"id": "chatcmpl-x", "choices": [{"message": {"content": "Tr' };
    case 'hang':
      return { kind: 'hang' };
  }
}

/**
 * An honest server that fails a scripted share of requests first. Which requests fail, and how often, depends only
 * on their content (a hash of the body), never on arrival order: a request whose hash picks a failure fails on its
 * first one or two arrivals, then is answered. The kinds of failure take turns, so every kind happens once five or
 * more failures are injected. One in seven of the rest is answered slowly (but within the timeout). Every injected
 * failure is counted here, on the server side.
 */
async function flakyServer(share: number) {
  const spent = { input: 0, output: 0 };
  const seen = new Map<string, number>();
  const injected = new Map<Failure, number>(FAILURES.map((kind) => [kind, 0]));
  let slow = 0;
  let hangs = 0;
  const total = () => [...injected.values()].reduce((a, b) => a + b, 0);
  const server = await start(({ body }) => {
    const digest = createHash('sha256').update(JSON.stringify(body)).digest();
    const arrival = seen.get(digest.toString('hex')) ?? 0;
    seen.set(digest.toString('hex'), arrival + 1);
    const fails = (digest[0] as number) / 256 < share;
    const planned = fails ? 1 + ((digest[1] as number) % 2) : 0;
    if (arrival < planned) {
      let kind = FAILURES[total() % FAILURES.length] as Failure;
      if (kind === 'hang' && hangs++ >= MAX_HANGS) kind = '500';
      injected.set(kind, (injected.get(kind) ?? 0) + 1);
      return failureReply(kind);
    }
    if ((digest[3] as number) % 7 === 0) {
      slow++;
      return { ...honestReply(body, spent), delayMs: 40 };
    }
    return honestReply(body, spent);
  });
  return { server, spent, injected, total, slow: () => slow };
}

describe.each<[Mode, number]>([
  ['turn', 0.3],
  ['dialogue', 1],
])('a batch in %s mode through transient failures', (mode, share) => {
  it('retries every injected failure once and writes exactly the bytes of a failure-free run', async () => {
    const clean = await honestServer();
    const reference = await run(clean.server, { mode });
    expectConsistent(reference.records);

    const flaky = await flakyServer(share);
    const sleeps: number[] = [];
    const { adapter, records, jsonl } = await run(flaky.server, {
      mode,
      // A huge backoff ceiling: the (injected, instant) sleeps then tell Retry-After waits from backoff ones.
      retry: { maxRetries: 6, timeoutMs: TIMEOUT_MS, initialDelayMs: 1e9, maxDelayMs: 1e9 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });

    expect(flaky.server.scriptErrors).toEqual([]);
    // Every kind of failure happened at least once, and a slow answer too.
    for (const kind of FAILURES) expect(flaky.injected.get(kind), kind).toBeGreaterThan(0);
    if (mode === 'turn') expect(flaky.slow()).toBeGreaterThan(0);

    // One retry per injected failure, no more (a slow answer is not a failure), no fewer; nothing failed for good.
    expect(adapter.stats.retries).toBe(flaky.total());
    expect(adapter.stats.failures).toBe(0);
    expect(flaky.server.requests).toHaveLength(adapter.stats.calls);
    expect(adapter.stats.calls).toBe(sum(reference.records, (record) => record.generator.calls) + flaky.total());
    // Retry-After was honoured to the millisecond; other failures waited a backoff delay.
    expect(sleeps).toHaveLength(flaky.total());
    expect(sleeps.filter((ms) => ms === 0)).toHaveLength(flaky.injected.get('429-retry-after') as number);
    expect(sleeps.filter((ms) => ms === RETRY_AFTER_MS)).toHaveLength(
      flaky.injected.get('429-retry-after-ms') as number,
    );

    // No record lost or duplicated, in order, consistent, and the same bytes as without failures.
    expectConsistent(records);
    expect(jsonl).toBe(reference.jsonl);
    // Tokens: only answered requests report usage, so the totals match the failure-free run's.
    expect(adapter.stats.inputTokens).toBe(flaky.spent.input);
    expect(flaky.spent).toEqual(clean.spent);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (c) The response cache
// ---------------------------------------------------------------------------------------------------------------

describe.each<Mode>(['turn', 'dialogue'])('the response cache in %s mode', (mode) => {
  it('lets a second run with a new adapter make no request and write the same bytes', async () => {
    const { dir } = tempDir();
    const { server } = await honestServer();
    const first = await run(server, { mode, cache: dir });
    expectConsistent(first.records);
    const requests = server.requests.length;
    expect(requests).toBe(first.adapter.stats.calls);
    expect(first.adapter.stats.cacheHits).toBe(0);

    const second = await run(server, { mode, cache: dir });
    expect(server.requests).toHaveLength(requests);
    expect(second.adapter.stats).toMatchObject({ calls: 0, cacheHits: requests, inputTokens: 0, outputTokens: 0 });
    expect(second.jsonl).toBe(first.jsonl);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (d) Cancellation
// ---------------------------------------------------------------------------------------------------------------

describe('cancelling a batch against a hanging server', () => {
  it('ends every call at once with an ABORTED IcerError and yields nothing more', async () => {
    const controller = new AbortController();
    const server = await start(({ index }) => {
      // Once the first four dialogues' calls are all hanging, cancel.
      if (index === 3) setTimeout(() => controller.abort(new Error('user pressed Ctrl-C')), 20);
      return { kind: 'hang' };
    });
    const model = await openAICompatibleModel({ baseURL: server.url, model: MODEL });
    // A long per-attempt timeout: only the abort can end these calls promptly.
    const adapter = aiSdkAdapter({ model, retry: { maxRetries: 3, timeoutMs: 30_000 }, sleep: noSleep });
    const generator = new DialogueGenerator({ adapter, seed: SEED, catalog });
    const yielded: DialogueRecord[] = [];
    const started = performance.now();
    let caught: unknown;
    try {
      for await (const record of generator.generateMany(syntheticProfiles(catalog, { count: 20, seed: SEED }), {
        concurrency: 4,
        signal: controller.signal,
      })) {
        yielded.push(record);
      }
    } catch (error) {
      caught = error;
    }
    const elapsed = performance.now() - started;

    expect(IcerError.isInstance(caught)).toBe(true);
    expect((caught as IcerError).code).toBe('ABORTED');
    expect(yielded).toEqual([]);
    expect(server.requests).toHaveLength(4);
    expect(adapter.stats).toMatchObject({ calls: 4, retries: 0, failures: 0 });
    // Far below the 30 s an attempt would otherwise hang for: the calls were cut, not waited out.
    expect(elapsed).toBeLessThan(5_000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (e) The command line
// ---------------------------------------------------------------------------------------------------------------

describe('icer generate --provider openai-compatible', () => {
  it('writes consistent records from the server, and a re-run with --cache makes no request', async () => {
    const { dir } = tempDir();
    const { server, spent } = await honestServer();
    const args = [
      'generate',
      '--provider',
      'openai-compatible',
      '--base-url',
      server.url,
      '--model',
      MODEL,
      '--count',
      '3',
      '--cache',
      dir,
      '--quiet',
    ];

    const first = await cli(args, dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const records = first.stdout
      .trim()
      .split('\n')
      .map((line) => DialogueRecordSchema.parse(JSON.parse(line)));
    expect(records.map((record) => record.id)).toEqual(['0-0', '0-1', '0-2']);
    for (const record of records) {
      expect(record.generator.lm).toBe('openai-compatible:fake');
      expect(record.consistency.violations).toEqual([]);
      expect(record.generator.calls).toBe(record.turns.length);
    }
    const requests = server.requests.length;
    expect(requests).toBe(sum(records, (record) => record.generator.calls));
    expect(sum(records, (record) => record.generator.usage.inputTokens)).toBe(spent.input);

    const second = await cli(args, dir);
    expect(second.code).toBe(0);
    expect(server.requests).toHaveLength(requests);
    expect(second.stdout).toBe(first.stdout);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (f) Streaming
// ---------------------------------------------------------------------------------------------------------------

describe("the server's streaming path with the real client", () => {
  it('streams the text in pieces and reports usage', async () => {
    const content = 'Try Alien (1979): a slow-burn horror classic set in space.';
    const server = await start(() => ({
      kind: 'text',
      content,
      usage: { prompt_tokens: 42, completion_tokens: 11 },
      chunkDelayMs: 1,
    }));
    const model = await openAICompatibleModel({ baseURL: server.url, model: MODEL });
    const result = streamText({ model, prompt: 'Recommend a film.', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);

    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(content);
    expect(await result.usage).toMatchObject({ inputTokens: 42, outputTokens: 11 });
    const body = server.requests[0]?.body as ChatCompletionRequestBody;
    expect(body.stream).toBe(true);
    expect(body.stream_options?.include_usage).toBe(true);
  });
});
