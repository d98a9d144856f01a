// The same folding as normalizeTitle (case, accents, apostrophes, `&` as "and"), but applied word by word with
// offsets kept, so a match can be reported as a span of the original text and titles and text split identically.
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const APOSTROPHES = /['’`]/g;

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const BACKTICK = 0x60;
const AMPERSAND = 0x26;

/** 0: separator, 1: ASCII word character, 2: apostrophe (dropped, never splits a word), 3: `&`. */
const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const isWord = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  ASCII_CLASS[code] = isWord ? 1 : 0;
}
ASCII_CLASS[APOSTROPHE] = 2;
ASCII_CLASS[BACKTICK] = 2;
ASCII_CLASS[AMPERSAND] = 3;

// Texts are read as their UTF-8 bytes when they are ASCII (nearly every turn): one native call copies them into this
// buffer, which is then read without a method call per character. `text.charCodeAt` would look the method up on the
// string's map, and turn texts come in many (flat, joined, sliced), so that look-up goes megamorphic and costs more
// than the read. Shared: a constructor runs to its end before the next one starts.
const encoder = new TextEncoder();
let asciiBytes = new Uint8Array(512);

/** Whether `text` is ASCII, its characters then copied into `asciiBytes` one byte each. */
function readAscii(text: string): boolean {
  if (asciiBytes.length < text.length) asciiBytes = new Uint8Array(2 * text.length);
  const { read, written } = encoder.encodeInto(text, asciiBytes);
  return read === text.length && written === text.length;
}

/**
 * A text split into words, each folded two ways: `folded` (lowercase, accents and apostrophes dropped — what
 * case-insensitive matching compares) and `cased` (the same but with the case as written). `&` is the word "and".
 * Offsets point into the original text.
 */
export class TextTokens {
  /** The text the words came from. */
  readonly text: string;
  /** Lowercase, accent- and apostrophe-free words. */
  readonly folded: string[] = [];
  /** Accent- and apostrophe-free words with their case as written. */
  readonly cased: string[] = [];
  /** Offset of each word's first character. */
  readonly starts: number[] = [];
  /** Offset just past each word's last character. */
  readonly ends: number[] = [];
  /** Whether the text is all ASCII: no accents to fold, no curly apostrophes. */
  readonly ascii: boolean;

  constructor(text: string) {
    this.text = text;
    let start = -1;
    // What the word holds beyond ASCII letters and digits: apostrophes (dropped), other letters (accents folded).
    let apostrophe = false;
    let accented = false;
    let upper = false;
    const length = text.length;
    const ascii = readAscii(text);
    this.ascii = ascii;
    const bytes = asciiBytes;
    for (let i = 0; i <= length; i++) {
      const code = i < length ? (ascii ? (bytes[i] as number) : text.charCodeAt(i)) : 0x20;
      let kind: number;
      if (code < 128) kind = ASCII_CLASS[code] as number;
      else if (code === RIGHT_QUOTE) kind = 2;
      else kind = WORD_CHAR.test(text[i] as string) ? 4 : 0;
      if (kind === 1 || kind === 4) {
        if (start < 0) start = i;
        if (kind === 4) accented = true;
        else if (code <= 0x5a && code >= 0x41) upper = true;
        continue;
      }
      if (kind === 2) {
        // Inside a word an apostrophe joins ("don't" → "dont"), as normalizeTitle drops it.
        if (start >= 0) apostrophe = true;
        continue;
      }
      if (start >= 0) {
        // Sliced through the prototype's own function, for the same reason as the bytes above: `text.slice` looks
        // the method up on the string's map, once per word.
        this.#push(String.prototype.slice.call(text, start, i), start, i, apostrophe, accented, upper);
        start = -1;
        apostrophe = false;
        accented = false;
        upper = false;
      }
      if (kind === 3) this.#push('and', i, i + 1, false, false, false);
    }
  }

  /** Number of words. */
  get length(): number {
    return this.folded.length;
  }

  // `upper`: the word has an ASCII capital. A plain lowercase ASCII word is its own folded form.
  #push(raw: string, start: number, end: number, apostrophe: boolean, accented: boolean, upper: boolean): void {
    const plain = apostrophe ? raw.replace(APOSTROPHES, '') : raw;
    const cased = accented ? plain.normalize('NFKD').replace(COMBINING_MARKS, '') : plain;
    if (cased === '') return;
    // Stored at the end by index, not pushed: V8 inlines a growing store, but called Array.prototype.push here.
    const at = this.cased.length;
    this.cased[at] = cased;
    this.folded[at] = accented || upper ? cased.toLowerCase() : cased;
    this.starts[at] = start;
    this.ends[at] = end;
  }
}

/** The words of a text (see {@link TextTokens}). */
export function tokenizeText(text: string): TextTokens {
  return new TextTokens(text);
}

const OPEN = 0x28;
const CLOSE = 0x29;

/** Most characters between a title's last word and its "(YYYY)": room for "?! " after "What About Bob". */
export const MAX_YEAR_GAP = 4;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The year of a "(YYYY)" starting exactly at `offset` in `text`, else `undefined`. */
export function bracketedYearAt(text: string, offset: number): number | undefined {
  if (text.charCodeAt(offset) !== OPEN || text.charCodeAt(offset + 5) !== CLOSE) return undefined;
  let year = 0;
  for (let i = offset + 1; i <= offset + 4; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return undefined;
    year = year * 10 + (code - 0x30);
  }
  return year;
}

/**
 * The year of a "(YYYY)" that follows `offset` after at most a few spaces or punctuation marks ("What About Bob?
 * (1991)"), else `undefined`.
 */
export function bracketedYearAfter(text: string, offset: number): number | undefined {
  const limit = Math.min(text.length, offset + MAX_YEAR_GAP + 1);
  for (let i = offset; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN) return bracketedYearAt(text, i);
    if (code < 128 ? ASCII_CLASS[code] !== 0 : true) return undefined;
  }
  return undefined;
}
