import type { Readable, Writable } from 'node:stream';
import type { ColourEnv } from './colour.js';

/** Where the CLI reads and writes: the process streams in production, buffers in tests. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** Working directory that relative paths resolve against. */
  cwd: string;
  /** Where `-` reads from (`--profiles -`); the process's standard input when absent. */
  stdin?: Readable;
  /** Where environment variables (NO_COLOR, FORCE_COLOR, ICER_THREAD_HEAP_MB) are read; the process's when absent. */
  env?: ColourEnv & Readonly<Record<string, string | undefined>>;
  /**
   * Ends the process as killed by `signal`, leaving what never ends: a write into a pipe or FIFO nobody reads holds a
   * thread that even `process.exit` would wait for. The command line's own; elsewhere the command returns its code.
   */
  abandon?: (signal: NodeJS.Signals) => Promise<void>;
}

/** A usage mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
