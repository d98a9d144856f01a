import type { SeededRandom } from '../random/seeded-random.js';
import { round3 } from './numbers.js';
import type { Persona } from './profile-schema.js';

/** A persona with every trait set. */
export type FullPersona = Required<Persona>;

/**
 * The default mix of personas: a quarter terse and a quarter chatty; disclosure 0.15–0.85; patience 3–8 turns;
 * decisiveness 0.3–0.9; pickiness 0–1. Synthetic users are drawn from it, and a user whose profile sets no persona
 * (ratings-based users, hand-written specs) gets its missing traits from it, so that no population is one persona.
 */
export function drawPersona(rng: SeededRandom): FullPersona {
  return {
    verbosity: rng.pick(['terse', 'normal', 'normal', 'chatty'] as const),
    disclosure: round3(0.15 + 0.7 * rng.next()),
    patience: rng.int(3, 8),
    decisiveness: round3(0.3 + 0.6 * rng.next()),
    pickiness: round3(rng.next()),
  };
}
