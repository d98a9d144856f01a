import { IcerError, type IcerErrorCode, type IcerErrorLocation } from '../errors.js';
import type { RunEntry } from './run-entries.js';
import type { RunFlagValues } from './run-plan.js';

/** What a generate worker is started with: it plans the same run as the command. */
export interface WorkerSetup {
  readonly values: RunFlagValues;
  readonly cwd: string;
  /**
   * The digests of the run's input files where it started (`{ profiles: "sha256:…" }`): a worker checks its own files
   * against them before it makes anything from them.
   */
  readonly digests?: Readonly<Record<string, string>>;
}

/** A range of the run for a worker to generate. */
export interface BatchRequest {
  readonly batch: number;
  readonly from: number;
  readonly to: number;
}

/** An error as it crosses between threads or machines: an icer error keeps its code, location and hint. */
export type SentError =
  | {
      readonly code: IcerErrorCode;
      readonly problem: string;
      readonly location?: IcerErrorLocation;
      readonly hint?: string;
    }
  | { readonly code?: undefined; readonly message: string; readonly stack?: string };

/** An entry as it crosses: a skip's error is sent. */
export type SentEntry =
  | Extract<RunEntry, { line: string }>
  | { readonly index: number; readonly skip: { dialogueId: string; userId: string; error: SentError } };

/** What a worker answers: a batch's entries, or the error that stopped it. */
export type WorkerReply =
  | { readonly type: 'done'; readonly batch: number; readonly entries: SentEntry[] }
  | { readonly type: 'error'; readonly error: SentError };

export function sendError(error: unknown): SentError {
  if (IcerError.isInstance(error)) {
    return {
      code: error.code,
      problem: error.problem,
      ...(error.location ? { location: error.location } : {}),
      ...(error.hint ? { hint: error.hint } : {}),
    };
  }
  const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
  return { message, ...(stack ? { stack } : {}) };
}

export function receiveError(sent: SentError): Error {
  if (sent.code === undefined) return Object.assign(new Error(sent.message), sent.stack ? { stack: sent.stack } : {});
  return new IcerError(sent.code, sent.problem, {
    ...(sent.location ? { location: sent.location } : {}),
    ...(sent.hint ? { hint: sent.hint } : {}),
  });
}

export function sendEntry(entry: RunEntry): SentEntry {
  return 'skip' in entry ? { index: entry.index, skip: { ...entry.skip, error: sendError(entry.skip.error) } } : entry;
}

export function receiveEntry(entry: SentEntry): RunEntry {
  if (!('skip' in entry)) return entry;
  return { index: entry.index, skip: { ...entry.skip, error: receiveError(entry.skip.error) as IcerError } };
}
