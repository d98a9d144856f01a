import { z } from 'zod';
import type { SeededRandom } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';

/** Options of the multinomial-logit choice over a slate ({@link chooseFromSlate}). Unknown keys are refused. */
export const ChoiceOptionsSchema = z.strictObject({
  /** Temperature, above 0: lower makes the best option win more surely. */
  temperature: z.number().gt(0),
  /** Utility of choosing none of the options. */
  noneUtility: z.number(),
});
/** Options of {@link chooseFromSlate}. */
export type ChoiceOptions = z.input<typeof ChoiceOptionsSchema>;

/**
 * Multinomial logit with a "none of these" option (as in RecSim's choice models): option i is chosen with
 * probability exp(u_i / T) / (exp(u_0 / T) + Σ_j exp(u_j / T)). Returns the chosen index, or -1 for none.
 * Throws `INVALID_ARGUMENT` for unknown or invalid options.
 */
export function chooseFromSlate(utilities: readonly number[], random: SeededRandom, options: ChoiceOptions): number {
  const { temperature, noneUtility } = parseOptions(ChoiceOptionsSchema, options, 'chooseFromSlate');
  return logitChoice(utilities, random, temperature, noneUtility);
}

/**
 * {@link chooseFromSlate} without the check of its options, for callers that validated them once up front: the
 * simulator draws once per recommendation, and a schema parse per draw would be paid in every dialogue.
 */
export function logitChoice(
  utilities: readonly number[],
  random: SeededRandom,
  temperature: number,
  noneUtility: number,
): number {
  // Plain loops over the few options, as the simulator draws once per recommendation: the same sums in the same order.
  const none = noneUtility / temperature;
  // Subtract the maximum before exponentiating, so large utilities cannot overflow.
  let max = none;
  for (const u of utilities) max = Math.max(max, u / temperature);
  const weights: number[] = [];
  let total = 0;
  for (const u of utilities) {
    const weight = Math.exp(u / temperature - max);
    weights.push(weight);
    total += weight;
  }
  const noneWeight = Math.exp(none - max);
  let draw = random.next() * (noneWeight + total);
  for (let index = 0; index < weights.length; index++) {
    draw -= weights[index] as number;
    if (draw < 0) return index;
  }
  return -1;
}
