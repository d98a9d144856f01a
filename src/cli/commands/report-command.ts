import { resolve } from 'node:path';
import { z } from 'zod';
import { IcerError } from '../../errors.js';
import { EvaluationReportSchema } from '../../evaluation/evaluation-report.js';
import { JudgeReportSchema } from '../../evaluation/judge-report.js';
import { readJsonFile } from '../../io/read-json-file.js';
import { writeFileAtomically } from '../../io/write-file-atomically.js';
import type { ReportFile } from '../../report/collect-report.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { labelledFile } from '../labelled-file.js';
import { parsePrices } from '../model-from-flags.js';
import { RECORD_DATA_HELP } from '../movielens-flags.js';
import { RECORD_SOURCE_FLAGS, recordCatalogs, recordSource, recordSourceSettings } from '../movielens-source.js';
import { dataInputs, newOutPath } from '../out-flag.js';
import { parseFlagsAndOperands } from '../parse-flags.js';
import { parseNumber, parseSeed } from '../parse-values.js';

const BrowseSchema = z.number().int().min(0);

export const REPORT_HELP = `Usage: icer report [LABEL=]FILE... --out report.html [options]

Writes one self-contained HTML page about dialogue corpora: the figures of icer stats side by side, charts
(rendered when the page is built), a downstream study when given, and a browser of a seeded sample of dialogues,
each beside its hidden profile. The page opens offline and makes no request. Needs the packages vega and
vega-lite (npm install vega vega-lite).

Options:
  --out FILE                the HTML file to write (written atomically)
  --reference [LABEL=]FILE  a reference corpus (human dialogues, e.g. ReDial), charted beside the others; repeatable
  --evaluation FILE         the JSON of icer evaluate --json, charted
  --judge FILE              the JSON of icer judge --json (or --out), charted
  --browse N                dialogues in the browser, sampled from the icer files (default: 500)
  --seed S                  seed of that sample (default: 0)
  --title TEXT              the page's title (default: icer dataset report)
  --movielens DIR           the MovieLens directory records come from, for titles and critique checks (your own
                            ratings files: --items and --ratings below)
  --catalog FILE            the icer JSON catalog records come from, for titles and critique checks
  --prices IN,OUT           prices per million input and output tokens, for the price of model runs
  --quiet                   no summary line on stderr (skipped lines are still reported)
  -h, --help                show this help

${RECORD_DATA_HELP}
Examples:
  icer report icer=dialogues.jsonl --evaluation eval.json --out report.html
  icer report dialogues.jsonl --reference chat=recommender.jsonl --browse 50 --title Books --out books.html
`;

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, operands } = parseFlagsAndOperands(args, {
    out: { type: 'string' },
    reference: { type: 'string', multiple: true },
    evaluation: { type: 'string' },
    judge: { type: 'string' },
    browse: { type: 'string' },
    seed: { type: 'string' },
    title: { type: 'string' },
    prices: { type: 'string' },
    ...RECORD_SOURCE_FLAGS,
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  if (operands.length === 0)
    throw new UsageError('Name at least one dialogue file: icer report FILE --out report.html.');
  if (values.out === undefined) throw new UsageError('Say where to write the page: --out report.html.');
  const out = await newOutPath(io.cwd, values.out, {
    inputs: [
      ...[...operands, ...(values.reference ?? [])].map((spec) => labelledFile(spec).file),
      ...[values.evaluation, values.judge].filter((file): file is string => file !== undefined),
      ...dataInputs(values),
    ],
  });
  const browse = values.browse === undefined ? undefined : parseNumber(values.browse, '--browse', BrowseSchema);
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  const prices = values.prices === undefined ? undefined : parsePrices(values.prices);
  const data = recordSourceSettings(values, io.cwd);
  const report = await loadReportEntry();
  const evaluation =
    values.evaluation === undefined
      ? undefined
      : await readJsonFile(
          resolve(io.cwd, values.evaluation),
          EvaluationReportSchema,
          'an icer evaluate --json report',
        );
  const judge =
    values.judge === undefined
      ? undefined
      : await readJsonFile(resolve(io.cwd, values.judge), JudgeReportSchema, 'an icer judge --json report');
  const catalogs = recordCatalogs(await recordSource(values, data, io.cwd));
  const files: ReportFile[] = [
    ...operands.map((spec) => ({ ...labelledFile(spec), reference: false })),
    ...(values.reference ?? []).map((spec) => ({ ...labelledFile(spec), reference: true })),
  ].map((entry) => ({ ...entry, file: resolve(io.cwd, entry.file) }));
  const { corpora, dialogues } = await report.collectReport(files, {
    catalogs,
    ...(browse === undefined ? {} : { browse }),
    ...(seed === undefined ? {} : { seed }),
    ...(prices ? { prices } : {}),
    onBroken: ({ file, line, reason }) => io.stderr.write(`icer report: ${file}:${line}: skipped, ${reason}\n`),
  });
  const html = await report.renderReport({
    corpora,
    dialogues,
    ...(evaluation ? { evaluation } : {}),
    ...(judge ? { judge } : {}),
    ...(values.title === undefined ? {} : { title: values.title }),
  });
  await writeFileAtomically(out, html);
  if (!values.quiet)
    io.stderr.write(
      `icer report: wrote ${values.out} (${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB; ${corpora.length} corpora, ${dialogues.length} dialogues to browse)\n`,
    );
  return 0;
}

/** The report entry, with its chart dependencies; a clear error when they are not installed. */
async function loadReportEntry(): Promise<typeof import('../../report/index.js')> {
  try {
    await Promise.all([import('vega'), import('vega-lite')]);
  } catch (error) {
    throw new IcerError(
      'MISSING_DEPENDENCY',
      'icer report needs the packages vega and vega-lite, which are not installed.',
      {
        hint: 'Install them beside icer: npm install vega vega-lite',
        cause: error,
      },
    );
  }
  return import('../../report/index.js');
}
