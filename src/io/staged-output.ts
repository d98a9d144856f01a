import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, renameSync } from 'node:fs';
import { lstat, mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { IcerError } from '../errors.js';
import { writeError } from './file-error.js';
import { checkNotStopping, markUnfinished } from './unfinished-files.js';

/** A text file written line by line, honouring back-pressure; gzip-compressed when asked. */
export class LineFile {
  // What text is written into: the file, or a gzip stream piped into it.
  readonly #head: Writable;
  // Settles when everything written has reached the file, or fails with the first error of either stream: a pipe
  // passes no error on by itself, and a full disk would otherwise leave a write waiting for `drain` for ever.
  readonly #done: Promise<void>;
  readonly #file: string;

  private constructor(head: Writable, done: Promise<void>, file: string) {
    this.#head = head;
    this.#done = done;
    this.#file = file;
    // Awaited by `write` and `close`; until then a failure must not count as unhandled.
    done.catch(() => undefined);
  }

  /** Opens (creates or truncates) the file; with `gzip`, what is written is compressed (one gzip member). */
  static async open(file: string, { gzip = false }: { readonly gzip?: boolean } = {}): Promise<LineFile> {
    const stream = createWriteStream(file);
    try {
      await once(stream, 'open');
    } catch (error) {
      throw writeError(error, file);
    }
    if (!gzip) return new LineFile(stream, finished(stream), file);
    const compress = createGzip();
    return new LineFile(compress, pipeline(compress, stream), file);
  }

  /** Writes text as it is. */
  async write(text: string): Promise<void> {
    try {
      if (!this.#head.write(text)) await Promise.race([once(this.#head, 'drain'), this.#done]);
    } catch (error) {
      throw writeError(error, this.#file);
    }
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    this.#head.end();
    try {
      await this.#done;
    } catch (error) {
      throw writeError(error, this.#file);
    }
  }
}

/**
 * Where an output is written: a temporary sibling of it (a file, or a folder), moved into place by `commit()`, so
 * that a writer that fails half-way leaves neither a torn output nor a damaged earlier one. The
 * output path is checked first: something already there is refused unless `force`, and a file is never replaced by
 * a folder or the other way round.
 */
export class StagedOutput {
  /** The temporary file or folder to write into. */
  readonly path: string;
  readonly #target: string;
  readonly #folder: boolean;
  readonly #exists: boolean;
  #finished: () => void = () => {};

  private constructor(target: string, folder: boolean, exists: boolean) {
    this.#target = target;
    this.#folder = folder;
    this.#exists = exists;
    this.path = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  }

  /**
   * Checks the output path: something already there is refused unless `force`, and a file is never replaced by a
   * folder or the other way round. Returns whether something is there.
   */
  static async check(target: string, options: { force: boolean; folder: boolean }): Promise<boolean> {
    const kind = options.folder ? 'folder' : 'file';
    const found = await lstat(target).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
      throw writeError(error, target);
    });
    if (found && !options.force) {
      throw new IcerError('INVALID_ARGUMENT', 'It already exists.', {
        location: { file: target },
        hint: `Choose another path, or add --force to replace the ${found.isDirectory() ? 'folder' : 'file'}.`,
      });
    }
    if (found && found.isDirectory() !== options.folder) {
      throw new IcerError('INVALID_ARGUMENT', `It is a ${found.isDirectory() ? 'folder' : 'file'}, not a ${kind}.`, {
        location: { file: target },
        hint: options.folder ? 'This output is a folder: name a new folder.' : 'This output is one file: name a file.',
      });
    }
    return found !== undefined;
  }

  /** Checks the output path ({@link StagedOutput.check}) and makes the staging file's place (or the staging folder). */
  static async open(target: string, options: { force: boolean; folder: boolean }): Promise<StagedOutput> {
    const staged = new StagedOutput(target, options.folder, await StagedOutput.check(target, options));
    // Marked before the folder is made: a signal in between would leave it.
    staged.#finished = markUnfinished(staged.path, target);
    try {
      if (options.folder) await mkdir(staged.path);
      else await lstat(dirname(target));
    } catch (error) {
      staged.#finished();
      throw writeError(error, target);
    }
    return staged;
  }

  /** Moves what was written into place, replacing what was there. */
  async commit(): Promise<void> {
    // At once, with no turn between in which a signal could remove what is being moved (or the new folder while the
    // old one is set aside), nor one after the move in which its message would say the output was not written.
    try {
      checkNotStopping();
      if (!this.#folder || !this.#exists) {
        renameSync(this.path, this.#target);
        this.#finished();
        return;
      }
      const old = `${this.path}.old`;
      renameSync(this.#target, old);
      try {
        renameSync(this.path, this.#target);
      } catch (error) {
        renameSync(old, this.#target);
        throw error;
      }
      this.#finished();
      await rm(old, { recursive: true, force: true });
    } catch (error) {
      await this.abort();
      throw writeError(error, this.#target);
    }
  }

  /** Removes what was written; the output is left as it was. */
  async abort(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
    this.#finished();
  }
}
