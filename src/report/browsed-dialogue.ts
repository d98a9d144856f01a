import { z } from 'zod';
import { displayTitle } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { DialogueAct } from '../dialogue/dialogue-acts.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';

/** One dialogue as the report's browser shows it: its words, acts as labels, and the hidden profile beside it. */
export const BrowsedDialogueSchema = z.strictObject({
  /** The record's id. */
  id: z.string(),
  /** The label of the file it came from. */
  file: z.string(),
  /** Why the dialogue ended (the record's `outcome.reason`). */
  outcome: z.string(),
  /** The accepted item's title with its year, or null. */
  accepted: z.string().nullable(),
  /** Violations the record kept. */
  violations: z.number().int().min(0),
  /** Turns the tracker repaired. */
  repairs: z.number().int().min(0),
  /** The hidden user, items as titles. */
  user: z.strictObject({
    /** The user's id. */
    id: z.string(),
    /** Titles of the items the user liked. */
    liked: z.array(z.string()),
    /** Titles of the items the user disliked. */
    disliked: z.array(z.string()),
    /** Titles of the items the dialogue names that the user saw without a strong view. */
    neutral: z.array(z.string()),
    /** The strongest affinities, strongest first: `[attribute, value]`. */
    preferences: z.array(z.tuple([z.string(), z.number()])),
    /** Titles of the held-out targets. */
    heldOut: z.array(z.string()),
    /** The user's persona, trait by trait (empty without one). */
    persona: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
  /** The turns, in order. */
  turns: z.array(
    z.strictObject({
      /** `user` or `assistant`. */
      speaker: z.string(),
      /** The utterance. */
      text: z.string(),
      /** "recommend: Heat (1995)", "disclose genre:Horror positive"… */
      acts: z.array(z.string()),
      /** `regenerated`, or `template` (a fallback), when the tracker repaired the turn. */
      repair: z.string().optional(),
    }),
  ),
});
/** One dialogue as the report's browser shows it. */
export type BrowsedDialogue = z.output<typeof BrowsedDialogueSchema>;

// The profile panel stays readable: the strongest likings and dislikings only.
const PREFERENCES_SHOWN = 12;

/** The browser's view of a record, titles written out from whichever catalog knows them. */
export function browsedDialogue(
  record: DialogueRecord,
  file: string,
  catalogs: readonly ItemCatalog[],
): BrowsedDialogue {
  const title = (id: string) => {
    for (const catalog of catalogs) {
      const item = catalog.get(id);
      if (item) return displayTitle(item);
    }
    return id;
  };
  const repairs = new Map(record.consistency.repairLog.map((repair) => [repair.turn, repair.method]));
  return {
    id: record.id,
    file,
    outcome: record.outcome.reason,
    accepted: record.outcome.accepted === null ? null : title(record.outcome.accepted),
    violations: record.consistency.violations.length,
    repairs: record.consistency.repairs,
    user: {
      id: record.user.id,
      liked: record.user.liked.map(title),
      disliked: record.user.disliked.map(title),
      neutral: (record.user.neutral ?? []).map(title),
      preferences: Object.entries(record.user.preferences)
        .sort(([a, x], [b, y]) => Math.abs(y) - Math.abs(x) || (a < b ? -1 : 1))
        .slice(0, PREFERENCES_SHOWN)
        .map(([key, value]): [string, number] => [key, Math.round(value * 100) / 100]),
      heldOut: record.user.heldOut.map(title),
      persona: { ...(record.user.persona ?? {}) },
    },
    turns: record.turns.map((turn) => {
      const repair = repairs.get(turn.index);
      return {
        speaker: turn.speaker,
        text: turn.text,
        acts: turn.acts.map((act) => actLabel(act, title)),
        ...(repair === undefined ? {} : { repair }),
      };
    }),
  };
}

function actLabel(act: DialogueAct, title: (id: string) => string): string {
  const parts: string[] = [act.type];
  if ('direction' in act && act.direction !== undefined) parts.push(act.direction);
  if ('attribute' in act && act.attribute !== undefined) parts.push(act.attribute);
  if ('polarity' in act && act.polarity !== undefined) parts.push(act.polarity);
  const items = act.items.map(title);
  return items.length === 0 ? parts.join(' ') : `${parts.join(' ')}: ${items.join(', ')}`;
}
