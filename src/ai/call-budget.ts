import type { LanguageModel } from 'ai';
import { IcerError } from '../errors.js';

// Thrown by a model past its budget; callers look for it on an error's cause chain (the call policy wraps it).
class BudgetSpent extends Error {
  override name = 'BudgetSpent';
}

/** Whether an error, or any error it was caused by, is a call refused by {@link budgetedModel}. */
export function isBudgetSpent(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; depth++) {
    if (current instanceof BudgetSpent) return true;
    current = current.cause;
  }
  return false;
}

/** A model on a call budget, and how many calls it refused. */
export interface BudgetedModel {
  readonly model: LanguageModel;
  /** Requests refused because the budget was spent: they never reached the provider. */
  readonly refused: number;
}

/**
 * The model with at most `maxCalls` requests: each one, retries included, is counted as it is sent (a cache hit never
 * reaches the model, so it costs nothing), and once they are spent every further request throws at once, without
 * reaching the provider. Counting at the model, synchronously, keeps the budget exact however many questions run
 * at once.
 */
export function budgetedModel(model: LanguageModel, maxCalls: number | undefined): BudgetedModel {
  if (maxCalls === undefined) return { model, refused: 0 };
  if (typeof model === 'string') {
    throw new IcerError('INVALID_ARGUMENT', 'maxCalls needs a model object, not a model id string.', {
      location: { field: 'maxCalls' },
      hint: 'Pass the provider model itself, e.g. openai("gpt-4o-mini").',
    });
  }
  let sent = 0;
  let refused = 0;
  const doGenerate = async (...args: unknown[]): Promise<unknown> => {
    if (sent >= maxCalls) {
      refused++;
      throw new BudgetSpent(`The budget of ${maxCalls} model calls is spent.`);
    }
    sent++;
    return (model.doGenerate as (...a: unknown[]) => unknown).apply(model, args);
  };
  // A proxy rather than a copy: provider models keep state in private fields and getters, which must see the model.
  const proxy = new Proxy(model, {
    get(target, property) {
      if (property === 'doGenerate') return doGenerate;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    model: proxy,
    get refused() {
      return refused;
    },
  };
}
