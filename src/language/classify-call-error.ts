import { IcerError } from '../errors.js';
import { type HeaderSource, parseRetryAfter } from './retry-after.js';

/** What {@link classifyCallError} concluded about a failed language-model call. */
export interface CallErrorVerdict {
  /** Whether another attempt may succeed (rate limits, server errors, network failures, timeouts). */
  retryable: boolean;
  /** How long the server asked us to wait (`Retry-After` / `retry-after-ms`), capped; absent when it did not say. */
  retryAfterMs?: number;
  /** A short label for logs and messages: `HTTP 429`, `timeout`, `network error (ECONNRESET)`, `aborted`, … */
  reason: string;
  /** The HTTP status of the failed response, when there was one. */
  status?: number;
}

// Error codes of fetch implementations for a connection that failed or broke: Node's sockets and undici, and Bun.
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ConnectionRefused',
  'ConnectionClosed',
  'FailedToOpenSocket',
]);

// The TypeError messages `fetch` uses for "the request never got an answer": undici, browsers, Safari, Deno.
const FETCH_FAILED = /^(fetch failed|failed to fetch|load failed|network ?error|error sending request)/i;

type Fields = Record<string, unknown>;

function fields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null ? (value as Fields) : undefined;
}

function httpStatus(error: Fields): number | undefined {
  // The AI SDK's APICallError says `statusCode`; the OpenAI SDK and most HTTP errors say `status`.
  for (const value of [error.statusCode, error.status]) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599) return value;
  }
  return undefined;
}

function responseHeaders(error: Fields): HeaderSource | undefined {
  for (const value of [error.responseHeaders, error.headers]) {
    const headers = fields(value);
    if (headers) return headers as HeaderSource;
  }
  return undefined;
}

function networkErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (fields(current) && !seen.has(current)) {
    seen.add(current);
    const code = (current as Fields).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return code;
    current = (current as Fields).cause;
  }
  return undefined;
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Whether an error from a language-model call is worth retrying, and after how long the server asked us to wait.
 *
 * Duck-typed so that the core needs no `ai` import and errors from any copy of the AI SDK (or another client) are
 * understood: an `APICallError` (`statusCode`, `responseHeaders`, `isRetryable`), a `RetryError` (judged by its
 * `lastError`), a `fetch` network failure (a `TypeError` whose `cause` has a code such as `ECONNRESET`), a timeout
 * (`TimeoutError`). Retries 408, 409, 429 and 5xx, network failures, timeouts, and a 2xx response whose body could
 * not be parsed (usually a truncated transfer); never other 4xx, an abort, nor an {@link IcerError}.
 */
export function classifyCallError(error: unknown): CallErrorVerdict {
  const object = fields(error);
  if (!object) return { retryable: false, reason: 'error' };
  // Our own errors have already been through a policy (or say the input is wrong): retrying would not help.
  if (IcerError.isInstance(error)) return { retryable: false, reason: error.code };

  // An AI SDK RetryError wraps the attempts it already made; the last one says what state the server is in.
  if (Array.isArray(object.errors) && 'lastError' in object && object.lastError !== error) {
    return classifyCallError(object.lastError);
  }

  const name = typeof object.name === 'string' ? object.name : '';
  if (name === 'TimeoutError') return { retryable: true, reason: 'timeout' };
  if (name === 'AbortError' || name === 'ResponseAborted') return { retryable: false, reason: 'aborted' };

  const status = httpStatus(object);
  if (status !== undefined) {
    const retryAfterMs = parseRetryAfter(responseHeaders(object));
    const base = { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    if (status >= 200 && status < 300) return { ...base, retryable: true, reason: `invalid response (HTTP ${status})` };
    return { ...base, retryable: isRetryableStatus(status), reason: `HTTP ${status}` };
  }

  const code = networkErrorCode(error);
  if (code !== undefined) return { retryable: true, reason: `network error (${code})` };
  if (error instanceof TypeError && FETCH_FAILED.test(error.message)) {
    return { retryable: true, reason: 'network error' };
  }
  // The AI SDK marks connection failures it recognises as retryable APICallErrors without a status.
  if (object.isRetryable === true) return { retryable: true, reason: 'network error' };
  return { retryable: false, reason: 'error' };
}
