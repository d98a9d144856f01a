import { displayTitle, parseAttributeKey } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { DialogueAct, Polarity } from '../dialogue/dialogue-acts.js';
import { attributePhrase, facetPhrase } from '../lexicon/attribute-phrases.js';
import { type DomainPhrasing, domainPhrasing } from '../lexicon/domain-phrasing.js';
import { joinList } from '../lexicon/english.js';

// One decimal is as fine as a model can act on; the raw strength (0.8371) would only add noise to the prompt.
function strength(value: number | undefined): string {
  return value === undefined ? '' : ` (strength ${(Math.round(value * 10) / 10).toFixed(1)})`;
}

function titles(catalog: ItemCatalog, ids: readonly string[]): string {
  return joinList(ids.map((id) => displayTitle(catalog.require(id))));
}

function feeling(polarity: Polarity): string {
  switch (polarity) {
    case 'positive':
      return 'liked it';
    case 'negative':
      return 'disliked it';
    case 'neutral':
      return 'felt neither way about it';
  }
}

function opinionOfAttribute(polarity: Polarity, noun: string): string {
  switch (polarity) {
    case 'positive':
      return `Say you like ${noun}`;
    case 'negative':
      return `Say you dislike ${noun}`;
    case 'neutral':
      return `Say you have no strong feelings about ${noun}`;
  }
}

// A fact about an item in words a model can repeat without inventing: "genre sci-fi", "directed by Lana Wachowski".
function fact(key: string, phrasing: DomainPhrasing): string {
  const parsed = parseAttributeKey(key);
  if (!parsed) return key;
  switch (parsed.facet) {
    case 'genre':
      return `genre ${attributePhrase(key, phrasing).noun}`;
    case 'director':
      return `directed by ${parsed.value}`;
    case 'cast':
      return `starring ${parsed.value}`;
    case 'tag':
      return attributePhrase(key, phrasing).noun;
    default:
      return `${parsed.facet} ${parsed.value}`;
  }
}

// "but less violent" / "but more recent": the direction of a critique, as the user would put it.
function critiqueDirection(
  act: { attribute?: string | undefined; direction: 'less' | 'more' | 'newer' | 'older' },
  phrasing: DomainPhrasing,
): string {
  switch (act.direction) {
    case 'newer':
      return 'more recent';
    case 'older':
      return 'older';
    case 'less':
      return act.attribute === undefined ? 'less of the same' : attributePhrase(act.attribute, phrasing).less;
    case 'more':
      return act.attribute === undefined ? 'more of the same' : attributePhrase(act.attribute, phrasing).more;
  }
}

/**
 * One act as a short English directive for a language model: what the speaker must say, with item titles as
 * the catalog writes them (year included) and attribute strengths rounded to one decimal.
 *
 * @example
 * ```ts
 * describeAct({ type: 'disclose', items: [], attribute: 'genre:Horror', polarity: 'negative', strength: 0.8 }, catalog);
 * // "Say you dislike horror (strength 0.8)."
 * ```
 */
export function describeAct(act: DialogueAct, catalog: ItemCatalog): string {
  // The catalog's own words: "authors" and "novels" for books, never films.
  const phrasing = domainPhrasing(catalog);
  switch (act.type) {
    case 'greet':
      return 'Greet the user and offer to help them find something.';
    case 'ask-attribute':
      return act.attribute === undefined
        ? `Ask which ${facetPhrase(act.facet, phrasing)} they enjoy.`
        : `Ask how they feel about ${attributePhrase(act.attribute, phrasing).noun}.`;
    case 'ask-item':
      return `Ask whether they have seen ${titles(catalog, act.items)} and, if so, what they thought of it.`;
    case 'ask-open':
      return 'Ask an open question about what they are in the mood for.';
    case 'ask-reason':
      return `Ask what put them off ${titles(catalog, act.items)}, which they turned down without saying why.`;
    case 'recommend': {
      const reasons = act.reasons.map((key) => attributePhrase(key, phrasing).noun);
      const because = reasons.length === 0 ? '' : `, as a match for what they said they like: ${joinList(reasons)}`;
      const like = act.like === undefined ? '' : `, as like ${titles(catalog, [act.like])}, which they said they liked`;
      const invite = act.invitesCritique === true ? ' Then ask what they would change, to refine from there.' : '';
      return `Recommend ${titles(catalog, act.items)}${like}${because}.${invite}`;
    }
    case 'respond-critique': {
      const acknowledge = `Acknowledge that they want something like ${titles(catalog, act.items)} but ${critiqueDirection(act, phrasing)}`;
      if (act.dropped === undefined) return `${acknowledge}.`;
      const nouns = joinList(act.dropped.map((key) => attributePhrase(key, phrasing).noun));
      return `${acknowledge}, and say that this time you leave ${nouns} aside.`;
    }
    case 'no-match':
      return `Say, sorry, that you have nothing left like ${titles(catalog, act.items)} but ${critiqueDirection(act, phrasing)}.`;
    case 'describe-item': {
      const item = catalog.require(act.items[0] as string);
      const facts = [
        ...(item.year === undefined ? [] : [`released in ${item.year}`]),
        ...act.attributes.map((key) => fact(key, phrasing)),
      ];
      return facts.length === 0
        ? `Describe ${displayTitle(item)} briefly, stating no facts beyond its title.`
        : `Describe ${displayTitle(item)} using only these facts: ${facts.join('; ')}.`;
    }
    case 'close':
      return act.items.length === 0
        ? 'Close the conversation politely.'
        : `Close the conversation, wishing them a good time with ${titles(catalog, act.items)}.`;
    case 'state-goal':
      return act.items.length === 0
        ? 'Say you are looking for a recommendation.'
        : `Say you are looking for something like ${titles(catalog, act.items)}.`;
    case 'disclose':
      if (act.attribute !== undefined) {
        return `${opinionOfAttribute(act.polarity, attributePhrase(act.attribute, phrasing).noun)}${strength(act.strength)}.`;
      }
      return `Say you have seen ${titles(catalog, act.items)} and ${feeling(act.polarity)}${strength(act.strength)}.`;
    case 'answer-item':
      if (!act.seen) return `Say you have not seen ${titles(catalog, act.items)}.`;
      if (act.polarity === undefined)
        return `Say you have seen ${titles(catalog, act.items)}, giving no opinion of it.`;
      return `Say you have seen ${titles(catalog, act.items)} and ${feeling(act.polarity)}${strength(act.strength)}.`;
    case 'critique':
      return `Ask for something like ${titles(catalog, act.items)} but ${critiqueDirection(act, phrasing)}.`;
    case 'reject': {
      const them = act.items.length === 1 ? 'it' : 'them';
      return act.seen
        ? `Turn down ${titles(catalog, act.items)}: say you have already seen ${them} and want something new.`
        : `Turn down ${titles(catalog, act.items)} without giving a specific reason.`;
    }
    case 'accept':
      return `Accept ${titles(catalog, act.items)}: say you will go with it.`;
    case 'ask-about-item':
      return `Ask what ${titles(catalog, act.items)} is about.`;
    case 'give-up':
      return 'Give up politely: say this is not working for you and end the conversation.';
  }
}

/**
 * A turn's acts as short English directives, one per act, in order: the "say" list of a prompt's data block.
 * Throws `UNKNOWN_ITEM` for an item id not in the catalog.
 *
 * @example
 * ```ts
 * describeActs(
 *   [
 *     { type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'positive', strength: 0.9 },
 *     { type: 'disclose', items: [], attribute: 'genre:Horror', polarity: 'negative', strength: 0.8 },
 *   ],
 *   catalog,
 * );
 * // ["Say you like sci-fi (strength 0.9).", "Say you dislike horror (strength 0.8)."]
 * ```
 */
export function describeActs(acts: readonly DialogueAct[], catalog: ItemCatalog): string[] {
  // A user's goodbye answers the recommender's (their last suggestion, taken or not): nothing in the turn asks for
  // more, and the goodbye thanks them for a find or for trying.
  const leaving = acts.at(-1)?.type === 'close' && acts.some((act) => USER_REACTIONS.has(act.type));
  // The recommender's last suggestion or answer is answered before anyone says goodbye: it hands the choice over.
  const handing = acts.at(-1)?.type === 'close' && acts.some((act) => LAST_OFFERS.has(act.type));
  if (handing)
    return acts.map((act) =>
      act.type === 'close'
        ? 'Say this is your last idea for now and leave the choice to them, without a goodbye: they answer first.'
        : describeAct(act, catalog),
    );
  if (!leaving) return acts.map((act) => describeAct(act, catalog));
  const found = acts.some((act) => act.type === 'accept');
  return acts.map((act) => {
    if (act.type === 'critique') {
      const direction = critiqueDirection(act, domainPhrasing(catalog));
      return `Say, in leaving, that you had hoped for something like ${titles(catalog, act.items)} but ${direction}; ask for nothing more.`;
    }
    if (act.type === 'close') return found ? 'Thank them and say goodbye.' : 'Thank them for trying and say goodbye.';
    return describeAct(act, catalog);
  });
}

const USER_REACTIONS: ReadonlySet<DialogueAct['type']> = new Set(['accept', 'reject', 'critique']);
const LAST_OFFERS: ReadonlySet<DialogueAct['type']> = new Set(['recommend', 'describe-item']);
