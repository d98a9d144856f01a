import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';

/** One chat message as a client sends it. */
export interface ChatMessage {
  role: string;
  content?: unknown;
  [field: string]: unknown;
}

/** The parsed body of a `POST /v1/chat/completions` request (only the fields the server looks at are typed). */
export interface ChatCompletionRequestBody {
  model?: string;
  messages?: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: unknown;
  [field: string]: unknown;
}

/** A request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** The path with the query string, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `undefined` when it was empty or not JSON. */
  body: unknown;
  rawBody: string;
}

/** Token counts to report; when absent, the server counts whitespace-separated words. */
export interface ScriptedUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** What the server does with one chat-completions request. */
export type Reply =
  | {
      kind: 'text';
      /** The assistant's message; returned as-is for `response_format` (JSON) requests too. */
      content: string;
      /** 'none' leaves usage out, as many OpenAI-compatible servers and proxies do. */
      usage?: ScriptedUsage | 'none';
      /** Wait this long before sending anything (the response headers included). */
      delayMs?: number;
      /** When streaming, wait this long between chunks (a response whose body trickles in). */
      chunkDelayMs?: number;
    }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | {
      kind: 'malformed';
      /** Sent verbatim with status 200, as `application/json` (or `text/event-stream` to a streaming request). */
      raw: string;
    }
  | { kind: 'hang' };

/** Decides the reply to one request; `index` is the request's position in {@link FakeOpenAIServer.requests}. */
export type ReplyScript = (request: { body: ChatCompletionRequestBody; index: number }) => Reply | Promise<Reply>;

/** A running server; close it in `afterEach`. */
export interface FakeOpenAIServer {
  /** The base URL to give a client, e.g. `http://127.0.0.1:40123/v1`. */
  url: string;
  /** Every request received, in order, including ones the server rejected. */
  requests: RecordedRequest[];
  /** Errors the script threw (each was answered with a 500); a test can assert this stays empty. */
  scriptErrors: unknown[];
  /** Stops the server, ending open and hanging connections at once. */
  close(): Promise<void>;
}

// A fixed timestamp, so that responses are byte-for-byte the same from run to run.
const CREATED = 1_700_000_000;

function words(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

function promptWords(body: ChatCompletionRequestBody): number {
  let count = 0;
  for (const message of body.messages ?? []) {
    if (typeof message.content === 'string') count += words(message.content);
    else if (Array.isArray(message.content)) {
      for (const part of message.content as unknown[]) {
        const text = (part as { text?: unknown } | null)?.text;
        if (typeof text === 'string') count += words(text);
      }
    }
  }
  return count;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    ...headers,
  });
  response.end(json);
}

function errorBody(status: number, message: string) {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type, param: null, code: null } };
}

// Content split into word-sized pieces that concatenate back to exactly the original, as a real model streams.
function pieces(content: string): string[] {
  return content.match(/\s*\S+\s*/g) ?? (content === '' ? [] : [content]);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts a real HTTP server on 127.0.0.1 (a free port) that speaks enough of the OpenAI chat-completions protocol
 * for `@ai-sdk/openai-compatible` and plain `fetch`: `POST /v1/chat/completions`, JSON or server-sent events
 * (`stream: true`, with a usage chunk when `stream_options.include_usage`), and whatever failure the script asks for.
 *
 * @example
 * ```ts
 * const server = await startOpenAICompatibleServer(({ index }) =>
 *   index === 0 ? { kind: 'status', status: 429, headers: { 'retry-after': '1' } } : { kind: 'text', content: 'Hi!' },
 * );
 * afterEach(() => server.close());
 * ```
 */
export async function startOpenAICompatibleServer(script: ReplyScript): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const scriptErrors: unknown[] = [];
  const sockets = new Set<Socket>();
  // Delays end early when the server closes, so that close() never waits for a slow scripted reply.
  const closing = new AbortController();

  const wait = (ms: number, response: ServerResponse) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || closing.signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        closing.signal.removeEventListener('abort', done);
        response.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      closing.signal.addEventListener('abort', done, { once: true });
      response.once('close', done);
    });

  const reply = async (response: ServerResponse, body: ChatCompletionRequestBody, index: number, action: Reply) => {
    const id = `chatcmpl-${index}`;
    const model = typeof body.model === 'string' ? body.model : 'fake-model';
    const streaming = body.stream === true;
    switch (action.kind) {
      case 'hang':
        return;
      case 'status':
        sendJson(response, action.status, action.body ?? errorBody(action.status, `Scripted HTTP ${action.status}.`), {
          ...action.headers,
        });
        return;
      case 'malformed':
        response.writeHead(200, { 'content-type': streaming ? 'text/event-stream' : 'application/json' });
        response.end(action.raw);
        return;
      case 'text': {
        await wait(action.delayMs ?? 0, response);
        if (response.destroyed || closing.signal.aborted) return;
        const scripted = action.usage === 'none' ? undefined : action.usage;
        const promptTokens = scripted?.prompt_tokens ?? promptWords(body);
        const completionTokens = scripted?.completion_tokens ?? words(action.content);
        const usage =
          action.usage === 'none'
            ? undefined
            : {
                prompt_tokens: promptTokens,
                completion_tokens: completionTokens,
                total_tokens: promptTokens + completionTokens,
              };
        if (!streaming) {
          sendJson(response, 200, {
            id,
            object: 'chat.completion',
            created: CREATED,
            model,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: action.content },
                finish_reason: 'stop',
                logprobs: null,
              },
            ],
            ...(usage && { usage }),
          });
          return;
        }
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => {
          const payload = { id, object: 'chat.completion.chunk', created: CREATED, model, choices, ...extra };
          return `data: ${JSON.stringify(payload)}\n\n`;
        };
        const delta = (value: Record<string, unknown>, finish: string | null) =>
          chunk([{ index: 0, delta: value, finish_reason: finish }]);
        response.write(delta({ role: 'assistant', content: '' }, null));
        for (const piece of pieces(action.content)) {
          await wait(action.chunkDelayMs ?? 0, response);
          if (response.destroyed || closing.signal.aborted) return;
          response.write(delta({ content: piece }, null));
        }
        response.write(delta({}, 'stop'));
        if (usage && body.stream_options?.include_usage === true) response.write(chunk([], { usage }));
        response.end('data: [DONE]\n\n');
        return;
      }
    }
  };

  const server = createServer((request, response) => {
    void (async () => {
      const rawBody = await readBody(request);
      let body: unknown;
      try {
        body = rawBody === '' ? undefined : JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      const index = requests.length;
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
        rawBody,
      });
      const path = (request.url ?? '').split('?')[0];
      if (request.method !== 'POST' || path !== '/v1/chat/completions') {
        sendJson(response, 404, errorBody(404, `No route for ${request.method} ${path}.`));
        return;
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        sendJson(response, 400, errorBody(400, 'The request body must be a JSON object.'));
        return;
      }
      const chatBody = body as ChatCompletionRequestBody;
      let action: Reply;
      try {
        action = await script({ body: chatBody, index });
      } catch (error) {
        scriptErrors.push(error);
        sendJson(response, 500, errorBody(500, `The test script threw: ${String(error)}`));
        return;
      }
      await reply(response, chatBody, index, action);
    })().catch((error: unknown) => {
      scriptErrors.push(error);
      response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    scriptErrors,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        // Hanging and keep-alive connections would keep close() waiting for ever.
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

/**
 * Registers cleanup for the calling test file and returns a `start` that launches a server closed after each test.
 * Call it at the top level (or in a describe block) of a test file.
 */
export function useOpenAICompatibleServers(): (script: ReplyScript) => Promise<FakeOpenAIServer> {
  const servers: FakeOpenAIServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (script) => {
    const server = await startOpenAICompatibleServer(script);
    servers.push(server);
    return server;
  };
}
