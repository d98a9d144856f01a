import { z } from 'zod';
import { ItemCatalog } from '../catalog/item-catalog.js';
import type { PolarityJudge } from '../consistency/polarity-judge.js';
import type { AssistantActInput } from '../dialogue/dialogue-acts.js';
import { VerbalizationModeSchema } from '../dialogue/verbalization-mode.js';
import type { LMAdapter } from '../language/lm-adapter.js';
import { SeedSchema } from '../random/seeded-random.js';
import type { BeliefPolicyOptions } from '../simulation/belief-policy.js';
import type { RecommenderPolicyFactory } from '../simulation/recommender-policy.js';
import { UserSimulatorOptionsSchema } from '../simulation/user-simulator.js';

const AdapterSchema = z.custom<LMAdapter>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LMAdapter).verbalize === 'function' &&
    typeof (value as LMAdapter).name === 'string' &&
    (value as LMAdapter).name.trim() !== '',
  'the adapter must be an object with a non-empty `name` (recorded as generator.lm) and a verbalize() method',
);

/** Options of {@link DialogueGenerator}. Unknown keys are refused, so that a misspelt option is never ignored. */
export const DialogueGeneratorOptionsSchema = z.strictObject({
  /**
   * Items to recommend from.
   * @default the built-in movie catalog
   */
  catalog: z
    .custom<ItemCatalog>((value) => value instanceof ItemCatalog, 'the catalog must be an ItemCatalog')
    .optional(),
  /**
   * Puts acts into words: a {@link TemplateAdapter}, `AiSdkAdapter` from `icer/ai`, or your own {@link LMAdapter}.
   * @default new TemplateAdapter() (no model, no network)
   */
  adapter: AdapterSchema.optional(),
  /**
   * The recommender: options of the default belief policy, or your own factory.
   * @default { style: 'balanced' }
   */
  policy: z
    .custom<RecommenderPolicyFactory<AssistantActInput> | BeliefPolicyOptions>(
      (value) => typeof value === 'function' || (typeof value === 'object' && value !== null),
      'the policy must be a policy factory (a function) or the options of beliefPolicy()',
    )
    .optional(),
  /**
   * The simulated user's options.
   * @default {} (every field has its own default)
   */
  simulator: UserSimulatorOptionsSchema.optional(),
  /**
   * Most turns per dialogue (both speakers counted), at least 2.
   * @default 20
   */
  maxTurns: z
    .number()
    .int()
    .min(2, 'maxTurns must be at least 2: a dialogue needs a question and an answer')
    .default(20),
  /**
   * The run's seed: the same seed and inputs give byte-identical dialogues.
   * @default 0
   */
  seed: SeedSchema.default(0),
  /**
   * How often a turn whose text contradicts its acts is re-asked before falling back to templates, 0–10.
   * @default 2
   */
  repairAttempts: z.number().int().min(0).max(10).default(2),
  /**
   * Decides the stance of text the lexical polarity check is unsure about (e.g. `aiSdkJudge` from `icer/ai`). A
   * judged contradiction is repaired like any other.
   * @default none: unsure text passes
   */
  judge: z
    .custom<PolarityJudge>(
      (value) => typeof value === 'function',
      'the judge must be a function of a polarity question',
    )
    .optional(),
  /**
   * `turn`: one adapter call per turn, each seeing the conversation so far. `dialogue`: the acts of the whole
   * dialogue are decided first and worded in one call (the adapter must implement `verbalizeDialogue`).
   * @default 'turn'
   */
  mode: VerbalizationModeSchema.default('turn'),
});
/** Options of {@link DialogueGenerator}. */
export type DialogueGeneratorOptions = z.input<typeof DialogueGeneratorOptionsSchema>;

const SignalSchema = z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'signal must be an AbortSignal');

/** Options of one {@link DialogueGenerator.generate} call. */
export const GenerateOptionsSchema = z.strictObject({
  /**
   * The dialogue's id.
   * @default `<seed>-<user id>`
   */
  id: z.string().min(1).optional(),
  /**
   * The dialogue's seed (a record's `seed` regenerates it).
   * @default the generator's seed
   */
  seed: SeedSchema.optional(),
  /** Cancels the dialogue, between turns and inside adapter calls (even an adapter that ignores it). */
  signal: SignalSchema.optional(),
});
/** Options of one {@link DialogueGenerator.generate} call. */
export type GenerateOptions = z.input<typeof GenerateOptionsSchema>;

/**
 * What a batch does with a profile the generator cannot use (no preferences, or items and attributes the catalog
 * lacks): `stop` the batch with the profile's error, or `skip` it (reported by a `dialogue:skip` event and counted in
 * `progress`; its index is used up, so the other dialogues keep their seeds).
 */
export const InvalidProfilePolicySchema = z.enum(['stop', 'skip']);
/** One of {@link InvalidProfilePolicySchema}'s values. */
export type InvalidProfilePolicy = z.output<typeof InvalidProfilePolicySchema>;

/** Options of {@link DialogueGenerator.generateMany}. */
export const GenerateManyOptionsSchema = z.strictObject({
  /**
   * Dialogues in flight at once, at least 1. Records still come out in input order.
   * @default 4
   */
  concurrency: z.number().int().min(1, 'concurrency must be at least 1').default(4),
  /** Stops the batch: no new dialogue starts, running ones are cancelled, and the iterator throws `ABORTED`. */
  signal: SignalSchema.optional(),
  /** How many profiles there are, when known: reported in `progress` events. */
  total: z.number().int().min(0).optional(),
  /**
   * The index of the first profile given. A run resumed (or a shard) passes the profiles from that index on, so that
   * every dialogue keeps the seed and id it has in the whole run.
   * @default 0
   */
  firstIndex: z.number().int().min(0).default(0),
  /**
   * What to do with a profile the generator cannot use.
   * @default 'stop'
   */
  invalidProfiles: InvalidProfilePolicySchema.default('stop'),
});
/** Options of {@link DialogueGenerator.generateMany}. */
export type GenerateManyOptions = z.input<typeof GenerateManyOptionsSchema>;
