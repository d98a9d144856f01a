import type { LanguageModelUsage } from 'ai';
import type { TokenUsage } from '../dialogue/token-usage.js';

/**
 * A response's token usage as records keep it (0 for what the provider did not report), counted in `stats` as
 * unmeasured when the provider left either count out: tokens and cost then undercount, and a token or cost budget
 * cannot see it.
 */
export function measuredUsage(usage: LanguageModelUsage | undefined, stats: { unmeasuredReplies: number }): TokenUsage {
  if (usage?.inputTokens === undefined || usage.outputTokens === undefined) stats.unmeasuredReplies++;
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}
