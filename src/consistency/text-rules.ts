import type { Turn, Violation } from '../generation/dialogue-record.js';
import type { MentionFinder } from './mention-finder.js';
import { TextTokens } from './text-tokens.js';
import { itemLabel, itemsLabel } from './violation-wording.js';

/**
 * Checks that a turn's text mentions exactly the items its acts name: each named item somewhere in the text
 * (`text-missing-item`), and no other catalog item (`text-extra-item`). Item ids not in the catalog are left to
 * the `invalid-act` rule.
 */
export function checkTurnText(finder: MentionFinder, turn: Turn): Violation[] {
  const { catalog } = finder;
  const named: string[] = [];
  for (const act of turn.acts) {
    for (const id of act.items) if (catalog.has(id) && !named.includes(id)) named.push(id);
  }
  const mentions = finder.findMentions(new TextTokens(turn.text), named);
  const violations: Violation[] = [];
  for (const id of named) {
    if (mentions.some((mention) => mention.items.includes(id))) continue;
    violations.push({
      turn: turn.index,
      rule: 'text-missing-item',
      message: `The text does not mention ${itemLabel(catalog, id)}, which its acts name.`,
      evidence: { items: [id] },
    });
  }
  for (const mention of mentions) {
    if (mention.items.some((id) => named.includes(id))) continue;
    const span = turn.text.slice(mention.start, mention.end);
    violations.push({
      turn: turn.index,
      rule: 'text-extra-item',
      message: `The text mentions ${itemsLabel(catalog, mention.items)} ("${span}"), which its acts do not name.`,
      evidence: { items: [...mention.items], text: span },
    });
  }
  return violations;
}
