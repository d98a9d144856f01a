import type { Turn } from '../../dialogue/turn.js';

/** What wording a turn reads off every earlier turn of its dialogue. */
export interface HistorySoFar {
  /** The items named in the dialogue so far: every item of an earlier act is named in that turn's text. */
  readonly known: ReadonlySet<string>;
  /** The attributes the user said they like so far. */
  readonly stated: ReadonlySet<string>;
  /** The items the user spoke well of so far. */
  readonly praised: ReadonlySet<string>;
  /** What the user said so far, lowercased, turn after turn. */
  readonly userWords: string;
  /** Whether the recommender has suggested something. */
  readonly suggested: boolean;
}

interface Gathered {
  readonly history: readonly Turn[];
  /** The turns gathered, as they were: a history changed since, not only grown, is gathered anew. */
  readonly turns: Turn[];
  readonly known: Set<string>;
  readonly stated: Set<string>;
  readonly praised: Set<string>;
  userWords: string;
  suggested: boolean;
}

// The history read last, which a dialogue appends to turn by turn: each turn is read once, not once per later turn.
// Only one is kept: template dialogues run one after another, and another history is read afresh.
let read: Gathered | undefined;

/**
 * {@link HistorySoFar} of a history; valid until the history next grows (a later call reads the new turns into the
 * same sets), which is after the turn being worded is done.
 */
export function historySoFar(history: readonly Turn[]): HistorySoFar {
  let gathered = read?.history === history && grownFrom(history, read.turns) ? read : undefined;
  if (!gathered) {
    gathered = {
      history,
      turns: [],
      known: new Set(),
      stated: new Set(),
      praised: new Set(),
      userWords: '',
      suggested: false,
    };
    read = gathered;
  }
  for (let i = gathered.turns.length; i < history.length; i++) {
    const turn = history[i] as Turn;
    gather(gathered, turn);
    gathered.turns.push(turn);
  }
  return gathered;
}

// Whether the history still begins with the turns gathered (a caller may replace a turn in place): a comparison of
// references, far cheaper than gathering again.
function grownFrom(history: readonly Turn[], turns: readonly Turn[]): boolean {
  if (turns.length > history.length) return false;
  for (let i = 0; i < turns.length; i++) if (history[i] !== turns[i]) return false;
  return true;
}

function gather(gathered: Gathered, turn: Turn): void {
  if (turn.speaker === 'user') gathered.userWords += `${turn.text.toLowerCase()}\n`;
  for (const act of turn.acts) {
    for (const item of act.items) gathered.known.add(item);
    if (turn.speaker === 'user') {
      if ((act.type !== 'disclose' && act.type !== 'answer-item') || act.polarity !== 'positive') continue;
      if (act.type === 'disclose' && act.attribute !== undefined) gathered.stated.add(act.attribute);
      for (const item of act.items) gathered.praised.add(item);
    } else if (act.type === 'recommend') gathered.suggested = true;
  }
}
