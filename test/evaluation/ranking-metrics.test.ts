import { describe, expect, it } from 'vitest';
import {
  type MetricValues,
  metricsAtRank,
  RANKING_METRICS,
  RankingMetricSchema,
  randomExpectation,
  scoreRanking,
} from '../../src/evaluation/ranking-metrics.js';
import { thrown } from '../helpers/thrown.js';

// Compares every metric to a hand-computed value, to 12 decimals.
function expectValues(actual: MetricValues, expected: MetricValues): void {
  expect(Object.keys(actual).sort()).toEqual([...RANKING_METRICS].sort());
  for (const metric of RANKING_METRICS) expect(actual[metric], metric).toBeCloseTo(expected[metric], 12);
}

const perfect: MetricValues = { 'hit@1': 1, 'hit@5': 1, 'hit@10': 1, mrr: 1, ndcg: 1, 'ndcg@10': 1 };

describe('ranking metrics', () => {
  it('names each metric once and validates names', () => {
    expect(new Set(RANKING_METRICS).size).toBe(RANKING_METRICS.length);
    expect(RankingMetricSchema.parse('ndcg@10')).toBe('ndcg@10');
    expect(RankingMetricSchema.safeParse('hit@3').success).toBe(false);
  });

  it('gives everything 1 to a list of one candidate, however it is answered', () => {
    expectValues(metricsAtRank(1, 1), perfect);
    expectValues(scoreRanking(['a'], 'a', 1), perfect);
    expectValues(scoreRanking([], 'a', 1), perfect);
    expectValues(randomExpectation(1), perfect);
  });

  it('scores rank 1 against rank 20 of 100', () => {
    expectValues(metricsAtRank(1, 100), perfect);
    // 1/log2(21) = 1/4.392317422778761
    expectValues(metricsAtRank(20, 100), {
      'hit@1': 0,
      'hit@5': 0,
      'hit@10': 0,
      mrr: 0.05,
      ndcg: 0.227670248696953,
      'ndcg@10': 0,
    });
    // The cut-off is inclusive: rank 10 still counts for @10 (1/log2(11) = 0.28906482631788777).
    expectValues(metricsAtRank(10, 100), {
      'hit@1': 0,
      'hit@5': 0,
      'hit@10': 1,
      mrr: 0.1,
      ndcg: 0.28906482631788777,
      'ndcg@10': 0.28906482631788777,
    });
  });

  it('reads the rank from the position of the target', () => {
    expectValues(scoreRanking(['x', 'y', 't', 'z'], 't', 4), metricsAtRank(3, 4));
    // An incomplete answer that does rank the target scores it where it stands.
    expectValues(scoreRanking(['t'], 't', 50), perfect);
  });

  it('counts every hit@k with k at least the list size as a hit (5 items)', () => {
    // Random ranking of 5: hit@1 = 1/5; MRR = (1 + 1/2 + 1/3 + 1/4 + 1/5)/5 = 137/300;
    // NDCG = (1 + 0.6309297535714575 + 0.5 + 0.43067655807339306 + 0.38685280723454163)/5.
    expectValues(randomExpectation(5), {
      'hit@1': 0.2,
      'hit@5': 1,
      'hit@10': 1,
      mrr: 137 / 300,
      ndcg: 0.5896918237758784,
      'ndcg@10': 0.5896918237758784,
    });
    for (let rank = 1; rank <= 5; rank++) expect(metricsAtRank(rank, 5)['hit@10']).toBe(1);
  });

  it('ties a left-out target with the other left-out candidates', () => {
    // 5 candidates, 2 ranked, the target among the 3 left out: the mean over ranks 3, 4 and 5.
    // MRR = (1/3 + 1/4 + 1/5)/3 = 47/180; NDCG = (1/2 + 0.43067655807339306 + 0.38685280723454163)/3.
    const tied = scoreRanking(['x', 'y'], 't', 5);
    expectValues(tied, {
      'hit@1': 0,
      'hit@5': 1,
      'hit@10': 1,
      mrr: 47 / 180,
      ndcg: 0.4391764551026449,
      'ndcg@10': 0.4391764551026449,
    });
    // With 12 candidates, ranks 11 and 12 fall outside the @10 cut-off: 8 of the 10 tied places count.
    const wide = scoreRanking(['x', 'y'], 't', 12);
    expect(wide['hit@10']).toBeCloseTo(0.8, 12);
    expect(wide['hit@5']).toBeCloseTo(0.3, 12);
  });

  it('scores an empty answer as a random ranking', () => {
    for (const size of [1, 2, 5, 20, 101]) expectValues(scoreRanking([], 't', size), randomExpectation(size));
  });

  it('refuses ranks and lists that cannot be', () => {
    for (const [rank, size] of [
      [0, 5],
      [6, 5],
      [1.5, 5],
      [Number.NaN, 5],
      [1, 0],
      [1, 2.5],
    ] as const) {
      expect(thrown(() => metricsAtRank(rank, size)).code).toBe('INVALID_ARGUMENT');
    }
    expect(thrown(() => scoreRanking([], 't', 0)).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => randomExpectation(0)).code).toBe('INVALID_ARGUMENT');
    const long = thrown(() => scoreRanking(['a', 'b', 'c'], 'a', 2));
    expect(long.code).toBe('INVALID_ARGUMENT');
    expect(long.message).toMatch(/3 items.*list of 2/);
    // Every candidate ranked but not the target: the answer was not cleaned against the list.
    expect(thrown(() => scoreRanking(['a', 'b'], 't', 2)).message).toMatch(/not the target "t"/);
  });
});
