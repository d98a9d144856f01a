import { existsSync, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IcerError } from '../errors.js';
import { fileError } from './file-error.js';
import { blockPath } from './run-side-paths.js';

/** One non-blank line of a JSON Lines file. */
export interface NumberedLine {
  /** 1-based, counting blank lines too: what an editor shows. */
  readonly number: number;
  readonly text: string;
}

/** Whether a path names a gzip-compressed file, by its extension: `.gz`. */
export function isGzipPath(file: string): boolean {
  return file.toLowerCase().endsWith('.gz');
}

/**
 * The non-blank lines of a JSON Lines file, read as a stream (any size), gunzipped when its name ends in `.gz`. The
 * file is opened first, so a missing or unreadable file is one clear error (`FILE_NOT_FOUND`) before anything is
 * read; a `.gz` file that is not gzip, or is cut short, is an `INVALID_ENCODING` error naming it.
 */
export async function* readJsonLines(file: string): AsyncGenerator<NumberedLine> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw fileError(error, file);
  });
  yield* readJsonLinesFrom(handle.createReadStream({ highWaterMark: CHUNK_BYTES }), file);
}

/**
 * The non-blank lines of JSON Lines read from a stream (standard input), named `file` in errors; gunzipped when the
 * name ends in `.gz`.
 */
export async function* readJsonLinesFrom(raw: Readable, file: string): AsyncGenerator<NumberedLine> {
  // Lines are cut at the newline byte, which never occurs inside a multi-byte UTF-8 character; node's readline is
  // several times slower on the long lines records make.
  const decoder = new TextDecoder();
  let pending: Buffer[] = [];
  let number = 0;
  const line = (bytes: Buffer): NumberedLine | undefined => {
    number++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    const text = decoder.decode(bytes.subarray(0, end));
    return text.trim() === '' ? undefined : { number, text };
  };
  for await (const chunk of chunksOf(raw, file)) {
    let from = 0;
    for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, from)) {
      const piece = chunk.subarray(from, at);
      const next = line(pending.length === 0 ? piece : Buffer.concat([...pending, piece]));
      pending = [];
      from = at + 1;
      if (next) yield next;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) {
    const last = line(Buffer.concat(pending));
    if (last) yield last;
  }
}

/**
 * How many lines of a JSON Lines file have more than spaces and tabs (gunzipped when its name ends in `.gz`),
 * counted without decoding them: the total of a progress bar over the file's records. Errors as {@link readJsonLines}.
 */
export async function countJsonLines(file: string): Promise<number> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw fileError(error, file);
  });
  let count = 0;
  // Whether the line read so far has a character other than a space, a tab or a carriage return.
  let filled = false;
  for await (const chunk of chunksOf(handle.createReadStream({ highWaterMark: CHUNK_BYTES }), file)) {
    for (let at = 0; at < chunk.length; at++) {
      const byte = chunk[at] as number;
      if (byte === LF) {
        if (filled) count++;
        filled = false;
      } else if (byte !== SPACE && byte !== TAB && byte !== CR) filled = true;
    }
  }
  return filled ? count + 1 : count;
}

/** The bytes of a stream, gunzipped when `file` ends in `.gz`; a read or gzip failure is an error naming the file. */
async function* chunksOf(raw: Readable, file: string): AsyncGenerator<Buffer> {
  const gzip = isGzipPath(file);
  const input: Readable = gzip ? raw.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : raw;
  // A pipe does not pass the source's errors on: a read error there ends the gunzip stream and is thrown here.
  let failure: unknown;
  raw.on('error', (error) => {
    failure ??= error;
    input.destroy();
  });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    failure ??= error;
  } finally {
    input.destroy();
    raw.destroy();
  }
  if (failure !== undefined) throw readError(failure, file, gzip);
}

function realpathOrNot(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const CHUNK_BYTES = 1 << 20;

function readError(error: unknown, file: string, gzip: boolean): IcerError {
  const code = (error as { code?: unknown } | null)?.code;
  if (gzip && typeof code === 'string' && code.startsWith('Z_')) {
    // An icer run under way (or stopped) keeps its records in its block file until 1,000 of them make a member: its
    // output is empty, or ends with the last whole member, meanwhile.
    // Beside the file written, when read through a symlink (as the run keeps it), or beside the name (an older run's).
    const block = [realpathOrNot(file), file].map(blockPath).find((path) => existsSync(path));
    const hint = block
      ? `It is an unfinished icer run: the records after its last whole gzip member are in ${basename(block)} (plain JSON Lines) until they make a member. Finish the run (the same command with --resume), or read that file.`
      : 'A .gz file must be whole gzip-compressed JSON Lines (one cut short while written or copied ends early); an uncompressed file should be named .jsonl.';
    return new IcerError('INVALID_ENCODING', `The file is not valid gzip: ${(error as Error).message}.`, {
      location: { file },
      hint,
      cause: error,
    });
  }
  return fileError(error, file);
}
