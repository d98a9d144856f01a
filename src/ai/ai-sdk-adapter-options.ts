import type { LanguageModel } from 'ai';
import { z } from 'zod';
import { TokenPricesSchema } from '../dialogue/token-usage.js';
import { CallPolicyOptionsSchema } from '../language/call-policy.js';
import type { PromptOverrides } from './prompts.js';

/**
 * Where responses are kept between runs: any object with the `get`/`set` of icer's `ResponseCache` (duck-typed, so
 * that a cache from another copy of the package works too).
 */
export interface ResponseStore {
  /** The value stored under `key`, or undefined. */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores `value` under `key`. */
  set(key: string, value: unknown): Promise<void>;
}

export type { TokenPrices } from '../dialogue/token-usage.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// Duck-typed: models come from many provider packages (and possibly another copy of `ai`), so no class to check.
function isLanguageModel(value: unknown): value is LanguageModel {
  if (typeof value === 'string') return value.length > 0;
  return (
    isObject(value) &&
    typeof value.doGenerate === 'function' &&
    typeof value.provider === 'string' &&
    typeof value.modelId === 'string'
  );
}

function isStore(value: unknown): value is ResponseStore {
  return isObject(value) && typeof value.get === 'function' && typeof value.set === 'function';
}

function isPromptOverrides(value: unknown): value is PromptOverrides {
  if (!isObject(value)) return false;
  const { system, turn, dialogue, version } = value;
  return (
    (system === undefined || typeof system === 'string') &&
    (turn === undefined || typeof turn === 'function') &&
    (dialogue === undefined || typeof dialogue === 'function') &&
    (version === undefined || (typeof version === 'string' && version.length > 0))
  );
}

/** Options of {@link AiSdkAdapter}, checked when an adapter is made; unknown keys are refused. */
export const AiSdkAdapterOptionsSchema = z.strictObject({
  /** Any AI SDK language model: `openai('gpt-4o-mini')`, `anthropic(…)`, `ollama(…)`, `openAICompatibleModel(…)`. */
  model: z.custom<LanguageModel>(isLanguageModel, 'model must be an AI SDK language model, e.g. openai("gpt-4o-mini")'),
  /**
   * Recorded as each dialogue's `generator.lm`.
   * @default `provider:modelId`, e.g. `openai:gpt-4o-mini`
   */
  name: z.string().min(1).optional(),
  /** Replacements for some of the default prompts (see `defaultPrompts`). */
  prompts: z
    .custom<PromptOverrides>(
      isPromptOverrides,
      'prompts must be { system?: string, turn?: function, dialogue?: function, version?: string }',
    )
    .optional(),
  /**
   * Sampling temperature in [0, 2]. Varied wording, while the acts keep the content fixed.
   * @default 0.7
   */
  temperature: z.number().min(0).max(2).default(0.7),
  /** Most tokens per response; default: the provider's. */
  maxOutputTokens: z.number().int().min(1).optional(),
  /**
   * A `ResponseCache` (or any `get`/`set` store), or a directory to keep one in.
   * @default no cache
   */
  cache: z
    .union([z.string().min(1), z.custom<ResponseStore>(isStore, 'cache must be a directory or a ResponseCache')])
    .optional(),
  /** Retries and per-attempt timeout of each model call (see `callWithPolicy`). The AI SDK's own retries are off. */
  retry: CallPolicyOptionsSchema.optional(),
  /**
   * Token prices, for the `cost` in {@link AiSdkAdapter.stats}.
   * @default no cost is computed
   */
  prices: TokenPricesSchema.optional(),
  /**
   * How many earlier turns a turn-mode prompt shows, newest last.
   * @default 8
   */
  historyTurns: z.number().int().min(0).default(8),
  /**
   * How often a reply that cannot be used (empty; in dialogue mode not JSON, or not one utterance per turn) is
   * re-asked, with the problem stated, before the call throws.
   * @default 1
   */
  invalidReplyRetries: z.number().int().min(0).max(5).default(1),
  /**
   * Waits between retries; tests pass one that returns at once.
   * @default a real timer
   */
  sleep: z
    .custom<(ms: number, signal?: AbortSignal) => Promise<void>>(
      (value) => typeof value === 'function',
      'sleep must be a function',
    )
    .optional(),
});

/** Options of {@link AiSdkAdapter}. Only `model` is required. */
export type AiSdkAdapterOptions = z.input<typeof AiSdkAdapterOptionsSchema>;
