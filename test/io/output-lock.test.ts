import { spawnSync } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lockPath, OutputLock } from '../../src/io/output-lock.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

// Removing a file takes a while, unevenly, as on a busy disk: what lets two runs that found a lock stale both remove
// it, the later one the lock the earlier had just made.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  let calls = 0;
  return {
    ...actual,
    rm: async (...args: Parameters<typeof actual.rm>) => {
      await new Promise((resolve) => setTimeout(resolve, (calls++ % 4) * 10));
      return actual.rm(...args);
    },
  };
});

/** The pid of a process that has ended: a lock naming it on this machine is stale. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid as number;

/** Tries to take the lock `times` times at once: how many got it, and the codes of the refusals. */
async function race(file: string, times: number) {
  const results = await Promise.allSettled(Array.from({ length: times }, () => OutputLock.acquire(file)));
  const held = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const refused = results.flatMap((result) =>
    result.status === 'rejected' ? [(result.reason as { code?: string }).code] : [],
  );
  for (const lock of held) lock.release();
  return { held: held.length, refused };
}

describe('OutputLock', () => {
  it('is taken over by one run only when runs find the lock of a killed run at once', async () => {
    const { dir } = tempDir();
    for (let round = 0; round < 10; round++) {
      const file = join(dir, `out-${round}.jsonl`);
      writeFileSync(lockPath(file), JSON.stringify({ pid: deadPid(), host: hostname(), since: 'then' }));
      const { held, refused } = await race(file, 6);
      expect(held, `round ${round}`).toBe(1);
      expect(refused).toEqual(Array(5).fill('OUTPUT_IN_USE'));
    }
  });

  it('takes over an empty lock left by a run killed as it made it, once it is a few seconds old', async () => {
    const { dir } = tempDir();
    const file = join(dir, 'out.jsonl');
    writeFileSync(lockPath(file), '');
    // Just made: the run that made it is writing who it is.
    await expect(OutputLock.acquire(file)).rejects.toMatchObject({ code: 'OUTPUT_IN_USE' });
    const then = new Date(Date.now() - 10_000);
    utimesSync(lockPath(file), then, then);
    const lock = await OutputLock.acquire(file);
    lock.release();
  });

  it('refuses while the run that holds it lives, naming it', async () => {
    const { dir } = tempDir();
    const file = join(dir, 'out.jsonl');
    const lock = await OutputLock.acquire(file);
    try {
      const error = (await OutputLock.acquire(file).then(
        () => undefined,
        (caught: unknown) => caught,
      )) as Error;
      expect(error).toMatchObject({ code: 'OUTPUT_IN_USE' });
      expect(error.message).toContain(`(process ${process.pid} on ${hostname()})`);
    } finally {
      lock.release();
    }
  });
});
