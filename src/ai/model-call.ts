import { generateText, type LanguageModel, type ModelMessage, NoObjectGeneratedError, Output } from 'ai';
import { z } from 'zod';
import type { TokenUsage } from '../dialogue/token-usage.js';
import { IcerError } from '../errors.js';
import { ResponseCache } from '../io/response-cache.js';
import { type CallPolicyOptions, callWithPolicy } from '../language/call-policy.js';
import type { StatsCounter } from './adapter-stats.js';
import type { ResponseStore } from './ai-sdk-adapter-options.js';
import { modelIdentity } from './model-name.js';
import { CachedUsageShape, measuredUsage } from './model-usage.js';
import { explainModelVersion } from './model-version-error.js';

/** A model's answer: its text, read by the caller, and what it cost when it was produced. */
export interface ModelAnswer {
  readonly text: string;
  readonly usage: TokenUsage;
  /** The provider reported no usage: `usage` counts 0 tokens of unknown cost. */
  readonly unmeasured?: true;
}

/** How one kind of question is put to a model. */
export interface ModelCallSettings {
  readonly model: LanguageModel;
  readonly temperature: number;
  readonly retry: CallPolicyOptions | undefined;
  readonly cache: ResponseStore | string | undefined;
  readonly stats: StatsCounter;
  /** The structured output asked for. */
  readonly output: { readonly schema: z.ZodType; readonly name: string };
  /** Names this kind of question in cache keys (a prompt version). */
  readonly version: string;
}

const CachedAnswerSchema = z.object({ text: z.string(), ...CachedUsageShape });
// What a forgotten answer's entry holds: no answer, so the question is put to the model again and the entry replaced.
const FORGOTTEN = { forgotten: true };

/** Options of one question. */
interface AskOptions {
  signal?: AbortSignal;
  /** Keeps identical prompts of different dialogues apart in the cache. */
  sample?: string;
}

/** Puts questions to a model; `forget` drops a cached answer, so that the same question is asked anew next time. */
export type ModelCaller = ((messages: ModelMessage[], options?: AskOptions) => Promise<ModelAnswer>) & {
  forget(messages: ModelMessage[], options?: Pick<AskOptions, 'sample'>): Promise<void>;
};

/**
 * Asks a model with the project's call policy: from the cache when it holds the answer, otherwise a call retried on
 * outages and timed out per attempt (then cached, an unusable answer too, so that a re-run replays the same re-ask).
 * An answer that is not the structured output asked for is still an answer, returned for the caller to judge.
 * Counts calls, retries, cache hits, failures and tokens in `stats`.
 */
export function modelCaller(settings: ModelCallSettings): ModelCaller {
  const { model, temperature, retry, stats, output, version } = settings;
  const modelId = modelIdentity(model);
  const cache = typeof settings.cache === 'string' ? new ResponseCache(settings.cache) : settings.cache;
  const spec = Output.object({ schema: output.schema, name: output.name });
  // `sample` keeps identical prompts of different dialogues apart: separate samples of the model, as they would be
  // without a cache, not one answer copied across the dataset.
  const keyOf = (messages: ModelMessage[], sample: string | undefined) =>
    ResponseCache.key({ version, model: modelId, messages, temperature, sample: sample ?? null });
  const ask = async (messages: ModelMessage[], { signal, sample }: AskOptions = {}): Promise<ModelAnswer> => {
    const key = cache ? keyOf(messages, sample) : undefined;
    if (cache && key !== undefined) {
      const hit = CachedAnswerSchema.safeParse(await cache.get(key));
      if (hit.success) {
        stats.replayed(hit.data);
        return hit.data;
      }
    }
    let answer: ModelAnswer;
    try {
      answer = await callWithPolicy(
        async (abortSignal) => {
          stats.calls++;
          try {
            const result = await generateText({
              model,
              messages,
              // The system message is ours, not user data.
              allowSystemInMessages: true,
              temperature,
              maxRetries: 0,
              abortSignal,
              output: spec,
            });
            return { text: result.text, ...measuredUsage(result.usage, stats) };
          } catch (error) {
            if (NoObjectGeneratedError.isInstance(error))
              return { text: error.text ?? '', ...measuredUsage(error.usage, stats) };
            throw explainModelVersion(error);
          }
        },
        retry,
        {
          ...(signal ? { signal } : {}),
          onRetry: () => {
            stats.retries++;
          },
        },
      );
    } catch (error) {
      if (!(IcerError.isInstance(error) && error.code === 'ABORTED')) stats.failures++;
      throw error;
    }
    stats.spent(answer.usage);
    if (cache && key !== undefined) await cache.set(key, answer);
    return answer;
  };
  // Through `set` alone, which every store has: an entry that holds no answer is asked again.
  const forget = async (messages: ModelMessage[], { sample }: Pick<AskOptions, 'sample'> = {}) => {
    if (cache) await cache.set(keyOf(messages, sample), FORGOTTEN);
  };
  return Object.assign(ask, { forget });
}
