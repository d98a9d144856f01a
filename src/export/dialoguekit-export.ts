import type { DialogueAct } from '../dialogue/dialogue-acts.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import type { Seed } from '../random/seeded-random.js';
import { type DialogueKitAct, dialogueKitAct } from './dialoguekit-intents.js';
import type { ItemLookup } from './item-lookup.js';
import { recordMentions } from './item-mentions.js';

export type { DialogueKitAct, DialogueKitSlotValue } from './dialoguekit-intents.js';

/** One utterance of a DialogueKit dialogue. */
export interface DialogueKitUtterance {
  /** Who speaks: the simulated `USER` or the recommender (`AGENT`). */
  readonly participant: 'USER' | 'AGENT';
  /** The turn's text. */
  readonly utterance: string;
  /** `<dialogue id>:<turn index>`. */
  readonly utterance_id: string;
  /** The turn's acts as DialogueKit intents with slot values. */
  readonly dialogue_acts: readonly DialogueKitAct[];
  /** The turn's icer acts (DialogueKit keeps unknown keys as the utterance's metadata). */
  readonly acts: readonly DialogueAct[];
}

/** One dialogue of a DialogueKit JSON file (the file is a JSON list of them). */
export interface DialogueKitDialogue {
  /** The record's `id`. */
  readonly conversation_id: string;
  /** One utterance per turn, in order. */
  readonly conversation: readonly DialogueKitUtterance[];
  /** The recommender policy. */
  readonly agent: {
    /** The policy's name. */
    readonly id: string;
    /** Always `AGENT`. */
    readonly type: 'AGENT';
  };
  /** The simulated user. */
  readonly user: {
    /** The record's user id. */
    readonly id: string;
    /** Always `USER`. */
    readonly type: 'USER';
  };
  /** What traces the dialogue back: its seed, domain, outcome, and what generated it. */
  readonly metadata: {
    /** The record's `seed`. */
    readonly seed: Seed;
    /** The record's `domain`, e.g. `movies`. */
    readonly domain: string;
    /** The record's `outcome`: how the dialogue ended. */
    readonly outcome: DialogueRecord['outcome'];
    /** From the record's `generator`. */
    readonly generator: {
      /** The icer version that generated the dialogue. */
      readonly version: string;
      /** `template`, or `provider:model`. */
      readonly lm: string;
      /** The recommender policy's name. */
      readonly policy: string;
    };
  };
}

/**
 * A record as a DialogueKit dialogue, the JSON format UserSimCRS trains and evaluates on: one utterance per turn
 * (`USER` or `AGENT`) whose `dialogue_acts` are the turn's acts as intents with slot values (see
 * {@link DIALOGUEKIT_INTENTS}). Throws `UNKNOWN_ITEM` for an item no catalog has.
 *
 * @example
 * ```ts
 * const dialogues = records.map((record) => dialogueKitDialogue(record, new ItemLookup(builtinCatalog())));
 * writeFileSync('dialogues.json', JSON.stringify(dialogues, null, 2));
 * ```
 */
export function dialogueKitDialogue(record: DialogueRecord, items: ItemLookup): DialogueKitDialogue {
  const mentions = recordMentions(record, items);
  return {
    conversation_id: record.id,
    conversation: record.turns.map((turn, index) => ({
      participant: turn.speaker === 'user' ? 'USER' : 'AGENT',
      utterance: turn.text,
      utterance_id: `${record.id}:${turn.index}`,
      dialogue_acts: turn.acts.map((act) => dialogueKitAct(act, mentions[index] ?? [], items, turn.speaker)),
      acts: turn.acts,
    })),
    agent: { id: record.generator.policy, type: 'AGENT' },
    user: { id: record.user.id, type: 'USER' },
    metadata: {
      seed: record.seed,
      domain: record.domain,
      outcome: record.outcome,
      generator: { version: record.generator.version, lm: record.generator.lm, policy: record.generator.policy },
    },
  };
}
