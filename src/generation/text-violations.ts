import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import { judgeUnsurePolarity } from '../consistency/polarity-judge.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import type { DialogueSetup } from './dialogue-setup.js';

/** All text violations of a turn: the tracker's, then the judge's on what the lexicon could not decide. */
export async function textViolations(
  setup: DialogueSetup,
  tracker: ConsistencyTracker,
  turn: Turn,
): Promise<Violation[]> {
  const violations = tracker.checkText(turn);
  if (violations.length > 0 || !setup.judge) return violations;
  return judgeUnsurePolarity(turn, setup.catalog, setup.judge, setup.signal);
}
