import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import type { Turn } from '../dialogue/turn.js';
import type { DialogueTurnActs, LMAdapter, VerbalizeRequest } from '../language/lm-adapter.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { UserSimulator } from '../simulation/user-simulator.js';
import { callAdapter } from './adapter-call.js';
import type { DialogueSetup } from './dialogue-setup.js';
import { verbalizeWithRepairs } from './repair-loop.js';
import { templateFallback } from './template-fallback.js';
import type { VerbalizationLedger } from './verbalization-ledger.js';

/**
 * Dialogue mode: every turn's words from one adapter call. Turns whose text contradicts their acts (or that got no
 * text) are re-asked together, with their problems stated, keeping the turns that were already right; what still
 * fails after `repairAttempts` is rendered from templates.
 */
export async function verbalizeDialogue(
  setup: DialogueSetup,
  tracker: ConsistencyTracker,
  steps: readonly DialogueTurnActs[],
  random: SeededRandom,
  persona: UserSimulator['persona'],
  voice: NonNullable<VerbalizeRequest['voice']>,
  ledger: VerbalizationLedger,
): Promise<Turn[]> {
  // The generator's constructor refuses dialogue mode for an adapter without verbalizeDialogue.
  const adapter = setup.adapter as Required<LMAdapter>;
  const turns = { first: steps[0]?.index ?? 0, last: steps.at(-1)?.index ?? -1 };
  return verbalizeWithRepairs(
    setup,
    tracker,
    ledger,
    steps,
    random,
    async (attempt) => {
      const answer = await callAdapter(setup, turns, () =>
        adapter.verbalizeDialogue({
          turns: steps,
          catalog: setup.catalog,
          persona,
          voice,
          random: attempt.random,
          ...(attempt.feedback ? { feedback: attempt.feedback } : {}),
          ...(setup.signal ? { signal: setup.signal } : {}),
        }),
      );
      if ('unusable' in answer) return answer;
      const reply: unknown = answer.reply;
      const { texts, usage, calls } =
        typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>) : {};
      if (!Array.isArray(texts)) return { unusable: 'The reply has no list of utterances (`texts`).' };
      return { reply: { texts, usage, calls } };
    },
    (step, spokenBefore) =>
      templateFallback.verbalizeSync({
        speaker: step.speaker,
        acts: step.acts,
        history: spokenBefore,
        catalog: setup.catalog,
        random: random.fork(`turn/${step.index}`),
        ...(step.speaker === 'user' ? { persona } : { voice }),
      }),
  );
}
