import { z } from 'zod';
import { RepairSchema } from '../dialogue/repair.js';
import { TokenUsageSchema } from '../dialogue/token-usage.js';
import { TurnSchema } from '../dialogue/turn.js';
import { VerbalizationModeSchema } from '../dialogue/verbalization-mode.js';
import { ViolationSchema } from '../dialogue/violation.js';
import { copyKeyed } from '../profile/keyed-record.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import { type Persona, PersonaSchema } from '../profile/profile-schema.js';
import { SeedSchema } from '../random/seeded-random.js';

/**
 * Why a dialogue ended: the user accepted an item, gave up, the turn budget ran out, or the recommender had no
 * candidates left to offer; `unconstrained` for a dialogue a model wrote without the simulator, whose ending no acts
 * record.
 */
export const OutcomeReasonSchema = z.enum(['accepted', 'gave-up', 'max-turns', 'no-candidates', 'unconstrained']);

/** `generator.policy` and `outcome.reason` of a dialogue a model wrote from the text profile, without the simulator. */
export const UNCONSTRAINED = 'unconstrained';

/** The dataset's unit: one dialogue with the hidden user it was generated for. */
export const DialogueRecordSchema = z
  .strictObject({
    /** The dialogue's id, unique within a run. */
    id: z.string().min(1),
    /** The seed this dialogue was generated from; regenerating with it gives the same bytes. */
    seed: SeedSchema,
    /** The catalog's domain, e.g. `movies` or `books`. */
    domain: z.string(),
    /** The hidden user: what the simulator knew (and the held-out targets it did not). */
    user: z.strictObject({
      /** The user's id (from the ratings data, the spec, or the synthetic draw). */
      id: z.string(),
      /** Ids of the items the user liked (held-out targets excluded). */
      liked: z.array(z.string()),
      /** Ids of the items the user disliked. */
      disliked: z.array(z.string()),
      /**
       * Ids of the items the dialogue names that the user has seen without a strong view either way ("Seen it, it
       * was okay."), so that what the user says of them can be checked: the profile's, then any unseen item the user
       * called okay (`unseenItems: 'neutral'`). The profile's other such items are left out: a synthetic book user
       * has seen about 150. Absent from records made before 0.25.0 and from unconstrained ones.
       */
      neutral: z.array(z.string()).optional(),
      /** Attribute affinities in [-1, 1]. */
      preferences: z.record(z.string(), z.number()),
      /** Evaluation targets, never shown to the simulator. */
      heldOut: z.array(z.string()),
      /** How this user talks, when the run gave users personas. */
      persona: PersonaSchema.optional(),
    }),
    /** The turns, in order. */
    turns: z.array(TurnSchema),
    /** How the dialogue ended. */
    outcome: z.strictObject({
      /** The item the user accepted, or `null` when no item was accepted. */
      accepted: z.string().nullable(),
      /** Why the dialogue ended. */
      reason: OutcomeReasonSchema,
      /** Every item the recommender recommended, in order. */
      recommended: z.array(z.string()),
      /** Recommended items that are held-out targets: the recommender found what the user would like. */
      heldOutRecommended: z.array(z.string()),
    }),
    /** What the consistency tracker checked and found, and the repairs made. */
    consistency: z.strictObject({
      /** Turns the tracker checked. */
      checkedTurns: z.number().int().min(0),
      /** Violations the dialogue keeps: broken act rules, and text violations no repair fixed. */
      violations: z.array(ViolationSchema),
      /** How many turns were repaired (re-asked or worded from templates). */
      repairs: z.number().int().min(0),
      /** One entry per repaired turn: what was wrong and how it was fixed. */
      repairLog: z.array(RepairSchema),
    }),
    /** What made the dialogue: icer's version, the language model, its mode and cost, the policy. */
    generator: z.strictObject({
      /** The icer version that generated the dialogue. */
      version: z.string(),
      /** `template`, or `provider:model`. */
      lm: z.string(),
      /** `turn`: one verbalisation per turn; `dialogue`: one per dialogue. */
      mode: VerbalizationModeSchema,
      /**
       * Tokens the language model used for this dialogue (zero for templates), replies that could not be used
       * included, as originally reported (the same when replayed from a cache).
       */
      usage: TokenUsageSchema,
      /**
       * Language-model replies this dialogue took, re-asks of unusable ones included; network retries are not
       * counted (they are in the adapter's `stats`), so that a cached re-run writes the same record.
       */
      calls: z.number().int().min(0),
      /** The turn budget the dialogue ran under. */
      maxTurns: z.number().int(),
      /** The recommender policy's name; `unconstrained` for a dialogue a model wrote without the simulator. */
      policy: z.string(),
    }),
  })
  .superRefine((record, context) => {
    // Only a dialogue written without the simulator has turns without acts: anywhere else it is a broken record.
    if (record.generator.policy === UNCONSTRAINED) return;
    const bare = record.turns.findIndex((turn) => turn.acts.length === 0);
    if (bare >= 0) {
      context.addIssue({
        code: 'custom',
        path: ['turns', bare, 'acts'],
        message: 'a turn must have at least one act (only an unconstrained dialogue has none)',
      });
    }
  });
/** One generated dialogue. */
export type DialogueRecord = z.output<typeof DialogueRecordSchema>;

/**
 * The record's `user`: the hidden profile as ids and affinities, with the persona the dialogue was made with, and
 * `neutral` (see the schema) when the dialogue has acts to find it from.
 */
export function recordUser(
  profile: PreferenceProfile,
  persona: Persona | undefined,
  neutral?: readonly string[],
): DialogueRecord['user'] {
  return {
    id: profile.id,
    liked: profile.liked.map((o) => o.item),
    disliked: profile.disliked.map((o) => o.item),
    ...(neutral ? { neutral: [...neutral] } : {}),
    preferences: copyKeyed(profile.affinities),
    heldOut: [...profile.heldOut],
    ...(persona ? { persona } : {}),
  };
}
