import { z } from 'zod';

/** Token counts reported by a language model. */
export const TokenUsageSchema = z.strictObject({
  /** Tokens sent to the model (prompt tokens). */
  inputTokens: z.number().int().min(0),
  /** Tokens the model wrote (completion tokens). */
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

/** What a language-model call costs, in any currency, per million tokens. */
export const TokenPricesSchema = z.strictObject({
  /** Price of a million input (prompt) tokens. */
  inputPerMillion: z.number().min(0),
  /** Price of a million output (completion) tokens. */
  outputPerMillion: z.number().min(0),
});
/** Token prices. */
export type TokenPrices = z.output<typeof TokenPricesSchema>;

/** The price of a usage at these prices. */
export function priceOf(usage: TokenUsage, prices: TokenPrices): number {
  return (usage.inputTokens * prices.inputPerMillion + usage.outputTokens * prices.outputPerMillion) / 1_000_000;
}
