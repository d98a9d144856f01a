// The `icer/ai` entry point: language-model adapters over the Vercel AI SDK. A separate entry so that the core needs
// no `ai` install; this one needs `ai` 6 or 7 (a peer dependency). Named re-exports only.
/**
 * Language-model adapters over the Vercel AI SDK (`ai` 6 or 7, a peer dependency): the verbaliser, the ranking
 * recommender, the dataset judge and the unconstrained generator.
 *
 * @module icer/ai
 */

export type { AiSdkAdapterStats } from './adapter-stats.js';
export { AiSdkAdapter, aiSdkAdapter } from './ai-sdk-adapter.js';
export type { AiSdkAdapterOptions, ResponseStore, TokenPrices } from './ai-sdk-adapter-options.js';
export { AiSdkAdapterOptionsSchema } from './ai-sdk-adapter-options.js';
export type { AiSdkJudgeOptions } from './ai-sdk-judge.js';
export { AiSdkJudgeOptionsSchema, aiSdkJudge, JUDGE_PROMPT_VERSION } from './ai-sdk-judge.js';
export type { AiSdkRecommender, AiSdkRecommenderOptions } from './ai-sdk-recommender.js';
export {
  AiSdkRecommenderOptionsSchema,
  aiSdkRecommender,
  RANKING_PROMPT_VERSION,
  RANKING_SYSTEM,
} from './ai-sdk-recommender.js';
export type { JudgeDialoguesOptions, JudgeProgress } from './dataset-judge.js';
export { JudgeDialoguesOptionsSchema, JudgeProgressSchema, judgeDialogues } from './dataset-judge.js';
export { describeAct, describeActs } from './describe-acts.js';
export { DATASET_JUDGE_SYSTEM, JUDGE_RUBRIC_VERSION } from './judge-rubric.js';
export type { OpenAICompatibleModelOptions } from './openai-compatible-model.js';
export { OpenAICompatibleModelOptionsSchema, openAICompatibleModel } from './openai-compatible-model.js';
export type { Judgement } from './parse-judgement.js';
export { JudgementReplySchema, parseJudgement } from './parse-judgement.js';
export { parseRanking, RankingReplySchema } from './parse-ranking.js';
export type { ParsedReply, ReplyProblem } from './parse-reply.js';
export { UtterancesSchema } from './parse-reply.js';
export type {
  ConversationLine,
  DialoguePromptInput,
  DialogueTurnPrompt,
  ItemFacts,
  PersonaStyle,
  PromptOverrides,
  Prompts,
  TurnPromptInput,
} from './prompts.js';
export { defaultPrompts, formatDataBlock, PROMPT_VERSION } from './prompts.js';
export type { UnconstrainedGenerator, UnconstrainedGeneratorOptions } from './unconstrained-generator.js';
export {
  UNCONSTRAINED_PROMPT_VERSION,
  UNCONSTRAINED_SYSTEM,
  UnconstrainedDialogueOptionsSchema,
  UnconstrainedGeneratorOptionsSchema,
  unconstrainedGenerator,
} from './unconstrained-generator.js';
