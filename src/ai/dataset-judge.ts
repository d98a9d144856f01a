import type { ModelMessage } from 'ai';
import { z } from 'zod';
import { ItemCatalog } from '../catalog/item-catalog.js';
import { builtinCatalog } from '../data/builtin/builtin-catalog.js';
import { IcerError } from '../errors.js';
import { type JudgedDialogue, type JudgeReport, summarizeCriteria } from '../evaluation/judge-report.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import { CallPolicyOptionsSchema } from '../language/call-policy.js';
import { SeedSchema } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { StatsCounter } from './adapter-stats.js';
import { AiSdkAdapterOptionsSchema } from './ai-sdk-adapter-options.js';
import { budgetedModel, isBudgetSpent } from './call-budget.js';
import { judgeData } from './judge-input.js';
import { DATASET_JUDGE_SYSTEM, JUDGE_RUBRIC_VERSION, judgeTask } from './judge-rubric.js';
import { modelCaller } from './model-call.js';
import { modelName } from './model-name.js';
import { JudgementReplySchema, parseJudgement } from './parse-judgement.js';
import { formatDataBlock } from './prompts.js';
import { seededSample } from './seeded-sample.js';

/** How far a {@link judgeDialogues} run has got: dialogues of the sample done (judged, failed or skipped) of `total`. */
export const JudgeProgressSchema = z.strictObject({
  /** Dialogues of the sample done. */
  done: z.number().int().min(0),
  /** Dialogues in the sample. */
  total: z.number().int().min(0),
});
/** How far a {@link judgeDialogues} run has got. */
export type JudgeProgress = z.output<typeof JudgeProgressSchema>;

/**
 * Options of {@link judgeDialogues}, checked before anything is read; unknown keys are refused.
 *
 * @example
 * ```ts
 * JudgeDialoguesOptionsSchema.parse({ model, sample: 50 }).seed; // 0
 * ```
 */
export const JudgeDialoguesOptionsSchema = z.strictObject({
  /** The judge: any AI SDK language model. A strong one rates more like people do. */
  model: AiSdkAdapterOptionsSchema.shape.model,
  /**
   * The judge's name in the report.
   * @default `provider:modelId`, e.g. `openai:gpt-4o-mini`
   */
  name: z.string().min(1).optional(),
  /**
   * The catalog the dialogues were generated from: the facts the judge checks factuality against, and the titles of
   * the profile's items.
   * @default the built-in movie catalog
   */
  catalog: z
    .custom<ItemCatalog>((value) => value instanceof ItemCatalog, 'the catalog must be an ItemCatalog')
    .optional(),
  /**
   * How many dialogues to judge: a seeded sample of the records, or all of them when there are fewer.
   * @default 100
   */
  sample: z.number().int().min(1).default(100),
  /**
   * The seed of the sample and of the bootstrap intervals: the same records and seed judge the same dialogues.
   * @default 0
   */
  seed: SeedSchema.default(0),
  /**
   * Sampling temperature in [0, 2]; a judge should not improvise.
   * @default 0
   */
  temperature: z.number().min(0).max(2).default(0),
  /**
   * Re-asks of an unusable answer (not JSON, a criterion missing, a score that is not 1–5), with the problem stated;
   * after them the dialogue counts as a failure, never as a score.
   * @default 1
   */
  invalidReplyRetries: z.number().int().min(0).max(5).default(1),
  /**
   * Retries and per-attempt timeout of a failed call (see `callWithPolicy`).
   * @default callWithPolicy's defaults
   */
  retry: CallPolicyOptionsSchema.optional(),
  /**
   * A `ResponseCache` (or any get/set store), or a directory: a re-run judges from it without a call.
   * @default no cache
   */
  cache: AiSdkAdapterOptionsSchema.shape.cache,
  /** Prices per million tokens, for `usage.cost`. */
  prices: AiSdkAdapterOptionsSchema.shape.prices,
  /**
   * The most requests sent to the model, retries included (cache hits are free); once spent, the dialogues not yet
   * judged are counted in `sample.skipped`.
   * @default no limit
   */
  maxCalls: z.number().int().min(1).optional(),
  /**
   * Dialogues judged at once; the report does not depend on it.
   * @default 4
   */
  concurrency: z.number().int().min(1).default(4),
  /**
   * Bootstrap resamples of each share's interval.
   * @default 1000
   */
  resamples: z.number().int().min(1).max(1_000_000).default(1000),
  /** Stops the run (`ABORTED`). */
  signal: z.instanceof(AbortSignal).optional(),
  /**
   * Told how far the run has got: once the sample is drawn (`done` 0), then as each of its dialogues is judged,
   * fails or is skipped. For a progress bar; the report does not depend on it.
   */
  onProgress: z
    .custom<(progress: JudgeProgress) => void>((value) => typeof value === 'function', 'onProgress must be a function')
    .optional(),
});
/** Options of {@link judgeDialogues}. Only `model` is required. */
export type JudgeDialoguesOptions = z.input<typeof JudgeDialoguesOptionsSchema>;

type Outcome =
  | { kind: 'judged'; dialogue: JudgedDialogue }
  | { kind: 'failed'; id: string; problem: string }
  | { kind: 'skipped' };

/**
 * Rates a seeded sample of dialogue records with a language model, as the ICER paper's raters did: fluency,
 * naturalness, consistency with the user's hidden profile, and factuality against the catalog, each 1–5 by a rubric
 * with calibration examples, with a one-sentence rationale. The judge sees the dialogue's text, the profile (liked
 * and disliked titles, attribute affinities) and the catalog's facts of every item the dialogue names, all in an
 * injection-safe data block. An unusable answer is re-asked with its problem, then counted as a failure, never
 * scored. Reports, per criterion, the share rated ≥ 4 with a 95% bootstrap interval, the mean score and the score
 * counts; calls are retried, cached, budgeted (`maxCalls`) and counted.
 *
 * @example
 * ```ts
 * const report = await judgeDialogues(records, { model: openai('gpt-4o-mini'), sample: 100, cache: '.icer-cache' });
 * report.criteria.consistency.share; // { mean: 0.97, ci: [0.93, 1] }
 * ```
 */
export async function judgeDialogues(
  records: Iterable<DialogueRecord> | AsyncIterable<DialogueRecord>,
  options: JudgeDialoguesOptions,
): Promise<JudgeReport> {
  const resolved = parseOptions(JudgeDialoguesOptionsSchema, options, 'judgeDialogues');
  const { model, seed, signal, invalidReplyRetries } = resolved;
  const catalog = resolved.catalog ?? builtinCatalog();
  const stats = new StatsCounter(resolved.prices);
  const budget = budgetedModel(model, resolved.maxCalls);
  const respond = modelCaller({
    model: budget.model,
    temperature: resolved.temperature,
    retry: resolved.retry,
    cache: resolved.cache,
    stats,
    output: { schema: JudgementReplySchema, name: 'judgement' },
    version: JUDGE_RUBRIC_VERSION,
  });
  const { chosen, seen } = await seededSample(records, resolved.sample, seed);
  const missing = new Set<string>();

  const judgeOne = async (record: DialogueRecord): Promise<Outcome> => {
    const { data, missing: unknown } = judgeData(record, catalog);
    for (const id of unknown) missing.add(id);
    const block = formatDataBlock(data);
    let problem: string | undefined;
    for (let attempt = 1; ; attempt++) {
      const messages: ModelMessage[] = [
        { role: 'system', content: DATASET_JUDGE_SYSTEM },
        { role: 'user', content: `${block}\n\n${judgeTask(problem)}` },
      ];
      let text: string;
      try {
        text = (await respond(messages, signal ? { signal } : {})).text;
      } catch (error) {
        if (IcerError.isInstance(error) && error.code === 'ABORTED') throw error;
        if (isBudgetSpent(error)) return { kind: 'skipped' };
        return { kind: 'failed', id: record.id, problem: `the model call failed: ${(error as Error).message}` };
      }
      const parsed = parseJudgement(text);
      if (parsed.ok) return { kind: 'judged', dialogue: { id: record.id, ...parsed.value } };
      stats.invalidReplies++;
      problem = parsed.problem;
      if (attempt > invalidReplyRetries) {
        return {
          kind: 'failed',
          id: record.id,
          problem: `the answer ${problem} (after ${attempt} attempt${attempt === 1 ? '' : 's'})`,
        };
      }
    }
  };

  const { onProgress } = resolved;
  let done = 0;
  onProgress?.({ done, total: chosen.length });
  const outcomes = await inParallel(chosen, resolved.concurrency, async (record) => {
    const outcome = await judgeOne(record);
    onProgress?.({ done: ++done, total: chosen.length });
    return outcome;
  });
  const dialogues: JudgedDialogue[] = [];
  const failed: JudgeReport['failed'] = [];
  let skipped = 0;
  for (const outcome of outcomes) {
    if (outcome.kind === 'judged') dialogues.push(outcome.dialogue);
    else if (outcome.kind === 'failed') failed.push({ id: outcome.id, problem: outcome.problem });
    else skipped++;
  }
  const { calls, retries, cacheHits, invalidReplies, unmeasuredReplies, inputTokens, outputTokens, cost } =
    stats.snapshot();
  return {
    model: resolved.name ?? modelName(model),
    promptVersion: JUDGE_RUBRIC_VERSION,
    sample: {
      records: seen,
      requested: resolved.sample,
      judged: dialogues.length,
      failures: failed.length,
      skipped,
      seed,
      resamples: resolved.resamples,
    },
    criteria: summarizeCriteria(dialogues, { seed, resamples: resolved.resamples }),
    dialogues,
    failed,
    missingItems: [...missing].sort(),
    // A request the budget refused was counted as a call, but never reached the model.
    usage: {
      calls: calls - budget.refused,
      retries,
      cacheHits,
      invalidReplies,
      unmeasuredReplies,
      inputTokens,
      outputTokens,
      cost,
    },
  };
}

// Runs `task` over `items`, at most `limit` at a time, and returns the results in the items' order (so the report
// is the same whatever order answers come in). The first error stops new tasks and is thrown.
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
