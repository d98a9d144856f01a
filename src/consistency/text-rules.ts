import { namedItems } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import type { MentionFinder, TitleMention } from './mention-finder.js';
import { bracketedYearAt, type TextTokens } from './text-tokens.js';
import { itemLabel, itemsLabel } from './violation-wording.js';

// The years a "(YYYY)" is read as a title's year in: "(1066)" or "(2150)" is no film's.
const FIRST_YEAR = 1800;
const LAST_YEAR = 2099;
const TITLE_CONNECTORS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'to', 'for', 'with', 'at', '&', '-', ':']);

/** The title-like words just before a position: capitalised words and numbers, and the small words between them. */
function titleBefore(text: string): string {
  const words = text.trimEnd().split(/\s+/);
  let start = words.length;
  while (start > 0) {
    const word = words[start - 1] as string;
    if (/^[\p{Lu}\p{N}]/u.test(word) || TITLE_CONNECTORS.has(word.toLowerCase())) start--;
    else break;
  }
  // A title starts with a capital (or number), not with "and" or "of".
  while (start < words.length && !/^[\p{Lu}\p{N}]/u.test(words[start] as string)) start++;
  return words.slice(start).join(' ');
}

/**
 * Checks that a turn's text mentions exactly the items its acts name: each named item somewhere in the text
 * (`text-missing-item`), no other catalog item (`text-extra-item`), and no title-with-year that is no catalog item
 * at all (`text-unknown-title`). Item ids not in the catalog are left to the `invalid-act` rule.
 */
export function checkTurnText(finder: MentionFinder, turn: Turn, tokens: TextTokens): Violation[] {
  const { catalog } = finder;
  const { text } = turn;
  const named: string[] = [];
  for (const act of turn.acts) {
    for (const id of namedItems(act)) if (catalog.has(id) && !named.includes(id)) named.push(id);
  }
  const mentions = finder.findMentions(tokens, named);
  const violations: Violation[] = [];
  for (const id of named) {
    if (anyMentionOf(mentions, id)) continue;
    violations.push({
      turn: turn.index,
      rule: 'text-missing-item',
      message: `The text does not mention ${itemLabel(catalog, id)}, which its acts name.`,
      evidence: { items: [id] },
    });
  }
  violations.push(...unknownTitles(turn, mentions));
  for (const mention of mentions) {
    if (namesAny(mention, named)) continue;
    const span = text.slice(mention.start, mention.end);
    violations.push({
      turn: turn.index,
      rule: 'text-extra-item',
      message: `The text mentions ${itemsLabel(catalog, mention.items)} ("${span}"), which its acts do not name.`,
      evidence: { items: [...mention.items], text: span },
    });
  }
  return violations;
}

/**
 * `text-unknown-title`: a "(1999)" that no catalog title found in the text stands before is a title the writer made
 * up (or misspelt); the violation says which words.
 */
export function unknownTitles(turn: Turn, mentions: readonly TitleMention[]): Violation[] {
  const { text } = turn;
  const violations: Violation[] = [];
  // A plain scan for "(", not a regex: most turns have a bracket or two, and this runs on every turn.
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    const year = bracketedYearAt(text, at);
    if (year === undefined || year < FIRST_YEAR || year > LAST_YEAR || isInsideMention(mentions, at, at + 6)) continue;
    const span = `${titleBefore(text.slice(0, at))} ${text.slice(at, at + 6)}`.trim();
    violations.push({
      turn: turn.index,
      rule: 'text-unknown-title',
      message: `The text names "${span}", which is no item of the catalog.`,
      evidence: { text: span },
    });
  }
  return violations;
}

function anyMentionOf(mentions: readonly TitleMention[], id: string): boolean {
  for (const mention of mentions) if (mention.items.includes(id)) return true;
  return false;
}

function isInsideMention(mentions: readonly TitleMention[], start: number, end: number): boolean {
  for (const mention of mentions) if (mention.start <= start && mention.end >= end) return true;
  return false;
}

function namesAny(mention: TitleMention, named: readonly string[]): boolean {
  for (const id of mention.items) if (named.includes(id)) return true;
  return false;
}
