import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { isGzipPath } from '../io/json-lines-file.js';
import { LineFile, StagedOutput } from '../io/staged-output.js';

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
 * JSONL to a file (gzip-compressed when its name ends in `.gz`), written to a temporary sibling and renamed into place
 * on close: a run that fails half-way never leaves a truncated file, nor destroys the one an earlier run wrote.
 */
export async function fileOutput(file: string): Promise<JsonlOutput> {
  const staged = await StagedOutput.open(file, { force: true, folder: false });
  const lines = await LineFile.open(staged.path, { gzip: isGzipPath(file) });
  return {
    write: (value) => lines.write(`${JSON.stringify(value)}\n`),
    writeLine: (line) => lines.write(`${line}\n`),
    close: async () => {
      await lines.close();
      await staged.commit();
    },
    abort: async () => {
      await lines.close().catch(() => undefined);
      await staged.abort();
    },
  };
}
