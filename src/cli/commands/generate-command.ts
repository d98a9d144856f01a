import { resolve } from 'node:path';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { builtinCatalog } from '../../data/builtin/builtin-catalog.js';
import { VerbalizationModeSchema } from '../../dialogue/verbalization-mode.js';
import { DialogueGenerator } from '../../generation/dialogue-generator.js';
import { DialogueGeneratorOptionsSchema, GenerateManyOptionsSchema } from '../../generation/generator-options.js';
import type { PreferenceProfile } from '../../profile/preference-profile.js';
import { syntheticProfiles } from '../../profile/synthetic.js';
import { BeliefPolicyOptionsSchema } from '../../simulation/belief-policy.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { CountSchema } from '../count-schema.js';
import { definedOnly } from '../defined-only.js';
import { duplicateRatingsNote } from '../duplicate-ratings-note.js';
import { fileOutput, type JsonlOutput, streamOutput } from '../jsonl-output.js';
import { MODEL_OPTION_FLAGS, type ModelAdapter, modelChoice, modelFlags, modelFromFlags } from '../model-from-flags.js';
import { MOVIELENS_FLAGS, movieLensSettings } from '../movielens-flags.js';
import { movieLensSource } from '../movielens-source.js';
import { parseFlags } from '../parse-flags.js';
import { parseChoice, parseNumber, parseSeed } from '../parse-values.js';
import { writeDialogues } from '../write-dialogues.js';
import { writeUnconstrained } from '../write-unconstrained.js';
import { GENERATE_HELP } from './generate-help.js';

export { GENERATE_HELP } from './generate-help.js';

/** One line on what a model-backed run spent: what the records alone cannot say (retries, cache hits, cost). */
function runSummary(adapter: Pick<ModelAdapter, 'name' | 'stats'>, dialogues: number, violations: number): string {
  const { calls, retries, cacheHits, failures, inputTokens, outputTokens, cost } = adapter.stats;
  const spent = cost === null ? '' : `, cost ${cost.toFixed(4)}`;
  return (
    `icer generate: ${dialogues} dialogues with ${adapter.name}: ${calls} model calls (${retries} retries, ${failures} failed), ` +
    `${cacheHits} from cache, ${inputTokens} input + ${outputTokens} output tokens${spent}, ${violations} violations left`
  );
}

function* cycle(profiles: () => Iterable<PreferenceProfile>, count: number): Generator<PreferenceProfile> {
  let emitted = 0;
  while (emitted < count) {
    let any = false;
    for (const profile of profiles()) {
      any = true;
      yield profile;
      if (++emitted >= count) return;
    }
    if (!any) return;
  }
}

const option = DialogueGeneratorOptionsSchema.shape;

export async function generateCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseFlags(args, {
    count: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    movielens: { type: 'string' },
    ...MOVIELENS_FLAGS,
    'max-turns': { type: 'string' },
    concurrency: { type: 'string' },
    style: { type: 'string' },
    mode: { type: 'string' },
    model: { type: 'string' },
    ...MODEL_OPTION_FLAGS,
    quiet: { type: 'boolean' },
    unconstrained: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(GENERATE_HELP);
    return 0;
  }
  // Only what the user set is passed on: the library's schemas apply their own defaults to the rest.
  const number = (flag: string, text: string | undefined, schema: Parameters<typeof parseNumber>[2]) =>
    text === undefined ? undefined : parseNumber(text, flag, schema);
  const choice = <S extends Parameters<typeof parseChoice>[2]>(flag: string, text: string | undefined, schema: S) =>
    text === undefined ? undefined : parseChoice(text, flag, schema);
  const count = number('--count', values.count, CountSchema) ?? CountSchema.parse(undefined);
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  const maxTurns = number('--max-turns', values['max-turns'], option.maxTurns);
  const concurrency = number('--concurrency', values.concurrency, GenerateManyOptionsSchema.shape.concurrency);
  const style = choice('--style', values.style, BeliefPolicyOptionsSchema.shape.style.unwrap());
  const mode = choice('--mode', values.mode, VerbalizationModeSchema);
  const movieLens = movieLensSettings(values, { seed });

  let catalog: ItemCatalog;
  let profiles: Iterable<PreferenceProfile>;
  let dataNotes: string[] = [];
  if (values.movielens !== undefined) {
    const dataset = await movieLensSource(resolve(io.cwd, values.movielens), movieLens);
    dataNotes = duplicateRatingsNote('icer generate', dataset.duplicateRatings);
    catalog = dataset.catalog;
    profiles = cycle(() => dataset.profiles(movieLens.profiles), count);
  } else {
    catalog = builtinCatalog();
    profiles = syntheticProfiles(catalog, { count, ...definedOnly({ seed }) });
  }

  const output = async (): Promise<JsonlOutput> =>
    values.out !== undefined ? await fileOutput(resolve(io.cwd, values.out)) : streamOutput(io.stdout);
  if (values.unconstrained) {
    if (style !== undefined || mode !== undefined)
      throw new UsageError('--style and --mode shape simulated dialogues; --unconstrained has no simulator.');
    const model = await modelChoice(modelFlags(values.model, values, io.cwd));
    if (!model) throw new UsageError('--unconstrained needs --model: a language model writes each whole dialogue.');
    const baseline = model.ai.unconstrainedGenerator({
      model: model.model,
      ...model.options,
      ...definedOnly({ maxTurns }),
    });
    const written = await writeUnconstrained(baseline, catalog, profiles, {
      output: await output(),
      stderr: io.stderr,
      total: count,
      quiet: values.quiet === true,
      seed: seed ?? option.seed.parse(undefined),
    });
    for (const line of dataNotes) io.stderr.write(`${line}\n`);
    if (!values.quiet) io.stderr.write(`${runSummary(baseline, written.dialogues, written.violations)}\n`);
    return 0;
  }
  const adapter = await modelFromFlags(modelFlags(values.model, values, io.cwd));
  const generator = new DialogueGenerator({
    catalog,
    ...definedOnly({ seed, maxTurns, mode, adapter }),
    ...(style !== undefined ? { policy: { style } } : {}),
  });
  const written = await writeDialogues(generator, profiles, {
    output: await output(),
    stderr: io.stderr,
    total: count,
    quiet: values.quiet === true,
    options: definedOnly({ concurrency }),
  });
  // Like skips, these are reported even with --quiet: they change what the dialogues are made from.
  for (const line of dataNotes) io.stderr.write(`${line}\n`);
  if (adapter && !values.quiet) io.stderr.write(`${runSummary(adapter, written.dialogues, written.violations)}\n`);
  return 0;
}
