import type { Polarity } from '../dialogue/dialogue-acts.js';
import type { ItemOpinionKind } from './preference-profile.js';

/** |affinity| at or above which a simulated user voices a liking or a dislike; below it, "no strong feelings". */
export const VOICED_AFFINITY = 0.2;

/** |affinity| at or above which saying "no strong feelings" about an attribute contradicts the profile. */
export const NEUTRAL_LIMIT = 0.5;

/** What a user with this affinity says about the attribute. */
export function polarityOfAffinity(affinity: number): Polarity {
  if (affinity >= VOICED_AFFINITY) return 'positive';
  if (affinity <= -VOICED_AFFINITY) return 'negative';
  return 'neutral';
}

/** What a user says about an item it has this opinion of; `undefined` for an unseen item (no opinion to state). */
export function polarityOfOpinion(opinion: ItemOpinionKind): Polarity | undefined {
  if (opinion === 'liked') return 'positive';
  if (opinion === 'disliked') return 'negative';
  if (opinion === 'neutral') return 'neutral';
  return undefined;
}

/**
 * True when stating `polarity` about an attribute contradicts the affinity: a liking needs a positive affinity, a
 * dislike a negative one, and "no strong feelings" is false of a strong one.
 */
export function contradictsAffinity(polarity: Polarity, affinity: number): boolean {
  if (polarity === 'positive') return !(affinity > 0);
  if (polarity === 'negative') return !(affinity < 0);
  return Math.abs(affinity) >= NEUTRAL_LIMIT;
}
