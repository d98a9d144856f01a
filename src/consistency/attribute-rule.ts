import type { DialogueAct } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import { attributePhrase } from '../lexicon/attribute-phrases.js';
import { attributeWords, wordStems } from '../lexicon/attribute-words.js';
import type { DomainPhrasing } from '../lexicon/domain-phrasing.js';
import { attributeLabel } from './violation-wording.js';

/**
 * `text-missing-attribute`: the words of a turn say every attribute its acts state (a liking, a dislike, a
 * critique) or ask about, in any of the forms the phrasings know for it ("sci-fi", "science fiction", "more sci-fi").
 * A user's answer to a question about that very attribute may leave it unsaid ("Comedies?" "Love them."). What a
 * suggestion gives as its reason is not checked: a suggestion may go without saying why.
 */
export function checkTurnAttributes(
  turn: Turn,
  previous: readonly DialogueAct[],
  phrasing: DomainPhrasing,
): Violation[] {
  let said: Set<string> | undefined;
  const violations: Violation[] = [];
  for (const act of turn.acts) {
    if (!('attribute' in act) || act.attribute === undefined) continue;
    const key = act.attribute;
    if (turn.speaker === 'user') {
      if (act.type !== 'disclose' && act.type !== 'critique') continue;
      if (previous.some((asked) => asked.type === 'ask-attribute' && asked.attribute === key)) continue;
    } else if (act.type !== 'ask-attribute') continue;
    said ??= wordStems(turn.text);
    if (saysAny(said, attributeWords(key, phrasing))) continue;
    violations.push({
      turn: turn.index,
      rule: 'text-missing-attribute',
      message: `The text does not say ${attributePhrase(key, phrasing).noun} (${attributeLabel(key)}), which its acts name.`,
      evidence: { attribute: key },
    });
  }
  return violations;
}

function saysAny(said: ReadonlySet<string>, words: ReadonlySet<string>): boolean {
  for (const word of words) if (said.has(word)) return true;
  return false;
}
