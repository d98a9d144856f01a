import { Worker } from 'node:worker_threads';
import { receiveError, type SentEntry, type WorkerReply, type WorkerSetup } from './worker-messages.js';

// The thread script ships beside the CLI's bundle (see worker-entries.ts).
const WORKER_SCRIPT = new URL('./generate-worker.js', import.meta.url);

/**
 * Generate-worker threads for batches of any run: the run's setup travels with each batch, and each thread plans a
 * run the first time it gets one of its batches. `icer worker --concurrency N` runs N batches at once on them.
 */
export class BatchThreads {
  // Threads with no batch, and batches waiting for a thread.
  readonly #idle: Worker[] = [];
  readonly #waiting: Array<(thread: Worker) => void> = [];
  readonly #all = new Set<Worker>();

  constructor(size: number) {
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
          reject(error);
        };
        const onExit = (code: number) => onError(new Error(`A generate worker thread stopped (exit code ${code}).`));
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
    const thread = new Worker(WORKER_SCRIPT);
    // A thread's failure is reported to the batch it was doing; one that fails between batches is replaced then.
    thread.on('error', () => {});
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
