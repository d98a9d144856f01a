// `icer/queue`: a work queue on Redis through BullMQ (an optional peer dependency, with its driver ioredis), so that
// the batches of a run spread over any number of machines. The core never imports it. Named re-exports only.
/**
 * A work queue on Redis through BullMQ (a peer dependency, with its driver ioredis), so that the batches of a run
 * spread over any number of machines.
 *
 * @module icer/queue
 */
export type { QueueConnectionOptions } from './queue-connection-options.js';
export { QueueConnectionOptionsSchema } from './queue-connection-options.js';
export type { QueueJobHandler, QueueJobInfo, QueueWorker, QueueWorkerOptions } from './queue-worker.js';
export { QueueWorkerOptionsSchema, startQueueWorker } from './queue-worker.js';
export type { QueueBatch, QueuedResult, QueuedResultsOptions } from './queued-results.js';
export { QueuedResultsOptionsSchema, queuedResults } from './queued-results.js';
export { reachRedis } from './reach-redis.js';
export type { RedisConnectionOptions } from './redis-url.js';
export { redactRedisUrl, redisConnection } from './redis-url.js';
