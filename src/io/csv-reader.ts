import { createReadStream } from 'node:fs';
import { IcerError } from '../errors.js';
import { fileError } from './file-error.js';
import { invalidEncoding } from './invalid-encoding.js';

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

function textAfterQuote(file: string, openLine: number, closeLine: number): IcerError {
  if (openLine === closeLine) {
    return new IcerError('MALFORMED_CSV', 'Unexpected text after a closing quote.', {
      location: { file, line: openLine },
      hint: 'A quoted field must be followed by a comma or the end of the line; write a quote inside a field as "".',
    });
  }
  return new IcerError(
    'MALFORMED_CSV',
    `A quoted field opened on this line runs on to line ${closeLine}, where its closing quote is followed by text.`,
    {
      location: { file, line: openLine },
      hint: 'Most likely the quote on this line is never closed: close it, or write a quote inside a field as "".',
    },
  );
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
      // A quote left open swallows the lines after it until some later quote: the line it opened on is the one
      // to fix, however far away the parser notices.
      const openLine = state.line + newlinesInRecord;
      let cursor = position + 1;
      let parts = '';
      for (;;) {
        const close = text.indexOf('"', cursor);
        if (close === -1) {
          if (!final) return { records, consumed: recordStart };
          throw new IcerError('MALFORMED_CSV', 'A quoted field opened on this line is never closed.', {
            location: { file: state.file, line: openLine },
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
        throw textAfterQuote(state.file, openLine, state.line + newlinesInRecord);
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

/** Line breaks as the parser counts them: LF, CRLF and a lone CR each end a line. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** How many continuation bytes a lead byte needs, or -1 for a byte no well-formed character starts with. */
function continuations(lead: number): number {
  if (lead < 0x80) return 0;
  if (lead < 0xc2) return -1;
  if (lead < 0xe0) return 1;
  if (lead < 0xf0) return 2;
  return lead < 0xf5 ? 3 : -1;
}

/**
 * Offset of the first byte of the first ill-formed sequence (Unicode's rules, as a fatal TextDecoder applies
 * them: no overlong forms, surrogates or code points past U+10FFFF), a sequence cut off by the end counting as
 * ill-formed; `bytes.length` when there is none. Only run once a decoder has failed, so it need not be fast.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    const extra = continuations(lead);
    if (extra < 0 || i + extra >= bytes.length) return i;
    // The second byte's range depends on the lead; the others are plain continuation bytes.
    const second = bytes[i + 1] as number;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (extra > 0 && (second < low || second > high)) return i;
    for (let k = 2; k <= extra; k++) {
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return bytes.length;
}

/** The last bytes of a valid stream that a streaming decoder still holds: the start of an unfinished character. */
function unfinishedTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    return continuations(byte) >= back ? bytes.subarray(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/**
 * Reads a CSV file as a stream of record batches (one batch per chunk read), so memory stays flat however large
 * the file. Handles quoted fields with commas, quotes and newlines, UTF-8 text, LF or CRLF line ends and a BOM.
 * Blank lines are skipped. Throws `FILE_NOT_FOUND`, `MALFORMED_CSV` and `INVALID_ENCODING` (bytes that are not
 * UTF-8, at the line of the first one) as {@link IcerError}s.
 */
export async function* readCsv(file: string): AsyncGenerator<CsvRecord[]> {
  const state: ParseState = { file, line: 1 };
  // Fatal, so that a Latin-1 file fails instead of loading with U+FFFD in its titles; streaming, so that a
  // character cut by a read boundary is completed by the next read. The BOM is stripped below, as string chunks
  // (which a caller's stream may give) need that too.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending = '';
  let first = true;
  // The last bytes decoded, enough to hold the unfinished character the decoder carries into the next read.
  let lastBytes: Uint8Array = new Uint8Array(0);

  const feed = (text: string, final: boolean): CsvRecord[] => {
    let all = pending + text;
    if (first && all.length > 0) {
      first = false;
      if (all.charCodeAt(0) === 0xfeff) all = all.slice(1);
    }
    const { records, consumed } = parseRecords(all, state, final);
    pending = all.slice(consumed);
    return records;
  };
  // The decoder does not say where it failed: find the byte, parse the text before it (an earlier error in the
  // file must win), and name the line it is on.
  function* failAt(bytes: Uint8Array): Generator<CsvRecord[], IcerError> {
    const carried = unfinishedTail(lastBytes);
    const joined = new Uint8Array(carried.length + bytes.length);
    joined.set(carried);
    joined.set(bytes, carried.length);
    const records = feed(new TextDecoder().decode(joined.subarray(0, firstInvalidUtf8(joined))), false);
    if (records.length > 0) yield records;
    return invalidEncoding(file, state.line + countLineBreaks(pending), 'csv');
  }

  try {
    // 64 KiB reads: larger ones raised peak memory (each read briefly holds its records) without saving time.
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
      let text: string;
      if (typeof chunk === 'string') {
        text = chunk;
      } else {
        const bytes = chunk as Uint8Array;
        try {
          text = decoder.decode(bytes, { stream: true });
        } catch {
          throw yield* failAt(bytes);
        }
        lastBytes = bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : keepLast3(lastBytes, bytes);
      }
      const records = feed(text, false);
      if (records.length > 0) yield records;
    }
  } catch (error) {
    throw IcerError.isInstance(error) ? error : fileError(error, file);
  }
  let rest = '';
  try {
    rest = decoder.decode();
  } catch {
    // The file ends inside a character.
    throw yield* failAt(new Uint8Array(0));
  }
  const records = feed(rest, true);
  if (records.length > 0) yield records;
}

function keepLast3(before: Uint8Array, bytes: Uint8Array): Uint8Array {
  const joined = new Uint8Array(before.length + bytes.length);
  joined.set(before);
  joined.set(bytes, before.length);
  return joined.subarray(Math.max(0, joined.length - 3));
}
