import type { LanguageModel } from 'ai';
import { z } from 'zod';
import { IcerError } from '../errors.js';
import { parseOptions } from '../validation/parse-options.js';

/** Options of {@link openAICompatibleModel}. */
export const OpenAICompatibleModelOptionsSchema = z.strictObject({
  /** The server's API root, e.g. `http://127.0.0.1:11434/v1` (Ollama), `http://localhost:8000/v1` (vLLM). */
  baseURL: z.url({ protocol: /^https?$/, error: 'baseURL must be an http(s) URL' }),
  /** The model name the server knows, e.g. `llama3.1`. */
  model: z.string().min(1),
  /** Sent as `Authorization: Bearer <apiKey>`; local servers usually need none. */
  apiKey: z.string().min(1).optional(),
  /**
   * The provider's name, the first half of the adapter's default `provider:model` name.
   * @default 'openai-compatible'
   */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'name must be letters, digits, "-" or "_"')
    .default('openai-compatible'),
  /** Extra request headers. */
  headers: z.record(z.string(), z.string()).optional(),
  /**
   * Whether dialogue mode sends its JSON schema (`response_format: json_schema`), which vLLM, LM Studio, Ollama,
   * llama.cpp and OpenAI accept, and LM Studio requires. Set false for a server that only takes `json_object`.
   * @default true
   */
  structuredOutputs: z.boolean().default(true),
});

/** Options of {@link openAICompatibleModel}. */
export type OpenAICompatibleModelOptions = z.input<typeof OpenAICompatibleModelOptionsSchema>;

type OpenAICompatibleModule = typeof import('@ai-sdk/openai-compatible');

const PACKAGE = '@ai-sdk/openai-compatible';

function isMissingPackage(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === 'ERR_MODULE_NOT_FOUND' ||
      code === 'MODULE_NOT_FOUND' ||
      (typeof message === 'string' && /cannot find (module|package)/i.test(message))) &&
    typeof message === 'string' &&
    message.includes(PACKAGE)
  );
}

/**
 * Loads the optional `@ai-sdk/openai-compatible` package. `load` is for tests.
 *
 * @internal
 */
export async function loadOpenAICompatible(
  load: () => Promise<OpenAICompatibleModule> = () => import('@ai-sdk/openai-compatible'),
): Promise<OpenAICompatibleModule> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingPackage(error)) throw error;
    throw new IcerError(
      'MISSING_DEPENDENCY',
      `The openai-compatible provider needs the optional package ${PACKAGE}, which is not installed.`,
      {
        hint: `Run: npm install ${PACKAGE}`,
        cause: error,
      },
    );
  }
}

/**
 * A chat model on any server that speaks the OpenAI chat-completions protocol — Ollama, vLLM, LM Studio, llama.cpp,
 * LocalAI, or a hosted API — through the optional `@ai-sdk/openai-compatible` package (loaded on first use).
 *
 * @throws IcerError `INVALID_ARGUMENT` for invalid options; `MISSING_DEPENDENCY` when `@ai-sdk/openai-compatible` is not installed
 *   (the hint says `npm install @ai-sdk/openai-compatible`).
 *
 * @example
 * ```ts
 * const model = await openAICompatibleModel({ baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.1' });
 * const adapter = aiSdkAdapter({ model }); // named "openai-compatible:llama3.1"
 * ```
 */
export async function openAICompatibleModel(
  options: OpenAICompatibleModelOptions,
): Promise<Exclude<LanguageModel, string>> {
  const parsed = parseOptions(OpenAICompatibleModelOptionsSchema, options, 'openAICompatibleModel');
  const { createOpenAICompatible } = await loadOpenAICompatible();
  const provider = createOpenAICompatible({
    name: parsed.name,
    baseURL: parsed.baseURL,
    ...(parsed.apiKey !== undefined ? { apiKey: parsed.apiKey } : {}),
    ...(parsed.headers !== undefined ? { headers: parsed.headers } : {}),
    supportsStructuredOutputs: parsed.structuredOutputs,
    // Token counts are what `usage` and `stats` report; servers that support it send them in every response.
    includeUsage: true,
  });
  return provider.chatModel(parsed.model) as Exclude<LanguageModel, string>;
}
