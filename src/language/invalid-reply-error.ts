import { type TokenUsage, TokenUsageSchema } from '../dialogue/token-usage.js';
import { IcerError } from '../errors.js';

/** What the unusable replies behind an {@link InvalidReplyError} cost. */
export interface InvalidReplySpending {
  /** Tokens of every reply that was asked for and could not be used, as originally reported. */
  usage: TokenUsage;
  /** How many replies that was: the first ask and every re-ask. */
  calls: number;
}

/**
 * `LM_INVALID_REPLY` with what the unusable replies cost. A model that answered unusably was still paid for: an
 * adapter throws this (rather than a plain `IcerError`) so that the dialogue's `generator.usage` and `calls` count
 * those replies too. The generator re-asks or falls back to templates, as for any `LM_INVALID_REPLY`.
 *
 * @example
 * ```ts
 * throw new InvalidReplyError('was empty', { usage: { inputTokens: 812, outputTokens: 0 }, calls: 2 });
 * ```
 */
export class InvalidReplyError extends IcerError {
  /** Tokens of the unusable replies. */
  readonly usage: TokenUsage;
  /** How many unusable replies there were. */
  readonly calls: number;

  /** `problem` says what was wrong with the reply ("was empty"); `hint` what to do about it. */
  constructor(problem: string, spending: InvalidReplySpending & { hint?: string }) {
    super('LM_INVALID_REPLY', problem, spending.hint === undefined ? {} : { hint: spending.hint });
    this.name = 'InvalidReplyError';
    this.usage = spending.usage;
    this.calls = spending.calls;
  }
}

/**
 * What an `LM_INVALID_REPLY` error says its replies cost, read by shape so that an error from another copy of the
 * package counts too; `undefined` for one that does not say (a plain `IcerError`), or says it malformed.
 */
export function invalidReplySpending(error: IcerError): InvalidReplySpending | undefined {
  const { usage, calls } = error as Partial<InvalidReplySpending>;
  const parsed = TokenUsageSchema.safeParse(usage);
  if (!parsed.success || !Number.isInteger(calls) || (calls as number) < 0) return undefined;
  return { usage: parsed.data, calls: calls as number };
}
