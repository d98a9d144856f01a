import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { BOOKS, DATA_FLAGS, RATINGS } from './goodreads-files.js';

// Crashes and signals need a real process: the built command line (npm run build runs before these tests in CI).
const CLI = join(process.cwd(), 'dist', 'cli.js');
const hasBuild = existsSync(CLI);
if (!hasBuild) console.warn(`[run-file] process tests SKIPPED: ${CLI} is missing (npm run build)`);
const tempDir = useTempDir();
const COUNT = '2500';
let whole = '';

beforeAll(async () => {
  const { dir } = tempDir();
  const result = await cli(['generate', '--count', COUNT, '--seed', '3', '--quiet', '--out', 'whole.jsonl'], dir);
  expect(result.code).toBe(0);
  whole = readFileSync(join(dir, 'whole.jsonl'), 'utf8');
}, 120_000);

const run = (dir: string, ...extra: string[]): ChildProcess =>
  spawn(
    process.execPath,
    [CLI, 'generate', '--count', COUNT, '--seed', '3', '--quiet', '--out', 'out.jsonl', ...extra],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
const lines = (text: string) => text.split('\n').filter(Boolean).length;
const size = (file: string) => (existsSync(file) ? readFileSync(file).length : 0);
/** A file's SHA-256: compressed outputs compared byte for byte, quickly. */
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Sends SIGINT, then `second` once the first is taken: two sent at once may arrive in either order. */
async function interruptTwice(child: ChildProcess, second: NodeJS.Signals): Promise<void> {
  let said = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    said += chunk.toString('utf8');
  });
  child.kill('SIGINT');
  while (!said.includes('again to stop them now') && child.exitCode === null) await sleep(10);
  child.kill(second);
}
/** Waits until `file` has grown past `bytes` (the run is under way, whatever the machine's load) or the child ends. */
async function grown(file: string, bytes: number, child: ChildProcess): Promise<void> {
  while (size(file) <= bytes && child.exitCode === null) await sleep(20);
}

describe('icer generate --out: output that survives anything', () => {
  it.skipIf(!hasBuild)(
    'resumes a run killed with SIGKILL at random points into the bytes of an uninterrupted run',
    async () => {
      const { dir } = tempDir();
      const random = new SeededRandom('kills');
      const sizes: number[] = [];
      const out = join(dir, 'out.jsonl');
      for (let kill = 0; kill < 4; kill++) {
        // One thread and several: the records are the same, and so is where a resumed run goes on from.
        const child = run(dir, '--resume', '--workers', String(1 + (kill % 3)));
        const done = exited(child);
        // Killed once the run has written more, at a random point after: torn lines included.
        await grown(out, size(out), child);
        await sleep(random.int(0, 400));
        child.kill('SIGKILL');
        const { signal, code } = await done;
        if (code === 0) break;
        expect(signal).toBe('SIGKILL');
        sizes.push(size(out));
      }
      const last = await exited(run(dir, '--resume'));
      expect(last.code, last.stderr).toBe(0);
      expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(whole);
      expect(sizes.some((size) => size > 0)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['out.jsonl', 'out.jsonl.icer-run.json']);
    },
  );

  it.skipIf(!hasBuild)(
    'writes .jsonl.gz in gzip members of fixed blocks: killed at random points and resumed, the same compressed bytes',
    async () => {
      const { dir } = tempDir();
      const args = ['generate', '--count', COUNT, '--seed', '3', '--quiet', '--out', 'out.jsonl.gz'];
      const generate = (...extra: string[]) =>
        spawn(process.execPath, [CLI, ...args, ...extra], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      expect((await exited(generate('--workers', '1'))).code).toBe(0);
      expect(gunzipSync(readFileSync(join(dir, 'out.jsonl.gz'))).toString('utf8')).toBe(whole);
      const uninterrupted = digest(join(dir, 'out.jsonl.gz'));
      rmSync(join(dir, 'out.jsonl.gz'));
      rmSync(join(dir, 'out.jsonl.gz.icer-run.json'));
      // Killed once it has packed a member, once it has saved records of a block to the block file, and once more
      // after its next member, each at a random moment after.
      const gzBytes = () => size(join(dir, 'out.jsonl.gz'));
      const blockBytes = () => size(join(dir, 'out.jsonl.gz.icer-block'));
      const random = new SeededRandom('gzip kills');
      const seen: { gz: number; block: number }[] = [];
      for (const [kill, grew] of [
        () => gzBytes() > 0,
        (start: { block: number }) => blockBytes() > start.block,
        (start: { gz: number }) => gzBytes() > start.gz,
      ].entries()) {
        const start = { gz: gzBytes(), block: blockBytes() };
        const child = generate('--resume', '--workers', String(1 + (kill % 2)));
        const done = exited(child);
        while (!grew(start) && child.exitCode === null) await sleep(20);
        await sleep(random.int(0, 300));
        child.kill('SIGKILL');
        const { code } = await done;
        if (code === 0) break;
        seen.push({ gz: gzBytes(), block: blockBytes() });
      }
      const last = await exited(generate('--resume'));
      expect(last.code, last.stderr).toBe(0);
      expect(digest(join(dir, 'out.jsonl.gz'))).toBe(uninterrupted);
      expect(seen.some(({ gz }) => gz > 0)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['out.jsonl.gz', 'out.jsonl.gz.icer-run.json']);
      // Shards merged: the same bytes again.
      const shards = await Promise.all(
        [0, 1].map((i) => exited(generate('--shard', `${i}/2`, '--workers', '1', '--out', `part-${i}.jsonl.gz`))),
      );
      expect(shards.map((shard) => shard.code)).toEqual([0, 0]);
      expect((await cli(['merge', 'part-0.jsonl.gz', 'part-1.jsonl.gz', '--out', 'merged.jsonl.gz'], dir)).code).toBe(
        0,
      );
      expect(digest(join(dir, 'merged.jsonl.gz'))).toBe(uninterrupted);
    },
  );

  it.skipIf(!hasBuild)('stops on SIGINT with whole lines and exit 130, says how to resume, and resumes', async () => {
    const { dir } = tempDir();
    const child = run(dir);
    const done = exited(child);
    await grown(join(dir, 'out.jsonl'), 0, child);
    child.kill('SIGINT');
    const stopped = await done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(
      /interrupted \(SIGINT\); [\d,]+ dialogues written\. Resume with the same command and --resume\./,
    );
    const partial = readFileSync(join(dir, 'out.jsonl'), 'utf8');
    expect(partial.endsWith('\n')).toBe(true);
    expect(whole.startsWith(partial)).toBe(true);
    expect(lines(partial)).toBeLessThan(Number(COUNT));
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: false, records: lines(partial), nextIndex: lines(partial) });
    const resumed = await exited(run(dir, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(whole);
  });

  it.skipIf(!hasBuild)(
    'stops worker threads at once on a second signal, keeps whole records, and resumes to the same bytes',
    async () => {
      const { dir } = tempDir();
      const out = join(dir, 'out.jsonl');
      const child = run(dir, '--workers', '2');
      const done = exited(child);
      await grown(out, 0, child);
      await interruptTwice(child, 'SIGTERM');
      const stopped = await done;
      expect(stopped.code, stopped.stderr).toBe(130);
      // Not on a terminal, no progress bar: no blank line to leave one.
      expect(stopped.stderr).toMatch(
        /^icer generate: SIGINT: finishing the dialogues under way \(again to stop them now\)/,
      );
      const partial = readFileSync(out, 'utf8');
      expect(whole.startsWith(partial)).toBe(true);
      const manifest = JSON.parse(readFileSync(`${out}.icer-run.json`, 'utf8'));
      expect(manifest).toMatchObject({ complete: false, records: lines(partial) });
      const resumed = await exited(run(dir, '--resume', '--workers', '2'));
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(whole);
    },
  );

  it.skipIf(!hasBuild)(
    'ends on a second signal an output that takes nothing: a FIFO nobody reads, standard output nobody reads',
    async () => {
      const { dir } = tempDir();
      spawnSync('mkfifo', [join(dir, 'pipe')]);
      // Holds the FIFO open for reading, and never reads.
      const holder = spawn('sh', ['-c', 'exec sleep 120 < pipe'], { cwd: dir, stdio: 'ignore' });
      try {
        for (const target of [['--out', 'pipe'], []]) {
          const child = spawn(process.execPath, [CLI, 'generate', '--count', COUNT, '--quiet', ...target], {
            cwd: dir,
            // Standard output is a pipe this test never reads from.
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          const done = exited(child);
          // Long enough to fill the pipe's buffer, whatever the machine's load: the writes are stuck by now.
          await sleep(3000);
          await interruptTwice(child, 'SIGINT');
          const stopped = await done;
          // Ended as the signal ends a process, since a thread stuck in the write would hold even an exit.
          expect(stopped.signal, stopped.stderr).toBe('SIGINT');
          // How many reached a file is known; what standard output took is not.
          const count = target.length > 0 ? '; [\\d,]+ dialogues written' : '';
          expect(stopped.stderr).toMatch(
            new RegExp(
              `interrupted \\(SIGINT\\)${count}\\. The output took nothing for 2 s \\(a pipe or FIFO nobody reads\\?\\)`,
            ),
          );
        }
      } finally {
        holder.kill('SIGKILL');
      }
    },
    60_000,
  );

  it.skipIf(!hasBuild)(
    'keeps a second run off an output being written, and lets a resume take over once the first was killed',
    async () => {
      const { dir } = tempDir();
      const out = join(dir, 'out.jsonl');
      const first = run(dir, '--workers', '1');
      const firstEnd = exited(first);
      await grown(out, 20_000, first);
      const second = await exited(run(dir, '--resume', '--workers', '1'));
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(
        new RegExp(
          `out\\.jsonl: Another icer run \\(process ${first.pid} on .+\\) is writing this output.*\\[OUTPUT_IN_USE\\]`,
        ),
      );
      first.kill('SIGKILL');
      await firstEnd;
      expect(existsSync(`${out}.icer-lock`)).toBe(true);
      // Its process is gone: the lock is taken over, and the run resumed to the bytes of one never interrupted.
      const resumed = await exited(run(dir, '--resume'));
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(whole);
      expect(readdirSync(dir).sort()).toEqual(['out.jsonl', 'out.jsonl.icer-run.json']);
    },
  );

  it('checks --out before it reads any data: an output refused is told before a profiles file is read', async () => {
    const { dir } = tempDir();
    writeFileSync(join(dir, 'taken.jsonl'), 'x\n');
    const refused = await cli(['generate', '--profiles', 'nowhere.jsonl', '--out', 'taken.jsonl'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/taken\.jsonl: It already holds 2 bytes of output/);
    mkdirSync(join(dir, 'folder'));
    const folder = await cli(['generate', '--profiles', 'nowhere.jsonl', '--out', 'folder'], dir);
    expect(folder.stderr).toMatch(/folder: It is a directory/);
    // With --resume the output is a run to continue, so the profiles are read: their error is the one told.
    const fine = await cli(['generate', '--profiles', 'nowhere.jsonl', '--out', 'taken.jsonl', '--resume'], dir);
    expect(fine.stderr).toMatch(/nowhere\.jsonl/);
  });

  it('keeps a run through a symlink off its target while another run writes the target', async () => {
    const { dir } = tempDir();
    expect((await cli(['generate', '--count', '5', '--quiet', '--out', 'target.jsonl'], dir)).code).toBe(0);
    symlinkSync('target.jsonl', join(dir, 'link.jsonl'));
    // A live run (this process) holds the target's lock.
    const holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    writeFileSync(join(dir, 'target.jsonl.icer-lock'), JSON.stringify(holder));
    const through = await cli(
      ['generate', '--count', '5', '--seed', '9', '--quiet', '--out', 'link.jsonl', '--force'],
      dir,
    );
    expect(through.code).toBe(1);
    expect(through.stderr).toMatch(/target\.jsonl: Another icer run \(process \d+ on .+\) is writing this output/);
    // A symlink to a file not made yet: the lock is still the target's.
    symlinkSync('later.jsonl', join(dir, 'dangling.jsonl'));
    writeFileSync(join(dir, 'later.jsonl.icer-lock'), JSON.stringify(holder));
    const dangling = await cli(['generate', '--count', '5', '--quiet', '--out', 'dangling.jsonl'], dir);
    expect(dangling.code).toBe(1);
    expect(dangling.stderr).toMatch(/later\.jsonl: Another icer run \(process \d+ on .+\) is writing this output/);
    expect(existsSync(join(dir, 'later.jsonl'))).toBe(false);
  });

  it('resumes a run through a symlink by its target and the other way round: its manifest is beside the file written', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--count', '40', '--seed', '3', '--quiet'];
    const whole40 = (await cli(args, dir)).stdout;
    const target = join(dir, 'target.jsonl');
    // Cut back as a kill leaves a run: 30 records, a torn line, and a manifest that counted them.
    const cut = (manifestName: string) => {
      writeFileSync(target, `${whole40.split('\n').slice(0, 30).join('\n')}\n{"id": "cut`);
      const manifest = JSON.parse(readFileSync(join(dir, manifestName), 'utf8'));
      const cutShort = { ...manifest, complete: false, nextIndex: 30, records: 30 };
      writeFileSync(join(dir, manifestName), JSON.stringify(cutShort));
    };
    symlinkSync('target.jsonl', join(dir, 'link.jsonl'));
    expect((await cli([...args, '--out', 'link.jsonl'], dir)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['link.jsonl', 'target.jsonl', 'target.jsonl.icer-run.json']);
    for (const name of ['target.jsonl', 'link.jsonl']) {
      cut('target.jsonl.icer-run.json');
      const resumed = await cli([...args, '--out', name, '--resume'], dir);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(readFileSync(target, 'utf8')).toBe(whole40);
    }
    // An older icer kept the manifest of a run through a symlink beside the link: it is still found there.
    renameSync(join(dir, 'target.jsonl.icer-run.json'), join(dir, 'link.jsonl.icer-run.json'));
    cut('link.jsonl.icer-run.json');
    const older = await cli([...args, '--out', 'link.jsonl', '--resume'], dir);
    expect(older.code, older.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(whole40);
    expect(readdirSync(dir).sort()).toEqual(['link.jsonl', 'link.jsonl.icer-run.json', 'target.jsonl']);
    // Such a manifest does not pin a new run there: --force starts one beside the target, resumable through it.
    expect((await cli([...args, '--out', 'link.jsonl', '--force'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'target.jsonl.icer-run.json'))).toBe(true);
    cut('target.jsonl.icer-run.json');
    expect((await cli([...args, '--out', 'target.jsonl', '--resume'], dir)).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(whole40);
  });

  it('resumes a run started through a chain of links to a file not made yet, through any name of the chain', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--count', '12', '--seed', '3', '--quiet'];
    const whole = (await cli(args, dir)).stdout;
    for (const folder of ['a', 'b', 'c']) mkdirSync(join(dir, folder));
    symlinkSync('../b/mid.jsonl', join(dir, 'a', 'link.jsonl'));
    symlinkSync('../c/final.jsonl', join(dir, 'b', 'mid.jsonl'));
    expect((await cli([...args, '--out', 'a/link.jsonl'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'c')).sort()).toEqual(['final.jsonl', 'final.jsonl.icer-run.json']);
    const manifestFile = join(dir, 'c', 'final.jsonl.icer-run.json');
    for (const name of ['a/link.jsonl', 'b/mid.jsonl', 'c/final.jsonl']) {
      writeFileSync(join(dir, 'c', 'final.jsonl'), `${whole.split('\n').slice(0, 5).join('\n')}\n`);
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, complete: false, nextIndex: 5, records: 5 }));
      const resumed = await cli([...args, '--out', name, '--resume'], dir);
      expect(resumed.code, `${name}: ${resumed.stderr}`).toBe(0);
      expect(readFileSync(join(dir, 'c', 'final.jsonl'), 'utf8')).toBe(whole);
    }
  });

  it.skipIf(!hasBuild)('removes the temporary manifest a run killed mid-write left, and no other file', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out.jsonl');
    const first = run(dir, '--workers', '1');
    const firstEnd = exited(first);
    await grown(out, 20_000, first);
    first.kill('SIGKILL');
    await firstEnd;
    // What a SIGKILL between writing the new manifest and renaming it into place leaves behind.
    writeFileSync(join(dir, '.out.jsonl.icer-run.json.0a1b2c3d.tmp'), '{"torn');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const resumed = await exited(run(dir, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'out.jsonl', 'out.jsonl.icer-run.json']);
  });

  it('drops a torn last line on --resume, and refuses a resume with other settings', async () => {
    const { dir } = tempDir();
    const head = whole.split('\n').slice(0, 40).join('\n');
    const first = await cli(['generate', '--count', '40', '--seed', '3', '--quiet', '--out', 'out.jsonl'], dir);
    expect(first.code).toBe(0);
    // A run of 40 resumed as a run of 2,500 is a different run.
    const other = await cli(
      ['generate', '--count', COUNT, '--seed', '3', '--quiet', '--out', 'out.jsonl', '--resume'],
      dir,
    );
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/settings differ from the one being resumed \(count: 40 then, 2500 now\)/);
    writeFileSync(join(dir, 'out.jsonl'), `${head}\n{"id": "cut`);
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    writeFileSync(
      join(dir, 'out.jsonl.icer-run.json'),
      JSON.stringify({ ...manifest, complete: false, nextIndex: 30, records: 30 }),
    );
    const resumed = await cli(
      ['generate', '--count', '40', '--seed', '3', '--quiet', '--out', 'out.jsonl', '--resume'],
      dir,
    );
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/dropped a last line cut short \(11 bytes\)/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(`${whole.split('\n').slice(0, 40).join('\n')}\n`);
    // A .gz output keeps the records of its unfinished gzip member in its block file: a member written on an
    // interruption is cut and packed again, a torn line of the block file dropped, and the file is the same bytes.
    const gzArgs = ['generate', '--count', '40', '--seed', '3', '--quiet', '--out', 'out.jsonl.gz'];
    expect((await cli(gzArgs, dir)).code).toBe(0);
    const gzWhole = digest(join(dir, 'out.jsonl.gz'));
    const gzManifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.gz.icer-run.json'), 'utf8'));
    const rows = whole.split('\n').slice(0, 40);
    writeFileSync(join(dir, 'out.jsonl.gz'), gzipSync(`${rows.slice(0, 30).join('\n')}\n`));
    writeFileSync(join(dir, 'out.jsonl.gz.icer-block'), `${rows.slice(0, 30).join('\n')}\n{"id": "cut`);
    const checkpoint = { complete: false, nextIndex: 25, records: 25, bytes: 0, packed: { records: 0, nextIndex: 0 } };
    writeFileSync(join(dir, 'out.jsonl.gz.icer-run.json'), JSON.stringify({ ...gzManifest, ...checkpoint }));
    const gz = await cli([...gzArgs, '--resume'], dir);
    expect(gz.code, gz.stderr).toBe(0);
    expect(gz.stderr).toBe('icer generate: dropped a last line cut short (11 bytes) from out.jsonl.gz.icer-block\n');
    expect(digest(join(dir, 'out.jsonl.gz'))).toBe(gzWhole);
    expect(existsSync(join(dir, 'out.jsonl.gz.icer-block'))).toBe(false);
    // A manifest of an older version counted every record in the members: whole records past them are made again.
    const checkpointed = gzipSync(`${rows.slice(0, 25).join('\n')}\n`);
    const after = gzipSync(`${rows.slice(25, 30).join('\n')}\n`);
    writeFileSync(join(dir, 'out.jsonl.gz'), Buffer.concat([checkpointed, after]));
    const { packed: _, ...older } = { ...gzManifest, ...checkpoint, bytes: checkpointed.length };
    writeFileSync(join(dir, 'out.jsonl.gz.icer-run.json'), JSON.stringify(older));
    const resumedOlder = await cli([...gzArgs, '--resume'], dir);
    expect(resumedOlder.code, resumedOlder.stderr).toBe(0);
    expect(resumedOlder.stderr).toBe(
      `icer generate: dropped what followed the last checkpoint of out.jsonl.gz (${after.length} bytes, at most its last second of records: they are made again)\n`,
    );
    expect(gunzipSync(readFileSync(join(dir, 'out.jsonl.gz'))).toString('utf8')).toBe(`${rows.join('\n')}\n`);
  });

  it('makes again what follows a record missing past the last checkpoint, never counting it as skipped', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--count', '40', '--seed', '3', '--quiet', '--out', 'out.jsonl'];
    expect((await cli(args, dir)).code).toBe(0);
    const rows = whole.split('\n').slice(0, 40);
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    // The manifest last written at index 20 (records reach the file first); the record of index 25 lost since.
    writeFileSync(join(dir, 'out.jsonl'), `${rows.slice(0, 30).toSpliced(25, 1).join('\n')}\n`);
    const checkpoint = { ...manifest, complete: false, nextIndex: 20, records: 20, skipped: 0 };
    writeFileSync(join(dir, 'out.jsonl.icer-run.json'), JSON.stringify(checkpoint));
    const resumed = await cli([...args, '--resume'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/dropped what followed the missing record of index 25 in out\.jsonl/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(`${rows.join('\n')}\n`);
    expect(JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'))).toMatchObject({
      records: 40,
      skipped: 0,
      complete: true,
    });
    // A manifest without its count of skipped profiles whose next index was raised by hand is refused too.
    writeFileSync(join(dir, 'out.jsonl'), `${rows.slice(0, 20).join('\n')}\n`);
    const { skipped: _, ...older } = { ...checkpoint, nextIndex: 30 };
    writeFileSync(join(dir, 'out.jsonl.icer-run.json'), JSON.stringify(older));
    const raised = await cli([...args, '--resume'], dir);
    expect(raised.code).toBe(1);
    expect(raised.stderr).toMatch(/next index \(30\) does not follow from the 20 records/);
  });

  it('makes again from a line a crash damaged past the last checkpoint, and refuses one before it', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--count', '40', '--seed', '3', '--quiet', '--out', 'out.jsonl'];
    expect((await cli(args, dir)).code).toBe(0);
    const rows = whole.split('\n').slice(0, 40);
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    const checkpoint = { ...manifest, complete: false, nextIndex: 20, records: 20, skipped: 0 };
    // A page of zeros where records 24 and 25 were, then records that did reach the disk: what a crash can leave.
    const zeros = (row: string) => '\0'.repeat(row.length);
    const damaged = (at: number) =>
      `${rows
        .slice(0, 30)
        .map((row, index) =>
          index === at ? zeros(row) : index === at + 1 ? `${zeros(row.slice(9))}${row.slice(-9)}` : row,
        )
        .join('\n')}\n`;
    writeFileSync(join(dir, 'out.jsonl'), damaged(24));
    writeFileSync(join(dir, 'out.jsonl.icer-run.json'), JSON.stringify(checkpoint));
    const resumed = await cli([...args, '--resume'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(
      /dropped line 25 of out\.jsonl, which is no record \(what a crash leaves\), and what followed it/,
    );
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(`${rows.join('\n')}\n`);
    // Before the checkpoint, records the manifest vouched for are no crash's to lose: the resume is refused.
    writeFileSync(join(dir, 'out.jsonl'), damaged(12));
    writeFileSync(join(dir, 'out.jsonl.icer-run.json'), JSON.stringify(checkpoint));
    const refused = await cli([...args, '--resume'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/out\.jsonl:13: This line of the output is not a dialogue record of the run/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(damaged(12));
  });

  it('resumes an output larger than any buffer (2 GiB), read as a stream: zeros a crash left past its end dropped', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--count', '40', '--seed', '3', '--quiet', '--out', 'out.jsonl'];
    expect((await cli(args, dir)).code).toBe(0);
    const rows = whole.split('\n').slice(0, 40);
    writeFileSync(join(dir, 'out.jsonl'), `${rows.slice(0, 30).join('\n')}\n`);
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    writeFileSync(
      join(dir, 'out.jsonl.icer-run.json'),
      JSON.stringify({ ...manifest, complete: false, nextIndex: 30, records: 30 }),
    );
    // Sparse: no disk is spent on the zeros.
    const size = 2 ** 31 + 2 ** 20;
    truncateSync(join(dir, 'out.jsonl'), size);
    const resumed = await cli([...args, '--resume'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/dropped a last line cut short \(\d+ bytes\)/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(`${rows.join('\n')}\n`);
  });

  it('resumes with the same settings written another way: a default given, a number with a leading zero', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--seed', '3', '--quiet', '--out', 'out.jsonl'];
    expect((await cli([...args, '--count', '40'], dir)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    writeFileSync(join(dir, 'out.jsonl'), `${whole.split('\n').slice(0, 25).join('\n')}\n`);
    writeFileSync(
      join(dir, 'out.jsonl.icer-run.json'),
      JSON.stringify({ ...manifest, complete: false, nextIndex: 25, records: 25 }),
    );
    const resumed = await cli(
      [...args, '--count', '040', '--resume', '--style', 'balanced', '--mode', 'turn', '--max-turns', '20'],
      dir,
    );
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(`${whole.split('\n').slice(0, 40).join('\n')}\n`);
    // No --seed is the default seed, 0, and a seed written as text stays another seed.
    expect((await cli(['generate', '--count', '5', '--quiet', '--out', 'zero.jsonl'], dir)).code).toBe(0);
    const again = ['generate', '--count', '5', '--quiet', '--out', 'zero.jsonl', '--resume'];
    expect((await cli([...again, '--seed', '0'], dir)).stderr).toMatch(/already complete \(5 dialogues\)/);
    expect((await cli([...again, '--seed', '+0'], dir)).stderr).toMatch(/seed: 0 then, "\+0" now/);
    // Ratings data: a scale flag written out at its default, or as another spelling of its number, is the same run.
    writeFileSync(join(dir, 'books.csv'), BOOKS);
    writeFileSync(join(dir, 'ratings.csv'), RATINGS);
    const data = ['generate', '--count', '5', '--quiet', '--out', 'data.jsonl', ...DATA_FLAGS];
    expect((await cli([...data, '--like-threshold', '8'], dir)).code).toBe(0);
    const same = await cli([...data, '--like-threshold', '8.0', '--dislike-threshold', '2', '--resume'], dir);
    expect(same.stderr).toMatch(/already complete \(5 dialogues\)/);
    const other = await cli([...data, '--like-threshold', '9', '--resume'], dir);
    expect(other.stderr).toMatch(/settings differ from the one being resumed \(like-threshold: 8 then, 9 now\)/);
    // The one shard of one is the whole run; what one run names and the other does not is said so, not as null.
    const zero = ['generate', '--count', '5', '--quiet', '--out', 'zero.jsonl', '--resume'];
    expect((await cli([...zero, '--shard', '0/1'], dir)).stderr).toMatch(/already complete \(5 dialogues\)/);
    expect((await cli([...zero, '--shard', '1/2'], dir)).stderr).toMatch(/shard: not given then, "1\/2" now/);
  });

  it('refuses to resume an output that holds fewer records than its manifest, and leaves it as it was', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--count', '40', '--seed', '3', '--quiet'];
    for (const out of ['out.jsonl', 'out.jsonl.gz']) {
      expect((await cli([...args, '--out', out], dir)).code).toBe(0);
      const file = join(dir, out);
      const cut = readFileSync(file).subarray(0, out.endsWith('.gz') ? 100 : 2000);
      writeFileSync(file, cut);
      const resumed = await cli([...args, '--out', out, '--resume'], dir);
      expect(resumed.code).toBe(1);
      expect(resumed.stderr).toMatch(/fewer than the \d+ its run manifest recorded: it was cut or changed since/);
      expect(resumed.stderr).toContain(out);
      expect(readFileSync(file).equals(cut)).toBe(true);
    }
  });

  it('refuses to resume over a line changed in the middle, or a .gz output beside a manifest of a plain one, losing nothing', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--count', '40', '--seed', '3', '--quiet'];
    expect((await cli([...args, '--out', 'out.jsonl'], dir)).code).toBe(0);
    const file = join(dir, 'out.jsonl');
    const rows = readFileSync(file, 'utf8').split('\n');
    for (const [at, row] of [
      [9, '{"garbage": true}'],
      [9, rows[8] as string],
    ] as const) {
      const changed = rows.with(at, row).join('\n');
      writeFileSync(file, changed);
      const resumed = await cli([...args, '--out', 'out.jsonl', '--resume'], dir);
      expect(resumed.code).toBe(1);
      expect(resumed.stderr).toContain(
        `out.jsonl:${at + 1}: This line of the output is not a dialogue record of the run`,
      );
      expect(readFileSync(file, 'utf8')).toBe(changed);
    }
    // A line deleted from the middle, with records past the manifest's checkpoint (a run killed after it wrote them)
    // making up the count: the manifest counted 30 records below index 30, the file now holds 29 there.
    const manifestFile = join(dir, 'out.jsonl.icer-run.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, complete: false, nextIndex: 30, records: 30 }));
    const holed = rows.toSpliced(12, 1).join('\n');
    writeFileSync(file, holed);
    const deleted = await cli([...args, '--out', 'out.jsonl', '--resume'], dir);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain('It holds 29 records below index 30, fewer than the 30 its run manifest recorded');
    expect(readFileSync(file, 'utf8')).toBe(holed);
    // A manifest's next index raised by hand past records it did not count, `skipped` left out as older versions did.
    writeFileSync(file, rows.join('\n'));
    const { skipped: _, ...unskipped } = manifest;
    writeFileSync(manifestFile, JSON.stringify({ ...unskipped, complete: false, nextIndex: 35, records: 30 }));
    const raised = await cli([...args, '--out', 'out.jsonl', '--resume'], dir);
    expect(raised.code).toBe(1);
    expect(raised.stderr).toContain('next index (35) does not follow from the 30 records and 0 skipped profiles');
    // Raised past the file's last record, it would leave a gap no line shows: the skipped count gives it away.
    const thirty = `${rows.slice(0, 30).join('\n')}\n`;
    writeFileSync(file, thirty);
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, complete: false, nextIndex: 35, records: 30 }));
    const gap = await cli([...args, '--out', 'out.jsonl', '--resume'], dir);
    expect(gap.code).toBe(1);
    expect(gap.stderr).toContain(
      "out.jsonl.icer-run.json: Its run manifest's next index (35) does not follow from the 30 records and 0 skipped profiles it counted from index 0",
    );
    expect(readFileSync(file, 'utf8')).toBe(thirty);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    // The plain output compressed, its manifest renamed beside it: the manifest records no size to cut it back to.
    writeFileSync(join(dir, 'out.jsonl.gz'), gzipSync(rows.join('\n')));
    writeFileSync(join(dir, 'out.jsonl.gz.icer-run.json'), readFileSync(join(dir, 'out.jsonl.icer-run.json')));
    const gz = await cli([...args, '--out', 'out.jsonl.gz', '--resume'], dir);
    expect(gz.code).toBe(1);
    expect(gz.stderr).toMatch(/out\.jsonl\.gz\.icer-run\.json: Its run manifest records no size/);
    expect(gunzipSync(readFileSync(join(dir, 'out.jsonl.gz'))).toString('utf8')).toBe(rows.join('\n'));
  });

  it('resumes only with the same input files, by their contents wherever they lie', async () => {
    const { dir } = tempDir();
    for (const [file, seed] of [
      ['a.jsonl', '1'],
      ['b.jsonl', '2'],
    ]) {
      const made = await cli(['profiles', '--count', '5', '--seed', seed as string, '--out', file as string], dir);
      expect(made.code, made.stderr).toBe(0);
    }
    const args = (profiles: string) => [
      'generate',
      '--profiles',
      profiles,
      '--quiet',
      '--out',
      'out.jsonl',
      '--resume',
    ];
    expect((await cli(args('a.jsonl'), dir)).code).toBe(0);
    const written = readFileSync(join(dir, 'out.jsonl'), 'utf8');
    // The same file under another path: the same run, already complete.
    const same = await cli(args('./a.jsonl'), dir);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toMatch(/already complete/);
    // Other profiles at the same path: another run.
    writeFileSync(join(dir, 'a.jsonl'), readFileSync(join(dir, 'b.jsonl')));
    const other = await cli(args('a.jsonl'), dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/settings differ .*profiles: "sha256:[0-9a-f]{16}" then, "sha256:[0-9a-f]{16}" now/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(written);
    // A MovieLens folder counts by the files read: a README beside them changes nothing, a rating does.
    mkdirSync(join(dir, 'ml'));
    writeFileSync(
      join(dir, 'ml', 'movies.csv'),
      'movieId,title,genres\n1,"Matrix, The (1999)",Sci-Fi|Action\n2,Heat (1995),Crime|Action\n3,Alien (1979),Horror\n',
    );
    writeFileSync(join(dir, 'ml', 'ratings.csv'), 'userId,movieId,rating\n7,1,5\n7,3,4.5\n7,2,1\n');
    const ml = ['generate', '--movielens', 'ml', '--count', '2', '--quiet', '--out', 'ml.jsonl', '--resume'];
    expect((await cli(ml, dir)).code).toBe(0);
    writeFileSync(join(dir, 'ml', 'README.txt'), 'Summary of the data\n');
    expect((await cli(ml, dir)).stderr).toMatch(/ml\.jsonl is already complete/);
    writeFileSync(join(dir, 'ml', 'ratings.csv'), 'userId,movieId,rating\n7,1,5\n7,3,4\n7,2,1\n');
    expect((await cli(ml, dir)).stderr).toMatch(/settings differ .*movielens: "sha256:/);
  });

  it('says what is wrong with a manifest changed by hand or unreadable, rather than "no manifest"', async () => {
    const { dir } = tempDir();
    const args = ['generate', '--count', '10', '--seed', '3', '--quiet', '--out', 'out.jsonl', '--resume'];
    expect((await cli(args, dir)).code).toBe(0);
    const path = join(dir, 'out.jsonl.icer-run.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...manifest, configHash: '0000000000000000' }));
    const edited = await cli(args, dir);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/settings differ .*\(its manifest's "configHash" does not match its "config"\)/);
    rmSync(path);
    mkdirSync(path);
    const folder = await cli(args, dir);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/out\.jsonl\.icer-run\.json: Expected a file but found a directory/);
    // A file no run wrote is named as itself, and the manifest it lacks by its name.
    writeFileSync(join(dir, 'notes.jsonl'), 'my notes\n');
    const notes = await cli(['generate', '--count', '3', '--out', 'notes.jsonl', '--resume'], dir);
    expect(notes.code).toBe(1);
    expect(notes.stderr).toMatch(/notes\.jsonl: It has no run manifest beside it \(notes\.jsonl\.icer-run\.json\)/);
    expect(readFileSync(join(dir, 'notes.jsonl'), 'utf8')).toBe('my notes\n');
  });

  it.runIf(existsSync('/dev/full'))('says what went wrong when a write fails, with no stack trace', async () => {
    const { dir } = tempDir();
    const full = await cli(['generate', '--count', '5', '--seed', '3', '--quiet', '--out', '/dev/full'], dir);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^icer generate: \/dev\/full: Writing to it failed: ENOSPC.*\[FILE_NOT_WRITABLE\]\n$/s);
    expect(full.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks --out before any work: an existing output, a directory, a read-only file, a FIFO, a symlink', async () => {
    const { dir, write } = tempDir();
    write('earlier.jsonl', 'earlier\n');
    const refused = await cli(['generate', '--count', '2', '--out', 'earlier.jsonl'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /earlier\.jsonl: It already holds 8 bytes of output\. Add --resume to continue that run, or --force/,
    );
    expect(readFileSync(join(dir, 'earlier.jsonl'), 'utf8')).toBe('earlier\n');

    mkdirSync(join(dir, 'folder'));
    const folder = await cli(['generate', '--count', '2', '--out', 'folder'], dir);
    expect(folder.stderr).toMatch(/folder: It is a directory\. Give --out a file name.*\[FILE_NOT_WRITABLE\]/);

    const missing = await cli(['generate', '--count', '2', '--out', 'no/such/dir/out.jsonl'], dir);
    expect(missing.stderr).toMatch(/out\.jsonl: Its folder does not exist\..*\[FILE_NOT_WRITABLE\]/);

    write('locked.jsonl', '');
    chmodSync(join(dir, 'locked.jsonl'), 0o444);
    if (process.getuid?.() !== 0) {
      const locked = await cli(['generate', '--count', '2', '--out', 'locked.jsonl'], dir);
      expect(locked.stderr).toMatch(/locked\.jsonl: It cannot be written \(permission denied\)/);
    }

    // A symlink is written through: the link stays a link, its target gets the records.
    symlinkSync('target.jsonl', join(dir, 'link.jsonl'));
    const linked = await cli(['generate', '--count', '3', '--quiet', '--out', 'link.jsonl'], dir);
    expect(linked.code).toBe(0);
    expect(lines(readFileSync(join(dir, 'target.jsonl'), 'utf8'))).toBe(3);
    expect(execFileSync('readlink', [join(dir, 'link.jsonl')], { encoding: 'utf8' }).trim()).toBe('target.jsonl');

    // A FIFO is written through, never replaced by a regular file.
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    const reader = spawn('cat', [join(dir, 'pipe')], { stdio: ['ignore', 'pipe', 'ignore'] });
    let piped = '';
    reader.stdout.on('data', (chunk: Buffer) => {
      piped += chunk.toString('utf8');
    });
    const read = new Promise((resolve) => reader.on('exit', resolve));
    const fifo = await cli(['generate', '--count', '3', '--quiet', '--out', 'pipe'], dir);
    await read;
    expect(fifo.code).toBe(0);
    expect(lines(piped)).toBe(3);
    expect(readdirSync(dir)).not.toContain('pipe.icer-run.json');
    const stat = spawnSync('stat', ['-c', '%F', join(dir, 'pipe')], { encoding: 'utf8' }).stdout.trim();
    expect(stat).toBe('fifo');
  });

  it.skipIf(!hasBuild || !existsSync('/dev/full'))(
    'says plainly when standard output cannot be written (a full disk), with no stack trace',
    () => {
      for (const args of [
        ['generate', '--count', '3'],
        ['profiles', '--count', '3'],
      ]) {
        const result = spawnSync(process.execPath, [CLI, ...args], {
          stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
          encoding: 'utf8',
        });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(
          /^icer.*: The output could not be written \(ENOSPC.*--out FILE\. \[FILE_NOT_WRITABLE\]\n$/,
        );
        expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
      }
    },
  );

  it('needs --out for --resume and --force, and takes only one of them', async () => {
    expect((await cli(['generate', '--resume'])).stderr).toMatch(
      /--resume and --force apply to an output file: add --out FILE/,
    );
    expect((await cli(['generate', '--out', 'x.jsonl', '--resume', '--force'])).stderr).toMatch(/give one/);
  });
});

describe('icer generate --shard and icer merge', () => {
  const shardArgs = (i: number, n: number, out: string) => [
    'generate',
    '--count',
    '50',
    '--seed',
    '3',
    '--quiet',
    '--shard',
    `${i}/${n}`,
    '--out',
    out,
  ];

  it('generates disjoint shards whose merge is byte for byte the one-machine run, manifest included', async () => {
    const { dir } = tempDir();
    const one = await cli(['generate', '--count', '50', '--seed', '3', '--quiet', '--out', 'one.jsonl'], dir);
    expect(one.code).toBe(0);
    for (let i = 0; i < 3; i++) expect((await cli(shardArgs(i, 3, `part-${i}.jsonl`), dir)).code).toBe(0);
    const sizes = [0, 1, 2].map((i) => lines(readFileSync(join(dir, `part-${i}.jsonl`), 'utf8')));
    expect(sizes).toEqual([16, 17, 17]);
    // Given in any order.
    const merged = await cli(['merge', 'part-2.jsonl', 'part-0.jsonl', 'part-1.jsonl', '--out', 'merged.jsonl'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toBe('icer merge: wrote merged.jsonl (50 dialogues from 3 shards)\n');
    expect(readFileSync(join(dir, 'merged.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'one.jsonl'), 'utf8'));
    expect(readFileSync(join(dir, 'merged.jsonl.icer-run.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'one.jsonl.icer-run.json'), 'utf8'),
    );
  });

  it('refuses a missing, duplicated, unfinished or foreign shard, and a bad --shard', async () => {
    const { dir } = tempDir();
    for (let i = 0; i < 2; i++) expect((await cli(shardArgs(i, 2, `p${i}.jsonl`), dir)).code).toBe(0);
    const missing = await cli(['merge', 'p0.jsonl', '--out', 'm.jsonl'], dir);
    expect(missing.stderr).toMatch(/Shard 1\/2 is missing/);
    const twice = await cli(['merge', 'p0.jsonl', 'p1.jsonl', 'p0.jsonl', '--out', 'm.jsonl'], dir);
    expect(twice.stderr).toMatch(/p0\.jsonl: It is given twice \(shard 0\/2\)\./);
    // A copy of a shard is named with the one it repeats.
    copyFileSync(join(dir, 'p0.jsonl'), join(dir, 'copy.jsonl'));
    copyFileSync(join(dir, 'p0.jsonl.icer-run.json'), join(dir, 'copy.jsonl.icer-run.json'));
    const repeated = await cli(['merge', 'p0.jsonl', 'p1.jsonl', 'copy.jsonl', '--out', 'm.jsonl'], dir);
    expect(repeated.stderr).toMatch(/copy\.jsonl: It is shard 0\/2 again \(so is .*p0\.jsonl\)/);
    const foreign = await cli(
      [...shardArgs(1, 2, 'q1.jsonl').slice(0, 4), '4', ...shardArgs(1, 2, 'q1.jsonl').slice(5)],
      dir,
    );
    expect(foreign.code).toBe(0);
    const mixed = await cli(['merge', 'p0.jsonl', 'q1.jsonl', '--out', 'm.jsonl'], dir);
    expect(mixed.stderr).toMatch(/q1\.jsonl: It is a shard of another run .*seed: 3 there, 4 here/);
    // Another run's records under this run's manifest (a shard copied over, its manifest left): the seeds tell.
    writeFileSync(join(dir, 'copied1.jsonl'), readFileSync(join(dir, 'q1.jsonl')));
    writeFileSync(join(dir, 'copied1.jsonl.icer-run.json'), readFileSync(join(dir, 'p1.jsonl.icer-run.json')));
    const copied = await cli(['merge', 'p0.jsonl', 'copied1.jsonl', '--out', 'm.jsonl'], dir);
    expect(copied.stderr).toContain(
      'copied1.jsonl:1: Line 1 is not the next record of shard 1/2 (indices 25–49, seeds 3:i)',
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'p1.jsonl.icer-run.json'), 'utf8'));
    writeFileSync(
      join(dir, 'p1.jsonl.icer-run.json'),
      JSON.stringify({ ...manifest, complete: false, nextIndex: 30, records: 5 }),
    );
    const unfinished = await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'm.jsonl'], dir);
    expect(unfinished.stderr).toMatch(
      /Shard 1\/2 is not finished \(it reached index 30 of 50\)\. Finish it with the same command and --resume/,
    );
    expect(readdirSync(dir)).not.toContain('m.jsonl');
    expect((await cli(shardArgs(2, 2, 'x.jsonl'), dir)).stderr).toMatch(/--shard takes i\/n with 0 ≤ i < n/);
  });

  it('checks every shard before writing: a bad line leaves a merged output as it was, and no shard is merged onto', async () => {
    const { dir } = tempDir();
    for (let i = 0; i < 2; i++) expect((await cli(shardArgs(i, 2, `p${i}.jsonl`), dir)).code).toBe(0);
    expect((await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'm.jsonl', '--quiet'], dir)).code).toBe(0);
    const merged = readFileSync(join(dir, 'm.jsonl'), 'utf8');
    const manifest = readFileSync(join(dir, 'm.jsonl.icer-run.json'), 'utf8');
    const rows = readFileSync(join(dir, 'p1.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 'bad1.jsonl'), rows.with(20, 'garbage').join('\n'));
    writeFileSync(join(dir, 'bad1.jsonl.icer-run.json'), readFileSync(join(dir, 'p1.jsonl.icer-run.json')));
    const bad = await cli(['merge', 'p0.jsonl', 'bad1.jsonl', '--out', 'm.jsonl', '--force'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad1.jsonl:21: Line 21 is not the next record of shard 1/2');
    expect(readFileSync(join(dir, 'm.jsonl'), 'utf8')).toBe(merged);
    expect(readFileSync(join(dir, 'm.jsonl.icer-run.json'), 'utf8')).toBe(manifest);
    const shard = readFileSync(join(dir, 'p0.jsonl'), 'utf8');
    const onto = await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'p0.jsonl', '--force'], dir);
    expect(onto.code).toBe(2);
    expect(onto.stderr).toMatch(/--out .*p0\.jsonl is also an input/);
    expect(readFileSync(join(dir, 'p0.jsonl'), 'utf8')).toBe(shard);
  });

  it('refuses a shard copied short or with a line lost, a manifest changed by hand, and a missing shard file', async () => {
    const { dir } = tempDir();
    for (let i = 0; i < 2; i++) expect((await cli(shardArgs(i, 2, `p${i}.jsonl`), dir)).code).toBe(0);
    const rows = readFileSync(join(dir, 'p1.jsonl'), 'utf8').split('\n');
    const manifest = readFileSync(join(dir, 'p1.jsonl.icer-run.json'), 'utf8');
    // Cut at a line boundary, as a copy stopped short is; and with one line gone from the middle.
    writeFileSync(join(dir, 'short1.jsonl'), `${rows.slice(0, 10).join('\n')}\n`);
    writeFileSync(join(dir, 'lost1.jsonl'), rows.toSpliced(5, 1).join('\n'));
    for (const name of ['short1', 'lost1']) {
      writeFileSync(join(dir, `${name}.jsonl.icer-run.json`), manifest);
      const merged = await cli(['merge', 'p0.jsonl', `${name}.jsonl`, '--out', `${name}-m.jsonl`], dir);
      expect(merged.code, merged.stderr).toBe(1);
      expect(merged.stderr).toMatch(
        new RegExp(`${name}\\.jsonl: It holds (10|24) records, but its run manifest counted 25: part of it is missing`),
      );
      expect(readdirSync(dir)).not.toContain(`${name}-m.jsonl`);
    }
    // A manifest whose next index was raised past what it counted.
    writeFileSync(join(dir, 'p1.jsonl.icer-run.json'), JSON.stringify({ ...JSON.parse(manifest), nextIndex: 49 }));
    const raised = await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'r.jsonl'], dir);
    expect(raised.stderr).toMatch(/next index \(49\) does not follow from the 25 records and 0 skipped profiles/);
    // A manifest whose shard was edited to stand for the whole run ("0/0" or "0/1").
    for (const shard of ['0/0', '0/1']) {
      const edited = JSON.parse(manifest);
      edited.config.shard = shard;
      writeFileSync(join(dir, 'p1.jsonl.icer-run.json'), JSON.stringify(edited));
      const merged = await cli(['merge', 'p1.jsonl', '--out', 'e.jsonl'], dir);
      expect(merged.code, merged.stderr).toBe(1);
      expect(merged.stderr).toMatch(shard === '0/0' ? /is not i\/n with i < n/ : /was changed by hand/);
    }
    writeFileSync(join(dir, 'p1.jsonl.icer-run.json'), manifest);
    // An output that exists is refused with what merge takes: --force, never --resume.
    writeFileSync(join(dir, 'taken.jsonl'), 'x\n');
    const taken = await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'taken.jsonl'], dir);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/taken\.jsonl: It already holds 2 bytes of output\. Add --force to replace it/);
    expect(taken.stderr).not.toMatch(/--resume/);
    // A shard file gone while its manifest stayed, merged onto an existing output: an error naming it, no stack trace.
    writeFileSync(join(dir, 'gone.jsonl.icer-run.json'), manifest);
    writeFileSync(join(dir, 'out.jsonl'), '');
    const gone = await cli(['merge', 'p0.jsonl', 'gone.jsonl', '--out', 'out.jsonl', '--force'], dir);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/gone\.jsonl: The file does not exist/);
    expect(gone.stderr).not.toMatch(/\n\s+at /);
  });

  it('merges shards named with spaces around them or leading zeros, as generate takes them', async () => {
    const { dir } = tempDir();
    const one = await cli(['generate', '--count', '50', '--seed', '3', '--quiet', '--out', 'one.jsonl'], dir);
    expect(one.code).toBe(0);
    const spaced = [' 0/2', '01/02 '];
    for (const [i, shard] of spaced.entries()) {
      const args = ['generate', '--count', '50', '--seed', '3', '--quiet', '--shard', shard, '--out', `p${i}.jsonl`];
      expect((await cli(args, dir)).code).toBe(0);
    }
    const merged = await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'm.jsonl', '--quiet'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(join(dir, 'm.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'one.jsonl'), 'utf8'));
    // A run without --shard is the one shard of one: it merges alone, and not with the halves of two.
    const whole = await cli(['merge', 'one.jsonl', '--out', 'w.jsonl', '--quiet'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    expect(readFileSync(join(dir, 'w.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'one.jsonl'), 'utf8'));
    const mixed = await cli(['merge', 'one.jsonl', 'p1.jsonl', '--out', 'x.jsonl'], dir);
    expect(mixed.stderr).toMatch(/p1\.jsonl: It is a shard of another run .*shards: 1 there, 2 here/);
  });

  it('writes a shard with no index of the run as gzip that merges, not an empty file', async () => {
    const { dir } = tempDir();
    const one = await cli(['generate', '--count', '3', '--seed', '3', '--quiet', '--out', 'one.jsonl'], dir);
    expect(one.code).toBe(0);
    const parts = [0, 1, 2, 3, 4].map((i) => `z${i}.jsonl.gz`);
    for (const [i, part] of parts.entries()) {
      const args = ['generate', '--count', '3', '--seed', '3', '--quiet', '--shard', `${i}/5`, '--out', part];
      const made = await cli(args, dir);
      expect(made.code).toBe(0);
      if (i === 0)
        expect(made.stderr).toBe(
          `icer generate: shard 0/5 of 3 dialogues has no index of the run; wrote ${part} with none.\n`,
        );
    }
    expect(gunzipSync(readFileSync(join(dir, 'z0.jsonl.gz'))).length).toBe(0);
    const merged = await cli(['merge', ...parts, '--out', 'all.jsonl', '--quiet'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(join(dir, 'all.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'one.jsonl'), 'utf8'));
  });
});
