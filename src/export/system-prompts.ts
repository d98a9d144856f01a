import type { DialogueRecord } from '../generation/dialogue-record.js';
import type { ItemLookup } from './item-lookup.js';

// A user simulator needs the tastes it answers from; a prompt that lists them all would dwarf the dialogue.
const MOST_ATTRIBUTES = 8;
const MOST_ITEMS = 8;

/**
 * The default system message for training a recommender: what the role is, in the record's domain, and nothing of
 * the user (a recommender learns their tastes from the conversation).
 */
export function recommenderSystemPrompt(record: DialogueRecord): string {
  return (
    `You are a recommender helping a person find ${record.domain} they will enjoy. Ask about their tastes, ` +
    'recommend titles that fit what they said, and respect what they turn down.'
  );
}

/**
 * The default system message for training a user simulator: the role and the hidden tastes the simulated user
 * answered from (liked and disliked titles, the strongest attribute affinities, how talkative they are). Held-out
 * items are left out: the simulator never knew them either.
 */
export function userSystemPrompt(record: DialogueRecord, items: ItemLookup): string {
  const { user } = record;
  const strongest = (sign: 1 | -1) =>
    Object.entries(user.preferences)
      .filter(([, value]) => value * sign > 0)
      .sort(([a, x], [b, y]) => Math.abs(y) - Math.abs(x) || (a < b ? -1 : 1))
      .slice(0, MOST_ATTRIBUTES)
      .map(([key]) => key.replace(':', ': '));
  const titles = (ids: readonly string[]) => ids.slice(0, MOST_ITEMS).map((id) => items.title(id));
  const lines = [
    `You are a person looking for ${record.domain} to enjoy, talking with a recommender. Answer from your own ` +
      'tastes below, as a person would, and never recite them.',
  ];
  const list = (label: string, values: readonly string[]) => {
    if (values.length > 0) lines.push(`${label}: ${values.join('; ')}.`);
  };
  list('You liked', titles(user.liked));
  list('You disliked', titles(user.disliked));
  list('You like', strongest(1));
  list('You dislike', strongest(-1));
  const verbosity = user.persona?.verbosity;
  if (verbosity === 'terse') lines.push('You say little.');
  if (verbosity === 'chatty') lines.push('You like to talk.');
  return lines.join('\n');
}
