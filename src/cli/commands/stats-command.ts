import { resolve } from 'node:path';
import { readCorpusFile } from '../../evaluation/corpus-file.js';
import { type CorpusStats, corpusStats, type DatasetStats, STATS_METHOD } from '../../evaluation/dataset-stats.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { labelledFile } from '../labelled-file.js';
import { parsePrices } from '../model-from-flags.js';
import { RECORD_DATA_HELP } from '../movielens-flags.js';
import { RECORD_SOURCE_FLAGS, recordCatalogs, recordSource, recordSourceSettings } from '../movielens-source.js';
import { parseFlagsAndOperands } from '../parse-flags.js';
import { printReport, reportOut } from '../print-report.js';
import { statsTable } from './stats-table.js';

export const STATS_HELP = `Usage: icer stats [LABEL=]FILE... [options]

Describes dialogue corpora side by side, each measured the same way: size, length, diversity (distinct-1/2/3,
repeated utterances) and, for icer records, behaviour (acts, outcomes, critiques, leakage), consistency and cost.
A FILE is JSON Lines (.jsonl, or gzip-compressed .jsonl.gz) of icer records, ReDial dialogues or chat
conversations ({"messages":[{"role","content"}]}); the format is read from the file.

Options:
  --reference [LABEL=]FILE  a reference corpus (human dialogues, e.g. ReDial), shown beside the others; repeatable
  --movielens DIR           the MovieLens directory records come from: critiques and titles are checked against
                            its catalog, or the built-in one for records of built-in films (your own ratings
                            files: --items and --ratings below)
  --catalog FILE            the icer JSON catalog records come from, for the same checks
  --prices IN,OUT           prices per million input and output tokens, for the price of model runs
  --json                    print the figures as JSON (schema: DatasetStatsSchema)
  --out FILE                also write the figures as JSON to FILE
  -h, --help                show this help

${RECORD_DATA_HELP}
Examples:
  icer stats dialogues.jsonl
  icer stats icer=dialogues.jsonl --reference chat=recommender.jsonl
  icer stats dialogues.jsonl --json > stats.json
`;

export async function statsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, operands } = parseFlagsAndOperands(args, {
    reference: { type: 'string', multiple: true },
    prices: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    ...RECORD_SOURCE_FLAGS,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(STATS_HELP);
    return 0;
  }
  const references = values.reference ?? [];
  if (operands.length + references.length === 0) throw new UsageError('Name at least one file: icer stats FILE.');
  const out = await reportOut(
    io,
    values,
    [...operands, ...references].map((spec) => labelledFile(spec).file),
  );
  const prices = values.prices === undefined ? undefined : parsePrices(values.prices);
  const catalogs = recordCatalogs(await recordSource(values, recordSourceSettings(values, io.cwd), io.cwd));
  const corpora: CorpusStats[] = [];
  const specs = [
    ...operands.map((spec) => ({ spec, reference: false })),
    ...references.map((spec) => ({ spec, reference: true })),
  ];
  for (const { spec, reference } of specs) {
    const { label, file } = labelledFile(spec);
    let broken = 0;
    const reading = readCorpusFile(resolve(io.cwd, file), ({ line, reason }) => {
      broken++;
      io.stderr.write(`icer stats: ${file}:${line}: skipped, ${reason}\n`);
    });
    const stats = await corpusStats(reading, {
      name: label,
      reference,
      catalog: catalogs,
      ...(prices ? { prices } : {}),
      brokenLines: () => broken,
    });
    corpora.push(stats);
  }
  const report: DatasetStats = { method: STATS_METHOD, corpora };
  await printReport(io, values.json, out, report, () => statsTable(report));
  return 0;
}
