import { availableParallelism } from 'node:os';
import { IcerError } from '../../errors.js';
import { QueueWorkerOptionsSchema, redactRedisUrl, startQueueWorker } from '../../queue/index.js';
import { VERSION } from '../../version.js';
import { BatchThreads } from '../batch-threads.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { generateBatch, runPlanner } from '../generate-batch.js';
import { parseFlags } from '../parse-flags.js';
import { parseNumber } from '../parse-values.js';
import { packEntries, type QueueJobData, QueueJobDataSchema } from '../queue-entries.js';
import { checkQueueUrl } from '../queue-url-flag.js';
import { defaultText } from '../schema-facts.js';
import { threadHeapFromEnv } from '../thread-heap.js';
import { workerThreadsShipped } from '../worker-entries.js';
import type { SentEntry, WorkerSetup } from '../worker-messages.js';

const option = QueueWorkerOptionsSchema.shape;

/** `icer worker --help`. */
export const WORKER_HELP = `Usage: icer worker --queue redis://HOST:PORT [options]

Takes batches of dialogues from the Redis work queue that icer generate --queue fills, generates each with its
run's settings (they come with the batch), and hands the records back: icer generate writes them in order. Start
as many as you like, on any machines; each needs the icer version of icer generate (a batch of another version is
refused) and the run's data files (--movielens) at the same paths, with the same contents (a batch whose files
differ here is refused). A worker that dies mid-batch loses nothing:
once its lock expires, another worker does the batch again. Ctrl-C or SIGTERM finishes the batches under way and
stops (exit 0); a second signal stops at once (130/143), leaving those batches to other workers.

Options:
  --queue URL            the queue's Redis server: redis://HOST:PORT, with user:password@ and /DB when needed
                         (rediss:// for TLS)
  --concurrency N        batches at once, each on its own thread (default: the machine's cores)
  --lock-ms N            how long a batch stays with a worker that stopped answering before another worker takes
                         it; workers look for such batches as often (default: ${defaultText(option.lockDurationMs)})
  --quiet                no line per batch (errors are still reported)
  -h, --help             show this help

Examples:
  redis-server --port 6379 --save '' --appendonly no --bind 0.0.0.0 --requirepass PASS   # on 10.0.0.5
  icer generate --count 100000 --seed 7 --out dialogues.jsonl --queue redis://:PASS@10.0.0.5:6379
  icer worker --queue redis://:PASS@10.0.0.5:6379             # on each of the others
`;

const ConcurrencySchema = option.concurrency.unwrap().max(256);
const LockSchema = option.lockDurationMs.unwrap().min(500);
// The same trouble (Redis down) is reported at most this often.
const REPEAT_MS = 10_000;

export async function workerCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseFlags(args, {
    queue: { type: 'string' },
    concurrency: { type: 'string' },
    'lock-ms': { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(WORKER_HELP);
    return 0;
  }
  if (values.queue === undefined) throw new UsageError('Name the queue: --queue redis://HOST:PORT.');
  checkQueueUrl(values.queue);
  const threadsShipped = workerThreadsShipped();
  const concurrency =
    values.concurrency === undefined
      ? threadsShipped
        ? availableParallelism()
        : 1
      : parseNumber(values.concurrency, '--concurrency', ConcurrencySchema);
  const lockMs =
    values['lock-ms'] === undefined
      ? option.lockDurationMs.parse(undefined)
      : parseNumber(values['lock-ms'], '--lock-ms', LockSchema);
  const heapMb = threadHeapFromEnv(io.env ?? process.env);
  const say = (line: string) => io.stderr.write(`icer worker: ${line}\n`);

  // Batches of one run share a plan; on threads, each thread plans the runs it gets. Without threads (run from the
  // sources) batches take turns.
  const threads = concurrency > 1 && threadsShipped ? new BatchThreads(concurrency, heapMb) : undefined;
  const planned = runPlanner();
  const generate = (setup: WorkerSetup, data: QueueJobData): Promise<SentEntry[]> =>
    threads ? threads.generate(setup, data) : planned(setup).then((run) => generateBatch(run, data.from, data.to));

  const handle = async (raw: unknown, job: { id: string; stalls: number }): Promise<string> => {
    const batch = raw as Partial<QueueJobData> | undefined;
    const range = `batch ${batch?.batch} (dialogues ${batch?.from}–${Number(batch?.to) - 1}) of ${job.id.replace(/-\d+$/, '')}`;
    if (job.stalls > 0) say(`${range}: again, as the worker doing it stopped`);
    const started = performance.now();
    try {
      const data = jobData(raw, job.id);
      const entries = await generate({ values: data.values, cwd: data.cwd, digests: data.digests }, data);
      if (!values.quiet) say(`${range} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return packEntries(entries);
    } catch (error) {
      say(`${range} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };

  let lastTrouble = { message: '', at: 0 };
  const worker = await startQueueWorker<unknown, string>(
    {
      url: values.queue,
      concurrency: threads ? concurrency : 1,
      lockDurationMs: lockMs,
      stalledIntervalMs: lockMs,
      onError: (error) => {
        // BullMQ's words for a batch this worker made but could not hand back, said as what happened and what next.
        const job = /job (\S+?)\.?\s/i.exec(`${error.message} `)?.[1] ?? 'a batch';
        const message = /lock mismatch|missing lock/i.test(error.message)
          ? `${job} was not handed back: this worker lost its lock on it (held past --lock-ms (${lockMs}) without renewing it: a busy thread, or Redis away, restarted or emptied meanwhile); it is done again`
          : /missing key for job/i.test(error.message)
            ? `${job} was not handed back: Redis no longer has it (restarted or emptied meanwhile); the producer queues it again`
            : /could not renew lock for job/i.test(error.message)
              ? `could not renew the lock of ${job} (Redis away?)`
              : error.message;
        // The same trouble is said once in a while, not at every retry.
        const now = Date.now();
        if (message === lastTrouble.message && now - lastTrouble.at < REPEAT_MS) return;
        lastTrouble = { message, at: now };
        say(message);
      },
    },
    handle,
  ).catch(async (error: unknown) => {
    await threads?.close();
    throw error;
  });
  say(
    `taking batches from ${redactRedisUrl(values.queue)} (${threads ? concurrency : 1} at once); Ctrl-C finishes them and stops`,
  );

  let first: NodeJS.Signals | undefined;
  let forced = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (first === undefined) {
      first = signal;
      say(`${signal}: finishing the batches under way (again to stop now)`);
      void worker.close();
    } else {
      forced = true;
      void worker.close({ force: true });
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await worker.closed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await threads?.close();
  }
  if (forced) {
    say('stopped; the batches under way go to other workers once their lock expires');
    return first === 'SIGTERM' ? 143 : 130;
  }
  say('stopped');
  return 0;
}

/** A job's data, checked: a batch of `icer generate --queue` of this very version. */
function jobData(raw: unknown, id: string): QueueJobData {
  const parsed = QueueJobDataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new IcerError('INVALID_ARGUMENT', `Job ${id} is not a batch of icer generate --queue.`, {
      hint: 'Give icer generate and icer worker a queue of their own (another Redis database: redis://HOST:PORT/1).',
    });
  }
  if (parsed.data.version !== VERSION) {
    throw new IcerError(
      'INVALID_ARGUMENT',
      `Batch ${parsed.data.batch} is of a run by icer ${parsed.data.version}, and this worker runs icer ${VERSION}: its records would differ.`,
      { hint: `Run workers of the producer's version (npx icer@${parsed.data.version} worker --queue URL).` },
    );
  }
  return parsed.data;
}
