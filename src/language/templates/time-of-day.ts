import type { Turn } from '../../dialogue/turn.js';
import { SeededRandom } from '../../random/seeded-random.js';

// Words that set a dialogue in the evening: "tonight", "Enjoy your evening!", "call it a night", "just in time for
// dinner", "go to bed early".
const TIME_OF_DAY = /\b(?:tonight|evenings?|nights?|dinner|bed)\b/i;

// The day a turn may name: once one piece of a turn has, the rest name none ("Looking for a movie tonight? What are
// you looking for today?", "… not feeling it tonight. I'll stop there for tonight." read as the seams of two
// templates); the evening may still be spoken of ("What should I watch tonight? I've got the whole evening free.").
const DAY_NAMED = /\b(?:today|tonight)\b/i;

/**
 * The share of dialogues worded without the time of day once the opening turn has set none. The rest, and those
 * whose hello says "Good evening!", may speak of the evening: with every dialogue free to, 7 in 10 did, and a model
 * trained on them would learn that people only ever want a film tonight.
 */
const TIMELESS_SHARE = 0.5;

// Lists that are looked up rather than said: which asides clash with which scene.
const NOT_SAID: ReadonlySet<string> = new Set(['SCENE_CLASHES']);

// What a template is called with to see its words: titles, reasons and shifts as placeholders, one title.
const SAMPLE_WORDS: unknown = new Proxy(
  {},
  {
    get: (_, key) =>
      key === 'list' ? ['X', 'Y'] : key === 'one' ? true : key === Symbol.toPrimitive ? () => 'X' : 'X',
  },
);

function mentionsTime(entry: unknown, time: RegExp): boolean {
  if (typeof entry === 'string') return time.test(entry);
  if (typeof entry === 'function') return time.test(String(entry(SAMPLE_WORDS)));
  return false;
}

function timeless(value: unknown, time: RegExp): unknown {
  if (Array.isArray(value)) {
    const kept = value.filter((entry) => !mentionsTime(entry, time)).map((entry) => timeless(entry, time));
    // A list whose every entry sets the time is kept whole: a turn always has something to say.
    return kept.length > 0 ? kept : value;
  }
  if (value instanceof Map) return new Map([...value].map(([key, entry]) => [key, timeless(entry, time)]));
  if (value instanceof Set || typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, timeless(entry, time)]));
}

function without<T extends object>(templates: T, time: RegExp): T {
  return Object.fromEntries(
    Object.entries(templates).map(([key, list]) => [key, NOT_SAID.has(key) ? list : timeless(list, time)]),
  ) as T;
}

/** The template lists without what sets the time of day, for a dialogue that sets none. */
export function withoutTimeOfDay<T extends object>(templates: T): T {
  return without(templates, TIME_OF_DAY);
}

/** The template lists without "today" and "tonight", for the rest of a turn that has said one. */
export function withoutDayNamed<T extends object>(templates: T): T {
  return without(templates, DAY_NAMED);
}

/** Whether a piece of a turn says "today" or "tonight". */
export function namesDay(text: string): boolean {
  return DAY_NAMED.test(text);
}

/**
 * Whether a turn is worded without the time of day: for {@link TIMELESS_SHARE} of dialogues, by a draw keyed on the
 * opening turn's words (the same for every later turn, so the dialogue holds to it), as long as no turn so far has
 * set one ("Finally, a quiet evening." may be followed by "Just in time for dinner."). The opening turn itself is
 * worded from every list.
 */
export function setsNoTime(history: readonly Turn[]): boolean {
  const first = history[0];
  if (first === undefined || !new SeededRandom(`time-of-day/${first.text}`).chance(TIMELESS_SHARE)) return false;
  return !history.some((turn) => TIME_OF_DAY.test(turn.text));
}
