import { z } from 'zod';
import { abortableSleep, abortedError, raceAbort } from '../abort.js';
import { IcerError } from '../errors.js';
import { parseOptions } from '../validation/parse-options.js';
import { type CallErrorVerdict, classifyCallError } from './classify-call-error.js';

export { type CallErrorVerdict, classifyCallError } from './classify-call-error.js';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after.js';

// Timers cannot wait longer (about 24.8 days); a larger value would overflow and fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How a language-model call is retried and timed out. */
export const CallPolicyOptionsSchema = z.strictObject({
  /**
   * Retries after the first attempt (so at most `maxRetries + 1` attempts).
   * @default 4
   */
  maxRetries: z.number().int().min(0).default(4),
  /**
   * The backoff ceiling of the first retry, in ms; each later retry multiplies it by `backoffFactor`.
   * @default 500
   */
  initialDelayMs: z.number().min(0).default(500),
  /**
   * No backoff delay is longer than this, in ms (a server's `Retry-After` is honoured beyond it, up to 5 minutes).
   * @default 30000
   */
  maxDelayMs: z.number().min(0).max(MAX_TIMER_MS).default(30_000),
  /**
   * How much the backoff ceiling grows per retry.
   * @default 2
   */
  backoffFactor: z.number().min(1).default(2),
  /**
   * Per attempt, in ms; an attempt that takes longer is aborted and retried. 0 means no timeout.
   * @default 60000
   */
  timeoutMs: z.number().min(0).max(MAX_TIMER_MS).default(60_000),
});

/** Options for {@link callWithPolicy}; every field has a default. */
export type CallPolicyOptions = z.input<typeof CallPolicyOptionsSchema>;

/** {@link CallPolicyOptions} with the defaults filled in. */
export type CallPolicy = z.output<typeof CallPolicyOptionsSchema>;

/** Told to {@link CallHooks.onRetry} before each wait. */
export interface RetryEvent {
  /** The 1-based number of the attempt that just failed. */
  attempt: number;
  /** How long we now wait before the next attempt. */
  delayMs: number;
  /** What the failed attempt threw. */
  error: unknown;
  /** Why it is retried: `HTTP 429`, `timeout`, `network error (ECONNRESET)`, … */
  reason: string;
}

/** The caller's side of {@link callWithPolicy}: cancellation, observation, and (for tests) time and chance. */
export interface CallHooks {
  /** Cancels promptly: the in-flight attempt is aborted, and a wait between attempts ends at once. */
  signal?: AbortSignal;
  /** Called before each wait for a retry; for logs and run statistics. */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Waits between attempts. Defaults to a real, abortable timer; tests inject one that records the delays and
   * returns at once. Per-attempt timeouts always use real timers: a fake sleep that returns at once would otherwise
   * time out every attempt.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * A number in [0, 1) for the backoff jitter. Defaults to `Math.random`: jitter only decides *when* a retry is
   * sent, never what any output says, so it cannot break "same seed, same bytes" — and a shared seed would make
   * parallel clients retry in lockstep, which is what jitter is there to prevent.
   */
  random?: () => number;
}

/**
 * The wait before retry number `attempt` (1-based) when the server did not say: "full jitter" exponential backoff,
 * a uniform draw below `min(maxDelayMs, initialDelayMs · backoffFactor^(attempt-1))`, which spreads retries of many
 * clients hit by the same outage instead of having them return together.
 */
export function backoffDelay(attempt: number, policy: CallPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.backoffFactor ** (attempt - 1));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

function plural(count: number): string {
  return `${count} attempt${count === 1 ? '' : 's'}`;
}

function hintFor(verdict: CallErrorVerdict): string | undefined {
  // Nobody there, rather than a server failing: retrying later will not help until the address or the server is fixed.
  if (/^network error \((?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)\)/.test(verdict.reason))
    return 'Nothing answered at its address: check the URL (baseURL) and that the server is running and reachable.';
  if (verdict.retryable) return 'The server kept failing: try again later, or raise maxRetries.';
  switch (verdict.status) {
    case 401:
    case 403:
      return 'Check the API key and its permissions.';
    case 404:
      return 'Check the model name and the base URL.';
    case 400:
    case 422:
      return 'The server rejected the request: check the model and its options.';
    default:
      return undefined;
  }
}

function finalError(error: unknown, verdict: CallErrorVerdict, attempts: number, policy: CallPolicy): IcerError {
  // An IcerError from inside already says what went wrong in our terms; wrapping it would only bury its code.
  if (IcerError.isInstance(error)) return error;
  if (verdict.reason === 'timeout') {
    return new IcerError(
      'TIMEOUT',
      `The language-model call failed after ${plural(attempts)}; the last one timed out` +
        (policy.timeoutMs > 0 ? ` after ${policy.timeoutMs} ms.` : '.'),
      { hint: 'Raise timeoutMs, or check that the server is reachable and not overloaded.', cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  const hint = hintFor(verdict);
  // A server's own words ("Internal Server Error") may end with no stop before the hint that follows.
  const stop = /[.!?]$/.test(detail.trim()) ? '' : '.';
  const problem = `The language-model call failed after ${plural(attempts)}: ${verdict.reason}: ${detail.trim()}${stop}`;
  return new IcerError('LM_CALL_FAILED', problem, { ...(hint !== undefined ? { hint } : {}), cause: error });
}

async function runAttempt<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<T> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  // The reason is a TimeoutError so that fetch (which rejects with the signal's reason) reports it as one.
  const onTimeout = () =>
    controller.abort(new DOMException(`The attempt took longer than ${timeoutMs} ms.`, 'TimeoutError'));
  const timer = timeoutMs > 0 ? setTimeout(onTimeout, timeoutMs) : undefined;
  try {
    return await raceAbort(
      Promise.resolve().then(() => fn(controller.signal)),
      controller.signal,
    );
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * Runs `fn` with retries. `fn` receives an AbortSignal that fires when its attempt times out or the caller aborts;
 * it should pass it on to `fetch` (or the AI SDK's `abortSignal`), though the call returns promptly even if it does
 * not.
 *
 * Failures that another attempt may fix (see {@link classifyCallError}) are retried after the server's
 * `Retry-After` when it sent one, after an exponential backoff with full jitter otherwise.
 *
 * @throws IcerError `ABORTED` as soon as `hooks.signal` fires (mid-call or mid-wait); `TIMEOUT` when the last attempt
 *   timed out; `LM_CALL_FAILED` for any other failure, with the number of attempts in the message and the last error
 *   as `cause`; an IcerError thrown by `fn` as it is; `INVALID_ARGUMENT` for invalid options.
 *
 * @example
 * ```ts
 * const text = await callWithPolicy(
 *   async (signal) => (await generateText({ model, prompt, abortSignal: signal, maxRetries: 0 })).text,
 *   { maxRetries: 3, timeoutMs: 30_000 },
 *   { signal: run.signal, onRetry: ({ reason, delayMs }) => console.warn(`${reason}; retrying in ${delayMs} ms`) },
 * );
 * ```
 */
export async function callWithPolicy<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  options: CallPolicyOptions | undefined,
  hooks: CallHooks = {},
): Promise<T> {
  const policy = parseOptions(CallPolicyOptionsSchema, options, 'callWithPolicy');
  const { signal } = hooks;
  const sleep = hooks.sleep ?? abortableSleep;
  const random = hooks.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortedError(signal.reason);
    let error: unknown;
    try {
      return await runAttempt(fn, policy.timeoutMs, signal);
    } catch (caught) {
      error = caught;
    }
    // Whatever the attempt threw after the caller aborted is a consequence of the abort, not a server failure.
    if (signal?.aborted) throw abortedError(signal.reason);
    const verdict = classifyCallError(error);
    if (!verdict.retryable || attempt > policy.maxRetries) throw finalError(error, verdict, attempt, policy);
    const delayMs = verdict.retryAfterMs ?? backoffDelay(attempt, policy, random);
    hooks.onRetry?.({ attempt, delayMs, error, reason: verdict.reason });
    try {
      await raceAbort(sleep(delayMs, signal), signal);
    } catch (sleepError) {
      if (signal?.aborted) throw abortedError(signal.reason);
      throw sleepError;
    }
  }
}
