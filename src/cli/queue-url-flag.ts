import { IcerError } from '../errors.js';
import { redisConnection } from '../queue/redis-url.js';
import { UsageError } from './cli-io.js';

/**
 * `--queue URL`, checked as the flag's value before any work: a URL that is no Redis URL is a usage error (exit 2),
 * as any malformed value is; whether Redis answers there is checked later, with the run's other resources.
 */
export function checkQueueUrl(url: string): void {
  try {
    redisConnection(url);
  } catch (error) {
    if (!IcerError.isInstance(error)) throw error;
    throw new UsageError(`--queue: ${error.problem}${error.hint ? ` ${error.hint}` : ''}`);
  }
}
