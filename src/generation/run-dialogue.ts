import type { ItemCatalog } from '../catalog/item-catalog.js';
import { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import { IcerError } from '../errors.js';
import type { LMAdapter, VerbalizeResult } from '../language/lm-adapter.js';
import { TemplateAdapter } from '../language/template-adapter.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import { type Seed, SeededRandom } from '../random/seeded-random.js';
import type { AssistantAct, DialogueAct, Speaker, UserAct } from '../simulation/dialogue-acts.js';
import type { RecommenderPolicyFactory } from '../simulation/recommender-policy.js';
import { UserSimulator, type UserSimulatorOptions } from '../simulation/user-simulator.js';
import { VERSION } from '../version.js';
import type { DialogueRecord, Repair, TokenUsage, Turn, Violation } from './dialogue-record.js';
import type { DialogueGeneratorEvents } from './generator-events.js';

/** Everything one dialogue needs; assembled and validated by the generator. */
export interface DialogueSetup {
  id: string;
  seed: Seed;
  profile: PreferenceProfile;
  catalog: ItemCatalog;
  adapter: LMAdapter;
  policy: RecommenderPolicyFactory;
  policyName: string;
  simulator: UserSimulatorOptions;
  maxTurns: number;
  repairAttempts: number;
  signal: AbortSignal | undefined;
  emit: <E extends keyof DialogueGeneratorEvents>(event: E, payload: Parameters<DialogueGeneratorEvents[E]>[0]) => void;
}

// The fallback renderer: templates never contradict their acts, so a turn a model cannot get right still gets said.
const TEMPLATE = new TemplateAdapter();

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new IcerError('ABORTED', 'Generation was cancelled.', { cause: signal.reason });
  }
}

/** One turn's words: the adapter's, re-asked with the problems stated, then the template's as a last resort. */
async function verbalizeChecked(
  setup: DialogueSetup,
  tracker: ConsistencyTracker,
  speaker: Speaker,
  acts: readonly DialogueAct[],
  history: readonly Turn[],
  random: SeededRandom,
  persona: UserSimulator['persona'] | undefined,
  usage: TokenUsage,
): Promise<{ turn: Turn; calls: number; repair: Repair | undefined; unrepaired: Violation[] }> {
  const index = history.length;
  const countsCalls = !(setup.adapter instanceof TemplateAdapter);
  let calls = 0;
  let feedback: string[] | undefined;
  let firstViolations: Violation[] | undefined;
  for (let attempt = 1; attempt <= setup.repairAttempts + 1; attempt++) {
    throwIfAborted(setup.signal);
    const result: VerbalizeResult = await setup.adapter.verbalize({
      speaker,
      acts,
      history,
      catalog: setup.catalog,
      ...(persona ? { persona } : {}),
      random: attempt === 1 ? random : random.fork(`retry/${attempt}`),
      ...(feedback ? { feedback } : {}),
      ...(setup.signal ? { signal: setup.signal } : {}),
    });
    if (countsCalls) calls++;
    if (result.usage) {
      usage.inputTokens += result.usage.inputTokens;
      usage.outputTokens += result.usage.outputTokens;
    }
    const turn: Turn = { index, speaker, text: result.text, acts: [...acts] };
    const violations = tracker.checkText(turn);
    if (violations.length === 0) {
      const repair = firstViolations ? { turn: index, attempts: attempt, method: 'regenerated' as const, violations: firstViolations } : undefined;
      return { turn, calls, repair, unrepaired: [] };
    }
    firstViolations ??= violations;
    feedback = violations.map((v) => v.message);
  }
  const fallback = await TEMPLATE.verbalize({ speaker, acts, history, catalog: setup.catalog, random, ...(persona ? { persona } : {}) });
  const turn: Turn = { index, speaker, text: fallback.text, acts: [...acts] };
  const repair: Repair = { turn: index, attempts: setup.repairAttempts + 1, method: 'template', violations: firstViolations ?? [] };
  return { turn, calls, repair, unrepaired: tracker.checkText(turn) };
}

/**
 * Runs one dialogue: the policy and the simulated user take turns deciding acts, the adapter words them, the
 * tracker checks acts and words, and text that contradicts its acts is re-asked and, failing that, rendered from
 * templates. Returns the dialogue record.
 */
export async function runDialogue(setup: DialogueSetup, index: number): Promise<DialogueRecord> {
  const { profile, catalog, maxTurns } = setup;
  const root = new SeededRandom(setup.seed);
  const policy = setup.policy({ catalog, maxTurns, random: root.fork('policy') });
  const user = new UserSimulator(profile, catalog, root.fork('user'), setup.simulator);
  const tracker = new ConsistencyTracker({ catalog, profile });
  const turns: Turn[] = [];
  const violations: Violation[] = [];
  const repairLog: Repair[] = [];
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  let calls = 0;
  let lastUserActs: UserAct[] = [];
  let lastAssistantActs: AssistantAct[] = [];
  let closed = false;
  let exhausted = false;

  setup.emit('dialogue:start', { dialogueId: setup.id, userId: profile.id, seed: setup.seed, index });
  for (let turnIndex = 0; turnIndex < maxTurns && !closed; turnIndex++) {
    throwIfAborted(setup.signal);
    const speaker: Speaker = turnIndex % 2 === 0 ? 'assistant' : 'user';
    let acts: DialogueAct[];
    if (speaker === 'assistant') {
      // The assistant's last word must fit in the budget: once no user reply *and* an answer to it would, close now.
      const last = turnIndex >= maxTurns - 2;
      lastAssistantActs = policy.next({ userActs: lastUserActs, index: turnIndex, last });
      acts = lastAssistantActs;
      closed = lastAssistantActs.some((act) => act.type === 'close');
      // A close before the budget runs out, with the user still talking, means the policy had nothing left.
      exhausted = closed && !last && user.state === 'talking';
    } else {
      lastUserActs = user.respond(lastAssistantActs);
      acts = lastUserActs;
    }
    const actViolations = tracker.checkActs(speaker, acts, turnIndex);
    const persona = speaker === 'user' ? user.persona : undefined;
    const spoken = await verbalizeChecked(setup, tracker, speaker, acts, turns, root.fork(`turn/${turnIndex}`), persona, usage);
    calls += spoken.calls;
    if (spoken.repair) {
      repairLog.push(spoken.repair);
      for (const violation of spoken.repair.violations) {
        setup.emit('inconsistency', { dialogueId: setup.id, violation, repaired: true });
      }
    }
    for (const violation of [...actViolations, ...spoken.unrepaired]) {
      violations.push(violation);
      setup.emit('inconsistency', { dialogueId: setup.id, violation, repaired: false });
    }
    tracker.commit(spoken.turn);
    turns.push(spoken.turn);
    setup.emit('turn', { dialogueId: setup.id, turn: spoken.turn });
  }

  const recommended = turns.flatMap((turn) => turn.acts.filter((act) => act.type === 'recommend').flatMap((act) => act.items));
  const accepted = lastUserActs.find((act) => act.type === 'accept')?.items[0] ?? null;
  const heldOut = new Set(profile.heldOut);
  const record: DialogueRecord = {
    id: setup.id,
    seed: setup.seed,
    domain: catalog.domain,
    user: {
      id: profile.id,
      liked: profile.liked.map((o) => o.item),
      disliked: profile.disliked.map((o) => o.item),
      preferences: { ...profile.affinities },
      heldOut: [...profile.heldOut],
      ...(profile.persona ? { persona: profile.persona } : {}),
    },
    turns,
    outcome: {
      accepted,
      reason: accepted !== null ? 'accepted' : user.state === 'gave-up' ? 'gave-up' : exhausted ? 'no-candidates' : 'max-turns',
      recommended,
      heldOutRecommended: recommended.filter((item) => heldOut.has(item)),
    },
    consistency: { checkedTurns: tracker.checkedTurns, violations, repairs: repairLog.length, repairLog },
    generator: { version: VERSION, lm: setup.adapter.name, usage, calls, maxTurns, policy: setup.policyName },
  };
  setup.emit('dialogue:end', { record, index });
  return record;
}
