import type { IcerError } from '../errors.js';
import type { DialogueGenerator } from '../generation/dialogue-generator.js';
import type { GenerateManyOptions } from '../generation/generator-options.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';

/** A profile the generator could not use, as the skip report names it. */
export interface SkippedProfile {
  readonly dialogueId: string;
  readonly userId: string;
  readonly error: IcerError;
}

/** One index of a run, done: its record as a line of JSON, or the profile the generator skipped. */
export type RunEntry =
  | { readonly index: number; readonly line: string; readonly violations: number }
  | { readonly index: number; readonly skip: SkippedProfile };

/**
 * The entries of a range of a run, generated on this thread in index order, starting at `firstIndex`. No profile is
 * taken once `stop` is signalled or `budgetReached` says so: the dialogues already started finish and are
 * yielded.
 */
export async function* generatedEntries(
  generator: DialogueGenerator,
  profiles: Iterable<PreferenceProfile>,
  options: GenerateManyOptions & {
    firstIndex: number;
    stop?: AbortSignal | undefined;
    /** Asked before each profile is taken: true once a budget is reached, which stops the run as `stop` does. */
    budgetReached?: (() => boolean) | undefined;
  },
): AsyncGenerator<RunEntry> {
  const { stop, budgetReached, ...batch } = options;
  // Skips are emitted in index order, before the record that follows them: the next record's index is past them.
  const skipped: RunEntry[] = [];
  let index = options.firstIndex;
  const onSkip = ({ index: at, dialogueId, userId, error }: { index: number } & SkippedProfile) => {
    skipped.push({ index: at, skip: { dialogueId, userId, error } });
    index = at + 1;
  };
  generator.on('dialogue:skip', onSkip);
  try {
    for await (const record of generator.generateMany(until(profiles, stop, budgetReached), {
      ...batch,
      invalidProfiles: 'skip',
    })) {
      yield* skipped.splice(0);
      yield { index: index++, line: JSON.stringify(record), violations: record.consistency.violations.length };
    }
    yield* skipped.splice(0);
  } finally {
    generator.off('dialogue:skip', onSkip);
  }
}

function* until(
  profiles: Iterable<PreferenceProfile>,
  stop: AbortSignal | undefined,
  budgetReached: (() => boolean) | undefined,
): Generator<PreferenceProfile> {
  for (const profile of profiles) {
    if (stop?.aborted || budgetReached?.()) return;
    yield profile;
  }
}
