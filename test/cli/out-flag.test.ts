import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** A folder holding a finished run: 5 dialogues in run.jsonl, with its manifest beside it. */
async function withRun(): Promise<{ dir: string; run: string; manifest: string }> {
  const { dir } = tempDir();
  const made = await cli(['generate', '--count', '5', '--seed', '2', '--quiet', '--out', 'run.jsonl'], dir);
  expect(made.code).toBe(0);
  return {
    dir,
    run: readFileSync(join(dir, 'run.jsonl'), 'utf8'),
    manifest: readFileSync(join(dir, 'run.jsonl.icer-run.json'), 'utf8'),
  };
}

describe('--out is checked before any work', () => {
  it('names a file: "-" and a name ending in a slash are usage errors, and nothing is written', async () => {
    const { dir } = tempDir();
    const dash = await cli(['profiles', '--count', '2', '--out', '-'], dir);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toContain('--out takes a file name, not "-": leave --out out to write to standard output.');
    const merge = await cli(['merge', 'a.jsonl', '--out', '-'], dir);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain('--out takes a file name, not "-".');
    for (const args of [
      ['generate', '--count', '2', '--out', 'new/'],
      ['profiles', '--count', '2', '--out', 'new/'],
      ['generate', '--count', '2', '--out', '.'],
    ]) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(
        /--out (new\/|\.) names a folder; name the file to write, e\.g\. --out (new\/|\.\/)out\.jsonl\./,
      );
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses icer's own manifest, lock and block file names", async () => {
    const { dir, manifest } = await withRun();
    for (const out of ['run.jsonl.icer-run.json', 'x.icer-lock', 'y.jsonl.gz.icer-block']) {
      const result = await cli(['stats', 'run.jsonl', '--out', out], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `--out ${out} names a file icer keeps beside a run's output (its manifest, lock or block file)`,
      );
    }
    expect(readFileSync(join(dir, 'run.jsonl.icer-run.json'), 'utf8')).toBe(manifest);
  });

  it('is never one of the inputs, with --force or without', async () => {
    const { dir, run } = await withRun();
    writeFileSync(join(dir, 'copy.jsonl'), run);
    const cases = [
      ['stats', 'label=copy.jsonl', '--out', 'copy.jsonl'],
      ['report', 'copy.jsonl', '--out', 'copy.jsonl'],
      ['export', 'copy.jsonl', '--format', 'chat', '--out', 'copy.jsonl', '--force'],
      ['evaluate', 'copy.jsonl', '--out', 'copy.jsonl'],
    ];
    for (const args of cases) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('--out copy.jsonl is also an input (');
    }
    writeFileSync(join(dir, 'profiles.jsonl'), (await cli(['profiles', '--count', '3', '--seed', '1'], dir)).stdout);
    const profiles = readFileSync(join(dir, 'profiles.jsonl'), 'utf8');
    const generate = await cli(
      ['generate', '--profiles', 'profiles.jsonl', '--out', 'profiles.jsonl', '--force', '--quiet'],
      dir,
    );
    expect(generate.code).toBe(2);
    expect(generate.stderr).toContain('--out profiles.jsonl is also an input (profiles.jsonl)');
    expect(readFileSync(join(dir, 'copy.jsonl'), 'utf8')).toBe(run);
    expect(readFileSync(join(dir, 'profiles.jsonl'), 'utf8')).toBe(profiles);
  });

  it("profiles, figures and reports replace their own earlier output, never a run's", async () => {
    const { dir, run, manifest } = await withRun();
    for (const args of [
      ['profiles', '--count', '2', '--out', 'run.jsonl'],
      ['stats', 'other.jsonl', '--out', 'run.jsonl'],
    ]) {
      if (args[0] === 'stats') writeFileSync(join(dir, 'other.jsonl'), run);
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('It is the output of an icer run (run.jsonl.icer-run.json is beside it).');
    }
    expect(readFileSync(join(dir, 'run.jsonl'), 'utf8')).toBe(run);
    expect(readFileSync(join(dir, 'run.jsonl.icer-run.json'), 'utf8')).toBe(manifest);
    expect((await cli(['stats', 'run.jsonl', '--out', 'stats.json'], dir)).code).toBe(0);
    const first = readFileSync(join(dir, 'stats.json'), 'utf8');
    writeFileSync(join(dir, 'stats.json'), 'old');
    expect((await cli(['stats', 'run.jsonl', '--out', 'stats.json'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'stats.json'), 'utf8')).toBe(first);
    mkdirSync(join(dir, 'folder'));
    const folder = await cli(['stats', 'run.jsonl', '--out', 'folder'], dir);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('It is a folder, not a file.');
    expect(existsSync(join(dir, 'folder'))).toBe(true);
  });

  it('a Hugging Face export takes a folder, with its slash', async () => {
    const { dir } = await withRun();
    const result = await cli(['export', 'run.jsonl', '--format', 'hf', '--out', 'dataset/', '--quiet'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'dataset')).length).toBeGreaterThan(0);
  });
});
