import { type DialogueAct, type DialogueActType, namedItems, type Speaker } from '../dialogue/dialogue-acts.js';
import type { ItemLookup } from './item-lookup.js';
import type { ItemMention } from './item-mentions.js';

/** A DialogueKit slot-value annotation: `[slot, value, start, end]`, offsets into the utterance or null. */
export type DialogueKitSlotValue = readonly [slot: string, value: string, start: number | null, end: number | null];

/** A DialogueKit dialogue act: an intent with its slot values. */
export interface DialogueKitAct {
  /** The intent, in the CRS scheme of UserSimCRS, e.g. `INQUIRE.ELICIT`. */
  readonly intent: string;
  /** The act's slots: items as `TITLE` slots, attributes as their facet's slot (`genre:Horror` → `GENRE`). */
  readonly slot_values: readonly DialogueKitSlotValue[];
}

/**
 * The intent each icer act becomes, in the CRS intent scheme of UserSimCRS and IAI MovieBot (`data/interaction_models/
 * crs_v1.yaml`). Where the intent depends on what the act says (a disclosure about an item or an attribute, a
 * critique asking for more or less), the act decides at export; this table names the intent when nothing does.
 */
export const DIALOGUEKIT_INTENTS: Readonly<Record<DialogueActType, string>> = {
  greet: 'DISCLOSE.NON-DISCLOSE',
  'ask-attribute': 'INQUIRE.ELICIT',
  'ask-item': 'INQUIRE.ELICIT',
  'ask-open': 'INQUIRE',
  'ask-reason': 'INQUIRE.ELICIT',
  recommend: 'REVEAL',
  'respond-critique': 'DISCLOSE.NON-DISCLOSE',
  'no-match': 'REVEAL.NONE',
  'describe-item': 'DISCLOSE.MORE',
  close: 'END',
  'state-goal': 'DISCLOSE.NON-DISCLOSE',
  disclose: 'DISCLOSE',
  'answer-item': 'NOTE.YES',
  critique: 'REVEAL.REFINE',
  reject: 'NOTE.DISLIKE',
  accept: 'NOTE.ACCEPT',
  'ask-about-item': 'INQUIRE.ITEMINFO',
  'give-up': 'COMPLETE',
};

const OPINION = { positive: 'NOTE.LIKE', negative: 'NOTE.DISLIKE', neutral: 'NOTE.YES' } as const;

function intentOf(act: DialogueAct, speaker: Speaker): string {
  switch (act.type) {
    case 'close':
      // A user ends a conversation with COMPLETE in the CRS scheme; END is the agent's.
      return speaker === 'user' ? DIALOGUEKIT_INTENTS['give-up'] : DIALOGUEKIT_INTENTS.close;
    case 'state-goal':
      return act.items.length > 0 ? 'INQUIRE.SIMILAR' : DIALOGUEKIT_INTENTS[act.type];
    case 'disclose':
      return act.items.length > 0 ? OPINION[act.polarity] : DIALOGUEKIT_INTENTS[act.type];
    case 'answer-item':
      return act.seen ? OPINION[act.polarity ?? 'neutral'] : 'NOTE.NO';
    case 'critique':
      return act.direction === 'less' ? 'REVEAL.REVISE' : DIALOGUEKIT_INTENTS[act.type];
    case 'reject':
      return act.seen ? 'NOTE.YES' : DIALOGUEKIT_INTENTS[act.type];
    default:
      return DIALOGUEKIT_INTENTS[act.type];
  }
}

function attributeSlot(key: string): DialogueKitSlotValue {
  const at = key.indexOf(':');
  return [key.slice(0, at).toUpperCase(), key.slice(at + 1), null, null];
}

/**
 * One icer act as a DialogueKit act: its intent, items as `TITLE` slots (the title without its year, with the
 * offsets where the words name it when they do), attributes as their facet's slot (`genre:Horror` → `GENRE`,
 * `Horror`), a facet asked about as a whole as its own name (`GENRE`, `genre`), a recency critique as `YEAR`,
 * `newer` or `older`. The speaker decides a goodbye's intent: the agent's `close` is `END`, the user's `COMPLETE`.
 */
export function dialogueKitAct(
  act: DialogueAct,
  mentions: readonly ItemMention[],
  items: ItemLookup,
  speaker: Speaker,
): DialogueKitAct {
  const slots: DialogueKitSlotValue[] = namedItems(act).map((id) => {
    const mention = mentions.find((m) => m.item === id);
    return ['TITLE', items.item(id).title, mention?.start ?? null, mention?.end ?? null];
  });
  switch (act.type) {
    case 'ask-attribute':
      slots.push(act.attribute ? attributeSlot(act.attribute) : [act.facet.toUpperCase(), act.facet, null, null]);
      break;
    case 'disclose':
    case 'critique':
    case 'respond-critique':
    case 'no-match':
      if (act.attribute) slots.push(attributeSlot(act.attribute));
      if ('direction' in act && (act.direction === 'newer' || act.direction === 'older')) {
        slots.push(['YEAR', act.direction, null, null]);
      }
      break;
    case 'recommend':
      slots.push(...act.reasons.map(attributeSlot));
      break;
    case 'describe-item':
      slots.push(...act.attributes.map(attributeSlot));
      break;
    default:
      break;
  }
  return { intent: intentOf(act, speaker), slot_values: slots };
}
