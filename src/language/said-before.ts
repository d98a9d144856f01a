import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { DialogueAct } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { VerbalizeRequest } from './lm-adapter.js';

// Two turns of one speaker opening alike ("How about …" twice) read as a script. The opening is the first two
// words: enough to catch a repeated frame, short enough that different titles after it do not hide the repeat. A
// first word set off by a comma, a colon, a full stop or an exclamation mark is the opening alone: "Okay, film noir
// in." then "Okay, so you're easy about bittersweet movies." reads as a tic, and "Noted: thrillers." then "Noted, I
// won't …", or "Sure! …" then "Sure, …", too. "Yes," and "No," answer questions, and may.
const ANSWERS: ReadonlySet<string> = new Set(['Yes', 'No', 'Yeah', 'Nope', 'Yep']);

function opening(text: string): string {
  const first = text.indexOf(' ');
  if (first < 0) return text;
  const mark = text.charCodeAt(first - 1);
  const word = text.slice(0, first - 1);
  // A comma, a colon, a full stop, an exclamation mark.
  if ((mark === 44 || mark === 58 || mark === 46 || mark === 33) && !ANSWERS.has(word)) return word;
  const second = text.indexOf(' ', first + 1);
  return second < 0 ? text : text.slice(0, second);
}

// So does a sentence the speaker said before in the dialogue ("Close, but not Heat." … "Close, but not Alien.",
// "What's it about?" twice). Sentences are compared with their names masked: the titles of the turn's items, and
// every word after a sentence's first that starts with a capital, a digit or "(" (people, years).
// Shorter sentences ("Thanks!", "Sounds good.") are fine said twice.
const REPEATED_WORDS = 3;

const SPACE = 32;
// What a name is hashed as: a code no word has.
const NAME = 1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code > 127;
}

function startsName(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 40;
}

/**
 * A hash (FNV-1a) of each sentence of three words or more, names masked, case and punctuation ignored ("Close, but
 * no" is "close but no"). One pass over the characters: this runs on every draw of every turn, and a rare collision
 * only costs a redraw.
 */
function sentenceKeys(text: string, acts: readonly DialogueAct[], catalog: ItemCatalog): number[] {
  const titles: string[] = [];
  for (let a = 0; a < acts.length; a++) {
    const items = (acts[a] as DialogueAct).items;
    for (let i = 0; i < items.length; i++) {
      const id = items[i] as string;
      titles.push(catalog.get(id)?.title ?? id);
    }
  }
  // Longest first: "Aliens" is a title of its own, not "Alien" and an "s".
  if (titles.length > 1) titles.sort(longestFirst);
  const keys: number[] = [];
  // Plain locals, no closure over them: V8 keeps them in registers through the loop.
  let key = FNV_OFFSET;
  let words = 0;
  // Whether the last word was a name (names in a row are one), whether the word being read is one, and its end.
  let named = false;
  let inWord = false;
  let isName = false;
  let last = 0;
  // Where the last title read ends: its own "?" or "." ("What About Bob?") does not end the sentence.
  let titleEnd = -1;
  const length = text.length;
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code === SPACE) {
      if (inWord && at > titleEnd && (last === 46 || last === 33 || last === 63)) {
        if (words >= REPEATED_WORDS) keys.push(key);
        key = FNV_OFFSET;
        words = 0;
        named = false;
      }
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      const title = startsName(code) ? titleAt(titles, text, at) : undefined;
      isName = title !== undefined || (words > 0 && startsName(code));
      if (isName && !named) {
        key = Math.imul(key ^ NAME, FNV_PRIME);
        words++;
      } else if (!isName) {
        if (words > 0) key = Math.imul(key ^ SPACE, FNV_PRIME);
        words++;
      }
      named = isName;
      if (title !== undefined) {
        titleEnd = at + title.length;
        at = titleEnd - 1;
        last = text.charCodeAt(at);
        continue;
      }
    }
    last = code;
    if (!isName && isWordCharacter(code))
      key = Math.imul(key ^ (code >= 65 && code <= 90 ? code + 32 : code), FNV_PRIME);
  }
  if (words >= REPEATED_WORDS) keys.push(key);
  return keys;
}

function longestFirst(a: string, b: string): number {
  return b.length - a.length;
}

function titleAt(titles: readonly string[], text: string, at: number): string | undefined {
  const code = text.charCodeAt(at);
  for (let i = 0; i < titles.length; i++) {
    const title = titles[i] as string;
    if (title.charCodeAt(0) === code && text.startsWith(title, at)) return title;
  }
  return undefined;
}

// The keys of the text scanned last: a turn's text is scanned as it is drawn, and again as it joins the history.
let lastScanned: { readonly text: string; readonly keys: number[] } | undefined;

function keysOf(text: string, acts: readonly DialogueAct[], catalog: ItemCatalog): number[] {
  if (lastScanned?.text !== text) lastScanned = { text, keys: sentenceKeys(text, acts, catalog) };
  return lastScanned.keys;
}

/** What each speaker has said in a dialogue's history so far, gathered as the history grows. */
interface Spoken {
  /** How many turns of the history are gathered, and the last of them (a history that changed is gathered anew). */
  turns: number;
  last: Turn | undefined;
  readonly keys: Record<Turn['speaker'], Set<number>>;
  readonly openings: Partial<Record<Turn['speaker'], string>>;
}

// The history read last, which a dialogue appends to: each turn is read once, not once per later turn. Only one is
// kept (not one per history in a WeakMap, whose entries outlive young collections and grew a long run's heap):
// template dialogues run one after another, and another history is read afresh.
let read: { readonly history: readonly Turn[]; readonly spoken: Spoken } | undefined;

function spokenSoFar(history: readonly Turn[], catalog: ItemCatalog): Spoken {
  let spoken = read?.history === history ? read.spoken : undefined;
  if (!spoken || spoken.turns > history.length || history[spoken.turns - 1] !== spoken.last) {
    spoken = { turns: 0, last: undefined, keys: { user: new Set(), assistant: new Set() }, openings: {} };
    read = { history, spoken };
  }
  for (let i = spoken.turns; i < history.length; i++) {
    const turn = history[i] as Turn;
    const keys = spoken.keys[turn.speaker];
    for (const key of keysOf(turn.text, turn.acts, catalog)) keys.add(key);
    spoken.openings[turn.speaker] = opening(turn.text);
  }
  spoken.turns = history.length;
  spoken.last = history[history.length - 1];
  return spoken;
}

// Nor does a turn open two of its own sentences alike: "Tell me a little and I will dig up a film. Tell me about the
// genres you like.", "Okay, less comedic than Knives Out. Let me see. Let me throw out two options: …". Sentences of
// one or two words ("Sounds good.") are left alone, as they are when said again later in the dialogue.
function opensTwiceAlike(text: string): boolean {
  const openings: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = sentenceEnd(text, start);
    const first = text.indexOf(' ', start);
    const second = first < 0 || first >= end ? -1 : text.indexOf(' ', first + 1);
    if (second >= 0 && second < end) {
      // A name for a second word is any name: "Liked Heat a lot. … Liked Alien a lot." opens alike.
      const words = text.slice(start, startsName(text.charCodeAt(first + 1)) ? first : second).toLowerCase();
      if (openings.includes(words)) return true;
      openings.push(words);
    }
    start = end + 1;
  }
  return false;
}

/** Where the sentence starting at `start` ends: at a ". ", "! " or "? ", else at the end of the text. */
function sentenceEnd(text: string, start: number): number {
  for (let at = text.indexOf(' ', start); at >= 0; at = text.indexOf(' ', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before === 46 || before === 33 || before === 63) return at;
  }
  return text.length;
}

/**
 * Whether a new turn for the request would say again what its speaker said before in the dialogue (open like the
 * speaker's last turn, or repeat one of the speaker's sentences, names aside), or open two of its sentences alike.
 */
export function saidBefore(request: VerbalizeRequest): (text: string) => boolean {
  const spoken = spokenSoFar(request.history, request.catalog);
  const keys = spoken.keys[request.speaker];
  const lastOpening = spoken.openings[request.speaker];
  if (lastOpening === undefined) return opensTwiceAlike;
  return (text) =>
    opening(text) === lastOpening ||
    opensTwiceAlike(text) ||
    keysOf(text, request.acts, request.catalog).some((key) => keys.has(key));
}
