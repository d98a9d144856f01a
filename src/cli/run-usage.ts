import { priceOf, type TokenPrices } from '../dialogue/token-usage.js';

/** The counts of an adapter's stats that the manifest adds up, with the cost of its network tokens. */
interface SpenderStats {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cost: number | null;
}

/**
 * A run's model usage so far, for its manifest: this start's counts (calls, tokens…), each plus what the manifest of
 * the run it resumes recorded, as a resumed run's adapter counts from zero. A count the earlier manifest lacks adds
 * nothing.
 *
 * The cost is every token so far at this start's `prices`: the model is the same in every start of a run (it is one
 * of the run's settings), so prices given now are the best known for the tokens of earlier starts too, also those of
 * a start that had none or other ones. Without prices now, the earlier cost stands while this start has spent no
 * tokens; once it has, the cost of those is unknown and so is the total: null.
 */
export function usageSoFar<Stats extends SpenderStats>(
  before: unknown,
  now: Stats,
  prices: TokenPrices | undefined,
): Stats {
  const earlier = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>;
  const total: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    const then = earlier[key];
    const known = typeof then === 'number' && Number.isFinite(then) ? then : undefined;
    total[key] = typeof value === 'number' ? value + (known ?? 0) : value;
  }
  const tokens = total as unknown as SpenderStats;
  const earlierCost = typeof earlier.cost === 'number' && Number.isFinite(earlier.cost) ? earlier.cost : null;
  total.cost = prices ? priceOf(tokens, prices) : now.inputTokens === 0 && now.outputTokens === 0 ? earlierCost : null;
  return total as Stats;
}
