import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { builtinDomainCatalog } from '../data/builtin/builtin-domains.js';
import { loadCatalogJson } from '../data/catalog-json.js';
import { VerbalizationModeSchema } from '../dialogue/verbalization-mode.js';
import { DialogueGenerator } from '../generation/dialogue-generator.js';
import { DialogueGeneratorOptionsSchema } from '../generation/generator-options.js';
import type { LMAdapter } from '../language/lm-adapter.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import { syntheticProfilesBetween } from '../profile/synthetic.js';
import type { Seed } from '../random/seeded-random.js';
import { BeliefPolicyOptionsSchema } from '../simulation/belief-policy.js';
import { UsageError } from './cli-io.js';
import { CountSchema } from './count-schema.js';
import { definedOnly } from './defined-only.js';
import { domainFlag } from './domain-flag.js';
import { duplicateRatingsNote } from './duplicate-ratings-note.js';
import { MOVIELENS_FLAGS, RATINGS_DATA_FLAGS, ratingsDataSettings, scaleFlagValues } from './movielens-flags.js';
import { movieLensSource, ratingsDataSource } from './movielens-source.js';
import { parseChoice, parseNumber, parseSeed } from './parse-values.js';
import { InvalidProfileLinesSchema, readProfilesFile } from './profiles-file.js';
import { requireItems } from './require-items.js';

/**
 * The flags of `icer generate` that decide which dialogues a run writes. The command, its worker threads and queue
 * workers all read them here, so every one of them plans the same run.
 */
export const RUN_FLAGS = {
  count: { type: 'string' },
  seed: { type: 'string' },
  domain: { type: 'string' },
  catalog: { type: 'string' },
  profiles: { type: 'string' },
  'invalid-profiles': { type: 'string' },
  movielens: { type: 'string' },
  ...RATINGS_DATA_FLAGS,
  ...MOVIELENS_FLAGS,
  'max-turns': { type: 'string' },
  style: { type: 'string' },
  mode: { type: 'string' },
} as const;

/** The values of {@link RUN_FLAGS} as parsed (plain strings: they cross to worker threads and queues as they are). */
export type RunFlagValues = { [K in keyof typeof RUN_FLAGS]?: string | undefined };

/** A run, planned: what each index's dialogue is made from. */
export interface RunPlan {
  readonly count: number;
  /** The seed the user gave; absent, the library's default. */
  readonly seed: Seed | undefined;
  /** `--max-turns`, when set. */
  readonly maxTurns: number | undefined;
  readonly catalog: ItemCatalog;
  /** The profiles of the indices [from, to), in order. */
  profiles(from: number, to: number): Iterable<PreferenceProfile>;
  /** A generator for the run's dialogues, wording them with `adapter` (templates when absent). */
  generator(adapter?: LMAdapter): DialogueGenerator;
  /** What the data said that changes the dialogues (duplicate ratings), for stderr. */
  readonly dataNotes: readonly string[];
  /** `--style` or `--mode` is set: they shape simulated dialogues, and `--unconstrained` has no simulator. */
  readonly shapesSimulation: boolean;
  /**
   * The values of the flags that decide the records, as the plan read them: numbers as numbers and defaults filled
   * in, so that `--count 0300` and `--count 300`, or no `--seed` and `--seed 0`, are one run.
   */
  readonly settings: Readonly<Record<string, string | number>>;
}

const option = DialogueGeneratorOptionsSchema.shape;

/** Reads the run's flags (usage errors name the flag) and loads its data; `--profiles -` reads `stdin`. */
export async function planRun(values: RunFlagValues, cwd: string, stdin: Readable = process.stdin): Promise<RunPlan> {
  if (values.movielens !== undefined && values.catalog !== undefined)
    throw new UsageError('--movielens and --catalog cannot be combined: MovieLens brings its own catalog.');
  if ((values.items !== undefined || values.ratings !== undefined) && values.catalog !== undefined)
    throw new UsageError('--items/--ratings and --catalog cannot be combined: the items file is the catalog.');
  if (values['invalid-profiles'] !== undefined && values.profiles === undefined)
    throw new UsageError('--invalid-profiles applies to --profiles: add --profiles FILE.');
  const domain = domainFlag(values);
  const invalid = parseChoice(values['invalid-profiles'] ?? 'skip', '--invalid-profiles', InvalidProfileLinesSchema);
  let count =
    values.count === undefined ? CountSchema.parse(undefined) : parseNumber(values.count, '--count', CountSchema);
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  const maxTurns =
    values['max-turns'] === undefined ? undefined : parseNumber(values['max-turns'], '--max-turns', option.maxTurns);
  const style =
    values.style === undefined
      ? undefined
      : parseChoice(values.style, '--style', BeliefPolicyOptionsSchema.shape.style.unwrap());
  const mode = values.mode === undefined ? undefined : parseChoice(values.mode, '--mode', VerbalizationModeSchema);
  const data = ratingsDataSettings(values, { seed }, cwd);

  let catalog = builtinDomainCatalog(domain);
  let users: (() => Iterable<PreferenceProfile>) | undefined;
  let dataNotes: string[] = [];
  if (values.movielens !== undefined) {
    const dataset = await movieLensSource(resolve(cwd, values.movielens), data);
    dataNotes = duplicateRatingsNote('icer generate', dataset.duplicateRatings, dataset.catalog);
    catalog = dataset.catalog;
    users = () => dataset.profiles(data.profiles);
  } else if (data.ratingsData !== undefined) {
    // Your own ratings files work as MovieLens does: their catalog, their users cycled past the count.
    const dataset = await ratingsDataSource({ ...data, ratingsData: data.ratingsData });
    dataNotes = duplicateRatingsNote('icer generate', dataset.duplicateRatings, dataset.catalog);
    catalog = dataset.catalog;
    users = () => dataset.profiles(data.profiles);
  } else if (values.catalog !== undefined) {
    const file = resolve(cwd, values.catalog);
    catalog = await loadCatalogJson(file);
    requireItems(catalog, { flag: '--catalog', file, what: 'items' });
  }
  if (values.profiles !== undefined) {
    const file = values.profiles === '-' ? '-' : resolve(cwd, values.profiles);
    const read = await readProfilesFile(file, { catalog, invalid, stdin });
    dataNotes = [...dataNotes, ...read.skipped];
    users = () => read.profiles;
    // Every profile once, unless --count asks for another number (cycled, like a dataset's users).
    count = values.count === undefined ? read.profiles.length : count;
  }
  const options = definedOnly({ seed });
  const ownCatalog = values.movielens ?? values.items ?? values.catalog;
  const settings = {
    count,
    seed: seed ?? option.seed.parse(undefined),
    'max-turns': maxTurns ?? option.maxTurns.parse(undefined),
    style: style ?? BeliefPolicyOptionsSchema.shape.style.parse(undefined),
    mode: mode ?? option.mode.parse(undefined),
    ...(ownCatalog === undefined ? { domain } : {}),
    ...(values.profiles === undefined ? {} : { 'invalid-profiles': invalid }),
    ...(values.movielens !== undefined || data.ratingsData !== undefined ? scaleFlagValues(data) : {}),
  };
  const profiles: RunPlan['profiles'] = users
    ? cycledProfiles(users, count)
    : (from, to) => syntheticProfilesBetween(catalog, from, Math.min(to, count), options);
  return {
    count,
    seed,
    maxTurns,
    catalog,
    profiles,
    dataNotes,
    shapesSimulation: style !== undefined || mode !== undefined,
    settings,
    generator: (adapter) =>
      new DialogueGenerator({
        catalog,
        ...definedOnly({ seed, maxTurns, mode, adapter }),
        ...(style !== undefined ? { policy: { style } } : {}),
      }),
  };
}

/**
 * The users of a dataset, cycled until `count` (MovieLens has fewer users than a large run has dialogues). Reading
 * resumes where the last range ended, so ranges asked for in order cost one pass, whoever asks.
 */
function cycledProfiles(users: () => Iterable<PreferenceProfile>, count: number): RunPlan['profiles'] {
  let source: Iterator<PreferenceProfile> | undefined;
  let position = 0;
  const next = (): PreferenceProfile | undefined => {
    source ??= users()[Symbol.iterator]();
    let step = source.next();
    // The users ran out: start over (unless there were none at all).
    if (step.done && position > 0) {
      source = users()[Symbol.iterator]();
      step = source.next();
    }
    return step.done ? undefined : step.value;
  };
  return function* (from, to) {
    if (from < position) {
      source = undefined;
      position = 0;
    }
    for (; position < Math.min(to, count); position++) {
      const profile = next();
      if (profile === undefined) return;
      if (position >= from) yield profile;
    }
  };
}
