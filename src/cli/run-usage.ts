/**
 * A run's model usage so far, for its manifest: this start's counts (calls, tokens…), each plus what the manifest of
 * the run it resumes recorded, as a resumed run's adapter counts from zero. A count the earlier manifest lacks adds
 * nothing; the cost stays null only when neither start had prices.
 */
export function usageSoFar<Stats extends { readonly cost: number | null }>(before: unknown, now: Stats): Stats {
  const earlier = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>;
  const total: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    const then = earlier[key];
    const known = typeof then === 'number' && Number.isFinite(then) ? then : undefined;
    total[key] =
      key === 'cost'
        ? value === null && known === undefined
          ? null
          : ((value as number | null) ?? 0) + (known ?? 0)
        : typeof value === 'number'
          ? value + (known ?? 0)
          : value;
  }
  return total as Stats;
}
