import { IcerError } from './errors.js';

/**
 * The one `ABORTED` error, whatever was cancelled: the signal's reason is its cause. A reason that is already an
 * `ABORTED` IcerError (a batch stopping its dialogues) is passed on as it is, so the cause chain stays one deep.
 */
export function abortedError(reason: unknown): IcerError {
  if (IcerError.isInstance(reason) && reason.code === 'ABORTED') return reason;
  return new IcerError('ABORTED', 'The work was cancelled through its AbortSignal.', { cause: reason });
}

/** Throws {@link abortedError} when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal.reason);
}

/**
 * Waits `ms` milliseconds on a real timer; rejects with the signal's reason as soon as the signal fires, and clears
 * the timer so that a cancelled run leaves nothing keeping the process alive.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles like `promise`, or rejects with the signal's reason the moment the signal fires, whichever comes first.
 * This is what makes cancellation prompt even when the work ignores its signal (a custom fetch, a test double):
 * the abandoned promise is left to settle on its own, with its rejection swallowed so it is never "unhandled".
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => {});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
