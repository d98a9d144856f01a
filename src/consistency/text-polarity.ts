import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { DialogueAct, Polarity } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import { addSubjectCues, type SubjectCue } from './subject-cues.js';
import { itemLabel } from './violation-wording.js';

/** What a clause of text says, as far as a lexicon can tell. */
export type TextStance = Polarity | 'unsure';

// Phrases first (they contain words that would otherwise count the other way: "not a fan", "can't get enough").
const NEGATIVE_PHRASES = [
  "can't stand",
  'cannot stand',
  "couldn't stand",
  'not a fan',
  'not big on',
  'not into',
  'not for me',
  "wasn't a fan",
  'not my thing',
  "don't like",
  "didn't like",
  "don't love",
  "didn't love",
  "didn't enjoy",
  "don't enjoy",
  'no thanks',
  'steer clear',
  'stay away',
  'hard pass',
  'let down',
  'letdown',
  'not my cup of tea',
  "doesn't appeal",
  "don't care for",
  "didn't care for",
  'not keen',
  'turned off',
  'put off',
];
const POSITIVE_PHRASES = [
  "can't get enough",
  'big fan',
  'huge fan',
  'really into',
  'blew me away',
  'a fan of',
  'really like',
  'really enjoy',
  'keen on',
  'all for',
  'always up for',
  'up for',
  'a sucker for',
];
const NEUTRAL_PHRASES = [
  'no strong feelings',
  'either way',
  'take or leave',
  'take it or leave it',
  'on the fence',
  'no strong opinion',
  "don't mind",
  'indifferent',
  'neutral',
  'so-so',
  'fine either',
  'mixed feelings',
  'neither here nor there',
];
const POSITIVE_WORDS = new Set([
  'love',
  'loved',
  'loves',
  'adore',
  'adored',
  'enjoy',
  'enjoyed',
  'enjoys',
  'like',
  'liked',
  'likes',
  'great',
  'amazing',
  'fantastic',
  'favorite',
  'favourite',
  'favorites',
  'favourites',
  'awesome',
  'brilliant',
  'perfect',
  'wonderful',
  'excellent',
  'masterpiece',
  'incredible',
  'terrific',
  'superb',
  'fan',
  'fun',
  'rewarding',
  'gem',
  'classic',
  'outstanding',
  'stunning',
]);
const NEGATIVE_WORDS = new Set([
  'hate',
  'hated',
  'hates',
  'dislike',
  'disliked',
  'dislikes',
  'boring',
  'awful',
  'terrible',
  'disappointing',
  'disappointed',
  'avoid',
  'avoids',
  'meh',
  'overrated',
  'worst',
  'dreadful',
  'tedious',
  'unwatchable',
  'dull',
  'bad',
  'horrible',
  'loathe',
]);
// Strong words: saying them about something one has no strong feelings about is a contradiction.
const STRONG_WORDS = new Set([
  'love',
  'loved',
  'adore',
  'adored',
  'hate',
  'hated',
  'amazing',
  'awful',
  'masterpiece',
  'loathe',
]);
const NEGATORS = new Set(['not', 'never', 'no', "n't", 'hardly', 'barely']);
const SENTENCE_END = /[.!?;]+\s*/;
const STOP_BEFORE_CAPITAL = /([?!])(\s+)(?=\p{Lu})/gu;
// Inside a sentence, clauses end at commas and at the words that join two opinions ("and", "plus", "but", …).
const CLAUSE_JOIN =
  /,\s*(?:and|plus|but|though|although|however|whereas|while|yet)?\s*|\s+(?:and|plus|but|though|although|however|whereas|while|yet)\s+/i;
// A sentence this short with no subject is a reaction to the one before: "Heat (1995)? Amazing."
const REACTION_WORDS = 3;
const ANY_MARKER = /§\d+/;

const QUOTES = /[’`]/g;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const LOWER_N = 0x6e;
const LOWER_T = 0x74;

/** Whether a regex `\b` counts the character as a word character. */
function isRegexWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f
  );
}

/**
 * The lowercase words of a text: runs of letters a–z, apostrophes and hyphens, with a word-final "n't" a word of its
 * own ("don't" is "do n't", so the negator counts). One scan, since every clause of every user turn is read so.
 */
function tokens(text: string): string[] {
  const plain = text.toLowerCase().replace(QUOTES, "'");
  const words: string[] = [];
  const length = plain.length;
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? plain.charCodeAt(i) : 0x20;
    if ((code >= 0x61 && code <= 0x7a) || code === APOSTROPHE || code === HYPHEN) {
      if (start < 0) start = i;
      else if (
        code === LOWER_N &&
        plain.charCodeAt(i + 1) === APOSTROPHE &&
        plain.charCodeAt(i + 2) === LOWER_T &&
        !isRegexWordChar(plain.charCodeAt(i + 3))
      ) {
        words.push(plain.slice(start, i));
        start = i;
      }
    } else if (start >= 0) {
      words.push(plain.slice(start, i));
      start = -1;
    }
  }
  return words;
}

interface Cue {
  words: readonly string[];
  stance: Polarity;
  strong: boolean;
  /** The cue carries its own negator ("not a fan", "don't like"), so a negator before it does not flip it. */
  ownNegator: boolean;
}

function makeCue(phrase: string, stance: Polarity, strong: boolean): Cue {
  const words = tokens(phrase);
  return { words, stance, strong, ownNegator: NEGATORS.has(words[0] as string) || words.includes("n't") };
}

// Every cue as a token sequence, longest first, so "not a fan" wins over "fan" and "really into" over "into".
const CUES: readonly Cue[] = [
  ...NEGATIVE_PHRASES.map((phrase) => makeCue(phrase, 'negative', false)),
  ...POSITIVE_PHRASES.map((phrase) => makeCue(phrase, 'positive', false)),
  ...NEUTRAL_PHRASES.map((phrase) => makeCue(phrase, 'neutral', false)),
  ...[...POSITIVE_WORDS].map((word) => makeCue(word, 'positive', STRONG_WORDS.has(word))),
  ...[...NEGATIVE_WORDS].map((word) => makeCue(word, 'negative', STRONG_WORDS.has(word))),
].sort((a, b) => b.words.length - a.words.length);

// The cues by their first word (each list still longest first): a clause's words are looked up, not scanned against
// every cue, since every user utterance of a model run is read this way.
const CUES_BY_FIRST_WORD = new Map<string, Cue[]>();
for (const cue of CUES) {
  const first = cue.words[0] as string;
  CUES_BY_FIRST_WORD.set(first, [...(CUES_BY_FIRST_WORD.get(first) ?? []), cue]);
}

/** The longest cue starting at word `at`. */
function cueAt(words: readonly string[], at: number): Cue | undefined {
  const candidates = CUES_BY_FIRST_WORD.get(words[at] as string);
  if (candidates === undefined) return undefined;
  for (const candidate of candidates) if (matchesAt(words, at, candidate)) return candidate;
  return undefined;
}

function matchesAt(words: readonly string[], at: number, cue: Cue): boolean {
  for (let offset = 1; offset < cue.words.length; offset++) if (words[at + offset] !== cue.words[offset]) return false;
  return true;
}

/** True when one of the three words before `at` is a negator. */
function negatedAt(words: readonly string[], at: number): boolean {
  for (let i = Math.max(0, at - 3); i < at; i++) if (NEGATORS.has(words[i] as string)) return true;
  return false;
}

/**
 * The stance a clause takes, read from cue words and phrases. A cue preceded by a negator within three words is
 * flipped ("didn't enjoy", "not really into"); cues that carry their own negator ("not a fan") are not.
 */
export function clauseStance(clause: string): TextStance {
  const words = tokens(clause);
  let positive = 0;
  let negative = 0;
  let neutral = 0;
  let strong = false;
  for (let at = 0; at < words.length; ) {
    const cue = cueAt(words, at);
    if (!cue) {
      at++;
      continue;
    }
    if (cue.strong) strong = true;
    const negated = !cue.ownNegator && negatedAt(words, at);
    const stance =
      cue.stance === 'neutral' || !negated ? cue.stance : cue.stance === 'positive' ? 'negative' : 'positive';
    if (stance === 'positive') positive++;
    else if (stance === 'negative') negative++;
    else neutral++;
    at += cue.words.length;
  }
  if (neutral > 0 && positive === 0 && negative === 0) return 'neutral';
  if (positive > 0 && negative === 0) return strong || neutral === 0 ? 'positive' : 'unsure';
  if (negative > 0 && positive === 0) return strong || neutral === 0 ? 'negative' : 'unsure';
  return 'unsure';
}

const WORD_CHAR = /[\p{L}\p{N}']/u;

/** True when the character at `at` would join a match to the word beside it (letters, digits, an apostrophe). */
function joinsWord(text: string, at: number): boolean {
  const char = text[at];
  return char !== undefined && WORD_CHAR.test(char);
}

/**
 * Replaces whole-word occurrences of `cue` with `marker`. A plain scan, not a regex: it runs for every subject of
 * every user turn, and a Unicode look-behind pattern per title cost more than the rest of the tracker together.
 * An apostrophe joins words too: the film "M" is not in "I'm".
 */
function markCue(text: string, cue: string, marker: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(cue); at !== -1; at = text.indexOf(cue, at + 1)) {
    if (at < from || joinsWord(text, at - 1) || joinsWord(text, at + cue.length)) continue;
    out += text.slice(from, at) + marker;
    from = at + cue.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Whether marked text holds the placeholder `marker` of an act (`§1` but not `§12`). */
function hasMarker(text: string, marker: string): boolean {
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
    const next = text.charCodeAt(at + marker.length);
    if (!(next >= 0x30 && next <= 0x39)) return true;
  }
  return false;
}

const MARKERS = /§\d+/g;

function unmark(clause: string): string {
  return clause.replace(MARKERS, ' ');
}

// An insertion sort, stable like Array.prototype.sort: a turn has a handful of cues, too few to pay for a sort call.
function longestFirst(cues: SubjectCue[]): void {
  for (let i = 1; i < cues.length; i++) {
    const cue = cues[i] as SubjectCue;
    let at = i;
    while (at > 0 && (cues[at - 1] as SubjectCue).cue.length < cue.cue.length) {
      cues[at] = cues[at - 1] as SubjectCue;
      at--;
    }
    cues[at] = cue;
  }
}

/** The stated polarity of an act, if it states one about something. */
function statedPolarity(act: DialogueAct): Polarity | undefined {
  if (act.type === 'disclose') return act.polarity;
  if (act.type === 'answer-item' && act.seen) return act.polarity;
  return undefined;
}

/**
 * `text-polarity`: a user act's stance must not be worded as its opposite — a dislike said with enthusiasm, a liking
 * said with disdain, or "no strong feelings" said with love or hate. Each act is judged on the clause that names
 * its subject (the whole text when the turn states only one opinion). The lexicon only reports what it is sure of;
 * unsure clauses pass (an optional judge may be asked about them).
 */
export function checkTextPolarity(
  turn: Turn,
  catalog: ItemCatalog,
): { violations: Violation[]; unsure: DialogueAct[] } {
  const violations: Violation[] = [];
  const unsure: DialogueAct[] = [];
  if (turn.speaker !== 'user') return { violations, unsure };
  const polar = turn.acts.filter((act) => statedPolarity(act) !== undefined);
  if (polar.length === 0) return { violations, unsure };
  // Each act's subjects (titles, attribute words) become a placeholder naming the act, longest first and on word
  // boundaries, before the text is cut into clauses: a title's own dots ("L.A. Confidential") cannot cut a clause,
  // "dramas" inside "courtroom dramas" stays with its own act, "M" is not found in "I'm", and a title's words
  // ("Love Actually") are never read as an opinion.
  const cues: SubjectCue[] = [];
  for (let index = 0; index < turn.acts.length; index++)
    addSubjectCues(turn.acts[index] as DialogueAct, index, catalog, cues);
  if (cues.length > 1) longestFirst(cues);
  // A title's own "?" or "!" that ends its sentence ("Just not Who Moved My Cheese? Fan of Dorothy L. Sayers.") is
  // made a full stop too, as the title's placeholder takes the "?" with it: the sentences stay apart.
  let marked = turn.text.replace(STOP_BEFORE_CAPITAL, '$1.$2').toLowerCase().replace(/[’`]/g, "'");
  for (const { cue, index } of cues) marked = markCue(marked, cue, ` §${index} `);
  // A clause naming no subject speaks of the one before it in its sentence ("Inside Out (2015), hated it"), and a
  // bare reaction sentence of the one before ("Heat (1995)? Amazing."); anything longer stands on its own.
  const clauses: string[] = [];
  // Whether each clause names a subject. Only subject-free text is ever appended to a clause, after a space, so
  // this is known when the clause starts.
  const hasSubject: boolean[] = [];
  for (const sentence of marked.split(SENTENCE_END)) {
    const trimmed = sentence.trim();
    if (trimmed === '') continue;
    const attachTo = clauses.length - 1;
    if (
      attachTo >= 0 &&
      hasSubject[attachTo] &&
      !ANY_MARKER.test(sentence) &&
      trimmed.split(/\s+/).length <= REACTION_WORDS
    ) {
      clauses[attachTo] += ` ${sentence}`;
      continue;
    }
    const start = clauses.length;
    for (const clause of sentence.split(CLAUSE_JOIN)) {
      if (clause.trim() === '') continue;
      const subject = ANY_MARKER.test(clause);
      const previous = clauses.length - 1;
      if (!subject && previous >= start && hasSubject[previous]) clauses[previous] += ` ${clause}`;
      else {
        clauses.push(clause);
        hasSubject.push(subject);
      }
    }
  }
  for (const act of polar) {
    const polarity = statedPolarity(act) as Polarity;
    const marker = `§${turn.acts.indexOf(act)}`;
    let scope: string | undefined;
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses[i] as string;
      if (hasSubject[i] && hasMarker(clause, marker))
        scope = scope === undefined ? unmark(clause) : `${scope} ${unmark(clause)}`;
    }
    // Without its own clause, an act is judged on the whole text only when nothing else is said in the turn.
    if (scope === undefined && turn.acts.length === 1) scope = unmark(marked);
    if (scope === undefined) {
      unsure.push(act);
      continue;
    }
    const stance = clauseStance(scope);
    const contradicts =
      (polarity === 'positive' && stance === 'negative') ||
      (polarity === 'negative' && stance === 'positive') ||
      (polarity === 'neutral' &&
        (stance === 'positive' || stance === 'negative') &&
        tokens(scope).some((w) => STRONG_WORDS.has(w)));
    if (contradicts) {
      const subject =
        act.items[0] !== undefined ? itemLabel(catalog, act.items[0]) : ('attribute' in act && act.attribute) || 'it';
      violations.push({
        turn: turn.index,
        rule: 'text-polarity',
        message: `The text sounds ${stance} about ${subject}, but the act states a ${polarity} opinion.`,
        evidence: {
          items: [...act.items],
          ...('attribute' in act && act.attribute !== undefined ? { attribute: act.attribute } : {}),
          text: scope.replace(/\s+/g, ' ').trim(),
        },
      });
    } else if (stance === 'unsure') {
      unsure.push(act);
    }
  }
  return { violations, unsure };
}
