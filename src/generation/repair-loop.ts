import { throwIfAborted } from '../abort.js';
import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import { addUsage, type TokenUsage, TokenUsageSchema } from '../dialogue/token-usage.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import type { DialogueTurnActs } from '../language/lm-adapter.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { AdapterAnswer } from './adapter-call.js';
import type { DialogueSetup } from './dialogue-setup.js';
import { callsModel } from './template-fallback.js';
import { textViolations } from './text-violations.js';
import type { VerbalizationLedger } from './verbalization-ledger.js';

/** What was wrong with a turn's previous wording, told to the adapter on a retry. */
export interface TurnFeedback {
  turn: number;
  problems: string[];
}

/** One attempt: its random stream (the turn's own on the first, a fork on retries) and, on a retry, the feedback. */
export interface VerbalizationAttempt {
  random: SeededRandom;
  feedback: TurnFeedback[] | undefined;
}

/** An attempt's reply, read but not yet checked: a text per step (entries of steps already worded are ignored). */
export interface VerbalizationReply {
  texts: readonly unknown[];
  usage: unknown;
  calls: unknown;
}

const NO_UTTERANCE = 'No utterance was given for this turn.';
const BAD_USAGE = 'The reply reported token usage that is not { inputTokens, outputTokens } as whole numbers ≥ 0.';
const BAD_CALLS = 'The reply reported `calls` that is not a whole number ≥ 0.';

/**
 * What an answer cost: a reply's own account, or what the unusable replies cost. A reply whose account is malformed
 * still took a call, of tokens unknown, and is unusable for it (`problem`).
 */
interface Spending {
  usage: TokenUsage | undefined;
  calls: number;
  problem?: string;
}

function spendingOf(answer: AdapterAnswer<VerbalizationReply>): Spending {
  // A model was asked once unless the adapter says otherwise.
  if ('unusable' in answer) return { usage: answer.usage, calls: answer.calls ?? 1 };
  const { usage, calls = 1 } = answer.reply;
  const tokens = usage === undefined ? undefined : TokenUsageSchema.safeParse(usage);
  if (tokens?.success === false) return { usage: undefined, calls: 1, problem: BAD_USAGE };
  if (!Number.isInteger(calls) || (calls as number) < 0) return { usage: undefined, calls: 1, problem: BAD_CALLS };
  return { usage: tokens?.data, calls: calls as number };
}

interface StepState {
  /** The step as spoken, once an attempt passed. */
  turn: Turn | undefined;
  /** The problems of the first failed attempt: what the repair log records. */
  first: Violation[] | undefined;
  attempts: number;
  unusable: string | undefined;
}

/** A step as spoken with `text`. */
export function spoken(step: DialogueTurnActs, text: string): Turn {
  return { index: step.index, speaker: step.speaker, text, acts: [...step.acts] };
}

/**
 * Words `steps` with the adapter and repairs what contradicts the acts, the same way in turn and dialogue mode: each
 * attempt asks for the steps still failing, with their problems stated; the steps that now pass are kept; after
 * `repairAttempts` re-asks the rest are rendered by `fallback` from templates. A reply that cannot be used at all (an
 * empty or missing utterance, a reply the adapter refused, malformed usage) is a failed attempt like a
 * contradiction. Usage, calls and repairs go in the ledger.
 */
export async function verbalizeWithRepairs(
  setup: DialogueSetup,
  tracker: ConsistencyTracker,
  ledger: VerbalizationLedger,
  steps: readonly DialogueTurnActs[],
  random: SeededRandom,
  ask: (attempt: VerbalizationAttempt) => Promise<AdapterAnswer<VerbalizationReply>>,
  fallback: (step: DialogueTurnActs, spokenBefore: readonly Turn[]) => string,
): Promise<Turn[]> {
  const states: StepState[] = steps.map(() => ({
    turn: undefined,
    first: undefined,
    attempts: 1,
    unusable: undefined,
  }));
  let failing = steps.map((_, position) => position);
  let feedback: TurnFeedback[] | undefined;

  for (let attempt = 1; attempt <= setup.repairAttempts + 1 && failing.length > 0; attempt++) {
    throwIfAborted(setup.signal);
    const answer = await ask({ random: attempt === 1 ? random : random.fork(`retry/${attempt}`), feedback });
    const spent = spendingOf(answer);
    if (callsModel(setup.adapter)) ledger.calls += spent.calls;
    ledger.usage = addUsage(ledger.usage, spent.usage);
    const unusable = 'unusable' in answer ? answer.unusable : spent.problem;
    const stillFailing: number[] = [];
    feedback = [];
    for (const position of failing) {
      const step = steps[position] as DialogueTurnActs;
      const state = states[position] as StepState;
      state.attempts = attempt;
      const text = unusable === undefined && 'reply' in answer ? answer.reply.texts[position] : undefined;
      const problem = unusable ?? (typeof text !== 'string' || text.trim() === '' ? NO_UTTERANCE : undefined);
      const turn = problem === undefined ? spoken(step, text as string) : undefined;
      const violations = turn ? await textViolations(setup, tracker, turn) : [];
      if (turn && violations.length === 0) {
        state.turn = turn;
        continue;
      }
      state.first ??= violations;
      if (problem !== undefined) state.unusable ??= problem;
      stillFailing.push(position);
      feedback.push({
        turn: step.index,
        problems: problem !== undefined ? [problem] : violations.map((v) => v.message),
      });
    }
    failing = stillFailing;
  }

  const turns: Turn[] = [];
  for (const [position, step] of steps.entries()) {
    const state = states[position] as StepState;
    const method = state.turn === undefined ? 'template' : 'regenerated';
    const turn = state.turn ?? spoken(step, fallback(step, turns));
    if (state.first) {
      ledger.repairLog.push({
        turn: step.index,
        attempts: state.attempts,
        method,
        violations: state.first,
        ...(state.unusable !== undefined ? { unusable: state.unusable } : {}),
      });
    }
    if (method === 'template') ledger.unrepaired.push(...tracker.checkText(turn));
    turns.push(turn);
  }
  return turns;
}
