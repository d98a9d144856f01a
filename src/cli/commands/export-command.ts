import { resolve } from 'node:path';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { IcerError } from '../../errors.js';
import { readDialogueFile } from '../../evaluation/read-dialogue-file.js';
import { ChatExportOptionsSchema, ChatSideSchema } from '../../export/chat-export.js';
import {
  ExportFormatSchema,
  type ExportOptions,
  exportDialogues,
  HfExportOptionsSchema,
} from '../../export/export-dialogues.js';
import { type CliIo, UsageError } from '../cli-io.js';
import type { ExportJson } from '../export-json.js';
import { RECORD_DATA_HELP } from '../movielens-flags.js';
import { RECORD_SOURCE_FLAGS, recordCatalogs, recordSource, recordSourceSettings } from '../movielens-source.js';
import { dataInputs, outPath } from '../out-flag.js';
import { parseFlagsAndOperands } from '../parse-flags.js';
import { parseChoice, parseNumber, parseSeed } from '../parse-values.js';
import { choicesText, defaultText } from '../schema-facts.js';

const hf = HfExportOptionsSchema.shape;
const chat = ChatExportOptionsSchema.shape;

export const EXPORT_HELP = `Usage: icer export FILE --format FORMAT --out PATH [options]

Writes icer dialogue records (FILE: .jsonl or .jsonl.gz) in the format another tool trains on. Every line keeps
its dialogue id and seed, and the acts where the format has room. See docs/export.md.

Formats:
  chat         chat fine-tuning JSON lines ({"messages":[{"role","content"}]}), one conversation a line
  redial       ReDial JSON lines (movieMentions, @id mentions, initiator/respondentQuestions), for CRSLab and others
  hf           a Hugging Face dataset folder: data/train|validation|test.jsonl split by user, and a README.md card
  dialoguekit  the DialogueKit JSON list UserSimCRS reads (utterances with intents and slot values)

Options:
  --format FORMAT     ${choicesText(ExportFormatSchema)}
  --out PATH          the file to write (a folder for hf); refused if it exists, unless --force
  --force             replace what --out holds
  --catalog FILE      the icer JSON catalog the dialogues were generated from, for titles (default: the built-in
                      ones, movies and books)
  --movielens DIR     the MovieLens directory the dialogues were generated from, for titles (then the built-in
                      catalog); your own ratings files: --items and --ratings below
  --as SIDE           chat: the side that speaks as assistant, ${choicesText(ChatSideSchema)} (default: ${defaultText(chat.as)})
  --system TEXT       chat: the system message of every conversation (default: the side's own)
  --no-system         chat: no system message
  --bare              chat: only "messages" on each line, no "metadata" (for services that refuse other keys)
  --split R,R,R       hf: shares of the users for train, validation and test (default: ${(hf.split.parse(undefined) as number[]).join(',')})
  --seed S            hf: seed of the split (default: ${defaultText(hf.seed)})
  --name TEXT         hf: the dataset card's pretty_name (default: ${defaultText(hf.name)})
  --license ID        hf: the dataset card's license, a Hub license id (default: ${defaultText(hf.license)})
  --quiet             no summary line on stderr (skipped lines are still reported)
  --json              print what was written as JSON on stdout instead of the summary line: out, format,
                      dialogues read, written, skipped, brokenLines and, for hf, the splits
  -h, --help          show this help

${RECORD_DATA_HELP}
Examples:
  icer export dialogues.jsonl --format chat --out recommender.jsonl
  icer export dialogues.jsonl --format chat --as user --out user-simulator.jsonl
  icer export dialogues.jsonl --format hf --split 0.9,0.05,0.05 --seed 1 --out icer-dataset
  icer export dialogues.jsonl --format redial --force --out redial.jsonl
`;

const FORMAT_FLAGS: Record<string, readonly string[]> = {
  chat: ['as', 'system', 'no-system', 'bare'],
  hf: ['split', 'seed', 'name', 'license'],
};

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, operands } = parseFlagsAndOperands(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    as: { type: 'string' },
    system: { type: 'string' },
    'no-system': { type: 'boolean' },
    bare: { type: 'boolean' },
    split: { type: 'string' },
    seed: { type: 'string' },
    name: { type: 'string' },
    license: { type: 'string' },
    ...RECORD_SOURCE_FLAGS,
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(EXPORT_HELP);
    return 0;
  }
  if (operands.length !== 1)
    throw new UsageError('Name one dialogue file: icer export FILE --format FORMAT --out PATH.');
  if (values.format === undefined)
    throw new UsageError(`Say which format: --format ${choicesText(ExportFormatSchema)}.`);
  const format = parseChoice(values.format, '--format', ExportFormatSchema);
  if (values.out === undefined)
    throw new UsageError(`Say where to write: --out ${format === 'hf' ? 'FOLDER' : 'FILE'}.`);
  for (const [owner, flags] of Object.entries(FORMAT_FLAGS)) {
    const misplaced = flags.find((flag) => values[flag as keyof typeof values] !== undefined);
    if (owner !== format && misplaced) throw new UsageError(`--${misplaced} applies to --format ${owner}.`);
  }
  if (values.system !== undefined && values['no-system'])
    throw new UsageError('--system and --no-system cannot be combined.');
  const out = await outPath(io.cwd, values.out, {
    folder: format === 'hf',
    inputs: [operands[0] as string, ...dataInputs(values)],
  });
  const settings = recordSourceSettings(values, io.cwd);
  const source = await recordSource(values, settings, io.cwd);
  // A JSON catalog is the dialogues' own; ratings data may have been used beside built-in films.
  const catalog: ItemCatalog | readonly ItemCatalog[] =
    values.catalog !== undefined && source ? source.catalog : recordCatalogs(source);

  const options: ExportOptions = { format, out, force: values.force === true, catalog };
  if (format === 'chat') {
    options.chat = {
      ...(values.as === undefined ? {} : { as: parseChoice(values.as, '--as', ChatSideSchema) }),
      ...(values['no-system'] ? { system: null } : values.system === undefined ? {} : { system: values.system }),
      ...(values.bare ? { metadata: false } : {}),
    };
  }
  if (format === 'hf') {
    options.hf = {
      ...(values.split === undefined ? {} : { split: parseSplit(values.split) }),
      ...(values.seed === undefined ? {} : { seed: parseSeed(values.seed) }),
      ...(values.name === undefined ? {} : { name: values.name }),
      ...(values.license === undefined ? {} : { license: values.license }),
    };
  }
  const file = operands[0] as string;
  const path = resolve(io.cwd, file);
  let broken = 0;
  const records = readDialogueFile(path, ({ line, reason }) => {
    broken++;
    io.stderr.write(`icer export: ${file}:${line}: skipped, ${reason}\n`);
  });
  const summary = await exportDialogues(records, options).catch((error: unknown) => {
    throw IcerError.isInstance(error) && error.location?.file === undefined
      ? error.withLocation({ file: path })
      : error;
  });
  if (values.json) {
    const printed: ExportJson = { out: options.out, ...summary, brokenLines: broken };
    io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
    return 0;
  }
  const parts = [`${summary.written.toLocaleString('en')} ${format === 'chat' ? 'conversations' : 'dialogues'}`];
  if (summary.skipped > 0)
    parts.push(`${summary.skipped.toLocaleString('en')} skipped with no turn of the side trained`);
  if (broken > 0) parts.push(`${broken.toLocaleString('en')} broken lines skipped`);
  if (summary.splits) {
    parts.push(
      Object.entries(summary.splits)
        .map(([split, count]) => `${split} ${count.dialogues} (${count.users} users)`)
        .join(', '),
    );
  }
  if (!values.quiet) io.stderr.write(`icer export: wrote ${values.out} (${parts.join('; ')})\n`);
  return 0;
}

function parseSplit(text: string): [number, number, number] {
  const parts = text.split(',');
  const ratio = HfExportOptionsSchema.shape.split.unwrap().def.items[0];
  if (parts.length !== 3) throw new UsageError(`--split takes three shares "TRAIN,VALIDATION,TEST", got "${text}".`);
  const ratios = parts.map((part) => parseNumber(part, '--split', ratio)) as [number, number, number];
  if (!ratios.some((value) => value > 0)) throw new UsageError('--split needs a share above zero.');
  return ratios;
}
