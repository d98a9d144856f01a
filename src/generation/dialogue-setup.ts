import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import { judgeUnsurePolarity, type PolarityJudge } from '../consistency/polarity-judge.js';
import type { Repair } from '../dialogue/repair.js';
import type { TokenUsage } from '../dialogue/token-usage.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import { IcerError } from '../errors.js';
import type { DialogueTurnActs, LMAdapter } from '../language/lm-adapter.js';
import { TemplateAdapter } from '../language/template-adapter.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import type { Seed } from '../random/seeded-random.js';
import type { RecommenderPolicyFactory } from '../simulation/recommender-policy.js';
import type { UserSimulatorOptions } from '../simulation/user-simulator.js';
import type { DialogueGeneratorEvents } from './generator-events.js';

/** How turns are put into words: one call per turn (each seeing the conversation so far) or one per dialogue. */
export type VerbalizationMode = 'turn' | 'dialogue';

/** Everything one dialogue needs; assembled and validated by the generator. */
export interface DialogueSetup {
  id: string;
  seed: Seed;
  profile: PreferenceProfile;
  catalog: ItemCatalog;
  adapter: LMAdapter;
  mode: VerbalizationMode;
  policy: RecommenderPolicyFactory;
  policyName: string;
  simulator: UserSimulatorOptions;
  maxTurns: number;
  repairAttempts: number;
  /** Decides the stance of text the lexical polarity check is unsure about; none by default. */
  judge: PolarityJudge | undefined;
  signal: AbortSignal | undefined;
  emit: <E extends keyof DialogueGeneratorEvents>(event: E, payload: Parameters<DialogueGeneratorEvents[E]>[0]) => void;
}

/** What wording a dialogue cost and fixed, accumulated across its turns. */
export interface WordingLedger {
  usage: TokenUsage;
  calls: number;
  repairLog: Repair[];
  /** Text violations no repair could remove (only possible if the template fallback itself were wrong). */
  unrepaired: Violation[];
}

/** Adds a response's usage to the ledger. */
export function addUsage(ledger: WordingLedger, usage: TokenUsage | undefined): void {
  if (!usage) return;
  ledger.usage.inputTokens += usage.inputTokens;
  ledger.usage.outputTokens += usage.outputTokens;
}

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

/** A repair log entry. */
export function repair(
  turn: number,
  attempts: number,
  method: Repair['method'],
  violations: Violation[],
  unusable: string | undefined,
): Repair {
  return { turn, attempts, method, violations, ...(unusable !== undefined ? { unusable } : {}) };
}

/** A turn with its words. */
export function spokenTurn(turn: DialogueTurnActs, text: string): Turn {
  return { index: turn.index, speaker: turn.speaker, text, acts: [...turn.acts] };
}

// The fallback renderer: templates never contradict their acts, so a turn a model cannot get right still gets said.
export const TEMPLATE = new TemplateAdapter();

/** True when the adapter calls a model (so its calls are worth counting). */
export function callsModel(adapter: LMAdapter): boolean {
  return !(adapter instanceof TemplateAdapter);
}

/**
 * The adapter's answer, or the reason it could not be used. A reply the model gave but that is unusable (not JSON,
 * wrong length, empty) is a failed attempt like a contradiction: re-ask, then fall back to templates. Anything else
 * (cancellation, a server that keeps failing) ends the dialogue.
 */
export async function usableReply<T>(call: () => Promise<T>): Promise<{ reply: T } | { unusable: string }> {
  try {
    return { reply: await call() };
  } catch (error) {
    if (IcerError.isInstance(error) && error.code === 'LM_INVALID_REPLY') return { unusable: error.problem };
    throw error;
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new IcerError('ABORTED', 'Generation was cancelled.', { cause: signal.reason });
  }
}
