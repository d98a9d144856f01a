import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { IcerError } from '../errors.js';
import { type CsvRecord, readCsv } from '../io/csv-reader.js';
import { fileError } from '../io/file-error.js';

/**
 * A column a table must have. A plain name, or the name with the option that chose it (`itemColumns.id`,
 * `--item-columns id=`), so that a missing column says what to change.
 */
export type RequiredColumn = string | { readonly column: string; readonly option: string };

function columnName(required: RequiredColumn): string {
  return typeof required === 'string' ? required : required.column;
}

// A name ending so is read as tab-separated values; any other as CSV.
const TAB_SEPARATED = /\.(tsv|tab)$/i;

/** Whether {@link eachRow} reads `file` as tab-separated values: its name ends in `.tsv` (or `.tab`). */
export function isTabSeparated(file: string): boolean {
  return TAB_SEPARATED.test(file);
}

const LF = 10;
const CR = 13;

/**
 * Reads a tab-separated file (IANA `text/tab-separated-values`) as record batches, as `readCsv` reads a CSV file:
 * one record per line, its fields split at tabs and taken as they are — no quoting, so a field holds no tab and no
 * line break, and a quote is just a quote. LF or CRLF line ends, a BOM dropped, blank lines skipped; a line that is
 * not UTF-8 fails naming it (`INVALID_ENCODING`).
 */
export async function* readTsv(file: string): AsyncGenerator<CsvRecord[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  let carry: Uint8Array = new Uint8Array(0);
  const record = (bytes: Uint8Array): CsvRecord | undefined => {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    let text: string;
    try {
      // LF is never part of another UTF-8 character, so each line decodes on its own and an error is its own.
      text = decoder.decode(bytes.subarray(0, end));
    } catch {
      throw new IcerError('INVALID_ENCODING', 'The file is not UTF-8: this line holds a byte UTF-8 does not allow.', {
        location: { file, line },
        hint: 'Re-encode the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 in.tsv > out.tsv` for Latin-1.',
      });
    }
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const at = line++;
    return text === '' ? undefined : { fields: text.split('\t'), line: at };
  };
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
      const read = chunk as Uint8Array;
      const bytes = carry.length === 0 ? read : Buffer.concat([carry, read]);
      const records: CsvRecord[] = [];
      let start = 0;
      for (let lf = bytes.indexOf(LF); lf !== -1; lf = bytes.indexOf(LF, start)) {
        const found = record(bytes.subarray(start, lf));
        if (found) records.push(found);
        start = lf + 1;
      }
      carry = bytes.slice(start);
      if (records.length > 0) yield records;
    }
  } catch (error) {
    throw IcerError.isInstance(error) ? error : fileError(error, file);
  }
  const last = carry.length > 0 ? record(carry) : undefined;
  if (last) yield [last];
}

/** A CSV file's header turned into column positions, checked against the columns it must have. */
export class CsvTable {
  readonly #columns: Map<string, number>;
  readonly #width: number;

  constructor(
    readonly file: string,
    header: CsvRecord,
    required: readonly RequiredColumn[],
  ) {
    this.#columns = new Map();
    for (const [index, raw] of header.fields.entries()) {
      const name = raw.trim();
      if (this.#columns.has(name)) {
        throw new IcerError('MALFORMED_CSV', `The header names the column "${name}" twice.`, {
          location: { file, line: header.line, field: name },
          hint: 'Give every column a distinct name.',
        });
      }
      this.#columns.set(name, index);
    }
    this.#width = header.fields.length;
    const missing = required.filter((need) => !this.#columns.has(columnName(need)));
    if (missing.length === 0) return;
    const first = missing[0] as RequiredColumn;
    if (typeof first === 'string') {
      throw new IcerError('MALFORMED_CSV', `The header lacks the column(s) ${missing.map(columnName).join(', ')}.`, {
        location: { file, line: header.line, field: first },
        hint: `The first line must name the columns: ${required.map(columnName).join(',')}.`,
      });
    }
    // A mapped column: say which option named it and what the header has instead, since the fix is often the option.
    const named = missing.map((need) => (typeof need === 'string' ? need : `"${need.column}" (${need.option})`));
    const has = [...this.#columns.keys()].map((name) => `"${name}"`).join(', ');
    throw new IcerError('MALFORMED_CSV', `The header lacks the column(s) ${named.join(', ')}; it has ${has}.`, {
      location: { file, line: header.line, field: first.column },
      hint: `Map ${first.option} to one of the header's columns, or add the column "${first.column}" to the file.`,
    });
  }

  /** Throws unless the row has as many fields as the header. */
  check(record: CsvRecord): void {
    if (record.fields.length !== this.#width) {
      throw new IcerError('MALFORMED_CSV', `Expected ${this.#width} fields but found ${record.fields.length}.`, {
        location: { file: this.file, line: record.line },
        hint: isTabSeparated(this.file)
          ? 'A field of a tab-separated file cannot hold a tab: look for a stray one, and check the row is not cut short.'
          : 'Quote fields that contain commas ("Heat, The"), and check the row is not cut short.',
      });
    }
  }

  /** True when the header names the column. */
  has(column: string): boolean {
    return this.#columns.has(column);
  }

  /** The field of a column the header names (empty for one it does not). */
  get(record: CsvRecord, column: string): string {
    return record.fields[this.#columns.get(column) as number] ?? '';
  }

  /** A non-empty field; throws naming file, line and column when it is empty. */
  required(record: CsvRecord, column: string): string {
    const value = this.get(record, column).trim();
    if (value === '') {
      throw new IcerError('MALFORMED_CSV', `The ${column} is empty.`, {
        location: { file: this.file, line: record.line, field: column },
      });
    }
    return value;
  }
}

/**
 * Reads a CSV file row by row, giving each data row with the table that knows its columns. A file whose name ends
 * in `.tsv` is read as tab-separated values instead ({@link readTsv}).
 */
export async function eachRow(
  file: string,
  required: readonly RequiredColumn[],
  onRow: (table: CsvTable, record: CsvRecord) => void,
): Promise<void> {
  let table: CsvTable | undefined;
  for await (const batch of isTabSeparated(file) ? readTsv(file) : readCsv(file)) {
    for (const record of batch) {
      if (!table) {
        table = new CsvTable(file, record, required);
        continue;
      }
      table.check(record);
      onRow(table, record);
    }
  }
  if (!table) {
    throw new IcerError('MALFORMED_CSV', 'The file is empty.', {
      location: { file },
      hint: `It needs a header line (${required.map(columnName).join(',')}) and data rows.`,
    });
  }
}

/** True when `path` is a file. Only "not there" means absent: a file we may not read is reported as such. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw fileError(error, path);
  }
}
