import { generateText, type LanguageModel, type ModelMessage, NoObjectGeneratedError, Output } from 'ai';
import { z } from 'zod';
import { addUsage, noUsage, type TokenUsage } from '../dialogue/token-usage.js';
import type { VerbalizationMode } from '../dialogue/verbalization-mode.js';
import { IcerError } from '../errors.js';
import { ResponseCache } from '../io/response-cache.js';
import { type CallPolicyOptions, callWithPolicy } from '../language/call-policy.js';
import { InvalidReplyError } from '../language/invalid-reply-error.js';
import type {
  DialogueVerbalizeRequest,
  DialogueVerbalizeResult,
  LMAdapter,
  VerbalizeRequest,
  VerbalizeResult,
} from '../language/lm-adapter.js';
import { parseOptions } from '../validation/parse-options.js';
import { type AiSdkAdapterStats, StatsCounter } from './adapter-stats.js';
import { type AiSdkAdapterOptions, AiSdkAdapterOptionsSchema, type ResponseStore } from './ai-sdk-adapter-options.js';
import { modelIdentity, modelName } from './model-name.js';
import { CachedUsageShape, measuredUsage } from './model-usage.js';
import { explainModelVersion } from './model-version-error.js';
import {
  type ParsedReply,
  parseDialogueReply,
  parseTurnReply,
  UTTERANCES_SCHEMA_ID,
  UtterancesSchema,
} from './parse-reply.js';
import { dialoguePromptInput, turnPromptInput } from './prompt-input.js';
import { defaultPrompts, PROMPT_VERSION, type Prompts } from './prompts.js';

/** One response as received (or replayed): the raw text and what it cost when it was produced. */
interface Reply {
  text: string;
  usage: TokenUsage;
  /** The provider reported no usage: `usage` counts 0 tokens of unknown cost. */
  unmeasured?: true;
}

const CachedReplySchema = z.object({ text: z.string(), ...CachedUsageShape });

// Built once: the AI SDK turns the zod schema into JSON Schema when the output is made, which per call was a tenth of
// dialogue mode's CPU time.
let utterancesOutput: ReturnType<typeof Output.object<z.infer<typeof UtterancesSchema>>> | undefined;
function utterancesOutputSpec() {
  utterancesOutput ??= Output.object({
    schema: UtterancesSchema,
    name: 'utterances',
    description: 'One utterance per turn, in turn order.',
  });
  return utterancesOutput;
}

function invalidReply(problem: string, mode: VerbalizationMode, spent: { usage: TokenUsage; calls: number }) {
  // Not LM_CALL_FAILED: the model answered, so the generator can re-ask (with the problem) or fall back to templates.
  return new InvalidReplyError(
    `The model's ${mode}-mode reply could not be used after ${spent.calls} attempt${spent.calls === 1 ? '' : 's'}: it ${problem}.`,
    {
      ...spent,
      hint:
        mode === 'dialogue'
          ? 'Use turn mode, a stronger model, or a higher invalidReplyRetries.'
          : 'Use a stronger model or a higher invalidReplyRetries.',
    },
  );
}

/**
 * A language-model adapter over any Vercel AI SDK model (`ai` 6 or 7): OpenAI, Anthropic, Google, Ollama, vLLM,
 * LM Studio, or anything OpenAI-compatible (see {@link openAICompatibleModel}). The model rewrites the template
 * adapter's rendering of a turn into natural speech, given the acts as directives and structured data, the named
 * items' exact titles and catalog facts, the persona's style and the conversation so far, all in a JSON data block
 * the system prompt declares to be data, never instructions (see {@link defaultPrompts}).
 *
 * Two modes: {@link AiSdkAdapter.verbalize} words one turn per call; {@link AiSdkAdapter.verbalizeDialogue} words a
 * whole dialogue in one structured call (`{"utterances": [...]}`, one per turn). A reply that cannot be used — empty,
 * or in dialogue mode not that JSON or not exactly one utterance per turn — is re-asked with the problem stated
 * (`invalidReplyRetries`, default 1) and then throws `LM_INVALID_REPLY`; the generator treats that as a failed
 * attempt. Network failures are retried under `retry` (the AI SDK's own retries are switched off).
 *
 * With `cache`, every response is stored under a key made of the prompt version, the model, the mode, the messages,
 * temperature, output limit, output schema and the request's seed: a re-run with the same seed, prompts and model
 * makes no calls and returns the same texts and the same (original) usage. {@link AiSdkAdapter.stats} counts what
 * was actually spent.
 *
 * @example
 * ```ts
 * import { openai } from '@ai-sdk/openai';
 * import { DialogueGenerator } from 'icer';
 * import { aiSdkAdapter } from 'icer/ai';
 *
 * const adapter = aiSdkAdapter({ model: openai('gpt-4o-mini'), cache: '.icer-cache', prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 } });
 * const generator = new DialogueGenerator({ adapter, seed: 7 });
 * const record = await generator.generate(profile);
 * console.log(record.turns.map((turn) => turn.text), adapter.stats.cost);
 * ```
 */
export class AiSdkAdapter implements LMAdapter {
  /** Recorded as `generator.lm`: the `name` option, or `provider:modelId`. */
  readonly name: string;
  /** The prompt set's version, part of every cache key: {@link PROMPT_VERSION}, or the overrides' own. */
  readonly promptVersion: string;
  readonly #model: LanguageModel;
  readonly #modelId: string;
  readonly #prompts: Prompts;
  readonly #temperature: number;
  readonly #maxOutputTokens: number | undefined;
  readonly #historyTurns: number;
  readonly #invalidReplyRetries: number;
  readonly #retry: CallPolicyOptions | undefined;
  readonly #sleep: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  readonly #cache: ResponseStore | undefined;
  // Shared by every dialogue that uses this adapter, however many run at once: the run's totals.
  readonly #stats: StatsCounter;

  /** Validates the options; throws `INVALID_ARGUMENT` naming the bad one. */
  constructor(options: AiSdkAdapterOptions) {
    const parsed = parseOptions(AiSdkAdapterOptionsSchema, options, 'aiSdkAdapter');
    const { prompts } = parsed;
    this.#model = parsed.model;
    this.#modelId = modelIdentity(parsed.model);
    this.name = parsed.name ?? modelName(parsed.model);
    this.#prompts = {
      system: prompts?.system ?? defaultPrompts.system,
      turn: prompts?.turn ?? defaultPrompts.turn,
      dialogue: prompts?.dialogue ?? defaultPrompts.dialogue,
    };
    const custom =
      prompts !== undefined &&
      (prompts.system !== undefined || prompts.turn !== undefined || prompts.dialogue !== undefined);
    this.promptVersion = prompts?.version ?? (custom ? `${PROMPT_VERSION}+custom` : PROMPT_VERSION);
    this.#temperature = parsed.temperature;
    this.#maxOutputTokens = parsed.maxOutputTokens;
    this.#historyTurns = parsed.historyTurns;
    this.#invalidReplyRetries = parsed.invalidReplyRetries;
    this.#retry = parsed.retry;
    this.#sleep = parsed.sleep;
    this.#cache = typeof parsed.cache === 'string' ? new ResponseCache(parsed.cache) : parsed.cache;
    this.#stats = new StatsCounter(parsed.prices);
  }

  /** What this adapter has spent so far: calls, retries, cache hits, failures, tokens and cost. A snapshot. */
  get stats(): AiSdkAdapterStats {
    return this.#stats.snapshot();
  }

  /**
   * Words one turn in one model call (plus re-asks of an unusable reply). `usage` and `calls` count every reply
   * asked for, unusable ones included, as originally reported, also when they come from the cache.
   *
   * @throws IcerError `ABORTED` when the request's signal fires; `TIMEOUT` or `LM_CALL_FAILED` when the model call
   *   fails after every retry; `UNKNOWN_ITEM` for an act naming an item not in the catalog.
   * @throws InvalidReplyError `LM_INVALID_REPLY` when every reply was unusable, with what they cost.
   */
  async verbalize(request: VerbalizeRequest): Promise<VerbalizeResult> {
    const input = turnPromptInput(request, this.#historyTurns);
    const { text, usage, calls } = await this.#ask('turn', request, parseTurnReply, (problems) =>
      this.#prompts.turn({ ...input, feedback: [...input.feedback, ...problems] }),
    );
    return { text, usage, calls };
  }

  /**
   * Words every turn of a dialogue in one structured call: the reply must be `{"utterances": [...]}` with exactly
   * one non-empty utterance per turn, in order. A reply that is not (invalid JSON, wrong count) is re-asked with the
   * problem stated, up to `invalidReplyRetries` times, then throws `LM_INVALID_REPLY`: no turn is silently filled
   * with template text, so the generator sees the failure and can fall back (to turn mode or templates) itself.
   *
   * @throws IcerError as {@link AiSdkAdapter.verbalize}.
   */
  async verbalizeDialogue(request: DialogueVerbalizeRequest): Promise<DialogueVerbalizeResult> {
    if (request.turns.length === 0) return { texts: [], usage: noUsage() };
    const input = dialoguePromptInput(request);
    const expected = request.turns.length;
    const { text, usage, calls } = await this.#ask(
      'dialogue',
      request,
      (reply) => parseDialogueReply(reply, expected),
      (problems) => this.#prompts.dialogue({ ...input, feedback: problems }),
    );
    return { texts: text, usage, calls };
  }

  // Asks, and re-asks with the problem stated while the reply is unusable; sums the usage of every reply, used or
  // not: an unusable reply was paid for too.
  async #ask<T>(
    mode: VerbalizationMode,
    request: VerbalizeRequest | DialogueVerbalizeRequest,
    parse: (text: string) => ParsedReply<T>,
    message: (problems: string[]) => string,
  ): Promise<{ text: T; usage: TokenUsage; calls: number }> {
    let usage = noUsage();
    let problems: string[] = [];
    for (let calls = 1; ; calls++) {
      const reply = await this.#respond(mode, message(problems), String(request.random.seed), request.signal);
      usage = addUsage(usage, reply.usage);
      const parsed = parse(reply.text);
      if (parsed.ok) return { text: parsed.value, usage, calls };
      this.#stats.invalidReplies++;
      if (calls > this.#invalidReplyRetries) throw invalidReply(parsed.problem, mode, { usage, calls });
      problems = [`Your previous reply ${parsed.problem}.`];
    }
  }

  // One response: from the cache when it has it, otherwise from the model under the call policy (then cached).
  async #respond(
    mode: VerbalizationMode,
    user: string,
    sample: string,
    signal: AbortSignal | undefined,
  ): Promise<Reply> {
    const messages: ModelMessage[] = [
      { role: 'system', content: this.#prompts.system },
      { role: 'user', content: user },
    ];
    const cache = this.#cache;
    const key = cache
      ? ResponseCache.key({
          promptVersion: this.promptVersion,
          model: this.#modelId,
          mode,
          messages,
          temperature: this.#temperature,
          maxOutputTokens: this.#maxOutputTokens ?? null,
          schema: mode === 'dialogue' ? UTTERANCES_SCHEMA_ID : null,
          // The request's seed: identical prompts in different dialogues (every opening greeting) are separate
          // samples of the model, as they would be without a cache, not one reply copied across the dataset.
          sample,
        })
      : undefined;
    if (cache && key !== undefined) {
      const hit = CachedReplySchema.safeParse(await cache.get(key));
      if (hit.success) {
        this.#stats.replayed(hit.data);
        return hit.data;
      }
    }
    let reply: Reply;
    try {
      reply = await callWithPolicy(
        (abortSignal) => {
          this.#stats.calls++;
          return this.#generate(mode, messages, abortSignal);
        },
        this.#retry,
        {
          ...(signal ? { signal } : {}),
          ...(this.#sleep ? { sleep: this.#sleep } : {}),
          onRetry: () => {
            this.#stats.retries++;
          },
        },
      );
    } catch (error) {
      if (!(IcerError.isInstance(error) && error.code === 'ABORTED')) this.#stats.failures++;
      throw error;
    }
    this.#stats.spent(reply.usage);
    // Unusable replies are cached too: a re-run then replays the same re-ask, and so writes the same bytes.
    if (cache && key !== undefined) await cache.set(key, reply);
    return reply;
  }

  async #generate(mode: VerbalizationMode, messages: ModelMessage[], abortSignal: AbortSignal): Promise<Reply> {
    const settings = {
      model: this.#model,
      messages,
      // The system message is ours, not user data; putting it in `messages` works under both `ai` 6 (`system`) and
      // 7 (`instructions`), and this flag says it is trusted.
      allowSystemInMessages: true,
      temperature: this.#temperature,
      ...(this.#maxOutputTokens !== undefined ? { maxOutputTokens: this.#maxOutputTokens } : {}),
      // Retries are the call policy's, which knows the run's budget and honours Retry-After.
      maxRetries: 0,
      abortSignal,
    };
    try {
      if (mode === 'turn') {
        const result = await generateText(settings);
        return { text: result.text, ...measuredUsage(result.usage, this.#stats) };
      }
      const result = await generateText({ ...settings, output: utterancesOutputSpec() });
      return { text: result.text, ...measuredUsage(result.usage, this.#stats) };
    } catch (error) {
      // A reply that is not the JSON asked for is still a reply: parsed (and re-asked) by us, not retried as an outage.
      if (NoObjectGeneratedError.isInstance(error))
        return { text: error.text ?? '', ...measuredUsage(error.usage, this.#stats) };
      throw explainModelVersion(error);
    }
  }
}

/**
 * Makes an {@link AiSdkAdapter}. Options are validated; throws `INVALID_ARGUMENT` naming the bad one.
 *
 * @example
 * ```ts
 * import { ollama } from 'ollama-ai-provider-v2';
 * const adapter = aiSdkAdapter({ model: ollama('llama3.1'), cache: '.icer-cache', retry: { maxRetries: 2 } });
 * ```
 */
export function aiSdkAdapter(options: AiSdkAdapterOptions): AiSdkAdapter {
  return new AiSdkAdapter(options);
}
