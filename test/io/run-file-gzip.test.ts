import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GZIP_BLOCK_RECORDS, RunFile } from '../../src/io/run-file.js';
import { blockPath, manifestPath } from '../../src/io/run-side-paths.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const config = { count: 3000, seed: 's' };
const line = (index: number) => JSON.stringify({ seed: `s:${index}`, text: `record ${index} `.repeat(20) });
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Appends the records of indices [from, to), a checkpoint after each of `checkpoints`. */
async function write(run: RunFile, from: number, to: number, checkpoints: readonly number[] = []): Promise<void> {
  for (let index = from; index < to; index++) {
    await run.appendLine(index, line(index));
    if (checkpoints.includes(index)) await run.checkpoint({}, { force: true });
  }
}

describe('a .gz run output', () => {
  // A run "killed" here (its lock given up, nothing closed) loses what it had not written: no timer writes it later.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is cut into gzip members of fixed blocks, whatever the checkpoints and interruptions', async () => {
    const { dir } = tempDir();
    const whole = join(dir, 'whole.jsonl.gz');
    const straight = await RunFile.open(whole, { config });
    await write(straight, 0, 2500, [10, 700, 1500]);
    await straight.close({}, true);
    const lines = gunzipSync(readFileSync(whole)).toString('utf8').split('\n');
    expect(lines.length - 1).toBe(2500);

    const out = join(dir, 'out.jsonl.gz');
    // Killed (the lock given up, nothing closed) with a block's records in the block file only.
    const first = await RunFile.open(out, { config });
    await write(first, 0, GZIP_BLOCK_RECORDS - 5, [GZIP_BLOCK_RECORDS - 6]);
    first.release();
    expect(readFileSync(out).length).toBe(0);
    // Resumed, its block packed before any checkpoint, then records saved past it, and killed again.
    const second = await RunFile.open(out, { config, resume: true });
    expect(second.firstIndex).toBe(GZIP_BLOCK_RECORDS - 5);
    await write(second, GZIP_BLOCK_RECORDS - 5, GZIP_BLOCK_RECORDS + 20, [GZIP_BLOCK_RECORDS + 10]);
    second.release();
    // Interrupted: the member under way is written too, and the file holds every record made.
    const third = await RunFile.open(out, { config, resume: true });
    expect(third.firstIndex).toBe(GZIP_BLOCK_RECORDS + 11);
    expect(third.droppedBytes).toBe(0);
    await write(third, GZIP_BLOCK_RECORDS + 11, 1800);
    await third.close({}, false);
    expect(gunzipSync(readFileSync(out)).toString('utf8')).toBe(`${lines.slice(0, 1800).join('\n')}\n`);
    const last = await RunFile.open(out, { config, resume: true });
    expect(last.firstIndex).toBe(1800);
    await write(last, 1800, 2500, [2000]);
    await last.close({}, true);
    expect(digest(out)).toBe(digest(whole));
    expect(existsSync(blockPath(out))).toBe(false);
  });

  it('drops a block file whose block was packed before the crash, and a line of NULs a crash left past it', async () => {
    const { dir } = tempDir();
    const whole = join(dir, 'whole.jsonl.gz');
    const straight = await RunFile.open(whole, { config });
    await write(straight, 0, 1300);
    await straight.close({}, true);

    const out = join(dir, 'out.jsonl.gz');
    const first = await RunFile.open(out, { config });
    await write(first, 0, GZIP_BLOCK_RECORDS + 5, [GZIP_BLOCK_RECORDS - 10]);
    first.release();
    // Killed after the member and the manifest, before the block file was emptied: it still holds the packed block.
    writeFileSync(blockPath(out), Array.from({ length: GZIP_BLOCK_RECORDS - 9 }, (_, i) => `${line(i)}\n`).join(''));
    const second = await RunFile.open(out, { config, resume: true });
    expect(second.firstIndex).toBe(GZIP_BLOCK_RECORDS);
    expect(second.droppedBytes).toBe(0);
    await write(second, GZIP_BLOCK_RECORDS, GZIP_BLOCK_RECORDS + 100, [GZIP_BLOCK_RECORDS + 50]);
    second.release();
    // Past the checkpoint, a page of zeros and then a record that did reach the disk.
    appendFileSync(blockPath(out), `${'\0'.repeat(300)}\n${line(GZIP_BLOCK_RECORDS + 52)}\n`);
    const third = await RunFile.open(out, { config, resume: true });
    expect(third.firstIndex).toBe(GZIP_BLOCK_RECORDS + 51);
    expect(third.damagedLine).toBe(52);
    await write(third, GZIP_BLOCK_RECORDS + 51, 1300);
    await third.close({}, true);
    expect(digest(out)).toBe(digest(whole));
  });

  it('refuses a line past the checkpoint that is no record and no crash damage, leaving the block file as it was', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out.jsonl.gz');
    const first = await RunFile.open(out, { config });
    await write(first, 0, 20, [10]);
    first.release();
    appendFileSync(blockPath(out), 'a note\n');
    const block = readFileSync(blockPath(out), 'utf8');
    await expect(RunFile.open(out, { config, resume: true })).rejects.toThrow(
      /This line of the output is not a dialogue record of the run/,
    );
    expect(readFileSync(blockPath(out), 'utf8')).toBe(block);
  });

  it('refuses a manifest whose packed records were raised by hand', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'out.jsonl.gz');
    const first = await RunFile.open(out, { config });
    await write(first, 0, 20, [10]);
    first.release();
    const manifest = JSON.parse(readFileSync(manifestPath(out), 'utf8'));
    writeFileSync(manifestPath(out), JSON.stringify({ ...manifest, packed: { records: 50, nextIndex: 50 } }));
    await expect(RunFile.open(out, { config, resume: true })).rejects.toThrow(
      /"packed" \(50 records to index 50\) is more than it counted in all \(11 records to index 11\)/,
    );
  });
});
