import type { Writable } from 'node:stream';
import type { UnconstrainedGenerator } from '../ai/unconstrained-generator.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import type { Seed } from '../random/seeded-random.js';
import type { JsonlOutput } from './jsonl-output.js';
import { ProgressBar } from './progress-bar.js';
import type { WrittenDialogues } from './write-dialogues.js';

/**
 * Writes the unconstrained baseline's dialogues, one per profile, with the ids and seeds a simulated run of the same
 * seed gives its dialogues (`S-i`, `S:i`), so that the two files pair up user by user. A failure leaves no output.
 */
export async function writeUnconstrained(
  baseline: UnconstrainedGenerator,
  catalog: ItemCatalog,
  profiles: Iterable<PreferenceProfile>,
  run: { output: JsonlOutput; stderr: Writable; total: number; quiet: boolean; seed: Seed },
): Promise<WrittenDialogues> {
  const bar = new ProgressBar(run.stderr, run.total);
  let dialogues = 0;
  let violations = 0;
  try {
    for (const profile of profiles) {
      const index = dialogues;
      const record = await baseline.generate(profile, catalog, {
        id: `${String(run.seed)}-${index}`,
        seed: `${String(run.seed)}:${index}`,
      });
      await run.output.write(record);
      dialogues++;
      violations += record.consistency.violations.length;
      if (!run.quiet) bar.update(dialogues, violations > 0 ? `${violations} violations` : '');
    }
  } catch (error) {
    bar.finish();
    await run.output.abort();
    throw error;
  }
  bar.finish();
  await run.output.close();
  return { dialogues, violations, interrupted: false };
}
