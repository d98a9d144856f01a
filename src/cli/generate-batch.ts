import type { DialogueGenerator } from '../generation/dialogue-generator.js';
import { checkInputDigests } from './input-digests.js';
import { generatedEntries } from './run-entries.js';
import { planRun, type RunPlan } from './run-plan.js';
import { type SentEntry, sendEntry, type WorkerSetup } from './worker-messages.js';

/** A run planned from its flags, with the generator its batches share. Used by one batch at a time. */
export interface PlannedRun {
  readonly plan: RunPlan;
  readonly generator: DialogueGenerator;
}

// Template dialogues are made without a pause for timers: a batch gives them a turn this often, so that a queue
// worker generating on its main thread keeps renewing its lock on the batch.
const TIMER_TURN_MS = 100;

/**
 * The entries of the indices [from, to) of a planned run, generated on this thread in index order, ready to cross
 * to another thread or machine. The worker threads of `icer generate --workers` and `icer worker` both call it.
 */
export async function generateBatch(run: PlannedRun, from: number, to: number): Promise<SentEntry[]> {
  const entries: SentEntry[] = [];
  let turn = performance.now();
  // Template dialogues never wait, so they run one at a time: interleaving them only spreads their data over the
  // cache (a batch is about 6% slower at the default four in flight).
  const batch = { firstIndex: from, concurrency: 1 };
  for await (const entry of generatedEntries(run.generator, run.plan.profiles(from, to), batch)) {
    entries.push(sendEntry(entry));
    if (performance.now() - turn > TIMER_TURN_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      turn = performance.now();
    }
  }
  return entries;
}

/**
 * Plans runs by their setup, each once, keeping the `keep` most recently used: a worker serves the batches of a few
 * runs at a time, and planning one (loading its data) costs far more than a batch.
 */
export function runPlanner(keep = 4): (setup: WorkerSetup) => Promise<PlannedRun> {
  const runs = new Map<string, Promise<PlannedRun>>();
  return (setup) => {
    // By the input files' contents too: a file replaced since is another run, checked and planned anew.
    const key = JSON.stringify([
      setup.cwd,
      Object.entries(setup.values).sort(([a], [b]) => (a < b ? -1 : 1)),
      Object.entries(setup.digests ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
    ]);
    let run = runs.get(key);
    if (run) {
      runs.delete(key);
    } else {
      run = checkInputDigests(setup.values, setup.cwd, setup.digests ?? {})
        .then(() => planRun(setup.values, setup.cwd))
        .then((plan) => ({ plan, generator: plan.generator() }));
      // A run that failed to plan is planned again next time (its data may have been fixed meanwhile).
      run.catch(() => runs.delete(key));
    }
    runs.set(key, run);
    for (const old of runs.keys()) {
      if (runs.size <= keep) break;
      runs.delete(old);
    }
    return run;
  };
}
