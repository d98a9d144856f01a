import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IcerError } from '../../src/errors.js';
import { type QueueWorker, queuedResults, reachRedis, startQueueWorker } from '../../src/queue/index.js';
import { freePort, hasOpenssl, hasRedisServer, makeCertificate, startRedis, type TestRedis } from './redis-server.js';

const present = hasRedisServer();
if (!present) console.warn('[queue] Redis tests SKIPPED: redis-server is not installed (apt-get install redis-server)');

let redis: TestRedis;
beforeAll(async () => {
  if (present) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const batches = (count: number) => Array.from({ length: count }, (_, batch) => ({ batch, data: { n: batch } }));

/** The jobs left in the queue of `url` (a database of the test's redis-server), by state. */
const leftJobs = (url: string) => redis.leftJobs(Number(url.split('/').at(-1)));

async function collect<T>(results: AsyncIterable<{ batch: number; result: T }>): Promise<Array<[number, T]>> {
  const got: Array<[number, T]> = [];
  for await (const { batch, result } of results) got.push([batch, result]);
  return got;
}

async function withWorker<T>(
  url: string,
  handler: (data: { n: number }) => Promise<unknown>,
  work: () => Promise<T>,
  concurrency = 4,
): Promise<T> {
  const worker: QueueWorker = await startQueueWorker<{ n: number }, unknown>({ url, concurrency }, handler);
  try {
    return await work();
  } finally {
    await worker.close();
  }
}

describe.skipIf(!present)('queuedResults and startQueueWorker on a real redis-server', () => {
  it('yields results in batch order whatever order the workers finish in, and leaves no job behind', async () => {
    const url = redis.url(1);
    // Later batches finish first.
    const got = await withWorker(
      url,
      async ({ n }) => {
        await sleep((12 - n) * 5);
        return { tenfold: n * 10 };
      },
      () => collect(queuedResults({ url, runKey: 'order', batches: batches(12), window: 5 })),
    );
    expect(got).toEqual(Array.from({ length: 12 }, (_, n) => [n, { tenfold: n * 10 }]));
    expect(await leftJobs(url)).toEqual({});
  });

  it('does each batch once across a stopped run and its resumption', async () => {
    const url = redis.url(2);
    const done = new Map<number, number>();
    const handler = async ({ n }: { n: number }) => {
      await sleep(10);
      done.set(n, (done.get(n) ?? 0) + 1);
      return n;
    };
    const first = await withWorker(url, handler, async () => {
      const got: number[] = [];
      // The consumer leaves after three results: batches under way finish and stay for the resumed run.
      for await (const { result } of queuedResults<{ n: number }, number>({
        url,
        runKey: 'resume',
        batches: batches(20),
        window: 8,
      })) {
        got.push(result);
        if (got.length === 3) break;
      }
      return got;
    });
    expect(first).toEqual([0, 1, 2]);
    const rest = await withWorker(url, handler, () =>
      collect(queuedResults({ url, runKey: 'resume', batches: batches(20).slice(3) })),
    );
    expect(rest.map(([batch]) => batch)).toEqual(Array.from({ length: 17 }, (_, n) => n + 3));
    expect([...done.values()].every((times) => times === 1)).toBe(true);
    expect(done.size).toBe(20);
    expect(await leftJobs(url)).toEqual({});
  });

  it("fails the run with a failed job's error, its code kept, and enqueues that job anew when run again", async () => {
    const url = redis.url(3);
    let broken = true;
    const handler = async ({ n }: { n: number }) => {
      if (n === 1 && broken) throw new IcerError('INVALID_PROFILE', 'Batch one is broken.');
      return n;
    };
    const failure = await withWorker(url, handler, () =>
      collect(queuedResults({ url, runKey: 'fail', batches: batches(3) })).catch((error: unknown) => error),
    );
    expect(IcerError.isInstance(failure) && failure.code).toBe('INVALID_PROFILE');
    // Named with the worker it failed on: this machine's name and this process.
    expect((failure as Error).message).toContain(
      `Batch 1 (job fail-1) failed on worker ${hostname()}:${process.pid}: Batch one is broken.`,
    );
    broken = false;
    const again = await withWorker(url, handler, () =>
      collect(queuedResults({ url, runKey: 'fail', batches: batches(3).slice(1) })),
    );
    expect(again).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(await leftJobs(url)).toEqual({});
  });

  it('enqueues again at once every job a Redis restarted without persistence lost, not one at a time', async () => {
    const url = redis.url(5);
    const results = queuedResults<{ n: number }, number>({ url, runKey: 'lost', batches: batches(6), pollMs: 50 });
    const collecting = collect(results);
    const waiting = async (count: number) => {
      for (let tries = 0; (await leftJobs(url)).waiting !== count; tries++) {
        if (tries > 100) throw new Error(`never ${count} jobs waiting: ${JSON.stringify(await leftJobs(url))}`);
        await sleep(20);
      }
    };
    // No worker yet: the six wait. Then Redis loses them all, as a restart without persistence does.
    await waiting(6);
    const { port } = new URL(url);
    execFileSync('redis-cli', ['-p', port, '-n', '5', 'flushdb']);
    // The producer, finding the first gone, puts back all six before any worker comes.
    await waiting(6);
    const got = await withWorker(
      url,
      async ({ n }) => n,
      () => collecting,
    );
    expect(got).toEqual(Array.from({ length: 6 }, (_, n) => [n, n]));
  });

  it('on stop, takes the batches no worker has started off the queue; on abort, throws ABORTED', async () => {
    const url = redis.url(4);
    // No worker: nothing is ever started.
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    expect(await collect(queuedResults({ url, runKey: 'stop', batches: batches(5), stop: stop.signal }))).toEqual([]);
    expect(await leftJobs(url)).toEqual({});
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    const aborted = await collect(
      queuedResults({ url, runKey: 'abort', batches: batches(5), signal: abort.signal }),
    ).catch((error: unknown) => error);
    expect(IcerError.isInstance(aborted) && aborted.code).toBe('ABORTED');
    expect(await leftJobs(url)).toEqual({});
  });
});

describe.skipIf(!present)('a Redis that goes away mid-run', () => {
  it('fails the run as QUEUE_UNREACHABLE after offlineMs, or at once on abort, and a worker still closes', async () => {
    // A server of the test's own, killed under the run.
    const own = await startRedis();
    const url = own.url(0);
    const worker = await startQueueWorker<{ n: number }, number>({ url, offlineMs: 1000 }, async ({ n }) => {
      await sleep(100);
      return n;
    });
    const abort = new AbortController();
    const results = queuedResults<{ n: number }, number>({
      url,
      runKey: 'gone',
      batches: batches(50),
      offlineMs: 1000,
    });
    const aborted = queuedResults<{ n: number }, number>({
      url,
      runKey: 'gone-abort',
      batches: batches(50),
      signal: abort.signal,
      // Longer than the test may take: only the abort can end it.
      offlineMs: 600_000,
    });
    const got: number[] = [];
    const run = (async () => {
      for await (const { result } of results) {
        got.push(result);
        if (got.length === 2) await own.stop();
      }
    })().catch((error: unknown) => error);
    const abortedRun = collect(aborted).catch((error: unknown) => error);
    const failure = await run;
    expect(got).toEqual([0, 1]);
    expect(IcerError.isInstance(failure) && failure.code, String(failure)).toBe('QUEUE_UNREACHABLE');
    expect((failure as Error).message).toMatch(
      /^Redis at redis:\/\/127\.0\.0\.1:\d+\/0 stopped answering \(nothing for 1000 ms\)\./,
    );
    abort.abort();
    const abortFailure = await abortedRun;
    expect(IcerError.isInstance(abortFailure) && abortFailure.code, String(abortFailure)).toBe('ABORTED');
    // Closing waits offlineMs at most for a batch under way, which cannot be handed back.
    await worker.close();
  }, 30_000);
});

describe.skipIf(!present)('a worker, as BullMQ and Redis see it', () => {
  it('is listed by its name, the host and process id by default; a name with spaces is refused', async () => {
    const url = redis.url(7);
    await withWorker(
      url,
      async () => 0,
      async () => expect(await redis.workers(7)).toContain(`${hostname()}:${process.pid}`),
    );
    const spaced = await startQueueWorker({ url, name: 'node 7' }, async () => 0).catch((error: unknown) => error);
    expect(IcerError.isInstance(spaced) && spaced.code).toBe('INVALID_ARGUMENT');
    expect((spaced as Error).message).toContain('without spaces');
  });
});

describe('queue errors', () => {
  it('names a Redis URL that cannot be reached, and says what to do', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const failure = await collect(queuedResults({ url, runKey: 'x', batches: batches(1) })).catch((e: unknown) => e);
    expect(IcerError.isInstance(failure) && failure.code).toBe('QUEUE_UNREACHABLE');
    expect((failure as Error).message).toContain(`Cannot reach Redis at ${url} (connection refused)`);
    expect((failure as Error).message).toMatch(/Start redis-server/);
    const worker = await startQueueWorker(
      { url: `redis://me:secret@127.0.0.1:${new URL(url).port}` },
      async () => 0,
    ).catch((e: unknown) => e);
    expect((worker as Error).message).toContain(`redis://me:***@127.0.0.1:${new URL(url).port}`);
    expect((worker as Error).message).not.toContain('secret');
  });

  it('names a server that accepts connections but is no Redis, or refuses the database, instead of waiting for ever', async () => {
    const failure = (url: string, timeoutMs?: number) =>
      reachRedis(url, timeoutMs).then(
        () => undefined,
        (error: unknown) => error as IcerError,
      );
    const silent = createServer(() => undefined);
    const http = createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    // A port-forward with nothing behind it: it takes the connection, reads, and closes it without a word.
    const closing = createServer((socket) => socket.once('data', () => socket.end()));
    // Redis as it answers a client from another machine when it has no password and protected mode is on.
    const protectedMode = createServer((socket) =>
      socket.once('data', () =>
        socket.end('-DENIED Redis is running in protected mode because protected mode is enabled\r\n'),
      ),
    );
    const listen = (server: Server) =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
      );
    try {
      const quiet = await failure(`redis://127.0.0.1:${await listen(silent)}`, 300);
      expect(quiet?.code).toBe('QUEUE_UNREACHABLE');
      expect(quiet?.message).toMatch(/\(no answer in 300 ms\)/);
      const web = await failure(`redis://127.0.0.1:${await listen(http)}`);
      expect(web?.code).toBe('QUEUE_UNREACHABLE');
      expect(web?.message).toMatch(/\(what answers there is not Redis\)\. Give the host and port of a Redis server/);
      const closed = await failure(`redis://127.0.0.1:${await listen(closing)}`);
      expect(closed?.code).toBe('QUEUE_UNREACHABLE');
      expect(closed?.message).toMatch(
        /\(the connection was closed without an answer\)\. Give the host and port of a Redis server itself/,
      );
      const denied = await failure(`redis://127.0.0.1:${await listen(protectedMode)}`);
      expect(denied?.message).toMatch(/it refused PING: DENIED Redis is running in protected mode/);
      expect(denied?.hint).toMatch(
        /start it with --requirepass PASS and give it in the URL \(redis:\/\/:PASS@HOST:PORT\)/,
      );
    } finally {
      silent.close();
      http.close();
      closing.close();
      protectedMode.close();
    }
  });

  it.runIf(present)(
    'names a database number the server does not have, and takes a password it asks none for',
    async () => {
      const url = redis.url(99);
      const refused = await reachRedis(url).catch((error: unknown) => error as IcerError);
      expect(refused?.code).toBe('QUEUE_UNREACHABLE');
      expect(refused?.message).toMatch(/\(it refused SELECT: ERR DB index is out of range\)\. Give a database number/);
      await expect(reachRedis(redis.url(3).replace('redis://', 'redis://:secret@'))).resolves.toBeUndefined();
      await expect(reachRedis(redis.url(3))).resolves.toBeUndefined();
    },
  );

  it('refuses options that are not valid, naming them', async () => {
    const bad = (options: Record<string, unknown>) =>
      collect(queuedResults({ url: 'redis://127.0.0.1:1', runKey: 'x', batches: [], ...options })).then(
        () => new Error('no error'),
        (e: unknown) => e as Error,
      );
    expect((await bad({ url: 'http://example.com' })).message).toMatch(/Not a redis:\/\/ or rediss:\/\/ URL/);
    // The URL is named as given: "redis://" is not cut to "redis:/".
    expect((await bad({ url: 'redis://' })).message).toMatch(/names no host: redis:\/\/\./);
    expect((await bad({ runKey: 'a:b' })).message).toMatch(/runKey/);
    expect((await bad({ windw: 3 })).message).toMatch(/did you mean "window"/);
  });
});

const tlsPresent = present && hasOpenssl();
if (present && !tlsPresent)
  console.warn('[queue] TLS Redis tests SKIPPED: openssl is not installed (apt-get install openssl)');

describe.skipIf(!tlsPresent)('a Redis over TLS, checked before any queue is made', () => {
  it('tells apart a certificate Node does not trust, a TLS Redis at redis://, and a plain one at rediss://', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icer-tls-'));
    const tls = await startRedis(makeCertificate(dir));
    try {
      const failure = (url: string, timeoutMs?: number) =>
        reachRedis(url, timeoutMs).then(
          () => undefined,
          (error: unknown) => error as IcerError,
        );
      const untrusted = await failure(tls.url(0));
      expect(untrusted?.code).toBe('QUEUE_UNREACHABLE');
      expect(untrusted?.message).toContain(
        `Cannot reach Redis at rediss://127.0.0.1:${tls.port}/0 (its TLS certificate is not trusted: DEPTH_ZERO_SELF_SIGNED_CERT). Give Node the certificate authority that signed it, on this machine and every worker: NODE_EXTRA_CA_CERTS=`,
      );
      const plainAtTls = await failure(`redis://127.0.0.1:${tls.port}`);
      expect(plainAtTls?.message).toMatch(
        /\((the connection was reset|the connection was closed without an answer)\)\..* A Redis that takes only TLS answers a plain connection so: then give its URL as rediss:\/\//,
      );
      const tlsAtPlain = await failure(`rediss://127.0.0.1:${redis.port}`, 1000);
      expect(tlsAtPlain?.message).toContain(
        '(no answer to the TLS handshake in 1000 ms). A Redis without TLS answers nothing to it: give its URL as redis://',
      );
    } finally {
      await tls.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
