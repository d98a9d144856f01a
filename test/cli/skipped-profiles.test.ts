import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const records = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => DialogueRecordSchema.parse(JSON.parse(line)));

const MOVIES =
  'movieId,title,genres\n1,"Matrix, The (1999)",Sci-Fi|Action\n2,Heat (1995),Crime|Action\n3,Alien (1979),Horror|Sci-Fi\n4,Up (2009),Animation|Comedy\n';
// A user who rated every film 3 has neither liked nor disliked anything: no preferences for a simulator to voice.
const lukewarm = (user: number) => `${user},1,3\n${user},2,3\n`;

function movieLens(users: string): string {
  const { dir, write } = tempDir();
  write('movies.csv', MOVIES);
  write('ratings.csv', `userId,movieId,rating\n${users}`);
  return dir;
}

describe('icer generate with profiles it cannot use', () => {
  it('skips them, names each with its reason on stderr, and counts them', async () => {
    const dir = movieLens(`7,1,5\n7,3,4.5\n7,2,1\n${lukewarm(8)}9,2,4\n9,4,4.5\n9,1,2\n`);
    const result = await cli(['generate', '--movielens', dir, '--count', '3', '--quiet']);
    expect(result.code).toBe(0);
    const written = records(result.stdout);
    expect(written.map((d) => [d.id, d.user.id])).toEqual([
      ['0-0', '7'],
      ['0-2', '9'],
    ]);
    expect(result.stderr).toMatch(/skipped user 8 \(dialogue 0-1\): .*has no preferences.*\[INVALID_PROFILE\]/);
    expect(result.stderr).toMatch(/skipped 1 of 3 profiles .*; wrote 2 dialogues/);
  });

  it('counts them in the run manifest, and resumes a run that skipped one as if it had not stopped', async () => {
    const dir = movieLens(`7,1,5\n7,3,4.5\n7,2,1\n${lukewarm(8)}9,2,4\n9,4,4.5\n9,1,2\n`);
    const { dir: outDir } = tempDir();
    const args = ['generate', '--movielens', dir, '--count', '3', '--quiet', '--out', 'out.jsonl'];
    expect((await cli(args, outDir)).code).toBe(0);
    const file = join(outDir, 'out.jsonl');
    const manifestFile = `${file}.icer-run.json`;
    const whole = readFileSync(file, 'utf8');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    expect(manifest).toMatchObject({ nextIndex: 3, records: 2, skipped: 1, complete: true });
    // As a run stopped after the skip left it: the first record, and a manifest past the skipped index.
    writeFileSync(file, `${whole.split('\n')[0]}\n`);
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, nextIndex: 2, records: 1, complete: false }));
    expect((await cli([...args, '--resume'], outDir)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(whole);
    expect(JSON.parse(readFileSync(manifestFile, 'utf8'))).toMatchObject({ nextIndex: 3, records: 2, skipped: 1 });
  });

  it('lists the first few users, then how many more, and counts a cycled user once', async () => {
    const users = [7, 8, 9, 10, 11, 12, 13].map(lukewarm).join('');
    const dir = movieLens(`1,1,5\n1,3,4.5\n1,2,1\n${users}`);
    const result = await cli(['generate', '--movielens', dir, '--count', '16', '--quiet']);
    expect(result.code).toBe(0);
    expect(records(result.stdout).map((d) => d.user.id)).toEqual(['1', '1']);
    const named = [...result.stderr.matchAll(/skipped user (\d+)/g)].map((match) => match[1]);
    expect(named).toEqual(['7', '8', '9', '10', '11']);
    expect(result.stderr).toContain('and 2 more users');
    expect(result.stderr).toMatch(/skipped 14 of 16 profiles \(7 users\).*; wrote 2 dialogues/);
  });

  it('fails, keeping an earlier output file even with --force, when no profile is usable', async () => {
    const dir = movieLens(`${lukewarm(8)}${lukewarm(9)}`);
    const { dir: out, write } = tempDir();
    write('d.jsonl', 'earlier\n');
    const result = await cli(['generate', '--movielens', dir, '--count', '2', '--out', 'd.jsonl', '--force'], out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/skipped user 8/);
    expect(result.stderr).toMatch(/skipped all 2 profiles.*\[INVALID_PROFILE\]/);
    expect(readFileSync(join(out, 'd.jsonl'), 'utf8')).toBe('earlier\n');
    expect(readdirSync(out)).toEqual(['d.jsonl']);
  });

  it('fails when the MovieLens directory has no users at all', async () => {
    const dir = movieLens('');
    for (const command of ['generate', 'profiles']) {
      const result = await cli([command, '--movielens', dir]);
      expect(result.code, command).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/ratings\.csv: It holds no ratings, so there are no users.*\[NO_RATINGS\]/);
    }
  });
});
