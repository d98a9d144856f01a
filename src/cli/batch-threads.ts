import { Worker } from 'node:worker_threads';
import { compileOnOwnThreads } from './thread-compiling.js';
import { THREAD_HEAP_ENV, threadFailure } from './thread-heap.js';
import { receiveError, type SentEntry, type WorkerReply, type WorkerSetup } from './worker-messages.js';

// The thread script ships beside the CLI's bundle (see worker-entries.ts).
const WORKER_SCRIPT = new URL('./generate-worker.js', import.meta.url);

const stopped = (code: number) => new Error(`A generate worker thread stopped (exit code ${code}).`);

/**
 * Generate-worker threads for batches of any run: the run's setup travels with each batch, and each thread plans a
 * run the first time it gets one of its batches. `icer worker --concurrency N` runs N batches at once on them.
 */
export class BatchThreads {
  // Threads with no batch, and batches waiting for a thread.
  readonly #idle: Worker[] = [];
  readonly #waiting: Array<(thread: Worker) => void> = [];
  readonly #all = new Set<Worker>();

  readonly #heapMb: number | undefined;
  // Why each thread that ended did so.
  readonly #died = new WeakMap<Worker, Error>();

  /** `size` threads, each with its heap capped at `heapMb` MB when given (by default a thread is not capped). */
  constructor(size: number, heapMb?: number) {
    this.#heapMb = heapMb;
    compileOnOwnThreads(size);
    for (let i = 0; i < size; i++) this.#idle.push(this.#start());
  }

  /** The entries of one batch, generated on the next free thread. */
  async generate(setup: WorkerSetup, range: { batch: number; from: number; to: number }): Promise<SentEntry[]> {
    const thread = this.#idle.pop() ?? (await new Promise<Worker>((resolve) => this.#waiting.push(resolve)));
    let healthy = true;
    try {
      return await new Promise<SentEntry[]>((resolve, reject) => {
        const done = () => {
          thread.off('message', onMessage);
          thread.off('error', onError);
          thread.off('exit', onExit);
        };
        const onMessage = (reply: WorkerReply) => {
          done();
          if (reply.type === 'error') reject(receiveError(reply.error));
          else resolve(reply.entries);
        };
        const onError = (error: Error) => {
          done();
          healthy = false;
          reject(
            threadFailure(
              error,
              this.#heapMb,
              `Give icer worker a smaller --concurrency or a larger ${THREAD_HEAP_ENV}, or unset it (a thread is then not capped); then resume icer generate with --resume.`,
            ),
          );
        };
        const onExit = (code: number) => onError(stopped(code));
        // A thread that died while idle (at its start, say) gets no batch: the batch fails with its cause.
        const died = this.#died.get(thread);
        if (died) return onError(died);
        thread.on('message', onMessage);
        thread.on('error', onError);
        thread.on('exit', onExit);
        thread.postMessage({ ...range, setup });
      });
    } finally {
      this.#release(healthy ? thread : this.#replace(thread));
    }
  }

  /** Ends every thread. */
  async close(): Promise<void> {
    await Promise.all([...this.#all].map((thread) => thread.terminate()));
  }

  #start(): Worker {
    const thread = new Worker(
      WORKER_SCRIPT,
      this.#heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: this.#heapMb } },
    );
    // A thread's failure is reported to the batch it was doing; one that fails between batches keeps its cause for
    // the next batch it is given, which fails with it, and is replaced then.
    thread.on('error', (error) => {
      if (!this.#died.has(thread)) this.#died.set(thread, error);
    });
    thread.on('exit', (code) => {
      if (!this.#died.has(thread)) this.#died.set(thread, stopped(code));
    });
    this.#all.add(thread);
    return thread;
  }

  #replace(thread: Worker): Worker {
    this.#all.delete(thread);
    void thread.terminate();
    return this.#start();
  }

  #release(thread: Worker): void {
    const next = this.#waiting.shift();
    if (next) next(thread);
    else this.#idle.push(thread);
  }
}
