import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { aiSdkAdapter, openAICompatibleModel } from '../../src/ai/index.js';
import { loadOpenAICompatible } from '../../src/ai/openai-compatible-model.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { rejected } from '../helpers/thrown.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

/** A tiny chat-completions server on 127.0.0.1 answering every request with `content`; records the request bodies. */
async function chatServer(content: (request: Record<string, unknown>) => string) {
  const requests: Array<{
    path: string | undefined;
    headers: IncomingMessage['headers'];
    body: Record<string, unknown>;
  }> = [];
  const server = createServer(async (req, res) => {
    const json = await body(req);
    requests.push({ path: req.url, headers: req.headers, body: json });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 0,
        model: json.model,
        choices: [{ index: 0, message: { role: 'assistant', content: content(json) }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}/v1`, requests };
}

const catalog = smallCatalog();

describe('openAICompatibleModel', () => {
  it('talks to an OpenAI-compatible server, in turn and dialogue mode', async () => {
    const server = await chatServer((request) =>
      request.response_format ? JSON.stringify({ utterances: ['Hi!', 'I love sci-fi.'] }) : 'I really like sci-fi.',
    );
    const model = await openAICompatibleModel({ baseURL: server.baseURL, model: 'llama3.1', apiKey: 'secret' });
    const adapter = aiSdkAdapter({ model });
    expect(adapter.name).toBe('openai-compatible:llama3.1');

    const turn = await adapter.verbalize({
      speaker: 'user',
      acts: [{ type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'positive', strength: 0.9 }],
      history: [],
      catalog,
      random: new SeededRandom(1),
    });
    expect(turn).toEqual({ text: 'I really like sci-fi.', usage: { inputTokens: 42, outputTokens: 7 }, calls: 1 });
    const first = server.requests[0]!;
    expect(first.path).toBe('/v1/chat/completions');
    expect(first.headers.authorization).toBe('Bearer secret');
    expect(first.body).toMatchObject({ model: 'llama3.1', temperature: 0.7 });
    expect((first.body.messages as Array<{ role: string }>).map((message) => message.role)).toEqual(['system', 'user']);

    const dialogue = await adapter.verbalizeDialogue({
      turns: [
        { index: 0, speaker: 'assistant', acts: [{ type: 'greet', items: [] }] },
        {
          index: 1,
          speaker: 'user',
          acts: [{ type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'positive', strength: 0.9 }],
        },
      ],
      catalog,
      random: new SeededRandom(1),
    });
    expect(dialogue.texts).toEqual(['Hi!', 'I love sci-fi.']);
    expect(server.requests[1]?.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'utterances' },
    });
  });

  it('asks for plain JSON objects from a server without structured outputs', async () => {
    // The AI SDK warns that the schema is not sent; expected here, so kept out of the test output.
    const global = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
    const logWarnings = global.AI_SDK_LOG_WARNINGS;
    global.AI_SDK_LOG_WARNINGS = false;
    onTestFinished(() => {
      global.AI_SDK_LOG_WARNINGS = logWarnings;
    });
    const server = await chatServer(() => JSON.stringify({ utterances: ['Hello!'] }));
    const model = await openAICompatibleModel({
      baseURL: server.baseURL,
      model: 'qwen',
      name: 'vllm',
      structuredOutputs: false,
    });
    const adapter = aiSdkAdapter({ model });
    expect(adapter.name).toBe('vllm:qwen');
    await adapter.verbalizeDialogue({
      turns: [{ index: 0, speaker: 'assistant', acts: [{ type: 'greet', items: [] }] }],
      catalog,
      random: new SeededRandom(1),
    });
    expect(server.requests[0]?.body.response_format).toEqual({ type: 'json_object' });
  });

  it('validates its options', async () => {
    for (const options of [
      { baseURL: 'not a url', model: 'x' },
      { baseURL: 'ftp://host/v1', model: 'x' },
      { baseURL: 'http://h/v1', model: '' },
    ]) {
      expect((await rejected(() => openAICompatibleModel(options))).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('says how to install @ai-sdk/openai-compatible when it is missing', async () => {
    const missing = Object.assign(
      new Error("Cannot find package '@ai-sdk/openai-compatible' imported from /x/dist/ai.js"),
      {
        code: 'ERR_MODULE_NOT_FOUND',
      },
    );
    const error = await rejected(() => loadOpenAICompatible(() => Promise.reject(missing)));
    expect(error.code).toBe('MISSING_DEPENDENCY');
    expect(error.message).toContain('npm install @ai-sdk/openai-compatible');
    expect(error.cause).toBe(missing);

    const other = new Error('boom');
    await expect(loadOpenAICompatible(() => Promise.reject(other))).rejects.toBe(other);
  });
});
