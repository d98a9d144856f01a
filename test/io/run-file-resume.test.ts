import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordLineIndex } from '../../src/io/records-back.js';
import { RunFile } from '../../src/io/run-file.js';
import { blockPath } from '../../src/io/run-side-paths.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const config = { count: 500, seed: 's' };
const line = (seed: string, index: number) => JSON.stringify({ seed: `${seed}:${index}`, text: `record ${index}` });

/** Appends the records of indices [from, to) of the run of `seed`, a checkpoint after `checkpoint`. */
async function write(run: RunFile, seed: string, from: number, to: number, checkpoint?: number): Promise<void> {
  for (let index = from; index < to; index++) {
    await run.appendLine(index, line(seed, index));
    if (index === checkpoint) await run.checkpoint({}, { force: true });
  }
}

/** What every FileHandle writes through (Node exports no class to spy on): the disk's behaviour, made up. */
async function fileHandlePrototype(dir: string): Promise<FileHandle> {
  const probe = await open(join(dir, 'probe'), 'w');
  await probe.close();
  return Object.getPrototypeOf(probe) as FileHandle;
}

beforeEach(() => {
  // A run "killed" here (its lock given up, nothing closed) loses what it had not written: no timer writes it later.
  // The clock stands still too: records go out only when the test says, not when a slow disk lets 100 ms pass.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('resuming a run output', () => {
  it("refuses an output holding another run's records at the same indices, and leaves it as it was", async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out.jsonl');
    const first = await RunFile.open(out, { config, seed: 's' });
    await write(first, 's', 0, 40, 30);
    first.release();
    // Another run's output copied over this one, the manifest left beside it.
    const foreign = Array.from({ length: 40 }, (_, index) => `${line('s2', index)}\n`).join('');
    writeFileSync(out, foreign);
    await expect(RunFile.open(out, { config, seed: 's', resume: true })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      location: { file: out, line: 1 },
    });
    expect(readFileSync(out, 'utf8')).toBe(foreign);
    // A seed that JSON escapes is compared as records write it.
    const quoted = join(dir, 'quoted.jsonl');
    const odd = 'a "b":7';
    const run = await RunFile.open(quoted, { config, seed: odd });
    await write(run, odd, 0, 10, 5);
    run.release();
    const resumed = await RunFile.open(quoted, { config, seed: odd, resume: true });
    expect(resumed.firstIndex).toBe(6);
    resumed.release();
  });

  it('refuses to resume an output moved, emptied or deleted while its manifest counts records, keeping what is left', async () => {
    const { dir } = tempDir();
    for (const name of ['out.jsonl', 'out.jsonl.gz']) {
      const out = join(dir, name);
      // Before a .gz output's first member: all its records are in its block file.
      const first = await RunFile.open(out, { config, seed: 's' });
      await write(first, 's', 0, 40, 30);
      first.release();
      const block = name.endsWith('.gz') ? readFileSync(blockPath(out)) : undefined;
      const manifest = readFileSync(`${out}.icer-run.json`, 'utf8');
      // An empty .gz output with its block file is no loss: it has no member yet.
      const losses = [() => rmSync(out), ...(block ? [] : [() => writeFileSync(out, '')])];
      for (const lose of losses) {
        lose();
        const error = await RunFile.open(out, { config, seed: 's', resume: true }).catch((caught: unknown) => caught);
        expect(error, name).toMatchObject({ code: 'INVALID_ARGUMENT', location: { file: out } });
        expect((error as Error).message).toContain('its run manifest counted 31 records: it was moved, emptied or');
        await expect(RunFile.resumePoint(out, config, 0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        expect(readFileSync(`${out}.icer-run.json`, 'utf8'), name).toBe(manifest);
        if (block) expect(readFileSync(blockPath(out)).equals(block), name).toBe(true);
      }
      // Started over on purpose, it goes.
      const again = await RunFile.open(out, { config, seed: 's', force: true });
      await again.close({}, true);
    }
  });

  it("refuses a .gz output whose members are not the run's (another run's copied over it), leaving it as it was", async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out.jsonl.gz');
    const first = await RunFile.open(out, { config, seed: 's' });
    await write(first, 's', 0, 1300, 1250);
    first.release();
    // Another run's output, as long or longer, copied over it; its manifest left beside it.
    const other = join(dir, 'other.jsonl.gz');
    const foreign = await RunFile.open(other, { config, seed: 's2' });
    await write(foreign, 's2', 0, 1500);
    await foreign.close({}, true);
    writeFileSync(out, readFileSync(other));
    const error = await RunFile.open(out, { config, seed: 's', resume: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', location: { file: out } });
    expect((error as Error).message).toContain('Its compressed records are not those its run manifest counted');
    expect(readFileSync(out).equals(readFileSync(other))).toBe(true);
  });

  it('reads a record index only as plain digits after the run seed', () => {
    expect(recordLineIndex('{"seed":"s:12"}', 's')).toBe(12);
    expect(recordLineIndex('{"seed":"a:b:7"}', 'a:b')).toBe(7);
    expect(recordLineIndex('{"seed":"t:12"}', 's')).toBeUndefined();
    for (const seed of ['s:', 's:0x10', 's:1e1', 's: 5', 's:-1', '12'])
      expect(recordLineIndex(JSON.stringify({ seed }))).toBeUndefined();
  });

  it("names a .gz output's block file when it is missing, and what it held", async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out.jsonl.gz');
    const first = await RunFile.open(out, { config, seed: 's' });
    await write(first, 's', 0, 1300, 1250);
    first.release();
    rmSync(blockPath(out));
    const error = await RunFile.open(out, { config, seed: 's', resume: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', location: { file: blockPath(out) } });
    expect((error as Error).message).toContain(
      'It is not there, but its run manifest counted 251 records in it: it was moved or deleted since.',
    );
  });

  it('writes a record within moments though no other follows it (a model run waiting on its next dialogue)', async () => {
    const { dir } = tempDir();
    for (const name of ['out.jsonl', 'out.jsonl.gz']) {
      const out = join(dir, name);
      const run = await RunFile.open(out, { config, seed: 's' });
      await write(run, 's', 0, 3);
      // Nothing more comes: the records wait for the timer (the manifest was written just before them).
      const file = name.endsWith('.gz') ? blockPath(out) : out;
      const held = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);
      expect(held()).toBe(0);
      await vi.advanceTimersByTimeAsync(100);
      await vi.waitFor(() => expect(held()).toBe(3));
      // Killed now, the run resumes after them.
      run.release();
      const resumed = await RunFile.open(out, { config, seed: 's', resume: true });
      expect(resumed.firstIndex).toBe(3);
      await write(resumed, 's', 3, 5);
      await resumed.close({}, true);
    }
  });

  it('closes whole with the timer due while it closes: every record once, nothing written after', async () => {
    const { dir } = tempDir();
    const expected = Array.from({ length: 1300 }, (_, index) => `${line('s', index)}\n`).join('');
    for (const name of ['out.jsonl', 'out.jsonl.gz']) {
      const out = join(dir, name);
      const run = await RunFile.open(out, { config, seed: 's' });
      await write(run, 's', 0, 1300);
      // The last records armed the timer: it comes due while close is under way.
      const closing = run.close({}, true);
      await vi.advanceTimersByTimeAsync(100);
      await closing;
      const bytes = readFileSync(out);
      await vi.advanceTimersByTimeAsync(1000);
      expect(readFileSync(out).equals(bytes), name).toBe(true);
      expect((name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'), name).toBe(expected);
      expect(JSON.parse(readFileSync(`${out}.icer-run.json`, 'utf8')), name).toMatchObject({
        complete: true,
        records: 1300,
        nextIndex: 1300,
      });
      expect(existsSync(blockPath(out)), name).toBe(false);
    }
  });

  it('after a failed write, closes without counting what may be missing, gives up its lock, and resumes', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out.jsonl');
    const run = await RunFile.open(out, { config, seed: 's' });
    await write(run, 's', 0, 3, 2);
    const prototype = await fileHandlePrototype(dir);
    // The disk fills up.
    const full = vi
      .spyOn(prototype, 'write')
      .mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await write(run, 's', 3, 6);
    await expect(run.checkpoint({}, { force: true })).rejects.toMatchObject({ code: 'FILE_NOT_WRITABLE' });
    await expect(run.close({}, false)).rejects.toMatchObject({ code: 'FILE_NOT_WRITABLE' });
    full.mockRestore();
    // The manifest still says three records, as the file holds; the lock is free.
    const resumed = await RunFile.open(out, { config, seed: 's', resume: true });
    expect(resumed.firstIndex).toBe(3);
    await write(resumed, 's', 3, 6);
    await resumed.close({}, true);
    expect(readFileSync(out, 'utf8')).toBe(Array.from({ length: 6 }, (_, index) => `${line('s', index)}\n`).join(''));
  });

  it('writes all of a record when a write takes only part of what it is given', async () => {
    const { dir } = tempDir();
    const prototype = await fileHandlePrototype(dir);
    const writeSome = prototype.write as (
      buffer: Buffer,
      offset: number,
      length: number,
    ) => ReturnType<FileHandle['write']>;
    // As a disk filling up or a pipe does: at most 7 bytes a write.
    vi.spyOn(prototype, 'write').mockImplementation(function (this: FileHandle, buffer: unknown, offset?: unknown) {
      const bytes = buffer as Buffer;
      const at = (offset as number | undefined) ?? 0;
      return writeSome.call(this, bytes, at, Math.min(7, bytes.length - at));
    } as FileHandle['write']);
    for (const name of ['out.jsonl', 'out.jsonl.gz']) {
      const out = join(dir, name);
      const run = await RunFile.open(out, { config, seed: 's' });
      await write(run, 's', 0, 30, 12);
      await run.close({}, true);
      const bytes = readFileSync(out);
      const text = name.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      expect(text).toBe(Array.from({ length: 30 }, (_, index) => `${line('s', index)}\n`).join(''));
    }
  });
});
