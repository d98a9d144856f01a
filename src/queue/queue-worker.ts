import { hostname } from 'node:os';
import { z } from 'zod';
import { IcerError } from '../errors.js';
import { parseOptions } from '../validation/parse-options.js';
import { failureReason } from './job-failure.js';
import { loadBullMQ, missingDriver } from './load-bullmq.js';
import { QueueConnectionOptionsSchema } from './queue-connection-options.js';
import { reachRedis } from './reach-redis.js';
import { redisAnswer } from './redis-answer.js';
import { redisConnection } from './redis-url.js';

/** What a handler is told about the job besides its data. */
export interface QueueJobInfo {
  /** The job's id: `<runKey>-<batch>` for jobs of {@link queuedResults}. */
  readonly id: string;
  /** How many times the job was taken before and not finished (a worker that died holding it): 0 the first time. */
  readonly stalls: number;
}

/** Does one job: its result is returned to the producer (JSON: it is stored in Redis); a throw fails the job. */
export type QueueJobHandler<Data, Result> = (data: Data, job: QueueJobInfo) => Promise<Result>;

/** A running worker. */
export interface QueueWorker {
  /** Settles when the worker has stopped (after {@link QueueWorker.close}). */
  readonly closed: Promise<void>;
  /**
   * Stops taking jobs and waits for the ones under way to finish and their results to be saved. With `force`, does
   * not wait: the jobs under way are left locked, and another worker takes them once their lock expires. A Redis that
   * does not answer is waited for `offlineMs` at most (with `force`, 2 s), then the connections are dropped.
   */
  close(options?: { force?: boolean }): Promise<void>;
}

// A forced close waits this long for Redis to take the connections' goodbyes.
const FORCED_CLOSE_MS = 2000;

const isFunction = (value: unknown): value is (error: Error) => void => typeof value === 'function';

/** Options of {@link startQueueWorker}. Unknown keys are refused. */
export const QueueWorkerOptionsSchema = QueueConnectionOptionsSchema.extend({
  /**
   * Jobs this worker runs at once.
   * @default 1
   */
  concurrency: z.number().int().min(1).max(1024).default(1),
  /**
   * How long a job stays locked to this worker without a renewal (renewed every half of it while the job runs). A
   * worker that dies holding a job keeps it from the others this long: shorter means a faster retry elsewhere, but
   * a handler that blocks the event loop longer than this loses its job to another worker.
   * @default 30000
   */
  lockDurationMs: z.number().int().min(100).default(30_000),
  /**
   * How often this worker looks for jobs whose lock expired (their worker died) and puts them back on the queue.
   * @default 30000
   */
  stalledIntervalMs: z.number().int().min(100).default(30_000),
  /**
   * How many times a job may be taken back from a dead worker before it fails for good.
   * @default 3
   */
  maxStalledCount: z.number().int().min(0).default(3),
  /**
   * The worker's name, kept with each job it takes (BullMQ's `processedBy`): a batch that fails is reported with the
   * name of the worker it failed on, so that a machine with the wrong files or version can be found. No spaces:
   * BullMQ names the worker's Redis connections with it, and Redis refuses a name with spaces (the worker would then
   * be missing from `Queue.getWorkers()` and dashboards).
   * @default the machine's host name and the process id, `"host-a:4242"`
   */
  name: z.string().regex(/^\S+$/, 'the worker name is one word, without spaces').optional(),
  /** Told of connection trouble (the driver reconnects by itself) and of jobs it could not finish in time. */
  onError: z.custom<(error: Error) => void>(isFunction, 'onError must be a function').optional(),
});

/** Options of {@link startQueueWorker}, as given. */
export type QueueWorkerOptions = z.input<typeof QueueWorkerOptionsSchema>;

/**
 * The worker's side of a work queue on Redis (BullMQ): takes jobs from the queue, runs `handler` on each, and
 * returns its result to whoever enqueued the job ({@link queuedResults}). An error the handler throws fails the job
 * with its message (an icer error keeps its code). While a job runs its lock is renewed; if this worker dies, the
 * lock expires and a worker's stalled-job check puts the job back on the queue for another.
 *
 * @throws IcerError `INVALID_ARGUMENT` for options that are not valid, `QUEUE_UNREACHABLE` for a Redis that cannot be reached;
 *   `MISSING_DEPENDENCY` without `bullmq` (or its driver `ioredis`).
 */
export async function startQueueWorker<Data, Result>(
  input: QueueWorkerOptions,
  handler: QueueJobHandler<Data, Result>,
): Promise<QueueWorker> {
  const options = parseOptions(QueueWorkerOptionsSchema, input, 'startQueueWorker');
  const connection = redisConnection(options.url);
  await reachRedis(options.url, options.connectTimeoutMs);
  const { Worker } = await loadBullMQ();
  const worker = new Worker(
    options.queue,
    async (job) => {
      try {
        return await handler(job.data as Data, { id: job.id ?? '', stalls: job.stalledCounter ?? 0 });
      } catch (error) {
        throw new Error(failureReason(error));
      }
    },
    {
      // Workers block on Redis: the driver must retry their commands for as long as it takes.
      connection: { ...connection, maxRetriesPerRequest: null },
      autorun: false,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.stalledIntervalMs,
      maxStalledCount: options.maxStalledCount,
      name: options.name ?? `${hostname()}:${process.pid}`,
    },
  );
  worker.on('error', (error) => options.onError?.(error));
  try {
    await worker.waitUntilReady();
  } catch (error) {
    await worker.close(true).catch(() => {});
    throw missingDriver(error);
  }
  // Settles when the worker's loop ends, or when a close gave up on a Redis gone (the loop then never ends).
  let dropped: () => void = () => {};
  const closed = Promise.race([worker.run().then(() => {}), new Promise<void>((resolve) => (dropped = resolve))]);
  // The wait of a close under way: a later close ends it, and its own wait decides (its timer would keep the
  // process alive).
  let waiting: AbortController | undefined;
  return {
    closed,
    close: async ({ force = false } = {}) => {
      waiting?.abort();
      const wait = new AbortController();
      waiting = wait;
      const ms = force ? Math.min(options.offlineMs, FORCED_CLOSE_MS) : options.offlineMs;
      const gone = await redisAnswer(worker.close(force), options.url, ms, wait.signal).then(
        () => false,
        (error: unknown) => !wait.signal.aborted && IcerError.isInstance(error),
      );
      if (gone) {
        // Dropping the connections settles only once the driver lets go of them, which may be never.
        worker.disconnect().catch(() => {});
        dropped();
      }
      await closed;
    },
  };
}
