import { setMaxListeners } from 'node:events';
import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import { ItemCatalog } from '../catalog/item-catalog.js';
import type { PolarityJudge } from '../consistency/polarity-judge.js';
import { builtinCatalog } from '../data/builtin/builtin-catalog.js';
import { IcerError } from '../errors.js';
import type { LMAdapter } from '../language/lm-adapter.js';
import { TemplateAdapter } from '../language/template-adapter.js';
import { PreferenceProfile } from '../profile/preference-profile.js';
import type { Seed } from '../random/seeded-random.js';
import { type BeliefPolicyOptions, beliefPolicy } from '../simulation/belief-policy.js';
import type { RecommenderPolicyFactory } from '../simulation/recommender-policy.js';
import { type UserSimulatorOptions, UserSimulatorOptionsSchema } from '../simulation/user-simulator.js';
import { parseOptions } from '../validation/parse-options.js';
import type { DialogueRecord } from './dialogue-record.js';
import { type DialogueSetup, throwIfAborted, type VerbalizationMode } from './dialogue-setup.js';
import type { DialogueGeneratorEvents } from './generator-events.js';
import { runDialogue } from './run-dialogue.js';

const SeedSchema = z.union([z.number().finite(), z.string()]);

const ScalarOptionsSchema = z.object({
  /** Most turns per dialogue (both speakers counted), at least 2. Default 20. */
  maxTurns: z
    .number()
    .int()
    .min(2, 'maxTurns must be at least 2: a dialogue needs a question and an answer')
    .default(20),
  /** The run's seed. Default 0. */
  seed: SeedSchema.default(0),
  /** How often a turn whose text contradicts its acts is re-asked before falling back to templates. Default 2. */
  repairAttempts: z.number().int().min(0).max(10).default(2),
  /** `turn` (default): one verbalisation per turn; `dialogue`: the whole dialogue in one call. */
  mode: z.enum(['turn', 'dialogue']).default('turn'),
});

/** Options of {@link DialogueGenerator}. */
export interface DialogueGeneratorOptions {
  /** Items to recommend from. Default: the built-in movie catalog. */
  catalog?: ItemCatalog;
  /** Puts acts into words. Default: a {@link TemplateAdapter} (no model, no network). */
  adapter?: LMAdapter;
  /** The recommender: options of the default belief policy, or your own factory. Default `{ style: 'balanced' }`. */
  policy?: RecommenderPolicyFactory | BeliefPolicyOptions;
  /** The simulated user's options. */
  simulator?: UserSimulatorOptions;
  /** Most turns per dialogue (both speakers counted), at least 2. Default 20. */
  maxTurns?: number;
  /** The run's seed: the same seed and inputs give byte-identical dialogues. Default 0. */
  seed?: Seed;
  /** How often a turn whose text contradicts its acts is re-asked before falling back to templates. Default 2. */
  repairAttempts?: number;
  /**
   * Decides the stance of text the lexical polarity check is unsure about (e.g. `aiSdkJudge` from `icer/ai`). A
   * judged contradiction is repaired like any other. Default: none — unsure text passes.
   */
  judge?: PolarityJudge;
  /**
   * `turn` (default): one adapter call per turn, each seeing the conversation so far. `dialogue`: the acts of the
   * whole dialogue are decided first and worded in one call (the adapter must implement `verbalizeDialogue`).
   */
  mode?: VerbalizationMode;
}

/** Options of one {@link DialogueGenerator.generate} call. */
export interface GenerateOptions {
  /** The dialogue's id. Default `<seed>-<user id>`. */
  id?: string;
  /** The dialogue's seed (a record's `seed` regenerates it). Default: the generator's seed. */
  seed?: Seed;
  /** Cancels the dialogue between turns and inside model calls. */
  signal?: AbortSignal;
}

/** Options of {@link DialogueGenerator.generateMany}. */
export interface GenerateManyOptions {
  /** Dialogues in flight at once, at least 1. Default 4. Records still come out in input order. */
  concurrency?: number;
  /** Stops the batch: no new dialogue starts, and the iterator throws an `ABORTED` IcerError. */
  signal?: AbortSignal;
  /** How many profiles there are, when known: reported in `progress` events. */
  total?: number;
}

const ConcurrencySchema = z.strictObject({
  concurrency: z.number().int().min(1, 'concurrency must be at least 1').default(4),
  signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'signal must be an AbortSignal').optional(),
  total: z.number().int().min(0).optional(),
});

type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

// How far ahead of the next record to yield finished dialogues may pile up, in multiples of the concurrency.
const REORDER_FACTOR = 4;

/**
 * Generates ICER dialogues: a recommender policy and a simulated user take turns deciding structured acts, an
 * {@link LMAdapter} puts them into words, and a consistency tracker checks every turn against the user's hidden
 * profile and everything said before, repairing text that contradicts its acts. Emits typed events as it goes.
 *
 * @example
 * ```ts
 * const generator = new DialogueGenerator({ seed: 7 });
 * generator.on('inconsistency', ({ violation }) => console.warn(violation.message));
 * const users = syntheticProfiles(builtinCatalog(), { count: 100, seed: 7 });
 * for await (const record of generator.generateMany(users, { concurrency: 8 })) {
 *   console.log(JSON.stringify(record));
 * }
 * ```
 */
export class DialogueGenerator extends EventEmitter<DialogueGeneratorEvents> {
  /** The catalog dialogues recommend from. */
  readonly catalog: ItemCatalog;
  /** The adapter that words the acts. */
  readonly adapter: LMAdapter;
  readonly #policy: RecommenderPolicyFactory;
  readonly #policyName: string;
  readonly #simulator: UserSimulatorOptions;
  readonly #maxTurns: number;
  readonly #seed: Seed;
  readonly #repairAttempts: number;
  readonly #mode: VerbalizationMode;
  readonly #judge: PolarityJudge | undefined;

  /** Checks every option; throws an {@link IcerError} naming the bad one (`INVALID_ARGUMENT`, `EMPTY_CATALOG`). */
  constructor(options: DialogueGeneratorOptions = {}) {
    super();
    const scalars = parseOptions(
      ScalarOptionsSchema,
      { maxTurns: options.maxTurns, seed: options.seed, repairAttempts: options.repairAttempts, mode: options.mode },
      'DialogueGenerator',
    );
    if (options.catalog !== undefined && !(options.catalog instanceof ItemCatalog)) {
      throw new IcerError('INVALID_ARGUMENT', 'The catalog option must be an ItemCatalog.', {
        location: { field: 'catalog' },
        hint: 'Pass new ItemCatalog(items), loadCatalogJson(file), (await loadMovieLens(dir)).catalog, or leave it out.',
      });
    }
    this.catalog = options.catalog ?? builtinCatalog();
    if (this.catalog.size === 0) {
      throw new IcerError('EMPTY_CATALOG', 'The catalog has no items, so there is nothing to recommend.', {
        hint: 'Pass a catalog with items, or leave `catalog` out to use the built-in one.',
      });
    }
    this.adapter = options.adapter ?? new TemplateAdapter();
    if (typeof this.adapter.verbalize !== 'function') {
      throw new IcerError('INVALID_ARGUMENT', 'The adapter has no verbalize() method.', {
        location: { field: 'adapter' },
        hint: 'Pass an object implementing LMAdapter: { name, verbalize(request) }.',
      });
    }
    if (scalars.mode === 'dialogue' && typeof this.adapter.verbalizeDialogue !== 'function') {
      throw new IcerError('INVALID_ARGUMENT', `The adapter "${this.adapter.name}" cannot word whole dialogues.`, {
        location: { field: 'mode' },
        hint: "Use mode: 'turn', or an adapter that implements verbalizeDialogue().",
      });
    }
    this.#mode = scalars.mode;
    if (options.judge !== undefined && typeof options.judge !== 'function') {
      throw new IcerError('INVALID_ARGUMENT', 'The judge must be a function of a polarity question.', {
        location: { field: 'judge' },
      });
    }
    this.#judge = options.judge;
    const policy = options.policy;
    this.#policy = typeof policy === 'function' ? policy : beliefPolicy(policy ?? {});
    this.#policyName = this.#policy.policyName ?? 'custom';
    this.#simulator = parseOptions(UserSimulatorOptionsSchema, options.simulator, 'DialogueGenerator simulator');
    this.#maxTurns = scalars.maxTurns;
    this.#seed = scalars.seed;
    this.#repairAttempts = scalars.repairAttempts;
  }

  #setup(profile: PreferenceProfile, id: string, seed: Seed, signal: AbortSignal | undefined): DialogueSetup {
    if (!profile.hasPreferences) {
      throw new IcerError(
        'INVALID_PROFILE',
        `Profile "${profile.id}" has no preferences: no liked or disliked items and no affinities.`,
        {
          hint: 'A simulated user needs something to say; give the profile at least one liked item or attribute affinity.',
        },
      );
    }
    profile.assertMatches(this.catalog);
    return {
      id,
      seed,
      profile,
      catalog: this.catalog,
      adapter: this.adapter,
      mode: this.#mode,
      policy: this.#policy,
      policyName: this.#policyName,
      simulator: this.#simulator,
      maxTurns: this.#maxTurns,
      repairAttempts: this.#repairAttempts,
      judge: this.#judge,
      signal,
      emit: (event, payload) => {
        (this.emit as (event: string, payload: unknown) => boolean)(event, payload);
      },
    };
  }

  /** Generates one dialogue for a profile. */
  async generate(profile: PreferenceProfile, options: GenerateOptions = {}): Promise<DialogueRecord> {
    if (!(profile instanceof PreferenceProfile)) {
      throw new IcerError('INVALID_ARGUMENT', 'generate() takes a PreferenceProfile.', {
        location: { field: 'profile' },
        hint: 'Build one with profileFromSpec(), syntheticProfiles() or loadMovieLens(...).profile(id).',
      });
    }
    const seed = options.seed ?? this.#seed;
    const id = options.id ?? `${String(seed)}-${profile.id}`;
    throwIfAborted(options.signal);
    try {
      return await runDialogue(this.#setup(profile, id, seed, options.signal), 0);
    } catch (error) {
      this.emit('error', { error, dialogueId: id, index: undefined });
      throw error;
    }
  }

  /**
   * Generates one dialogue per profile, `concurrency` at a time, yielding records in input order. Dialogue `i` gets
   * the seed `<seed>:<i>` and the id `<seed>-<i>`, so a batch is reproducible whatever the concurrency.
   */
  async *generateMany(
    profiles: AnyIterable<PreferenceProfile>,
    options: GenerateManyOptions = {},
  ): AsyncGenerator<DialogueRecord> {
    const { concurrency, signal, total } = parseOptions(ConcurrencySchema, options, 'generateMany');
    if (
      typeof profiles !== 'object' ||
      profiles === null ||
      !(Symbol.asyncIterator in profiles || Symbol.iterator in profiles)
    ) {
      throw new IcerError(
        'INVALID_ARGUMENT',
        'generateMany() takes an iterable (or async iterable) of PreferenceProfiles.',
        {
          location: { field: 'profiles' },
        },
      );
    }
    const source: AsyncIterator<PreferenceProfile> | Iterator<PreferenceProfile> =
      Symbol.asyncIterator in profiles ? profiles[Symbol.asyncIterator]() : profiles[Symbol.iterator]();
    // Stops the dialogues still running when the batch ends early (a failure, a break, the caller's abort): their
    // records would be thrown away, and with a model each of their calls costs money.
    const stop = new AbortController();
    // Every running dialogue's model call listens on it, so `concurrency` above 10 is not the listener leak that
    // Node would otherwise warn about.
    setMaxListeners(0, stop.signal);
    const onAbort = () => stop.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    // Started dialogues not yet yielded, by index. `concurrency` bounds the ones *running*: a slow dialogue at the
    // head must not idle the rest of the pool, so finished ones wait here, up to a bounded distance ahead.
    const pending = new Map<number, { id: string; run: Promise<DialogueRecord> }>();
    const maxAhead = concurrency * REORDER_FACTOR;
    let running = 0;
    let started = 0;
    let nextToYield = 0;
    let completed = 0;
    let violations = 0;
    let exhausted = false;
    let wake: () => void = () => {};

    const finished = () => {
      running--;
      wake();
    };
    const startNext = async (): Promise<void> => {
      const next = await source.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      const index = started++;
      const seed = `${String(this.#seed)}:${index}`;
      const id = `${String(this.#seed)}-${index}`;
      running++;
      const run = (async () => runDialogue(this.#setup(next.value, id, seed, stop.signal), index))();
      // Settled either way; a failure surfaces (and is reported) when its turn to be yielded comes.
      void run.then(finished, finished);
      pending.set(index, { id, run });
    };

    try {
      while (true) {
        while (!exhausted && running < concurrency && started - nextToYield < maxAhead) {
          throwIfAborted(signal);
          await startNext();
        }
        const head = pending.get(nextToYield);
        if (!head) return;
        // Wait for the head, or for any dialogue to finish so that a free slot is filled at once.
        const woken = new Promise<void>((resolve) => {
          wake = resolve;
        });
        const headDone = await Promise.race([
          head.run.then(
            () => true,
            () => true,
          ),
          woken.then(() => false),
        ]);
        if (!headDone) continue;
        pending.delete(nextToYield);
        let record: DialogueRecord;
        try {
          record = await head.run;
        } catch (error) {
          this.emit('error', { error, dialogueId: head.id, index: nextToYield });
          throw error;
        }
        nextToYield++;
        completed++;
        violations += record.consistency.violations.length;
        this.emit('progress', { completed, total, violations });
        yield record;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (pending.size > 0) stop.abort(new IcerError('ABORTED', 'The batch stopped before this dialogue was yielded.'));
      // Wait for what was running, so nothing goes on unobserved; their failures are the consequence of stopping.
      await Promise.allSettled([...pending.values()].map(({ run }) => run));
      if (!exhausted) await source.return?.();
    }
  }
}
