import type { Writable } from 'node:stream';
import type { RunFile } from '../io/run-file.js';
import type { ColourEnv } from './colour.js';
import type { JsonlOutput } from './jsonl-output.js';
import { ProgressBar } from './progress-bar.js';
import type { RunEntry } from './run-entries.js';
import { SkipReport } from './skip-report.js';

// How often a model run's spending is saved in its manifest while no record comes: the manifest's own throttle.
const BEAT_MS = 1000;

/** What a run wrote, for the summaries. */
export interface WrittenDialogues {
  dialogues: number;
  violations: number;
  /** The run stopped early on a signal: what was written is a prefix of the whole run. */
  interrupted: boolean;
  /** The budget that stopped the run early, as said to the user ("--max-calls 100 reached"). */
  budget?: string;
}

/** Where a run's records go: a run file (appended as they come, with its manifest), or a stream. */
/** When the write under way began (`performance.now()`), or undefined between writes. */
export interface WriteWatch {
  since: number | undefined;
}

export type RunTarget = { readonly file: RunFile } | { readonly output: JsonlOutput };

/**
 * Writes a run's entries in index order, reporting the profiles the generator could not use on stderr (even when
 * quiet: they are dialogues the user asked for and did not get). A run that could use none of its profiles fails.
 * `stop` ends the run early but cleanly: `entries` starts no new dialogue, the running ones finish and are written;
 * `entries` asks `budgetReached` before starting each dialogue, so that none starts once a budget is reached.
 */
export async function writeDialogues(
  entries: (stop: AbortSignal, budgetReached: () => boolean) => AsyncIterable<RunEntry>,
  run: {
    target: RunTarget;
    stderr: Writable;
    total: number;
    quiet: boolean;
    /** Where the bar reads NO_COLOR and FORCE_COLOR (default `process.env`). */
    env?: ColourEnv | undefined;
    stop?: AbortSignal;
    /** What to keep in the manifest besides the progress (model usage so far). */
    extra?: () => Record<string, unknown>;
    /**
     * Holds when the record being written began to be written (undefined between writes), so that a write that never
     * ends (into a pipe nobody reads) can be told from slow work.
     */
    writing?: WriteWatch;
    /**
     * Checked before each dialogue starts (through `entries`' `budgetReached`) and after each record: a budget reached ends
     * the run like `stop` does, and is returned.
     */
    budget?: () => string | undefined;
  },
): Promise<WrittenDialogues> {
  const skips = new SkipReport('icer generate');
  const file = 'file' in run.target ? run.target.file : undefined;
  const extra = () => run.extra?.() ?? {};
  const bar = new ProgressBar(run.stderr, run.total, run.env ? { env: run.env } : {});
  const report = (lines: string[]) => {
    for (const line of lines) run.stderr.write(`${line}\n`);
  };
  let dialogues = 0;
  let violations = 0;
  let spent: string | undefined;
  const halt = new AbortController();
  const reached = () => {
    spent ??= run.budget?.();
    if (spent !== undefined) halt.abort();
    return spent !== undefined;
  };
  // What a model run spends goes into the manifest every second, records or not: dialogues under way make calls for
  // minutes before their record, and a kill would lose them from the manifest's usage. Only once the output holds a
  // record (a run killed before that starts afresh, with no manifest left behind), and stopped before the output
  // closes, so that no checkpoint follows its last manifest.
  const beat =
    file && run.extra
      ? setInterval(() => {
          if (file.records > 0) file.checkpoint(extra()).catch(() => {});
        }, BEAT_MS)
      : undefined;
  beat?.unref();
  try {
    for await (const entry of entries(AbortSignal.any([halt.signal, ...(run.stop ? [run.stop] : [])]), reached)) {
      if ('skip' in entry) {
        skips.add(entry.skip);
        file?.skipped(entry.index);
        // Said in the manifest at once: past its checkpoint, resuming takes an index with no record for one lost.
        await file?.checkpoint(extra(), { force: true });
        continue;
      }
      if (run.writing) run.writing.since = performance.now();
      if (file) {
        await file.appendLine(entry.index, entry.line);
        await file.checkpoint(extra());
      } else if ('output' in run.target) {
        await run.target.output.writeLine(entry.line);
      }
      if (run.writing) run.writing.since = undefined;
      dialogues++;
      reached();
      violations += entry.violations;
      const notes = [
        ...(violations > 0 ? [`${violations} violations`] : []),
        ...(skips.skipped > 0 ? [`${skips.skipped} skipped`] : []),
      ];
      if (!run.quiet) bar.update(dialogues + skips.skipped, notes.join(', '));
    }
    if (dialogues === 0 && skips.skipped > 0 && (file?.resumedRecords ?? 0) === 0) throw skips.allSkipped();
  } catch (error) {
    clearInterval(beat);
    bar.finish();
    // The error that stopped the run is the one told: closing after a failed write fails again with that write's.
    if (file) await file.close(extra(), false).catch(() => undefined);
    else if ('output' in run.target) await run.target.output.abort();
    report(skips.details());
    throw error;
  }
  clearInterval(beat);
  bar.finish();
  // A stop that came once every index was done stopped nothing: the run is complete.
  const complete = dialogues + skips.skipped >= run.total;
  const interrupted = !complete && (run.stop?.aborted === true || spent !== undefined);
  if (file) await file.close(extra(), !interrupted);
  else if ('output' in run.target) await run.target.output.close();
  report(skips.details());
  if (skips.skipped > 0) report([skips.summary(dialogues)]);
  return { dialogues, violations, interrupted, ...(spent === undefined || complete ? {} : { budget: spent }) };
}
