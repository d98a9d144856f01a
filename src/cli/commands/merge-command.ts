import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IcerError } from '../../errors.js';
import { readJsonLines } from '../../io/json-lines-file.js';
import { recordLineIndex } from '../../io/records-back.js';
import {
  configDifferences,
  type RunConfig,
  RunFile,
  type RunManifest,
  readRunManifest,
  runConfigHash,
} from '../../io/run-file.js';
import { markUnfinished } from '../../io/unfinished-files.js';
import { type CliIo, UsageError } from '../cli-io.js';
import type { MergeSummary } from '../merge-summary.js';
import { outPath } from '../out-flag.js';
import { parseFlagsAndOperands } from '../parse-flags.js';

export const MERGE_HELP = `Usage: icer merge FILE... --out FILE [--force]

Joins the shards of one run (each written by icer generate --shard i/n --out FILE) into the file one machine would
have written, byte for byte, with its manifest. Refuses shards of different runs, a missing, duplicated or
unfinished shard, one holding fewer records than its manifest counted, and records out of their shard's range or
order, all checked before --out is written.

Options:
  --out FILE   the merged output (refused if it already holds output, unless --force; never one of the shards)
  --force      replace what --out holds
  --json       print what was merged as JSON on stdout: {"out", "dialogues", "shards"}
  --quiet      no summary line on stderr
  -h, --help   show this help

Examples:
  icer generate --count 100 --seed 7 --shard 0/2 --out part-0.jsonl
  icer generate --count 100 --seed 7 --shard 1/2 --out part-1.jsonl
  icer merge part-0.jsonl part-1.jsonl --out merged.jsonl
`;

interface Shard {
  readonly file: string;
  readonly manifest: RunManifest;
  readonly index: number;
  readonly of: number;
}

export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, operands } = parseFlagsAndOperands(args, {
    out: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(MERGE_HELP);
    return 0;
  }
  if (operands.length === 0) throw new UsageError('Name the shard files: icer merge FILE... --out FILE.');
  if (values.out === undefined) throw new UsageError('Say where to write the merged run: --out FILE.');
  const outFile = await outPath(io.cwd, values.out, { inputs: operands });
  const shards = await Promise.all(operands.map((spec) => readShard(resolve(io.cwd, spec))));
  const first = shards[0] as Shard;
  const config = withoutShard(first.manifest.config);
  const byIndex = new Map<number, Shard>();
  const count = Number(config.count);
  // Every record's seed is "<run seed>:<index>": a line of another run's, even at the right index, is refused.
  const seed = config.seed === undefined ? undefined : String(config.seed);
  for (const shard of shards) {
    // A manifest edited by hand (its shard, its count) no longer matches the hash written with it; nor does its next
    // index follow from what it counted once that was raised.
    const { configHash, nextIndex, records, skipped = 0 } = shard.manifest;
    const [from] = shardRange(shard, count);
    if (configHash !== runConfigHash(shard.manifest.config) || nextIndex - from !== records + skipped) {
      throw mergeError(
        shard.file,
        `Its run manifest was changed by hand: ${configHash !== runConfigHash(shard.manifest.config) ? 'its "config" does not match its "configHash"' : `its next index (${nextIndex}) does not follow from the ${records} records and ${skipped} skipped profiles it counted`}.`,
        'Restore the manifest as the run wrote it, or regenerate the shard with the same command and --force.',
      );
    }
    const differs = configDifferences(config, withoutShard(shard.manifest.config), ['there', 'here']);
    if (differs.length > 0 || shard.of !== first.of) {
      throw mergeError(
        shard.file,
        `It is a shard of another run than ${first.file} (${[...differs, ...(shard.of !== first.of ? [`shards: ${first.of} there, ${shard.of} here`] : [])].join('; ')}).`,
      );
    }
    const twin = byIndex.get(shard.index);
    if (twin)
      throw mergeError(
        shard.file,
        twin.file === shard.file
          ? `It is given twice (shard ${shard.index}/${shard.of}).`
          : `It is shard ${shard.index}/${shard.of} again (so is ${twin.file}).`,
      );
    byIndex.set(shard.index, shard);
  }
  for (let index = 0; index < first.of; index++) {
    const shard = byIndex.get(index);
    if (!shard) throw mergeError(first.file, `Shard ${index}/${first.of} is missing.`, 'Give every shard of the run.');
    const [, end] = shardRange(shard, count);
    if (!shard.manifest.complete || shard.manifest.nextIndex < end) {
      throw mergeError(
        shard.file,
        `Shard ${index}/${first.of} is not finished (it reached index ${shard.manifest.nextIndex} of ${end}).`,
        'Finish it with the same command and --resume.',
      );
    }
  }
  // Before the shards are read through: an output that cannot be used is told at once.
  await RunFile.check(outFile, { force: values.force === true, resumable: false });
  const ordered = Array.from({ length: first.of }, (_, index) => byIndex.get(index) as Shard);
  // Every shard is read through once before the output is opened: a bad line found while writing would leave a
  // merged file cut short, or with --force would already have replaced a good one. A shard copied short, or with a
  // line lost, holds fewer records than its manifest counted: its missing indices are no profiles skipped.
  for (const shard of ordered) {
    let records = 0;
    for await (const _ of shardRecords(shard, count, seed)) records++;
    if (records !== shard.manifest.records) {
      throw mergeError(
        shard.file,
        `It holds ${counted(records)} records, but its run manifest counted ${counted(shard.manifest.records)}: part of it is missing or was changed.`,
        'Copy the shard whole again, or regenerate it with the same command and --force.',
      );
    }
  }
  const out = await RunFile.open(outFile, { force: values.force === true, config, resumable: false });
  // A merge stopped by a signal leaves no part of one: once its first record has replaced what --out held, the file
  // written (a symlink's target, the link itself kept) and the manifest are unfinished until closed. Never a FIFO or
  // a device written through: what it passed on is not taken back.
  let finished: (() => void)[] | undefined;
  const replacing = out.untouched;
  try {
    for (const shard of ordered) {
      let records = 0;
      for await (const { at, text } of shardRecords(shard, count, seed)) {
        records++;
        await out.appendLine(at, text);
        if (finished === undefined) {
          const written = out.resumable ? await realpath(outFile).catch(() => undefined) : undefined;
          // A .gz output's block file too: its records are saved there until a member is whole.
          finished =
            written === undefined
              ? []
              : [written, out.sideFiles.manifest, out.sideFiles.block].map((path) =>
                  markUnfinished(path, outFile, replacing),
                );
        }
      }
      // Read through before, it held every record; one rewritten since (a run on it with --force) may hold fewer, whose
      // missing indices would pass for skipped profiles.
      if (records !== shard.manifest.records) {
        throw mergeError(
          shard.file,
          `It held ${counted(shard.manifest.records)} records when the merge began, and ${counted(records)} as it was merged: it was changed during the merge.`,
          `Let whatever writes it finish, then merge again with --force (${values.out} holds part of the merge).`,
        );
      }
      // Profiles skipped at the end of a shard leave no record: the merged run still covers their indices.
      out.skipped(shardRange(shard, count)[1] - 1);
    }
    await out.close({}, true);
  } finally {
    for (const done of finished ?? []) done();
    out.release();
  }
  if (values.json) {
    const summary: MergeSummary = { out: resolve(io.cwd, values.out), dialogues: out.records, shards: first.of };
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else if (!values.quiet) {
    io.stderr.write(
      `icer merge: wrote ${values.out} (${out.records.toLocaleString('en')} dialogues from ${first.of} shards)\n`,
    );
  }
  return 0;
}

const counted = (records: number) => records.toLocaleString('en');

/** A shard's records with their indices, each checked to be the run's (of `seed`) and the next of the shard's range. */
async function* shardRecords(
  shard: Shard,
  count: number,
  seed: string | undefined,
): AsyncGenerator<{ at: number; text: string }> {
  const [from, to] = shardRange(shard, count);
  let last = from - 1;
  for await (const { number, text } of readJsonLines(shard.file)) {
    const at = recordLineIndex(text, seed);
    if (at === undefined || at < from || at >= to || at <= last) {
      throw mergeError(
        shard.file,
        `Line ${number} is not the next record of shard ${shard.index}/${shard.of} (indices ${from}–${to - 1}${seed === undefined ? '' : `, seeds ${seed}:i`}).`,
        'Regenerate the shard with --force.',
        number,
      );
    }
    last = at;
    yield { at, text };
  }
}

/** The indices of the run a shard holds, as `icer generate --shard` takes them: [from, to). */
function shardRange({ index, of }: Shard, count: number): [number, number] {
  return [Math.floor((index * count) / of), Math.floor(((index + 1) * count) / of)];
}

async function readShard(file: string): Promise<Shard> {
  const manifest = await readRunManifest(file);
  if (!manifest)
    throw mergeError(
      file,
      'It has no run manifest beside it.',
      'Merge what icer generate --shard i/n --out FILE wrote.',
    );
  // A run without --shard is its one shard, as --shard 0/1 is.
  const match = /^(\d+)\/(\d+)$/.exec(String(manifest.config.shard ?? '0/1').trim());
  if (!match || Number(match[1]) >= Number(match[2]))
    throw mergeError(file, `Its run manifest's shard "${manifest.config.shard}" is not i/n with i < n.`);
  return { file, manifest, index: Number(match[1]), of: Number(match[2]) };
}

function withoutShard(config: RunConfig): RunConfig {
  const { shard: _, ...rest } = config;
  return rest;
}

function mergeError(
  file: string,
  problem: string,
  hint = 'Merge only the shards of one run.',
  line?: number,
): IcerError {
  return new IcerError('INVALID_ARGUMENT', problem, { location: { file, ...(line ? { line } : {}) }, hint });
}
