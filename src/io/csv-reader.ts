import { createReadStream } from 'node:fs';
import { IcerError } from '../errors.js';
import { fileError } from './file-error.js';

/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Parser state carried across chunks. */
interface ParseState {
  file: string;
  // Line on which the next unconsumed record starts.
  line: number;
}

/**
 * Parses as many complete records as `text` holds and returns them with the offset where the incomplete tail
 * starts. Fields may be quoted (RFC 4180), with `""` for a quote and newlines inside; records end with LF or CRLF.
 * At end of input (`final`), the tail is a record too, and an unclosed quote is an error.
 */
function parseRecords(text: string, state: ParseState, final: boolean): { records: CsvRecord[]; consumed: number } {
  const records: CsvRecord[] = [];
  const length = text.length;
  let recordStart = 0;
  let position = 0;
  let fields: string[] = [];
  let newlinesInRecord = 0;

  while (position <= length) {
    // Start of a field.
    if (position === length) {
      if (!final || (fields.length === 0 && recordStart === length)) break;
      fields.push('');
      records.push({ fields, line: state.line });
      state.line += newlinesInRecord + 1;
      recordStart = position;
      break;
    }
    let value: string;
    const quoted = text.charCodeAt(position) === QUOTE;
    if (quoted) {
      let cursor = position + 1;
      let parts = '';
      for (;;) {
        const close = text.indexOf('"', cursor);
        if (close === -1) {
          if (!final) return { records, consumed: recordStart };
          throw new IcerError('MALFORMED_CSV', 'A quoted field is never closed.', {
            location: { file: state.file, line: state.line },
            hint: 'Close the quote, or escape a quote inside a field as "".',
          });
        }
        const chunk = text.slice(cursor, close);
        for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) newlinesInRecord++;
        parts += chunk;
        if (close + 1 < length && text.charCodeAt(close + 1) === QUOTE) {
          parts += '"';
          cursor = close + 2;
          continue;
        }
        if (close + 1 === length && !final) return { records, consumed: recordStart };
        position = close + 1;
        break;
      }
      value = parts;
      const next = position < length ? text.charCodeAt(position) : -1;
      if (next !== COMMA && next !== LF && next !== CR && next !== -1) {
        throw new IcerError('MALFORMED_CSV', 'Unexpected text after a closing quote.', {
          location: { file: state.file, line: state.line + newlinesInRecord },
          hint: 'A quoted field must be followed by a comma or the end of the line; write a quote inside a field as "".',
        });
      }
    } else {
      let end = position;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === COMMA || c === LF || c === CR) break;
        end++;
      }
      if (end === length && !final) return { records, consumed: recordStart };
      value = text.slice(position, end);
      position = end;
    }
    fields.push(value);

    const c = position < length ? text.charCodeAt(position) : -1;
    if (c === COMMA) {
      position++;
      continue;
    }
    // End of record: LF, CRLF, a lone CR, or end of input.
    if (c === CR) {
      if (position + 1 === length && !final) return { records, consumed: recordStart };
      position += position + 1 < length && text.charCodeAt(position + 1) === LF ? 2 : 1;
    } else if (c === LF) {
      position++;
    }
    // A blank line is skipped; a line holding only "" is a record with one empty field.
    if (fields.length > 1 || value !== '' || quoted) records.push({ fields, line: state.line });
    state.line += newlinesInRecord + 1;
    newlinesInRecord = 0;
    fields = [];
    recordStart = position;
    if (position === length) break;
  }
  return { records, consumed: recordStart };
}

/**
 * Reads a CSV file as a stream of record batches (one batch per chunk read), so memory stays flat however large
 * the file. Handles quoted fields with commas, quotes and newlines, UTF-8 text, LF or CRLF line ends and a BOM.
 * Blank lines are skipped. Throws `FILE_NOT_FOUND` and `MALFORMED_CSV` as {@link IcerError}s.
 */
export async function* readCsv(file: string): AsyncGenerator<CsvRecord[]> {
  const state: ParseState = { file, line: 1 };
  let pending = '';
  let first = true;
  try {
    // 64 KiB reads: larger ones raised peak memory (each read briefly holds its records) without saving time.
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      let text = pending + (chunk as string);
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      const { records, consumed } = parseRecords(text, state, false);
      pending = text.slice(consumed);
      if (records.length > 0) yield records;
    }
  } catch (error) {
    throw IcerError.isInstance(error) ? error : fileError(error, file);
  }
  const { records } = parseRecords(pending, state, true);
  if (records.length > 0) yield records;
}
