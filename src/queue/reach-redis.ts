import { connect } from 'node:net';
import { IcerError } from '../errors.js';
import { redactRedisUrl, redisConnection } from './redis-url.js';

/**
 * Checks that a Redis URL is well formed and that something answers at its host and port, before any queue is
 * made: BullMQ (through ioredis) would otherwise retry an unreachable server for ever, silently. A URL that is
 * malformed is an `INVALID_ARGUMENT`, one that cannot be reached a `QUEUE_UNREACHABLE`, each naming it (its password hidden) and says what to do.
 */
export function reachRedis(url: string, timeoutMs = 5000): Promise<void> {
  const connection = redisConnection(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: connection.host, port: connection.port });
    const fail = (why: string, cause?: unknown) => {
      socket.destroy();
      reject(
        new IcerError('QUEUE_UNREACHABLE', `Cannot reach Redis at ${redactRedisUrl(url)} (${why}).`, {
          hint: 'Start redis-server there (for example: redis-server --port 6379), or give the URL of a running one.',
          cause,
        }),
      );
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer in ${timeoutMs} ms`));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'ECONNREFUSED'
          ? 'connection refused'
          : error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN'
            ? `unknown host ${connection.host}`
            : (error.code ?? error.message);
      fail(why, error);
    });
  });
}
