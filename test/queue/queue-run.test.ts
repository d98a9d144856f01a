import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IcerError } from '../../src/errors.js';
import { queuedResults } from '../../src/queue/index.js';
import { VERSION } from '../../src/version.js';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { freePort, hasOpenssl, hasRedisServer, makeCertificate, startRedis, type TestRedis } from './redis-server.js';

// Workers die for real here (SIGKILL): the built command line in child processes, against a real redis-server.
const CLI = join(process.cwd(), 'dist', 'cli.js');
const hasBuild = existsSync(CLI);
const present = hasRedisServer();
if (!hasBuild) console.warn(`[queue] process tests SKIPPED: ${CLI} is missing (npm run build)`);
if (!present)
  console.warn('[queue] process tests SKIPPED: redis-server is not installed (apt-get install redis-server)');
const tempDir = useTempDir();
const RUN = ['generate', '--count', '1500', '--seed', '3', '--quiet'];
// A short lock, so that a killed worker's batch goes to another within seconds.
const LOCK = ['--lock-ms', '1000'];

// Both supported BullMQ majors: 6 is installed as `bullmq`, 5 as `bullmq-v5`. The child processes of a BullMQ 5 run
// load a module hook that resolves `bullmq` to it and says so on stderr, so a run cannot pass on 6 unnoticed.
const installed = (name: string) =>
  (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
const BULLMQ_5_HOOK = pathToFileURL(join(process.cwd(), 'test', 'helpers', 'bullmq-v5.mjs')).href;
const BULLMQ = [
  { major: 6, version: installed('bullmq'), node: [], firstDb: 1 },
  { major: 5, version: installed('bullmq-v5'), node: ['--import', BULLMQ_5_HOOK], firstDb: 5 },
];
/** The version the BullMQ 5 hook said `bullmq` resolved to in a child process; undefined where no hook ran. */
const hookedVersion = (child: Child) =>
  /^\[bullmq-v5 hook\] bullmq resolved to bullmq (\S+)$/m.exec(child.stderr())?.[1];

let redis: TestRedis;
let whole = '';
beforeAll(async () => {
  if (!hasBuild || !present) return;
  redis = await startRedis();
  whole = execFileSync(process.execPath, [CLI, ...RUN, '--workers', '1'], { encoding: 'utf8', maxBuffer: 1 << 30 });
}, 60_000);
afterAll(async () => {
  await redis?.stop();
});

interface Child {
  readonly process: ChildProcess;
  /** What it wrote on stderr so far. */
  stderr(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
function start(dir: string, args: string[], node: string[] = [], env: NodeJS.ProcessEnv = process.env): Child {
  const child = spawn(process.execPath, [...node, CLI, ...args], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, stderr: () => stderr, exited };
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(done: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
const size = (file: string) => (existsSync(file) ? readFileSync(file).length : 0);

describe.skipIf(!hasBuild || !present)('icer generate --queue with icer worker processes', () => {
  for (const { major, version, node, firstDb } of BULLMQ) {
    describe(`on BullMQ ${version}`, () => {
      const run = (dir: string, args: string[]) => start(dir, args, node);
      // The BullMQ each process ran: the producer's stamps the queue in Redis, and the hook names BullMQ 5 where it ran.
      const expectBullMQ = async (db: number, ...children: Child[]) => {
        expect(version.split('.')[0]).toBe(String(major));
        expect(await redis.queueVersion(db)).toBe(`bullmq:${version}`);
        const hooked = node.length > 0 ? version : undefined;
        for (const child of children) expect(hookedVersion(child), child.stderr()).toBe(hooked);
      };

      it('writes the one-machine bytes, every index once, when a worker is killed with SIGKILL mid-batch', async () => {
        const { dir } = tempDir();
        const url = redis.url(firstDb);
        const producer = run(dir, [...RUN, '--out', 'out.jsonl', '--queue', url]);
        // One worker on the main thread, one with two threads.
        const doomed = run(dir, ['worker', '--queue', url, '--concurrency', '1', ...LOCK]);
        const survivor = run(dir, ['worker', '--queue', url, '--concurrency', '2', ...LOCK]);
        // The line of a finished batch is written before its job is handed back: killed now, the worker holds it.
        await until(() => / in \d+\.\d s/.test(doomed.stderr()), "the first worker's first batch");
        doomed.process.kill('SIGKILL');
        expect((await doomed.exited).signal).toBe('SIGKILL');

        const done = await producer.exited;
        expect(done.code, producer.stderr()).toBe(0);
        const out = readFileSync(join(dir, 'out.jsonl'), 'utf8');
        expect(out).toBe(whole);
        const ids = out
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { id: string }).id);
        expect(ids).toEqual(Array.from({ length: 1500 }, (_, index) => `3-${index}`));
        // The killed worker's batch was done again by the other, once its lock expired.
        expect(survivor.stderr()).toMatch(/again, as the worker doing it stopped/);
        expect(JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'))).toMatchObject({
          complete: true,
          records: 1500,
        });

        survivor.process.kill('SIGTERM');
        const stopped = await survivor.exited;
        expect(stopped.code, survivor.stderr()).toBe(0);
        expect(survivor.stderr()).toMatch(/icer worker: stopped\n$/);
        await expectBullMQ(firstDb, producer, doomed, survivor);
        expect(await redis.leftJobs(firstDb)).toEqual({});
      }, 60_000);

      it('resumes a queue run whose producer was killed, then interrupted, into the same bytes', async () => {
        const { dir } = tempDir();
        const url = redis.url(firstDb + 1);
        const out = join(dir, 'out.jsonl');
        const worker = run(dir, ['worker', '--queue', url, '--concurrency', '1', ...LOCK]);
        try {
          // Killed once it has written something: the workers go on with the batches enqueued, kept for the resume.
          const killed = run(dir, [...RUN, '--out', 'out.jsonl', '--queue', url]);
          await until(() => size(out) > 0 || killed.process.exitCode !== null, 'the first records');
          killed.process.kill('SIGKILL');
          await killed.exited;
          // Interrupted: the batches no worker has started are taken off the queue; the ones under way are written.
          const interrupted = run(dir, [...RUN, '--out', 'out.jsonl', '--queue', url, '--resume']);
          const written = size(out);
          await until(() => size(out) > written || interrupted.process.exitCode !== null, 'more records');
          interrupted.process.kill('SIGINT');
          const stop = await interrupted.exited;
          if (stop.code !== 0) {
            expect(stop.code, interrupted.stderr()).toBe(130);
            expect(interrupted.stderr()).toMatch(/Resume with the same command and --resume/);
          }
          const last = run(dir, [...RUN, '--out', 'out.jsonl', '--queue', url, '--resume']);
          const end = await last.exited;
          expect(end.code, last.stderr()).toBe(0);
          expect(readFileSync(out, 'utf8')).toBe(whole);
          expect(readdirSync(dir).sort()).toEqual(['out.jsonl', 'out.jsonl.icer-run.json']);
          // Not the resumed producers: one may find the run complete and load no BullMQ at all.
          await expectBullMQ(firstDb + 1, worker, killed);
          expect(await redis.leftJobs(firstDb + 1)).toEqual({});
        } finally {
          worker.process.kill('SIGTERM');
          await worker.exited;
        }
      }, 60_000);
    });
  }

  it('says what it waits for when no worker answers, and goes on once one starts', async () => {
    const { dir } = tempDir();
    const url = redis.url(4);
    // A short run: the first 300 of the others' dialogues.
    const producer = start(dir, ['generate', '--count', '300', '--seed', '3', '--out', 'out.jsonl', '--queue', url]);
    let worker: Child | undefined;
    try {
      await until(() => /Waiting for workers/.test(producer.stderr()), 'the waiting notice', 30_000);
      expect(producer.stderr()).toContain('icer worker --queue URL (the same URL as here)');
      worker = start(dir, ['worker', '--queue', url, '--concurrency', '2', ...LOCK]);
      const done = await producer.exited;
      expect(done.code, producer.stderr()).toBe(0);
      expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(`${whole.split('\n').slice(0, 300).join('\n')}\n`);
      expect(producer.stderr().match(/Waiting for workers/g)).toHaveLength(1);
    } finally {
      producer.process.kill('SIGKILL');
      worker?.process.kill('SIGTERM');
      await worker?.exited;
    }
  }, 120_000);
});

describe.skipIf(!hasBuild || !present)('icer worker and a Redis that loses its jobs', () => {
  it('says once, in words, that a batch it made was not handed back, and the run still ends whole', async () => {
    const { dir } = tempDir();
    const url = redis.url(8);
    const worker = start(dir, ['worker', '--queue', url, '--concurrency', '1', ...LOCK]);
    try {
      const data = { version: VERSION, values: { count: '1500' }, cwd: dir, digests: {}, batch: 0, from: 0, to: 1500 };
      const collecting = (async () => {
        const got: string[] = [];
        for await (const { result } of queuedResults<typeof data, string>({
          url,
          runKey: 'flushed',
          batches: [{ batch: 0, data }],
          pollMs: 100,
        }))
          got.push(result);
        return got;
      })();
      // Emptied while the worker makes the batch, as a restart without persistence does.
      for (let tries = 0; (await redis.leftJobs(8)).active !== 1; tries++) {
        if (tries > 200) throw new Error('the batch never started');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      execFileSync('redis-cli', ['-p', new URL(url).port, '-n', '8', 'flushdb']);
      expect(await collecting).toHaveLength(1);
      // Said once, in words: not BullMQ's "Missing key" or "Missing lock", nor twice.
      expect(worker.stderr()).toMatch(/flushed-0 was not handed back: /);
      expect(worker.stderr().match(/was not handed back/g)).toHaveLength(1);
      expect(worker.stderr()).not.toMatch(/Missing (key|lock)|lock mismatch/i);
    } finally {
      worker.process.kill('SIGTERM');
      await worker.exited;
    }
  }, 60_000);
});

describe.skipIf(!hasBuild || !present)('icer worker refusals', () => {
  it('fails a batch of another icer version with a reason naming both, and keeps serving', async () => {
    const { dir } = tempDir();
    const url = redis.url(3);
    const worker = start(dir, ['worker', '--queue', url, '--concurrency', '1', ...LOCK]);
    try {
      const data = { version: '0.0.1', values: { count: '5' }, cwd: dir, batch: 0, from: 0, to: 5 };
      const failure = await (async () => {
        for await (const _ of queuedResults({ url, runKey: 'old', batches: [{ batch: 0, data }] })) return undefined;
      })().catch((error: unknown) => error);
      expect(IcerError.isInstance(failure) && failure.code).toBe('INVALID_ARGUMENT');
      expect((failure as Error).message).toContain(
        `Batch 0 (job old-0) failed on worker ${hostname()}:${worker.process.pid}: Batch 0 is of a run by icer 0.0.1, and this worker runs icer ${VERSION}`,
      );
      expect(worker.stderr()).toMatch(/batch 0 \(dialogues 0–4\) of old failed/);
      // A batch of a run started on other data than the worker has at that path: refused, the file named.
      writeFileSync(join(dir, 'p.jsonl'), '');
      const other = {
        ...data,
        version: VERSION,
        values: { count: '5', profiles: 'p.jsonl' },
        digests: { profiles: 'sha256:0123456789abcdef' },
      };
      const foreign = await (async () => {
        for await (const _ of queuedResults({ url, runKey: 'foreign', batches: [{ batch: 0, data: other }] }))
          return undefined;
      })().catch((error: unknown) => error);
      expect((foreign as Error).message).toContain(
        `p.jsonl here is not what the run was started with: its contents differ (sha256:e3b0c44298fc1c14 here, sha256:0123456789abcdef where the run started)`,
      );
      // The same worker goes on with batches of its own version.
      const good = await cli(['generate', '--count', '5', '--seed', '3', '--queue', url], dir);
      expect(good.code, good.stderr).toBe(0);
      expect(good.stdout).toBe(`${whole.split('\n').slice(0, 5).join('\n')}\n`);
    } finally {
      worker.process.kill('SIGTERM');
      await worker.exited;
    }
  });
});

describe.skipIf(!hasBuild || !present)('icer worker threads and ICER_THREAD_HEAP_MB', () => {
  it('caps each thread at it: a starved thread fails its batch as OUT_OF_MEMORY, saying what to do', async () => {
    const { dir } = tempDir();
    const url = redis.url(4);
    const starved = { ...process.env, ICER_THREAD_HEAP_MB: '8' };
    const worker = start(dir, ['worker', '--queue', url, '--concurrency', '2', ...LOCK], [], starved);
    try {
      const data = { version: VERSION, values: { count: '5' }, cwd: dir, batch: 0, from: 0, to: 5 };
      const failure = await (async () => {
        for await (const _ of queuedResults({ url, runKey: 'starved', batches: [{ batch: 0, data }] })) return;
      })().catch((error: unknown) => error);
      expect(IcerError.isInstance(failure) && failure.code).toBe('OUT_OF_MEMORY');
      expect((failure as Error).message).toContain('ran out of memory (its heap is capped at 8 MB)');
      expect(worker.stderr()).toMatch(/batch 0 \(dialogues 0–4\) of starved failed: .*capped at 8 MB/);
      expect(worker.stderr()).toMatch(/smaller --concurrency or a larger ICER_THREAD_HEAP_MB/);
      expect(worker.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      worker.process.kill('SIGTERM');
      await worker.exited;
    }
    // Checked before the worker starts: not a whole number of MB is a usage error.
    const bad = start(dir, ['worker', '--queue', url], [], { ...process.env, ICER_THREAD_HEAP_MB: 'lots' });
    expect((await bad.exited).code).toBe(2);
    expect(bad.stderr()).toMatch(/ICER_THREAD_HEAP_MB must be a whole number of MB/);
  });
});

describe.skipIf(!hasBuild || !present)('icer generate --queue and icer worker when Redis goes away', () => {
  it('stop on a second signal, saying how to resume, with what was written kept whole', async () => {
    const { dir } = tempDir();
    const own = await startRedis();
    const url = own.url(0);
    const producer = start(dir, [...RUN, '--out', 'out.jsonl', '--queue', url]);
    const worker = start(dir, ['worker', '--queue', url, '--concurrency', '1']);
    const out = join(dir, 'out.jsonl');
    await until(() => size(out) > 0, 'the first records');
    await own.stop();
    // Redis holds no answer now: the first signal's tidy-up would wait for it; the second ends the wait.
    for (const signal of ['SIGINT', 'SIGINT'] as const) {
      producer.process.kill(signal);
      await sleep(200);
    }
    for (const signal of ['SIGTERM', 'SIGTERM'] as const) {
      worker.process.kill(signal);
      await sleep(200);
    }
    const [stopped, workerStopped] = await Promise.all([producer.exited, worker.exited]);
    expect(stopped.code, producer.stderr()).toBe(130);
    expect(producer.stderr()).toMatch(
      /interrupted \(SIGINT\); [\d,]+ dialogues? written\. Resume with the same command and --resume/,
    );
    expect(workerStopped.code, worker.stderr()).toBe(143);
    expect(worker.stderr()).toMatch(/stopped; the batches under way go to other workers/);
    // Whole records, the run's own from its first index.
    const written = readFileSync(out, 'utf8');
    expect(written.length).toBeGreaterThan(0);
    expect(whole.startsWith(written)).toBe(true);
  }, 60_000);
});

describe.skipIf(!hasBuild || !present || !hasOpenssl())('icer generate --queue over TLS (rediss://)', () => {
  it('writes the one-machine bytes through a Redis that takes only TLS, its certificate trusted with NODE_EXTRA_CA_CERTS', async () => {
    const { dir } = tempDir();
    const certificate = makeCertificate(dir);
    const own = await startRedis(certificate);
    const url = own.url(0);
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: certificate.cert };
    const producer = start(dir, [...RUN, '--out', 'out.jsonl', '--queue', url], [], env);
    const worker = start(dir, ['worker', '--queue', url, '--concurrency', '2'], [], env);
    try {
      const done = await producer.exited;
      expect(done.code, producer.stderr()).toBe(0);
      expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(whole);
      expect(await own.leftJobs(0)).toEqual({});
      // Without the certificate authority, the worker says what to do, before any work.
      const untrusted = await cli(['worker', '--queue', url], dir);
      expect(untrusted.code).toBe(1);
      expect(untrusted.stderr).toContain('its TLS certificate is not trusted');
      expect(untrusted.stderr).toContain('NODE_EXTRA_CA_CERTS=');
    } finally {
      producer.process.kill('SIGKILL');
      worker.process.kill('SIGTERM');
      await worker.exited;
      await own.stop();
    }
    // A Redis on its TLS defaults asks clients for a certificate, which icer has none of: told, with what to do.
    const strict = await startRedis({ ...certificate, clientCertificates: true });
    try {
      const refused = start(dir, ['worker', '--queue', strict.url(0)], [], env);
      expect((await refused.exited).code).toBe(1);
      expect(refused.stderr()).toMatch(/it asks for a client certificate: .*--tls-auth-clients no/);
    } finally {
      await strict.stop();
    }
  }, 60_000);
});

describe.skipIf(!hasBuild || !present)('icer generate --queue waiting on nothing', () => {
  it('says when the workers have stopped, and then when Redis has, once each', async () => {
    const { dir } = tempDir();
    const own = await startRedis();
    const url = own.url(0);
    // More than the worker will make before it is killed.
    const producer = start(dir, ['generate', '--count', '20000', '--seed', '3', '--out', 'out.jsonl', '--queue', url]);
    const worker = start(dir, ['worker', '--queue', url, '--concurrency', '1']);
    try {
      await until(() => size(join(dir, 'out.jsonl')) > 0, 'the first records');
      worker.process.kill('SIGKILL');
      await until(() => /have the workers stopped\?/.test(producer.stderr()), 'the notice of no worker', 20_000);
      expect(producer.stderr()).toContain(`nothing has come back from ${url} for 10 s (have the workers stopped?)`);
      expect(producer.stderr()).not.toMatch(/Waiting for workers: nothing has come back .* yet/);
      await own.stop();
      await until(() => /Waiting for Redis/.test(producer.stderr()), 'the notice of no Redis', 20_000);
      expect(producer.stderr()).toMatch(
        /Waiting for Redis: Cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0 \(connection refused\)\. The run ends with an error if it stays silent; resume it then with --resume\./,
      );
      expect(producer.stderr().match(/Waiting for/g)).toHaveLength(2);
    } finally {
      producer.process.kill('SIGKILL');
      await Promise.all([producer.exited, worker.exited]);
      await own.stop();
    }
  }, 60_000);
});

describe('icer generate --queue and icer worker: errors', () => {
  it('names a Redis that cannot be reached before any file is written, without a stack trace', async () => {
    const { dir } = tempDir();
    const url = `redis://127.0.0.1:${await freePort()}`;
    for (const args of [
      ['generate', '--count', '5', '--out', 'out.jsonl', '--queue', url],
      ['worker', '--queue', url],
    ]) {
      const result = await cli(args, dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Cannot reach Redis at ${url} (connection refused). Start redis-server there`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses --queue where it makes no sense, and a worker without a queue', async () => {
    const queue = ['--queue', 'redis://127.0.0.1:6379'];
    expect((await cli(['generate', ...queue, '--model', 'openai:gpt-4o-mini'])).stderr).toMatch(/a model run stays/);
    expect((await cli(['generate', ...queue, '--unconstrained'])).code).toBe(2);
    expect((await cli(['generate', ...queue, '--workers', '2'])).stderr).toMatch(/icer worker processes generate/);
    // A URL that is no Redis URL is a malformed value: a usage error, for either command.
    for (const command of ['generate', 'worker']) {
      const malformed = await cli([command, '--queue', 'http://example.com']);
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toMatch(
        /--queue: Not a redis:\/\/ or rediss:\/\/ URL: http:\/\/example\.com\/?\. Give the queue/,
      );
    }
    const worker = await cli(['worker']);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/--queue redis:\/\/HOST:PORT/);
  });
});
