import type { Writable } from 'node:stream';
import type { DialogueGenerator } from '../generation/dialogue-generator.js';
import type { GenerateManyOptions } from '../generation/generator-options.js';
import type { RunFile } from '../io/run-file.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import type { JsonlOutput } from './jsonl-output.js';
import { ProgressBar } from './progress-bar.js';
import { SkipReport } from './skip-report.js';

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
export type RunTarget = { readonly file: RunFile } | { readonly output: JsonlOutput };

/**
 * Writes a batch's dialogues, skipping the profiles the generator cannot use and reporting them on stderr (even when
 * quiet: they are dialogues the user asked for and did not get). A batch that could use none of its profiles fails.
 * `stop` ends the batch early but cleanly: no new dialogue starts, the running ones finish and are written.
 */
export async function writeDialogues(
  generator: DialogueGenerator,
  profiles: Iterable<PreferenceProfile>,
  run: {
    target: RunTarget;
    stderr: Writable;
    total: number;
    quiet: boolean;
    options: GenerateManyOptions;
    stop?: AbortSignal;
    /** The index of the first profile given (a resumed run's next index, a shard's start). */
    firstIndex: number;
    /** What to keep in the manifest besides the progress (model usage so far). */
    extra?: () => Record<string, unknown>;
    /** Checked after each record: a budget reached ends the batch like `stop` does, and is returned. */
    budget?: () => string | undefined;
  },
): Promise<WrittenDialogues> {
  const skips = new SkipReport('icer generate');
  const file = 'file' in run.target ? run.target.file : undefined;
  const { firstIndex } = run;
  const extra = () => run.extra?.() ?? {};
  // Skips are reported in index order, before the record that follows them: the next record's index is past them.
  let index = firstIndex;
  const onSkip = (skip: Parameters<SkipReport['add']>[0] & { index: number }) => {
    skips.add(skip);
    file?.skipped(skip.index);
    index = skip.index + 1;
  };
  generator.on('dialogue:skip', onSkip);
  const bar = new ProgressBar(run.stderr, run.total);
  const report = (lines: string[]) => {
    for (const line of lines) run.stderr.write(`${line}\n`);
  };
  let dialogues = 0;
  let violations = 0;
  let spent: string | undefined;
  const halt = new AbortController();
  try {
    const stops = [halt.signal, ...(run.stop ? [run.stop] : [])];
    const batch = generator.generateMany(until(profiles, AbortSignal.any(stops)), {
      ...run.options,
      total: run.total,
      firstIndex,
      invalidProfiles: 'skip',
    });
    for await (const record of batch) {
      if (file) {
        await file.append(index, record);
        await file.checkpoint(extra());
      } else if ('output' in run.target) {
        await run.target.output.write(record);
      }
      index++;
      dialogues++;
      spent ??= run.budget?.();
      if (spent !== undefined) halt.abort();
      violations += record.consistency.violations.length;
      const notes = [
        ...(violations > 0 ? [`${violations} violations`] : []),
        ...(skips.skipped > 0 ? [`${skips.skipped} skipped`] : []),
      ];
      if (!run.quiet) bar.update(dialogues + skips.skipped, notes.join(', '));
    }
    if (dialogues === 0 && skips.skipped > 0 && (file?.resumedRecords ?? 0) === 0) throw skips.allSkipped();
  } catch (error) {
    bar.finish();
    if (file) await file.close(extra(), false);
    else if ('output' in run.target) await run.target.output.abort();
    report(skips.details());
    throw error;
  } finally {
    generator.off('dialogue:skip', onSkip);
  }
  bar.finish();
  const interrupted = run.stop?.aborted === true || spent !== undefined;
  if (file) await file.close(extra(), !interrupted);
  else if ('output' in run.target) await run.target.output.close();
  report(skips.details());
  if (skips.skipped > 0) report([skips.summary(dialogues)]);
  return { dialogues, violations, interrupted, ...(spent === undefined ? {} : { budget: spent }) };
}

/** The profiles until `stop` is signalled: then the batch ends once the dialogues already started are written. */
function* until(profiles: Iterable<PreferenceProfile>, stop: AbortSignal | undefined): Generator<PreferenceProfile> {
  for (const profile of profiles) {
    if (stop?.aborted) return;
    yield profile;
  }
}
