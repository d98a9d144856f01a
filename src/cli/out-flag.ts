import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { MOVIELENS_FILES } from '../data/movielens/load-movielens.js';
import { IcerError } from '../errors.js';
import { lockPath } from '../io/output-lock.js';
import { runSideFiles } from '../io/run-file.js';
import { blockPath, manifestPath } from '../io/run-side-paths.js';
import { StagedOutput } from '../io/staged-output.js';
import { UsageError } from './cli-io.js';

/** How a command reads its `--out`. */
export interface OutFlagOptions {
  /** Without `--out` the command writes to standard output (what `--out -` is told). @default false */
  readonly stdout?: boolean;
  /** `--out` names a folder (a Hugging Face dataset), so a trailing slash is welcome. @default false */
  readonly folder?: boolean;
  /** The files the command reads: `--out` naming one of them is refused, `--force` or not. @default [] */
  readonly inputs?: readonly string[];
}

/**
 * The path `--out` names, resolved against the working directory and checked before any work: `-` is no file, a
 * name ending in a slash names a folder, a run's manifest or lock is icer's own, and an output that is one of the
 * inputs would be overwritten while it is read.
 */
export async function outPath(cwd: string, value: string, options: OutFlagOptions = {}): Promise<string> {
  if (value === '-') {
    throw new UsageError(
      `--out takes a file name, not "-"${options.stdout ? ': leave --out out to write to standard output' : ''}.`,
    );
  }
  if (!options.folder && (/[/\\]$/.test(value) || ['.', '..'].includes(basename(value)))) {
    throw new UsageError(
      `--out ${value} names a folder; name the file to write, e.g. --out ${value.replace(/[/\\]*$/, '/')}out.jsonl.`,
    );
  }
  if ([manifestPath(''), lockPath(''), blockPath('')].some((suffix) => value.endsWith(suffix))) {
    throw new UsageError(
      `--out ${value} names a file icer keeps beside a run's output (its manifest, lock or block file); name another file.`,
    );
  }
  const path = resolve(cwd, value);
  const target = await stat(path).catch(() => undefined);
  if (target === undefined) return path;
  for (const input of options.inputs ?? []) {
    const read = await stat(resolve(cwd, input)).catch(() => undefined);
    if (read !== undefined && read.dev === target.dev && read.ino === target.ino) {
      throw new UsageError(`--out ${value} is also an input (${input}); write the output elsewhere.`);
    }
  }
  return path;
}

/**
 * {@link outPath} for an output that is made again from its inputs at little cost (profiles, a report), written
 * whole and moved into place over what was there: anything but the output of an icer run (a manifest beside it),
 * which may stand for hours of work or money spent on a model.
 */
export async function newOutPath(cwd: string, value: string, options: OutFlagOptions = {}): Promise<string> {
  const path = await outPath(cwd, value, options);
  await StagedOutput.check(path, { force: true, folder: false });
  const { manifest } = await runSideFiles(path);
  if (
    await stat(manifest).then(
      () => true,
      () => false,
    )
  ) {
    throw new IcerError('INVALID_ARGUMENT', `It is the output of an icer run (${basename(manifest)} is beside it).`, {
      location: { file: path },
      hint: 'Write elsewhere; to replace that run, delete the file and its manifest first.',
    });
  }
  return path;
}

/** The data flags a command may take that name files it reads. */
interface DataFlagValues {
  readonly catalog?: string | undefined;
  readonly profiles?: string | undefined;
  readonly items?: string | undefined;
  readonly ratings?: string | undefined;
  readonly movielens?: string | undefined;
  readonly cache?: string | undefined;
}

/** The files a command's data flags name (standard input, `-`, aside): what its `--out` must not be. */
export function dataInputs(values: DataFlagValues): string[] {
  const { catalog, profiles, items, ratings, cache, movielens } = values;
  return [
    ...[catalog, profiles, items, ratings, cache].filter((file): file is string => file !== undefined && file !== '-'),
    ...(movielens === undefined ? [] : MOVIELENS_FILES.map((name) => join(movielens, name))),
  ];
}
