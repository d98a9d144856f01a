import { createHash } from 'node:crypto';
import { constants, createReadStream, type Stats } from 'node:fs';
import { access, type FileHandle, open, readFile, realpath, rm, stat, truncate } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { IcerError } from '../errors.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { fileError, writeError } from './file-error.js';
import { isGzipPath } from './json-lines-file.js';
import { OutputLock } from './output-lock.js';
import { removeLeftTemporaries, writeFileAtomically } from './write-file-atomically.js';

/** What a run was asked for: every setting that changes its output, as plain JSON. */
export const RunConfigSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
/** What a run was asked for. */
export type RunConfig = z.output<typeof RunConfigSchema>;

/** The manifest kept beside a run's output: enough to resume it, and to refuse resuming a different run. */
export const RunManifestSchema = z.strictObject({
  config: RunConfigSchema,
  /** A hash of `config`: two runs with the same hash write the same records. */
  configHash: z.string(),
  /** Every index below this one is in the output (or was skipped, as a profile the generator cannot use). */
  nextIndex: z.number().int().min(0),
  /** Records in the output. */
  records: z.number().int().min(0),
  /**
   * Indices below `nextIndex` with no record (profiles the generator could not use): with `records`, every index of
   * the run so far, so that a next index changed by hand is caught. Absent from the manifests of older versions.
   */
  skipped: z.number().int().min(0).optional(),
  /** The whole run is written. */
  complete: z.boolean(),
  /**
   * For a `.gz` output: its size when the manifest was written, a whole number of gzip members. Resuming cuts the file
   * back to it, as whatever follows may be a member cut short.
   */
  bytes: z.number().int().min(0).optional(),
  /** Anything else worth keeping (model usage and cost so far). */
  extra: z.record(z.string(), z.unknown()),
});
/** A run's manifest. */
export type RunManifest = z.output<typeof RunManifestSchema>;

/** A run manifest file, checked: `MALFORMED_JSON` naming it when it is not one. */
export async function readRunManifest(file: string): Promise<RunManifest | undefined> {
  const path = manifestPath(file);
  // Only a manifest that is not there is none: one that cannot be read is an error naming it.
  const text = await readFile(path, 'utf8').catch((error: { code?: string }) => {
    if (error.code === 'ENOENT') return undefined;
    throw fileError(error, path);
  });
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new IcerError('MALFORMED_JSON', 'The run manifest is not JSON.', {
      location: { file: path },
      hint: 'Use --force to start the run over.',
      cause: error,
    });
  }
  const parsed = RunManifestSchema.safeParse(value);
  if (!parsed.success) {
    throw new IcerError(
      'MALFORMED_JSON',
      `The run manifest is damaged: ${describeZodIssue(parsed.error.issues[0]).message}.`,
      {
        location: { file: path },
        hint: 'Use --force to start the run over.',
      },
    );
  }
  return parsed.data;
}

function shorterThanManifest(file: string, holds: string, recorded: string): IcerError {
  return new IcerError(
    'INVALID_ARGUMENT',
    `It holds ${holds}, fewer than the ${recorded} its run manifest recorded: it was cut or changed since.`,
    {
      location: { file },
      hint: 'Restore the file, or use --force to start the run over.',
    },
  );
}

/** A hash of a run's settings: equal for runs that write the same records. */
export function runConfigHash(config: RunConfig): string {
  const keys = Object.keys(config).sort();
  return createHash('sha256')
    .update(JSON.stringify(keys.map((key) => [key, config[key]])))
    .digest('hex')
    .slice(0, 16);
}

/** How an existing output is treated. */
export interface RunFileOptions {
  /** Continue the run the output and its manifest hold. */
  readonly resume?: boolean;
  /** Start over: the existing output is replaced (only once the first record is ready to be written). */
  readonly force?: boolean;
  readonly config: RunConfig;
  /**
   * The run's first index (a shard's start), where a new run begins.
   * @default 0
   */
  readonly startIndex?: number;
  /** Whether the command can continue a run (`--resume`), for what an existing output's error suggests. @default true */
  readonly resumable?: boolean;
}

/** The manifest's path: beside the output. */
export function manifestPath(file: string): string {
  return `${file}.icer-run.json`;
}

const FLUSH_BYTES = 1 << 18;
const FLUSH_MS = 100;

const notWritable = (file: string, reason: string, hint: string, cause?: unknown) =>
  new IcerError('FILE_NOT_WRITABLE', reason, { location: { file }, hint, ...(cause ? { cause } : {}) });

/**
 * A run's output file, written so that no work is ever lost: records are appended whole as they come (the file is
 * always a prefix of the finished output), and a manifest beside it, replaced atomically, says how far the run got.
 * Everything is checked before any work: a directory, a place that cannot be written, or an existing output without
 * `resume` or `force` is an error. A path that is not a regular file (a FIFO, a device) is written through, never
 * replaced, and has no manifest; a symlink is followed. A regular output is locked while it is written (see
 * {@link OutputLock}): `close` or `release` gives the lock up.
 */
export class RunFile {
  readonly file: string;
  /** The index to start from: 0 for a new run, the manifest's next index when resuming. */
  readonly firstIndex: number;
  /** The run's first index (a shard's start): every index from it is written or skipped. */
  readonly #startIndex: number;
  /** Records already in the output when it was opened (resumed). */
  readonly resumedRecords: number;
  /** A line cut short by an earlier interruption, dropped on resuming (its bytes). */
  readonly droppedBytes: number;
  /**
   * The index whose record was missing past the manifest's next index, when resuming found one: what followed it was
   * dropped (`droppedBytes`), to be made again.
   */
  readonly missingIndex: number | undefined;
  /** What the resumed run's manifest kept besides its progress (its `extra`); empty for a new run. */
  readonly resumedExtra: Readonly<Record<string, unknown>>;
  readonly #regular: boolean;
  readonly #replace: boolean;
  // A `.gz` output gets a gzip member of the records made since the last checkpoint, at each checkpoint: a file of
  // whole members is valid gzip, and resuming needs only the size the manifest recorded.
  readonly #gzip: boolean;
  // Records are written in runs rather than one write each (a template run makes thousands a second); a run goes
  // out once it holds FLUSH_BYTES or is FLUSH_MS old, so a crash loses at most a moment's records, which resuming
  // makes again.
  #pending: string[] = [];
  #pendingBytes = 0;
  #lastFlush = 0;
  #bytes: number;
  readonly #config: RunConfig;
  #handle: FileHandle | undefined;
  #records: number;
  #nextIndex: number;
  #lastManifest = 0;
  #opened = false;
  readonly #lock: OutputLock | undefined;

  private constructor(
    file: string,
    state: {
      regular: boolean;
      replace: boolean;
      config: RunConfig;
      startIndex: number;
      firstIndex: number;
      records: number;
      dropped: number;
      missing?: number;
      bytes?: number;
      extra?: Record<string, unknown>;
      lock?: OutputLock;
    },
  ) {
    this.file = file;
    this.#regular = state.regular;
    this.#replace = state.replace;
    this.#config = state.config;
    this.#startIndex = state.startIndex;
    this.firstIndex = state.firstIndex;
    this.#nextIndex = state.firstIndex;
    this.resumedRecords = state.records;
    this.#records = state.records;
    this.droppedBytes = state.dropped;
    this.missingIndex = state.missing;
    this.resumedExtra = state.extra ?? {};
    this.#gzip = isGzipPath(file);
    this.#bytes = state.bytes ?? 0;
    this.#lock = state.lock;
  }

  /**
   * Checks an output before any work, as {@link RunFile.open} does first (and without taking its lock): a directory, a
   * place that cannot be written, or an existing output without `resume` or `force` is an error. Returns what is
   * there, undefined for nothing yet.
   */
  static async check(
    file: string,
    options: Pick<RunFileOptions, 'resume' | 'force' | 'resumable'>,
  ): Promise<Stats | undefined> {
    const info = await stat(file).catch((error: { code?: string }) => {
      if (error.code === 'ENOENT') return undefined;
      throw notWritable(
        file,
        `The output cannot be used: ${String((error as Error).message)}.`,
        'Check the path.',
        error,
      );
    });
    if (info === undefined) {
      // A dangling symlink is followed like any other: its target is created.
      await access(dirname(file), constants.W_OK).catch((error: { code?: string }) => {
        const missing = error.code === 'ENOENT';
        throw notWritable(
          file,
          missing ? 'Its folder does not exist.' : 'Its folder cannot be written (permission denied).',
          missing
            ? 'Create the folder, or choose another --out.'
            : "Check the folder's permissions, or choose another --out.",
          error,
        );
      });
      return undefined;
    }
    if (info.isDirectory())
      throw notWritable(file, 'It is a directory.', 'Give --out a file name, e.g. out/dialogues.jsonl.');
    await access(file, constants.W_OK).catch((error: unknown) => {
      throw notWritable(
        file,
        'It cannot be written (permission denied).',
        'Check its permissions, or choose another --out.',
        error,
      );
    });
    if (!info.isFile()) {
      // A FIFO, a device, a socket: written through as a stream, never replaced, never resumed.
      if (options.resume) throw notWritable(file, 'Only a regular file can be resumed.', 'Drop --resume.');
      return info;
    }
    if (!options.force && !options.resume && info.size > 0) {
      throw new IcerError('INVALID_ARGUMENT', `It already holds ${info.size.toLocaleString('en')} bytes of output.`, {
        location: { file },
        hint:
          options.resumable === false
            ? 'Add --force to replace it (once the first new record is ready), or choose another --out.'
            : 'Add --resume to continue that run, or --force to start over (it is replaced once the first new record is ready).',
      });
    }
    return info;
  }

  /** Checks the path and, when resuming, reads how far the run got. Nothing is written yet. */
  static async open(file: string, options: RunFileOptions): Promise<RunFile> {
    const config = options.config;
    const startIndex = options.startIndex ?? 0;
    // An output with nothing of this run in it yet: the run starts at its first index.
    const fresh = (regular: boolean, replace: boolean, lock?: OutputLock) =>
      new RunFile(file, {
        regular,
        replace,
        config,
        startIndex,
        firstIndex: startIndex,
        records: 0,
        dropped: 0,
        ...(lock ? { lock } : {}),
      });
    const info = await RunFile.check(file, options);
    if (info === undefined) return fresh(true, false, await OutputLock.acquire(file));
    if (!info.isFile()) return fresh(false, false);
    // Taken before the output is read: another run appending meanwhile would make the reading wrong. Taken on the
    // file itself, not the name given: a run through a symlink and one on its target write the same file.
    const lock = await OutputLock.acquire(await realpath(file).catch(() => file));
    try {
      // A run killed (SIGKILL) while it replaced its manifest left the new one's temporary file.
      await removeLeftTemporaries(manifestPath(file));
      if (options.force || info.size === 0) return fresh(true, info.size > 0, lock);
      return await RunFile.#resume(file, config, startIndex, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  static async #resume(file: string, config: RunConfig, startIndex: number, lock: OutputLock): Promise<RunFile> {
    const manifest = await readRunManifest(file);
    if (manifest === undefined) {
      throw new IcerError(
        'INVALID_ARGUMENT',
        `It has no run manifest beside it (${basename(manifestPath(file))}), so it cannot be resumed.`,
        {
          location: { file },
          hint: 'Resume only what icer generate --out wrote; use --force to start over.',
        },
      );
    }
    if (manifest.configHash !== runConfigHash(config)) {
      const changed = configDifferences(manifest.config, config, ['then', 'now']);
      // The same settings under another hash: the manifest was changed by hand.
      const why = changed.length > 0 ? changed.join('; ') : 'its manifest\'s "configHash" does not match its "config"';
      throw new IcerError('INVALID_ARGUMENT', `This run's settings differ from the one being resumed (${why}).`, {
        location: { file },
        hint: 'Resume with the same settings, or use --force to start over.',
      });
    }
    // A manifest without `skipped` is of an older version, whose run this one is not (the version is in the config).
    const { nextIndex, records: counts, skipped = 0 } = manifest;
    if (nextIndex - startIndex !== counts + skipped) {
      throw new IcerError(
        'INVALID_ARGUMENT',
        `Its run manifest's next index (${nextIndex}) does not follow from the ${counts} records and ${skipped} skipped profiles it counted from index ${startIndex}: it was changed by hand.`,
        {
          location: { file: manifestPath(file) },
          hint: 'Restore the manifest as the run wrote it, or use --force to start the run over.',
        },
      );
    }
    if (isGzipPath(file)) {
      const size = (await stat(file).catch((error: unknown) => Promise.reject(fileError(error, file)))).size;
      const bytes = manifest.bytes;
      // Cut back to nothing, a whole run would be lost: a manifest of a plain output, beside one compressed since.
      if (bytes === undefined) {
        throw new IcerError('INVALID_ARGUMENT', 'Its run manifest records no size, as one of a .gz output would.', {
          location: { file: manifestPath(file) },
          hint: 'Resume the output this manifest was written for (a .gz output is resumed as .gz from its start), or use --force to start over.',
        });
      }
      if (size < bytes) throw shorterThanManifest(file, `${size} bytes`, `${bytes}`);
      if (size > bytes) await truncate(file, bytes).catch((error: unknown) => Promise.reject(writeError(error, file)));
      return new RunFile(file, {
        regular: true,
        replace: false,
        config,
        startIndex,
        firstIndex: manifest.nextIndex,
        records: manifest.records,
        dropped: Math.max(0, size - bytes),
        bytes,
        extra: manifest.extra,
        lock,
      });
    }
    // The output may be ahead of the manifest (records are appended first) and may end in a line cut short. It is
    // read as a stream: a run worth resuming may hold far more than fits in one buffer (2 GiB).
    let records = 0;
    // Records the manifest counted: those below its next index. Exactly its count, or lines were lost or added.
    let counted = 0;
    let last = '';
    let lastIndex = -1;
    let lastNumber = 0;
    let number = 0;
    let end = 0;
    let size = 0;
    // Past the manifest's next index, records run on one by one: a line missing there (or a profile skipped, which
    // leaves none) cuts the output back to it, and the rest is made again rather than counted as skipped.
    let missing: number | undefined;
    try {
      for await (const bytes of completeLines(file, (line) => notARecord(file, line))) {
        number++;
        const line = bytes.toString('utf8');
        if (line.trim() === '') {
          end += bytes.length + 1;
          continue;
        }
        // Every record is checked, not only the last: a line changed in the middle would stay in a "complete" run.
        const index = seedIndexOf(line);
        if (index === undefined || index <= lastIndex) throw notARecord(file, number);
        const next = Math.max(manifest.nextIndex, lastIndex + 1);
        if (index > next) {
          missing = next;
          break;
        }
        end += bytes.length + 1;
        lastIndex = index;
        lastNumber = number;
        records++;
        if (index < manifest.nextIndex) counted++;
        last = line;
      }
      size = (await stat(file)).size;
    } catch (error) {
      throw IcerError.isInstance(error) ? error : fileError(error, file);
    }
    const dropped = size - end;
    // Records reach the file before the manifest counts them, and later ones have later indices: below its next
    // index the file holds exactly what it counted, wherever a line was deleted (records past it hide no loss).
    if (counted < manifest.records) {
      throw shorterThanManifest(file, `${counted} records below index ${manifest.nextIndex}`, `${manifest.records}`);
    }
    if (counted > manifest.records) {
      throw new IcerError(
        'INVALID_ARGUMENT',
        `It holds ${counted} records below index ${manifest.nextIndex}, more than the ${manifest.records} its run manifest recorded: it was changed since.`,
        { location: { file }, hint: 'Restore the file, or use --force to start the run over.' },
      );
    }
    // Checked before anything is cut: a refused resume leaves the file as it was.
    if (last !== '' && recordLineIndex(last) !== lastIndex) throw notARecord(file, lastNumber);
    if (dropped > 0) await truncate(file, end).catch((error: unknown) => Promise.reject(writeError(error, file)));
    const firstIndex = Math.max(manifest.nextIndex, lastIndex + 1);
    return new RunFile(file, {
      regular: true,
      replace: false,
      config,
      startIndex,
      firstIndex,
      records,
      dropped,
      ...(missing === undefined ? {} : { missing }),
      extra: manifest.extra,
      lock,
    });
  }

  /** Whether the output can be resumed: a regular file, which has a manifest (not a FIFO or a device). */
  get resumable(): boolean {
    return this.#regular;
  }

  /** Whether an output to be replaced (`force`) is still as it was: this run has written nothing to it yet. */
  get untouched(): boolean {
    return this.#replace && !this.#opened;
  }

  /** Records in the output now. */
  get records(): number {
    return this.#records;
  }

  /** Appends one record, whole, as a line. */
  async append(index: number, record: unknown): Promise<void> {
    await this.appendLine(index, JSON.stringify(record));
  }

  /** Appends a record already written as one line of JSON (without its newline). */
  async appendLine(index: number, line: string): Promise<void> {
    // The manifest exists before the first record does: an output is never there without what resumes it.
    const opening = this.#handle === undefined;
    const handle = await this.#open();
    if (opening) await this.checkpoint({}, { force: true });
    this.#pending.push(`${line}\n`);
    this.#pendingBytes += line.length + 1;
    this.#records++;
    this.#advance(index);
    // A gzip member per flush: they go out with the manifest only, or the file would be many tiny members.
    if (!this.#gzip && (this.#pendingBytes >= FLUSH_BYTES || Date.now() - this.#lastFlush >= FLUSH_MS)) {
      await this.#flush(handle);
    }
  }

  /** Marks an index done without a record (a profile the generator could not use). */
  skipped(index: number): void {
    this.#advance(index);
  }

  #advance(index: number): void {
    this.#nextIndex = Math.max(this.#nextIndex, index + 1);
  }

  /**
   * Writes the manifest (atomically) if `force` or a second has passed since the last: after a crash, resuming reads
   * the output itself for anything newer.
   */
  async checkpoint(
    extra: Record<string, unknown>,
    options: { force?: boolean; complete?: boolean } = {},
  ): Promise<void> {
    const now = Date.now();
    if (!options.force && now - this.#lastManifest < 1000) return;
    this.#lastManifest = now;
    // An output being replaced keeps its old manifest until the first new record replaces the output itself.
    if (!this.#opened && this.#replace) return;
    if (this.#handle) await this.#flush(this.#handle);
    if (!this.#regular) return;
    const manifest: RunManifest = {
      config: this.#config,
      configHash: runConfigHash(this.#config),
      nextIndex: this.#nextIndex,
      records: this.#records,
      skipped: this.#nextIndex - this.#startIndex - this.#records,
      complete: options.complete ?? false,
      ...(this.#gzip ? { bytes: this.#bytes } : {}),
      extra,
    };
    await writeFileAtomically(manifestPath(this.file), `${JSON.stringify(manifest, null, 2)}\n`);
  }

  async #flush(handle: FileHandle): Promise<void> {
    this.#lastFlush = Date.now();
    if (this.#pending.length === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#pendingBytes = 0;
    const bytes = this.#gzip ? gzipSync(text) : Buffer.from(text);
    await handle.write(bytes).catch((error: unknown) => {
      throw notWritable(
        this.file,
        `Writing to it failed: ${(error as Error).message}.`,
        this.#regular
          ? 'Make room, or fix what stopped the write; then run the same command with --resume to go on where it stopped.'
          : 'Check the device or pipe it names (a pipe whose reader closed stops the run).',
        error,
      );
    });
    if (this.#gzip) this.#bytes += bytes.length;
  }

  /** Finishes the output: the file exists, and its manifest says how far it got. */
  async close(extra: Record<string, unknown>, complete: boolean): Promise<void> {
    try {
      // A finished .gz output with no record is still gzip (one empty member), not an empty file no reader takes.
      if (complete && this.#gzip && this.#bytes === 0 && this.#pending.length === 0) this.#pending.push('');
      if (complete || this.#records > this.resumedRecords) await this.#flush(await this.#open());
      await this.#handle?.close();
      this.#handle = undefined;
      if (this.#regular && (this.#records > this.resumedRecords || complete || this.resumedRecords > 0)) {
        this.#lastManifest = 0;
        await this.checkpoint(extra, { force: true, complete });
      }
    } finally {
      this.release();
    }
  }

  /** Gives up the output's lock without finishing it: for a run that fails before it writes (close does it too). */
  release(): void {
    this.#lock?.release();
  }

  async #open(): Promise<FileHandle> {
    if (this.#handle) return this.#handle;
    if (this.#replace && !this.#opened) await rm(manifestPath(this.file), { force: true });
    // Replace: truncate through the path (a symlink's target is kept, never the link replaced); else append.
    const flags = this.#regular && (!this.#replace || this.#opened) ? 'a' : 'w';
    this.#opened = true;
    this.#handle = await open(this.file, flags).catch((error: unknown) => {
      throw notWritable(
        this.file,
        `It cannot be opened: ${(error as Error).message}.`,
        'Check the path and permissions.',
        error,
      );
    });
    return this.#handle;
  }
}

/** A record line's index: the number after the last colon of its `seed`; undefined when the line is not a record. */
export function recordLineIndex(line: string): number | undefined {
  try {
    const seed = (JSON.parse(line) as { seed?: unknown }).seed;
    const index = Number(String(seed).split(':').pop());
    return Number.isInteger(index) && index >= 0 ? index : undefined;
  } catch {
    return undefined;
  }
}

/** The settings two runs do not share, each as "key: A <first label>, B <second label>". */
export function configDifferences(a: RunConfig, b: RunConfig, labels: readonly [string, string]): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const shown = (config: RunConfig, key: string) => (key in config ? JSON.stringify(config[key]) : 'not given');
  return keys
    .filter((key) => shown(a, key) !== shown(b, key))
    .map((key) => `${key}: ${shown(a, key)} ${labels[0]}, ${shown(b, key)} ${labels[1]}`);
}

// A record's seed is "<run seed>:<index>", the run seed escaped as JSON strings are.
const SEED_FIELD = /"seed":"(?:[^"\\]|\\.)*:(\d+)"/;

// No record is this long: a line that is, is no record, and is not gathered into memory (a last line cut short may
// be, as a file filled with zeros past its end after a crash: it is only counted).
const MAX_LINE_BYTES = 1 << 26;

/**
 * The lines of a file that end in a newline, as bytes without it; a last line cut short is left out. Throws
 * `lineTooLong(number)` at a line longer than {@link MAX_LINE_BYTES}.
 */
async function* completeLines(file: string, lineTooLong: (line: number) => Error): AsyncGenerator<Buffer> {
  let rest: Buffer[] = [];
  let restBytes = 0;
  let number = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let data = chunk;
    for (let at = data.indexOf(0x0a); at >= 0; at = data.indexOf(0x0a)) {
      number++;
      if (restBytes + at > MAX_LINE_BYTES) throw lineTooLong(number);
      yield restBytes > 0 ? Buffer.concat([...rest, data.subarray(0, at)]) : data.subarray(0, at);
      rest = [];
      restBytes = 0;
      data = data.subarray(at + 1);
    }
    restBytes += data.length;
    if (restBytes > MAX_LINE_BYTES) rest = [];
    else if (data.length > 0) rest.push(data);
  }
}

/**
 * A record line's index read off its `seed` without parsing the line: what every line of a resumed output is checked
 * with (the last is parsed whole too). Undefined for a line that is not one object with a seed.
 */
function seedIndexOf(line: string): number | undefined {
  const trimmed = line.trimEnd();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  const digits = SEED_FIELD.exec(line)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

function notARecord(file: string, line: number): IcerError {
  return new IcerError(
    'INVALID_ARGUMENT',
    'This line of the output is not a dialogue record of the run, or not the next one, so the run cannot be resumed.',
    { location: { file, line }, hint: 'Restore the output as the run wrote it, or use --force to start over.' },
  );
}
