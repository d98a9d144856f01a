import { resolve } from 'node:path';
import type { AiSdkRecommender } from '../../ai/ai-sdk-recommender.js';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { actsRecommender } from '../../evaluation/acts-reader.js';
import { NegativeSamplingSchema } from '../../evaluation/candidate-lists.js';
import {
  type DialogueSource,
  EvaluateOptionsSchema,
  type EvaluateProgress,
  evaluateDialogues,
} from '../../evaluation/evaluate-dialogues.js';
import type { EvaluationReport } from '../../evaluation/evaluation-report.js';
import type { RankingRecommender } from '../../evaluation/ranking-recommender.js';
import { readDialogueFile } from '../../evaluation/read-dialogue-file.js';
import { type OfflineRecommenderOptions, OfflineRecommenderOptionsSchema } from '../../evaluation/taste-scores.js';
import { contentRecommender } from '../../evaluation/text-reader.js';
import { countJsonLines } from '../../io/json-lines-file.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { definedOnly } from '../defined-only.js';
import { labelledFile } from '../labelled-file.js';
import { MODEL_OPTION_FLAGS, MODEL_OPTION_HELP, modelChoice, modelFlags } from '../model-from-flags.js';
import { RECORD_DATA_HELP } from '../movielens-flags.js';
import { RECORD_SOURCE_FLAGS, recordSource, recordSourceSettings } from '../movielens-source.js';
import { parseFlagsAndOperands } from '../parse-flags.js';
import { parseNumber, parseSeed, plainNumber } from '../parse-values.js';
import { printReport, reportOut } from '../print-report.js';
import { ProgressBar } from '../progress-bar.js';
import { builtinCatalogOfRecords } from '../records-catalog.js';
import { choicesText, defaultText } from '../schema-facts.js';
import { unmeasuredNote } from '../spending-text.js';
import { evaluationTable } from './evaluation-table.js';

const options = EvaluateOptionsSchema.shape;
const OFFLINE_OPTIONS = OfflineRecommenderOptionsSchema.shape;
const OFFLINE_RECOMMENDERS: Record<string, (options: OfflineRecommenderOptions) => RankingRecommender> = {
  content: contentRecommender,
  acts: actsRecommender,
};

export const EVALUATE_HELP = `Usage: icer evaluate [LABEL=]FILE... [options]

Runs the ICER paper's downstream study on dialogue records (JSON Lines, as "icer generate" writes them): for each
held-out target of each user, a candidate list of the target and unrated negatives is ranked by a recommender given
nothing (none), the text profile (profile), the whole dialogue (dialogue) or its first turns (prefix). Prints every
metric with its bootstrap interval, the random-ranking floor, and paired differences between conditions.

Options:
  --dialogues [LABEL=]FILE  a dialogue file, as the operands are (labelled by LABEL or the file name); several
                            files are compared side by side
  --movielens DIR           the dialogues' MovieLens directory: its catalog, and every rating of each user kept
                            out of the negatives (without it: the built-in catalog and the records' own lists);
                            your own ratings files instead: --items and --ratings below
  --catalog FILE            the icer JSON catalog the dialogues were generated from (then the records' own lists
                            keep rated items out of the negatives)
  --recommender NAME        content (reads the words), acts (reads the acts: an upper bound), or a language
                            model: provider:model, or a model name with --provider openai-compatible
                            (default: content)
  --popularity-weight W     content and acts: weight of the popularity prior against the taste match; 0 ranks by
                            what was said alone (default: ${defaultText(OFFLINE_OPTIONS.popularityWeight)})
  --negatives N|HOW         negatives per target (default: ${defaultText(options.negatives)}), or how they are drawn:
                            ${choicesText(NegativeSamplingSchema)} (default: ${defaultText(options.sampling)}); give the flag twice for both
  --prefixes K,K,...        prefix lengths in turns (default: ${defaultText(options.prefixes)})
  --seed S                  seed of the candidate lists and the bootstrap (default: ${defaultText(options.seed)})
  --resamples N             bootstrap resamples (default: ${defaultText(options.resamples)})
  --concurrency N           ranking questions in flight at once, for a model (default: ${defaultText(options.concurrency)})
  --json                    print the report as JSON (schema: EvaluationReportSchema)
  --out FILE                also write the report as JSON to FILE (for icer report --evaluation)
  --quiet                   no progress bar and no model summary on stderr (skipped lines are still reported)
  -h, --help                show this help

${RECORD_DATA_HELP}
A language model as recommender (with --recommender provider:model or MODEL):
${MODEL_OPTION_HELP}
Examples:
  icer evaluate dialogues.jsonl
  icer evaluate icer=dialogues.jsonl --recommender acts --negatives popular --out eval.json
  icer evaluate ml.jsonl --movielens ml-latest-small --prefixes 2,4 --json > ml-eval.json
`;

export async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, operands } = parseFlagsAndOperands(args, {
    dialogues: { type: 'string', multiple: true },
    recommender: { type: 'string' },
    'popularity-weight': { type: 'string' },
    negatives: { type: 'string', multiple: true },
    prefixes: { type: 'string' },
    seed: { type: 'string' },
    resamples: { type: 'string' },
    concurrency: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    ...RECORD_SOURCE_FLAGS,
    ...MODEL_OPTION_FLAGS,
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(EVALUATE_HELP);
    return 0;
  }
  // Files are operands, as for the other commands; --dialogues FILE (from 0.3.0) still works.
  const files = [...operands, ...(values.dialogues ?? [])];
  if (files.length === 0) throw new UsageError('Name at least one dialogue file: icer evaluate FILE.');
  const recommenderName = values.recommender ?? 'content';
  const offline = OFFLINE_RECOMMENDERS[recommenderName];
  if (!offline && !recommenderName.includes(':') && values.provider === undefined && values['base-url'] === undefined) {
    throw new UsageError(
      `--recommender takes content, acts or a model (provider:model, e.g. openai:gpt-4o-mini), got "${recommenderName}".`,
    );
  }
  const weight = values['popularity-weight'];
  if (weight !== undefined && !offline)
    throw new UsageError('--popularity-weight applies to the offline recommenders (content, acts), not to a model.');
  const offlineOptions: OfflineRecommenderOptions =
    weight === undefined
      ? {}
      : { popularityWeight: parseNumber(weight, '--popularity-weight', OFFLINE_OPTIONS.popularityWeight) };
  const choice = await modelChoice(modelFlags(offline ? undefined : recommenderName, values, io.cwd), '--recommender');
  const model: AiSdkRecommender | undefined = choice?.ai.aiSdkRecommender({ model: choice.model, ...choice.options });
  const recommender: RankingRecommender = model ?? (offline as NonNullable<typeof offline>)(offlineOptions);
  let negatives: number | undefined;
  let sampling: string | undefined;
  for (const text of values.negatives ?? []) {
    if (Number.isFinite(plainNumber(text))) negatives = parseNumber(text, '--negatives', options.negatives);
    else if (NegativeSamplingSchema.safeParse(text).success) sampling = text;
    else throw new UsageError(`--negatives takes a number or ${choicesText(NegativeSamplingSchema)}, got "${text}".`);
  }
  const prefixes =
    values.prefixes === undefined
      ? undefined
      : values.prefixes.split(',').map((part) => {
          const turns = plainNumber(part.trim());
          if (!Number.isInteger(turns) || turns < 1)
            throw new UsageError(`--prefixes takes whole numbers ≥ 1 separated by commas, got "${values.prefixes}".`);
          return turns;
        });
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  const concurrency =
    values.concurrency === undefined
      ? undefined
      : parseNumber(values.concurrency, '--concurrency', options.concurrency);
  const resamples =
    values.resamples === undefined ? undefined : parseNumber(values.resamples, '--resamples', options.resamples);
  const settings = recordSourceSettings(values, io.cwd);
  const out = await reportOut(
    io,
    values,
    files.map((spec) => labelledFile(spec).file),
  );

  let rated: ((userId: string) => ReadonlySet<string> | undefined) | undefined;
  const source = await recordSource(values, settings, io.cwd);
  const catalog: ItemCatalog =
    source?.catalog ?? (await builtinCatalogOfRecords(resolve(io.cwd, labelledFile(files[0] as string).file)));
  const dataset = source?.data;
  if (dataset !== undefined) {
    const users = new Set(dataset.userIds());
    rated = (userId) => (users.has(userId) ? new Set(dataset.ratingsOf(userId).map((r) => r.item)) : undefined);
  }

  // A bar over the files' lines (records and broken lines), drawn only on a terminal: the lines are counted first,
  // which costs a read of the files.
  const bar =
    !values.quiet && (io.stderr as { isTTY?: boolean }).isTTY === true
      ? new ProgressBar(io.stderr, await recordLines(files, io.cwd), {
          unit: 'records',
          ...(io.env ? { env: io.env } : {}),
        })
      : undefined;
  let broken = 0;
  let read = 0;
  // Under a bar, the skipped lines are said once it is done, not through it.
  const held: string[] = [];
  const sources: DialogueSource[] = files.map((spec) => {
    const { label, file } = labelledFile(spec);
    const path = resolve(io.cwd, file);
    return {
      label,
      records: readDialogueFile(path, ({ line, reason }) => {
        broken++;
        const note = `icer evaluate: ${file}:${line}: skipped, ${reason}\n`;
        if (bar) {
          held.push(note);
          bar.update(read + broken);
        } else io.stderr.write(note);
      }),
    };
  });
  const report: EvaluationReport = await evaluateDialogues(sources, catalog, {
    recommender,
    ...definedOnly({
      negatives,
      sampling: sampling as 'uniform' | 'popular' | undefined,
      prefixes,
      seed,
      resamples,
      concurrency,
      rated,
      onProgress:
        bar &&
        (({ records }: EvaluateProgress) => {
          read = records;
          bar.update(read + broken);
        }),
    }),
  }).finally(() => {
    bar?.finish();
    for (const note of held) io.stderr.write(note);
  });
  if (broken > 0) report.task.skipped['broken-line'] = broken;
  await printReport(io, values.json, out, report, () => evaluationTable(report));
  if (model && !values.quiet) {
    const { calls, cacheHits, failures, invalidReplies, unmeasuredReplies, inputTokens, outputTokens, cost } =
      model.stats;
    io.stderr.write(
      `icer evaluate: ${calls} model calls (${cacheHits} from the cache, ${failures} failed, ${invalidReplies} unusable answers), ${inputTokens} input and ${outputTokens} output tokens${cost === null ? '' : `, cost ${cost.toFixed(4)}`}${unmeasuredNote(unmeasuredReplies)}\n`,
    );
  }
  return 0;
}

/** How many records the dialogue files hold, as their lines counted: a progress bar's total. */
async function recordLines(files: readonly string[], cwd: string): Promise<number> {
  let total = 0;
  for (const spec of files) total += await countJsonLines(resolve(cwd, labelledFile(spec).file));
  return total;
}
