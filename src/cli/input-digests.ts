import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MOVIELENS_FILES } from '../data/movielens/load-movielens.js';
import { IcerError } from '../errors.js';
import type { RunFlagValues } from './run-plan.js';

/** The flags of a run that name a file (or, for `--movielens`, a folder of files) its records are made from. */
const INPUT_FLAGS = ['catalog', 'profiles', 'movielens', 'items', 'ratings', 'items-phrasing'] as const;

// Of a folder, only the files read count: a README added or dropped beside them is the same input.
const FOLDER_FILES: Partial<Record<(typeof INPUT_FLAGS)[number], readonly string[]>> = { movielens: MOVIELENS_FILES };

/**
 * The digest of each input file a run's flags name (`{ profiles: "sha256:…" }`): in a run's settings they stand for
 * the paths, as a resumed run, or a shard merged with others, is the same run only when its inputs are the same
 * bytes, and it is the same run wherever the files lie (`./a.jsonl` or `a.jsonl`, another machine's mount).
 * Standard input (`-`) and a path that does not exist (which the run reports itself) have none.
 */
export async function inputDigests(values: RunFlagValues, cwd: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const flag of INPUT_FLAGS) {
    const given = values[flag];
    if (typeof given !== 'string' || given === '-') continue;
    const digest = await digestOf(resolve(cwd, given), FOLDER_FILES[flag]);
    if (digest !== undefined) digests[flag] = `sha256:${digest}`;
  }
  return digests;
}

/**
 * Checks that the input files a run's flags name here are those the run was started with (`digests`, as
 * {@link inputDigests} gave them where it started): a worker on another machine, or after a file was replaced, would
 * otherwise make its share of the run from other data, and nothing would tell. A file missing here is left for the
 * run's planning to report.
 */
export async function checkInputDigests(
  values: RunFlagValues,
  cwd: string,
  digests: Readonly<Record<string, string>>,
): Promise<void> {
  const here = await inputDigests(values, cwd);
  for (const [flag, digest] of Object.entries(digests)) {
    const found = here[flag];
    if (found === undefined || found === digest) continue;
    const path = resolve(cwd, String(values[flag as keyof RunFlagValues]));
    throw new IcerError(
      'INVALID_ARGUMENT',
      `--${flag} ${path} here is not what the run was started with: its contents differ (${found} here, ${digest} where the run started).`,
      {
        location: { file: path },
        hint: 'Give every machine the same data files at the same paths; then run the same command with --resume.',
      },
    );
  }
}

async function digestOf(path: string, read: readonly string[] | undefined): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return undefined;
  const hash = createHash('sha256');
  if (info.isDirectory()) {
    // A folder's files by name, each name with its bytes: a file renamed or added is another input.
    // A symlink counts as the file it points to, as the loaders read it (a dataset linked in from a shared store).
    const names: string[] = [];
    for (const name of read ?? (await readdir(path))) {
      if ((await stat(join(path, name)).catch(() => undefined))?.isFile()) names.push(name);
    }
    for (const name of names.sort()) {
      hash.update(`${name}\0`);
      await digestInto(hash, join(path, name));
    }
  } else {
    await digestInto(hash, path);
  }
  return hash.digest('hex').slice(0, 16);
}

async function digestInto(hash: ReturnType<typeof createHash>, file: string): Promise<void> {
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
}
