import { ICER_ERROR_CODES, IcerError, type IcerErrorCode } from '../errors.js';

/**
 * The reason a failed job keeps in Redis (BullMQ keeps only a message): an icer error's message with its code
 * appended, `… [INVALID_ARGUMENT]`, so that the side collecting the batch can throw the same error again.
 */
export function failureReason(error: unknown): string {
  if (IcerError.isInstance(error)) return `${error.message} [${error.code}]`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failed job's reason as an error: the icer error again when the reason carries its code, else `QUEUE_JOB_FAILED`
 * (a worker's own failure, or a batch given up after stalling too often). `worker` is the name of the worker it
 * failed on, when Redis kept it.
 */
export function failureError(reason: string, what: string, worker?: string): IcerError {
  const where = worker === undefined || worker === '' ? 'a worker' : `worker ${worker}`;
  const match = /^(.*) \[([A-Z_]+)\]$/s.exec(reason);
  const code = match?.[2] as IcerErrorCode | undefined;
  if (match && code !== undefined && (ICER_ERROR_CODES as readonly string[]).includes(code)) {
    return new IcerError(code, `${what} failed on ${where}: ${match[1]}`);
  }
  return new IcerError('QUEUE_JOB_FAILED', `${what} failed on ${where}: ${reason}.`, {
    hint: "Read the workers' output for the cause; resume with the same command and --resume once it is fixed.",
  });
}
