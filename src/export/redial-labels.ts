import type { DialogueAct, Polarity, Speaker } from '../dialogue/dialogue-acts.js';

/**
 * ReDial's answers about one film, with ReDial's codes: `suggested` 1 when the recommender brought it up, 0 when the
 * seeker did; `seen` and `liked` 1 yes, 0 no, 2 not said.
 */
export interface ReDialLabels {
  /** 1 when the recommender brought the film up, 0 when the seeker did. */
  suggested: 0 | 1;
  /** Whether the seeker has seen it: 1 yes, 0 no, 2 not said. */
  seen: 0 | 1 | 2;
  /** Whether the seeker liked it: 1 yes, 0 no, 2 not said. */
  liked: 0 | 1 | 2;
}

const LIKED: Record<Polarity, 0 | 1 | 2> = { positive: 1, negative: 0, neutral: 2 };

/**
 * Labels items from what the acts say, turn after turn: who named an item first, then what the user said of it. A
 * later statement overrides an earlier one, as the seeker's last word would in ReDial's questionnaire.
 */
export class ReDialLabeller {
  readonly #labels = new Map<string, ReDialLabels>();

  /** The labels so far, by item, in the order the items were first named. */
  get labels(): ReadonlyMap<string, ReDialLabels> {
    return this.#labels;
  }

  /** Notes that a speaker named an item (in acts or words): who brought it up first. */
  named(item: string, speaker: Speaker): ReDialLabels {
    let labels = this.#labels.get(item);
    if (!labels) {
      labels = { suggested: speaker === 'assistant' ? 1 : 0, seen: 2, liked: 2 };
      this.#labels.set(item, labels);
    }
    return labels;
  }

  /** Reads one act of a turn. */
  add(act: DialogueAct, speaker: Speaker): void {
    for (const item of act.items) {
      const labels = this.named(item, speaker);
      switch (act.type) {
        case 'state-goal':
          // "Something like Heat": a film they have seen and liked.
          labels.seen = 1;
          labels.liked = 1;
          break;
        case 'disclose':
          labels.seen = 1;
          labels.liked = LIKED[act.polarity];
          break;
        case 'answer-item':
          labels.seen = act.seen ? 1 : 0;
          if (act.polarity !== undefined) labels.liked = LIKED[act.polarity];
          break;
        case 'reject':
          if (act.seen) labels.seen = 1;
          labels.liked = 0;
          break;
        case 'accept':
          labels.liked = 1;
          break;
        default:
          break;
      }
    }
  }
}
