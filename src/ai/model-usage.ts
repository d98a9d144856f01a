import type { LanguageModelUsage } from 'ai';
import type { TokenUsage } from '../dialogue/token-usage.js';

/** A response's token usage as records keep it (0 for what the provider did not report). */
export function tokenUsage(usage: LanguageModelUsage | undefined): TokenUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}
