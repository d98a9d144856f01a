import { z } from 'zod';
import { PersonaSchema } from '../profile/profile-schema.js';
import { DialogueActSchema, SpeakerSchema } from '../simulation/dialogue-acts.js';

/** One turn: who spoke, the acts they performed (the truth), and the words that render them. */
export const TurnSchema = z.strictObject({
  /** 0-based position in the dialogue. */
  index: z.number().int().min(0),
  speaker: SpeakerSchema,
  /** The utterance. */
  text: z.string(),
  /** The structured acts the text renders. */
  acts: z.array(DialogueActSchema).min(1),
});
/** One turn. */
export type Turn = z.output<typeof TurnSchema>;

/** The consistency rules a turn can break. */
export const VIOLATION_RULES = [
  /** A user act states a polarity (or a seen/unseen claim) the hidden profile does not support. */
  'user-contradicts-profile',
  /** A user act states a polarity (or a seen/unseen claim) different from what the user said earlier. */
  'user-contradicts-self',
  /** The user accepts an item it disliked, or one carrying an attribute it said it dislikes. */
  'accept-contradicts-dislike',
  /** The recommender recommends an item the user already rejected or critiqued. */
  'recommend-rejected',
  /** The recommender recommends an item the user said it dislikes. */
  'recommend-disliked',
  /** A recommendation's reason is not carried by every item it recommends, or is not something the user said it likes. */
  'recommend-unsupported-reason',
  /** The user claims to have seen an item the profile says it has not. */
  'unseen-item-claimed',
  /** The user names a held-out target item before the recommender brought it up. */
  'held-out-leak',
  /** An act names an item that is not in the catalog, or an act is not one this speaker can perform. */
  'invalid-act',
  /** The text does not mention an item its acts name. */
  'text-missing-item',
  /** The text mentions a catalog item its acts do not name. */
  'text-extra-item',
  /** The text states a polarity its acts do not (e.g. enthusiasm for a negative act). */
  'text-polarity',
  /** The text names a title with a year ("Title (1999)") that is no item of the catalog: an invented title. */
  'text-unknown-title',
] as const;
/** A consistency rule. */
export type ViolationRule = (typeof VIOLATION_RULES)[number];

/** One broken rule, with what shows it. */
export const ViolationSchema = z.strictObject({
  /** Index of the turn that breaks the rule. */
  turn: z.number().int().min(0),
  rule: z.enum(VIOLATION_RULES),
  /** One sentence a person can read. */
  message: z.string(),
  /** What shows it: the items and attribute involved, the earlier turn contradicted, the text span. */
  evidence: z.strictObject({
    items: z.array(z.string()).optional(),
    attribute: z.string().optional(),
    /** The act type at fault, when that is the evidence (e.g. an act the speaker cannot perform). */
    act: z.string().optional(),
    earlierTurn: z.number().int().min(0).optional(),
    text: z.string().optional(),
  }),
});
/** One broken rule. */
export type Violation = z.output<typeof ViolationSchema>;

/** A repaired turn: the text violations found, and how the turn was fixed. */
export const RepairSchema = z.strictObject({
  turn: z.number().int().min(0),
  /** Verbalisation attempts made (the first included). */
  attempts: z.number().int().min(1),
  /** `regenerated`: a later attempt passed; `template`: fell back to the template rendering. */
  method: z.enum(['regenerated', 'template']),
  violations: z.array(ViolationSchema),
  /** Why an attempt failed when it was not a violation: the model's reply could not be used at all. */
  unusable: z.string().optional(),
});
/** A repaired turn. */
export type Repair = z.output<typeof RepairSchema>;

/** Token counts reported by a language model. */
export const TokenUsageSchema = z.strictObject({
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
});
/** Token counts. */
export type TokenUsage = z.output<typeof TokenUsageSchema>;

/**
 * Why a dialogue ended: the user accepted an item, gave up, the turn budget ran out, or the recommender had no
 * candidates left to offer.
 */
export const OutcomeReasonSchema = z.enum(['accepted', 'gave-up', 'max-turns', 'no-candidates']);

/** The dataset's unit: one dialogue with the hidden user it was generated for. */
export const DialogueRecordSchema = z.strictObject({
  id: z.string().min(1),
  /** The seed this dialogue was generated from; regenerating with it gives the same bytes. */
  seed: z.union([z.number(), z.string()]),
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
    mode: z.enum(['turn', 'dialogue']),
    usage: TokenUsageSchema,
    /** Language-model calls made for this dialogue. */
    calls: z.number().int().min(0),
    maxTurns: z.number().int(),
    policy: z.string(),
  }),
});
/** One generated dialogue. */
export type DialogueRecord = z.output<typeof DialogueRecordSchema>;
