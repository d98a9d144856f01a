import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

// The second shard is rewritten (a run on it with --force) between the merge's reading it through and its writing:
// its second reading finds only the first records of the new run.
vi.mock('../../src/io/json-lines-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/io/json-lines-file.js')>();
  const reads = new Map<string, number>();
  return {
    ...actual,
    readJsonLines: async function* (...args: Parameters<typeof actual.readJsonLines>) {
      const [file] = args;
      const read = (reads.get(String(file)) ?? 0) + 1;
      reads.set(String(file), read);
      let lines = 0;
      for await (const line of actual.readJsonLines(...args)) {
        if (read === 2 && String(file).endsWith('p1.jsonl') && lines++ >= 5) return;
        yield line;
      }
    },
  };
});

describe('icer merge of a shard changed during the merge', () => {
  it('fails naming the shard, rather than counting its missing records as skipped profiles', async () => {
    const { dir } = tempDir();
    const run = ['generate', '--count', '40', '--seed', '4', '--quiet'];
    for (const shard of ['0/2', '1/2'])
      expect((await cli([...run, '--shard', shard, '--out', `p${shard[0]}.jsonl`], dir)).code).toBe(0);
    const merged = await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'm.jsonl'], dir);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain(
      'It held 20 records when the merge began, and 5 as it was merged: it was changed during the merge.',
    );
    expect(merged.stderr).toContain('merge again with --force (m.jsonl holds part of the merge)');
    // Merged again once it is whole: the one-machine run.
    expect((await cli(['merge', 'p0.jsonl', 'p1.jsonl', '--out', 'm.jsonl', '--force'], dir)).code).toBe(0);
    expect((await cli([...run, '--out', 'whole.jsonl'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'm.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'whole.jsonl'), 'utf8'));
  });
});
