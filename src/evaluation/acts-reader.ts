import type { UserAct } from '../dialogue/dialogue-acts.js';
import type { EvaluationContext } from './evaluation-context.js';
import type { RankingRecommender } from './ranking-recommender.js';
import { type OfflineRecommenderOptions, offlineRecommender, type TasteScores } from './taste-scores.js';

const SIGN = { positive: 1, negative: -1, neutral: 0 } as const;
// Asking about an item, or wanting it a little differently, is mild interest in it.
const INTEREST = 0.25;

/**
 * The `acts` recommender: reads what the user's acts state (or, under `profile`, the profile's lists and
 * affinities) instead of the words. What no wording can lose: an upper bound for the `content` reader.
 */
export function actsRecommender(options: OfflineRecommenderOptions = {}): RankingRecommender {
  return offlineRecommender('acts', options, tastesFromActs);
}

function tastesFromActs(context: EvaluationContext, tastes: TasteScores): void {
  if (context.profile) {
    for (const id of context.profile.liked) tastes.addItem(id, 1);
    for (const id of context.profile.disliked) tastes.addItem(id, -1);
    for (const [key, value] of Object.entries(context.profile.preferences)) tastes.addAttribute(key, value);
  }
  for (const turn of context.turns) {
    if (turn.speaker !== 'user') continue;
    for (const act of turn.acts) read(act as UserAct, tastes);
  }
}

function read(act: UserAct, tastes: TasteScores): void {
  switch (act.type) {
    case 'disclose': {
      const weight = SIGN[act.polarity] * act.strength;
      if (act.attribute !== undefined) tastes.addAttribute(act.attribute, weight);
      for (const id of act.items) tastes.addItem(id, weight);
      break;
    }
    case 'answer-item':
      if (act.seen && act.polarity !== undefined)
        for (const id of act.items) tastes.addItem(id, SIGN[act.polarity] * (act.strength ?? 1));
      break;
    case 'critique':
      for (const id of act.items) tastes.addItem(id, INTEREST);
      if (act.attribute !== undefined) tastes.addAttribute(act.attribute, act.direction === 'less' ? -1 : 1);
      break;
    case 'accept':
      for (const id of act.items) tastes.addItem(id, 1);
      break;
    case 'ask-about-item':
      for (const id of act.items) tastes.addItem(id, INTEREST);
      break;
    default:
      break;
  }
}
