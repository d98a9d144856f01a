import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ItemCatalog } from '../catalog/item-catalog.js';
import { builtinCatalog } from '../data/builtin/builtin-catalog.js';
import { IcerError } from '../errors.js';
import { recordCorpus } from '../evaluation/corpus-file.js';
import { corpusStats } from '../evaluation/dataset-stats.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import { isGzipPath, readJsonLines } from '../io/json-lines-file.js';
import { LineFile, StagedOutput } from '../io/staged-output.js';
import { SeedSchema } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { ChatExportOptionsSchema, chatExporter } from './chat-export.js';
import { dialogueKitDialogue } from './dialoguekit-export.js';
import { hfCard } from './hf-card.js';
import { hfRow } from './hf-row.js';
import { HF_SPLITS, type HfSplit, HfSplitRatiosSchema, splitUsers } from './hf-split.js';
import { ItemLookup } from './item-lookup.js';
import { redialExporter } from './redial-export.js';

/**
 * The formats icer exports to: `chat` (chat fine-tuning JSON lines), `redial` (ReDial JSON lines), `hf` (a Hugging
 * Face dataset folder), `dialoguekit` (the DialogueKit JSON list UserSimCRS reads).
 */
export const ExportFormatSchema = z.enum(['chat', 'redial', 'hf', 'dialoguekit']);
/** An export format. */
export type ExportFormat = z.output<typeof ExportFormatSchema>;

/** Options of the `hf` export. */
export const HfExportOptionsSchema = z.strictObject({
  /**
   * Shares of the users for train, validation and test (normalised; a split with no user is left out).
   * @default [0.8, 0.1, 0.1]
   */
  split: HfSplitRatiosSchema.default([0.8, 0.1, 0.1]),
  /**
   * Seed of the shuffle that shares users out.
   * @default 0
   */
  seed: SeedSchema.default(0),
  /**
   * The card's `pretty_name`.
   * @default 'icer dialogues'
   */
  name: z.string().min(1).default('icer dialogues'),
  /**
   * The card's `license`, a Hub license id (`cc-by-4.0`, `mit`…). Whoever publishes the data chooses it: records of
   * MovieLens users carry MovieLens's terms.
   * @default 'other'
   */
  license: z.string().min(1).default('other'),
});
/** Options of the `hf` export. */
export type HfExportOptions = z.input<typeof HfExportOptionsSchema>;

const CatalogsSchema = z.custom<ItemCatalog | readonly ItemCatalog[]>(
  (value) =>
    value instanceof ItemCatalog ||
    (Array.isArray(value) && value.length > 0 && value.every((c) => c instanceof ItemCatalog)),
  'expected an ItemCatalog or a non-empty list of them',
);

/** Options of {@link exportDialogues}. */
export const ExportOptionsSchema = z
  .strictObject({
    /** The format to write: `chat`, `redial`, `hf` or `dialoguekit`. */
    format: ExportFormatSchema,
    /** The file to write (a folder for `hf`); gzip-compressed when its name ends in `.gz`. */
    out: z.string().min(1),
    /**
     * Replace what `out` holds; without it an existing output is refused.
     * @default false
     */
    force: z.boolean().default(false),
    /**
     * The catalogs the records' items come from, searched in order (titles for `redial`, `dialoguekit` and a user
     * simulator's system message).
     * @default builtinCatalog()
     */
    catalog: CatalogsSchema.optional(),
    /** Options of the `chat` format. */
    chat: ChatExportOptionsSchema.optional(),
    /** Options of the `hf` format. */
    hf: HfExportOptionsSchema.optional(),
  })
  .refine((options) => options.chat === undefined || options.format === 'chat', {
    message: 'chat options go with the chat format',
    path: ['chat'],
  })
  .refine((options) => options.hf === undefined || options.format === 'hf', {
    message: 'hf options go with the hf format',
    path: ['hf'],
  });
/** Options of {@link exportDialogues}. */
export type ExportOptions = z.input<typeof ExportOptionsSchema>;

/** What an export wrote (`icer export --json` prints it, with the output path and the broken lines). */
export const ExportSummarySchema = z
  .strictObject({
    /** The format written. */
    format: ExportFormatSchema,
    /** Records read. */
    dialogues: z.int().min(0),
    /** Dialogues written. */
    written: z.int().min(0),
    /** Records left out: for `chat`, those with no turn of the side trained. */
    skipped: z.int().min(0),
    /** For `hf`: each split's dialogues and users (splits with none left out). */
    splits: z
      .partialRecord(
        z.enum(HF_SPLITS),
        z
          .strictObject({
            /** Dialogues in the split. */
            dialogues: z.int().min(0),
            /** Distinct users in the split (each user is in one split only). */
            users: z.int().min(0),
          })
          .readonly(),
      )
      .readonly()
      .optional(),
  })
  .readonly();
/** What an export wrote. */
export type ExportSummary = z.output<typeof ExportSummarySchema>;

/**
 * Records given one at a time, synchronously or not (shown inline in the API reference).
 * @inline
 */
type Records = Iterable<DialogueRecord> | AsyncIterable<DialogueRecord>;

/** Runs a conversion of one record, naming the dialogue in what it throws. */
function convert<T>(record: DialogueRecord, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!IcerError.isInstance(error)) throw error;
    throw new IcerError(error.code, `Dialogue "${record.id}": ${error.problem}`, {
      ...(error.location ? { location: error.location } : {}),
      ...(error.hint ? { hint: error.hint } : {}),
      cause: error,
    });
  }
}

/**
 * Writes dialogue records in another tool's format: a file for `chat`, `redial` (JSON lines) and `dialoguekit` (a
 * JSON list), a folder for `hf` (`data/<split>.jsonl` and a README.md dataset card). Records stream through (any
 * number), except that `hf` keeps each row's user id to split by user. The output is written beside its path and
 * moved into place at the end, so a failed export leaves what was there; an existing output is refused without
 * `force`. Every line keeps its dialogue id and seed, and the acts where the format has room.
 *
 * @example
 * ```ts
 * const summary = await exportDialogues(readDialogueFile('dialogues.jsonl', console.error), {
 *   format: 'chat',
 *   out: 'recommender.jsonl',
 *   chat: { as: 'recommender' },
 * });
 * console.log(`${summary.written} conversations, ${summary.skipped} skipped`);
 * ```
 */
export async function exportDialogues(records: Records, options: ExportOptions): Promise<ExportSummary> {
  const resolved = parseOptions(ExportOptionsSchema, options, 'exportDialogues');
  const items = new ItemLookup(resolved.catalog ?? builtinCatalog());
  const staged = await StagedOutput.open(resolved.out, { force: resolved.force, folder: resolved.format === 'hf' });
  try {
    const summary =
      resolved.format === 'hf'
        ? await writeHf(records, staged.path, items, HfExportOptionsSchema.parse(resolved.hf ?? {}))
        : await writeFile(records, staged.path, items, resolved, isGzipPath(resolved.out));
    await staged.commit();
    return summary;
  } catch (error) {
    await staged.abort();
    throw error;
  }
}

async function writeFile(
  records: Records,
  path: string,
  items: ItemLookup,
  options: z.output<typeof ExportOptionsSchema>,
  gzip: boolean,
): Promise<ExportSummary> {
  const file = await LineFile.open(path, { gzip });
  const { format } = options;
  const toChat = chatExporter(ChatExportOptionsSchema.parse(options.chat ?? {}), items);
  const toReDial = redialExporter(items);
  let dialogues = 0;
  let written = 0;
  try {
    if (format === 'dialoguekit') await file.write('[');
    for await (const record of records) {
      dialogues++;
      const line = convert(record, () =>
        format === 'chat'
          ? toChat(record)
          : format === 'redial'
            ? toReDial(record)
            : dialogueKitDialogue(record, items),
      );
      if (line === undefined) continue;
      const json = JSON.stringify(line);
      await file.write(format === 'dialoguekit' ? `${written === 0 ? '' : ','}\n${json}` : `${json}\n`);
      written++;
    }
    if (format === 'dialoguekit') await file.write(written === 0 ? ']\n' : '\n]\n');
  } finally {
    await file.close();
  }
  return { format, dialogues, written, skipped: dialogues - written };
}

async function writeHf(
  records: Records,
  folder: string,
  items: ItemLookup,
  options: z.output<typeof HfExportOptionsSchema>,
): Promise<ExportSummary> {
  // Rows wait in one file until every user is known: a split needs them all, and memory needs only their ids.
  const pending = join(folder, '.rows.jsonl');
  const rows = await LineFile.open(pending);
  const users: string[] = [];
  const seen = {
    domains: new Set<string>(),
    versions: new Set<string>(),
    lms: new Set<string>(),
    policies: new Set<string>(),
  };
  async function* written(): AsyncGenerator<DialogueRecord> {
    for await (const record of records) {
      users.push(record.user.id);
      seen.domains.add(record.domain);
      seen.versions.add(record.generator.version);
      seen.lms.add(record.generator.lm);
      seen.policies.add(record.generator.policy);
      await rows.write(`${JSON.stringify(hfRow(record))}\n`);
      yield record;
    }
  }
  const catalogs = items.catalogs as [(typeof items.catalogs)[number], ...typeof items.catalogs];
  const stats = await corpusStats(recordCorpus(written()), { name: options.name, catalog: catalogs }).finally(() =>
    rows.close(),
  );
  const assigned = splitUsers(users, options.split, options.seed);
  const data = join(folder, 'data');
  const counts = new Map<HfSplit, { dialogues: number; users: Set<string> }>();
  const files = new Map<HfSplit, LineFile>();
  try {
    await mkdir(data);
    let index = 0;
    for await (const { text } of readJsonLines(pending)) {
      const user = users[index++] as string;
      const split = assigned.get(user) as HfSplit;
      let file = files.get(split);
      if (!file) {
        file = await LineFile.open(join(data, `${split}.jsonl`));
        files.set(split, file);
        counts.set(split, { dialogues: 0, users: new Set() });
      }
      await file.write(`${text}\n`);
      const count = counts.get(split) as { dialogues: number; users: Set<string> };
      count.dialogues++;
      count.users.add(user);
    }
  } finally {
    for (const file of files.values()) await file.close();
  }
  await rm(pending);
  const splits = HF_SPLITS.filter((split) => counts.has(split)).map((split) => ({
    name: split,
    path: `data/${split}.jsonl`,
    dialogues: counts.get(split)?.dialogues ?? 0,
    users: counts.get(split)?.users.size ?? 0,
  }));
  const sorted = (values: Set<string>) => [...values].sort();
  const card = await LineFile.open(join(folder, 'README.md'));
  await card.write(
    hfCard({
      name: options.name,
      license: options.license,
      splits,
      stats,
      domains: sorted(seen.domains),
      versions: sorted(seen.versions),
      lms: sorted(seen.lms),
      policies: sorted(seen.policies),
      seed: String(options.seed),
    }),
  );
  await card.close();
  return {
    format: 'hf',
    dialogues: users.length,
    written: users.length,
    skipped: 0,
    splits: Object.fromEntries(splits.map((split) => [split.name, { dialogues: split.dialogues, users: split.users }])),
  };
}
