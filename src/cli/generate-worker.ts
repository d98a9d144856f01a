import { parentPort, workerData } from 'node:worker_threads';
import { generateBatch, runPlanner } from './generate-batch.js';
import { type BatchRequest, sendError, type WorkerReply, type WorkerSetup } from './worker-messages.js';

// A worker thread of `icer generate --workers N` or `icer worker --concurrency N`: it plans the run from the same
// flags as the command (so every index's dialogue is the one a single thread writes) and generates the ranges it is
// sent, one at a time. `icer generate` starts it with its run as workerData; `icer worker` sends each batch's run
// with the batch.
const port = parentPort;
if (!port) throw new Error('generate-worker runs as a worker thread of icer generate or icer worker.');
const planned = runPlanner();
const started = workerData as WorkerSetup | undefined;
// Planning starts at once, while the first batches are on their way.
if (started) planned(started).catch(() => {});
let queue: Promise<void> = Promise.resolve();

const reply = (message: WorkerReply) => port.postMessage(message);

port.on('message', (request: BatchRequest & { setup?: WorkerSetup }) => {
  queue = queue.then(async () => {
    try {
      const setup = request.setup ?? started;
      if (!setup) throw new Error('A batch came without its run.');
      const entries = await generateBatch(await planned(setup), request.from, request.to);
      reply({ type: 'done', batch: request.batch, entries });
    } catch (error) {
      reply({ type: 'error', error: sendError(error) });
    }
  });
});
