import { setMaxListeners } from 'node:events';
import { EventEmitter } from 'eventemitter3';
import { abortedError, throwIfAborted } from '../abort.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { PolarityJudge } from '../consistency/polarity-judge.js';
import { builtinCatalog } from '../data/builtin/builtin-catalog.js';
import type { VerbalizationMode } from '../dialogue/verbalization-mode.js';
import { IcerError } from '../errors.js';
import type { LMAdapter } from '../language/lm-adapter.js';
import { TemplateAdapter } from '../language/template-adapter.js';
import { PreferenceProfile } from '../profile/preference-profile.js';
import type { Seed } from '../random/seeded-random.js';
import { beliefPolicy, isBeliefPolicy } from '../simulation/belief-policy.js';
import type { RecommenderPolicyFactory } from '../simulation/recommender-policy.js';
import { resolveSimulatorOptions, type UserSimulatorOptions } from '../simulation/user-simulator.js';
import { parseOptions } from '../validation/parse-options.js';
import { checkedPolicy } from './checked-policy.js';
import type { DialogueRecord } from './dialogue-record.js';
import type { DialogueSetup } from './dialogue-setup.js';
import type { DialogueGeneratorEvents } from './generator-events.js';
import {
  type DialogueGeneratorOptions,
  DialogueGeneratorOptionsSchema,
  type GenerateManyOptions,
  GenerateManyOptionsSchema,
  type GenerateOptions,
  GenerateOptionsSchema,
} from './generator-options.js';
import { runDialogue } from './run-dialogue.js';

/**
 * Items given one at a time, synchronously or not (shown inline in the API reference).
 * @inline
 */
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

  /**
   * Checks every option and refuses unknown ones; throws an {@link IcerError} naming the bad one (`INVALID_ARGUMENT`,
   * `EMPTY_CATALOG`).
   */
  constructor(options: DialogueGeneratorOptions = {}) {
    super();
    const parsed = parseOptions(DialogueGeneratorOptionsSchema, options, 'DialogueGenerator');
    this.catalog = parsed.catalog ?? builtinCatalog();
    if (this.catalog.size === 0) {
      throw new IcerError('EMPTY_CATALOG', 'The catalog has no items, so there is nothing to recommend.', {
        location: { field: 'catalog' },
        hint: 'Pass a catalog with items, or leave `catalog` out to use the built-in one.',
      });
    }
    this.adapter = parsed.adapter ?? new TemplateAdapter();
    if (parsed.mode === 'dialogue' && typeof this.adapter.verbalizeDialogue !== 'function') {
      throw new IcerError('INVALID_ARGUMENT', `The adapter "${this.adapter.name}" cannot word whole dialogues.`, {
        location: { field: 'mode' },
        hint: "Use mode: 'turn', or an adapter that implements verbalizeDialogue().",
      });
    }
    this.#mode = parsed.mode;
    this.#judge = parsed.judge;
    const policy = parsed.policy;
    // The built-in policy's acts are valid by construction (and parsing would reorder their keys, so the same policy
    // would give other bytes when passed as a factory); a policy of the caller's own is checked turn by turn.
    if (typeof policy === 'function' && !isBeliefPolicy(policy)) {
      this.#policyName = policy.policyName ?? 'custom';
      this.#policy = checkedPolicy(policy, this.#policyName);
    } else {
      this.#policy = typeof policy === 'function' ? policy : beliefPolicy(policy ?? {});
      this.#policyName = this.#policy.policyName ?? 'custom';
    }
    this.#simulator = resolveSimulatorOptions(parsed.simulator, 'DialogueGenerator simulator');
    this.#maxTurns = parsed.maxTurns;
    this.#seed = parsed.seed;
    this.#repairAttempts = parsed.repairAttempts;
  }

  // A profile this generator cannot use: not a profile at all (a caller's bug, always fatal), or one with nothing to
  // say or with items and attributes the catalog lacks (bad data, which a batch may skip).
  #checkProfile(profile: PreferenceProfile, where: string): void {
    if (!(profile instanceof PreferenceProfile)) {
      throw new IcerError('INVALID_ARGUMENT', `${where} takes PreferenceProfiles.`, {
        location: { field: 'profile' },
        hint: 'Build them with profileFromSpec(), syntheticProfiles() or loadMovieLens(...).profile(id).',
      });
    }
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
  }

  #setup(profile: PreferenceProfile, id: string, seed: Seed, signal: AbortSignal | undefined): DialogueSetup {
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

  /**
   * Generates one dialogue for a profile. Throws `INVALID_PROFILE` for a profile that does not fit the catalog (an
   * item or attribute it lacks, named in the message), `ABORTED` when the signal fires, and the adapter's failure
   * (named with the dialogue and turn) when the adapter throws.
   */
  async generate(profile: PreferenceProfile, options: GenerateOptions = {}): Promise<DialogueRecord> {
    const { id: givenId, seed: givenSeed, signal } = parseOptions(GenerateOptionsSchema, options, 'generate');
    this.#checkProfile(profile, 'generate()');
    const seed = givenSeed ?? this.#seed;
    const id = givenId ?? `${String(seed)}-${profile.id}`;
    throwIfAborted(signal);
    try {
      return await runDialogue(this.#setup(profile, id, seed, signal), 0);
    } catch (error) {
      this.emit('error', { error, dialogueId: id, index: undefined });
      throw error;
    }
  }

  /**
   * Generates one dialogue per profile, `concurrency` at a time, yielding records in input order. Dialogue `i` gets
   * the seed `<seed>:<i>` and the id `<seed>-<i>`, so a batch is reproducible whatever the concurrency. A profile
   * that does not fit the catalog stops the batch, or with `invalidProfiles: 'skip'` is reported by a `dialogue:skip`
   * event and skipped.
   */
  async *generateMany(
    profiles: AnyIterable<PreferenceProfile>,
    options: GenerateManyOptions = {},
  ): AsyncGenerator<DialogueRecord> {
    const { concurrency, signal, total, invalidProfiles, firstIndex } = parseOptions(
      GenerateManyOptionsSchema,
      options,
      'generateMany',
    );
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
    // head must not idle the rest of the pool, so finished ones wait here, up to a bounded distance ahead. A skipped
    // profile waits here too, as its error, so that its report comes in input order.
    const pending = new Map<
      number,
      { id: string; run: Promise<DialogueRecord> } | { id: string; skipped: IcerError; profileId: string }
    >();
    const maxAhead = concurrency * REORDER_FACTOR;
    let running = 0;
    let started = 0;
    let nextToYield = 0;
    let completed = 0;
    let skipped = 0;
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
      const seed = `${String(this.#seed)}:${firstIndex + index}`;
      const id = `${String(this.#seed)}-${firstIndex + index}`;
      try {
        this.#checkProfile(next.value, 'generateMany()');
      } catch (error) {
        if (invalidProfiles === 'skip' && IcerError.isInstance(error) && error.code !== 'INVALID_ARGUMENT') {
          pending.set(index, { id, skipped: error, profileId: next.value.id });
        } else {
          // Reported in input order, after the records before it, like a dialogue that failed.
          const run = Promise.reject(error);
          run.catch(() => {});
          pending.set(index, { id, run });
        }
        return;
      }
      running++;
      const run = (async () => runDialogue(this.#setup(next.value, id, seed, stop.signal), firstIndex + index))();
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
        if ('skipped' in head) {
          pending.delete(nextToYield);
          skipped++;
          this.emit('dialogue:skip', {
            index: firstIndex + nextToYield,
            dialogueId: head.id,
            userId: head.profileId,
            error: head.skipped,
          });
          this.emit('progress', { completed, skipped, total, violations });
          nextToYield++;
          continue;
        }
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
          this.emit('error', { error, dialogueId: head.id, index: firstIndex + nextToYield });
          throw error;
        }
        nextToYield++;
        completed++;
        violations += record.consistency.violations.length;
        this.emit('progress', { completed, skipped, total, violations });
        yield record;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (pending.size > 0) stop.abort(abortedError(new Error('The batch stopped before this dialogue was yielded.')));
      // Wait for what was running, so nothing goes on unobserved; their failures are the consequence of stopping.
      await Promise.allSettled([...pending.values()].map((entry) => ('run' in entry ? entry.run : undefined)));
      if (!exhausted) await source.return?.();
    }
  }
}
