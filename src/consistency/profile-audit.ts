import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import { VOICED_AFFINITY } from '../profile/stated-polarity.js';
import { mentionFinderFor } from './mention-finder.js';
import { statedTastes } from './stated-tastes.js';
import { unknownTitles } from './text-rules.js';
import { attributeLabel, itemLabel } from './violation-wording.js';

/**
 * Audits free text — dialogue turns with no acts, such as a whole dialogue a model wrote from the text profile alone
 * — against the hidden profile, reading what each user clause states with `statedTastes`:
 * - `user-contradicts-profile`: a clear liking of an item the profile dislikes, or dislike of one it likes; a
 *   clear liking of an attribute the user dislikes (affinity ≤ −0.2), or dislike of one it likes (≥ 0.2);
 * - `held-out-leak`: the user names a held-out item the assistant has not named before;
 * - `text-unknown-title`: any turn names a title with a year that is no item of the catalog (an invented film).
 * Without acts, only what the lexicon reads with certainty is judged: an unsure clause passes, and a title the
 * user names with no opinion is not a claim to have seen it. Acted dialogues are audited by `ConsistencyTracker`.
 */
export function auditTextAgainstProfile(
  turns: readonly Turn[],
  catalog: ItemCatalog,
  profile: PreferenceProfile,
): Violation[] {
  const finder = mentionFinderFor(catalog);
  const violations: Violation[] = [];
  const namedByAssistant = new Set<string>();
  for (const turn of turns) {
    const mentions = finder.findMentions(turn.text);
    violations.push(...unknownTitles(turn, mentions));
    if (turn.speaker === 'assistant') {
      for (const mention of mentions) for (const id of mention.items) namedByAssistant.add(id);
      continue;
    }
    for (const mention of mentions) {
      const leaked = mention.items.filter((id) => profile.isHeldOut(id) && !namedByAssistant.has(id));
      if (leaked.length === 0) continue;
      violations.push({
        turn: turn.index,
        rule: 'held-out-leak',
        message: `The user names ${itemLabel(catalog, leaked[0] as string)}, a held-out target, before the assistant did.`,
        evidence: { items: leaked, text: turn.text.slice(mention.start, mention.end) },
      });
    }
    for (const clause of statedTastes(turn.text, catalog)) {
      if (clause.stance !== 'positive' && clause.stance !== 'negative') continue;
      const sign = clause.stance === 'positive' ? 1 : -1;
      for (const id of clause.items) {
        const opinion = profile.opinionOf(id);
        if ((sign > 0 && opinion === 'disliked') || (sign < 0 && opinion === 'liked')) {
          violations.push({
            turn: turn.index,
            rule: 'user-contradicts-profile',
            message: `The user speaks ${sign > 0 ? 'well' : 'ill'} of ${itemLabel(catalog, id)}, which the profile has as ${opinion}.`,
            evidence: { items: [id], text: turn.text },
          });
        }
      }
      for (const attribute of clause.attributes) {
        const key = catalog.attributeKeyAt(attribute.id);
        const stated = attribute.sign === 0 ? sign : attribute.sign * sign;
        const affinity = profile.affinity(key);
        if ((stated > 0 && affinity <= -VOICED_AFFINITY) || (stated < 0 && affinity >= VOICED_AFFINITY)) {
          violations.push({
            turn: turn.index,
            rule: 'user-contradicts-profile',
            message: `The user ${stated > 0 ? 'likes' : 'dislikes'} ${attributeLabel(key)}, whose affinity in the profile is ${affinity}.`,
            evidence: { attribute: key, text: turn.text },
          });
        }
      }
    }
  }
  return violations;
}
