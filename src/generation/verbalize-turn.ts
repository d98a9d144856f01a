import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import type { Turn } from '../dialogue/turn.js';
import type { DialogueTurnActs, VerbalizeRequest } from '../language/lm-adapter.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { UserSimulator } from '../simulation/user-simulator.js';
import { callAdapter } from './adapter-call.js';
import type { DialogueSetup } from './dialogue-setup.js';
import { verbalizeWithRepairs } from './repair-loop.js';
import { templateFallback } from './template-fallback.js';
import type { VerbalizationLedger } from './verbalization-ledger.js';

/**
 * Turn mode: one turn's words from the adapter, seeing the conversation so far. Text that contradicts the acts is
 * re-asked with the problems stated (`repairAttempts` times), then rendered from templates; repairs go in the
 * ledger.
 */
export async function verbalizeTurn(
  setup: DialogueSetup,
  tracker: ConsistencyTracker,
  step: DialogueTurnActs,
  history: readonly Turn[],
  random: SeededRandom,
  persona: UserSimulator['persona'] | undefined,
  ledger: VerbalizationLedger,
): Promise<Turn> {
  const request: Omit<VerbalizeRequest, 'random'> = {
    speaker: step.speaker,
    acts: step.acts,
    history,
    catalog: setup.catalog,
    ...(persona ? { persona } : {}),
  };
  const [turn] = await verbalizeWithRepairs(
    setup,
    tracker,
    ledger,
    [step],
    random,
    async (attempt) => {
      const answer = await callAdapter(setup, `turn ${step.index}`, () =>
        setup.adapter.verbalize({
          ...request,
          random: attempt.random,
          ...(attempt.feedback ? { feedback: attempt.feedback[0]?.problems ?? [] } : {}),
          ...(setup.signal ? { signal: setup.signal } : {}),
        }),
      );
      if ('unusable' in answer) return answer;
      const reply: unknown = answer.reply;
      const { text, usage } = typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>) : {};
      return { reply: { texts: [text], usage } };
    },
    () => templateFallback.verbalizeSync({ ...request, random }),
  );
  return turn as Turn;
}
