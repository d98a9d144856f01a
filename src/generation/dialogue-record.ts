import { z } from 'zod';
import { RepairSchema } from '../dialogue/repair.js';
import { TokenUsageSchema } from '../dialogue/token-usage.js';
import { TurnSchema } from '../dialogue/turn.js';
import { VerbalizationModeSchema } from '../dialogue/verbalization-mode.js';
import { ViolationSchema } from '../dialogue/violation.js';
import { PersonaSchema } from '../profile/profile-schema.js';
import { SeedSchema } from '../random/seeded-random.js';

/**
 * Why a dialogue ended: the user accepted an item, gave up, the turn budget ran out, or the recommender had no
 * candidates left to offer.
 */
export const OutcomeReasonSchema = z.enum(['accepted', 'gave-up', 'max-turns', 'no-candidates']);

/** The dataset's unit: one dialogue with the hidden user it was generated for. */
export const DialogueRecordSchema = z.strictObject({
  id: z.string().min(1),
  /** The seed this dialogue was generated from; regenerating with it gives the same bytes. */
  seed: SeedSchema,
  domain: z.string(),
  /** The hidden user: what the simulator knew (and the held-out targets it did not). */
  user: z.strictObject({
    id: z.string(),
    liked: z.array(z.string()),
    disliked: z.array(z.string()),
    /** Attribute affinities in [-1, 1]. */
    preferences: z.record(z.string(), z.number()),
    /** Evaluation targets, never shown to the simulator. */
    heldOut: z.array(z.string()),
    persona: PersonaSchema.optional(),
  }),
  turns: z.array(TurnSchema),
  outcome: z.strictObject({
    accepted: z.string().nullable(),
    reason: OutcomeReasonSchema,
    /** Every item the recommender recommended, in order. */
    recommended: z.array(z.string()),
    /** Recommended items that are held-out targets: the recommender found what the user would like. */
    heldOutRecommended: z.array(z.string()),
  }),
  consistency: z.strictObject({
    checkedTurns: z.number().int().min(0),
    violations: z.array(ViolationSchema),
    repairs: z.number().int().min(0),
    repairLog: z.array(RepairSchema),
  }),
  generator: z.strictObject({
    version: z.string(),
    /** `template`, or `provider:model`. */
    lm: z.string(),
    /** `turn`: one verbalisation per turn; `dialogue`: one per dialogue. */
    mode: VerbalizationModeSchema,
    usage: TokenUsageSchema,
    /** Language-model calls made for this dialogue. */
    calls: z.number().int().min(0),
    maxTurns: z.number().int(),
    policy: z.string(),
  }),
});
/** One generated dialogue. */
export type DialogueRecord = z.output<typeof DialogueRecordSchema>;
