import { createReadStream } from 'node:fs';
import { IcerError } from '../errors.js';
import type { CsvRecord } from './csv-reader.js';
import { fileError } from './file-error.js';
import { invalidEncoding } from './invalid-encoding.js';

// A name ending so is read as tab-separated values; any other as CSV.
const TAB_SEPARATED = /\.(tsv|tab)$/i;

/** Whether a file is read as tab-separated values ({@link readTsv}): its name ends in `.tsv` (or `.tab`). */
export function isTabSeparated(file: string): boolean {
  return TAB_SEPARATED.test(file);
}

const LF = 10;
const CR = 13;

/**
 * Reads a tab-separated file (IANA `text/tab-separated-values`) as record batches, as `readCsv` reads a CSV file:
 * one record per line, its fields split at tabs and taken as they are — no quoting, so a field holds no tab and no
 * line break, and a quote is just a quote. LF or CRLF line ends, a BOM dropped, blank lines skipped; a line that is
 * not UTF-8 fails naming it (`INVALID_ENCODING`), a file that cannot be read with `FILE_NOT_FOUND`.
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
      throw invalidEncoding(file, line, 'tsv');
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
