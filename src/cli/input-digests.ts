import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MOVIELENS_FILES } from '../data/movielens/load-movielens.js';
import type { RunConfig } from '../io/run-file.js';
import type { RunFlagValues } from './run-plan.js';

/** The flags of a run that name a file (or, for `--movielens`, a folder of files) its records are made from. */
const INPUT_FLAGS = ['catalog', 'profiles', 'movielens', 'items', 'ratings', 'items-phrasing'] as const;

// Of a folder, only the files read count: a README added or dropped beside them is the same input.
const FOLDER_FILES: Partial<Record<(typeof INPUT_FLAGS)[number], readonly string[]>> = { movielens: MOVIELENS_FILES };

/**
 * A run's settings with each input file it names given by a digest of its contents (`"profiles": "sha256:…"`)
 * rather than by its path: a resumed run, or a shard merged with others, is the same run only when its inputs are
 * the same bytes, and it is the same run wherever the files lie (`./a.jsonl` or `a.jsonl`, another machine's mount).
 * Standard input (`-`) and a path that does not exist (which the run reports itself) keep their path.
 */
export async function withInputDigests(config: RunConfig, cwd: string): Promise<RunConfig> {
  const out: RunConfig = { ...config };
  for (const flag of INPUT_FLAGS) {
    const given = (config as RunFlagValues)[flag];
    if (typeof given !== 'string' || given === '-') continue;
    const digest = await digestOf(resolve(cwd, given), FOLDER_FILES[flag]);
    if (digest !== undefined) out[flag] = `sha256:${digest}`;
  }
  return out;
}

async function digestOf(path: string, read: readonly string[] | undefined): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return undefined;
  const hash = createHash('sha256');
  if (info.isDirectory()) {
    // A folder's files by name, each name with its bytes: a file renamed or added is another input.
    const entries = await readdir(path, { withFileTypes: true });
    const names = entries
      .filter((entry) => entry.isFile() && (read === undefined || read.includes(entry.name)))
      .map((entry) => entry.name);
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
