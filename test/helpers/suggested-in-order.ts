import type { DialogueRecord } from '../../src/generation/dialogue-record.js';

/**
 * The later volumes of series suggested in these dialogues (`before`: each later volume's id → the id of the one
 * before it), and those suggested before the user had said they knew the one before: told of it, or said they had
 * seen or read it when it was asked about or suggested ("record-id turn n: later before earlier").
 */
export function suggestedInOrder(
  records: Iterable<DialogueRecord>,
  before: ReadonlyMap<string, string>,
): { later: number; blind: string[] } {
  let later = 0;
  const blind: string[] = [];
  for (const record of records) {
    const known = new Set<string>();
    for (const turn of record.turns) {
      for (const act of turn.acts) {
        const seen =
          (act.type === 'disclose' && act.items.length > 0) ||
          ((act.type === 'answer-item' || act.type === 'reject') && act.seen === true);
        if (turn.speaker === 'user' && seen) for (const item of act.items) known.add(item);
        if (act.type !== 'recommend') continue;
        for (const item of act.items) {
          const previous = before.get(item);
          if (previous === undefined) continue;
          later++;
          if (!known.has(previous)) blind.push(`${record.id} turn ${turn.index}: ${item} before ${previous}`);
        }
      }
    }
  }
  return { later, blind };
}
