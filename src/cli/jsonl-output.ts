import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { fileError } from '../io/file-error.js';

/** A line-by-line JSONL sink that honours back-pressure. */
export interface JsonlOutput {
  write(value: unknown): Promise<void>;
  /** Writes a value already written as one line of JSON (without its newline). */
  writeLine(line: string): Promise<void>;
  /** Finishes the output; for a file, moves it into place. */
  close(): Promise<void>;
  /** Abandons the output; for a file, the previous file (if any) is left untouched. */
  abort(): Promise<void>;
}

async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

/** JSONL to an already-open stream (stdout). */
export function streamOutput(stream: Writable): JsonlOutput {
  return {
    write: (value) => writeLine(stream, JSON.stringify(value)),
    writeLine: (line) => writeLine(stream, line),
    close: async () => {},
    abort: async () => {},
  };
}

/**
 * JSONL to a file, written to a temporary sibling and renamed into place on close: a run that fails half-way never
 * leaves a truncated file, nor destroys the one an earlier run wrote.
 */
export async function fileOutput(file: string): Promise<JsonlOutput> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const stream = createWriteStream(temp);
  try {
    await once(stream, 'open');
  } catch (error) {
    throw fileError(error, file);
  }
  const finish = async () => {
    stream.end();
    await once(stream, 'finish');
  };
  return {
    write: (value) => writeLine(stream, JSON.stringify(value)),
    writeLine: (line) => writeLine(stream, line),
    close: async () => {
      await finish();
      await rename(temp, file);
    },
    abort: async () => {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}
