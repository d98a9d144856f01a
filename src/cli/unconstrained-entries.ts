import type { UnconstrainedGenerator } from '../ai/unconstrained-generator.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import type { Seed } from '../random/seeded-random.js';
import type { RunEntry } from './run-entries.js';

/**
 * The entries of a range of an unconstrained-baseline run, one dialogue per profile, in index order from
 * `firstIndex`, with the ids and seeds a simulated run of the same seed gives its dialogues (`S-i`, `S:i`), so that
 * the two files pair up user by user. No profile is taken once `stop` is signalled; `abort` cancels the model call
 * under way (`ABORTED`).
 */
export async function* unconstrainedEntries(
  baseline: UnconstrainedGenerator,
  catalog: ItemCatalog,
  profiles: Iterable<PreferenceProfile>,
  run: { seed: Seed; firstIndex: number; stop: AbortSignal; abort?: AbortSignal | undefined },
): AsyncGenerator<RunEntry> {
  let index = run.firstIndex;
  for (const profile of profiles) {
    if (run.stop.aborted) return;
    const record = await baseline.generate(profile, catalog, {
      id: `${String(run.seed)}-${index}`,
      seed: `${String(run.seed)}:${index}`,
      ...(run.abort ? { signal: run.abort } : {}),
    });
    yield { index, line: JSON.stringify(record), violations: record.consistency.violations.length };
    index++;
  }
}
