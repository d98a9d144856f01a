import { z } from 'zod';
import { SeedSchema } from '../random/seeded-random.js';
import { NegativeSamplingSchema } from './candidate-lists.js';
import { EvaluationConditionSchema } from './evaluation-context.js';
import { RankingMetricSchema } from './ranking-metrics.js';

const IntervalSchema = z.strictObject({
  /** The metric's mean over the targets scored. */
  mean: z.number(),
  /** The 95% (or `task.level`) percentile-bootstrap interval of the mean. */
  ci: z.tuple([z.number(), z.number()]),
});

/** One row of the study: a condition (of one dialogue source, at one prefix length) read by one recommender. */
export const EvaluationResultSchema = z.strictObject({
  /** What the recommender was told about each user. */
  condition: EvaluationConditionSchema,
  /** The dialogue file's label (`dialogue` and `prefix`); null for `none` and `profile`. */
  source: z.string().nullable(),
  /** Turns shown (`prefix`); null otherwise. */
  turns: z.number().int().nullable(),
  /** The recommender's name. */
  recommender: z.string(),
  /** Targets scored. */
  n: z.number().int().min(0),
  /** Targets the recommender could not rank (it threw or answered unusably): left out, never scored. */
  failures: z.number().int().min(0),
  /** Each ranking metric's mean over the targets scored, with its interval. */
  metrics: z.record(RankingMetricSchema, IntervalSchema),
});
/** One row of the study. */
export type EvaluationResult = z.output<typeof EvaluationResultSchema>;

/** A paired difference between two rows over the targets both scored: `a − b`, with its interval. */
export const EvaluationComparisonSchema = z.strictObject({
  /** Row names: `none`, `profile`, `dialogue/LABEL`, `prefix@4/LABEL`. */
  a: z.string(),
  /** The row `a` is compared with, named the same way. */
  b: z.string(),
  /** The metric compared. */
  metric: RankingMetricSchema,
  /** Targets both rows scored: the pairs the difference is over. */
  n: z.number().int().min(0),
  /** The mean paired difference, `a − b`. */
  diff: z.number(),
  /** The percentile-bootstrap interval of the difference, at `task.level`. */
  ci: z.tuple([z.number(), z.number()]),
});
/** A paired difference between two rows. */
export type EvaluationComparison = z.output<typeof EvaluationComparisonSchema>;

/** What `icer evaluate --json` prints and `evaluateDialogues` returns. */
export const EvaluationReportSchema = z.strictObject({
  /** How the study was set up: candidate lists, negatives, seed and intervals. */
  task: z.strictObject({
    /** Items per candidate list: the target and its negatives. */
    candidates: z.number().int().min(1),
    /** How the negatives were drawn: `uniform` or `popular`. */
    negatives: NegativeSamplingSchema,
    /** Distinct targets (user, held-out item) evaluated. */
    targets: z.number().int().min(0),
    /** The seed the negatives and resamples were drawn from. */
    seed: SeedSchema,
    /** Bootstrap resamples per interval. */
    resamples: z.number().int().min(1),
    /** Confidence level of the intervals, e.g. 0.95. */
    level: z.number(),
    /** Every unit left out, counted by reason (`no-held-out`, `broken-line`, `too-few-negatives`, `unknown-item`). */
    skipped: z.record(z.string(), z.number().int().min(0)),
  }),
  /** What a uniformly random ranking of the same lists is expected to score: every figure's floor. */
  random: z.record(RankingMetricSchema, z.number()),
  /** One row per condition, source, prefix length and recommender. */
  results: z.array(EvaluationResultSchema),
  /** Paired differences between rows, per metric. */
  comparisons: z.array(EvaluationComparisonSchema),
});
/** The study's results. */
export type EvaluationReport = z.output<typeof EvaluationReportSchema>;

/** The name a row goes by in comparisons. */
export function rowName(row: Pick<EvaluationResult, 'condition' | 'source' | 'turns'>): string {
  const base = row.turns === null ? row.condition : `${row.condition}@${row.turns}`;
  return row.source === null ? base : `${base}/${row.source}`;
}
