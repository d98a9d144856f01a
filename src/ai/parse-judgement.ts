import { z } from 'zod';
import { JUDGE_CRITERIA, type JudgeCriterion, JudgeScoreSchema } from '../evaluation/judge-report.js';
import { type ParsedReply, parseJsonReply } from './parse-reply.js';

const RatingSchema = z.object({
  /** One short sentence: why this score. */
  rationale: z.string().describe('One short sentence: why this score.'),
  /** 1 (very poor) to 5 (excellent), a whole number. */
  score: JudgeScoreSchema.describe('1 (very poor) to 5 (excellent).'),
});

/** The structured output of the dataset judge: a rationale and a score for each criterion. */
export const JudgementReplySchema = z.object({
  /** Fluency: every utterance is well-formed English. */
  fluency: RatingSchema,
  /** Naturalness: it reads like a conversation two people could have. */
  naturalness: RatingSchema,
  /** Consistency: the user's turns agree with the profile and with each other. */
  consistency: RatingSchema,
  /** Factuality: what is said about items is true according to the catalog. */
  factuality: RatingSchema,
});

/** A usable judgement: the score and rationale of every criterion. */
export interface Judgement {
  /** Each criterion's score, 1 to 5. */
  readonly scores: Record<JudgeCriterion, number>;
  /** Each criterion's rationale, one short sentence. */
  readonly rationales: Record<JudgeCriterion, string>;
}

const FORM = 'a JSON object of the form {"fluency": {"rationale": "…", "score": N}, …}';

// A score written as a string ("4") means the same: models asked for JSON often quote numbers.
function score(value: unknown): unknown {
  return typeof value === 'string' && /^\s*[1-5]\s*$/.test(value) ? Number(value) : value;
}

/**
 * A judge's answer read strictly: JSON (a code fence around it is dropped) with, for every criterion, a whole-number
 * score from 1 to 5 (a quoted digit counts) and a rationale. Anything else is a problem stated for the re-ask; a
 * judgement is never guessed from part of an answer.
 *
 * @example
 * ```ts
 * parseJudgement('{"fluency": {"rationale": "Fine.", "score": 5}}');
 * // { ok: false, problem: 'had no rating for naturalness' }
 * ```
 */
export function parseJudgement(text: string): ParsedReply<Judgement> {
  const json = parseJsonReply(text);
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: `was not ${FORM}` };
  const scores = {} as Record<JudgeCriterion, number>;
  const rationales = {} as Record<JudgeCriterion, string>;
  for (const criterion of JUDGE_CRITERIA) {
    const rating = (value as Record<string, unknown>)[criterion];
    if (typeof rating !== 'object' || rating === null) return { ok: false, problem: `had no rating for ${criterion}` };
    const parsed = RatingSchema.safeParse({ ...rating, score: score((rating as { score?: unknown }).score) });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      return {
        ok: false,
        problem:
          field === 'rationale'
            ? `gave ${criterion} no rationale`
            : `gave ${criterion} a score that is not a whole number from 1 to 5`,
      };
    }
    scores[criterion] = parsed.data.score;
    rationales[criterion] = parsed.data.rationale.trim();
  }
  return { ok: true, value: { scores, rationales } };
}
