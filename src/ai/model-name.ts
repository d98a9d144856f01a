import type { LanguageModel } from 'ai';

/**
 * A model's full identity, for cache keys: the provider with its API flavour (`openai.chat:gpt-4o-mini`), so that two
 * ways of calling one model never share answers, and a custom display name cannot make two models share them.
 */
export function modelIdentity(model: LanguageModel): string {
  return typeof model === 'string' ? model : `${model.provider}:${model.modelId}`;
}

/**
 * How records, reports and summaries name a model: the design's `provider:model`, without the provider's API
 * flavour ("openai.chat:gpt-4o-mini" → "openai:gpt-4o-mini").
 */
export function modelName(model: LanguageModel): string {
  if (typeof model === 'string') return model;
  const dot = model.provider.indexOf('.');
  return `${dot > 0 ? model.provider.slice(0, dot) : model.provider}:${model.modelId}`;
}
