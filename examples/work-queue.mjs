// Batches of a run spread over workers through a Redis work queue (`icer/queue`, on BullMQ), in code: the producer
// enqueues batches of indices and gets their dialogues back in order, whichever worker made them. Here the worker
// runs in the same process; on other machines it would be the same `startQueueWorker` call with the same URL.
// Needs `bullmq` (npm install bullmq) and a Redis server: REDIS_URL, or a `redis-server` on the PATH, started here
// on a free port (says so and exits when there is neither).
// Run: npm run build && node examples/work-queue.mjs
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { builtinCatalog, DialogueGenerator, IcerError, syntheticProfile } from 'icer';
import { queuedResults, reachRedis, startQueueWorker } from 'icer/queue';

const COUNT = 12;
const BATCH = 4;
const SEED = 7;

/** A free port on 127.0.0.1, for a redis-server of this example's own. */
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

let url = process.env.REDIS_URL;
let redis;
if (url === undefined) {
  if (spawnSync('redis-server', ['--version']).error) {
    console.log('No Redis: set REDIS_URL=redis://HOST:PORT, or install redis-server (apt-get install redis-server).');
    process.exit(0);
  }
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  url = `redis://127.0.0.1:${port}`;
  // reachRedis throws QUEUE_UNREACHABLE until the server listens.
  for (let tries = 0; ; tries++) {
    try {
      await reachRedis(url, 500);
      break;
    } catch (error) {
      if (tries === 50) {
        redis.kill();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

// Every worker makes the same records for the same indices: the catalog, the seed and the users are the run's.
const catalog = builtinCatalog();
const generator = new DialogueGenerator({ catalog, seed: SEED });
const dialogues = async ({ from, to }) => {
  const users = Array.from({ length: to - from }, (_, i) => syntheticProfile(catalog, from + i, { seed: SEED }));
  const records = [];
  for await (const record of generator.generateMany(users, { firstIndex: from })) records.push(record);
  return records;
};

const worker = await startQueueWorker({ url, queue: 'icer-example' }, async (batch, job) => {
  console.log(`worker: ${job.id}, dialogues ${batch.from}–${batch.to - 1}`);
  return dialogues(batch);
}).catch((error) => {
  // QUEUE_UNREACHABLE (a REDIS_URL nothing answers at), MISSING_DEPENDENCY (no bullmq): what to do, not a stack.
  redis?.kill();
  if (!IcerError.isInstance(error)) throw error;
  console.error(`${error.message} [${error.code}]`);
  process.exit(1);
});
try {
  const batches = Array.from({ length: COUNT / BATCH }, (_, batch) => ({
    batch,
    data: { from: batch * BATCH, to: (batch + 1) * BATCH },
  }));
  // The run key names the run's jobs in Redis: the same key after a crash finds the batches already done.
  const queued = [];
  for await (const { batch, result } of queuedResults({
    url,
    queue: 'icer-example',
    runKey: `example-${SEED}`,
    batches,
  })) {
    console.log(`producer: batch ${batch} back, ${result.length} dialogues`);
    queued.push(...result);
  }
  const alone = await dialogues({ from: 0, to: COUNT });
  const same = JSON.stringify(queued) === JSON.stringify(alone);
  console.log(`${queued.length} dialogues in index order, the same as made in one process: ${same}`);
  const first = queued[0];
  console.log(`\n# ${first.id}`);
  for (const turn of first.turns) console.log(`${turn.speaker === 'user' ? 'USER' : 'REC '}  ${turn.text}`);
  if (!same) process.exitCode = 1;
} finally {
  await worker.close();
  redis?.kill();
}
