import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LanguageModel } from 'ai';
import type { AiSdkAdapterStats } from '../ai/adapter-stats.js';
import { AiSdkAdapterOptionsSchema, type TokenPrices } from '../ai/ai-sdk-adapter-options.js';
import { IcerError } from '../errors.js';
import { CallPolicyOptionsSchema } from '../language/call-policy.js';
import type { LMAdapter } from '../language/lm-adapter.js';
import { UsageError } from './cli-io.js';
import { definedOnly } from './defined-only.js';
import { parseNumber, plainNumber } from './parse-values.js';
import { defaultText } from './schema-facts.js';

/** The command-line flags that pick a language model. */
export interface ModelFlags {
  model: string | undefined;
  provider: string | undefined;
  baseUrl: string | undefined;
  apiKeyEnv: string | undefined;
  cache: string | undefined;
  prices: string | undefined;
  /** Per-attempt timeout of a model call, in ms (the library's `retry.timeoutMs`). */
  timeoutMs: number | undefined;
  /** Retries of a failed model call (the library's `retry.maxRetries`). */
  maxRetries: number | undefined;
}

/** A model-backed adapter with the run statistics the CLI reports at the end. */
export interface ModelAdapter extends LMAdapter {
  readonly stats: AiSdkAdapterStats;
}

/** The environment variable the API key is read from when `--api-key-env` is absent. */
export const DEFAULT_KEY_ENV = 'ICER_API_KEY';

const retrySchema = CallPolicyOptionsSchema.shape;

/** The flags that configure a model, besides the one that names it (`--model`, or `--recommender`). */
export const MODEL_OPTION_FLAGS = {
  provider: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key-env': { type: 'string' },
  cache: { type: 'string' },
  prices: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'max-retries': { type: 'string' },
} as const;

/** Help lines for {@link MODEL_OPTION_FLAGS}. */
export const MODEL_OPTION_HELP = `  --provider P           openai-compatible for any server speaking the OpenAI chat-completions protocol
  --base-url URL         that server's API root, e.g. http://127.0.0.1:11434/v1 (Ollama), http://localhost:8000/v1
  --api-key-env VAR      environment variable holding the API key (default: ${DEFAULT_KEY_ENV}); provider packages
                         also read their own, e.g. OPENAI_API_KEY
  --cache DIR            keep model responses in DIR: a re-run with the same seed, prompts and model makes no calls
  --prices IN,OUT        prices per million input and output tokens, for the cost in the run summary
  --timeout-ms MS        per attempt of a model call; 0 waits as long as it takes (default: ${defaultText(retrySchema.timeoutMs)})
  --max-retries N        retries of a model call that failed or timed out (default: ${defaultText(retrySchema.maxRetries)})
`;

/** The model flags of a parsed command line, with `model` naming the model (or undefined for none). */
export function modelFlags(
  model: string | undefined,
  values: { [K in keyof typeof MODEL_OPTION_FLAGS]?: string | undefined },
  cwd: string,
): ModelFlags {
  const number = (flag: string, text: string | undefined, schema: Parameters<typeof parseNumber>[2]) =>
    text === undefined ? undefined : parseNumber(text, flag, schema);
  return {
    model,
    provider: values.provider,
    baseUrl: values['base-url'],
    apiKeyEnv: values['api-key-env'],
    cache: values.cache === undefined ? undefined : resolve(cwd, values.cache),
    prices: values.prices,
    timeoutMs: number('--timeout-ms', values['timeout-ms'], retrySchema.timeoutMs),
    maxRetries: number('--max-retries', values['max-retries'], retrySchema.maxRetries),
  };
}

const PricesSchema = AiSdkAdapterOptionsSchema.shape.prices.unwrap();

export function parsePrices(text: string): { inputPerMillion: number; outputPerMillion: number } {
  const parts = text.split(',');
  const parsed = PricesSchema.safeParse(
    parts.length === 2
      ? { inputPerMillion: plainNumber(parts[0] as string), outputPerMillion: plainNumber(parts[1] as string) }
      : undefined,
  );
  if (!parsed.success) {
    throw new UsageError(`--prices takes "INPUT,OUTPUT" prices per million tokens, e.g. 0.15,0.6; got "${text}".`);
  }
  return parsed.data;
}

/** `openai` → `openai`, `amazon-bedrock` → `amazonBedrock`: the provider instance AI SDK packages export. */
function providerExport(provider: string): string {
  return provider.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The language model the flags name, with the options every model-backed part takes from them. */
export interface ModelChoice {
  readonly ai: typeof import('../ai/index.js');
  readonly model: LanguageModel;
  readonly options: { cache?: string; prices?: TokenPrices; retry?: { timeoutMs?: number; maxRetries?: number } };
}

/**
 * The language model the model flags name, or undefined when none is named. The AI entry point and the provider
 * package are loaded only here, so the command line works without `ai` installed until a model is named.
 *
 * - `--provider openai-compatible --base-url URL --model NAME` (or just `--base-url` and `--model`): any server
 *   speaking the OpenAI chat-completions protocol (Ollama, vLLM, LM Studio, llama.cpp…).
 * - `--model provider:model`, e.g. `openai:gpt-4o-mini`: the AI SDK provider package `@ai-sdk/<provider>`, which
 *   reads its own API key variable (OPENAI_API_KEY, ANTHROPIC_API_KEY, …).
 *
 * `modelFlag` is the flag that names the model in this command (`--model`, or `--recommender` for `icer evaluate`).
 */
export async function modelChoice(flags: ModelFlags, modelFlag = '--model'): Promise<ModelChoice | undefined> {
  if (flags.model === undefined) {
    if (flags.provider !== undefined || flags.baseUrl !== undefined)
      throw new UsageError(`--provider and --base-url need ${modelFlag}.`);
    if (flags.cache !== undefined || flags.prices !== undefined)
      throw new UsageError(`--cache and --prices apply to a model: add ${modelFlag}.`);
    if (flags.timeoutMs !== undefined || flags.maxRetries !== undefined)
      throw new UsageError(`--timeout-ms and --max-retries apply to a model: add ${modelFlag}.`);
    return undefined;
  }
  const ai = await import('../ai/index.js');
  const apiKey = process.env[flags.apiKeyEnv ?? DEFAULT_KEY_ENV];
  if (flags.apiKeyEnv !== undefined && apiKey === undefined) {
    throw new UsageError(`--api-key-env names ${flags.apiKeyEnv}, but that variable is not set.`);
  }
  // Checked before any call: a file there would fail every answer's caching, once money is being spent.
  if (flags.cache !== undefined && (await stat(flags.cache).catch(() => undefined))?.isDirectory() === false)
    throw new UsageError(`--cache takes a folder (made if missing); ${flags.cache} is a file.`);
  const retry = definedOnly({ timeoutMs: flags.timeoutMs, maxRetries: flags.maxRetries });
  const options = {
    ...(flags.cache !== undefined ? { cache: flags.cache } : {}),
    ...(flags.prices !== undefined ? { prices: parsePrices(flags.prices) } : {}),
    ...(Object.keys(retry).length > 0 ? { retry } : {}),
  };
  const compatible =
    flags.provider === 'openai-compatible' || (flags.provider === undefined && flags.baseUrl !== undefined);
  if (compatible) {
    if (flags.baseUrl === undefined)
      throw new UsageError('--provider openai-compatible needs --base-url, e.g. http://127.0.0.1:11434/v1.');
    if (!URL.canParse(flags.baseUrl) || !/^https?:$/.test(new URL(flags.baseUrl).protocol))
      throw new UsageError(`--base-url takes an http(s) URL, e.g. http://127.0.0.1:11434/v1; got "${flags.baseUrl}".`);
    const model = await ai.openAICompatibleModel({
      baseURL: flags.baseUrl,
      model: flags.model,
      ...(apiKey !== undefined ? { apiKey } : {}),
    });
    return { ai, model, options };
  }
  if (flags.baseUrl !== undefined) throw new UsageError('--base-url is for --provider openai-compatible.');
  const colon = flags.model.indexOf(':');
  const provider = flags.provider ?? (colon > 0 ? flags.model.slice(0, colon) : undefined);
  const modelId = flags.provider !== undefined || colon <= 0 ? flags.model : flags.model.slice(colon + 1);
  if (provider === undefined || modelId === '') {
    throw new UsageError(
      `${modelFlag} takes provider:model (e.g. openai:gpt-4o-mini), or use --provider; got "${flags.model}".`,
    );
  }
  const packageName = `@ai-sdk/${provider}`;
  let module: Record<string, unknown>;
  try {
    module = (await import(packageName)) as Record<string, unknown>;
  } catch (error) {
    throw new IcerError('MISSING_DEPENDENCY', `The provider "${provider}" needs the package ${packageName}.`, {
      hint: `Install it: npm install ${packageName}`,
      cause: error,
    });
  }
  const factory = module[providerExport(provider)];
  if (typeof factory !== 'function') {
    throw new UsageError(
      `${packageName} has no "${providerExport(provider)}" provider to call; pass a model in code instead (see docs/language-models.md).`,
    );
  }
  return { ai, model: (factory as (id: string) => LanguageModel)(modelId), options };
}

/** The wording adapter the model flags ask for, or undefined for the offline template adapter. */
export async function modelFromFlags(flags: ModelFlags): Promise<ModelAdapter | undefined> {
  const choice = await modelChoice(flags);
  return choice?.ai.aiSdkAdapter({ model: choice.model, ...choice.options });
}
