import type { SeededRandom } from '../random/seeded-random.js';

/** Options of the multinomial-logit choice over a slate. */
export interface ChoiceOptions {
  /** Temperature: lower makes the best option win more surely. */
  temperature: number;
  /** Utility of choosing none of the options. */
  noneUtility: number;
}

/**
 * Multinomial logit with a "none of these" option (as in RecSim's choice models): option i is chosen with
 * probability exp(u_i / T) / (exp(u_0 / T) + Σ_j exp(u_j / T)). Returns the chosen index, or -1 for none.
 */
export function chooseFromSlate(utilities: readonly number[], random: SeededRandom, options: ChoiceOptions): number {
  const scaled = utilities.map((u) => u / options.temperature);
  const none = options.noneUtility / options.temperature;
  // Subtract the maximum before exponentiating, so large utilities cannot overflow.
  const max = Math.max(none, ...scaled);
  const weights = scaled.map((u) => Math.exp(u - max));
  const noneWeight = Math.exp(none - max);
  let draw = random.next() * (noneWeight + weights.reduce((a, b) => a + b, 0));
  for (const [index, weight] of weights.entries()) {
    draw -= weight;
    if (draw < 0) return index;
  }
  return -1;
}
