import type { DialogueAct } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import { attributePhrase } from '../lexicon/attribute-phrases.js';
import { attributeWords, wordStems } from '../lexicon/attribute-words.js';
import { type DomainPhrasing, perPhrasing } from '../lexicon/domain-phrasing.js';
import { foldedWords } from '../lexicon/english.js';
import type { TextTokens } from './text-tokens.js';
import { attributeLabel } from './violation-wording.js';

/**
 * `text-missing-attribute`: the words of a turn say every attribute its acts state (a liking, a dislike, a
 * critique) or ask about, in any of the forms the phrasings know for it ("sci-fi", "science fiction", "more sci-fi").
 * A user's answer to a question about that very attribute may leave it unsaid ("Comedies?" "Love them."). What a
 * suggestion gives as its reason is not checked: a suggestion may go without saying why. `tokens` are the turn's.
 */
export function checkTurnAttributes(
  turn: Turn,
  previous: readonly DialogueAct[],
  phrasing: DomainPhrasing,
  tokens: TextTokens,
): Violation[] {
  const violations: Violation[] = [];
  for (const act of turn.acts) {
    if (!('attribute' in act) || act.attribute === undefined) continue;
    const key = act.attribute;
    if (turn.speaker === 'user') {
      if (act.type !== 'disclose' && act.type !== 'critique') continue;
      if (previous.some((asked) => asked.type === 'ask-attribute' && asked.attribute === key)) continue;
    } else if (act.type !== 'ask-attribute') continue;
    if (saysAny(tokens, attributeForms(key, phrasing))) continue;
    violations.push({
      turn: turn.index,
      rule: 'text-missing-attribute',
      message: `The text does not say ${attributePhrase(key, phrasing).noun} (${attributeLabel(key)}), which its acts name.`,
      evidence: { attribute: key },
    });
  }
  return violations;
}

const formsOf = perPhrasing(() => new Map<string, ReadonlySet<string>>());

/**
 * Every folded word whose stem is one of the attribute's words ("comedy", "comedys", "comedyes", "comedies" for
 * `comedy`): a text says the attribute when one of its folded words is among them, which is looked up word by word
 * instead of stemming every word of every turn. A stem comes from its word, or that word less "s", "es", or "ies"
 * made "y", so these candidates are all the words there are, and each is kept if it stems back.
 */
function attributeForms(key: string, phrasing: DomainPhrasing): ReadonlySet<string> {
  const cache = formsOf(phrasing);
  let forms = cache.get(key);
  if (forms === undefined) {
    const built = new Set<string>();
    for (const stem of attributeWords(key, phrasing)) {
      const candidates = [stem, `${stem}s`, `${stem}es`];
      if (stem.endsWith('y')) candidates.push(`${stem.slice(0, -1)}ies`);
      for (const word of candidates) if (wordStems(word).has(stem)) built.add(word);
    }
    forms = built;
    cache.set(key, forms);
  }
  return forms;
}

const AMPERSAND = 0x26;
const APOSTROPHES = /['`]/;

/**
 * Whether one of the text's folded words (as `foldedWords` splits it) is in `forms`. An ASCII text's words are its
 * tokens', but for `&`, which is no word, and apostrophes, which split a word ("don't": don, t) rather than join it.
 */
function saysAny(tokens: TextTokens, forms: ReadonlySet<string>): boolean {
  const { text, folded, starts, ends } = tokens;
  if (!tokens.ascii) return foldedWords(text).some((word) => forms.has(word));
  for (let i = 0; i < folded.length; i++) {
    const word = folded[i] as string;
    const start = starts[i] as number;
    const end = ends[i] as number;
    if (end - start === word.length) {
      if (forms.has(word)) return true;
    } else if (text.charCodeAt(start) !== AMPERSAND) {
      for (const part of text.slice(start, end).toLowerCase().split(APOSTROPHES)) if (forms.has(part)) return true;
    }
  }
  return false;
}
