import { z } from 'zod';
import { IcerError } from '../errors.js';

/**
 * The ranking metrics of the evaluation study. Each list has one relevant item (the held-out target), so every
 * metric is a function of the target's rank alone.
 */
export const RANKING_METRICS = ['hit@1', 'hit@5', 'hit@10', 'mrr', 'ndcg', 'ndcg@10'] as const;

/** One of {@link RANKING_METRICS}. */
export const RankingMetricSchema = z.enum(RANKING_METRICS);

/** One of {@link RANKING_METRICS}. */
export type RankingMetric = z.output<typeof RankingMetricSchema>;

/** A value for every ranking metric. */
export type MetricValues = Record<RankingMetric, number>;

function checkListSize(listSize: number): void {
  if (!Number.isInteger(listSize) || listSize < 1) {
    throw new IcerError(
      'INVALID_ARGUMENT',
      `A candidate list must hold at least one item, got a list size of ${listSize}.`,
    );
  }
}

/**
 * The metrics of a list whose one relevant item sits at `rank` (1-based, best first). With a single relevant item
 * the ideal DCG is 1, so NDCG is the target's discount 1/log2(rank + 1).
 *
 * @throws IcerError `INVALID_ARGUMENT` when `rank` is not an integer in 1..`listSize`.
 */
export function metricsAtRank(rank: number, listSize: number): MetricValues {
  checkListSize(listSize);
  if (!Number.isInteger(rank) || rank < 1 || rank > listSize) {
    throw new IcerError('INVALID_ARGUMENT', `A rank must be an integer from 1 to ${listSize}, got ${rank}.`);
  }
  const ndcg = 1 / Math.log2(rank + 1);
  return {
    'hit@1': rank <= 1 ? 1 : 0,
    'hit@5': rank <= 5 ? 1 : 0,
    'hit@10': rank <= 10 ? 1 : 0,
    mrr: 1 / rank,
    ndcg,
    'ndcg@10': rank <= 10 ? ndcg : 0,
  };
}

// The mean of metricsAtRank over the ranks first..last (inclusive): the value of a target tied with those places.
function meanOverRanks(first: number, last: number, listSize: number): MetricValues {
  const sum: MetricValues = { 'hit@1': 0, 'hit@5': 0, 'hit@10': 0, mrr: 0, ndcg: 0, 'ndcg@10': 0 };
  for (let rank = first; rank <= last; rank++) {
    const values = metricsAtRank(rank, listSize);
    for (const metric of RANKING_METRICS) sum[metric] += values[metric];
  }
  const count = last - first + 1;
  for (const metric of RANKING_METRICS) sum[metric] /= count;
  return sum;
}

/**
 * Scores one answer of a recommender. `ordered` is its answer, best first, already reduced to distinct ids of the
 * candidate list, and may leave candidates out. A target it ranks at index i has rank i + 1. A target it leaves out
 * is tied with every other left-out candidate: they share the places after the ranked ones, and the target gets the
 * mean over those places, so leaving the target out scores exactly like ranking the rest at random.
 *
 * @throws IcerError `INVALID_ARGUMENT` when `listSize` < 1 or `ordered` is longer than the list.
 */
export function scoreRanking(ordered: readonly string[], target: string, listSize: number): MetricValues {
  checkListSize(listSize);
  if (ordered.length > listSize) {
    throw new IcerError(
      'INVALID_ARGUMENT',
      `A ranking of ${ordered.length} items cannot come from a candidate list of ${listSize}.`,
      { hint: 'Reduce the answer to distinct ids of the candidate list before scoring it.' },
    );
  }
  const index = ordered.indexOf(target);
  if (index >= 0) return metricsAtRank(index + 1, listSize);
  // A complete answer without the target means the caller did not clean it against the candidate list.
  if (ordered.length === listSize) {
    throw new IcerError(
      'INVALID_ARGUMENT',
      `The ranking orders all ${listSize} candidates but not the target "${target}".`,
      {
        hint: 'The target must be one of the candidates.',
      },
    );
  }
  return meanOverRanks(ordered.length + 1, listSize, listSize);
}

/** The expected metrics of a uniformly random ranking of `listSize` candidates: the floor any recommender must beat. */
export function randomExpectation(listSize: number): MetricValues {
  checkListSize(listSize);
  return meanOverRanks(1, listSize, listSize);
}
