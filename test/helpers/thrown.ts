import { IcerError } from '../../src/errors.js';

/** Runs `fn` and returns the IcerError it throws; fails the test if it throws nothing or something else. */
export function thrown(fn: () => unknown): IcerError {
  try {
    fn();
  } catch (error) {
    if (IcerError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an IcerError, but nothing was thrown');
}

/** The same for async functions. */
export async function rejected(fn: () => Promise<unknown>): Promise<IcerError> {
  try {
    await fn();
  } catch (error) {
    if (IcerError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an IcerError, but nothing was thrown');
}
