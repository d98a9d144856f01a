import { displayTitle, type Item } from '../../catalog/item.js';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { perItem } from '../../catalog/per-item.js';
import type { Speaker } from '../../dialogue/dialogue-acts.js';
import type { Turn } from '../../dialogue/turn.js';
import { COMMON_WORDS } from '../../lexicon/common-words.js';
import type { DomainPhrasing } from '../../lexicon/domain-phrasing.js';
import { capitalize, joinList } from '../../lexicon/english.js';
import { spokenTitle, titledAfter } from '../../lexicon/spoken-title.js';
import type { Persona } from '../../profile/profile-schema.js';
import type { SeededRandom } from '../../random/seeded-random.js';
import type { AssistantTemplates } from './assistant-templates.js';
import type { ChattyAsides } from './chatty-asides.js';
import type { Style, TitleWords } from './template.js';
import type { UserTemplates } from './user-templates.js';

/** What rendering one turn needs, and the titles it has used so far. */
export interface TurnState {
  readonly random: SeededRandom;
  readonly catalog: ItemCatalog;
  /** How the catalog's domain is worded. */
  readonly phrasing: DomainPhrasing;
  /** The phrasing lists, worded for the catalog's domain: without "today" and "tonight" once the turn has said one. */
  t: AssistantTemplates & UserTemplates & ChattyAsides;
  readonly speaker: Speaker;
  readonly style: Style;
  /** The user's persona, on user turns that have one: traits shape wording too. */
  readonly persona: Persona | undefined;
  /** Every title rendered in this turn: capitalising a sentence must leave them exactly as written. */
  readonly titles: string[];
  /** The items named in this turn so far. */
  readonly named: string[];
  /** The items named earlier in the dialogue, by either speaker. */
  readonly known: { has(id: string): boolean };
  /** The items this turn's acts name: two of one title keep their years all through the turn. */
  readonly turnItems: readonly string[];
  /** The turn ends the dialogue (its last act is a goodbye or giving up): nothing in it invites an answer. */
  readonly closing: boolean;
  /** A suggestion of the turn asks what the user would change: that is the turn's question, and nothing else asks. */
  readonly invitesCritique: boolean;
  /** The recommender suggested something in an earlier turn: a suggestion may be worded as the next one. */
  readonly suggestedBefore: boolean;
  /** The attributes the user said they like in an earlier turn (not those a critique asked for). */
  readonly stated: { has(key: string): boolean };
  /** The recommender answers a user who asked what an item's story is ("What's Heat about?"). */
  readonly storyAsked: boolean;
  /** The items this user turn speaks well of ("Loved Heat."): a "seen it" after them is a contrast. */
  readonly praised: readonly string[];
  /** The items the user spoke well of in an earlier turn. */
  readonly praisedBefore: ReadonlySet<string>;
  /** What the user said in earlier turns, lowercased (see `unsaidFrames`). */
  readonly userWords: string;
  /** The attributes this user turn says it dislikes ("Not into dramas."): a title of them is turned down for that. */
  readonly spokenAgainst: readonly string[];
  /** The items the recommender described in the turn this user turn answers. */
  readonly described: readonly string[];
  /** The items the recommender asked what put the user off, in the turn this user turn answers. */
  readonly reasonAsked: readonly string[];
  /** The turns before this one. */
  readonly history: readonly Turn[];
  /**
   * The recommender answers a user who turned suggestions down asking for others ("Seen it. Something new?") with a
   * question first: the turn promises more, and a question about a taste says why it is asked.
   */
  readonly questionBeforeMore: boolean;
  /**
   * The recommender's turn gives something up to answer a critique (`dropped`): no suggestion in it then claims to
   * fit all the user said ("Based on what you've told me, …").
   */
  readonly setsAside: boolean;
  /**
   * The turn opens with an acknowledgement of the user's last words ("Sorry to hear that."), set once it is drawn:
   * what follows opens on its subject, not with an opener of its own ("Sorry to hear that. Sure! …").
   */
  acknowledged: boolean;
}

/**
 * A film's title without its year, as people write a film that has already come up ("The Matrix" after "The Matrix
 * (1999)", "Coco" after "Coco (2017)") and as a user names one at all ("I loved The Shining", not "The Shining
 * (1980)"), when that still names it plainly: it is the only film of that title in the catalog, or far better known
 * than the others (see {@link BETTER_KNOWN}). One everyday word or a letter or two is quoted ("What's "Her" like?",
 * not "What's Her like?" or "What's Her (2013) like?"). A title another item shares, this one not far better known,
 * names it plainly once the dialogue has named it with its year: "True Grit (1969)", then "True Grit". A title's
 * own closing punctuation ("Monsters, Inc.", "Mars Attacks!") is fine: the stop a sentence adds after it is dropped
 * (see `tidyTitleEnds`). With it, the other items of that title.
 */
function shortTitle(item: Item, display: string, catalog: ItemCatalog): ShortTitle | undefined {
  const suffix = ` (${item.year})`;
  if (item.year === undefined || !display.endsWith(suffix)) return undefined;
  const short = display.slice(0, -suffix.length);
  // "Are You There God? It's Me, Margaret." ends in a sentence's stop, which would end the user's sentence too ("…
  // Margaret. were great"); an abbreviation's ("Monsters, Inc.") or an ellipsis does not.
  if (/[a-z]{3}\.$/.test(short)) return undefined;
  // One everyday word or a letter or two is set off in quotes, as people write it: "Loved "Up"", not "Loved Up".
  const bare = !short.includes(' ') && (short.length < 3 || COMMON_WORDS.has(short.toLowerCase()));
  // "The Lord of the Rings" next to The Two Towers names the trilogy as much as the 1978 film: a better-known part of
  // a series named after the title is one more item of that title. "Die Hard" is still the 1988 film.
  const namesakes = [
    ...catalog.findByTitle(short).filter((other) => other.id !== item.id),
    ...titledAfter(item, catalog).filter((part) => (part.popularity ?? 0) > (item.popularity ?? 0)),
  ];
  return {
    short: bare ? `"${short}"` : short,
    namesakes: namesakes.map((other) => other.id),
    afterNamed: namesakes.length > 0 && !betterKnown(item, namesakes, catalog),
  };
}

interface ShortTitle {
  readonly short: string;
  /** The other items of that title: once one of them has come up, the year tells them apart again. */
  readonly namesakes: readonly string[];
  /** The title is said alone only once the dialogue has named the item with its year. */
  readonly afterNamed: boolean;
}

// People say "Titanic" and "Gladiator" for the 1997 and 2000 films, not for the others of those titles: a title names
// the one of its items with at least this many times the popularity of every other, and at least MIN_KNOWN of the
// catalog's most popular item's (a catalog without popularity keeps the years, and so does a film next to one whose
// popularity is 0 or unknown: unrated, not unknown to viewers). "The Producers" of 1968 and of 2005 (33 and 9
// MovieLens raters) keep theirs.
const BETTER_KNOWN = 4;
const MIN_KNOWN = 0.03;

function betterKnown(item: Item, namesakes: readonly Item[], catalog: ItemCatalog): boolean {
  const popularity = item.popularity ?? 0;
  return (
    catalog.relativePopularity(item.id) >= MIN_KNOWN &&
    namesakes.every((other) => (other.popularity ?? 0) > 0 && (other.popularity ?? 0) * BETTER_KNOWN <= popularity)
  );
}

// Worked out once per item: the title lookup is a good part of a turn's wording.
const knownTitle = perItem((item, catalog) => shortTitle(item, displayTitle(item), catalog));

/**
 * The titles of item ids (throws `UNKNOWN_ITEM` for an id not in the catalog), ready for templates. The recommender
 * writes a title's year the first time, as a list of suggestions does; a user says the title alone where that is
 * plain (see {@link shortTitle}) and no other item of that title has come up.
 */
export function titleWords(state: TurnState, ids: readonly string[]): TitleWords {
  const plain = state.speaker === 'user';
  const list = ids.map((id) => {
    const item = state.catalog.require(id);
    const display = displayTitle(item);
    // Once it has come up, a long title is said as people say it: "A New Hope", "Sapiens".
    const spoken = state.known.has(id) ? spokenTitle(item, state.catalog) : undefined;
    if (spoken !== undefined) return spoken;
    const known = plain || state.known.has(id) ? knownTitle(item, state.catalog) : undefined;
    const apart = known?.namesakes.some(
      (other) =>
        state.known.has(other) || state.turnItems.includes(other) || state.named.includes(other) || ids.includes(other),
    );
    return known === undefined || apart || (known.afterNamed && !state.known.has(id)) ? display : known.short;
  });
  for (const title of list) state.titles.push(title);
  for (const id of ids) state.named.push(id);
  return { and: joinList(list), or: joinList(list, 'or'), list, one: list.length === 1 };
}

/** How this turn wrote an item's title, with or without its year; its display title if the turn has not named it. */
export function writtenTitle(state: TurnState, id: string): string {
  const at = state.named.lastIndexOf(id);
  return at < 0 ? displayTitle(state.catalog.require(id)) : (state.titles[at] as string);
}

/** Capitalises the start of a sentence unless it opens with a title of this turn. */
export function sentence(state: TurnState, text: string): string {
  return capitalize(text, state.titles);
}
