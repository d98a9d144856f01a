import { describe, expect, it } from 'vitest';
import { usageSoFar } from '../../src/cli/run-usage.js';

const stats = (inputTokens: number, outputTokens: number, cost: number | null) => ({
  calls: 3,
  inputTokens,
  outputTokens,
  cost,
});
const prices = { inputPerMillion: 2, outputPerMillion: 10 };

describe('usageSoFar', () => {
  it('adds this start to what the manifest recorded, count by count', () => {
    expect(
      usageSoFar({ calls: 4, inputTokens: 100, outputTokens: 10, cost: null }, stats(50, 5, null), undefined),
    ).toEqual({ calls: 7, inputTokens: 150, outputTokens: 15, cost: null });
    // A first start, or a manifest of an older version without some counts.
    expect(usageSoFar(undefined, stats(50, 5, null), undefined)).toEqual(stats(50, 5, null));
    expect(usageSoFar({ inputTokens: 'many' }, stats(50, 5, null), undefined)).toMatchObject({
      calls: 3,
      inputTokens: 50,
    });
  });

  it("prices every token of the run at this start's prices, also those of a start without prices or with others", () => {
    const total = (1_000_000 * 2 + 100_000 * 10) / 1_000_000;
    // The first start had no prices: its tokens are priced now, not left out.
    expect(
      usageSoFar({ inputTokens: 500_000, outputTokens: 50_000, cost: null }, stats(500_000, 50_000, 1.5), prices).cost,
    ).toBe(total);
    // The first start had other prices (a mistake put right): the ones given now hold for the whole run.
    expect(
      usageSoFar({ inputTokens: 500_000, outputTokens: 50_000, cost: 99 }, stats(500_000, 50_000, 1.5), prices).cost,
    ).toBe(total);
  });

  it('keeps the earlier cost without prices only while this start spends nothing; then the cost is unknown', () => {
    const before = { inputTokens: 500_000, outputTokens: 50_000, cost: 1.5 };
    expect(usageSoFar(before, stats(0, 0, null), undefined).cost).toBe(1.5);
    expect(usageSoFar(before, stats(10, 1, null), undefined).cost).toBeNull();
  });
});
