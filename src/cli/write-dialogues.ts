import type { Writable } from 'node:stream';
import type { DialogueGenerator } from '../generation/dialogue-generator.js';
import type { GenerateManyOptions } from '../generation/generator-options.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import type { JsonlOutput } from './jsonl-output.js';
import { ProgressBar } from './progress-bar.js';
import { SkipReport } from './skip-report.js';

/** What a run wrote, for the summaries. */
export interface WrittenDialogues {
  dialogues: number;
  violations: number;
}

/**
 * Writes a batch's dialogues to the output, skipping the profiles the generator cannot use and reporting them on
 * stderr (even when quiet: they are dialogues the user asked for and did not get). A batch that could use none of
 * its profiles fails, and like any failed run leaves no output behind.
 */
export async function writeDialogues(
  generator: DialogueGenerator,
  profiles: Iterable<PreferenceProfile>,
  run: { output: JsonlOutput; stderr: Writable; total: number; quiet: boolean; options: GenerateManyOptions },
): Promise<WrittenDialogues> {
  const skips = new SkipReport('icer generate');
  const onSkip = (skip: Parameters<SkipReport['add']>[0]) => skips.add(skip);
  generator.on('dialogue:skip', onSkip);
  const bar = new ProgressBar(run.stderr, run.total);
  const report = (lines: string[]) => {
    for (const line of lines) run.stderr.write(`${line}\n`);
  };
  let dialogues = 0;
  let violations = 0;
  try {
    const batch = generator.generateMany(profiles, { ...run.options, total: run.total, invalidProfiles: 'skip' });
    for await (const record of batch) {
      await run.output.write(record);
      dialogues++;
      violations += record.consistency.violations.length;
      const notes = [
        ...(violations > 0 ? [`${violations} violations`] : []),
        ...(skips.skipped > 0 ? [`${skips.skipped} skipped`] : []),
      ];
      if (!run.quiet) bar.update(dialogues + skips.skipped, notes.join(', '));
    }
    if (dialogues === 0 && skips.skipped > 0) throw skips.allSkipped();
  } catch (error) {
    bar.finish();
    await run.output.abort();
    report(skips.details());
    throw error;
  } finally {
    generator.off('dialogue:skip', onSkip);
  }
  bar.finish();
  await run.output.close();
  report(skips.details());
  if (skips.skipped > 0) report([skips.summary(dialogues)]);
  return { dialogues, violations };
}
