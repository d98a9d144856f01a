import { availableParallelism } from 'node:os';

// Dialogues a thread must have to pay for itself. Each thread runs its first thousand or two dialogues before V8
// has optimised them, and threads that fill the cores do so about twice as slowly as one alone: on 2 cores, two
// threads were 15–20% slower than one for 1,000 and 2,000 dialogues, even at 3,000 and 4,000, and 10–15% faster
// from 5,000 on (four alternating runs of each).
const DIALOGUES_PER_THREAD = 2000;

/**
 * How many threads a template run of `dialogues` uses without `--workers`: one per core, but no more than give each
 * thread {@link DIALOGUES_PER_THREAD}, and at least one.
 */
export function defaultWorkers(dialogues: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(dialogues / DIALOGUES_PER_THREAD)));
}
