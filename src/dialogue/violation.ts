import { z } from 'zod';

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
  /**
   * A recommendation answering a critique goes against it (an item without X after "more X", with X after "less X",
   * not newer or older than the critiqued item) without first saying that nothing fits (`no-match`).
   */
  'recommend-ignores-critique',
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
  /** The text does not say an attribute its acts state or ask about (a liking, a dislike, a critique, a question). */
  'text-missing-attribute',
] as const;
/** A consistency rule. */
export type ViolationRule = (typeof VIOLATION_RULES)[number];

/** One broken rule, with what shows it. */
export const ViolationSchema = z.strictObject({
  /** Index of the turn that breaks the rule. */
  turn: z.number().int().min(0),
  /** The rule broken. */
  rule: z.enum(VIOLATION_RULES),
  /** One sentence a person can read. */
  message: z.string(),
  /** What shows it: the items and attribute involved, the earlier turn contradicted, the text span. */
  evidence: z.strictObject({
    /** Ids of the items involved. */
    items: z.array(z.string()).optional(),
    /** The attribute key involved, `facet:value`. */
    attribute: z.string().optional(),
    /** The act type at fault, when that is the evidence (e.g. an act the speaker cannot perform). */
    act: z.string().optional(),
    /** Index of the earlier turn contradicted. */
    earlierTurn: z.number().int().min(0).optional(),
    /** The span of the utterance that shows it. */
    text: z.string().optional(),
  }),
});
/** One broken rule. */
export type Violation = z.output<typeof ViolationSchema>;
