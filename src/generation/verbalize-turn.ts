import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import type { Turn } from '../dialogue/turn.js';
import type { DialogueTurnActs, VerbalizeRequest } from '../language/lm-adapter.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { UserSimulator } from '../simulation/user-simulator.js';
import { type AdapterAnswer, adapterFailure, callAdapter } from './adapter-call.js';
import type { DialogueSetup } from './dialogue-setup.js';
import { spoken, type VerbalizationReply, verbalizeWithRepairs } from './repair-loop.js';
import { templateFallback, wordsAtOnce } from './template-fallback.js';
import type { VerbalizationLedger } from './verbalization-ledger.js';

/**
 * Turn mode: one turn's words from the adapter, seeing the conversation so far. Text that contradicts the acts is
 * re-asked with the problems stated (`repairAttempts` times), then rendered from templates; repairs go in the
 * ledger. Templates word a turn at once: their turn is returned as it is (not a promise) when its text passes.
 */
export function verbalizeTurn(
  setup: DialogueSetup,
  tracker: ConsistencyTracker,
  step: DialogueTurnActs,
  history: readonly Turn[],
  random: SeededRandom,
  persona: UserSimulator['persona'] | undefined,
  voice: NonNullable<VerbalizeRequest['voice']>,
  ledger: VerbalizationLedger,
): Turn | Promise<Turn> {
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
  // A first attempt made at once, and the general path's answer for it when it did not pass.
  let first: AdapterAnswer<VerbalizationReply> | undefined;
  const templates = wordsAtOnce(setup);
  if (templates) {
    // A subclass's verbalizeSync may break its type: what it returns is judged as a reply, like a model's.
    let text: unknown;
    try {
      text = templates.verbalizeSync(requestFor(random));
    } catch (error) {
      first = adapterFailure(setup, turns, error);
    }
    if (first === undefined) {
      // Anything short of a passing utterance goes through the general path, which judges it the same as ever.
      if (typeof text === 'string' && text.trim() !== '') {
        const turn = spoken(step, text);
        if (tracker.checkText(turn).length === 0) return turn;
      }
      first = { reply: { texts: [text], usage: undefined, calls: undefined } };
    }
  }
  return verbalizeWithRepairs(
    setup,
    tracker,
    ledger,
    [step],
    random,
    async (attempt) => {
      if (first !== undefined && attempt.feedback === undefined) return first;
      const request = requestFor(attempt.random);
      if (attempt.feedback) request.feedback = attempt.feedback[0]?.problems ?? [];
      const answer = await callAdapter(setup, turns, () => setup.adapter.verbalize(request));
      if ('unusable' in answer) return answer;
      const reply: unknown = answer.reply;
      const { text, usage, calls } =
        typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>) : {};
      return { reply: { texts: [text], usage, calls } };
    },
    () => templateFallback.verbalizeSync(requestFor(random)),
  ).then(([turn]) => turn as Turn);
}
