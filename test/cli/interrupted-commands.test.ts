import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConfigHash } from '../../src/io/run-file.js';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

// Signals need a real process: the built command line (npm run build runs before these tests in CI).
const CLI = join(process.cwd(), 'dist', 'cli.js');
const hasBuild = existsSync(CLI);
if (!hasBuild) console.warn(`[interrupted-commands] SKIPPED: ${CLI} is missing (npm run build)`);
const tempDir = useTempDir();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function start(
  dir: string,
  args: string[],
): { child: ChildProcess; exited: Promise<{ signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return { child, exited: new Promise((resolve) => child.on('exit', (_, signal) => resolve({ signal, stderr }))) };
}

/** Waits until `found()` holds, or fails the test after 60 s. */
async function until(found: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !found(); waited += 20) {
    if (waited > 60_000) throw new Error(`waited a minute for ${what}`);
    await sleep(20);
  }
}

const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe.skipIf(!hasBuild)('icer generate stopped before its first dialogue', () => {
  it('says so while it still reads its data, and ends as the signal does, writing nothing', async () => {
    const { dir } = tempDir();
    spawnSync('mkfifo', [join(dir, 'users.jsonl')]);
    for (const sent of ['SIGINT', 'SIGTERM'] as const) {
      const run = start(dir, ['generate', '--profiles', 'users.jsonl', '--out', 'out.jsonl']);
      // A FIFO opens for writing once its reader opens it: the command is then reading its profiles.
      const feed = createWriteStream(join(dir, 'users.jsonl'));
      feed.on('error', () => {});
      await new Promise((resolve) => feed.once('open', resolve));
      run.child.kill(sent);
      const { signal, stderr } = await run.exited;
      feed.destroy();
      expect(signal, stderr).toBe(sent);
      expect(stderr).toBe(`icer generate: interrupted (${sent}); no record was written.\n`);
      expect(readdirSync(dir)).toEqual(['users.jsonl']);
    }
  }, 60_000);
});

describe.skipIf(!hasBuild)('a command without a run of its own, stopped by a signal', () => {
  it('export: ends on SIGINT, leaves no temporary file, and an earlier output as it was', async () => {
    const { dir } = tempDir();
    const made = await cli(['generate', '--count', '20', '--seed', '4', '--quiet'], dir);
    const lines = made.stdout.split('\n').filter(Boolean);
    spawnSync('mkfifo', [join(dir, 'in.jsonl')]);
    writeFileSync(join(dir, 'chat.jsonl'), 'an earlier export\n');
    for (const [format, out] of [
      ['chat', 'chat.jsonl'],
      ['hf', 'dataset'],
    ] as const) {
      const run = start(dir, ['export', 'in.jsonl', '--format', format, '--out', out, '--force']);
      // Half the records, and the pipe held open: the export waits for the rest with its output half made.
      const feed = createWriteStream(join(dir, 'in.jsonl'));
      // The export is stopped before it reads all of it: the pipe then breaks under what is left (EPIPE), as meant.
      feed.on('error', () => {});
      feed.write(`${lines.slice(0, 10).join('\n')}\n`);
      await until(() => temporaries(dir).length > 0, 'the export to start writing');
      run.child.kill('SIGINT');
      const { signal, stderr } = await run.exited;
      feed.destroy();
      expect(signal, stderr).toBe('SIGINT');
      expect(stderr).toBe(`icer export: interrupted (SIGINT); ${out} was not written.\n`);
      expect(temporaries(dir)).toEqual([]);
    }
    expect(readFileSync(join(dir, 'chat.jsonl'), 'utf8')).toBe('an earlier export\n');
    expect(existsSync(join(dir, 'dataset'))).toBe(false);
  }, 120_000);

  it('profiles: ends on SIGTERM and leaves nothing', async () => {
    const { dir } = tempDir();
    const run = start(dir, ['profiles', '--count', '1000000', '--out', 'users.jsonl']);
    await until(() => temporaries(dir).some((name) => statSync(join(dir, name)).size > 0), 'profiles to be written');
    run.child.kill('SIGTERM');
    const { signal, stderr } = await run.exited;
    expect(signal, stderr).toBe('SIGTERM');
    expect(stderr).toBe('icer profiles: interrupted (SIGTERM); users.jsonl was not written.\n');
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('merge: leaves no part of a merge, nor its manifest or lock', async () => {
    const { dir } = tempDir();
    // Two shards of a long run, made up (each record only needs its seed's index), so the merge writes for a while.
    const count = 600_000;
    const config = { count, seed: '5', generator: 'test' };
    const ranges: [number, number][] = [
      [0, count / 2],
      [count / 2, count],
    ];
    for (const [index, [from, to]] of ranges.entries()) {
      const shard = { ...config, shard: `${index}/2` };
      const rows = Array.from({ length: to - from }, (_, i) => `{"seed":"5:${from + i}","text":"${'x'.repeat(60)}"}`);
      writeFileSync(join(dir, `p${index}.jsonl`), `${rows.join('\n')}\n`);
      const manifest = {
        config: shard,
        configHash: runConfigHash(shard),
        nextIndex: to,
        records: to - from,
        skipped: 0,
        complete: true,
        extra: {},
      };
      writeFileSync(join(dir, `p${index}.jsonl.icer-run.json`), JSON.stringify(manifest));
    }
    const before = readdirSync(dir).sort();
    const run = start(dir, ['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'merged.jsonl']);
    await until(
      () => existsSync(join(dir, 'merged.jsonl')) && statSync(join(dir, 'merged.jsonl')).size > 0,
      'the merge to write',
    );
    run.child.kill('SIGINT');
    const { signal, stderr } = await run.exited;
    expect(signal, stderr).toBe('SIGINT');
    expect(stderr).toBe('icer merge: interrupted (SIGINT); merged.jsonl was not written.\n');
    expect(readdirSync(dir).sort()).toEqual(before);
    // Through a symlink: the file it points to goes, with the manifest beside it; the link is kept.
    symlinkSync('made.jsonl', join(dir, 'link.jsonl'));
    const linked = start(dir, ['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'link.jsonl']);
    await until(
      () => existsSync(join(dir, 'made.jsonl')) && statSync(join(dir, 'made.jsonl')).size > 0,
      'the merge through the link to write',
    );
    linked.child.kill('SIGINT');
    const stopped = await linked.exited;
    expect(stopped.signal, stopped.stderr).toBe('SIGINT');
    expect(stopped.stderr).toBe('icer merge: interrupted (SIGINT); link.jsonl was not written.\n');
    expect(readdirSync(dir).sort()).toEqual([...before, 'link.jsonl'].sort());
    // Compressed: its members go, and the block file an interruption writes of the records after the last one.
    const packed = start(dir, ['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'merged.jsonl.gz']);
    await until(
      () => existsSync(join(dir, 'merged.jsonl.gz')) && statSync(join(dir, 'merged.jsonl.gz')).size > 0,
      'the compressed merge to write a member',
    );
    packed.child.kill('SIGINT');
    const ended = await packed.exited;
    expect(ended.signal, ended.stderr).toBe('SIGINT');
    expect(ended.stderr).toBe('icer merge: interrupted (SIGINT); merged.jsonl.gz was not written.\n');
    expect(readdirSync(dir).sort()).toEqual([...before, 'link.jsonl'].sort());
    // With --force over an earlier output: replaced by the first record, it is not there to keep, and that is said.
    writeFileSync(join(dir, 'merged.jsonl'), 'an earlier merge\n');
    const forced = start(dir, ['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'merged.jsonl', '--force']);
    await until(
      () => existsSync(join(dir, 'merged.jsonl')) && readFileSync(join(dir, 'merged.jsonl'), 'utf8').startsWith('{'),
      'the forced merge to replace the earlier output',
    );
    forced.child.kill('SIGINT');
    const replaced = await forced.exited;
    expect(replaced.signal, replaced.stderr).toBe('SIGINT');
    expect(replaced.stderr).toBe(
      'icer merge: interrupted (SIGINT); merged.jsonl was not written, and what it held before was already replaced.\n',
    );
    expect(readdirSync(dir).sort()).toEqual([...before, 'link.jsonl'].sort());
  }, 120_000);
});
