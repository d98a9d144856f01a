// The public surface of icer: named re-exports only. Anything not exported here is internal.

export { IcerError, ICER_ERROR_CODES } from './errors.js';
export type { IcerErrorCode, IcerErrorLocation, IcerErrorOptions } from './errors.js';

export { SeededRandom } from './random/seeded-random.js';
export type { Seed } from './random/seeded-random.js';

export {
  ItemSchema,
  FacetSchema,
  attributeKey,
  parseAttributeKey,
  itemAttributeKeys,
  displayTitle,
} from './catalog/item.js';
export type { Item, ItemInput, AttributeKey } from './catalog/item.js';
export { ItemCatalog } from './catalog/item-catalog.js';
export type { AttributeCount, ItemCatalogOptions, VocabularyOptions } from './catalog/item-catalog.js';
export { normalizeTitle } from './catalog/title.js';

export {
  PreferenceProfileSchema,
  ItemOpinionSchema,
  PersonaSchema,
  ProfileSourceSchema,
} from './profile/profile-schema.js';
export type {
  PreferenceProfileData,
  PreferenceProfileInput,
  ItemOpinion,
  Persona,
  ProfileSource,
} from './profile/profile-schema.js';
export { PreferenceProfile } from './profile/preference-profile.js';
export type { ItemOpinionKind, ProfileTextOptions, ProfileParseOptions } from './profile/preference-profile.js';
export { profileFromRatings, RatingsProfileOptionsSchema } from './profile/from-ratings.js';
export type { Rating, RatingsProfileOptions } from './profile/from-ratings.js';
export { profileFromSpec, ProfileSpecSchema } from './profile/from-spec.js';
export type { ProfileSpec } from './profile/from-spec.js';
export { syntheticProfiles, syntheticProfile, SyntheticProfileOptionsSchema } from './profile/synthetic.js';
export type { SyntheticProfileOptions } from './profile/synthetic.js';

export { loadMovieLens, MovieLensOptionsSchema } from './data/movielens/load-movielens.js';
export type { MovieLensOptions } from './data/movielens/load-movielens.js';
export { MovieLensDataset } from './data/movielens/movielens-dataset.js';
export { parseMovieLensTitle } from './data/movielens/parse-movielens-title.js';
export type { ParsedMovieTitle } from './data/movielens/parse-movielens-title.js';
export {
  loadCatalogJson,
  parseCatalogJson,
  catalogToJson,
  CatalogDocumentSchema,
  CATALOG_FORMAT,
} from './data/catalog-json.js';
export type { CatalogDocument, CatalogDocumentInput } from './data/catalog-json.js';
export { builtinCatalog } from './data/builtin/builtin-catalog.js';

export {
  DialogueActSchema,
  AssistantActSchema,
  UserActSchema,
  SpeakerSchema,
  PolaritySchema,
} from './simulation/dialogue-acts.js';
export type {
  DialogueAct,
  AssistantAct,
  UserAct,
  DialogueActType,
  ActOfType,
  Speaker,
  Polarity,
} from './simulation/dialogue-acts.js';
export { VOICED_AFFINITY, NEUTRAL_LIMIT, polarityOfAffinity, polarityOfOpinion, contradictsAffinity } from './simulation/stated-polarity.js';
export { UserSimulator, UserSimulatorOptionsSchema } from './simulation/user-simulator.js';
export type { UserSimulatorOptions, UserState } from './simulation/user-simulator.js';
export { beliefPolicy, BeliefPolicyOptionsSchema, POLICY_STYLES } from './simulation/belief-recommender.js';
export type { BeliefPolicyOptions, PolicyStyle } from './simulation/belief-recommender.js';
export type { RecommenderPolicy, RecommenderPolicyFactory, PolicyContext, PolicyTurn } from './simulation/recommender-policy.js';
export { chooseFromSlate } from './simulation/choice-model.js';
export type { ChoiceOptions } from './simulation/choice-model.js';

export type {
  LMAdapter,
  VerbalizeRequest,
  VerbalizeResult,
  DialogueVerbalizeRequest,
  DialogueVerbalizeResult,
  DialogueTurnActs,
} from './language/lm-adapter.js';
export { callWithPolicy, classifyCallError, CallPolicyOptionsSchema } from './language/call-policy.js';
export type { CallPolicyOptions, CallPolicy, CallHooks, RetryEvent, CallErrorVerdict } from './language/call-policy.js';
export { ResponseCache } from './io/response-cache.js';
export type { ResponseCacheOptions, CorruptEntryEvent } from './io/response-cache.js';
export { TemplateAdapter } from './language/template-adapter.js';
export { attributePhrase, facetPhrase } from './language/attribute-phrases.js';
export type { AttributePhrase, AttributeTrait } from './language/attribute-phrases.js';

export { ConsistencyTracker, auditDialogue } from './consistency/consistency-tracker.js';
export type { ConsistencyTrackerOptions } from './consistency/consistency-tracker.js';
export { judgeUnsurePolarity } from './consistency/polarity-judge.js';
export type { PolarityJudge, PolarityQuestion } from './consistency/polarity-judge.js';
export { mentionFinderFor, MentionFinder } from './consistency/mention-finder.js';
export type { TitleMention, MentionKind } from './consistency/mention-finder.js';

export {
  DialogueRecordSchema,
  TurnSchema,
  ViolationSchema,
  RepairSchema,
  TokenUsageSchema,
  OutcomeReasonSchema,
  VIOLATION_RULES,
} from './generation/dialogue-record.js';
export type { DialogueRecord, Turn, Violation, ViolationRule, Repair, TokenUsage } from './generation/dialogue-record.js';
export { DialogueGenerator } from './generation/dialogue-generator.js';
export type { DialogueGeneratorOptions, GenerateOptions, GenerateManyOptions } from './generation/dialogue-generator.js';
export type { DialogueGeneratorEvents } from './generation/generator-events.js';
export type { VerbalizationMode } from './generation/dialogue-setup.js';

export { VERSION } from './version.js';
