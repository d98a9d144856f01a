import { z } from 'zod';

/** Who speaks: the recommender (`assistant`) or the simulated `user`. */
export const SpeakerSchema = z.enum(['assistant', 'user']);
/** Who speaks. */
export type Speaker = z.output<typeof SpeakerSchema>;

/** The direction of an opinion. `neutral` means "no strong feeling either way". */
export const PolaritySchema = z.enum(['positive', 'negative', 'neutral']);
/** The direction of an opinion. */
export type Polarity = z.output<typeof PolaritySchema>;

/** An attribute key, `facet:value`. */
const AttributeKeySchema = z.string().regex(/^[a-z][a-z0-9_-]*:.+$/, 'an attribute key is facet:value');
const ItemIds = z.array(z.string().min(1));
const Strength = z.number().min(0).max(1);

// Every act carries `items`, so tools can rely on it without switching on the type; acts about no item keep it empty.
const noItems = { items: ItemIds.max(0, 'this act names no item').default([]) };

// ---------------------------------------------------------------------------------------------------------------
// Recommender (assistant) acts
// ---------------------------------------------------------------------------------------------------------------

/** Opens the conversation. */
export const GreetActSchema = z.strictObject({ type: z.literal('greet'), ...noItems });

/**
 * Asks about an attribute: a whole facet ("What genres do you enjoy?") when `attribute` is absent, or one value
 * ("How do you feel about horror?").
 */
export const AskAttributeActSchema = z
  .strictObject({
    type: z.literal('ask-attribute'),
    ...noItems,
    facet: z.string().min(1),
    attribute: AttributeKeySchema.optional(),
  })
  .refine((act) => act.attribute === undefined || act.attribute.startsWith(`${act.facet}:`), {
    message: "the attribute must belong to the act's facet",
    path: ['attribute'],
  });

/** Asks about one item: "Have you seen Heat (1995)? Did you like it?" */
export const AskItemActSchema = z.strictObject({ type: z.literal('ask-item'), items: ItemIds.length(1) });

/** An open question: "What are you in the mood for?" */
export const AskOpenActSchema = z.strictObject({ type: z.literal('ask-open'), ...noItems });

/** Recommends one to three items, with the attributes (from what the user said) that make them fit. */
export const RecommendActSchema = z.strictObject({
  type: z.literal('recommend'),
  items: ItemIds.min(1).max(3),
  /**
   * Attributes the user stated positively that every one of these items carries: the reason given for all of them.
   * @default []
   */
  reasons: z.array(AttributeKeySchema).default([]),
});

/** How a critique moves away from an item: along an attribute (`less`, `more`) or in time (`newer`, `older`). */
export const CritiqueDirectionSchema = z.enum(['less', 'more', 'newer', 'older']);

// An attribute exactly when the critique is along one: "less violent" needs it, "more recent" has none.
const attributeMatchesDirection = {
  check: (act: { attribute?: string | undefined; direction: string }) =>
    (act.attribute !== undefined) === (act.direction === 'less' || act.direction === 'more'),
  message: { message: 'less/more critiques name an attribute; newer/older critiques do not', path: ['attribute'] },
};

/**
 * Acknowledges a critique of an item ("Less violent than Heat, then."), usually before a new recommendation.
 * `dropped` names what earlier critiques asked for that nothing left has together with this one ("I've no noir films
 * left that fit that too"): said openly, never dropped in silence.
 */
export const RespondCritiqueActSchema = z
  .strictObject({
    type: z.literal('respond-critique'),
    items: ItemIds.length(1),
    attribute: AttributeKeySchema.optional(),
    direction: CritiqueDirectionSchema,
    dropped: z.array(AttributeKeySchema).min(1).optional(),
  })
  .refine(attributeMatchesDirection.check, attributeMatchesDirection.message);

/**
 * Says that nothing left fits a critique of an item ("I'm out of anything more action-packed than that."), instead of
 * recommending against it; the recommender then asks, or openly offers something that does not fit.
 */
export const NoMatchActSchema = z
  .strictObject({
    type: z.literal('no-match'),
    items: ItemIds.length(1),
    attribute: AttributeKeySchema.optional(),
    direction: CritiqueDirectionSchema,
  })
  .refine(attributeMatchesDirection.check, attributeMatchesDirection.message);

/** Tells the user about an item they asked about: year and a few attributes. */
export const DescribeItemActSchema = z.strictObject({
  type: z.literal('describe-item'),
  items: ItemIds.length(1),
  /**
   * What the description says about the item, as attribute keys.
   * @default []
   */
  attributes: z.array(AttributeKeySchema).default([]),
});

/** Ends the conversation, naming the accepted item if there is one. */
export const CloseActSchema = z.strictObject({ type: z.literal('close'), items: ItemIds.max(1).default([]) });

// ---------------------------------------------------------------------------------------------------------------
// User acts
// ---------------------------------------------------------------------------------------------------------------

/** Opens with what the user wants: "Hi! I'm looking for a movie for tonight." Items, if any, mean "something like these". */
export const StateGoalActSchema = z.strictObject({ type: z.literal('state-goal'), items: ItemIds.max(3).default([]) });

/**
 * States a preference, prompted or not: about an attribute ("I love sci-fi") or an item ("I loved Alien (1979)").
 * Item disclosures imply the user has seen the item.
 */
export const DiscloseActSchema = z
  .strictObject({
    type: z.literal('disclose'),
    /**
     * The item the disclosure is about, when it is about one.
     * @default []
     */
    items: ItemIds.max(1).default([]),
    attribute: AttributeKeySchema.optional(),
    polarity: PolaritySchema,
    strength: Strength,
  })
  .refine((act) => (act.attribute === undefined) !== (act.items.length === 0), {
    message: 'a disclosure is about one attribute or one item, not both or neither',
    path: ['attribute'],
  });

/**
 * Answers a question about an item: not seen (`seen: false`, no opinion), or seen, usually with an opinion.
 */
export const AnswerItemActSchema = z
  .strictObject({
    type: z.literal('answer-item'),
    items: ItemIds.length(1),
    seen: z.boolean(),
    polarity: PolaritySchema.optional(),
    strength: Strength.optional(),
  })
  .refine((act) => act.seen || (act.polarity === undefined && act.strength === undefined), {
    message: 'an unseen item comes with no opinion: no polarity and no strength',
    path: ['polarity'],
  });

/** Critiques a recommended item along an attribute: "like X but less violent / more sci-fi / more recent". */
export const CritiqueActSchema = z
  .strictObject({
    type: z.literal('critique'),
    items: ItemIds.length(1),
    /** The attribute critiqued; absent for recency critiques (`newer`, `older`). */
    attribute: AttributeKeySchema.optional(),
    direction: CritiqueDirectionSchema,
    /**
     * The stance on the attribute: negative for `less` (the user dislikes it), positive for `more`; for `newer` and
     * `older`, negative (a stance against the item's age).
     */
    polarity: PolaritySchema,
  })
  .refine(attributeMatchesDirection.check, attributeMatchesDirection.message)
  .refine((act) => act.polarity === (act.direction === 'more' ? 'positive' : 'negative'), {
    message: 'a critique is positive for more, negative otherwise',
    path: ['polarity'],
  });

/** Turns recommended items down without a specific critique. */
export const RejectActSchema = z.strictObject({
  type: z.literal('reject'),
  items: ItemIds.min(1).max(3),
  /**
   * True when the user has seen them already (liked or not, they want something new).
   * @default false
   */
  seen: z.boolean().default(false),
});

/** Accepts one recommended item. */
export const AcceptActSchema = z.strictObject({ type: z.literal('accept'), items: ItemIds.length(1) });

/** Asks about a recommended item: "What is Heat (1995) about?" */
export const AskAboutItemActSchema = z.strictObject({ type: z.literal('ask-about-item'), items: ItemIds.length(1) });

/** Gives up: patience exhausted. */
export const GiveUpActSchema = z.strictObject({ type: z.literal('give-up'), ...noItems });

/** Acts the recommender may perform. */
export const AssistantActSchema = z.discriminatedUnion('type', [
  GreetActSchema,
  AskAttributeActSchema,
  AskItemActSchema,
  AskOpenActSchema,
  RecommendActSchema,
  RespondCritiqueActSchema,
  NoMatchActSchema,
  DescribeItemActSchema,
  CloseActSchema,
]);

/** Acts the simulated user may perform. */
export const UserActSchema = z.discriminatedUnion('type', [
  StateGoalActSchema,
  DiscloseActSchema,
  AnswerItemActSchema,
  CritiqueActSchema,
  RejectActSchema,
  AcceptActSchema,
  AskAboutItemActSchema,
  GiveUpActSchema,
]);

/** Any dialogue act. */
export const DialogueActSchema = z.union([AssistantActSchema, UserActSchema]);

/** A recommender act. */
export type AssistantAct = z.output<typeof AssistantActSchema>;
/** A user act. */
export type UserAct = z.output<typeof UserActSchema>;
/** Any dialogue act. */
export type DialogueAct = AssistantAct | UserAct;
/** The `type` of any act. */
export type DialogueActType = DialogueAct['type'];
/** The act of a given type. */
export type ActOfType<T extends DialogueActType> = Extract<DialogueAct, { type: T }>;
