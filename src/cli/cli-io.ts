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
  /** Where NO_COLOR and FORCE_COLOR are read; the process's environment when absent. */
  env?: ColourEnv;
}

/** A usage mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
