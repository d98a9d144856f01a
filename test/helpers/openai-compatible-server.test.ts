import { describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, useOpenAICompatibleServers } from './openai-compatible-server.js';

const start = useOpenAICompatibleServers();

function chat(server: FakeOpenAIServer, body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  return fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-key' },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'Recommend a film' }], ...body }),
    // Every request in this file is bounded, whatever the server does.
    signal: signal ?? AbortSignal.timeout(10_000),
  });
}

/** The `data:` payloads of a server-sent-event stream, in order. */
function events(text: string): string[] {
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      expect(block.startsWith('data: ')).toBe(true);
      return block.slice('data: '.length);
    });
}

describe('startOpenAICompatibleServer', () => {
  it('answers a chat completion in the OpenAI shape and records the request', async () => {
    const server = await start(() => ({ kind: 'text', content: 'Try Alien (1979).' }));
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);

    const response = await chat(server, { temperature: 0 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      id: 'chatcmpl-0',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'fake-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Try Alien (1979).' },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      // Without scripted usage the server counts words: 3 in the prompt, 3 in the answer.
      usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
    });

    expect(server.requests).toHaveLength(1);
    const [recorded] = server.requests;
    expect(recorded?.method).toBe('POST');
    expect(recorded?.path).toBe('/v1/chat/completions');
    expect(recorded?.headers.authorization).toBe('Bearer test-key');
    expect(recorded?.body).toEqual({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'Recommend a film' }],
      temperature: 0,
    });
  });

  it('passes the parsed body and the request index to the script, and reports scripted usage', async () => {
    const seen: Array<{ model: unknown; index: number }> = [];
    const server = await start(({ body, index }) => {
      seen.push({ model: body.model, index });
      return { kind: 'text', content: `{"answer":${index}}`, usage: { prompt_tokens: 11, completion_tokens: 4 } };
    });
    await chat(server, {});
    const second = await chat(server, { model: 'other', response_format: { type: 'json_object' } });
    type Completion = { model: string; usage: unknown; choices: Array<{ message: { content: string } }> };
    const json = (await second.json()) as Completion;
    expect(seen).toEqual([
      { model: 'fake-model', index: 0 },
      { model: 'other', index: 1 },
    ]);
    expect(json.model).toBe('other');
    expect(JSON.parse(json.choices[0]?.message.content ?? '')).toEqual({ answer: 1 });
    expect(json.usage).toEqual({ prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 });
  });

  it('streams server-sent events that reassemble the content, with a usage chunk when asked', async () => {
    const content = 'You might enjoy  Blade Runner, a moody sci-fi classic.';
    const server = await start(() => ({ kind: 'text', content, usage: { prompt_tokens: 7, completion_tokens: 9 } }));
    const response = await chat(server, { stream: true, stream_options: { include_usage: true } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');

    const payloads = events(await response.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload) as Record<string, unknown>);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id: 'chatcmpl-0', object: 'chat.completion.chunk', model: 'fake-model' });
    }
    type Choice = { index: number; delta: { role?: string; content?: string }; finish_reason: string | null };
    const choices = chunks.flatMap((chunk) => chunk.choices as Choice[]);
    expect(choices[0]?.delta.role).toBe('assistant');
    expect(choices.map((choice) => choice.delta.content ?? '').join('')).toBe(content);
    // Streamed in several pieces, as a model does, not as one blob.
    expect(choices.filter((choice) => (choice.delta.content ?? '') !== '').length).toBeGreaterThan(3);
    expect(choices.at(-1)?.finish_reason).toBe('stop');
    expect(choices.slice(0, -1).every((choice) => choice.finish_reason === null)).toBe(true);
    // The usage chunk comes last, with no choices, as OpenAI sends it.
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 7, completion_tokens: 9, total_tokens: 16 },
    });
  });

  it('sends no usage chunk when the stream did not ask for one', async () => {
    const server = await start(() => ({ kind: 'text', content: 'Hello there' }));
    const payloads = events(await (await chat(server, { stream: true })).text());
    expect(payloads.some((payload) => payload.includes('"usage"'))).toBe(false);
  });

  it('answers with a scripted status, headers and an OpenAI error body', async () => {
    const server = await start(({ index }) =>
      index === 0
        ? { kind: 'status', status: 429, headers: { 'retry-after': '1', 'x-ratelimit-remaining-requests': '0' } }
        : { kind: 'status', status: 500, body: { error: { message: 'boom' } } },
    );
    const limited = await chat(server, {});
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(await limited.json()).toMatchObject({ error: { type: 'rate_limit_exceeded', message: expect.any(String) } });

    const failed = await chat(server, {});
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { message: 'boom' } });
    expect(server.requests).toHaveLength(2);
  });

  it('sends malformed JSON with status 200 when scripted', async () => {
    const server = await start(() => ({ kind: 'malformed', raw: '{"id": "chatcmpl-0", "choices": [' }));
    const response = await chat(server, {});
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe('{"id": "chatcmpl-0", "choices": [');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('hangs until the client aborts, and still closes promptly', async () => {
    let arrived!: () => void;
    const hanging = new Promise<void>((resolve) => (arrived = resolve));
    const server = await start(() => {
      arrived();
      return { kind: 'hang' };
    });
    const controller = new AbortController();
    const response = chat(server, {}, controller.signal);
    await hanging;
    controller.abort();
    await expect(response).rejects.toMatchObject({ name: 'AbortError' });
    await server.close();
  });

  it('ends a hanging request when it closes, so the client sees a network error instead of waiting', async () => {
    let arrived!: () => void;
    const hanging = new Promise<void>((resolve) => (arrived = resolve));
    const server = await start(() => {
      arrived();
      return { kind: 'hang' };
    });
    const response = chat(server, {});
    await hanging;
    await server.close();
    await expect(response).rejects.toThrow(TypeError);
  });

  it('cuts a slow reply short when it closes', async () => {
    let arrived!: () => void;
    const slow = new Promise<void>((resolve) => (arrived = resolve));
    const server = await start(() => {
      arrived();
      // Far longer than the test may take: only close() can end it.
      return { kind: 'text', content: 'late', delayMs: 600_000 };
    });
    const response = chat(server, {});
    await slow;
    await server.close();
    await expect(response).rejects.toThrow(TypeError);
  });

  it('answers unknown routes and non-JSON bodies with OpenAI-style errors, and reports script failures', async () => {
    const server = await start(({ index }) => {
      throw new Error(`no reply scripted for request ${index}`);
    });
    const models = await fetch(`${server.url}/models`, { signal: AbortSignal.timeout(10_000) });
    expect(models.status).toBe(404);
    const notJson = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: 'not json',
      signal: AbortSignal.timeout(10_000),
    });
    expect(notJson.status).toBe(400);
    expect(server.requests[1]?.rawBody).toBe('not json');

    const failed = await chat(server, {});
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: { message: expect.stringContaining('request 2') } });
    expect(server.scriptErrors).toHaveLength(1);
  });
});
