import { z } from 'zod';

/** Token counts reported by a language model. */
export const TokenUsageSchema = z.strictObject({
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
});
/** Token counts. */
export type TokenUsage = z.output<typeof TokenUsageSchema>;

/** No tokens: where a dialogue's usage starts. */
export function noUsage(): TokenUsage {
  return { inputTokens: 0, outputTokens: 0 };
}

/** The sum of two usages; an absent one counts as none. */
export function addUsage(a: TokenUsage, b: TokenUsage | undefined): TokenUsage {
  return b ? { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens } : a;
}
