import { z } from 'zod';
import { type Seed, SeedSchema } from '../random/seeded-random.js';
import { bootstrapMeans } from './bootstrap.js';

// The judge's results live here, below `icer/ai` and `icer/report`: the report charts a judge's JSON without the AI SDK.

/** What the dataset judge rates, in report order: the criteria the ICER paper's raters used, and factuality. */
export const JUDGE_CRITERIA = ['fluency', 'naturalness', 'consistency', 'factuality'] as const;
/** One of {@link JUDGE_CRITERIA}. */
export type JudgeCriterion = (typeof JUDGE_CRITERIA)[number];

/** The lowest rating that counts as good: a criterion's share is the share of dialogues rated at least this. */
export const GOOD_SCORE = 4;

/** A rating of one criterion: 1 (very poor) to 5 (excellent), whole numbers only. */
export const JudgeScoreSchema = z.number().int().min(1).max(5);

const count = z.number().int().min(0);
const perCriterion = <T extends z.ZodType>(schema: T) =>
  z.strictObject({
    /** Fluency: every utterance is well-formed English, with no broken or garbled text. */
    fluency: schema,
    /** Naturalness: it reads like a conversation two people could have, with no template or robotic phrasing. */
    naturalness: schema,
    /** Consistency: what the user says and does agrees with the profile and with their own earlier turns. */
    consistency: schema,
    /** Factuality: what the conversation states about items is true according to the catalog. */
    factuality: schema,
  });

/** How one criterion came out over the judged dialogues. */
export const JudgeCriterionSummarySchema = z.strictObject({
  /**
   * The share of judged dialogues rated 4 or 5 (as the ICER paper reports its raters' percentages), with its 95%
   * percentile-bootstrap interval; null when no dialogue was judged.
   */
  share: z
    .strictObject({
      /** The share rated 4 or 5, from 0 to 1. */
      mean: z.number().min(0).max(1),
      /** The 95% percentile-bootstrap interval of the share. */
      ci: z.tuple([z.number(), z.number()]),
    })
    .nullable(),
  /** The mean score, 1 to 5; null when no dialogue was judged. */
  meanScore: z.number().nullable(),
  /** How many judged dialogues got each score: `counts[0]` were rated 1, …, `counts[4]` were rated 5. */
  counts: z.tuple([count, count, count, count, count]),
});
/** How one criterion came out over the judged dialogues. */
export type JudgeCriterionSummary = z.output<typeof JudgeCriterionSummarySchema>;

/** One judged dialogue: its scores and the judge's rationale for each. */
export const JudgedDialogueSchema = z.strictObject({
  /** The record's id. */
  id: z.string(),
  /** The judge's score of each criterion, 1 to 5. */
  scores: perCriterion(JudgeScoreSchema),
  /** The judge's one-sentence reason for each score. */
  rationales: perCriterion(z.string()),
});
/** One judged dialogue. */
export type JudgedDialogue = z.output<typeof JudgedDialogueSchema>;

/**
 * What `judgeDialogues` returns and `icer judge --json` (or `--out`) writes: the sample, each criterion's share rated
 * ≥ 4 with its interval, every judged dialogue's scores and rationales, the failures, and what the judge spent.
 *
 * @example
 * ```ts
 * const report = JudgeReportSchema.parse(JSON.parse(await readFile('judge.json', 'utf8')));
 * const { mean, ci } = report.criteria.consistency.share ?? { mean: NaN, ci: [NaN, NaN] };
 * console.log(`consistency ${(mean * 100).toFixed(1)}% (${ci[0]}–${ci[1]}), ${report.sample.failures} failures`);
 * ```
 */
export const JudgeReportSchema = z.strictObject({
  /** The judge: `provider:modelId`, or the `name` given. */
  model: z.string(),
  /** The rubric's version (`JUDGE_RUBRIC_VERSION`). */
  promptVersion: z.string(),
  /** Which dialogues were judged, and how the figures were resampled. */
  sample: z.strictObject({
    /** Records read. */
    records: count,
    /** Dialogues asked for (`sample`); all records are judged when there are fewer. */
    requested: count,
    /** Dialogues rated: every figure is over these. */
    judged: count,
    /** Dialogues whose answers could not be used even when re-asked, or whose call failed: never scored. */
    failures: count,
    /** Sampled dialogues left unjudged because the call budget (`maxCalls`) was spent. */
    skipped: count,
    /** The seed of the sample and of the bootstrap. */
    seed: SeedSchema,
    /** Bootstrap resamples per interval. */
    resamples: z.number().int().min(1),
  }),
  /** Each criterion's share rated ≥ 4 with its interval, mean score and score counts. */
  criteria: perCriterion(JudgeCriterionSummarySchema),
  /** The judged dialogues in the order of the records. */
  dialogues: z.array(JudgedDialogueSchema),
  /** The dialogues that could not be judged, in the order of the records, and why. */
  failed: z.array(
    z.strictObject({
      /** The record's id. */
      id: z.string(),
      /** Why it could not be judged. */
      problem: z.string(),
    }),
  ),
  /**
   * Item ids the sampled dialogues (their acts or profiles) name that the catalog does not know: the judge saw no
   * facts for them. Usually a sign that the dialogues were generated with another catalog.
   */
  missingItems: z.array(z.string()),
  /** What the judge spent: real calls only (cache hits are free). */
  usage: z.strictObject({
    /** Requests sent to the model, retries included (cache hits excluded). */
    calls: count,
    /** Requests that repeated a failed one (rate limit, server error, timeout, network failure). */
    retries: count,
    /** Answers read from the response cache instead of calling the model. */
    cacheHits: count,
    /** Answers that could not be used (re-asked, or counted as failures). */
    invalidReplies: count,
    /**
     * Answers received without token usage (many OpenAI-compatible servers leave it out): counted as 0 tokens, so
     * the token counts and the cost are short by them. Older reports lack it: read as 0.
     * @default 0
     */
    unmeasuredReplies: count.default(0),
    /** Input (prompt) tokens of the real calls. */
    inputTokens: count,
    /** Output (completion) tokens of the real calls. */
    outputTokens: count,
    /** Priced with `prices`; null without them. */
    cost: z.number().nullable(),
  }),
});
/** What `judgeDialogues` returns and `icer judge --json` prints. */
export type JudgeReport = z.output<typeof JudgeReportSchema>;

/** Each criterion's summary over the judged dialogues; the shares' intervals come from one seeded resampling. */
export function summarizeCriteria(
  dialogues: readonly Pick<JudgedDialogue, 'scores'>[],
  bootstrap: { seed: Seed; resamples: number },
): JudgeReport['criteria'] {
  const good = JUDGE_CRITERIA.map((criterion) =>
    dialogues.map((dialogue) => (dialogue.scores[criterion] >= GOOD_SCORE ? 1 : 0)),
  );
  const shares = dialogues.length > 0 ? bootstrapMeans(good, { ...bootstrap, level: 0.95 }) : undefined;
  const summary = (criterion: JudgeCriterion, index: number): JudgeCriterionSummary => {
    const counts: JudgeCriterionSummary['counts'] = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const dialogue of dialogues) {
      const score = dialogue.scores[criterion];
      counts[score - 1] = (counts[score - 1] as number) + 1;
      sum += score;
    }
    const share = shares?.[index];
    return {
      share: share ? { mean: share.mean, ci: share.ci } : null,
      meanScore: dialogues.length > 0 ? sum / dialogues.length : null,
      counts,
    };
  };
  return {
    fluency: summary('fluency', 0),
    naturalness: summary('naturalness', 1),
    consistency: summary('consistency', 2),
    factuality: summary('factuality', 3),
  };
}
