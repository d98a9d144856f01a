import { throwIfAborted } from '../abort.js';
import { ConsistencyTracker } from '../consistency/consistency-tracker.js';
import {
  type AssistantAct,
  type DialogueAct,
  offeredItems,
  type Speaker,
  type UserAct,
} from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import type { DialogueTurnActs } from '../language/lm-adapter.js';
import { drawVoice } from '../language/templates/verbalize-from-templates.js';
import { SeededRandom } from '../random/seeded-random.js';
import { releasePolicy } from '../simulation/belief-policy.js';
import { UserSimulator } from '../simulation/user-simulator.js';
import { VERSION } from '../version.js';
import { type DialogueRecord, recordUser } from './dialogue-record.js';
import type { DialogueSetup } from './dialogue-setup.js';
import { newLedger } from './verbalization-ledger.js';
import { verbalizeDialogue } from './verbalize-dialogue.js';
import { verbalizeTurn } from './verbalize-turn.js';

/**
 * Runs one dialogue: the policy and the simulated user take turns deciding acts, the tracker checks them, and the
 * adapter words them — turn by turn (`mode: 'turn'`) or all at once after the acts are decided
 * (`mode: 'dialogue'`; the acts never depend on the words). Text that contradicts its acts is re-asked and, failing
 * that, rendered from templates. Returns the dialogue record.
 */
export async function runDialogue(setup: DialogueSetup, index: number): Promise<DialogueRecord> {
  const { profile, catalog, maxTurns } = setup;
  const root = new SeededRandom(setup.seed);
  const policy = setup.policy({ catalog, maxTurns, random: root.fork('policy'), doNotAsk: new Set(profile.heldOut) });
  const user = new UserSimulator(profile, catalog, root.fork('user'), setup.simulator);
  const tracker = new ConsistencyTracker({ catalog, profile });
  // The recommender's voice, once for the dialogue: every assistant turn, the opening one too, speaks alike.
  const voice = drawVoice(root.fork('voice'));
  const violations: Violation[] = [];
  const ledger = newLedger();
  const turns: Turn[] = [];
  const steps: DialogueTurnActs[] = [];
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
      // A goodbye with a last suggestion or answer is not left hanging: the user takes it or not, and says goodbye
      // too, when their reply fits in the budget.
      if (closed && last && turnIndex + 1 < maxTurns && offeredItems(lastAssistantActs).length > 0) closed = false;
    } else {
      lastUserActs = user.respond(lastAssistantActs);
      acts = lastUserActs;
    }
    const step = { index: turnIndex, speaker, acts };
    violations.push(...tracker.checkActs(speaker, acts, turnIndex));
    if (setup.mode === 'dialogue') {
      // Commitments come from acts alone, so the words can wait for the single call at the end.
      tracker.commit({ ...step, text: '' });
      steps.push(step);
      continue;
    }
    const worded = verbalizeTurn(
      setup,
      tracker,
      step,
      turns,
      root.fork(`turn/${turnIndex}`),
      speaker === 'user' ? user.persona : undefined,
      voice,
      ledger,
    );
    // Awaited only when it is a promise: a template turn is worded at once, and the dialogue runs straight through.
    const turn = worded instanceof Promise ? await worded : worded;
    tracker.commit(turn);
    turns.push(turn);
    setup.emit('turn', { dialogueId: setup.id, turn });
  }
  if (setup.mode === 'dialogue') {
    for (const turn of await verbalizeDialogue(
      setup,
      tracker,
      steps,
      root.fork('dialogue'),
      user.persona,
      voice,
      ledger,
    )) {
      turns.push(turn);
      setup.emit('turn', { dialogueId: setup.id, turn });
    }
  }
  // No more turns: the recommender's arrays can serve the next dialogue. (A dialogue that fails before this point
  // leaves them to the garbage collector.)
  releasePolicy(policy);
  for (const repair of ledger.repairLog) {
    for (const violation of repair.violations)
      setup.emit('inconsistency', { dialogueId: setup.id, violation, repaired: true });
  }
  violations.push(...ledger.unrepaired);
  violations.sort((a, b) => a.turn - b.turn);
  for (const violation of violations) setup.emit('inconsistency', { dialogueId: setup.id, violation, repaired: false });

  const recommended: string[] = [];
  const named = new Set<string>();
  // An unseen item the user called okay (`unseenItems: 'neutral'`) is one they speak of as seen without a view.
  const calledOkay = new Set<string>();
  for (const turn of turns) {
    for (const act of turn.acts) {
      for (const item of act.items) named.add(item);
      if (act.type === 'recommend') recommended.push(...act.items);
      if (act.type === 'answer-item' && act.seen && act.polarity === 'neutral' && turn.speaker === 'user')
        for (const item of act.items) calledOkay.add(item);
    }
  }
  const neutral = profile.neutral.filter((item) => named.has(item));
  for (const item of calledOkay) if (!neutral.includes(item)) neutral.push(item);
  const accepted = lastUserActs.find((act) => act.type === 'accept')?.items[0] ?? null;
  const heldOut = new Set(profile.heldOut);
  const record: DialogueRecord = {
    id: setup.id,
    seed: setup.seed,
    domain: catalog.domain,
    // The traits the user was simulated with, including those drawn from the default mix.
    user: recordUser(profile, user.persona, neutral),
    turns,
    outcome: {
      accepted,
      reason:
        accepted !== null
          ? 'accepted'
          : user.state === 'gave-up'
            ? 'gave-up'
            : exhausted
              ? 'no-candidates'
              : 'max-turns',
      recommended,
      heldOutRecommended: recommended.filter((item) => heldOut.has(item)),
    },
    consistency: {
      checkedTurns: tracker.checkedTurns,
      violations,
      repairs: ledger.repairLog.length,
      repairLog: ledger.repairLog,
    },
    generator: {
      version: VERSION,
      lm: setup.adapter.name,
      mode: setup.mode,
      usage: ledger.usage,
      calls: ledger.calls,
      maxTurns,
      policy: setup.policyName,
    },
  };
  setup.emit('dialogue:end', { record, index });
  return record;
}
