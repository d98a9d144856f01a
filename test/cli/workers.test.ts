import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../../src/cli/default-workers.js';
import { compileOnOwnThreads } from '../../src/cli/thread-compiling.js';
import { cli } from '../helpers/cli-harness.js';

// Worker threads start the built worker script: these tests drive the built command line.
const CLI = join(process.cwd(), 'dist', 'cli.js');
const hasBuild = existsSync(CLI);
if (!hasBuild) console.warn(`[workers] process tests SKIPPED: ${CLI} is missing (npm run build)`);

const generate = (count: number, ...extra: string[]) =>
  execFileSync(process.execPath, [CLI, 'generate', '--count', String(count), '--seed', '11', '--quiet', ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });

describe('icer generate --workers', () => {
  it.skipIf(!hasBuild)('writes the same bytes on any number of threads, MovieLens users included', async () => {
    const one = generate(600, '--workers', '1');
    expect(one.split('\n').filter(Boolean)).toHaveLength(600);
    expect(generate(600, '--workers', '2')).toBe(one);
    expect(generate(600, '--workers', '3')).toBe(one);
    // The command run in this process (one thread, from the sources) agrees with the built threads.
    expect((await cli(['generate', '--count', '600', '--seed', '11', '--quiet'])).stdout).toBe(one);
    const movielens = join(process.cwd(), '..', 'shared', 'data', 'movielens-latest-small');
    if (!existsSync(movielens)) return console.warn(`[workers] MovieLens part SKIPPED: ${movielens} is absent`);
    // More dialogues than the data has users: each thread cycles through them from where its batch starts.
    const users = (workers: string) =>
      generate(700, '--movielens', movielens, '--workers', workers, '--max-turns', '8');
    expect(users('2')).toBe(users('1'));
  });

  it.skipIf(!hasBuild)(
    'reports a thread out of its capped heap as OUT_OF_MEMORY, with what to do, and no stack trace',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'icer-oom-'));
      try {
        const run = (heap: string) =>
          spawnSync(
            process.execPath,
            [
              CLI,
              'generate',
              '--count',
              '2000',
              '--seed',
              '11',
              '--quiet',
              '--workers',
              '2',
              '--out',
              join(dir, 'd.jsonl'),
            ],
            { encoding: 'utf8', env: { ...process.env, ICER_THREAD_HEAP_MB: heap } },
          );
        // 8 MB cannot even hold the run's plan.
        const starved = run('8');
        expect(starved.status).toBe(1);
        expect(starved.stderr).toMatch(/ran out of memory \(its heap is capped at 8 MB\)/);
        expect(starved.stderr).toMatch(/--workers 1 .*ICER_THREAD_HEAP_MB.*--resume/);
        expect(starved.stderr).toMatch(/\[OUT_OF_MEMORY\]/);
        expect(starved.stderr).not.toMatch(/\n\s+at /);
        // Nothing was written, and nothing is left behind.
        expect(readdirSync(dir)).toEqual([]);
        const bad = run('lots');
        expect(bad.status).toBe(2);
        expect(bad.stderr).toMatch(/ICER_THREAD_HEAP_MB must be a whole number of MB/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!hasBuild)(
    'compiles hot code on each thread, not in the background, when the threads fill the cores',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'icer-compiling-'));
      try {
        // V8 logs each optimising compile with its mode; the dialogues go to a file, so standard output is the log.
        const modes = (workers: number) => {
          const log = execFileSync(
            process.execPath,
            [
              ...['--trace-opt', CLI, 'generate', '--count', '300', '--seed', '11', '--quiet', '--force'],
              ...['--workers', String(workers), '--out', join(dir, 'd.jsonl')],
            ],
            { encoding: 'utf8', maxBuffer: 1 << 30 },
          );
          return {
            synchronous: log.match(/ConcurrencyMode::kSynchronous/g)?.length ?? 0,
            concurrent: log.match(/ConcurrencyMode::kConcurrent/g)?.length ?? 0,
          };
        };
        const filled = modes(Math.max(2, availableParallelism()));
        expect(filled.synchronous).toBeGreaterThan(50);
        // One thread, this process's own, keeps V8's background compiling.
        const single = modes(1);
        expect(single.synchronous).toBe(0);
        expect(single.concurrent).toBeGreaterThan(50);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('gives each thread of a run without --workers at least 2,000 dialogues, on at most every core', () => {
    expect(defaultWorkers(1999, 2)).toBe(1);
    expect(defaultWorkers(3999, 2)).toBe(1);
    expect(defaultWorkers(4000, 2)).toBe(2);
    expect(defaultWorkers(100_000, 2)).toBe(2);
    expect(defaultWorkers(10_000, 8)).toBe(5);
    expect(defaultWorkers(1, 8)).toBe(1);
  });

  it('leaves V8 compiling in the background while threads leave cores free', () => {
    expect(compileOnOwnThreads(1, 2)).toBe(false);
    expect(compileOnOwnThreads(3, 8)).toBe(false);
  });

  it('is refused where threads cannot help, and checked like every number', async () => {
    expect((await cli(['generate', '--workers', '0'])).stderr).toMatch(/--workers/);
    expect((await cli(['generate', '--workers', 'two'])).code).toBe(2);
    const unconstrained = await cli(['generate', '--unconstrained', '--workers', '2', '--model', 'x']);
    expect(unconstrained.stderr).toMatch(/--unconstrained has no simulator/);
  });
});
