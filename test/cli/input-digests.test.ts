import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBatch, runPlanner } from '../../src/cli/generate-batch.js';
import { inputDigests } from '../../src/cli/input-digests.js';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** The users of a batch's records (what each liked), as a worker makes them. */
const usersOf = (entries: readonly unknown[]) => entries.map((entry) => likedOf((entry as { line: string }).line));
const likedOf = (line: string) => (JSON.parse(line) as { user: { liked: string[] } }).user.liked.join(',');

describe("a worker's input files", () => {
  it('count a symlinked file in a data folder as the file it points to', async () => {
    const { dir } = tempDir();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'linked'));
    for (const name of ['movies.csv', 'ratings.csv']) {
      writeFileSync(join(dir, 'real', name), `${name}\n1,2\n`);
      symlinkSync(join(dir, 'real', name), join(dir, 'linked', name));
    }
    const real = await inputDigests({ movielens: 'real' }, dir);
    expect(await inputDigests({ movielens: 'linked' }, dir)).toEqual(real);
    // Not the digest of an empty folder.
    mkdirSync(join(dir, 'empty'));
    expect(real).not.toEqual(await inputDigests({ movielens: 'empty' }, dir));
  });

  it('are checked against the run they were started with, and a file replaced since is planned anew', async () => {
    const { dir } = tempDir();
    const profiles = async (seed: string) => {
      const made = await cli(['profiles', '--count', '6', '--seed', seed, '--out', 'p.jsonl'], dir);
      expect(made.code, made.stderr).toBe(0);
      return inputDigests({ profiles: 'p.jsonl' }, dir);
    };
    const values = { profiles: 'p.jsonl', count: '6', seed: '7' };
    const planned = runPlanner();
    const first = await profiles('1');
    expect(first.profiles).toMatch(/^sha256:[0-9a-f]{16}$/);
    const before = usersOf(await generateBatch(await planned({ values, cwd: dir, digests: first }), 0, 6));
    // The file replaced: a worker that has not planned the run from the old file (another machine's, a new one)
    // refuses its batches; one that has keeps making them from what it read then.
    const second = await profiles('2');
    expect(second.profiles).not.toBe(first.profiles);
    await expect(runPlanner()({ values, cwd: dir, digests: first })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      location: { file: join(dir, 'p.jsonl') },
      message: expect.stringContaining(
        `here is not what the run was started with: its contents differ (${second.profiles} here, ${first.profiles} where the run started)`,
      ),
    });
    expect(usersOf(await generateBatch(await planned({ values, cwd: dir, digests: first }), 0, 6))).toEqual(before);
    // A run started on the new file gets dialogues of the new users, not the plan of the old ones.
    const after = usersOf(await generateBatch(await planned({ values, cwd: dir, digests: second }), 0, 6));
    const expected = (await cli(['generate', '--profiles', 'p.jsonl', '--count', '6', '--seed', '7'], dir)).stdout;
    expect(after).toEqual(expected.split('\n').filter(Boolean).map(likedOf));
    expect(after).not.toEqual(before);
  });
});
