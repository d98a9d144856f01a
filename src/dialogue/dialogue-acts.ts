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
const noItems = {
  /**
   * Always empty: this act names no item.
   * @default []
   */
  items: ItemIds.max(0, 'this act names no item').default([]),
};

// ---------------------------------------------------------------------------------------------------------------
// Recommender (assistant) acts
// ---------------------------------------------------------------------------------------------------------------

/** Opens the conversation. */
export const GreetActSchema = z.strictObject({
  /** Discriminator: `greet`. */
  type: z.literal('greet'),
  ...noItems,
});

/**
 * Asks about an attribute: a whole facet ("What genres do you enjoy?") when `attribute` is absent, or one value
 * ("How do you feel about horror?").
 */
export const AskAttributeActSchema = z
  .strictObject({
    /** Discriminator: `ask-attribute`. */
    type: z.literal('ask-attribute'),
    ...noItems,
    /** The facet asked about, e.g. `genre`. */
    facet: z.string().min(1),
    /** The one value asked about (`facet:value`, within `facet`); absent when the whole facet is asked. */
    attribute: AttributeKeySchema.optional(),
  })
  .refine((act) => act.attribute === undefined || act.attribute.startsWith(`${act.facet}:`), {
    message: "the attribute must belong to the act's facet",
    path: ['attribute'],
  });

/** Asks about one item: "Have you seen Heat (1995)? Did you like it?" */
export const AskItemActSchema = z.strictObject({
  /** Discriminator: `ask-item`. */
  type: z.literal('ask-item'),
  /** The one item the act is about. */
  items: ItemIds.length(1),
});

/**
 * Asks what put the user off an item they turned down without saying why: "What didn't work for you about Heat?"
 * The user answers with a critique of it, or says nothing in particular did.
 */
export const AskReasonActSchema = z.strictObject({
  /** Discriminator: `ask-reason`. */
  type: z.literal('ask-reason'),
  /** The one item the act is about. */
  items: ItemIds.length(1),
});

/** An open question: "What are you in the mood for?" */
export const AskOpenActSchema = z.strictObject({
  /** Discriminator: `ask-open`. */
  type: z.literal('ask-open'),
  ...noItems,
});

/** Recommends one to three items, with the attributes (from what the user said) that make them fit. */
export const RecommendActSchema = z.strictObject({
  /** Discriminator: `recommend`. */
  type: z.literal('recommend'),
  /** The items recommended or turned down: one to three. */
  items: ItemIds.min(1).max(3),
  /**
   * Attributes the user stated positively that every one of these items carries: the reason given for all of them.
   * @default []
   */
  reasons: z.array(AttributeKeySchema).default([]),
  /**
   * A title the user said they liked that every item recommended is like: of its kind (a genre in common) and close
   * to it in what else it has ("Since you liked Heat, how about Ronin (1998)?"). The text names it too. Absent when
   * the slate is not drawn from one.
   */
  like: z.string().min(1).optional(),
  /**
   * The recommender asks what the user would change about these items, inviting a critique ("Think of this as a
   * starting point: tell me what you'd change."): a critiquing recommender's way of refining. Absent when it does not.
   */
  invitesCritique: z.boolean().optional(),
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
 * `dropped` names what earlier critiques asked for that nothing left near the item has together with this one ("For
 * that, I'm letting noir films go this time"), and likings the critiqued item was suggested for that every item of
 * the new suggestion is known to lack ("like Yojimbo, but more romantic": "I'm leaving films set in Japan aside this
 * time, though"): said openly, never dropped in silence.
 */
export const RespondCritiqueActSchema = z
  .strictObject({
    /** Discriminator: `respond-critique`. */
    type: z.literal('respond-critique'),
    /** The one item the act is about. */
    items: ItemIds.length(1),
    /** The attribute critiqued (`less`, `more`); absent for recency critiques (`newer`, `older`). */
    attribute: AttributeKeySchema.optional(),
    /** Which way the user asked to move from the item. */
    direction: CritiqueDirectionSchema,
    /**
     * Attributes earlier critiques asked for that no remaining item near it has together with this one, and likings
     * the critiqued item was suggested for that every item of the new suggestion is known to lack; said openly.
     */
    dropped: z.array(AttributeKeySchema).min(1).optional(),
  })
  .refine(attributeMatchesDirection.check, attributeMatchesDirection.message);

/**
 * Says that nothing left fits a critique of an item ("I'm out of anything more action-packed than that."), instead of
 * recommending against it; the recommender then asks, or openly offers something that does not fit.
 */
export const NoMatchActSchema = z
  .strictObject({
    /** Discriminator: `no-match`. */
    type: z.literal('no-match'),
    /** The one item the act is about. */
    items: ItemIds.length(1),
    /** The attribute nothing left fits the critique on (`less`, `more`); absent for `newer` and `older`. */
    attribute: AttributeKeySchema.optional(),
    /** Which way the unmet critique asked to move from the item. */
    direction: CritiqueDirectionSchema,
  })
  .refine(attributeMatchesDirection.check, attributeMatchesDirection.message);

/** Tells the user about an item they asked about: year and a few attributes. */
export const DescribeItemActSchema = z.strictObject({
  /** Discriminator: `describe-item`. */
  type: z.literal('describe-item'),
  /** The one item the act is about. */
  items: ItemIds.length(1),
  /**
   * What the description says about the item, as attribute keys.
   * @default []
   */
  attributes: z.array(AttributeKeySchema).default([]),
});

/**
 * Ends the conversation, naming the accepted item if there is one. The recommender closes; the user closes in reply
 * to the recommender's goodbye (in generated dialogues, one that came with a last suggestion or answer, which the
 * user has taken or turned down; an accepted item is named by the user's `accept`).
 */
export const CloseActSchema = z.strictObject({
  /** Discriminator: `close`. */
  type: z.literal('close'),
  /**
   * The accepted item, if there is one.
   * @default []
   */
  items: ItemIds.max(1).default([]),
});

// ---------------------------------------------------------------------------------------------------------------
// User acts
// ---------------------------------------------------------------------------------------------------------------

/** Opens with what the user wants: "Hi! I'm looking for a movie for tonight." Items, if any, mean "something like these". */
export const StateGoalActSchema = z.strictObject({
  /** Discriminator: `state-goal`. */
  type: z.literal('state-goal'),
  /**
   * Up to three items, meaning "something like these".
   * @default []
   */
  items: ItemIds.max(3).default([]),
});

/**
 * States a preference, prompted or not: about an attribute ("I love sci-fi") or an item ("I loved Alien (1979)").
 * Item disclosures imply the user has seen the item.
 */
export const DiscloseActSchema = z
  .strictObject({
    /** Discriminator: `disclose`. */
    type: z.literal('disclose'),
    /**
     * The item the disclosure is about, when it is about one.
     * @default []
     */
    items: ItemIds.max(1).default([]),
    /** The attribute the disclosure is about, when it is about one (then `items` is empty). */
    attribute: AttributeKeySchema.optional(),
    /** The user's stance on the item or attribute. */
    polarity: PolaritySchema,
    /** How strongly the user holds it, from 0 (barely) to 1 (very). */
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
    /** Discriminator: `answer-item`. */
    type: z.literal('answer-item'),
    /** The one item the act is about. */
    items: ItemIds.length(1),
    /** Whether the user has seen (read, used) the item. */
    seen: z.boolean(),
    /** The user's opinion of the item, when seen and given. */
    polarity: PolaritySchema.optional(),
    /** How strongly the user holds that opinion, from 0 to 1. */
    strength: Strength.optional(),
  })
  .refine((act) => act.seen || (act.polarity === undefined && act.strength === undefined), {
    message: 'an unseen item comes with no opinion: no polarity and no strength',
    path: ['polarity'],
  });

/** Critiques a recommended item along an attribute: "like X but less violent / more sci-fi / more recent". */
export const CritiqueActSchema = z
  .strictObject({
    /** Discriminator: `critique`. */
    type: z.literal('critique'),
    /** The one item the act is about. */
    items: ItemIds.length(1),
    /** The attribute critiqued; absent for recency critiques (`newer`, `older`). */
    attribute: AttributeKeySchema.optional(),
    /** Which way to move from the item: along `attribute` (`less`, `more`) or in time (`newer`, `older`). */
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
  /** Discriminator: `reject`. */
  type: z.literal('reject'),
  /** The items recommended or turned down: one to three. */
  items: ItemIds.min(1).max(3),
  /**
   * True when the user has seen them already (liked or not, they want something new).
   * @default false
   */
  seen: z.boolean().default(false),
});

/** Accepts one recommended item. */
export const AcceptActSchema = z.strictObject({
  /** Discriminator: `accept`. */
  type: z.literal('accept'),
  /** The one item the act is about. */
  items: ItemIds.length(1),
});

/** Asks about a recommended item: "What is Heat (1995) about?" */
export const AskAboutItemActSchema = z.strictObject({
  /** Discriminator: `ask-about-item`. */
  type: z.literal('ask-about-item'),
  /** The one item the act is about. */
  items: ItemIds.length(1),
});

/** Gives up: patience exhausted. */
export const GiveUpActSchema = z.strictObject({
  /** Discriminator: `give-up`. */
  type: z.literal('give-up'),
  ...noItems,
});

/** Acts the recommender may perform. */
export const AssistantActSchema = z.discriminatedUnion('type', [
  GreetActSchema,
  AskAttributeActSchema,
  AskItemActSchema,
  AskOpenActSchema,
  AskReasonActSchema,
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
  CloseActSchema,
]);

/** Any dialogue act. */
export const DialogueActSchema = z.union([AssistantActSchema, UserActSchema]);

/** A recommender act. */
export type AssistantAct = z.output<typeof AssistantActSchema>;
/** A recommender act as a policy of one's own may write it: defaults may be left out (`items` of an act about none). */
export type AssistantActInput = z.input<typeof AssistantActSchema>;
/** A user act. */
export type UserAct = z.output<typeof UserActSchema>;
/** Any dialogue act. */
export type DialogueAct = AssistantAct | UserAct;
/** The `type` of any act. */
export type DialogueActType = DialogueAct['type'];
/** The act of a given type. */
export type ActOfType<T extends DialogueActType> = Extract<
  DialogueAct,
  {
    /** The act type to pick. */
    type: T;
  }
>;

/**
 * The items a turn's acts recommend: its slate. A slate may come in two parts, two `recommend` acts each with its own
 * reasons, which the user chooses among as one.
 */
export function slateItems(acts: readonly DialogueAct[]): string[] {
  return itemsOf(acts, (act) => act.type === 'recommend');
}

/** The items a turn offers the user to take or turn down: its slate, or the one it describes. */
export function offeredItems(acts: readonly DialogueAct[]): string[] {
  return itemsOf(acts, (act) => act.type === 'recommend' || act.type === 'describe-item');
}

/** The items of a turn's acts, in order, of the acts `keep` keeps (all of them by default). */
export function itemsOf(acts: readonly DialogueAct[], keep?: (act: DialogueAct) => boolean): string[] {
  // A loop, not flatMap: this runs several times a turn, and V8's flatMap is many times slower on short arrays.
  const items: string[] = [];
  for (const act of acts) if (keep === undefined || keep(act)) for (const item of act.items) items.push(item);
  return items;
}

/** The items an act names in its words: its `items`, and the title a recommendation says its items are like. */
export function namedItems(act: DialogueAct): readonly string[] {
  return act.type === 'recommend' && act.like !== undefined ? [...act.items, act.like] : act.items;
}
