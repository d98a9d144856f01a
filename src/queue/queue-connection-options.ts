import { z } from 'zod';

/** What producers and workers both need: the Redis server and the queue on it. */
export const QueueConnectionOptionsSchema = z.strictObject({
  /** The Redis server: `redis://HOST:PORT`, with `user:password@` and `/db` when needed (`rediss://` for TLS). */
  url: z.string().min(1),
  /**
   * The queue's name on that server: a run's producer and its workers use the same one.
   * @default 'icer'
   */
  queue: z
    .string()
    .regex(/^[\w.-]+$/, 'the queue name is letters, digits, ".", "_" and "-"')
    .default('icer'),
  /**
   * How long to wait for the server to accept a connection before giving up with a clear error.
   * @default 5000
   */
  connectTimeoutMs: z.number().int().positive().default(5000),
  /**
   * How long Redis may leave a command unanswered (it went away mid-run) before giving up: a producer fails with
   * `QUEUE_UNREACHABLE`, and a worker being closed stops waiting to save its jobs' results. The driver alone waits
   * for Redis to come back for ever.
   * @default 30000
   */
  offlineMs: z.number().int().positive().default(30_000),
});

/** Options of {@link QueueConnectionOptionsSchema}, as given. */
export type QueueConnectionOptions = z.input<typeof QueueConnectionOptionsSchema>;
