import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * Called before starting `threads` generate threads. When they fill the machine's cores, the threads started from
 * then on compile their hot code on their own thread, not on V8's background helpers, and `true` is returned.
 *
 * Why: with every core busy generating, a background compile waits for a core, and its thread meanwhile runs the
 * slow unoptimised code. Compiling at once cut a 4,000-dialogue run on 2 cores by a tenth, in wall and CPU time
 * alike (median of 15 alternating runs). A V8 isolate reads the setting once, as it starts: threads already running,
 * and this process's own thread, keep compiling in the background. The setting stays for the rest of the process.
 */
export function compileOnOwnThreads(threads: number, cores = availableParallelism()): boolean {
  if (threads < cores) return false;
  setFlagsFromString('--no-concurrent-recompilation');
  return true;
}
