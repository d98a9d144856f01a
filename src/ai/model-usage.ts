import type { LanguageModelUsage } from 'ai';
import { z } from 'zod';
import { type TokenUsage, TokenUsageSchema } from '../dialogue/token-usage.js';

/**
 * A response's token usage as records keep it (0 for what the provider did not report), counted in `stats` as
 * unmeasured when the provider left either count out: tokens and cost then undercount, and a token or cost budget
 * cannot see it.
 */
export function measuredUsage(
  usage: LanguageModelUsage | undefined,
  stats: { unmeasuredReplies: number },
): { usage: TokenUsage; unmeasured?: true } {
  const counted = { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
  if (usage?.inputTokens !== undefined && usage.outputTokens !== undefined) return { usage: counted };
  stats.unmeasuredReplies++;
  // Kept with the reply (in the cache too): replayed, it is still of unknown cost.
  return { usage: counted, unmeasured: true };
}

/** What a cached reply keeps of its usage: the counts, and whether the provider reported none. */
export const CachedUsageShape = { usage: TokenUsageSchema, unmeasured: z.literal(true).optional() };
