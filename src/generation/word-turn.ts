import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { DialogueAct, Speaker } from '../simulation/dialogue-acts.js';
import type { UserSimulator } from '../simulation/user-simulator.js';
import type { Turn, Violation } from './dialogue-record.js';
import { type DialogueSetup, TEMPLATE, type WordingLedger, addUsage, callsModel, spokenTurn, throwIfAborted } from './dialogue-setup.js';

/**
 * Turn mode: one turn's words from the adapter, seeing the conversation so far. Text that contradicts the acts is
 * re-asked with the problems stated (`repairAttempts` times), then rendered from templates; repairs go in the
 * ledger.
 */
export async function wordTurn(
  setup: DialogueSetup,
  tracker: ConsistencyTracker,
  step: { index: number; speaker: Speaker; acts: readonly DialogueAct[] },
  history: readonly Turn[],
  random: SeededRandom,
  persona: UserSimulator['persona'] | undefined,
  ledger: WordingLedger,
): Promise<Turn> {
  let feedback: string[] | undefined;
  let first: Violation[] | undefined;
  for (let attempt = 1; attempt <= setup.repairAttempts + 1; attempt++) {
    throwIfAborted(setup.signal);
    const result = await setup.adapter.verbalize({
      speaker: step.speaker,
      acts: step.acts,
      history,
      catalog: setup.catalog,
      ...(persona ? { persona } : {}),
      random: attempt === 1 ? random : random.fork(`retry/${attempt}`),
      ...(feedback ? { feedback } : {}),
      ...(setup.signal ? { signal: setup.signal } : {}),
    });
    if (callsModel(setup.adapter)) ledger.calls++;
    addUsage(ledger, result.usage);
    const turn = spokenTurn(step, result.text);
    const violations = tracker.checkText(turn);
    if (violations.length === 0) {
      if (first) ledger.repairLog.push({ turn: step.index, attempts: attempt, method: 'regenerated', violations: first });
      return turn;
    }
    first ??= violations;
    feedback = violations.map((v) => v.message);
  }
  const fallback = TEMPLATE.render({ speaker: step.speaker, acts: step.acts, history, catalog: setup.catalog, random, ...(persona ? { persona } : {}) });
  const turn = spokenTurn(step, fallback);
  ledger.repairLog.push({ turn: step.index, attempts: setup.repairAttempts + 1, method: 'template', violations: first ?? [] });
  ledger.unrepaired.push(...tracker.checkText(turn));
  return turn;
}
