import { stat } from 'node:fs/promises';
import { IcerError } from '../errors.js';
import { type CsvRecord, readCsv } from '../io/csv-reader.js';
import { fileError } from '../io/file-error.js';
import { isTabSeparated, readTsv } from '../io/tsv-reader.js';

/**
 * A column a table must have. A plain name, or the name with the option that chose it (`itemColumns.id`,
 * `--item-columns id=`), so that a missing column says what to change.
 */
export type RequiredColumn = string | { readonly column: string; readonly option: string };

function columnName(required: RequiredColumn): string {
  return typeof required === 'string' ? required : required.column;
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
