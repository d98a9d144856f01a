import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { EvaluationContext } from './evaluation-context.js';

/** One ranking question: order the candidates by how much the user would like each, best first. */
export interface RankingRequest {
  /** What the recommender is told about the user under this question's condition. */
  readonly context: EvaluationContext;
  /** Item ids, in a seeded random order: the held-out target and its negatives. */
  readonly candidates: readonly string[];
  /** The catalog the candidates come from, for their titles and attributes. */
  readonly catalog: ItemCatalog;
  /** Aborts the question: a recommender that calls a model should pass it on. */
  readonly signal?: AbortSignal;
}

/**
 * A recommender under evaluation: `rank` returns the candidate ids best first. An answer may leave candidates out;
 * those share the remaining places (a left-out target is scored as tied with them). Ids not among the candidates and
 * repeats are ignored. Throw to count the question as a failure (never scored).
 *
 * @example
 * ```ts
 * const byPopularity: RankingRecommender = {
 *   name: 'popularity',
 *   rank: ({ candidates, catalog }) =>
 *     [...candidates].sort((a, b) => catalog.relativePopularity(b) - catalog.relativePopularity(a)),
 * };
 * ```
 */
export interface RankingRecommender {
  /** Names the recommender in results (`content`, `acts`, `openai:gpt-4o-mini`, …). */
  readonly name: string;
  /** Orders the request's candidates, best first; throws when it cannot. */
  rank(request: RankingRequest): readonly string[] | Promise<readonly string[]>;
}
