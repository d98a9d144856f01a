import { mentionFinderFor, type TitleMention } from '../consistency/mention-finder.js';
import { TextTokens } from '../consistency/text-tokens.js';
import { namedItems } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import { COMMON_WORDS } from '../lexicon/common-words.js';
import type { ItemLookup } from './item-lookup.js';

/** One place where a turn's text names an item. */
export interface ItemMention {
  /** The item named. */
  readonly item: string;
  /** Offset of the mention's first character in the text. */
  readonly start: number;
  /** Offset just past the mention (past its "(year)" when it has one). */
  readonly end: number;
}

/** The item ids a turn's acts name, in order, each once. */
export function actItems(turn: Turn): string[] {
  return [...new Set(turn.acts.flatMap(namedItems))];
}

/**
 * The items a record's turns name in their words, turn by turn, found by the tracker's mention finder in the catalog
 * the record's items come from: a title the acts name is found in any form but everyday words in lowercase (see
 * {@link asWords}), other catalog titles when written out unmistakably. Where a title is shared, the item the acts
 * name is meant.
 */
export function recordMentions(record: DialogueRecord, items: ItemLookup): ItemMention[][] {
  const known = record.turns.flatMap(actItems).find((id) => items.catalogOf(id) !== undefined);
  const catalog = (known === undefined ? undefined : items.catalogOf(known)) ?? items.catalogs[0];
  if (!catalog) return record.turns.map(() => []);
  const finder = mentionFinderFor(catalog);
  return record.turns.map((turn) => {
    const named = actItems(turn);
    return finder
      .findMentions(turn.text, named)
      .filter((mention) => !asWords(turn.text, mention))
      .map((mention) => ({
        item: mention.items.find((id) => named.includes(id)) ?? (mention.items[0] as string),
        start: mention.start,
        end: mention.end,
      }));
  });
}

/**
 * Whether a mention the tracker accepts of a title the acts name is everyday words as written: "right up your street"
 * in a turn that suggests Up (2009). The tracker is forgiving, as it asks only whether the title is said; marked in
 * exported words ("right @123 your street"), the words would be lost.
 */
function asWords(text: string, mention: TitleMention): boolean {
  if (mention.kind !== 'named' || /\p{Lu}/u.test(text[mention.start] as string)) return false;
  return new TextTokens(text.slice(mention.start, mention.end)).folded.every((word) => COMMON_WORDS.has(word));
}
