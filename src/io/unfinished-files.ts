import { rmSync } from 'node:fs';

// Files (or folders) being written that are of no use unfinished, each with the output it is for and whether writing
// it replaced what that output held. A command stopped by a signal removes them: the process ends before its own
// clean-up (a `finally`) could run.
const unfinished = new Map<string, { target: string; replaced: boolean }>();
// Once they are removed, nothing may be moved into place or truncated any more: the command, still running until
// the process ends, must not undo what the signal's message said.
let stopping = false;

/**
 * Marks `path`, written for the output `target`, as unfinished until the returned function is called. `replaced`: what
 * `target` held before is already gone (an output overwritten in place, not staged beside it).
 */
export function markUnfinished(path: string, target: string, replaced = false): () => void {
  unfinished.set(path, { target, replaced });
  return () => {
    unfinished.delete(path);
  };
}

/** Throws once the unfinished files were removed: what would now replace an output must not. */
export function checkNotStopping(): void {
  if (stopping) throw new Error('Stopped by a signal: nothing more is written.');
}

/**
 * Removes every file still marked unfinished; returns the outputs they were for, each once, and those of them whose
 * earlier contents were already replaced.
 */
export function removeUnfinished(): { outputs: string[]; replaced: string[] } {
  stopping = true;
  const targets = new Set<string>();
  const replaced = new Set<string>();
  for (const [path, { target, replaced: gone }] of unfinished) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // The process is ending on a signal: a file that cannot be removed now is left, as a kill would leave it.
    }
    targets.add(target);
    if (gone) replaced.add(target);
  }
  unfinished.clear();
  return { outputs: [...targets], replaced: [...replaced] };
}
