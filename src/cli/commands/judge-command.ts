import { resolve } from 'node:path';
import { JudgeDialoguesOptionsSchema, type JudgeProgress } from '../../ai/dataset-judge.js';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import type { JudgeReport } from '../../evaluation/judge-report.js';
import { readDialogueFile } from '../../evaluation/read-dialogue-file.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { definedOnly } from '../defined-only.js';
import { MODEL_OPTION_FLAGS, MODEL_OPTION_HELP, modelChoice, modelFlags } from '../model-from-flags.js';
import { RECORD_DATA_HELP } from '../movielens-flags.js';
import { RECORD_SOURCE_FLAGS, recordSource, recordSourceSettings } from '../movielens-source.js';
import { parseFlagsAndOperands } from '../parse-flags.js';
import { parseNumber, parseSeed } from '../parse-values.js';
import { printReport, reportOut } from '../print-report.js';
import { ProgressBar } from '../progress-bar.js';
import { builtinCatalogOfRecords } from '../records-catalog.js';
import { defaultText } from '../schema-facts.js';
import { unmeasuredNote } from '../spending-text.js';
import { judgeTable } from './judge-table.js';

const options = JudgeDialoguesOptionsSchema.shape;

export const JUDGE_HELP = `Usage: icer judge FILE --model M [options]

Rates a seeded sample of dialogue records (JSON Lines, .jsonl or .jsonl.gz, as "icer generate" writes them) with a
language model as judge: fluency, naturalness, consistency with the user's hidden profile, and factuality against
the catalog, each 1 to 5 by a rubric with calibration examples (see docs/judge.md). Prints each criterion's share of
dialogues rated 4 or 5 with its 95% bootstrap interval, the mean score and the failures (answers that could not be
used even when re-asked: never scored).

Options:
  --model M              the judge: provider:model (e.g. openai:gpt-4o-mini), or a model name with
                         --provider openai-compatible and --base-url
  --sample N             how many dialogues to judge, a seeded sample; all when the file has fewer
                         (default: ${defaultText(options.sample)})
  --seed S               seed of the sample and of the intervals (default: ${defaultText(options.seed)})
  --catalog FILE         the icer JSON catalog the dialogues were generated from (default: the built-in one of their domain)
  --movielens DIR        the MovieLens directory the dialogues were generated from: its catalog (your own
                         ratings files: --items and --ratings below)
  --max-calls N          send at most N requests to the model, retries included; the dialogues left are skipped
  --concurrency N        dialogues judged at once (default: ${defaultText(options.concurrency)})
  --json                 print the report as JSON (schema: JudgeReportSchema)
  --out FILE             also write the report as JSON to FILE
  --quiet                no progress bar and no model summary on stderr (failures, skipped lines and missing items
                         are still reported)
  -h, --help             show this help

${RECORD_DATA_HELP}
The judge model:
${MODEL_OPTION_HELP}
Examples:
  icer judge dialogues.jsonl --model openai:gpt-4o-mini --sample 200 --cache .icer-cache
  icer judge dialogues.jsonl --provider openai-compatible --base-url http://127.0.0.1:11434/v1 --model llama3.1 --json
`;

const VALUE = { type: 'string' } as const;
const JUDGE_FLAGS = {
  model: VALUE,
  sample: VALUE,
  seed: VALUE,
  'max-calls': VALUE,
  concurrency: VALUE,
  out: VALUE,
  json: { type: 'boolean' },
  ...RECORD_SOURCE_FLAGS,
  ...MODEL_OPTION_FLAGS,
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function judgeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, operands } = parseFlagsAndOperands(args, JUDGE_FLAGS);
  if (values.help) {
    io.stdout.write(JUDGE_HELP);
    return 0;
  }
  if (operands.length !== 1) {
    throw new UsageError(
      operands.length === 0
        ? 'Name the dialogue file to judge: icer judge FILE --model MODEL.'
        : `icer judge takes one dialogue file, got ${operands.length}: ${operands.join(', ')}.`,
    );
  }
  const file = operands[0] as string;
  if (values.model === undefined) {
    throw new UsageError(
      'Name the judge with --model: provider:model (e.g. openai:gpt-4o-mini), or a model name with --provider openai-compatible --base-url URL.',
    );
  }
  const settings = recordSourceSettings(values, io.cwd);
  const out = await reportOut(io, values, operands);
  const number = (flag: string, text: string | undefined, schema: Parameters<typeof parseNumber>[2]) =>
    text === undefined ? undefined : parseNumber(text, flag, schema);
  const sample = number('--sample', values.sample, options.sample);
  const maxCalls = number('--max-calls', values['max-calls'], options.maxCalls);
  const concurrency = number('--concurrency', values.concurrency, options.concurrency);
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  const choice = await modelChoice(modelFlags(values.model, values, io.cwd));
  if (!choice) throw new UsageError('--model names no model.');

  const catalog: ItemCatalog =
    (await recordSource(values, settings, io.cwd))?.catalog ?? (await builtinCatalogOfRecords(resolve(io.cwd, file)));

  const records = readDialogueFile(resolve(io.cwd, file), ({ line, reason }) => {
    io.stderr.write(`icer judge: ${file}:${line}: skipped, ${reason}\n`);
  });
  // The bar's total is the sample, known once the records are read and the sample drawn.
  let bar: ProgressBar | undefined;
  const report: JudgeReport = await choice.ai
    .judgeDialogues(records, {
      model: choice.model,
      ...choice.options,
      catalog,
      ...definedOnly({ sample, seed, maxCalls, concurrency }),
      ...(values.quiet
        ? {}
        : {
            onProgress: ({ done, total }: JudgeProgress) => {
              bar ??= new ProgressBar(io.stderr, total, io.env ? { env: io.env } : {});
              bar.update(done);
            },
          }),
    })
    .finally(() => bar?.finish());
  await printReport(io, values.json, out, report, () => judgeTable(report));
  const { calls, cacheHits, invalidReplies, unmeasuredReplies, inputTokens, outputTokens, cost } = report.usage;
  if (!values.quiet)
    io.stderr.write(
      `icer judge: ${calls} model calls (${cacheHits} from the cache, ${invalidReplies} unusable answers), ${inputTokens} input and ${outputTokens} output tokens${cost === null ? '' : `, cost ${cost.toFixed(4)}`}${unmeasuredNote(unmeasuredReplies)}\n`,
    );
  const [first] = report.failed;
  if (first) {
    io.stderr.write(
      `icer judge: ${report.failed.length} dialogue${report.failed.length === 1 ? '' : 's'} could not be judged; the first, ${first.id}: ${first.problem}\n`,
    );
  }
  if (report.missingItems.length > 0) {
    io.stderr.write(
      `icer judge: ${report.missingItems.length} items the dialogues name are not in the catalog (e.g. ${report.missingItems.slice(0, 3).join(', ')}), so the judge saw no facts for them: give the dialogues' catalog with --catalog or --movielens\n`,
    );
  }
  return 0;
}
