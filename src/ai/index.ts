// The `icer/ai` entry point: language-model adapters over the Vercel AI SDK. A separate entry so that the core needs
// no `ai` install; this one needs `ai` 6 or 7 (a peer dependency). Named re-exports only.

export { AiSdkAdapter, aiSdkAdapter } from './ai-sdk-adapter.js';
export { aiSdkJudge, JUDGE_PROMPT_VERSION } from './ai-sdk-judge.js';
export type { AiSdkJudgeOptions } from './ai-sdk-judge.js';
export { AiSdkAdapterOptionsSchema } from './ai-sdk-adapter-options.js';
export type { AiSdkAdapterOptions, ResponseStore, TokenPrices } from './ai-sdk-adapter-options.js';
export type { AiSdkAdapterStats } from './adapter-stats.js';

export { PROMPT_VERSION, defaultPrompts, formatDataBlock } from './prompts.js';
export type {
  Prompts,
  PromptOverrides,
  TurnPromptInput,
  DialoguePromptInput,
  DialogueTurnPrompt,
  ItemFacts,
  PersonaStyle,
  ConversationLine,
} from './prompts.js';
export { describeAct, describeActs } from './describe-acts.js';
export { UtterancesSchema } from './parse-reply.js';

export { openAICompatibleModel, OpenAICompatibleModelOptionsSchema } from './openai-compatible-model.js';
export type { OpenAICompatibleModelOptions } from './openai-compatible-model.js';
