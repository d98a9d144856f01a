import { IcerError } from '../errors.js';
import { UsageError } from './cli-io.js';

/** The environment variable that sets the heap cap of each generate thread outright, in MB. */
export const THREAD_HEAP_ENV = 'ICER_THREAD_HEAP_MB';

/**
 * The heap cap the environment sets for each generate thread (see {@link THREAD_HEAP_ENV}), if any: for a machine
 * with less memory per thread than the default assumes. A value that is not a whole number of MB is a usage error.
 */
export function threadHeapFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const value = env[THREAD_HEAP_ENV];
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(
      `${THREAD_HEAP_ENV} must be a whole number of MB, such as 512 (got "${value}"); unset it for the default cap.`,
    );
  }
  return Number(value);
}

/**
 * A thread's failure as the user should read it: a thread that ran out of its capped heap is `OUT_OF_MEMORY`, with
 * `hint` saying what to do; any other failure is returned as it is.
 */
export function threadFailure(error: Error & { code?: string }, capMb: number | undefined, hint: string): Error {
  if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  const cap = capMb === undefined ? '' : ` (its heap is capped at ${capMb} MB)`;
  return new IcerError('OUT_OF_MEMORY', `A generate worker thread ran out of memory${cap}.`, { hint, cause: error });
}
