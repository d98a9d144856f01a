import { z } from 'zod';
import { abortedError, throwIfAborted } from '../abort.js';
import { IcerError } from '../errors.js';
import { parseOptions } from '../validation/parse-options.js';
import { failureError } from './job-failure.js';
import { loadBullMQ, missingDriver } from './load-bullmq.js';
import { QueueConnectionOptionsSchema } from './queue-connection-options.js';
import { reachRedis } from './reach-redis.js';
import { redisAnswer } from './redis-answer.js';
import { redisConnection } from './redis-url.js';

/** One batch of a run to enqueue: its number (its place in the run's order) and what a worker needs to do it. */
export interface QueueBatch<Data> {
  /** The batch's number: results come back in the order the batches are given, and the job id ends with it. */
  readonly batch: number;
  /** The job's data, as workers receive it (JSON: it is stored in Redis). */
  readonly data: Data;
}

/** A batch done: its number and what the worker returned. */
export interface QueuedResult<Result> {
  /** The batch's number, as it was enqueued. */
  readonly batch: number;
  /** What the worker's handler returned for it. */
  readonly result: Result;
}

const isSignal = (value: unknown): value is AbortSignal => value instanceof AbortSignal;
const isIterable = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.iterator in value;

/** Options of {@link queuedResults}. Unknown keys are refused. */
export const QueuedResultsOptionsSchema = QueueConnectionOptionsSchema.extend({
  /**
   * Names the run in Redis: job ids are `<runKey>-<batch>`, so enqueuing the same run again (a resumed run) finds the
   * jobs already there, done or not, instead of adding them twice. The same key must mean the same work.
   */
  runKey: z.string().regex(/^[\w.-]+$/, 'the run key is letters, digits, ".", "_" and "-"'),
  /** The batches, in the order their results are wanted; read as the window moves, so it may be lazy. */
  batches: z.custom<Iterable<QueueBatch<unknown>>>(isIterable, 'batches must be an iterable of { batch, data }'),
  /**
   * Batches enqueued ahead of the one being collected, at most: the results workers finish early wait in Redis, so
   * this bounds what Redis holds.
   * @default 64
   */
  window: z.number().int().min(1).default(64),
  /**
   * How often to look at the awaited job when no event says it changed (events can be missed while Redis
   * reconnects).
   * @default 1000
   */
  pollMs: z.number().int().min(10).default(1000),
  /**
   * The length the queue's event stream is trimmed to (BullMQ's `streams.events.maxLen`): a finished job's event
   * carries its result, so a long stream holds many results.
   * @default 500
   */
  eventsMaxLen: z.number().int().min(100).default(500),
  /** Ends the run cleanly: no new batch is enqueued, batches not started are taken off the queue, the ones under way finish and are yielded. */
  stop: z.custom<AbortSignal>(isSignal, 'stop must be an AbortSignal').optional(),
  /** Ends the run at once, throwing `ABORTED`; batches not started are taken off the queue. */
  signal: z.custom<AbortSignal>(isSignal, 'signal must be an AbortSignal').optional(),
});

/** Options of {@link queuedResults}, as given. */
export type QueuedResultsOptions<Data = unknown> = Omit<z.input<typeof QueuedResultsOptionsSchema>, 'batches'> & {
  /** The batches, in the order their results are wanted; read as the window moves, so it may be lazy. */
  batches: Iterable<QueueBatch<Data>>;
};

// Every job of icer's queues has this name; what it is lies in its data.
const JOB_NAME = 'batch';
// The states of a job no worker has taken yet: such a job can be taken off the queue.
const NOT_STARTED = new Set(['waiting', 'wait', 'prioritized', 'delayed', 'waiting-children']);
// A run on its way out (failed or aborted) tidies Redis this long per command at most, then leaves it as it is: a
// Redis that answers at all answers in milliseconds.
const TIDY_MS = 1000;

/**
 * The producer's side of a work queue on Redis (BullMQ): enqueues a run's batches as jobs, at most `window` ahead,
 * and yields each batch's result in the order the batches were given, whichever worker did it and whenever. A job
 * is removed once its result is yielded. Job ids are deterministic (`<runKey>-<batch>`): a run enqueued again after
 * a crash reuses the jobs still in Redis (finished ones are not redone), and a job that failed is enqueued anew. A
 * worker that dies mid-batch leaves its job locked until the lock expires; another worker's stalled-job check then
 * puts it back on the queue (see {@link startQueueWorker}).
 *
 * @throws IcerError `INVALID_ARGUMENT` for options that are not valid, `QUEUE_UNREACHABLE` for a Redis that cannot be
 *   reached or that stops answering for `offlineMs` mid-run;
 *   `MISSING_DEPENDENCY` without `bullmq` (or its driver `ioredis`); `ABORTED` when `signal` fires; a failed job's
 *   error (an icer error again when the worker threw one).
 */
export async function* queuedResults<Data, Result>(
  input: QueuedResultsOptions<Data>,
): AsyncGenerator<QueuedResult<Result>> {
  const options = parseOptions(QueuedResultsOptionsSchema, input, 'queuedResults');
  const { stop, signal } = options;
  const connection = redisConnection(options.url);
  throwIfAborted(signal);
  await reachRedis(options.url, options.connectTimeoutMs);
  const { Queue, QueueEvents } = await loadBullMQ();
  const queue = new Queue(options.queue, { connection, streams: { events: { maxLen: options.eventsMaxLen } } });
  const events = new QueueEvents(options.queue, { connection });
  // Connection trouble is retried by the driver; a listener keeps it from ending the process.
  const ignore = () => {};
  queue.on('error', ignore);
  events.on('error', ignore);
  // Every command is bounded: Redis gone mid-run fails the run, a signal ends the wait at once. Tidying up on the way
  // out is bounded more tightly, and skipped once Redis is known gone.
  let gone = false;
  const noteGone = (error: unknown): never => {
    if (IcerError.isInstance(error) && error.code === 'QUEUE_UNREACHABLE') gone = true;
    throw error;
  };
  const ask = <T>(call: Promise<T>): Promise<T> =>
    redisAnswer(call, options.url, options.offlineMs, signal).catch(noteGone);
  const tidy = <T>(call: Promise<T>): Promise<T> =>
    redisAnswer(call, options.url, Math.min(options.offlineMs, TIDY_MS)).catch(noteGone);

  const jobId = (batch: number) => `${options.runKey}-${batch}`;
  const pending: Array<{ batch: number; id: string; data: Data }> = [];
  // A change to one of this run's jobs (or a stop) wakes the wait for the next result.
  let changes = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    changes++;
    wake?.();
    wake = undefined;
  };
  const ours = ({ jobId: id }: { jobId: string }) => {
    if (id.startsWith(`${options.runKey}-`)) notify();
  };
  events.on('completed', ours);
  events.on('failed', ours);
  stop?.addEventListener('abort', notify);
  signal?.addEventListener('abort', notify);

  const enqueue = (id: string, data: Data) =>
    ask(queue.add(JOB_NAME, data, { jobId: id, attempts: 1, removeOnComplete: false, removeOnFail: false }));
  const add = async (id: string, data: Data) => {
    const existing = await ask(queue.getJob(id));
    if (existing) {
      if ((await ask(existing.getState())) !== 'failed') return;
      await ask(queue.remove(id));
    }
    await enqueue(id, data);
  };
  // Takes the jobs no worker has started off the queue (a stopped or failed run). From the first one removed on,
  // nothing can be yielded in order: those entries leave `pending`, and the ones under way or done among them stay
  // in Redis for a resumed run.
  let withdrawn = false;
  const withdraw = async (call: typeof ask) => {
    withdrawn = true;
    let first = -1;
    for (const [at, entry] of pending.entries()) {
      const job = await call(queue.getJob(entry.id));
      if (job && NOT_STARTED.has(await call(job.getState())) && (await call(queue.remove(entry.id))) === 1 && first < 0)
        first = at;
    }
    if (first >= 0) pending.length = first;
  };
  // The head's result, once a worker has done it; undefined when a stop took it off the queue first.
  const settle = async (entry: (typeof pending)[number]): Promise<{ result: Result } | undefined> => {
    for (;;) {
      if (signal?.aborted) throw abortedError(signal.reason);
      if (stop?.aborted && !withdrawn) {
        await withdraw(ask);
        if (pending[0] !== entry) return undefined;
      }
      const seen = changes;
      const job = await ask(queue.getJob(entry.id));
      if (!job) {
        // Gone (removed by hand, or a Redis restarted without persistence), and with it, likely, every job queued
        // behind it: all that are gone are enqueued again at once, or the workers would get them one at a time.
        for (const { id, data } of pending) if (!(await ask(queue.getJob(id)))) await enqueue(id, data);
        continue;
      }
      if (job.finishedOn) {
        const state = await ask(job.getState());
        if (state === 'completed') return { result: job.returnvalue as Result };
        if (state === 'failed')
          throw failureError(job.failedReason, `Batch ${entry.batch} (job ${entry.id})`, job.processedBy);
      }
      if (changes === seen) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  };

  let finished = false;
  let collected: string | undefined;
  try {
    try {
      await ask(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]));
    } catch (error) {
      throw missingDriver(error);
    }
    const source = (options.batches as Iterable<QueueBatch<Data>>)[Symbol.iterator]();
    let exhausted = false;
    for (;;) {
      while (!stop?.aborted && !exhausted && pending.length < options.window) {
        const next = source.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const entry = { batch: next.value.batch, id: jobId(next.value.batch), data: next.value.data };
        await add(entry.id, entry.data);
        pending.push(entry);
      }
      const head = pending[0];
      if (!head) break;
      const done = await settle(head);
      if (!done) break;
      pending.shift();
      // Its job is removed once the consumer has it: after the yield, or on the way out if the consumer stops here.
      collected = head.id;
      yield { batch: head.batch, result: done.result };
      collected = undefined;
      await ask(queue.remove(head.id));
    }
    finished = true;
  } finally {
    events.off('completed', ours);
    events.off('failed', ours);
    stop?.removeEventListener('abort', notify);
    signal?.removeEventListener('abort', notify);
    if (!gone) {
      if (collected !== undefined) await tidy(queue.remove(collected)).catch(ignore);
      if (!finished && !withdrawn) await withdraw(tidy).catch(ignore);
    }
    // Closing waits for Redis to take the connections' goodbyes; gone, they are dropped, and that settles only once
    // the driver lets go of them, which may be never.
    const closed = gone ? undefined : await tidy(Promise.allSettled([events.close(), queue.close()])).catch(ignore);
    if (closed === undefined) for (const part of [events, queue]) part.disconnect().catch(ignore);
  }
}
