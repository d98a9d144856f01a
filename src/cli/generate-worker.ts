import { parentPort, workerData } from 'node:worker_threads';
import { generatedEntries } from './run-entries.js';
import { planRun } from './run-plan.js';
import { type BatchRequest, sendEntry, sendError, type WorkerReply, type WorkerSetup } from './worker-messages.js';

// A worker thread of `icer generate --workers N`: it plans the run from the same flags as the command (so every
// index's dialogue is the one a single thread writes) and generates the ranges it is sent, one at a time.
const port = parentPort;
if (!port) throw new Error('generate-worker runs as a worker thread of icer generate.');
const { values, cwd } = workerData as WorkerSetup;
const ready = planRun(values, cwd).then((plan) => ({ plan, generator: plan.generator() }));
let queue: Promise<void> = Promise.resolve();

const reply = (message: WorkerReply) => port.postMessage(message);

port.on('message', (request: BatchRequest) => {
  queue = queue.then(async () => {
    try {
      const { plan, generator } = await ready;
      const entries = [];
      const profiles = plan.profiles(request.from, request.to);
      for await (const entry of generatedEntries(generator, profiles, { firstIndex: request.from })) {
        entries.push(sendEntry(entry));
      }
      reply({ type: 'done', batch: request.batch, entries });
    } catch (error) {
      reply({ type: 'error', error: sendError(error) });
    }
  });
});
