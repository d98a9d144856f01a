import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import type { DialogueAct, Speaker } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { UserSimulator } from '../simulation/user-simulator.js';
import {
  addUsage,
  callsModel,
  type DialogueSetup,
  repair,
  spokenTurn,
  TEMPLATE,
  textViolations,
  throwIfAborted,
  usableReply,
  type WordingLedger,
} from './dialogue-setup.js';

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
  let unusable: string | undefined;
  for (let attempt = 1; attempt <= setup.repairAttempts + 1; attempt++) {
    throwIfAborted(setup.signal);
    const answer = await usableReply(() =>
      setup.adapter.verbalize({
        speaker: step.speaker,
        acts: step.acts,
        history,
        catalog: setup.catalog,
        ...(persona ? { persona } : {}),
        random: attempt === 1 ? random : random.fork(`retry/${attempt}`),
        ...(feedback ? { feedback } : {}),
        ...(setup.signal ? { signal: setup.signal } : {}),
      }),
    );
    if (callsModel(setup.adapter)) ledger.calls++;
    if ('unusable' in answer) {
      unusable ??= answer.unusable;
      first ??= [];
      feedback = [answer.unusable];
      continue;
    }
    addUsage(ledger, answer.reply.usage);
    const turn = spokenTurn(step, answer.reply.text);
    const violations = await textViolations(setup, tracker, turn);
    if (violations.length === 0) {
      if (first) ledger.repairLog.push(repair(step.index, attempt, 'regenerated', first, unusable));
      return turn;
    }
    first ??= violations;
    feedback = violations.map((v) => v.message);
  }
  const fallback = TEMPLATE.render({
    speaker: step.speaker,
    acts: step.acts,
    history,
    catalog: setup.catalog,
    random,
    ...(persona ? { persona } : {}),
  });
  const turn = spokenTurn(step, fallback);
  ledger.repairLog.push(repair(step.index, setup.repairAttempts + 1, 'template', first ?? [], unusable));
  ledger.unrepaired.push(...tracker.checkText(turn));
  return turn;
}
