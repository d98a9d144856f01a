import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import {
  access,
  type FileHandle,
  lstat,
  open,
  readFile,
  readlink,
  realpath,
  rm,
  stat,
  truncate,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { IcerError } from '../errors.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';
import { fileError, writeError } from './file-error.js';
import { isGzipPath } from './json-lines-file.js';
import { OutputLock } from './output-lock.js';
import { type RecordsBack, readRecordsBack, shorterThanManifest } from './records-back.js';
import { blockPath, manifestPath } from './run-side-paths.js';
import { checkNotStopping } from './unfinished-files.js';
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
   * For a `.gz` output: the size of its gzip members of whole blocks (see {@link GZIP_BLOCK_RECORDS}) when the manifest
   * was written. Resuming cuts the file back to it: what follows is a member cut short, or the last block's records
   * written whole on an interruption, which the block file holds too.
   */
  bytes: z.number().int().min(0).optional(),
  /**
   * For a `.gz` output: the records in those members and the index they reach. The records of the block under way
   * are in the block file beside the output (`FILE.icer-block`). Absent from older manifests, whose members held
   * every record counted.
   */
  packed: z
    .strictObject({
      records: z.number().int().min(0),
      nextIndex: z.number().int().min(0),
      /**
       * The members' last 8 bytes, in hex: the last member's gzip trailer (its CRC-32 and size). Resuming checks them,
       * so that another output copied over this one, or `bytes` changed by hand, is refused rather than continued
       * into a file that is no gzip. Absent from older manifests and before the first member.
       */
      trailer: z
        .string()
        .regex(/^[0-9a-f]{16}$/)
        .optional(),
    })
    .optional(),
  /** Anything else worth keeping (model usage and cost so far). */
  extra: z.record(z.string(), z.unknown()),
});
/** What a `.gz` output's members hold, as its manifest says. */
type Packed = NonNullable<z.output<typeof RunManifestSchema>['packed']>;

// A gzip member ends with the CRC-32 and the size of what it holds.
const GZIP_TRAILER_BYTES = 8;

/**
 * Checks that the members of a `.gz` output end as its manifest says they do: another output copied over it, or a
 * `bytes` changed by hand, would be continued into a file that is no gzip.
 */
async function checkTrailer(file: string, bytes: number, trailer: string | undefined): Promise<void> {
  if (trailer === undefined || bytes < GZIP_TRAILER_BYTES) return;
  const handle = await open(file, 'r').catch((error: unknown) => Promise.reject(fileError(error, file)));
  try {
    const found = Buffer.alloc(GZIP_TRAILER_BYTES);
    await handle.read(found, 0, GZIP_TRAILER_BYTES, bytes - GZIP_TRAILER_BYTES);
    if (found.toString('hex') === trailer) return;
  } finally {
    await handle.close();
  }
  throw new IcerError(
    'INVALID_ARGUMENT',
    `Its compressed records are not those its run manifest counted (the gzip member ending at byte ${bytes} is not the one the run wrote): another output was copied over it, or the manifest was changed by hand.`,
    {
      location: { file },
      hint: 'Resume the output this manifest was written for, or use --force to start the run over.',
    },
  );
}

/** A run's manifest. */
export type RunManifest = z.output<typeof RunManifestSchema>;

/** The manifest of the run at `file` (see {@link runSideFiles}), checked: `MALFORMED_JSON` naming it when it is not one. */
export async function readRunManifest(file: string): Promise<RunManifest | undefined> {
  return readManifestAt((await runSideFiles(file)).manifest);
}

async function readManifestAt(path: string): Promise<RunManifest | undefined> {
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
  /**
   * The run's seed, when its records' seeds are `<seed>:<index>`: resuming refuses an output holding another run's
   * records (a file copied over it, its manifest left).
   */
  readonly seed?: string;
}

/** Where a run keeps the files beside its output. */
export interface RunSideFiles {
  readonly manifest: string;
  readonly block: string;
}

/**
 * Where the run at `file` keeps its manifest and `.gz` block file: beside the file written, a symlink's target, so that
 * a run started through a symlink resumes through its target and the other way round (its lock is there too). A run
 * an older icer started through a symlink kept them beside the link, where they are still found (`older`: for a run
 * that exists, not for a new one, which a stale manifest there must not pin beside the link).
 */
export async function runSideFiles(file: string, { older = true }: { older?: boolean } = {}): Promise<RunSideFiles> {
  const at = (base: string): RunSideFiles => ({ manifest: manifestPath(base), block: blockPath(base) });
  // Not a link (a name in a symlinked folder is one place either way): beside it, as named, for messages.
  const link = await lstat(file).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
  if (!link) return at(file);
  const written = at(await writtenFile(file));
  if (!older) return written;
  const found = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );
  const beside = at(file);
  return (await found(written.manifest)) || !(await found(beside.manifest)) ? written : beside;
}

/**
 * Records per gzip member of a `.gz` output. Members are cut by count, never by time, so the compressed file is the
 * same bytes however the run went: interrupted and resumed, on more threads, or merged from shards.
 */
export const GZIP_BLOCK_RECORDS = 1000;

const FLUSH_BYTES = 1 << 18;
const FLUSH_MS = 100;

const NEWLINE = 0x0a;

/**
 * Lines as UTF-8, each ended by a newline: each encoded straight into a buffer room enough for any text of that many
 * UTF-16 units (three bytes each at most), rather than joined into one string first, a copy of every record that
 * cost twice what the encoding does.
 */
function linesAsBytes(lines: readonly string[], units: number): Buffer {
  const bytes = Buffer.allocUnsafe(3 * units);
  let at = 0;
  for (const line of lines) {
    at += bytes.write(line, at);
    bytes[at++] = NEWLINE;
  }
  return bytes.subarray(0, at);
}

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
  /** Its manifest and `.gz` block file (see {@link runSideFiles}). */
  readonly sideFiles: RunSideFiles;
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
  /**
   * The line past the manifest's checkpoint that was no record of the run (what a crash left), when resuming found
   * one: it and what followed were dropped (`droppedBytes`), to be made again.
   */
  readonly damagedLine: number | undefined;
  /** What was dropped (`droppedBytes`) was whole records past an older `.gz` manifest's checkpoint, to be made again. */
  readonly droppedPastCheckpoint: boolean;
  /**
   * Which file the line cut short, the missing record or the damaged line was in: the output, or the block file of
   * a `.gz` output (the records after its last member).
   */
  readonly droppedIn: 'output' | 'block';
  /** What the resumed run's manifest kept besides its progress (its `extra`); empty for a new run. */
  readonly resumedExtra: Readonly<Record<string, unknown>>;
  readonly #regular: boolean;
  readonly #replace: boolean;
  // A `.gz` output gets a gzip member of every GZIP_BLOCK_RECORDS records. Until its block is whole, a record is kept
  // in memory and, at each checkpoint, appended to the block file: a crash loses at most the records made since the
  // last checkpoint, which resuming makes again.
  readonly #gzip: boolean;
  #block: string[];
  // Records of the block already in the block file.
  #saved: number;
  // Opened at the block's first save, kept open to append and to empty it when the block is packed.
  #blockHandle: FileHandle | undefined;
  // What the gzip members hold, for the manifest: what resuming keeps of the file, and where the block file starts.
  #packed: Packed;
  // A resumed run's block file holds the block under way; a new run's starts empty.
  readonly #resumed: boolean;
  // The latest `extra` a checkpoint was given: what the manifest written when a block is packed keeps.
  #extra: Record<string, unknown>;
  // Records are written in runs rather than one write each (a template run makes thousands a second); a run goes
  // out once it holds FLUSH_BYTES or is FLUSH_MS old, so a crash loses at most a moment's records, which resuming
  // makes again. The lines are kept without their newlines, and counted in UTF-16 units.
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
  // What the output's operations run after, one at a time (see #serially).
  #queue: Promise<void> = Promise.resolve();
  // Writes what is pending when no record follows it soon (see #armTimer).
  #timer: ReturnType<typeof setTimeout> | undefined;
  // A write that failed (the timer's or an operation's): thrown by every later operation, and what stops `close`
  // from writing a manifest that counts records the file may not hold.
  #failure: unknown;
  // Given up (`release`): no timer is armed any more.
  #released = false;
  readonly #lock: OutputLock | undefined;

  private constructor(
    file: string,
    state: {
      side: RunSideFiles;
      regular: boolean;
      replace: boolean;
      resumed?: boolean;
      config: RunConfig;
      startIndex: number;
      firstIndex: number;
      records: number;
      dropped: number;
      missing?: number;
      damaged?: number;
      /** Whole records past an older `.gz` manifest's checkpoint were dropped. */
      pastCheckpoint?: boolean;
      /** The lines read back were the block file's. */
      fromBlock?: boolean;
      bytes?: number;
      packed?: Packed;
      block?: readonly string[];
      extra?: Record<string, unknown>;
      lock?: OutputLock;
    },
  ) {
    this.file = file;
    this.sideFiles = state.side;
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
    this.damagedLine = state.damaged;
    this.droppedPastCheckpoint = state.pastCheckpoint === true;
    this.droppedIn = state.fromBlock ? 'block' : 'output';
    this.resumedExtra = state.extra ?? {};
    this.#extra = state.extra ?? {};
    this.#gzip = isGzipPath(file);
    this.#bytes = state.bytes ?? 0;
    this.#packed = state.packed ?? { records: 0, nextIndex: state.startIndex };
    this.#block = [...(state.block ?? [])];
    this.#saved = this.#block.length;
    this.#resumed = state.resumed === true;
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
    const held = await heldBytes(file, info, (await runSideFiles(file)).block);
    if (!options.force && !options.resume && held > 0) {
      throw new IcerError('INVALID_ARGUMENT', `It already holds ${held.toLocaleString('en')} bytes of output.`, {
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
        side,
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
    const side = await runSideFiles(file, { older: options.resume === true && !options.force });
    if (info === undefined) {
      if (options.resume && !options.force) await refuseLostOutput(file, side);
      return fresh(true, false, await OutputLock.acquire(await writtenFile(file), { output: file }));
    }
    if (!info.isFile()) return fresh(false, false);
    // Taken before the output is read: another run appending meanwhile would make the reading wrong. Taken on the
    // file itself, not the name given: a run through a symlink and one on its target write the same file.
    const lock = await OutputLock.acquire(await writtenFile(file), { output: file });
    try {
      // A run killed (SIGKILL) while it replaced its manifest left the new one's temporary file.
      await removeLeftTemporaries(side.manifest);
      const held = await heldBytes(file, info, side.block);
      if (options.resume && !options.force && held === 0) await refuseLostOutput(file, side);
      if (options.force || held === 0) return fresh(true, held > 0, lock);
      return await RunFile.#resume(file, side, config, startIndex, lock, options.seed);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Where resuming the run at `file` with `config` would start, by its manifest (`--estimate --resume`): its next
   * index, or `startIndex` for an output that holds nothing yet (missing, empty, or not a regular file), as
   * {@link RunFile.open} starts it afresh, unless its manifest counts records (then it was lost, and is refused). Throws as resuming would for another run's output or a manifest changed by
   * hand. Nothing is locked, and the records are not read.
   */
  static async resumePoint(file: string, config: RunConfig, startIndex: number): Promise<number> {
    const info = await RunFile.check(file, { resume: true });
    if (info !== undefined && !info.isFile()) return startIndex;
    const side = await runSideFiles(file);
    if (info === undefined || (await heldBytes(file, info, side.block)) === 0) {
      await refuseLostOutput(file, side);
      return startIndex;
    }
    return (await RunFile.#manifestToResume(file, side, config, startIndex)).nextIndex;
  }

  /**
   * The manifest of the run at `file`, checked for resuming it with `config` from `startIndex`: it is there, its
   * settings are these, and its counts are as the run wrote them. Throws `INVALID_ARGUMENT` (or `MALFORMED_JSON`)
   * saying which is not so. The records are not read.
   */
  static async #manifestToResume(
    file: string,
    side: RunSideFiles,
    config: RunConfig,
    startIndex: number,
  ): Promise<RunManifest> {
    const manifest = await readManifestAt(side.manifest);
    if (manifest === undefined) {
      throw new IcerError(
        'INVALID_ARGUMENT',
        `It has no run manifest beside it (${basename(side.manifest)}), so it cannot be resumed.`,
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
          location: { file: side.manifest },
          hint: 'Restore the manifest as the run wrote it, or use --force to start the run over.',
        },
      );
    }
    return manifest;
  }

  static async #resume(
    file: string,
    side: RunSideFiles,
    config: RunConfig,
    startIndex: number,
    lock: OutputLock,
    seed: string | undefined,
  ): Promise<RunFile> {
    const manifest = await RunFile.#manifestToResume(file, side, config, startIndex);
    if (isGzipPath(file)) {
      const size = (await stat(file).catch((error: unknown) => Promise.reject(fileError(error, file)))).size;
      const bytes = manifest.bytes;
      // Cut back to nothing, a whole run would be lost: a manifest of a plain output, beside one compressed since.
      if (bytes === undefined) {
        throw new IcerError('INVALID_ARGUMENT', 'Its run manifest records no size, as one of a .gz output would.', {
          location: { file: side.manifest },
          hint: 'Resume the output this manifest was written for (a .gz output is resumed as .gz from its start), or use --force to start over.',
        });
      }
      if (size < bytes) throw shorterThanManifest(file, `${size} bytes`, `${bytes}`);
      await checkTrailer(file, bytes, manifest.packed?.trailer);
      // An older manifest counted every record in the members: what followed them is made again.
      const packed = manifest.packed ?? { records: manifest.records, nextIndex: manifest.nextIndex };
      if (packed.records > manifest.records || packed.nextIndex > manifest.nextIndex) {
        throw new IcerError(
          'INVALID_ARGUMENT',
          `Its run manifest's "packed" (${packed.records} records to index ${packed.nextIndex}) is more than it counted in all (${manifest.records} records to index ${manifest.nextIndex}): it was changed by hand.`,
          {
            location: { file: side.manifest },
            hint: 'Restore the manifest as the run wrote it, or use --force to start the run over.',
          },
        );
      }
      const back = await readRecordsBack(side.block, {
        nextIndex: manifest.nextIndex,
        records: manifest.records - packed.records,
        from: packed.nextIndex,
        keep: true,
        optional: true,
        ...(seed === undefined ? {} : { seed }),
      });
      if (size > bytes) await truncate(file, bytes).catch((error: unknown) => Promise.reject(writeError(error, file)));
      return new RunFile(file, {
        ...RunFile.#resumedState(side, config, startIndex, manifest, back, lock),
        records: packed.records + back.records,
        ...(manifest.packed ? { fromBlock: true } : { dropped: size - bytes, pastCheckpoint: true }),
        bytes,
        packed,
        block: back.lines,
      });
    }
    const back = await readRecordsBack(file, {
      nextIndex: manifest.nextIndex,
      records: manifest.records,
      ...(seed === undefined ? {} : { seed }),
    });
    return new RunFile(file, RunFile.#resumedState(side, config, startIndex, manifest, back, lock));
  }

  /** A resumed run's state, from its manifest and the records read back. */
  static #resumedState(
    side: RunSideFiles,
    config: RunConfig,
    startIndex: number,
    manifest: RunManifest,
    back: RecordsBack,
    lock: OutputLock,
  ) {
    return {
      side,
      regular: true,
      replace: false,
      resumed: true,
      config,
      startIndex,
      firstIndex: Math.max(manifest.nextIndex, back.lastIndex + 1),
      records: back.records,
      dropped: back.dropped,
      ...(back.missing === undefined ? {} : { missing: back.missing }),
      ...(back.damaged === undefined ? {} : { damaged: back.damaged }),
      extra: manifest.extra,
      lock,
    };
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

  /**
   * Runs one of the output's operations once those before it (and a timer's write) are done: a write must never run
   * beside another on the same file, which could put its bytes first. A write the timer made that failed is thrown
   * here, by the next operation.
   */
  async #serially(work: () => Promise<void>, { afterFailure = false } = {}): Promise<void> {
    const run = this.#queue.then(async () => {
      if (this.#failure !== undefined && !afterFailure) throw this.#failure;
      await work();
    });
    this.#queue = run.catch(() => undefined);
    await run;
    this.#armTimer();
  }

  /**
   * Records not yet written go out within FLUSH_MS even when no record comes after them: a model run may wait minutes
   * on its next dialogue (a slow call, a Retry-After), and a record held in memory meanwhile is lost to a kill.
   */
  #armTimer(): void {
    const waiting = this.#gzip ? this.#regular && this.#saved < this.#block.length : this.#pending.length > 0;
    if (!waiting || this.#timer !== undefined || this.#handle === undefined || this.#released) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const handle = this.#handle;
      if (handle === undefined) return;
      // A failure is kept in #failure (see #write) and thrown by the next operation.
      this.#serially(() => this.#flush(handle)).catch(() => undefined);
    }, FLUSH_MS);
    this.#timer.unref();
  }

  /** Appends one record, whole, as a line. */
  async append(index: number, record: unknown): Promise<void> {
    await this.appendLine(index, JSON.stringify(record));
  }

  /** Appends a record already written as one line of JSON (without its newline). */
  appendLine(index: number, line: string): Promise<void> {
    return this.#serially(() => this.#appendLine(index, line));
  }

  async #appendLine(index: number, line: string): Promise<void> {
    const handle = await this.#open();
    this.#records++;
    this.#advance(index);
    if (this.#gzip) {
      this.#block.push(`${line}\n`);
      if (this.#block.length >= GZIP_BLOCK_RECORDS) await this.#pack(handle);
      return;
    }
    this.#pending.push(line);
    this.#pendingBytes += line.length + 1;
    if (this.#pendingBytes >= FLUSH_BYTES || Date.now() - this.#lastFlush >= FLUSH_MS) await this.#flush(handle);
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
  checkpoint(extra: Record<string, unknown>, options: { force?: boolean; complete?: boolean } = {}): Promise<void> {
    return this.#serially(() => this.#checkpoint(extra, options));
  }

  async #checkpoint(extra: Record<string, unknown>, options: { force?: boolean; complete?: boolean }): Promise<void> {
    this.#extra = extra;
    const now = Date.now();
    if (!options.force && now - this.#lastManifest < 1000) return;
    this.#lastManifest = now;
    // An output being replaced keeps its old manifest until the first new record replaces the output itself.
    if (!this.#opened && this.#replace) return;
    if (this.#handle) await this.#flush(this.#handle);
    if (this.#regular) await this.#writeManifest(options.complete ?? false);
  }

  async #writeManifest(complete: boolean): Promise<void> {
    const manifest: RunManifest = {
      config: this.#config,
      configHash: runConfigHash(this.#config),
      nextIndex: this.#nextIndex,
      records: this.#records,
      skipped: this.#nextIndex - this.#startIndex - this.#records,
      complete,
      ...(this.#gzip ? { bytes: this.#bytes, packed: this.#packed } : {}),
      extra: this.#extra,
    };
    await writeFileAtomically(this.sideFiles.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  /** Writes what is pending: a plain output's records, a `.gz` output's block records to its block file. */
  async #flush(handle: FileHandle): Promise<void> {
    this.#lastFlush = Date.now();
    if (this.#gzip) {
      // A stream (a FIFO, a device) is never resumed: its reader gets each checkpoint's records as a member.
      if (this.#regular) await this.#saveBlock();
      else if (this.#block.length > 0) await this.#pack(handle);
      return;
    }
    if (this.#pending.length === 0) return;
    const bytes = linesAsBytes(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#write(handle, bytes);
  }

  /** Writes all of `bytes` to `file` (the output, or its block file), however many writes it takes. */
  async #write(handle: FileHandle, bytes: Buffer, file = this.file): Promise<void> {
    // A write may take only part of what it is given (a disk just filled, a pipe): the rest is written after it, or
    // a line would be cut in the middle of the output with more records after it.
    for (let at = 0; at < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, at).catch((error: unknown) => {
        this.#failure ??= notWritable(
          file,
          `Writing to it failed: ${(error as Error).message}.`,
          this.#regular
            ? 'Make room, or fix what stopped the write; then run the same command with --resume to go on where it stopped.'
            : 'Check the device or pipe it names (a pipe whose reader closed stops the run).',
          error,
        );
        throw this.#failure;
      });
      at += bytesWritten;
    }
  }

  /** Appends the block's records not yet there to the block file (a regular output's only). */
  async #saveBlock(): Promise<void> {
    if (!this.#regular || this.#saved === this.#block.length) return;
    this.#blockHandle ??= await open(this.sideFiles.block, 'a').catch((error: unknown) => {
      throw notWritable(
        this.sideFiles.block,
        `It cannot be opened: ${(error as Error).message}.`,
        'Check the folder of --out: icer keeps a block file beside a .gz output.',
        error,
      );
    });
    await this.#write(this.#blockHandle, Buffer.from(this.#block.slice(this.#saved).join('')), this.sideFiles.block);
    this.#saved = this.#block.length;
  }

  /**
   * Writes the block's records as one gzip member. The manifest then counts them packed and the block file starts
   * over; a crash between the two leaves the block file's records below the packed index, which resuming drops.
   */
  async #pack(handle: FileHandle): Promise<void> {
    const member = gzipSync(this.#block.join(''));
    await this.#write(handle, member);
    this.#bytes += member.length;
    this.#packed = {
      records: this.#records,
      nextIndex: this.#nextIndex,
      trailer: member.subarray(member.length - GZIP_TRAILER_BYTES).toString('hex'),
    };
    this.#block = [];
    this.#saved = 0;
    if (!this.#regular) return;
    await this.#writeManifest(false);
    // Not opened yet (the block packed before any checkpoint), the file may still hold what a resumed run read back.
    if (this.#blockHandle) await this.#blockHandle.truncate(0);
    else await rm(this.sideFiles.block, { force: true });
  }

  /**
   * Finishes a `.gz` output's block. Complete (or a stream, which is never resumed): the block is the last member, and
   * a run of no record is still gzip (one empty member). Interrupted: the block's records are saved and written as a
   * last member too, so that the file holds every record made; resuming cuts that member and packs them again with
   * the block's next records.
   */
  async #closeBlock(complete: boolean): Promise<void> {
    if (complete || !this.#regular) {
      if (this.#block.length > 0 || (complete && this.#bytes === 0)) await this.#pack(await this.#open());
      return;
    }
    if (this.#block.length === 0) return;
    await this.#saveBlock();
    await this.#write(await this.#open(), gzipSync(this.#block.join('')));
  }

  /** Finishes the output: the file exists, and its manifest says how far it got. */
  close(extra: Record<string, unknown>, complete: boolean): Promise<void> {
    return this.#serially(() => this.#close(extra, complete), { afterFailure: true }).finally(() => this.release());
  }

  async #close(extra: Record<string, unknown>, complete: boolean): Promise<void> {
    if (this.#failure !== undefined) {
      // After a failed write the file may lack records already counted: its handles are closed, and the manifest
      // stays at its last checkpoint, from which resuming reads the file back.
      await this.#handle?.close().catch(() => undefined);
      await this.#blockHandle?.close().catch(() => undefined);
      this.#handle = undefined;
      this.#blockHandle = undefined;
      throw this.#failure;
    }
    if (this.#gzip) await this.#closeBlock(complete);
    else if (complete || this.#records > this.resumedRecords) await this.#flush(await this.#open());
    await this.#handle?.close();
    this.#handle = undefined;
    await this.#blockHandle?.close();
    this.#blockHandle = undefined;
    if (this.#regular && (this.#records > this.resumedRecords || complete || this.resumedRecords > 0)) {
      this.#lastManifest = 0;
      await this.#checkpoint(extra, { force: true, complete });
    }
    if (complete && this.#gzip && this.#regular) await rm(this.sideFiles.block, { force: true });
  }

  /** Gives up the output's lock without finishing it: for a run that fails before it writes (close does it too). */
  release(): void {
    this.#released = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#lock?.release();
  }

  /** Opens the output and writes its manifest before any of its bytes: an output never holds work without what resumes it. */
  async #open(): Promise<FileHandle> {
    if (this.#handle) return this.#handle;
    checkNotStopping();
    if (this.#replace && !this.#opened) await rm(this.sideFiles.manifest, { force: true });
    // A new run's block file starts empty, whatever a run before left there.
    if (this.#gzip && this.#regular && !this.#resumed && !this.#opened) await rm(this.sideFiles.block, { force: true });
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
    await this.#checkpoint(this.#extra, { force: true });
    // Written with what the last checkpoint was given: the caller's own, right after, must not wait a second (a model
    // run killed meanwhile would lose what this start spent from its manifest).
    this.#lastManifest = 0;
    return this.#handle;
  }
}

/**
 * Refuses to resume an output that is missing or empty while its manifest counts records: it was moved or deleted
 * (a `.gz` output's block file would be thrown away with it), and starting over would silently redo, or pay for
 * again, what the run had made. A manifest that cannot be read is no run's to keep.
 */
async function refuseLostOutput(file: string, side: RunSideFiles): Promise<void> {
  const manifest = await readManifestAt(side.manifest).catch(() => undefined);
  if (manifest === undefined || manifest.records === 0) return;
  throw new IcerError(
    'INVALID_ARGUMENT',
    `It is missing or empty, but its run manifest counted ${manifest.records.toLocaleString('en')} records: it was moved, emptied or deleted since.`,
    {
      location: { file },
      hint: 'Put the output back (with its block file, for .gz) to resume it, or use --force to start the run over.',
    },
  );
}

/** The bytes of output a regular file holds: a `.gz` output's block file counts, as its records are the run's too. */
async function heldBytes(file: string, info: Stats, blockFile: string): Promise<number> {
  if (!isGzipPath(file)) return info.size;
  // Only a block file that is not there holds nothing: one that cannot be looked at is an error naming it.
  const block = await stat(blockFile).then(
    (found) => found.size,
    (error: { code?: string }) => (error.code === 'ENOENT' ? 0 : Promise.reject(fileError(error, blockFile))),
  );
  return info.size + block;
}

// Links in a chain followed at most, as the system does (ELOOP past about as many).
const MAX_LINKS = 40;

/**
 * The file that writing `file` writes: a symlink followed, one whose target is not made yet too (what a run locks, so
 * that a run through a symlink and one on its target never write at once).
 */
async function writtenFile(file: string): Promise<string> {
  const real = await realpath(file).catch(() => undefined);
  if (real !== undefined) return real;
  // Followed as opening it follows them: a chain of links too, to the name at its end.
  let named = file;
  for (let hop = 0; hop < MAX_LINKS; hop++) {
    const target = await readlink(named).catch(() => undefined);
    if (target === undefined) break;
    named = resolve(dirname(named), target);
  }
  // Its folder as it really is: a run through a symlinked folder and one through the folder itself lock alike.
  const folder = await realpath(dirname(named)).catch(() => dirname(named));
  return join(folder, basename(named));
}

/** The settings two runs do not share, each as "key: A <first label>, B <second label>". */
export function configDifferences(a: RunConfig, b: RunConfig, labels: readonly [string, string]): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const shown = (config: RunConfig, key: string) => (key in config ? JSON.stringify(config[key]) : 'not given');
  return keys
    .filter((key) => shown(a, key) !== shown(b, key))
    .map((key) => `${key}: ${shown(a, key)} ${labels[0]}, ${shown(b, key)} ${labels[1]}`);
}
