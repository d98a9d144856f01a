import { IcerError } from '../errors.js';

/** The `bullmq` module, as this entry uses it. */
export type BullMQ = typeof import('bullmq');

let loaded: Promise<BullMQ> | undefined;

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    typeof message === 'string' &&
    message.includes(name) &&
    (code === 'ERR_MODULE_NOT_FOUND' ||
      code === 'MODULE_NOT_FOUND' ||
      /cannot find (module|package)|could not load the optional/i.test(message))
  );
}

function missingPackage(problem: string, packages: string, cause: unknown): IcerError {
  return new IcerError('MISSING_DEPENDENCY', problem, {
    hint: `Install it beside icer: npm install ${packages}`,
    cause,
  });
}

/** Loads the optional peer `bullmq` once; a clear `MISSING_DEPENDENCY` when it is not installed. */
export function loadBullMQ(): Promise<BullMQ> {
  loaded ??= import('bullmq').catch((error: unknown) => {
    loaded = undefined;
    if (!isMissing(error, 'bullmq')) throw error;
    throw missingPackage(
      'The work queue needs the optional package bullmq, which is not installed.',
      'bullmq ioredis',
      error,
    );
  });
  return loaded;
}

/**
 * BullMQ 6 loads its Redis driver, `ioredis`, only when it first connects: its absence surfaces then, and becomes
 * the same `MISSING_DEPENDENCY` as a missing `bullmq`. Other errors pass through.
 */
export function missingDriver(error: unknown): unknown {
  if (!isMissing(error, 'ioredis')) return error;
  return missingPackage(
    'BullMQ needs its Redis driver, the package ioredis, which is not installed.',
    'ioredis',
    error,
  );
}
