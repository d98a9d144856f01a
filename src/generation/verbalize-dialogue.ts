import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import { IcerError } from '../errors.js';
import type { DialogueTurnActs } from '../language/lm-adapter.js';
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
 * Dialogue mode: every turn's words from one adapter call. Turns whose text contradicts their acts (or that got no
 * text) are re-asked together, with their problems stated, keeping the turns that were already right; what still
 * fails after `repairAttempts` is rendered from templates.
 */
export async function wordDialogue(
  setup: DialogueSetup,
  tracker: ConsistencyTracker,
  steps: readonly DialogueTurnActs[],
  random: SeededRandom,
  persona: UserSimulator['persona'],
  ledger: WordingLedger,
): Promise<Turn[]> {
  const verbalizeDialogue = setup.adapter.verbalizeDialogue?.bind(setup.adapter);
  if (!verbalizeDialogue) {
    throw new IcerError('INVALID_ARGUMENT', `The adapter "${setup.adapter.name}" cannot word whole dialogues.`, {
      hint: "Use mode: 'turn', or an adapter that implements verbalizeDialogue().",
    });
  }
  const texts: Array<string | undefined> = steps.map(() => undefined);
  const firstProblems = new Map<number, Violation[]>();
  const attemptsAt = new Map<number, number>();
  let failing = steps.map((_, position) => position);
  let feedback: Array<{ turn: number; problems: string[] }> | undefined;
  let unusable: string | undefined;

  for (let attempt = 1; attempt <= setup.repairAttempts + 1 && failing.length > 0; attempt++) {
    throwIfAborted(setup.signal);
    const answer = await usableReply(() =>
      verbalizeDialogue({
        turns: steps,
        catalog: setup.catalog,
        persona,
        random: attempt === 1 ? random : random.fork(`retry/${attempt}`),
        ...(feedback ? { feedback } : {}),
        ...(setup.signal ? { signal: setup.signal } : {}),
      }),
    );
    if (callsModel(setup.adapter)) ledger.calls++;
    if ('unusable' in answer) {
      // The whole reply was unusable: every turn still failing stays so, told why.
      unusable ??= answer.unusable;
      for (const position of failing) {
        attemptsAt.set(position, attempt);
        if (!firstProblems.has(position)) firstProblems.set(position, []);
      }
      feedback = failing.map((position) => ({
        turn: (steps[position] as DialogueTurnActs).index,
        problems: [answer.unusable],
      }));
      continue;
    }
    const result = answer.reply;
    addUsage(ledger, result.usage);
    const stillFailing: number[] = [];
    feedback = [];
    for (const position of failing) {
      const step = steps[position] as DialogueTurnActs;
      attemptsAt.set(position, attempt);
      const text = result.texts[position];
      const problems =
        typeof text === 'string' && text.trim() !== ''
          ? await textViolations(setup, tracker, spokenTurn(step, text))
          : [];
      const missing = typeof text !== 'string' || text.trim() === '';
      if (!missing && problems.length === 0) {
        texts[position] = text;
        continue;
      }
      if (!firstProblems.has(position)) firstProblems.set(position, problems);
      stillFailing.push(position);
      feedback.push({
        turn: step.index,
        problems: missing ? ['No utterance was given for this turn.'] : problems.map((v) => v.message),
      });
    }
    failing = stillFailing;
  }

  const turns: Turn[] = [];
  for (const [position, step] of steps.entries()) {
    let text = texts[position];
    const problems = firstProblems.get(position);
    if (text === undefined) {
      text = TEMPLATE.render({
        speaker: step.speaker,
        acts: step.acts,
        history: turns,
        catalog: setup.catalog,
        random: random.fork(`turn/${step.index}`),
        ...(step.speaker === 'user' ? { persona } : {}),
      });
      ledger.repairLog.push(repair(step.index, attemptsAt.get(position) ?? 1, 'template', problems ?? [], unusable));
      ledger.unrepaired.push(...tracker.checkText(spokenTurn(step, text)));
    } else if (problems) {
      ledger.repairLog.push(repair(step.index, attemptsAt.get(position) ?? 1, 'regenerated', problems, unusable));
    }
    turns.push(spokenTurn(step, text));
  }
  return turns;
}
