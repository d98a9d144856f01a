import { z } from 'zod';
import type { Turn } from '../dialogue/turn.js';

/**
 * What a recommender is told about the user: `none` (nothing), `profile` (the text profile, the ICER paper's
 * baseline), `dialogue` (the whole dialogue) or `prefix` (the dialogue cut after its first turns).
 */
export const EvaluationConditionSchema = z.enum(['none', 'profile', 'dialogue', 'prefix']);
/** One of the study's conditions. */
export type EvaluationCondition = z.output<typeof EvaluationConditionSchema>;

/** The visible profile as a record stores it: what the simulated user knew. */
export interface VisibleProfileData {
  /** Ids of the items the user liked (held-out targets excluded). */
  readonly liked: readonly string[];
  /** Ids of the items the user disliked. */
  readonly disliked: readonly string[];
  /** Attribute affinities in [-1, 1], by attribute key. */
  readonly preferences: Readonly<Record<string, number>>;
}

/** Everything a recommender is given about one user under one condition. */
export interface EvaluationContext {
  /** What the recommender is told: `none`, `profile`, `dialogue` or `prefix`. */
  readonly condition: EvaluationCondition;
  /**
   * The context as text: empty for `none`, the profile's text rendering for `profile`, the dialogue as
   * "User: …" / "Assistant: …" lines for `dialogue` and `prefix`.
   */
  readonly text: string;
  /** The turns shown, acts included (`dialogue` and `prefix`); empty otherwise. */
  readonly turns: readonly Turn[];
  /** The visible profile (`profile` only): for readers of structure rather than words. */
  readonly profile?: VisibleProfileData;
}

const SPEAKER_LABELS = { user: 'User', assistant: 'Assistant' } as const;

/** A dialogue's turns as the text a downstream reader sees: one "User: …" or "Assistant: …" line per turn. */
export function dialogueText(turns: readonly Turn[]): string {
  return turns.map((turn) => `${SPEAKER_LABELS[turn.speaker]}: ${turn.text}`).join('\n');
}
