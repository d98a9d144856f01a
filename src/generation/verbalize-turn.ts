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
  voice: NonNullable<VerbalizeRequest['voice']>,
  ledger: VerbalizationLedger,
): Promise<Turn> {
  // Built field by field rather than spread: this runs for every turn, and spreads cost more than the rest of it.
  const requestFor = (random: SeededRandom): VerbalizeRequest => {
    const request: VerbalizeRequest = {
      speaker: step.speaker,
      acts: step.acts,
      history,
      catalog: setup.catalog,
      random,
    };
    if (persona) request.persona = persona;
    else if (step.speaker === 'assistant') request.voice = voice;
    if (setup.signal) request.signal = setup.signal;
    return request;
  };
  const turns = { first: step.index, last: step.index };
  const [turn] = await verbalizeWithRepairs(
    setup,
    tracker,
    ledger,
    [step],
    random,
    async (attempt) => {
      const request = requestFor(attempt.random);
      if (attempt.feedback) request.feedback = attempt.feedback[0]?.problems ?? [];
      const answer = await callAdapter(setup, turns, () => setup.adapter.verbalize(request));
      if ('unusable' in answer) return answer;
      const reply: unknown = answer.reply;
      const { text, usage } = typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>) : {};
      return { reply: { texts: [text], usage } };
    },
    () => templateFallback.verbalizeSync(requestFor(random)),
  );
  return turn as Turn;
}
