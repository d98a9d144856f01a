import { displayTitle } from '../../catalog/item.js';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import type { Speaker } from '../../dialogue/dialogue-acts.js';
import { capitalize, joinList } from '../../lexicon/english.js';
import type { Persona } from '../../profile/profile-schema.js';
import type { SeededRandom } from '../../random/seeded-random.js';
import type { Style, TitleWords } from './template.js';

/** What rendering one turn needs, and the titles it has used so far. */
export interface TurnState {
  readonly random: SeededRandom;
  readonly catalog: ItemCatalog;
  readonly speaker: Speaker;
  readonly style: Style;
  /** The user's persona, on user turns that have one: traits shape wording too. */
  readonly persona: Persona | undefined;
  /** Every title rendered in this turn: capitalising a sentence must leave them exactly as written. */
  readonly titles: string[];
  /** The items named in this turn so far. */
  readonly named: string[];
}

/** The display titles of item ids (throws `UNKNOWN_ITEM` for an id not in the catalog), ready for templates. */
export function titleWords(state: TurnState, ids: readonly string[]): TitleWords {
  const list = ids.map((id) => displayTitle(state.catalog.require(id)));
  for (const title of list) state.titles.push(title);
  for (const id of ids) state.named.push(id);
  return { and: joinList(list), or: joinList(list, 'or'), list, one: list.length === 1 };
}

/** Capitalises the start of a sentence unless it opens with a title of this turn. */
export function sentence(state: TurnState, text: string): string {
  return capitalize(text, state.titles);
}
