import { APICallError, RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  CallPolicyOptionsSchema,
  callWithPolicy,
  classifyCallError,
  type RetryEvent,
} from '../../src/language/call-policy.js';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../src/language/retry-after.js';
import { useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { rejected } from '../helpers/thrown.js';

/** An API error as the AI SDK throws it for an HTTP failure. */
function apiError(statusCode: number, responseHeaders?: Record<string, string>): APICallError {
  return new APICallError({
    message: `HTTP ${statusCode} from the server`,
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    ...(responseHeaders ? { responseHeaders } : {}),
  });
}

/** A fetch network failure as undici reports it. */
function networkError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

/** A sleep that records the delays it is asked for and returns at once, so that no test waits for a backoff. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

/** A function that fails with the given errors in turn, then returns `result`; counts its calls. */
function failingThen<T>(
  errors: unknown[],
  result: T,
): { fn: (signal: AbortSignal) => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    fn: async () => {
      const error = errors[calls++];
      if (error !== undefined) throw error;
      return result;
    },
  };
}

/** A promise that settles only when the signal fires (rejecting with its reason), like a well-behaved fetch. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

describe('CallPolicyOptionsSchema', () => {
  it('fills in the documented defaults', () => {
    expect(CallPolicyOptionsSchema.parse({})).toEqual({
      maxRetries: 4,
      initialDelayMs: 500,
      maxDelayMs: 30_000,
      backoffFactor: 2,
      timeoutMs: 60_000,
    });
  });

  it('rejects invalid and unknown options with INVALID_ARGUMENT naming the option', async () => {
    const fn = async () => 'never called';
    const negative = await rejected(() => callWithPolicy(fn, { maxRetries: -1 }));
    expect(negative.code).toBe('INVALID_ARGUMENT');
    expect(negative.location?.field).toBe('maxRetries');
    expect((await rejected(() => callWithPolicy(fn, { maxRetries: 1.5 }))).code).toBe('INVALID_ARGUMENT');
    // Beyond what a timer can wait: it would fire at once instead.
    expect((await rejected(() => callWithPolicy(fn, { timeoutMs: 2 ** 31 }))).location?.field).toBe('timeoutMs');
    const unknown = await rejected(() => callWithPolicy(fn, { retries: 3 } as never));
    expect(unknown.code).toBe('INVALID_ARGUMENT');
    expect(unknown.message).toContain('callWithPolicy');
  });
});

describe('callWithPolicy', () => {
  it('returns the first success, handing fn a live signal', async () => {
    let received: AbortSignal | undefined;
    const result = await callWithPolicy(async (signal) => {
      received = signal;
      return 'ok';
    }, undefined);
    expect(result).toBe('ok');
    expect(received).toBeInstanceOf(AbortSignal);
    expect(received?.aborted).toBe(false);
  });

  it('retries rate limits, server errors, conflicts, request timeouts and network failures', async () => {
    const errors = [
      apiError(429),
      apiError(500),
      apiError(503),
      apiError(408),
      apiError(409),
      networkError('ECONNRESET'),
    ];
    const { fn, calls } = failingThen(errors, 'finally');
    const { sleep } = recordingSleep();
    const events: RetryEvent[] = [];
    const result = await callWithPolicy(fn, { maxRetries: 6 }, { sleep, onRetry: (event) => events.push(event) });
    expect(result).toBe('finally');
    expect(calls()).toBe(7);
    expect(events.map((event) => event.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.map((event) => event.reason)).toEqual([
      'HTTP 429',
      'HTTP 500',
      'HTTP 503',
      'HTTP 408',
      'HTTP 409',
      'network error (ECONNRESET)',
    ]);
    expect(events.map((event) => event.error)).toEqual(errors);
  });

  it.each([400, 401, 403, 404, 422])('does not retry HTTP %i', async (status) => {
    const error = apiError(status);
    const { fn, calls } = failingThen([error], 'unreachable');
    const { sleep, delays } = recordingSleep();
    const failure = await rejected(() => callWithPolicy(fn, { maxRetries: 4 }, { sleep }));
    expect(calls()).toBe(1);
    expect(delays).toEqual([]);
    expect(failure.code).toBe('LM_CALL_FAILED');
    expect(failure.message).toContain('after 1 attempt:');
    expect(failure.message).toContain(`HTTP ${status}`);
    expect(failure.cause).toBe(error);
  });

  it('says what to check for authentication and missing-model errors', async () => {
    const auth = await rejected(() => callWithPolicy(failingThen([apiError(401)], '').fn, {}));
    expect(auth.hint).toMatch(/API key/);
    const missing = await rejected(() => callWithPolicy(failingThen([apiError(404)], '').fn, {}));
    expect(missing.hint).toMatch(/model name/);
  });

  it('gives up after maxRetries retries with LM_CALL_FAILED, the attempt count and the last error', async () => {
    const errors = [apiError(500), apiError(502), apiError(503), apiError(504)];
    const { fn, calls } = failingThen(errors, 'unreachable');
    const { sleep, delays } = recordingSleep();
    const failure = await rejected(() => callWithPolicy(fn, { maxRetries: 2 }, { sleep }));
    expect(calls()).toBe(3);
    expect(delays).toHaveLength(2);
    expect(failure.code).toBe('LM_CALL_FAILED');
    expect(failure.message).toContain('after 3 attempts');
    expect(failure.message).toContain('HTTP 503');
    // The server's words end in a stop before the hint ("… from the server. The server kept failing …").
    expect(failure.problem).toMatch(/HTTP 503 from the server\.$/);
    expect(failure.cause).toBe(errors[2]);
    expect(failure.hint).toMatch(/maxRetries/);
  });

  it('makes exactly one attempt with maxRetries 0', async () => {
    const { fn, calls } = failingThen([apiError(503)], 'unreachable');
    const failure = await rejected(() => callWithPolicy(fn, { maxRetries: 0 }));
    expect(calls()).toBe(1);
    expect(failure.message).toContain('after 1 attempt:');
  });

  it('backs off exponentially with full jitter, capped at maxDelayMs', async () => {
    const errors = Array.from({ length: 6 }, () => apiError(503));
    const policy = { maxRetries: 6, initialDelayMs: 100, backoffFactor: 3, maxDelayMs: 5_000 };
    const top = recordingSleep();
    await callWithPolicy(failingThen(errors, 1).fn, policy, { sleep: top.sleep, random: () => 0.999999 });
    // Ceilings 100, 300, 900, 2700, 8100 → 5000, 24300 → 5000; a draw just below 1 lands just below each.
    expect(top.delays).toEqual([99, 299, 899, 2699, 4999, 4999]);

    const half = recordingSleep();
    await callWithPolicy(failingThen(errors, 1).fn, policy, { sleep: half.sleep, random: () => 0.5 });
    expect(half.delays).toEqual([50, 150, 450, 1350, 2500, 2500]);

    const zero = recordingSleep();
    await callWithPolicy(failingThen(errors, 1).fn, policy, { sleep: zero.sleep, random: () => 0 });
    expect(zero.delays).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('honours Retry-After over the backoff, even beyond maxDelayMs', async () => {
    const date = new Date(Date.now() + 3_600_000).toUTCString();
    const errors = [
      apiError(429, { 'retry-after': '7' }),
      apiError(503, { 'retry-after-ms': '1500', 'retry-after': '9' }),
      apiError(429, { 'Retry-After': '0.25' }),
      apiError(429, { 'retry-after': date }),
    ];
    const { sleep, delays } = recordingSleep();
    const { fn } = failingThen(errors, 'ok');
    const result = await callWithPolicy(fn, { maxDelayMs: 100 }, { sleep, random: () => 0.5 });
    expect(result).toBe('ok');
    // An hour away is cut to the cap: a batch run should not sit silent that long on one call.
    expect(delays).toEqual([7_000, 1_500, 250, MAX_RETRY_AFTER_MS]);
  });

  it('times out an attempt that ignores its signal, aborts the signal with a TimeoutError, and retries', async () => {
    const signals: AbortSignal[] = [];
    let calls = 0;
    const { sleep } = recordingSleep();
    const result = await callWithPolicy(
      (signal) => {
        signals.push(signal);
        // The first attempt never settles on its own; only the policy's timeout can end it.
        return calls++ === 0 ? new Promise<string>(() => {}) : Promise.resolve('second');
      },
      { timeoutMs: 20 },
      { sleep },
    );
    expect(result).toBe('second');
    expect(signals[0]?.aborted).toBe(true);
    expect((signals[0]!.reason as Error).name).toBe('TimeoutError');
    expect(signals[1]?.aborted).toBe(false);
  });

  it('throws TIMEOUT when every attempt times out', async () => {
    let calls = 0;
    const events: RetryEvent[] = [];
    const failure = await rejected(() =>
      callWithPolicy(
        (signal) => {
          calls++;
          return untilAborted(signal);
        },
        { timeoutMs: 10, maxRetries: 2 },
        { sleep: async () => {}, onRetry: (event) => events.push(event) },
      ),
    );
    expect(calls).toBe(3);
    expect(events.map((event) => event.reason)).toEqual(['timeout', 'timeout']);
    expect(failure.code).toBe('TIMEOUT');
    expect(failure.message).toContain('after 3 attempts');
    expect(failure.message).toContain('10 ms');
    expect((failure.cause as Error).name).toBe('TimeoutError');
  });

  it('cancels an in-flight attempt promptly, even one that ignores its signal', async () => {
    const controller = new AbortController();
    let attemptSignal: AbortSignal | undefined;
    const call = callWithPolicy(
      (signal) => {
        attemptSignal = signal;
        queueMicrotask(() => controller.abort(new Error('user pressed ctrl-c')));
        // Never settles, and there is no timeout: only a prompt abort can end this call.
        return new Promise<never>(() => {});
      },
      { timeoutMs: 0 },
      { signal: controller.signal },
    );
    const failure = await rejected(() => call);
    expect(failure.code).toBe('ABORTED');
    expect((failure.cause as Error).message).toBe('user pressed ctrl-c');
    expect(attemptSignal?.aborted).toBe(true);
  });

  it('cancels a wait between attempts, even when the injected sleep ignores the signal', async () => {
    const controller = new AbortController();
    const { fn, calls } = failingThen([apiError(503), apiError(503)], 'unreachable');
    const failure = await rejected(() =>
      callWithPolicy(
        fn,
        {},
        {
          signal: controller.signal,
          onRetry: () => queueMicrotask(() => controller.abort()),
          sleep: () => new Promise<void>(() => {}),
        },
      ),
    );
    expect(failure.code).toBe('ABORTED');
    expect(calls()).toBe(1);
  });

  it('cancels the default sleep too (a five-minute Retry-After would otherwise outlast the test)', async () => {
    const controller = new AbortController();
    const { fn, calls } = failingThen([apiError(429, { 'retry-after': '300' })], 'unreachable');
    const events: RetryEvent[] = [];
    const failure = await rejected(() =>
      callWithPolicy(
        fn,
        {},
        {
          signal: controller.signal,
          onRetry: (event) => {
            events.push(event);
            setTimeout(() => controller.abort(), 5);
          },
        },
      ),
    );
    expect(failure.code).toBe('ABORTED');
    expect(events.map((event) => event.delayMs)).toEqual([300_000]);
    expect(calls()).toBe(1);
  });

  it('does not call fn when the signal has already fired', async () => {
    const { fn, calls } = failingThen([], 'unreachable');
    const failure = await rejected(() => callWithPolicy(fn, {}, { signal: AbortSignal.abort() }));
    expect(failure.code).toBe('ABORTED');
    expect(calls()).toBe(0);
  });

  it('rethrows an IcerError from fn as it is, without retrying', async () => {
    const inner = await rejected(() => callWithPolicy(async () => 'x', { maxRetries: -1 }));
    const { fn, calls } = failingThen([inner], 'unreachable');
    const failure = await rejected(() => callWithPolicy(fn, {}, { sleep: async () => {} }));
    expect(failure).toBe(inner);
    expect(calls()).toBe(1);
  });

  it('does not retry an abort that did not come from the caller', async () => {
    const abort = new DOMException('aborted elsewhere', 'AbortError');
    const { fn, calls } = failingThen([abort], 'unreachable');
    const failure = await rejected(() => callWithPolicy(fn, {}, { sleep: async () => {} }));
    expect(calls()).toBe(1);
    expect(failure.code).toBe('LM_CALL_FAILED');
    expect(failure.cause).toBe(abort);
  });
});

describe('backoffDelay', () => {
  it('draws below min(maxDelayMs, initialDelayMs · factor^(attempt-1))', () => {
    const policy = CallPolicyOptionsSchema.parse({});
    expect(backoffDelay(1, policy, () => 0.5)).toBe(250);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1_000);
    expect(backoffDelay(20, policy, () => 0.5)).toBe(15_000);
    for (let attempt = 1; attempt < 12; attempt++) {
      const delay = backoffDelay(attempt, policy);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(30_000, 500 * 2 ** (attempt - 1)));
    }
  });
});

describe('classifyCallError', () => {
  it('reads AI SDK API errors by status', () => {
    expect(classifyCallError(apiError(429))).toEqual({ retryable: true, reason: 'HTTP 429', status: 429 });
    expect(classifyCallError(apiError(529))).toMatchObject({ retryable: true, status: 529 });
    expect(classifyCallError(apiError(401))).toEqual({ retryable: false, reason: 'HTTP 401', status: 401 });
    expect(classifyCallError(apiError(418))).toMatchObject({ retryable: false });
  });

  it('treats an unparseable successful response as retryable (usually a truncated transfer)', () => {
    expect(classifyCallError(apiError(200))).toMatchObject({ retryable: true, reason: 'invalid response (HTTP 200)' });
  });

  it('reads Retry-After from the error, whatever case the header name has', () => {
    expect(classifyCallError(apiError(429, { 'Retry-After': '3' })).retryAfterMs).toBe(3_000);
    expect(classifyCallError(apiError(503, { 'retry-after-ms': '120' })).retryAfterMs).toBe(120);
    expect(classifyCallError(apiError(429)).retryAfterMs).toBeUndefined();
  });

  it('reads errors of other clients: `status` with a Headers object', () => {
    const error = Object.assign(new Error('Too Many Requests'), {
      status: 429,
      headers: new Headers({ 'retry-after': '2' }),
    });
    expect(classifyCallError(error)).toEqual({ retryable: true, retryAfterMs: 2_000, reason: 'HTTP 429', status: 429 });
  });

  it('judges an AI SDK RetryError by its last error', () => {
    const retryable = new RetryError({
      message: 'gave up',
      reason: 'maxRetriesExceeded',
      errors: [apiError(400), apiError(503)],
    });
    expect(classifyCallError(retryable)).toMatchObject({ retryable: true, reason: 'HTTP 503' });
    const fatal = new RetryError({
      message: 'gave up',
      reason: 'errorNotRetryable',
      errors: [apiError(503), apiError(403)],
    });
    expect(classifyCallError(fatal)).toMatchObject({ retryable: false, reason: 'HTTP 403' });
  });

  it('recognises network failures of fetch, through the cause chain', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'ETIMEDOUT']) {
      expect(classifyCallError(networkError(code))).toEqual({ retryable: true, reason: `network error (${code})` });
    }
    const wrapped = new APICallError({
      message: 'Cannot connect to API: connect ECONNREFUSED',
      url: 'http://127.0.0.1/',
      requestBodyValues: {},
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      isRetryable: true,
    });
    expect(classifyCallError(wrapped)).toMatchObject({ retryable: true, reason: 'network error (ECONNREFUSED)' });
    expect(classifyCallError(new TypeError('fetch failed'))).toMatchObject({ retryable: true });
  });

  it('retries timeouts but not aborts, programming errors or non-errors', () => {
    expect(classifyCallError(new DOMException('slow', 'TimeoutError'))).toEqual({ retryable: true, reason: 'timeout' });
    expect(classifyCallError(new DOMException('stop', 'AbortError'))).toEqual({ retryable: false, reason: 'aborted' });
    const bug = new TypeError("Cannot read properties of undefined (reading 'text')");
    expect(classifyCallError(bug).retryable).toBe(false);
    expect(classifyCallError(new Error('something else')).retryable).toBe(false);
    expect(classifyCallError('a string')).toEqual({ retryable: false, reason: 'error' });
    expect(classifyCallError(undefined)).toEqual({ retryable: false, reason: 'error' });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads seconds, milliseconds and HTTP-dates', () => {
    expect(parseRetryAfter({ 'retry-after': '2' }, now)).toBe(2_000);
    expect(parseRetryAfter({ 'retry-after': '1.5' }, now)).toBe(1_500);
    expect(parseRetryAfter({ 'retry-after-ms': '42' }, now)).toBe(42);
    expect(parseRetryAfter({ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, now)).toBe(30_000);
    expect(parseRetryAfter(new Headers({ 'Retry-After': '4' }), now)).toBe(4_000);
  });

  it('gives 0 for a date in the past, caps long waits, and ignores what it cannot read', () => {
    expect(parseRetryAfter({ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }, now)).toBe(0);
    expect(parseRetryAfter({ 'retry-after': '86400' }, now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-5' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after-ms': 'x', 'retry-after': '1' }, now)).toBe(1_000);
    expect(parseRetryAfter({}, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('callWithPolicy against a real HTTP server', () => {
  const start = useOpenAICompatibleServers();

  /** A minimal client: throws the AI SDK's APICallError for a failed response, as the real provider does. */
  async function complete(url: string, signal: AbortSignal): Promise<string> {
    const response = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] }),
      signal,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new APICallError({
        message: text,
        url,
        requestBodyValues: {},
        statusCode: response.status,
        responseHeaders: Object.fromEntries(response.headers),
      });
    }
    const body = JSON.parse(text) as { choices: Array<{ message: { content: string } }> };
    return body.choices[0]?.message.content ?? '';
  }

  it('waits out a 429 as the server asks, retries a 500 and a hung request, then succeeds', async () => {
    const server = await start(({ index }) => {
      if (index === 0) return { kind: 'status', status: 429, headers: { 'retry-after': '2' } };
      if (index === 1) return { kind: 'status', status: 500 };
      if (index === 2) return { kind: 'hang' };
      return { kind: 'text', content: 'Alien (1979)' };
    });
    const { sleep, delays } = recordingSleep();
    const events: RetryEvent[] = [];
    const result = await callWithPolicy(
      (signal) => complete(server.url, signal),
      // Generous, so that only the hung request times out even on a loaded machine.
      { timeoutMs: 2_000, initialDelayMs: 100 },
      { sleep, random: () => 0.5, onRetry: (event) => events.push(event) },
    );
    expect(result).toBe('Alien (1979)');
    expect(server.requests).toHaveLength(4);
    expect(events.map((event) => event.reason)).toEqual(['HTTP 429', 'HTTP 500', 'timeout']);
    expect(delays).toEqual([2_000, 100, 200]);
  });

  it('gives up on a refused connection after the retry budget, naming the cause', async () => {
    const server = await start(() => ({ kind: 'text', content: 'unused' }));
    const { url } = server;
    await server.close();
    const { sleep, delays } = recordingSleep();
    const call = () => callWithPolicy((signal) => complete(url, signal), { maxRetries: 2 }, { sleep });
    const failure = await rejected(call);
    expect(failure.code).toBe('LM_CALL_FAILED');
    expect(failure.message).toContain('after 3 attempts');
    expect(failure.message).toContain('network error (ECONNREFUSED)');
    // Nobody there is no server failing: the advice is the address, not more retries.
    expect(failure.hint).toBe(
      'Nothing answered at its address: check the URL (baseURL) and that the server is running and reachable.',
    );
    expect(delays).toHaveLength(2);
  });

  it('aborts a hung request on the server promptly when the caller cancels', async () => {
    const controller = new AbortController();
    const server = await start(() => {
      controller.abort();
      return { kind: 'hang' };
    });
    const failure = await rejected(() =>
      callWithPolicy((signal) => complete(server.url, signal), { timeoutMs: 0 }, { signal: controller.signal }),
    );
    expect(failure.code).toBe('ABORTED');
    expect(server.requests).toHaveLength(1);
  });
});
