import { displayTitle } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { mentionFinderFor } from '../consistency/mention-finder.js';
import { namedItems as actNamedItems, type DialogueAct } from '../dialogue/dialogue-acts.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import { itemFacts } from './prompt-input.js';
import type { ItemFacts } from './prompts.js';

/**
 * Most entries per profile list shown to the judge (liked, disliked, affinities): what the dialogue touches first,
 * then the rest in the profile's order (affinities strongest first). A MovieLens user can like hundreds of films;
 * listing them all would multiply every prompt's cost for little the judge can use.
 */
export const PROFILE_LIST_LIMIT = 40;

/** What the judge is shown of one dialogue record: the data block's content. */
export interface JudgeData {
  domain: string;
  profile: { liked: string[]; disliked: string[]; neutral: string[]; affinities: Record<string, number> };
  /** The catalog's facts of every item the dialogue names, in order of first mention. */
  items: ItemFacts[];
  dialogue: Array<{ turn: number; speaker: string; text: string }>;
}

/** The judge's input for a record, and the item ids it names that the catalog does not know. */
export function judgeData(record: DialogueRecord, catalog: ItemCatalog): { data: JudgeData; missing: string[] } {
  const missing = new Set<string>();
  const named = namedItems(record, catalog, missing);
  const touched = touchedAttributes(record.turns.flatMap((turn) => turn.acts));
  const titles = (ids: readonly string[]) => {
    const known = ids.filter((id) => {
      if (catalog.has(id)) return true;
      missing.add(id);
      return false;
    });
    return firstTouched(known, named).map((id) => displayTitle(catalog.require(id)));
  };
  const { liked, disliked, neutral = [], heldOut, preferences } = record.user;
  // Held-out targets are liked items kept from the simulator: the user's true taste, so the judge sees them as liked.
  const strongest = Object.keys(preferences).sort(
    (a, b) => Math.abs(preferences[b] as number) - Math.abs(preferences[a] as number),
  );
  const affinities = Object.fromEntries(
    firstTouched(strongest, touched).map((key) => [key, Math.round((preferences[key] as number) * 100) / 100]),
  );
  return {
    data: {
      domain: record.domain,
      profile: {
        liked: titles([...liked, ...heldOut]),
        disliked: titles(disliked),
        neutral: titles(neutral),
        affinities,
      },
      items: [...named].map((id) => itemFacts(catalog.require(id))),
      dialogue: record.turns.map((turn) => ({ turn: turn.index, speaker: turn.speaker, text: turn.text })),
    },
    missing: [...missing],
  };
}

// The items a dialogue names: those of its acts, and the catalog titles its text mentions (an unconstrained dialogue
// has no acts; a model may name a title its acts do not), in order of first mention.
function namedItems(record: DialogueRecord, catalog: ItemCatalog, missing: Set<string>): Set<string> {
  const finder = mentionFinderFor(catalog);
  const named = new Set<string>();
  for (const turn of record.turns) {
    const ids = turn.acts.flatMap(actNamedItems);
    for (const id of ids) {
      if (catalog.has(id)) named.add(id);
      else missing.add(id);
    }
    for (const mention of finder.findMentions(turn.text, ids)) for (const id of mention.items) named.add(id);
  }
  return named;
}

function touchedAttributes(acts: readonly DialogueAct[]): Set<string> {
  const keys = new Set<string>();
  for (const act of acts) {
    if ('attribute' in act && act.attribute !== undefined) keys.add(act.attribute);
    if ('reasons' in act) for (const key of act.reasons) keys.add(key);
    if ('attributes' in act) for (const key of act.attributes) keys.add(key);
  }
  return keys;
}

// At most PROFILE_LIST_LIMIT entries: those the dialogue touches first, then the others, each group in list order.
function firstTouched(list: readonly string[], touched: ReadonlySet<string>): string[] {
  const first = list.filter((entry) => touched.has(entry));
  const rest = list.filter((entry) => !touched.has(entry));
  return [...first, ...rest].slice(0, PROFILE_LIST_LIMIT);
}
