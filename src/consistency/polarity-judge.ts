import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { DialogueAct, Polarity } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import { checkTextPolarity } from './text-polarity.js';
import { itemLabel } from './violation-wording.js';

/** What a judge is asked: which stance the text takes on one subject. */
export interface PolarityQuestion {
  /** The utterance. */
  text: string;
  /** What the opinion is about, as a person would name it: "The Matrix (1999)", or "Horror (genre)". */
  subject: string;
  /** The act whose stance is in doubt. */
  act: DialogueAct;
  /** Cancels the question: a judge that calls a model should pass it on. */
  signal?: AbortSignal;
}

/**
 * Reads the stance a text takes on a subject when the lexical check cannot tell: typically a language model (see
 * `aiSdkJudge` in `icer/ai`). Answers `unsure` when it cannot tell either.
 */
export type PolarityJudge = (question: PolarityQuestion) => Promise<Polarity | 'unsure'>;

function subjectOf(act: DialogueAct, catalog: ItemCatalog): string {
  if (act.items[0] !== undefined) return itemLabel(catalog, act.items[0]);
  const attribute = 'attribute' in act ? act.attribute : undefined;
  if (attribute === undefined) return 'it';
  const colon = attribute.indexOf(':');
  return `${attribute.slice(colon + 1)} (${attribute.slice(0, colon)})`;
}

/**
 * `text-polarity` for the acts the lexicon was unsure about, decided by a judge: a stance opposite to the act's (or a
 * liking or dislike where the act says "no strong feelings") is a violation, like a lexical one.
 */
export async function judgeUnsurePolarity(
  turn: Turn,
  catalog: ItemCatalog,
  judge: PolarityJudge,
  signal?: AbortSignal,
): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const act of checkTextPolarity(turn, catalog).unsure) {
    const polarity = 'polarity' in act ? act.polarity : undefined;
    if (polarity === undefined) continue;
    const subject = subjectOf(act, catalog);
    const verdict = await judge({ text: turn.text, subject, act, ...(signal ? { signal } : {}) });
    if (verdict === 'unsure' || verdict === polarity) continue;
    if (polarity !== 'neutral' && verdict === 'neutral') continue;
    violations.push({
      turn: turn.index,
      rule: 'text-polarity',
      message: `A judge reads the text as ${verdict} about ${subject}, but the act states a ${polarity} opinion.`,
      evidence: {
        items: [...act.items],
        ...('attribute' in act && act.attribute !== undefined ? { attribute: act.attribute } : {}),
        text: turn.text,
      },
    });
  }
  return violations;
}
