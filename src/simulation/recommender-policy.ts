import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { AssistantAct, AssistantActInput, UserAct } from '../dialogue/dialogue-acts.js';
import type { SeededRandom } from '../random/seeded-random.js';

/** What the recommender is told before a dialogue starts. */
export interface PolicyContext {
  /** The catalog to recommend from. */
  catalog: ItemCatalog;
  /** The dialogue's turn budget. */
  maxTurns: number;
  /** The policy's own seeded stream. */
  random: SeededRandom;
  /**
   * Items the policy must not ask the user about ("Have you seen …?"): the user's held-out items, which an evaluation
   * scores as targets. A question would put a target in the dialogue before any recommendation of it, and the
   * simulated user — who does not know these items — could not answer it truly. They may still be recommended.
   * @default none
   */
  doNotAsk?: ReadonlySet<string>;
}

/** What the recommender sees when it must speak. */
export interface PolicyTurn {
  /** The acts of the user's last turn (empty before the user has spoken). */
  userActs: readonly UserAct[];
  /** Index of the turn about to be spoken. */
  index: number;
  /**
   * True when the budget leaves no room for a user reply and an answer to it: close now (answering the user's last
   * turn first, if it asked or critiqued something).
   */
  last: boolean;
}

/**
 * The recommender side of the simulation: one instance per dialogue, holding whatever belief it keeps about the
 * user. It sees only what the user said — never the hidden profile. The acts are complete ones; a policy given to
 * `DialogueGenerator` may leave out what the act schemas default (`items` of an act about no item), as
 * `RecommenderPolicy<AssistantActInput>`: the generator parses every turn it returns.
 */
export interface RecommenderPolicy<Act extends AssistantActInput = AssistantAct> {
  /** The acts of the recommender's next turn. */
  next(turn: PolicyTurn): Act[];
}

/**
 * Creates the policy for one dialogue. Pass one to `DialogueGenerator` to plug in your own recommender; give it a
 * `policyName` to have records say which policy made them.
 */
export type RecommenderPolicyFactory<Act extends AssistantActInput = AssistantAct> = ((
  context: PolicyContext,
) => RecommenderPolicy<Act>) & {
  /** The name records give the policy (`generator.policy`); `custom` when absent. */
  readonly policyName?: string;
};
