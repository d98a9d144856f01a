// The public surface of icer: named re-exports only. Anything not exported here is internal.
/**
 * The core library: catalogs, preference profiles, the behaviour simulator and recommender policy, the template
 * verbaliser, the consistency tracker, `DialogueGenerator`, evaluation, statistics and exports. It needs no model and
 * no network.
 *
 * @module icer
 */

export type { AttributeKey, Item, ItemInput } from './catalog/item.js';
export {
  attributeKey,
  displayTitle,
  FacetSchema,
  ItemSchema,
  itemAttributeKeys,
  parseAttributeKey,
} from './catalog/item.js';
export type { AttributeCount, ItemCatalogOptions, VocabularyOptions } from './catalog/item-catalog.js';
export { ItemCatalog, ItemCatalogOptionsSchema, VocabularyOptionsSchema } from './catalog/item-catalog.js';
export { normalizeTitle } from './catalog/title.js';
export type { ConsistencyTrackerOptions } from './consistency/consistency-tracker.js';
export {
  auditDialogue,
  ConsistencyTracker,
  ConsistencyTrackerOptionsSchema,
} from './consistency/consistency-tracker.js';
export type { MentionKind, TitleMention } from './consistency/mention-finder.js';
export { MentionFinder, mentionFinderFor } from './consistency/mention-finder.js';
export type { PolarityJudge, PolarityQuestion } from './consistency/polarity-judge.js';
export { judgeUnsurePolarity } from './consistency/polarity-judge.js';
export { builtinBooksCatalog } from './data/builtin/builtin-books-catalog.js';
export { builtinCatalog } from './data/builtin/builtin-catalog.js';
export type { BuiltinDomain } from './data/builtin/builtin-domains.js';
export { BuiltinDomainSchema, builtinDomainCatalog } from './data/builtin/builtin-domains.js';
export type { CatalogDocument, CatalogDocumentInput } from './data/catalog-json.js';
export {
  CATALOG_FORMAT,
  CatalogDocumentSchema,
  catalogToJson,
  loadCatalogJson,
  parseCatalogJson,
} from './data/catalog-json.js';
export type { DuplicateRating, DuplicateRatingsReport } from './data/movielens/duplicate-ratings.js';
export type { MovieLensOptions } from './data/movielens/load-movielens.js';
export { loadMovieLens, MovieLensOptionsSchema } from './data/movielens/load-movielens.js';
export type { MovieLensDatasetExtras } from './data/movielens/movielens-dataset.js';
export { MovieLensDataset } from './data/movielens/movielens-dataset.js';
export type { ParsedMovieTitle } from './data/movielens/parse-movielens-title.js';
export { parseMovieLensTitle } from './data/movielens/parse-movielens-title.js';
export type { RatingsDataOptions } from './data/ratings/load-ratings.js';
export { loadRatings, RatingsDataOptionsSchema } from './data/ratings/load-ratings.js';
export type { RatingsDatasetExtras } from './data/ratings/ratings-dataset.js';
export { RatingsDataset } from './data/ratings/ratings-dataset.js';
export type {
  ActOfType,
  AssistantAct,
  AssistantActInput,
  DialogueAct,
  DialogueActType,
  Polarity,
  Speaker,
  UserAct,
} from './dialogue/dialogue-acts.js';
export {
  AssistantActSchema,
  DialogueActSchema,
  PolaritySchema,
  SpeakerSchema,
  UserActSchema,
} from './dialogue/dialogue-acts.js';
export type { Repair } from './dialogue/repair.js';
export { RepairSchema } from './dialogue/repair.js';
export type { TokenPrices, TokenUsage } from './dialogue/token-usage.js';
export { TokenPricesSchema, TokenUsageSchema } from './dialogue/token-usage.js';
export type { Turn } from './dialogue/turn.js';
export { TurnSchema } from './dialogue/turn.js';
export type { VerbalizationMode } from './dialogue/verbalization-mode.js';
export { VerbalizationModeSchema } from './dialogue/verbalization-mode.js';
export type { Violation, ViolationRule } from './dialogue/violation.js';
export { VIOLATION_RULES, ViolationSchema } from './dialogue/violation.js';
export type { IcerErrorCode, IcerErrorLocation, IcerErrorOptions } from './errors.js';
export { ICER_ERROR_CODES, IcerError } from './errors.js';
export { actsRecommender } from './evaluation/acts-reader.js';
export type { BehaviourStats } from './evaluation/behaviour-stats.js';
export { BehaviourStatsSchema } from './evaluation/behaviour-stats.js';
export type { BootstrapOptions, DifferenceInterval, Interval } from './evaluation/bootstrap.js';
export {
  BootstrapOptionsSchema,
  bootstrapMean,
  bootstrapMeans,
  pairedDifference,
  pairedDifferences,
} from './evaluation/bootstrap.js';
export type { NegativeSampling, PopularitySampler, SampleCandidatesOptions } from './evaluation/candidate-lists.js';
export { NegativeSamplingSchema, popularitySampler, sampleCandidates } from './evaluation/candidate-lists.js';
export type { CorpusDialogue, CorpusFormat, CorpusReading } from './evaluation/corpus-file.js';
export { CorpusFormatSchema, readCorpusFile, recordCorpus } from './evaluation/corpus-file.js';
export type { CorpusStats, CorpusStatsOptions, DatasetStats } from './evaluation/dataset-stats.js';
export {
  ConsistencyStatsSchema,
  CorpusStatsSchema,
  CostStatsSchema,
  corpusStats,
  DatasetStatsSchema,
  LONG_UTTERANCE_TOKENS,
  STATS_METHOD,
} from './evaluation/dataset-stats.js';
export type { DialogueSource, EvaluateOptions, EvaluateProgress } from './evaluation/evaluate-dialogues.js';
export { EvaluateOptionsSchema, EvaluateProgressSchema, evaluateDialogues } from './evaluation/evaluate-dialogues.js';
export type { EvaluationCondition, EvaluationContext, VisibleProfileData } from './evaluation/evaluation-context.js';
export { dialogueText, EvaluationConditionSchema } from './evaluation/evaluation-context.js';
export type { EvaluationComparison, EvaluationReport, EvaluationResult } from './evaluation/evaluation-report.js';
export {
  EvaluationComparisonSchema,
  EvaluationReportSchema,
  EvaluationResultSchema,
} from './evaluation/evaluation-report.js';
export type { JudgeCriterion, JudgeCriterionSummary, JudgedDialogue, JudgeReport } from './evaluation/judge-report.js';
export {
  GOOD_SCORE,
  JUDGE_CRITERIA,
  JudgeCriterionSummarySchema,
  JudgedDialogueSchema,
  JudgeReportSchema,
  JudgeScoreSchema,
} from './evaluation/judge-report.js';
export type { MetricValues, RankingMetric } from './evaluation/ranking-metrics.js';
export {
  metricsAtRank,
  RANKING_METRICS,
  RankingMetricSchema,
  randomExpectation,
  scoreRanking,
} from './evaluation/ranking-metrics.js';
export type { RankingRecommender, RankingRequest } from './evaluation/ranking-recommender.js';
export type { BrokenLine } from './evaluation/read-dialogue-file.js';
export { readDialogueFile } from './evaluation/read-dialogue-file.js';
export type { OfflineRecommenderOptions } from './evaluation/taste-scores.js';
export { OfflineRecommenderOptionsSchema } from './evaluation/taste-scores.js';
export { DISTINCT_TOKEN_LIMIT, diversityTokens, REPEAT_SAMPLE_DIALOGUES } from './evaluation/text-diversity.js';
export { contentRecommender } from './evaluation/text-reader.js';
export type {
  ChatConversation,
  ChatExportOptions,
  ChatMessage,
  ChatMetadata,
  ChatSide,
} from './export/chat-export.js';
export { ChatExportOptionsSchema, ChatSideSchema, chatExporter } from './export/chat-export.js';
export type {
  DialogueKitAct,
  DialogueKitDialogue,
  DialogueKitSlotValue,
  DialogueKitUtterance,
} from './export/dialoguekit-export.js';
export { dialogueKitDialogue } from './export/dialoguekit-export.js';
export { DIALOGUEKIT_INTENTS } from './export/dialoguekit-intents.js';
export type { ExportFormat, ExportOptions, ExportSummary, HfExportOptions } from './export/export-dialogues.js';
export {
  ExportFormatSchema,
  ExportOptionsSchema,
  ExportSummarySchema,
  exportDialogues,
  HfExportOptionsSchema,
} from './export/export-dialogues.js';
export type { HfFeature } from './export/hf-features.js';
export { HF_FEATURES } from './export/hf-features.js';
export type { HfSplit } from './export/hf-split.js';
export { HF_SPLITS, splitUsers } from './export/hf-split.js';
export { ItemLookup } from './export/item-lookup.js';
export type { ReDialDialogue, ReDialLabels, ReDialMessage, ReDialTrace } from './export/redial-export.js';
export { redialExporter } from './export/redial-export.js';
export { DialogueGenerator } from './generation/dialogue-generator.js';
export type { DialogueRecord } from './generation/dialogue-record.js';
export { DialogueRecordSchema, OutcomeReasonSchema } from './generation/dialogue-record.js';
export type { DialogueGeneratorEvents } from './generation/generator-events.js';
export type {
  DialogueGeneratorOptions,
  GenerateManyOptions,
  GenerateOptions,
  InvalidProfilePolicy,
} from './generation/generator-options.js';
export {
  DialogueGeneratorOptionsSchema,
  GenerateManyOptionsSchema,
  GenerateOptionsSchema,
  InvalidProfilePolicySchema,
} from './generation/generator-options.js';
export type { CorruptEntryEvent, ResponseCacheOptions } from './io/response-cache.js';
export { ResponseCache, ResponseCacheOptionsSchema } from './io/response-cache.js';
export type { CallErrorVerdict, CallHooks, CallPolicy, CallPolicyOptions, RetryEvent } from './language/call-policy.js';
export { CallPolicyOptionsSchema, callWithPolicy, classifyCallError } from './language/call-policy.js';
export type { InvalidReplySpending } from './language/invalid-reply-error.js';
export { InvalidReplyError } from './language/invalid-reply-error.js';
export type {
  DialogueTurnActs,
  DialogueVerbalizeRequest,
  DialogueVerbalizeResult,
  LMAdapter,
  VerbalizeRequest,
  VerbalizeResult,
} from './language/lm-adapter.js';
export { TemplateAdapter } from './language/template-adapter.js';
export type { AttributePhrase, AttributeTrait } from './lexicon/attribute-phrases.js';
export { attributePhrase, facetPhrase } from './lexicon/attribute-phrases.js';
export type {
  DomainPhrasing,
  DomainPhrasingInput,
  FacetPhrasing,
  FacetPhrasingInput,
  GenreWordsInput,
  NounForms,
  VerbForms,
} from './lexicon/domain-phrasing.js';
export {
  BOOKS_PHRASING,
  DomainPhrasingSchema,
  domainPhrasing,
  MOVIES_PHRASING,
  NEUTRAL_PHRASING,
  parseDomainPhrasing,
} from './lexicon/domain-phrasing.js';
export type { GenreWords } from './lexicon/genre-words.js';
export type { Rating, RatingScale, RatingsProfileOptions } from './profile/from-ratings.js';
export { profileFromRatings, RatingsProfileOptionsSchema } from './profile/from-ratings.js';
export type { ProfileSpec } from './profile/from-spec.js';
export { ProfileSpecSchema, profileFromSpec } from './profile/from-spec.js';
export type { FullPersona } from './profile/persona-mix.js';
export { drawPersona } from './profile/persona-mix.js';
export type { ItemOpinionKind, ProfileParseOptions, ProfileTextOptions } from './profile/preference-profile.js';
export {
  PreferenceProfile,
  ProfileParseOptionsSchema,
  ProfileTextOptionsSchema,
} from './profile/preference-profile.js';
export type {
  ItemOpinion,
  Persona,
  PreferenceProfileData,
  PreferenceProfileInput,
  ProfileSource,
} from './profile/profile-schema.js';
export {
  ItemOpinionSchema,
  PersonaSchema,
  PreferenceProfileSchema,
  ProfileSourceSchema,
} from './profile/profile-schema.js';
export {
  contradictsAffinity,
  NEUTRAL_LIMIT,
  polarityOfAffinity,
  polarityOfOpinion,
  VOICED_AFFINITY,
} from './profile/stated-polarity.js';
export type { SyntheticProfileOptions } from './profile/synthetic.js';
export { SyntheticProfileOptionsSchema, syntheticProfile, syntheticProfiles } from './profile/synthetic.js';
export type { Seed } from './random/seeded-random.js';
export { SeededRandom, SeedSchema } from './random/seeded-random.js';
export type { BeliefPolicyOptions, PolicyStyle } from './simulation/belief-policy.js';
export { BeliefPolicyOptionsSchema, beliefPolicy, POLICY_STYLES } from './simulation/belief-policy.js';
export type { ChoiceOptions } from './simulation/choice-model.js';
export { ChoiceOptionsSchema, chooseFromSlate } from './simulation/choice-model.js';
export type {
  PolicyContext,
  PolicyTurn,
  RecommenderPolicy,
  RecommenderPolicyFactory,
} from './simulation/recommender-policy.js';
export type { UserSimulatorOptions, UserState } from './simulation/user-simulator.js';
export { UserSimulator, UserSimulatorOptionsSchema } from './simulation/user-simulator.js';

export { VERSION } from './version.js';
