import { priceOf, type TokenPrices, type TokenUsage } from '../dialogue/token-usage.js';

/**
 * What an adapter actually spent, summed over its lifetime. Unlike a result's `usage` (a response's original
 * cost, the same when it is replayed from the cache), these count only real network calls.
 */
export interface AiSdkAdapterStats {
  /** Requests sent to the model, retries included. */
  calls: number;
  /** Requests that were repeats of a failed one (rate limit, server error, timeout, network failure). */
  retries: number;
  /** Responses served from the cache instead of the model. */
  cacheHits: number;
  /** Verbalisations whose model call still failed after every retry (cancelled ones not counted). */
  failures: number;
  /** Replies that could not be used (empty, not JSON, wrong number of utterances) and were re-asked or thrown. */
  invalidReplies: number;
  /**
   * Responses received without token usage (many OpenAI-compatible servers and proxies leave it out): counted as 0
   * tokens, so `inputTokens`, `outputTokens` and `cost` undercount, and token and cost budgets cannot be kept.
   */
  unmeasuredReplies: number;
  /** Input tokens of the responses received (cache hits add none). */
  inputTokens: number;
  /** Output tokens of the responses received (cache hits add none). */
  outputTokens: number;
  /**
   * Input tokens of the responses replayed from the cache, as they were when first received: with `inputTokens`, what
   * the answers used cost, wherever they came from (what `icer generate --estimate` scales from).
   */
  cachedInputTokens: number;
  /** Output tokens of the responses replayed from the cache, as they were when first received. */
  cachedOutputTokens: number;
  /** `inputTokens` and `outputTokens` priced with the adapter's `prices`; null when it has none. */
  cost: number | null;
}

/** The running totals behind {@link AiSdkAdapterStats}. */
export class StatsCounter {
  calls = 0;
  retries = 0;
  cacheHits = 0;
  failures = 0;
  invalidReplies = 0;
  unmeasuredReplies = 0;
  inputTokens = 0;
  outputTokens = 0;
  cachedInputTokens = 0;
  cachedOutputTokens = 0;
  readonly #prices: TokenPrices | undefined;

  constructor(prices: TokenPrices | undefined) {
    this.#prices = prices;
  }

  spent(usage: TokenUsage): void {
    this.inputTokens += usage.inputTokens;
    this.outputTokens += usage.outputTokens;
  }

  /** A response served from the cache, with what it cost when first received (unknown when `unmeasured`). */
  replayed({ usage, unmeasured }: { usage: TokenUsage; unmeasured?: true | undefined }): void {
    this.cacheHits++;
    if (unmeasured) this.unmeasuredReplies++;
    this.cachedInputTokens += usage.inputTokens;
    this.cachedOutputTokens += usage.outputTokens;
  }

  snapshot(): AiSdkAdapterStats {
    const prices = this.#prices;
    return {
      calls: this.calls,
      retries: this.retries,
      cacheHits: this.cacheHits,
      failures: this.failures,
      invalidReplies: this.invalidReplies,
      unmeasuredReplies: this.unmeasuredReplies,
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      cachedInputTokens: this.cachedInputTokens,
      cachedOutputTokens: this.cachedOutputTokens,
      cost: prices ? priceOf(this, prices) : null,
    };
  }
}
