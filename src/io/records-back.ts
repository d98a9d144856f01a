import { createReadStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { IcerError } from '../errors.js';
import { fileError, writeError } from './file-error.js';

/** What a run's manifest says a file of its records holds. */
export interface RecordsExpected {
  /** The manifest's next index: every record below it was counted. */
  readonly nextIndex: number;
  /** The records below `nextIndex` that the manifest counted in this file. */
  readonly records: number;
  /**
   * The first index this file may hold. A file whose records start below it holds records written elsewhere since (a
   * `.gz` output's block, packed into a gzip member): it is cut to nothing. @default 0
   */
  readonly from?: number;
  /** Keep the records read, for the caller to write again. @default false */
  readonly keep?: boolean;
  /** A file not there holds no record, rather than being an error (unless the manifest counted records in it). @default false */
  readonly optional?: boolean;
  /** The run's seed: every record's `seed` is `<seed>:<index>`, and a line of another run's is no record of this one. */
  readonly seed?: string;
}

/** What {@link readRecordsBack} kept of a file of a run's records. */
export interface RecordsBack {
  /** Whole records kept. */
  readonly records: number;
  /** The index of the last record kept; one below `from` for none. */
  readonly lastIndex: number;
  /** Bytes cut from the end: a line cut short, or what followed a missing record or a damaged line. */
  readonly dropped: number;
  /** The index whose record was missing past the manifest's next index: what followed it was cut. */
  readonly missing: number | undefined;
  /** The line past the manifest's checkpoint that was no record (what a crash left): it and what followed were cut. */
  readonly damaged: number | undefined;
  /** The records kept, each with its newline (with `keep`). */
  readonly lines: readonly string[];
}

/**
 * Reads back a file of a run's records to resume the run, and cuts it to what is kept. The file may be ahead of the
 * manifest (records are appended first) and may end in a line cut short; it is read as a stream, as a run worth
 * resuming may hold far more than fits in one buffer (2 GiB). Every line is checked to be the run's next record;
 * below the manifest's next index the file must hold exactly what the manifest counted, or the resume is refused and
 * the file left as it was.
 */
export async function readRecordsBack(file: string, expected: RecordsExpected): Promise<RecordsBack> {
  const from = expected.from ?? 0;
  // The run seed as records write it, inside a JSON string.
  const escapedSeed = expected.seed === undefined ? undefined : JSON.stringify(expected.seed).slice(1, -1);
  const lines: string[] = [];
  let records = 0;
  // Records the manifest counted: those below its next index. Exactly its count, or lines were lost or added.
  let counted = 0;
  let last = '';
  let lastIndex = from - 1;
  let lastNumber = 0;
  let number = 0;
  let end = 0;
  let size = 0;
  // Past the manifest's next index, records run on one by one: a line missing there (or a profile skipped, which
  // leaves none) cuts the output back to it, and the rest is made again rather than counted as skipped.
  let missing: number | undefined;
  let damaged: number | undefined;
  let stale = false;
  try {
    size = await stat(file).then(
      (info) => info.size,
      (error: { code?: string }) => (error.code === 'ENOENT' && expected.optional ? -1 : Promise.reject(error)),
    );
    if (size < 0) {
      if (expected.records > 0) throw missingFile(file, expected.records);
      size = 0;
    }
    if (size > 0) {
      for await (const bytes of completeLines(file, (line) => notARecord(file, line))) {
        number++;
        const line = bytes.toString('utf8');
        if (line.trim() === '') {
          end += bytes.length + 1;
          continue;
        }
        // JSON never holds a NUL byte: a crash can leave a page of them in the middle of the file's last records.
        // Past what the manifest counted, such a line is what a crash left: it and what follows are made again.
        const zeros = bytes.includes(0);
        if (zeros && counted >= expected.records) {
          damaged = number;
          break;
        }
        // Every record is checked, not only the last: a line changed in the middle would stay in a "complete" run.
        const index = zeros ? undefined : seedIndexOf(line, escapedSeed);
        if (records === 0 && index !== undefined && index < from) {
          stale = true;
          end = 0;
          break;
        }
        if (index === undefined || index <= lastIndex) throw notARecord(file, number);
        const next = Math.max(expected.nextIndex, lastIndex + 1);
        if (index > next) {
          missing = next;
          break;
        }
        end += bytes.length + 1;
        lastIndex = index;
        lastNumber = number;
        records++;
        if (index < expected.nextIndex) counted++;
        last = line;
        if (expected.keep) lines.push(`${line}\n`);
      }
      size = (await stat(file)).size;
    }
  } catch (error) {
    throw IcerError.isInstance(error) ? error : fileError(error, file);
  }
  // Records reach the file before the manifest counts them, and later ones have later indices: below its next
  // index the file holds exactly what it counted, wherever a line was deleted (records past it hide no loss).
  if (counted < expected.records) {
    throw shorterThanManifest(file, `${counted} records below index ${expected.nextIndex}`, `${expected.records}`);
  }
  if (counted > expected.records) {
    throw new IcerError(
      'INVALID_ARGUMENT',
      `It holds ${counted} records below index ${expected.nextIndex}, more than the ${expected.records} its run manifest recorded: it was changed since.`,
      { location: { file }, hint: 'Restore the file, or use --force to start the run over.' },
    );
  }
  // Checked before anything is cut: a refused resume leaves the file as it was.
  if (last !== '' && recordLineIndex(last, expected.seed) !== lastIndex) throw notARecord(file, lastNumber);
  if (size > end) await truncate(file, end).catch((error: unknown) => Promise.reject(writeError(error, file)));
  return { records, lastIndex, dropped: stale ? 0 : size - end, missing, damaged, lines };
}

/** The error of a file that holds fewer records (or bytes) than its run's manifest recorded. */
export function shorterThanManifest(file: string, holds: string, recorded: string): IcerError {
  return new IcerError(
    'INVALID_ARGUMENT',
    `It holds ${holds}, fewer than the ${recorded} its run manifest recorded: it was cut or changed since.`,
    {
      location: { file },
      hint: 'Restore the file, or use --force to start the run over.',
    },
  );
}

/**
 * A record line's index: the number after the last colon of its `seed`; undefined when the line is not a record, or
 * not one of the run of seed `runSeed` when it is given.
 */
export function recordLineIndex(line: string, runSeed?: string): number | undefined {
  try {
    const seed = String((JSON.parse(line) as { seed?: unknown }).seed);
    const colon = seed.lastIndexOf(':');
    const digits = seed.slice(colon + 1);
    if (colon < 0 || !/^\d+$/.test(digits)) return undefined;
    if (runSeed !== undefined && seed.slice(0, colon) !== runSeed) return undefined;
    return Number(digits);
  } catch {
    return undefined;
  }
}

// A record's seed is "<run seed>:<index>", the run seed escaped as JSON strings are.
const SEED_FIELD = /"seed":"((?:[^"\\]|\\.)*):(\d+)"/;

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
 * with (the last is parsed whole too). Undefined for a line that is not one object with a seed, or whose seed is of
 * another run than `escapedSeed` (the run seed as JSON strings write it) when it is given.
 */
function seedIndexOf(line: string, escapedSeed: string | undefined): number | undefined {
  const trimmed = line.trimEnd();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  const found = SEED_FIELD.exec(line);
  if (found === null || (escapedSeed !== undefined && found[1] !== escapedSeed)) return undefined;
  return Number(found[2]);
}

function missingFile(file: string, records: number): IcerError {
  return new IcerError(
    'INVALID_ARGUMENT',
    `It is not there, but its run manifest counted ${records.toLocaleString('en')} records in it: it was moved or deleted since.`,
    { location: { file }, hint: 'Put it back where it was, or use --force to start the run over.' },
  );
}

function notARecord(file: string, line: number): IcerError {
  return new IcerError(
    'INVALID_ARGUMENT',
    'This line of the output is not a dialogue record of the run, or not the next one, so the run cannot be resumed.',
    { location: { file, line }, hint: 'Restore the output as the run wrote it, or use --force to start over.' },
  );
}
