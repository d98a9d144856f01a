/** A Hugging Face `datasets` feature: a value type, a list of one, or a struct of named features. */
export type HfFeature =
  | 'string'
  | 'int32'
  | 'int64'
  | 'float64'
  | 'bool'
  | {
      /** A list whose every element has this feature type. */
      readonly list: HfFeature;
    }
  | {
      /** A struct: field name to feature type. */
      readonly struct: Readonly<Record<string, HfFeature>>;
    };

const strings: HfFeature = { list: 'string' };

const ACT = {
  struct: {
    type: 'string',
    items: strings,
    facet: 'string',
    attribute: 'string',
    polarity: 'string',
    strength: 'float64',
    direction: 'string',
    seen: 'bool',
    reasons: strings,
    like: 'string',
    attributes: strings,
    dropped: strings,
  },
} as const satisfies HfFeature;

const PERSONA = {
  struct: {
    verbosity: 'string',
    disclosure: 'float64',
    patience: 'int32',
    decisiveness: 'float64',
    pickiness: 'float64',
  },
} as const satisfies HfFeature;

/**
 * The columns of a Hugging Face export row, as the dataset card declares them (`dataset_info.features`): an icer
 * record with every field at a fixed type, so that Arrow reads every split alike — the seed as a string, the
 * affinities as `{attribute, value}` pairs, every act with all act fields (null where its type has none).
 */
export const HF_FEATURES: Readonly<Record<string, HfFeature>> = {
  id: 'string',
  seed: 'string',
  domain: 'string',
  user: {
    struct: {
      id: 'string',
      liked: strings,
      disliked: strings,
      neutral: strings,
      heldOut: strings,
      preferences: { list: { struct: { attribute: 'string', value: 'float64' } } },
      persona: PERSONA,
    },
  },
  turns: { list: { struct: { index: 'int32', speaker: 'string', text: 'string', acts: { list: ACT } } } },
  outcome: {
    struct: { accepted: 'string', reason: 'string', recommended: strings, heldOutRecommended: strings },
  },
  consistency: {
    struct: {
      checkedTurns: 'int32',
      violations: { list: { struct: { turn: 'int32', rule: 'string', message: 'string' } } },
      repairs: 'int32',
    },
  },
  generator: {
    struct: {
      version: 'string',
      lm: 'string',
      mode: 'string',
      policy: 'string',
      maxTurns: 'int32',
      calls: 'int32',
      inputTokens: 'int64',
      outputTokens: 'int64',
    },
  },
};

/** The fields every act of a row carries, in order (null where its type has none). */
export const HF_ACT_FIELDS: readonly string[] = Object.keys(ACT.struct);

/** The fields every persona of a row carries, in order (null where the record has none). */
export const HF_PERSONA_FIELDS: readonly string[] = Object.keys(PERSONA.struct);
