import { abortedError } from '../abort.js';
import { IcerError } from '../errors.js';
import { redactRedisUrl } from './redis-url.js';

/**
 * Settles like `call`, a command to Redis through BullMQ, or rejects: with `QUEUE_UNREACHABLE` once Redis has left it
 * unanswered for `ms`, and with `ABORTED` the moment `signal` fires. The driver (ioredis) holds commands while it
 * reconnects, for ever: without this, a Redis gone mid-run would hang the run, deaf to its signals.
 */
export function redisAnswer<T>(call: Promise<T>, url: string, ms: number, signal?: AbortSignal): Promise<T> {
  // Abandoned, the call may still fail later: never as an unhandled rejection.
  call.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal.reason));
      return;
    }
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      settle();
      reject(abortedError(signal?.reason));
    };
    const timer = setTimeout(() => {
      settle();
      reject(
        new IcerError(
          'QUEUE_UNREACHABLE',
          `Redis at ${redactRedisUrl(url)} stopped answering (nothing for ${ms} ms).`,
          {
            hint: 'Start the Redis server again, or mend the network to it.',
          },
        ),
      );
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    call.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
