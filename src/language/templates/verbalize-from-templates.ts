import { parseAttributeKey } from '../../catalog/item.js';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { type ActOfType, type DialogueAct, itemsOf, type Polarity } from '../../dialogue/dialogue-acts.js';
import type { Turn } from '../../dialogue/turn.js';
import { IcerError } from '../../errors.js';
import {
  attributeNouns,
  attributePhrase,
  facetNouns,
  facetPhrase,
  facetPhrasing,
} from '../../lexicon/attribute-phrases.js';
import { type DomainPhrasing, domainPhrasing, perPhrasing } from '../../lexicon/domain-phrasing.js';
import { capitalize, joinNegativeList, joinNouns, pluralize } from '../../lexicon/english.js';
import { SeededRandom } from '../../random/seeded-random.js';
import { seriesMates } from '../../simulation/series-runs.js';
import type { VerbalizeRequest } from '../lm-adapter.js';
import {
  assistantTemplates,
  type EchoPairWords,
  type RecommendLikeWords,
  type RecommendWords,
  type RespondRecommendWords,
  type SetAsideWords,
  type ShiftWords,
} from './assistant-templates.js';
import { chattyAsides, eveningAhead } from './chatty-asides.js';
import { composeOpinions, isOpinionAct, type OpinionAct, STRONG_OPINION } from './compose-opinions.js';
import { type DescribeOptions, describeItem } from './describe-templates.js';
import { drawFrom, pickOf } from './draw-from.js';
import { soundsSober } from './grave-words.js';
import { historySoFar } from './history-so-far.js';
import {
  itemAppositive,
  itemFact,
  namesGrave,
  namesHarrowing,
  namesSerious,
  tellsStory,
  withAppositive,
} from './item-facts.js';
import { likingWordsOf, pickUnsaid, pickUnsaidText } from './liking-words.js';
import type { Style, Template, TitleWords } from './template.js';
import { namesDay, setsNoTime, withoutDayNamed, withoutTimeOfDay } from './time-of-day.js';
import { sentence, type TurnState, titleWords, writtenTitle } from './turn-state.js';
import { type ShortfallWords, type Styled, type StyledText, userTemplates } from './user-templates.js';

const templatesOf = perPhrasing((phrasing) => ({
  ...assistantTemplates(phrasing),
  ...userTemplates(phrasing),
  ...chattyAsides(phrasing),
}));

const timelessTemplatesOf = perPhrasing((phrasing) => withoutTimeOfDay(templatesOf(phrasing)));

const dayNamedTemplatesOf = perPhrasing((phrasing) => withoutDayNamed(templatesOf(phrasing)));

function isUser(state: TurnState): boolean {
  return state.speaker === 'user';
}

function styled<W>(state: TurnState, lists: Styled<W>): readonly Template<W>[] {
  return state.style === 'terse' ? lists.terse : lists.normal;
}

function styledText(state: TurnState, lists: StyledText): string {
  return state.random.pick(state.style === 'terse' ? lists.terse : lists.normal);
}

/** `lines` less those that thank, when a piece of the turn already did: a turn says its thanks once. */
function thankingOnce(lines: readonly string[], pieces: readonly string[]): readonly string[] {
  if (!pieces.some((piece) => THANKS.test(piece))) return lines;
  const unthanked = lines.filter((text) => !THANKS.test(text));
  return unthanked.length > 0 ? unthanked : lines;
}

/** What a critique asks to change, as words after "something like X, but ___". */
interface Shift {
  readonly s: string;
  readonly comparative: boolean;
}

const NEWER: readonly Shift[] = [
  { s: 'more recent', comparative: true },
  { s: 'newer', comparative: true },
  { s: 'from more recent years', comparative: false },
  { s: 'more modern', comparative: true },
  { s: 'from a later decade', comparative: false },
];
const OLDER: readonly Shift[] = [
  { s: 'older', comparative: true },
  { s: 'from further back', comparative: false },
  { s: 'from an earlier era', comparative: false },
  { s: 'more old-school', comparative: true },
  { s: 'from an earlier decade', comparative: false },
];
// The schema allows "more"/"less" without an attribute; the honest rendering is a change of no stated kind.
const UNSPECIFIED: Shift = { s: 'a little different', comparative: false };

// Acts that move away from an item along an attribute or in time, and so are worded with a shift.
type CritiqueLike = ActOfType<'critique'> | ActOfType<'respond-critique'> | ActOfType<'no-match'>;

// A critique of a work from before this year is not put by decade: "like Romeo and Juliet (1597), but from a later
// decade" asks for a play of the 1600s, when the user's taste is centuries off. (Descriptions give decades back to
// 1800; a critique's shift is 15 years or more, which a decade understates of an old work.)
const DECADES_FROM = 1900;
const undecaded = (shifts: readonly Shift[]) => shifts.filter((shift) => !shift.s.includes('decade'));
const NEWER_UNDECADED = undecaded(NEWER);
const OLDER_UNDECADED = undecaded(OLDER);

function shiftOf(act: CritiqueLike, state: TurnState): Shift {
  const { random } = state;
  if (act.direction === 'newer' || act.direction === 'older') {
    const year = act.items.length === 0 ? undefined : state.catalog.get(act.items[0] as string)?.year;
    const byDecade = year === undefined || year >= DECADES_FROM;
    if (act.direction === 'newer') return random.pick(byDecade ? NEWER : NEWER_UNDECADED);
    return random.pick(byDecade ? OLDER : OLDER_UNDECADED);
  }
  if (act.attribute === undefined) return UNSPECIFIED;
  const phrase = attributePhrase(act.attribute, state.phrasing);
  return act.direction === 'more'
    ? { s: phrase.more, comparative: phrase.moreComparative }
    : { s: phrase.less, comparative: phrase.lessComparative };
}

function critique(
  state: TurnState,
  act: CritiqueLike,
  general: readonly Template<ShiftWords>[],
  comparative: readonly Template<ShiftWords>[],
): string {
  const shift = shiftOf(act, state);
  const words: ShiftWords = { t: titleWords(state, act.items).and, s: shift.s };
  const template = shift.comparative ? pickOf(state.random, general, comparative) : state.random.pick(general);
  return template(words);
}

// Comparatives whose plain adjective a shortfall needs: "funnier" → "not funny enough".
const PLAIN: ReadonlyMap<string, string> = new Map([
  ['funnier', 'funny'],
  ['scarier', 'scary'],
  ['darker', 'dark'],
  ['quirkier', 'quirky'],
  ['wittier', 'witty'],
]);

/** What an item has too much or not enough of (`a`: "violent", "old"); `era` for its age. */
interface Shortfall {
  readonly too: boolean;
  readonly a: string;
  readonly era?: boolean;
}

/**
 * A shortfall said of an item, from its list: never as a question when the user is leaving, and an age never "for
 * tonight" or "for my mood" ("Isle of Dogs seems too new for tonight"), as a film's age is not a mood.
 */
function shortfallText(state: TurnState, list: Styled<ShortfallWords>, t: string, shortfall: Shortfall): string {
  const said = styled(state, list).map((template) => template({ t, a: shortfall.a }));
  return state.random.pick(
    said.filter((text) => !(state.closing && text.endsWith('?')) && !(shortfall.era === true && MOODY.test(text))),
  );
}

const MOODY = /\bfor tonight\b|\bmy mood\b/;

/**
 * What is wrong with the critiqued item, when the shift reads that way: "less violent" → too "violent", "less of a
 * mystery" → too "much of a mystery", "more thrilling" → not "thrilling" enough, "newer" → too "old". Undefined for
 * shifts that do not ("not by X", "with fewer zombies").
 */
function shortfallOf(state: TurnState, act: ActOfType<'critique'>, shift: Shift): Shortfall | undefined {
  if (act.direction === 'newer') return { too: true, a: 'old', era: true };
  if (act.direction === 'older') return { too: true, a: 'new', era: true };
  // Only genres and descriptive tags are adjectives to be "too" much of; free-text tags ("more pixar") are not.
  const kind = act.attribute === undefined ? undefined : attributePhrase(act.attribute, state.phrasing).trait.kind;
  if (kind !== 'genre' && kind !== 'quality') return undefined;
  const plain = PLAIN.get(shift.s);
  if (plain !== undefined) return act.direction === 'more' ? { too: false, a: plain } : undefined;
  const single = /^(less|more) ([a-z-]+)$/.exec(shift.s);
  if (single) return { too: single[1] === 'less', a: single[2] as string };
  const much = /^less of (an? [a-z -]+)$/.exec(shift.s);
  if (much && act.direction === 'less') return { too: true, a: `much of ${much[1] as string}` };
  return undefined;
}

/** The share of the user's critiques said as a shortfall of the item, when the shift allows it. */
const SHORTFALL_RATE = 0.35;

function userCritique(state: TurnState, act: ActOfType<'critique'>): string {
  const { random } = state;
  const shift = shiftOf(act, state);
  const shortfall = shortfallOf(state, act, shift);
  if (act.items.some((id) => state.reasonAsked.includes(id)))
    return statedCritique(state, act, shift, shortfall, 'asked');
  if (state.closing) return statedCritique(state, act, shift, shortfall, 'leaving');
  if (shortfall === undefined || !random.chance(SHORTFALL_RATE)) {
    const words: ShiftWords = { t: titleWords(state, act.items).and, s: shift.s };
    const all = styled(state, state.t.CRITIQUE);
    const general = state.praised.length > 0 ? keptOf(all, saysNoNotQuite) : all;
    const template = shift.comparative
      ? pickOf(random, general, styled(state, state.t.CRITIQUE_COMPARATIVE))
      : random.pick(general);
    return template(words);
  }
  const t = titleWords(state, act.items).and;
  const text = shortfallText(state, shortfall.too ? state.t.TOO_MUCH : state.t.NOT_ENOUGH, t, shortfall);
  return `${text} ${styledText(state, state.t.SHORTFALL_ASKS)}`;
}

// After praise of another title in the turn, no "Not quite.": "Mary Poppins was fantastic. Not quite. Something like
// Coraline, but …" reads as the praise taken back.
const NOT_QUITE = /^(?:Close, but )?not quite\./i;
const SHIFT_PROBE: ShiftWords = { t: 'T', s: 'S' };
const saysNoNotQuite = (template: Template<ShiftWords>) => !NOT_QUITE.test(template(SHIFT_PROBE));

// "Sholay was a favourite!" is not met with "Sounds like a real favourite.", which only says it back.
const FAVOURITE = /\bfavourite\b/i;
const saysNoFavourite = (text: string) => !FAVOURITE.test(text);

/** The acknowledgements of a title the user loved, none saying back "favourite" after the user said it. */
function lovedAcknowledgements(state: TurnState, said: string): readonly string[] {
  const all = state.t.ACKNOWLEDGEMENTS_SEEN_LOVED;
  return FAVOURITE.test(said) ? all.filter(saysNoFavourite) : all;
}

/**
 * A critique said as a statement rather than a request: when asked what put the user off the item ("Mostly that
 * Heat sounds a bit too violent for me."), or in leaving, after the recommender's goodbye ("Hmm, Heat seems too
 * violent for tonight.", "I was hoping for something lighter than Heat."), which asks for nothing more.
 */
function statedCritique(
  state: TurnState,
  act: ActOfType<'critique'>,
  shift: Shift,
  shortfall: Shortfall | undefined,
  when: 'asked' | 'leaving',
): string {
  const { random, t: lists } = state;
  const [tooMuch, notEnough, general, comparative] =
    when === 'asked'
      ? [lists.REASON_TOO_MUCH, lists.REASON_NOT_ENOUGH, lists.REASON_CRITIQUE, lists.REASON_CRITIQUE_COMPARATIVE]
      : [lists.TOO_MUCH, lists.NOT_ENOUGH, lists.CLOSING_CRITIQUE, lists.CLOSING_CRITIQUE_COMPARATIVE];
  const t = titleWords(state, act.items).and;
  // Asked why, a shortfall is the answer; in leaving, it is one way of putting it, and never as a question ("Isn't
  // Heat a bit too violent?").
  if (shortfall !== undefined && (when === 'asked' || random.chance(SHORTFALL_RATE)))
    return shortfallText(state, shortfall.too ? tooMuch : notEnough, t, shortfall);
  const template = shift.comparative
    ? pickOf(random, styled(state, general), styled(state, comparative))
    : random.pick(styled(state, general));
  return template({ t, s: shift.s });
}

// Acts whose schema allows items without saying what they mean (greet, ask-open, ask-attribute): the items are
// still named, so the text mentions every item its acts carry, but without any opinion.
function withItems(state: TurnState, text: string, ids: readonly string[]): string {
  if (ids.length === 0) return text;
  return `${text} ${state.random.pick(state.t.ALSO_ABOUT)(titleWords(state, ids))}`;
}

/** What the recommender's wording may draw on from the dialogue so far. */
interface AssistantContext {
  /** The recommender's previous turn asked about an attribute: the next question can read "And comedies?". */
  readonly askedBefore: boolean;
}

/**
 * How often the recommender adds each optional part, by its voice. Brief recommenders greet and ask in one breath;
 * chatty ones add an offer, say why they ask and what a film is like. Facts about a film are content, so even a
 * terse voice gives some.
 */
interface Voice {
  /** "I can suggest a few films for you." after a hello. */
  readonly offer: number;
  /** What kind of answer helps, after an open question. */
  readonly openFollowUp: number;
  /** Why it asks, after an attribute question. */
  readonly askReason: number;
  /** The other side, after a facet question. */
  readonly facetFollowUp: number;
  /** "What do you think?" after a recommendation. */
  readonly recommendFollowUp: number;
  /** A true fact about a recommended film. */
  readonly fact: number;
  /** What a film is, after its title in "Have you seen …?". */
  readonly itemHint: number;
  /** "Got it." before a question or suggestion. */
  readonly acknowledge: number;
  /** A critique answered in the same sentence as the new suggestion, rather than restated first. */
  readonly combineCritique: number;
  /** A wish after a goodbye that names the film. */
  readonly closeWish: number;
}

const VOICES: Readonly<Record<Style, Voice>> = {
  terse: {
    offer: 0.1,
    openFollowUp: 0,
    askReason: 0,
    facetFollowUp: 0.1,
    recommendFollowUp: 0.1,
    fact: 0.5,
    itemHint: 0.2,
    acknowledge: 0.3,
    combineCritique: 0.9,
    closeWish: 0.1,
  },
  normal: {
    offer: 0.35,
    openFollowUp: 0.1,
    askReason: 0.08,
    facetFollowUp: 0.25,
    recommendFollowUp: 0.25,
    fact: 0.7,
    itemHint: 0.5,
    acknowledge: 0.5,
    combineCritique: 0.65,
    closeWish: 0.3,
  },
  chatty: {
    offer: 0.7,
    openFollowUp: 0.3,
    askReason: 0.2,
    facetFollowUp: 0.4,
    recommendFollowUp: 0.4,
    fact: 0.85,
    itemHint: 0.65,
    acknowledge: 0.65,
    combineCritique: 0.4,
    closeWish: 0.5,
  },
};

// Some parts of an utterance are optional: an offer after a hello, a follow-up after a question.
function maybe(random: SeededRandom, share: number, list: readonly string[]): string {
  return random.chance(share) ? ` ${random.pick(list)}` : '';
}

/**
 * The recommender's words for an attribute or a facet: half the time the usual noun, otherwise any name it goes by
 * ("science fiction" for sci-fi), as people say back what they heard in their own words.
 */
function saidNoun(random: SeededRandom, nouns: readonly string[]): string {
  return nouns.length === 1 || random.chance(0.5) ? (nouns[0] as string) : random.pick(nouns);
}

/**
 * The nouns of something the user is off that read after "no", as every frame of a dislike may put them: not a
 * person's possessive ("no Joel Coen's films"), when the attribute has another noun ("no films by Joel Coen").
 */
function refusable(nouns: readonly string[]): readonly string[] {
  const plain = nouns.filter((noun) => !NAMED_POSSESSIVE.test(noun));
  return plain.length > 0 ? plain : nouns;
}

const NAMED_POSSESSIVE = /^\p{Lu}.*'s \S+$/u;

function askAttribute(state: TurnState, act: ActOfType<'ask-attribute'>, context: AssistantContext): string {
  const { random } = state;
  if (state.speaker === 'user') {
    return act.attribute === undefined
      ? random.pick(state.t.ASK_FACET)({ f: facetPhrase(act.facet, state.phrasing) })
      : random.pick(state.t.ASK_ATTRIBUTE)({ x: attributePhrase(act.attribute, state.phrasing).noun });
  }
  const voice = VOICES[state.style];
  // After "Sure thing, more coming up.", why the question is asked always follows it.
  const askReason = state.questionBeforeMore ? 1 : voice.askReason;
  if (act.attribute === undefined) {
    const question = random.pick(state.t.ASK_FACET)({ f: saidNoun(random, facetNouns(act.facet, state.phrasing)) });
    const followUp = !state.questionBeforeMore && random.chance(0.6);
    return `${question}${followUp ? maybe(random, voice.facetFollowUp, state.t.FACET_FOLLOW_UPS) : maybe(random, askReason, state.t.ASK_REASONS)}`;
  }
  const x = saidNoun(random, attributeNouns(act.attribute, state.phrasing));
  const question =
    context.askedBefore && random.chance(0.4)
      ? random.pick(state.t.ASK_ATTRIBUTE_NEXT)({ x })
      : random.pick(state.t.ASK_ATTRIBUTE)({ x });
  return `${question}${maybe(random, askReason, state.t.ASK_REASONS)}`;
}

// A goodbye leaves the user no turn to answer in: a suggestion made in one is a statement ("Try A."), never a
// question about it ("Have you seen A?", "Maybe A?"). A critique echoed before it ("Less violent than Heat? Try A.")
// asks nothing. Which templates ask is read once per list, from a rendering with a marker for the suggested titles.
const SUGGESTED = '\u0001';
const MARKED: RecommendWords & RespondRecommendWords & RecommendLikeWords = {
  and: SUGGESTED,
  or: SUGGESTED,
  list: [SUGGESTED, SUGGESTED],
  one: false,
  r: 'x',
  t: 'x',
  s: 'x',
  l: 'x',
};
const askingTemplates = new WeakMap<Template<typeof MARKED>, boolean>();

/** Whether a suggestion's template asks about what it suggests: "Have you seen A?", "Maybe A? It could fit." */
function asksAbout(template: Template<typeof MARKED>): boolean {
  let asks = askingTemplates.get(template);
  if (asks === undefined) {
    const text = template(MARKED);
    asks = text.slice(text.indexOf(SUGGESTED)).includes('?');
    askingTemplates.set(template, asks);
  }
  return asks;
}

// The templates of a list that pass a test, worked out once per list and test.
const keptLists = new WeakMap<(template: never) => boolean, WeakMap<readonly Template<never>[], readonly unknown[]>>();

function keptOf<T extends Template<never>>(list: readonly T[], keep: (template: T) => boolean): readonly T[] {
  let byList = keptLists.get(keep);
  if (byList === undefined) {
    byList = new WeakMap();
    keptLists.set(keep, byList);
  }
  let kept = byList.get(list) as readonly T[] | undefined;
  if (kept === undefined) {
    kept = list.filter(keep);
    byList.set(list, kept);
  }
  return kept;
}

const isStatement = (template: Template<typeof MARKED>) => !asksAbout(template);

function statementsOf<T extends Template<typeof MARKED>>(list: readonly T[]): readonly T[] {
  return keptOf(list, isStatement);
}

// A title the recommender asked about was on its mind already: "Have you seen M?" "No." … not "M comes to mind.".
const followsUp = (template: Template<typeof MARKED>) => isStatement(template) && !/\bto mind\b/.test(template(MARKED));

// Wordings that say the user likes the reason ("Since you like …", "For a fan of …", "your taste for …", "Given your
// interest in …").
const LIKING_CLAIMED =
  /\b(?:you like|you enjoy|you're into|you're a fan|your taste|your liking|your fondness|your interest|fans? of|who enjoys)\b/i;
const claimsNoLiking = (template: Template<typeof MARKED>) => !LIKING_CLAIMED.test(template(MARKED));

/** The templates of a list that claim no liking of the reason. */
function noLikingClaimed<T extends Template<typeof MARKED>>(list: readonly T[]): readonly T[] {
  return keptOf(list, claimsNoLiking);
}

/**
 * A list a suggestion of this turn may be worded from: its statements only when the turn says goodbye, when the
 * suggestion is the first part of a slate in two (the question, if any, comes after the second), or when it asks what
 * the user would change (that is its question); when the user has said, asked, that they have not seen what it
 * suggests, its statements that do not have the title come to mind ("I haven't seen Avatar." is not answered "Have
 * you considered Avatar?", then or turns later).
 */
function suggestable<T extends Template<typeof MARKED>>(
  state: TurnState,
  list: readonly T[],
  part?: SlatePart,
  items: readonly string[] = [],
): readonly T[] {
  const fitting = state.setsAside ? keptOf(list, claimsNoFit) : list;
  if (saidUnseen(state, items)) return keptOf(fitting, followsUp);
  return state.closing || part === 'first' || state.invitesCritique ? statementsOf(fitting) : fitting;
}

const FIT_CLAIM =
  /\bwhat you've told me\b|\bour chat so far\b|\bgood fits? for you\b|\bcould suit you\b|\bup your alley\b|\byour kind of\b/;
const claimsNoFit = (template: Template<typeof MARKED>) => !FIT_CLAIM.test(template(MARKED));

/** Whether the user has said, in any earlier turn, that they have not seen one of the items. */
function saidUnseen(state: TurnState, items: readonly string[]): boolean {
  return state.history.some((turn) => saysUnseen(turn, items));
}

function justSaidUnseen(state: TurnState, items: readonly string[]): boolean {
  return saysUnseen(state.history.at(-1), items);
}

/** Whether a user turn says, asked, that they have not seen one of the items. */
function saysUnseen(turn: Turn | undefined, items: readonly string[]): boolean {
  return (
    turn?.speaker === 'user' &&
    turn.acts.some(
      (act) => act.type === 'answer-item' && act.seen === false && act.items.some((id) => items.includes(id)),
    )
  );
}

/** Title words with a reason, written out: a spread copies them field by field on every suggestion. */
function withReason(titles: TitleWords, r: string): RecommendWords {
  return { and: titles.and, or: titles.or, list: titles.list, one: titles.one, r };
}

/** Where a recommendation stands in a slate of two parts, each with its reason. */
type SlatePart = 'first' | 'second';

/**
 * A recommendation's words. `part` says where it stands in a slate of two parts, each with its reason: the first
 * invites no answer yet, the second is said as an addition to it. The attribute a critique's answer has just asked
 * for (`critiqued`) is not worded as a reason again: "Like Ice Age, but more sci-fi. You could try Planet 51.", not
 * "… but more sci-fi. When it comes to sci-fi, I'd say Planet 51." What the item is may still name it.
 */
function recommend(
  state: TurnState,
  act: ActOfType<'recommend'>,
  part?: SlatePart,
  critiqued?: string,
  before = '',
): string {
  if (act.like !== undefined) return recommendLike(state, act, act.like, part);
  const titles = titleWords(state, act.items);
  // Nor is another of its reasons said as the reason: after "… but more dramatic", "To match your interest in
  // comedies, I picked Inside Out" reads as the request ignored.
  const reasons = critiqued !== undefined && act.reasons.includes(critiqued) ? [] : act.reasons;
  const r = joinNouns(
    reasons.map((key) =>
      state.speaker === 'user'
        ? attributePhrase(key, state.phrasing).noun
        : saidNoun(state.random, attributeNouns(key, state.phrasing)),
    ),
  );
  const { t } = state;
  const one = titles.one;
  if (part === 'second' && r !== '' && reasons.every((key) => state.stated.has(key)))
    return recommendTail(
      state,
      state.random.pick(unlike(t.RECOMMEND_ALSO_BECAUSE, before))(withReason(titles, r)),
      act,
      false,
      part,
    );
  // The wordings of a first suggestion ("a good place to start") or a later one ("next idea"), as the dialogue stands.
  const order = state.suggestedBefore
    ? one
      ? t.RECOMMEND_ONE_NEXT
      : t.RECOMMEND_MANY_NEXT
    : one
      ? t.RECOMMEND_ONE_FIRST
      : t.RECOMMEND_MANY_FIRST;
  if (r === '') {
    // Also those that invite an answer themselves (after which nothing is added), unless the turn says goodbye.
    const asking =
      state.closing || part === 'first' || state.invitesCritique
        ? []
        : one
          ? t.RECOMMEND_ONE_ASKING
          : t.RECOMMEND_MANY_ASKING;
    const { item, list } = drawFrom(state.random, [
      suggestable(state, one ? t.RECOMMEND_ONE : t.RECOMMEND_MANY, part, act.items),
      suggestable(state, order, part, act.items),
      asking,
    ]);
    const text = item(withReason(titles, r));
    return state.speaker === 'user' || list === asking
      ? text
      : recommendTail(state, text, act, part === 'first' || asksAbout(item), part);
  }
  // "You said you like …", or "Since you like …", only of what the user said they like, not of what a critique asked
  // for ("more tense"): "Since it's tense films you want" is all a critique tells.
  const liked = reasons.every((key) => state.stated.has(key));
  const claims = (list: readonly Template<RecommendWords>[]) => (liked ? list : noLikingClaimed(list));
  const because = claims(one ? t.RECOMMEND_ONE_BECAUSE : t.RECOMMEND_MANY_BECAUSE);
  const first = state.suggestedBefore
    ? []
    : claims(one ? t.RECOMMEND_ONE_BECAUSE_FIRST : t.RECOMMEND_MANY_BECAUSE_FIRST);
  const said = liked ? (one ? t.RECOMMEND_ONE_BECAUSE_SAID : t.RECOMMEND_MANY_BECAUSE_SAID) : [];
  const template = drawFrom(state.random, [
    suggestable(state, because, part, act.items),
    suggestable(state, first, part, act.items),
    suggestable(state, said, part, act.items),
  ]).item;
  const text = template(withReason(titles, r));
  if (state.speaker === 'user') return text;
  // A fan of a person or a series may well know their best-known work: a recommender who knows it says so, now and
  // then, and once a dialogue, unless the user has said they have not seen it or this is the last word.
  if (
    part === undefined &&
    liked &&
    !state.closing &&
    !state.invitesCritique &&
    reasons.some((key) => namesWorksOf(key, state)) &&
    !saidUnseen(state, act.items) &&
    !hedgedBefore(state) &&
    state.random.chance(FAN_HEDGE)
  )
    return `${text} ${state.random.pick(one ? t.FAN_HEDGES_ONE : t.FAN_HEDGES_MANY)}`;
  return recommendTail(state, text, act, part === 'first' || asksAbout(template), part);
}

// The share of suggestions made for a liking of a person or a series that allow the user may know them already.
const FAN_HEDGE = 0.35;

/** Whether the recommender has already allowed that the user may know a suggestion ("You may well have seen it"). */
function hedgedBefore(state: TurnState): boolean {
  const { FAN_HEDGES_ONE, FAN_HEDGES_MANY } = state.t;
  return state.history.some(
    (turn) =>
      turn.speaker === 'assistant' &&
      (FAN_HEDGES_ONE.some((hedge) => turn.text.endsWith(hedge)) ||
        FAN_HEDGES_MANY.some((hedge) => turn.text.endsWith(hedge))),
  );
}

/** Whether an attribute is a person's or a series' (a director, an actor, an author), whose fans know their works. */
function namesWorksOf(key: string, state: TurnState): boolean {
  const facet = parseAttributeKey(key)?.facet;
  return namesPeople(state.phrasing, facet) || facet === 'series';
}

// The words that frame a suggestion: the second part of a slate says none of those the first said ("I'd suggest
// American Beauty. Since Aardman films came up too, I'd also suggest …").
const FRAME_WORDS = /\b(?:suggest|came up|there's|try|too|as well|should|enjoy|point you|in mind|you like|go with)\b/g;

/** The frame words of a text, "as well" counted as "too": "… like A too. A fan of noir should enjoy it as well." */
function frameWords(text: string): string[] {
  return (text.toLowerCase().match(FRAME_WORDS) ?? []).map((word) => (word === 'as well' ? 'too' : word));
}

/**
 * The templates whose frame shares no word with `before` and does not open with its first word ("For noir, try A.
 * For true stories, …"); all of them when none is left.
 */
function unlike<T extends Template<typeof MARKED>>(list: readonly T[], before: string): readonly T[] {
  const said = new Set(frameWords(before));
  const opener = firstWord(before);
  const kept = list.filter((template) => {
    const frame = frameOf(template);
    return frame.opener !== opener && !frame.words.some((word) => said.has(word));
  });
  return kept.length > 0 ? kept : list;
}

/** A template's first word and its frame words, as {@link unlike} compares them. */
interface Frame {
  readonly opener: string;
  readonly words: readonly string[];
}

// Read once per template: its frame is the same whatever it suggests, and a list is read whole at every draw.
const frames = new WeakMap<Template<typeof MARKED>, Frame>();

function frameOf(template: Template<typeof MARKED>): Frame {
  let frame = frames.get(template);
  if (frame === undefined) {
    const text = template(MARKED);
    frame = { opener: firstWord(text), words: frameWords(text) };
    frames.set(template, frame);
  }
  return frame;
}

/**
 * A suggestion drawn from a title the user liked: "Since you liked Heat, how about Ronin (1998)?", then the reasons
 * the slate also has, if any ("It also fits your taste for thrillers.").
 */
function recommendLike(state: TurnState, act: ActOfType<'recommend'>, like: string, part?: SlatePart): string {
  const { t, random } = state;
  const titles = titleWords(state, act.items);
  const frames = suggestable(state, titles.one ? t.RECOMMEND_ONE_LIKE : t.RECOMMEND_MANY_LIKE, part, act.items);
  const template = random.pick(
    act.items.some((id) => farFrom(state, id, like)) ? keptOf(frames, claimsNoLikeness) : frames,
  );
  let text = template({
    and: titles.and,
    or: titles.or,
    list: titles.list,
    one: titles.one,
    l: titleWords(state, [like]).and,
  });
  if (act.reasons.length > 0) {
    const r = joinNouns(act.reasons.map((key) => saidNoun(random, attributeNouns(key, state.phrasing))));
    const claimed = act.reasons.every((key) => state.stated.has(key));
    // Not "… should suit you too. They should go down well too.": the reason's frame is not the suggestion's.
    const reasons = unlike(claimed ? t.RECOMMEND_LIKE_TOO : t.RECOMMEND_LIKE_ALSO, text);
    text = `${text} ${random.pick(reasons)(withReason(titles, r))}`;
  }
  return recommendTail(state, text, act, part === 'first' || asksAbout(template), part);
}

// "Superman is close to Butch Cassidy" of two films that share only a genre: a likeness nobody would see (farFrom).
const LIKENESS_CLAIM = /\b(?:close to|in the vein of|makes me think of)\b/i;
const claimsNoLikeness = (template: Template<typeof MARKED>) => !LIKENESS_CLAIM.test(template(MARKED));
const ALIKE_BESIDES_GENRES = 2;
const ALIKE_GENRES = 3;

/**
 * Whether an item shares too little with a liked title to be called like it: alike are two that share two things
 * besides their genres (a series, a star, a setting, a theme), or one and three genres. "The Dark Knight makes me think
 * of Swordfish" (three genres and nothing else) and "In the vein of Schindler's List, there's Fight Club" (a genre and
 * a tag) claim a likeness nobody would see.
 */
function farFrom(state: TurnState, item: string, like: string): boolean {
  const liked = new Set(state.catalog.attributeKeysOf(like));
  let genres = 0;
  let others = 0;
  for (const key of state.catalog.attributeKeysOf(item)) {
    if (!liked.has(key)) continue;
    if (facetPhrasing(parseAttributeKey(key)?.facet ?? '', state.phrasing)?.kind === 'genre') genres++;
    else others++;
  }
  return others < ALIKE_BESIDES_GENRES && !(others > 0 && genres >= ALIKE_GENRES);
}

// After a suggestion: maybe what a film is like, then maybe an invitation to answer (only after a suggestion that
// asks nothing itself: not "Have you seen A? It fits. Sound good?"). The fact follows a title ("Heat (1995), a crime
// thriller by Michael Mann") or, for a single film, is a sentence of its own.
function recommendTail(
  state: TurnState,
  text: string,
  act: ActOfType<'recommend'>,
  asked: boolean,
  part?: SlatePart,
): string {
  const { random, catalog } = state;
  const voice = VOICES[state.style];
  const ids = act.items;
  let out = text;
  let fact = '';
  // Not in a slate of two parts: after the second, words read as said of every title of the turn; after the first,
  // they may say again what the second gives as its reason ("It's philosophical. … for philosophy, …").
  if (part === undefined && random.chance(voice.fact)) {
    // Nor what the suggestion gave as its reason: "Since you like Spielberg's films, try Jaws. Spielberg directed it."
    // Nor what the question about it just said ("Ever read Das Kapital, a philosophical economics book by Karl Marx?"
    // "No." "Then give it a go." is not followed by "It was written by Karl Marx.").
    const values = act.reasons.map((key) => key.slice(key.indexOf(':') + 1));
    const first = ids[0] as string;
    const question = state.history.at(-2);
    const askedAbout = question?.acts.some((a) => a.type === 'ask-item' && a.items[0] === first) === true;
    if (askedAbout) {
      const questionText = question.text.toLowerCase();
      for (const facetValues of Object.values(catalog.require(first).attributes))
        for (const value of facetValues) if (questionText.includes(value.toLowerCase())) values.push(value);
    }
    const said = values.length === 0 ? undefined : new Set(values);
    if (ids.length === 1 && random.chance(0.5)) {
      // Asked about and suggested, it is one the user has just said they have not seen.
      const sentence = itemFact(
        catalog.require(first),
        catalog,
        random,
        said,
        writtenWithYear(state, first),
        askedAbout,
      );
      if (sentence !== '') fact = ` ${sentence}`;
    } else {
      // Only after the first of a pair ("A, a horror comedy, or B"): after the last title of a list, the words read
      // as said of every title ("A, B or C, a self-help book"), and a list of three is long enough as it is.
      if (ids.length === 1 || (ids.length === 2 && random.chance(0.6))) {
        const item = catalog.require(first);
        const appositive = itemAppositive(item, catalog, random, said, writtenWithYear(state, first));
        out = withAppositive(out, writtenTitle(state, first), appositive);
      }
    }
  }
  const pitch = `${out}${fact}`;
  if (act.invitesCritique === true && !state.closing) {
    const invitations = state.suggestedBefore ? state.t.INVITE_CRITIQUE : state.t.INVITE_CRITIQUE_FIRST;
    return `${pitch} ${random.pick(unsaidLines(unhedged(invitations, pitch), state.history))}`;
  }
  const ask = !state.closing && !asked;
  return ask && random.chance(voice.recommendFollowUp)
    ? `${pitch} ${random.pick(unechoed(state.t.RECOMMEND_FOLLOW_UPS, pitch))}`
    : pitch;
}

// The words a follow-up may share with the pitch before it: "Try Kung Fu Panda … Worth a try?", "which suits your
// taste for horror … Does that suit your mood?" say one thing twice.
const PITCH_WORDS = /\b(?:try|suits?|fits?|worth|sounds?|appeal|tempt|interest)/gi;

function pitchWords(text: string): string[] {
  return (text.match(PITCH_WORDS) ?? []).map((word) => word.toLowerCase().replace(/s$/, ''));
}

/** The follow-ups saying no pitch word `text` says; all of them if each does. */
function unechoed(list: readonly string[], text: string): readonly string[] {
  const said = pitchWords(text);
  if (said.length === 0) return list;
  const fresh = list.filter((followUp) => !pitchWords(followUp).some((word) => said.includes(word)));
  return fresh.length > 0 ? fresh : list;
}

/** "Have you seen Heat (1995), Michael Mann's crime thriller?": a question about one film may say what it is. */
function askItem(state: TurnState, act: ActOfType<'ask-item'>): string {
  const { random, catalog } = state;
  const text = random.pick(state.t.ASK_ITEM)(titleWords(state, act.items));
  if (state.speaker === 'user' || act.items.length !== 1 || !random.chance(VOICES[state.style].itemHint)) return text;
  const item = catalog.require(act.items[0] as string);
  const appositive = itemAppositive(item, catalog, random, undefined, writtenWithYear(state, item.id));
  return withAppositive(text, writtenTitle(state, item.id), appositive);
}

/** Whether this turn wrote an item's title with its year: "Heat (1995)", after which its era goes unsaid. */
function writtenWithYear(state: TurnState, id: string): boolean {
  const { year } = state.catalog.require(id);
  return year !== undefined && writtenTitle(state, id).endsWith(`(${year})`);
}

/**
 * A critique answered and a new suggestion made in one breath: "Something less violent than Heat (1995)? Try
 * Amélie (2001)." Only when the suggestion's reasons are the critique itself, which the sentence already says.
 */
function respondAndRecommend(
  state: TurnState,
  critiqueAct: ActOfType<'respond-critique'>,
  act: ActOfType<'recommend'>,
): string {
  const shift = shiftOf(critiqueAct, state);
  const t = titleWords(state, critiqueAct.items).and;
  const titles = titleWords(state, act.items);
  const words: RespondRecommendWords = { ...titles, t, s: shift.s };
  const general = suggestable(state, state.t.RESPOND_RECOMMEND);
  const comparative = suggestable(state, state.t.RESPOND_RECOMMEND_COMPARATIVE);
  const template = shift.comparative ? pickOf(state.random, general, comparative) : state.random.pick(general);
  return recommendTail(state, template(words), act, asksAbout(template));
}

const RECALLED_ONLY = /\bI mentioned\.$/;

const SET_IN = /\bset in\b/;
const ENDS_WITH_THAT = /\bthat[.!?]?$/;
/** Whether the item lacks the attribute and has some value of its facet: it is not merely untold. */
function knownToLack(catalog: ItemCatalog, item: string, key: string): boolean {
  const facet = parseAttributeKey(key)?.facet;
  const values = facet === undefined ? undefined : catalog.require(item).attributes[facet];
  return values !== undefined && values.length > 0 && !catalog.carries(item, key);
}

const saysNoThat = (template: Template<SetAsideWords>) => !/\bthat\b/i.test(template({ x: 'X' }));
const setsNoSetting = (template: Template<SetAsideWords>) => !/\bset(?:ting)? X\b/.test(template({ x: 'X' }));
const saysNoIll = (template: Template<SetAsideWords>) => !template({ x: 'X' }).includes("I'll");

/** Whether a user's critique asked for more of the attribute. */
function askedFor(history: readonly Turn[], key: string): boolean {
  return history.some(
    (turn) =>
      turn.speaker === 'user' &&
      turn.acts.some((act) => act.type === 'critique' && act.direction === 'more' && act.attribute === key),
  );
}

/** The attribute a critique's answer just before a suggestion asked for: the suggestion need not say it again. */
function critiquedBefore(before: DialogueAct | undefined): string | undefined {
  return before?.type === 'respond-critique' ? before.attribute : undefined;
}

function combinesWithCritique(critiqueAct: ActOfType<'respond-critique'>, next: ActOfType<'recommend'>): boolean {
  return critiqueAct.dropped === undefined && next.reasons.every((key) => key === critiqueAct.attribute);
}

function close(state: TurnState, act: ActOfType<'close'>): string {
  const { random } = state;
  if (state.speaker === 'user') return random.pick(state.t.USER_CLOSE_WITH_ITEM)(titleWords(state, act.items));
  if (act.items.length === 0) return goodbyeWith(random, random.pick(state.t.CLOSE), state.t.CLOSE_WISHES_EMPTY_HANDED);
  const light = !namesGrave(state.catalog, act.items);
  const enjoyable = light || !namesHarrowing(state.catalog, act.items);
  // Fun is promised only of what is fun: not "I think you'll have fun with A Separation.", a drama nothing leavens.
  const fun = light && !namesSerious(state.catalog, act.items);
  const words = titleWords(state, act.items);
  // "Great, Cosmos it is." is not answered "Great, Cosmos it is. Happy reading!": the choice is not said back in the
  // user's own words. Nor is a title ending in its own mark followed by "it is" ("What's Up, Tiger Lily? it is.").
  const noItIs = IT_IS.test(state.history[state.history.length - 1]?.text ?? '') || /[?!]$/.test(words.and);
  const fresh = (templates: readonly Template<TitleWords>[]) =>
    noItIs ? templates.filter((template) => !IT_IS.test(template(words))) : templates;
  const warm = [...(enjoyable ? state.t.CLOSE_WITH_ITEM_ENJOY : []), ...(fun ? state.t.CLOSE_WITH_ITEM_LIGHT : [])];
  const text = pickOf(random, fresh(state.t.CLOSE_WITH_ITEM), fresh(warm))(words);
  const wishes = light ? state.t.CLOSE_WITH_ITEM_WISHES_LIGHT : state.t.CLOSE_WITH_ITEM_WISHES;
  const wish = maybe(random, VOICES[state.style].closeWish, wishes);
  return wish !== '' && wishedAlready(text, wish) ? text : `${text}${wish}`;
}

const IT_IS = /\bit is\b/;

const PROMISES_MORE = /\bplenty more\b|\bkeep looking\b|\bI have more\b/;

const THANKS = /\b(?:thanks|thank|cheers|appreciated|help|helpful)\b/i;

// A wish is not said twice over: "Enjoy Heat (1995)!" is not followed by "Enjoy your movie night!", "Have a great
// time with Heat (1995)!" by "Have a nice evening!", "Enjoy your evening!" by "Have a good evening!", nor "Lovely.
// Enjoy Heat!" by "Have a lovely night in!"; and nothing follows a goodbye ("… Bye! Bye for now!").
function wishedAlready(text: string, wish: string): boolean {
  if (SAYS_BYE.test(text)) return true;
  const said = new Set(text.toLowerCase().split(NOT_A_WORD));
  if (
    wish
      .toLowerCase()
      .split(NOT_A_WORD)
      .some((word) => word.length >= 4 && said.has(word))
  )
    return true;
  const [first, last] = edgeWords(wish);
  return text.split(/[.!?] /).some((part) => {
    const [start, end] = edgeWords(part);
    return start === first || end === last;
  });
}

const NOT_A_WORD = /[^a-z']+/;

const SAYS_BYE = /\bBye\b/i;

function edgeWords(text: string): [string, string] {
  const words = text.trim().split(' ');
  return [words[0] as string, (words[words.length - 1] as string).replace(/[.!?]+$/, '')];
}

/** The share of turns, where a trait shows, worded by it ("Decided: Heat."): the rest use the common lists. */
const PERSONA_WORDING = 0.5;

function isPicky(state: TurnState): boolean {
  return (state.persona?.pickiness ?? 0.5) >= 0.7;
}

// A decisive user settles briskly, a hesitant one with a hedge; the middle sounds like anyone.
function acceptTemplates(state: TurnState): readonly Template<TitleWords>[] {
  const decisiveness = state.persona?.decisiveness;
  const list =
    decisiveness === undefined || state.style === 'terse' || !state.random.chance(PERSONA_WORDING)
      ? styled(state, state.t.ACCEPT)
      : decisiveness >= 0.7
        ? state.t.ACCEPT_BY_DECISIVENESS.decisive
        : decisiveness < 0.35
          ? state.t.ACCEPT_BY_DECISIVENESS.hesitant
          : styled(state, state.t.ACCEPT);
  // "I want to read a book tonight." … "Homo Deus is the one. Adding it to my list." saves for later what was wanted now.
  const wantedNow = state.history.some((turn) => turn.speaker === 'user' && WANTED_NOW.test(turn.text));
  const now = wantedNow ? keptOf(list, forNow) : list;
  // "Friends are coming over later …" … "Heat it is. I'll put it on now." starts an evening still to come.
  const fitting = eveningAhead(openingText(state)) ? keptOf(now, startsNothing) : now;
  // "… Want more options?" "Yes, Fantasia 2000." reads as asking for more: a yes answers a question about the title.
  return MORE_OFFERED.test(state.history.at(-1)?.text ?? '') ? keptOf(fitting, saysNoYes) : fitting;
}

const startsNothing = (template: Template<TitleWords>) => !/\bnow\b/.test(template(ONE_TITLE));

const MORE_OFFERED = /\b(?:more options|keep looking|tell you more|know first)\?$/;
const saysNoYes = (template: Template<TitleWords>) => !/^(?:Yes|Yeah|Yep|Sure)\b/.test(template(ONE_TITLE));

const WANTED_NOW = /\b(?:tonight|this evening)\b/i;
const ONE_TITLE: TitleWords = { and: 'T', or: 'T', list: ['T'], one: true };
const forNow = (template: Template<TitleWords>) => !/\bto my list\b/.test(template(ONE_TITLE));

/**
 * How a liking goes with turning titles down when asked why: as what the user would rather have (`instead`), of titles
 * with none of the likings they stated; as what they want as well (`also`), of titles with one, when some item has
 * both ("Roger & Me is fine as far as it goes, but I was hoping for Werner Herzog films as well."); said apart
 * otherwise, after "nothing in particular": "I had westerns in mind" of the crime film suggested to a fan of crime
 * films would go back on what they said, and documentaries "as well" as High Noon are no wish anyone could meet.
 */
function rejectionFrame(state: TurnState, items: readonly string[], liking: string): 'instead' | 'also' | 'apart' {
  const stated = [...new Set(items.flatMap((id) => state.catalog.attributeKeysOf(id)))].filter((key) =>
    state.stated.has(key),
  );
  if (stated.length === 0) return 'instead';
  const together = state.catalog
    .withAttribute(liking)
    .some((item) => stated.some((key) => state.catalog.carries(item.id, key)));
  return together ? 'also' : 'apart';
}

/** Whether a turning down is the answer to "What put you off Heat?": nothing in particular did. */
function answersWhy(state: TurnState, act: ActOfType<'reject'>): boolean {
  return !act.seen && act.items.every((id) => state.reasonAsked.includes(id));
}

function reject(state: TurnState, act: ActOfType<'reject'>): string {
  // "Not into dramas." gives the reason: then no "Nothing in particular", nor "Close, but not Rain Man".
  const faulted = act.items.some((id) => state.spokenAgainst.some((key) => state.catalog.carries(id, key)));
  if (!faulted && answersWhy(state, act)) {
    return state.random.pick(styled(state, state.t.REASON_NONE))(titleWords(state, act.items));
  }
  // "I loved Heat (1995). Seen it already, though." — not "… I've seen Heat (1995) already." Items this utterance
  // has just given an opinion of are seen, so only the others need naming.
  const unnamed = act.seen ? act.items.filter((id) => !state.named.includes(id)) : act.items;
  if (unnamed.length === 0) {
    // "Loved Heat. Seen it already, though." sets the two against each other; "Frozen was okay. But I've seen it"
    // has nothing to set it against, nor has "Loved Heat, but Alien was dull. But I've seen them", which already
    // ended on a no.
    const praised = act.items.every((id) => state.praised.includes(id));
    return refusalWording(
      state,
      praised ? state.t.REJECT_SEEN_JUST_NAMED : state.t.REJECT_SEEN_JUST_NAMED_PLAIN,
      praised ? state.t.REJECT_SEEN_JUST_NAMED_ASKING : state.t.REJECT_SEEN_JUST_NAMED_PLAIN_ASKING,
    )({
      one: act.items.length === 1,
    });
  }
  const titles = titleWords(state, unnamed);
  // Just told about a title with something the user said they like, a bare "Nah" reads as not listening: the refusal
  // grants the fit.
  if (!faulted && refusesFitting(state, act))
    return refusalWording(state, state.t.REJECT_FITTING, state.t.REJECT_FITTING_ASKING)(titles);
  // A picky no grants the title was near: not of one turned down for a dislike just said.
  if (!faulted && titles.one && !act.seen && isPicky(state) && state.random.chance(PERSONA_WORDING)) {
    return state.random.pick(state.t.REJECT_PICKY)(titles);
  }
  if (titles.one) {
    return act.seen
      ? refusalWording(state, state.t.REJECT_SEEN_ONE, state.t.REJECT_SEEN_ONE_ASKING)(titles)
      : refusalWording(state, state.t.REJECT_ONE, state.t.REJECT_ONE_ASKING)(titles);
  }
  const all = titles.list.length === 2 ? `both ${titles.and}` : `all of ${titles.and}`;
  const words = { ...titles, none: joinNegativeList(titles.list), all };
  return act.seen
    ? refusalWording(state, state.t.REJECT_SEEN_MANY, state.t.REJECT_SEEN_MANY_ASKING)(words)
    : refusalWording(state, state.t.REJECT_MANY, state.t.REJECT_MANY_ASKING)(words);
}

/** Whether an act turns down one title worded as granted to fit (see {@link fitsStated}). */
function refusesFitting(state: TurnState, act: DialogueAct | undefined): boolean {
  return act?.type === 'reject' && !act.seen && act.items.length === 1 && fitsStated(state, act.items[0] as string);
}

/**
 * Whether the item carries something the user said they like, and the user knows what it is (the recommender just
 * described it) or is leaving (with no turn left to ask about it).
 */
function fitsStated(state: TurnState, id: string): boolean {
  return (state.described.includes(id) || state.closing) && carriesStated(state, id);
}

/**
 * How well a user knows items they ask about: one who praised A New Hope has not got round to The Empire Strikes
 * Back, rather than knowing no more than its name; a fan of horror knows of Halloween (1978) without having seen it,
 * rather than never having heard of it.
 */
function howKnown(state: TurnState, ids: readonly string[]): Styled<TitleWords> {
  const ofPraisedSeries = (id: string) =>
    seriesMates(state.catalog.require(id), state.catalog).some((mate) => state.praisedBefore.has(mate));
  if (ids.every(ofPraisedSeries)) return state.t.ASK_ABOUT_UNSEEN_PART;
  return ids.every((id) => carriesStated(state, id)) ? state.t.ASK_ABOUT_HEARD_OF_ITEM : state.t.ASK_ABOUT_UNKNOWN_ITEM;
}

/** Whether an item carries something the user said they like. */
function carriesStated(state: TurnState, id: string): boolean {
  return state.catalog.attributeKeysOf(id).some((key) => state.stated.has(key));
}

/** A refusal ("Seen it already"), and often a request for something else, but not from a user who is leaving. */
function refusalWording<W>(state: TurnState, statements: Styled<W>, asking: Styled<W>): Template<W> {
  return drawFrom(state.random, [styled(state, statements), state.closing ? [] : styled(state, asking)]).item;
}

function verbalizeAct(
  state: TurnState,
  act: Exclude<DialogueAct, OpinionAct>,
  context: AssistantContext,
  critiqued?: string,
): string {
  const { random } = state;
  const user = state.speaker === 'user';
  switch (act.type) {
    case 'greet': {
      if (user) return withItems(state, random.pick(state.t.USER_GREETINGS), act.items);
      const greeting = random.pick(state.t.GREETINGS);
      const offers = greeting.endsWith('?') ? state.t.GREETING_STATEMENT_OFFERS : state.t.GREETING_OFFERS;
      if (!random.chance(VOICES[state.style].offer)) return withItems(state, greeting, act.items);
      // Not "Let's talk movies. Let's find your next movie.": an offer opens unlike the greeting's last sentence.
      const last = firstWord(greeting.split(/(?<=[.!?])\s+/).at(-1) ?? '');
      let offer = random.pick(offers);
      for (let tries = 0; tries < 3 && firstWord(offer) === last; tries++) offer = random.pick(offers);
      return withItems(state, `${greeting} ${offer}`, act.items);
    }
    case 'ask-open': {
      if (user) return withItems(state, random.pick(state.t.USER_OPEN_QUESTIONS), act.items);
      const followUp = maybe(random, VOICES[state.style].openFollowUp, state.t.OPEN_FOLLOW_UPS);
      return withItems(state, `${random.pick(state.t.OPEN_QUESTIONS)}${followUp}`, act.items);
    }
    case 'ask-attribute':
      return withItems(state, askAttribute(state, act, context), act.items);
    case 'ask-item':
      return askItem(state, act);
    case 'ask-reason': {
      // "… What else is there?" is not met with a question alone: more is coming, after the answer.
      const ask = endsAsking(state.history.at(-1)) ? state.t.ASK_REASON_BEFORE_MORE : state.t.ASK_REASON;
      return random.pick(ask)(titleWords(state, act.items));
    }
    case 'recommend':
      return recommend(state, act, undefined, critiqued);
    case 'respond-critique': {
      const text = critique(state, act, state.t.RESPOND_CRITIQUE, state.t.RESPOND_CRITIQUE_COMPARATIVE);
      if (act.dropped === undefined) return text;
      // Set aside together: "I'll leave dramas and mysteries aside", not "dramas or mysteries".
      const x = joinNouns(act.dropped.map((key) => saidNoun(random, refusable(attributeNouns(key, state.phrasing)))));
      // What earlier critiques asked for gives way to the latest; a liking none asked for is left out by choice.
      const asked = act.dropped.every((key) => askedFor(state.history, key));
      const slate = state.turnItems.filter((id) => !act.items.includes(id));
      const untold = act.dropped.some((key) => !slate.every((id) => knownToLack(state.catalog, id, key)));
      const list = asked ? state.t.DROPPED : untold ? state.t.SET_ASIDE_UNTOLD : state.t.SET_ASIDE;
      // Not "I'll set books set in Scandinavia aside", nor "I can look for that. For that, …".
      const fresh = ENDS_WITH_THAT.test(text) ? keptOf(list, saysNoThat) : list;
      const placed = SET_IN.test(x) ? keptOf(fresh, setsNoSetting) : fresh;
      // Nor "I'll look for something darker. I'll skip thrillers this time, though."
      const usable = text.includes("I'll") ? keptOf(placed, saysNoIll) : placed;
      return `${sentence(state, text)} ${random.pick(usable)({ x })}`;
    }
    case 'no-match':
      return critique(state, act, state.t.NO_MATCH, state.t.NO_MATCH_COMPARATIVE);
    case 'describe-item': {
      const id = act.items[0] as string;
      const item = state.catalog.require(id);
      const text = describeItem(item, titleWords(state, act.items).and, act.attributes, random, {
        phrasing: state.phrasing,
        suggestedAs: suggestionOf(state.history, id, state.catalog),
        acknowledged: state.acknowledged,
        asked: (state.history.at(-1)?.text ?? '?').includes('?'),
        liked: (key) => state.stated.has(key),
      });
      // Asked for the story, it says that was the gist it knows when what it told has something of one (a theme, a
      // setting), and that it does not know it when all it told was the kind of item: the catalog knows no plot, and
      // nothing is made up or claimed kept back.
      // All it knows said before ("As Good as It Gets is the romantic comedy I mentioned."): said so, not left as if
      // that answered the question.
      if (!state.storyAsked || !tellsStory(item, state.catalog))
        return RECALLED_ONLY.test(text) ? `${text} ${random.pick(state.t.NOTHING_MORE)}` : text;
      const toldOfStory = act.attributes.some(
        (key) => facetPhrasing(parseAttributeKey(key)?.facet ?? '', state.phrasing)?.kind === 'tag',
      );
      // "Here's the gist: …" is not followed by "That's the gist of it".
      const gist = text.includes('gist')
        ? state.t.STORY_GIST.filter((line) => !line.includes('gist'))
        : state.t.STORY_GIST;
      return `${text} ${random.pick(toldOfStory ? gist : state.t.STORY_UNTOLD)}`;
    }
    case 'close':
      return close(state, act);
    case 'state-goal':
      if (act.items.length === 0) return styledText(state, state.t.STATE_GOAL);
      return random.pick(styled(state, state.t.STATE_GOAL_LIKE))(titleWords(state, act.items));
    case 'critique':
      return userCritique(state, act);
    case 'reject':
      return reject(state, act);
    case 'accept':
      return random.pick(acceptTemplates(state))(titleWords(state, act.items));
    case 'ask-about-item': {
      const stories =
        state.style !== 'terse' && act.items.every((id) => tellsStory(state.catalog.require(id), state.catalog));
      const asks = styled(state, state.t.ASK_ABOUT_ITEM);
      // Having said "Haven't seen No Country for Old Men" already, the user does not say it again when it is offered.
      const known = answeredBefore(state.history, act.items) ? [] : styled(state, howKnown(state, act.items));
      return drawFrom(random, [asks, known, stories ? state.t.ASK_ABOUT_STORY : []]).item(titleWords(state, act.items));
    }
    case 'give-up': {
      const giveUp = styledText(state, state.t.GIVE_UP);
      if (act.items.length === 0) return giveUp;
      return `${random.pick(state.t.GIVE_UP_ITEMS)(titleWords(state, act.items))} ${giveUp}`;
    }
  }
}

const ACKNOWLEDGED: ReadonlySet<DialogueAct['type']> = new Set([
  'ask-attribute',
  'ask-item',
  'ask-open',
  'recommend',
  'describe-item',
]);

/** Whether a turn ends on a question ("Seen it. Something I haven't seen?"): a question back alone would ignore it. */
function endsAsking(turn: Turn | undefined): boolean {
  return turn?.text.trimEnd().endsWith('?') ?? false;
}

/** Whether the turn opens with a question to a user who turned suggestions down asking for others. */
function questionBeforeMore(request: VerbalizeRequest): boolean {
  const last = request.history.at(-1);
  return (
    request.acts[0]?.type.startsWith('ask-') === true &&
    last?.speaker === 'user' &&
    last.acts.some((act) => act.type === 'reject') &&
    endsAsking(last)
  );
}

/** An acknowledgement of the user's last turn when it said something (more than a hello), else undefined. */
function acknowledgement(request: VerbalizeRequest, voice: Voice, state: TurnState): string | undefined {
  if (request.speaker !== 'assistant') return undefined;
  const first = request.acts[0] as DialogueAct;
  if (!ACKNOWLEDGED.has(first.type)) return undefined;
  const last: Turn | undefined = request.history[request.history.length - 1];
  if (last === undefined || last.speaker !== 'user' || last.acts.every((act) => act.type === 'greet')) return undefined;
  // "The Great Hunt was fine. Already read it." "Since you liked The Eye of the World, …": a slate drawn from a title
  // the user has just spoken of takes it in itself; "Great, you liked it." or "Let me rethink." before it would not.
  // A strong dislike said with it is still said back (see `volunteered`): the slate's reason says nothing of it.
  if (
    first.type === 'recommend' &&
    first.like !== undefined &&
    last.acts.some((act) => act.items.includes(first.like as string)) &&
    !last.acts.some((act) => isAttributeDislike(act) && act.strength >= STRONG_OPINION)
  )
    return undefined;
  const rejected = last.acts.some((act) => act.type === 'reject');
  // "Seen it. Something new?" "Do you like westerns?" ignores the request: a question then always says more is coming.
  if (state.questionBeforeMore) return request.random.pick(state.t.QUESTION_BEFORE_MORE);
  // "Haven't seen Snowpiercer." "Then you're in for a treat. …": a suggestion of what the question was asking about
  // follows from the answer, whatever the voice.
  // Not when the answer says more that wants saying back ("No, never seen it. And no mysteries, please.").
  if (first.type === 'recommend' && justSaidUnseen(state, first.items) && !last.acts.some(isOpinionated)) {
    const grave = namesGrave(state.catalog, first.items);
    return request.random.pick(grave ? state.t.ACKNOWLEDGEMENTS_UNSEEN_GRAVE : state.t.ACKNOWLEDGEMENTS_UNSEEN);
  }
  const echo = rejected ? undefined : echoOf(last);
  // A liking of something grave ("I'm drawn to movies about racism") is taken in without cheer.
  // So is one of killing, violence or drugs ("Books about murder, nice." reads as glee at murder).
  // So is any liking after sympathy for the user's evening ("Sorry you're under the weather.").
  // So is a turn of dislikes alone: "I hate dramas." "Nice, that gives me a direction." reads as glee at the hate.
  const liked = likedIn(last);
  const sober =
    liked.some(soundsSober) ||
    state.t.SOBER_SCENES.has(sceneOf(state) ?? '') ||
    (liked.length === 0 && last.acts.some((act) => act.type === 'disclose' && act.polarity === 'negative'));
  // Asked what they made of a title, the user is answered by what they thought, whatever the voice, or not at all:
  // "Yes, The Game was okay." is not met with "Perfect, thanks.". A liking said with it is said back instead.
  const seen = echo === undefined ? last.acts.find((act) => act.type === 'answer-item' && act.seen) : undefined;
  // Not when the user went on to another title: "Touch of Evil was brilliant, but The Wild Robot was just bad." "Good,
  // glad you liked it." reads as liking the last one named.
  if (seen?.type === 'answer-item')
    return request.random.chance(SEEN_ANSWERED_RATE) && !namesOtherItems(last, seen.items)
      ? request.random.pick(
          seen.polarity === 'positive' && (seen.strength ?? 0) >= STRONG_OPINION
            ? lovedAcknowledgements(state, last.text)
            : state.t.ACKNOWLEDGEMENTS_SEEN[seen.polarity ?? 'neutral'],
        )
      : undefined;
  // So is a user who has not seen it: "Haven't seen Titanic." is not met with "Perfect, thanks." (nor by a question
  // that passes over the answer, as often). Not before a description, which answers the question the user went on to.
  const unseen =
    echo === undefined && !rejected && first.type !== 'describe-item'
      ? last.acts.find((act) => act.type === 'answer-item' && act.seen === false)
      : undefined;
  if (unseen !== undefined)
    return request.random.chance(SEEN_ANSWERED_RATE) && !namesOtherItems(last, unseen.items)
      ? request.random.pick(state.t.ACKNOWLEDGEMENTS_NOT_SEEN)
      : undefined;
  // A strong liking the user offered besides what was asked ("Comedies?" "I don't mind them, though I absolutely love
  // movies with Charlton Heston.") is taken in before the next question, whatever the voice: a bare "Any thoughts on
  // fantasy?" ignores it. So is a strong dislike ("… but absolutely no thrillers, seriously."), before a suggestion
  // too, whose reasons name only likings, and even when a liking was said more strongly. An open question ("What are
  // you in the mood for?") asked for any liking.
  const previous = request.history[request.history.length - 2];
  const offered = (act: ActOfType<'disclose'>) =>
    act.strength >= STRONG_OPINION &&
    (act.polarity === 'positive'
      ? first.type.startsWith('ask-')
      : act.polarity === 'negative' && (first.type.startsWith('ask-') || first.type === 'recommend')) &&
    askedOtherThan(previous, act);
  const volunteered =
    echo === undefined || offered(echo)
      ? echo
      : last.acts.find((act): act is ActOfType<'disclose'> => isAttributeDislike(act) && offered(act));
  // What the user came with, said in their first words, is taken in before the first question, whatever the voice:
  // "I just love romance." is met with "Romance, got it. Comedies too?", not straight on to "Comedies?".
  const opening = echo !== undefined && first.type.startsWith('ask-') && firstUserTurn(request.history);
  // A question about an item that adds a liking or a dislike is answered by saying it back, whatever the voice. So is
  // a suggestion the user loved but had seen ("Grease blew me away. Seen it, though."): going straight on to the next
  // passes over the praise.
  const lovedSeen = rejected && lovedButSeen(last);
  if (
    volunteered === undefined &&
    !opening &&
    !lovedSeen &&
    first.type !== 'describe-item' &&
    !request.random.chance(voice.acknowledge)
  )
    return undefined;
  const told = volunteered ?? echo;
  // A suggestion that gives the liking as its reason says it back already ("Since you like gangster films, …"); one
  // that gives another liking of the same turn is not preceded by this one ("So, talking animals. Given your
  // interest in road movies, …").
  const cited =
    first.type === 'recommend' &&
    told !== undefined &&
    (first.reasons.includes(told.attribute as string) ||
      (told.polarity === 'positive' && liked.some((key) => first.reasons.includes(key))));
  // Said back unprompted, a liking is said back twice a dialogue at most: three "Ooh, westerns. Nice." read as a tic.
  const echoing =
    volunteered !== undefined ||
    opening ||
    (echoesBefore(request.history, state) < MAX_CHANCE_ECHOES && request.random.chance(ECHO_RATE));
  if (told !== undefined && !cited && echoing) {
    const nounsOf = (act: ActOfType<'disclose'>) => echoNouns(act.attribute as string, last, state);
    // "Absolutely no fantasy for me, but I'll always say yes to film noir.": the one is not said back without the other,
    // unless a suggestion gives the liking as its reason, which says it back already.
    const pair = strongLikeAndDislike(last);
    if (pair !== undefined && !(first.type === 'recommend' && first.reasons.includes(pair[0].attribute as string))) {
      const [liking, dislike] = pair;
      const words = {
        x: saidNoun(request.random, nounsOf(liking)),
        y: saidNoun(request.random, refusable(nounsOf(dislike))),
      };
      return capitalize(request.random.pick(notAsBefore(state.t.ECHOES_LIKE_AND_DISLIKE, request.history))(words));
    }
    const [said, also] = saidWith(told, last);
    const x =
      also === undefined
        ? saidNoun(request.random, told.polarity === 'negative' ? refusable(nounsOf(told)) : nounsOf(told))
        : twoLikings(nounsOf(said)[0] as string, nounsOf(also)[0] as string);
    const words = { x };
    if (told.polarity !== 'positive')
      return capitalize(request.random.pick(notAsBefore(state.t.ECHOES[told.polarity], request.history))(words));
    // "Great, that's a start" only of the first liking the user states.
    const firstLiking = !sober && !request.history.some((turn) => turn !== last && likedIn(turn).length > 0);
    const echoes = sober ? state.t.ECHOES_POSITIVE_GRAVE : state.t.ECHOES.positive;
    const start = firstLiking ? state.t.ECHOES_FIRST_LIKING : [];
    return capitalize(
      pickOf(request.random, notAsBefore(echoes, request.history), notAsBefore(start, request.history))(words),
    );
  }
  // An answer about an item says back only what the user added to their question ("What's Cosmos like? No true crime,
  // though." "No true crime, got it."), or what they made of another title, not a bare "Okay." before the answer.
  if (first.type === 'describe-item') {
    const verdict = verdictOf(last, first.items);
    return verdict === undefined ? undefined : request.random.pick(state.t.ACKNOWLEDGEMENTS_VERDICT[verdict]);
  }
  if (lovedSeen) return request.random.pick(state.t.ACKNOWLEDGEMENTS_AFTER_LOVED_SEEN);
  if (rejected) {
    // A last suggestion before the goodbye promises no more ("Plenty more where that came from. … That's my last idea
    // for tonight.").
    const acknowledgements = state.t.ACKNOWLEDGEMENTS_AFTER_REJECT;
    return request.random.pick(
      state.closing ? acknowledgements.filter((text) => !PROMISES_MORE.test(text)) : acknowledgements,
    );
  }
  // "That narrows it down" only after a liking or a dislike: not after "Never seen it" or "No strong feelings".
  const informed = sober ? state.t.ACKNOWLEDGEMENTS_INFORMED_SOBER : state.t.ACKNOWLEDGEMENTS_INFORMED;
  const plain = sober ? state.t.ACKNOWLEDGEMENTS_SOBER : state.t.ACKNOWLEDGEMENTS;
  return pickOf(request.random, plain, last.acts.some(isOpinionated) ? informed : []);
}

/**
 * The one strong liking and the strongest strong dislike of a user's turn, when it has both: a turn with two strong
 * likings says them back together instead ({@link saidWith}).
 */
function strongLikeAndDislike(turn: Turn): [ActOfType<'disclose'>, ActOfType<'disclose'>] | undefined {
  let liking: ActOfType<'disclose'> | undefined;
  let dislike: ActOfType<'disclose'> | undefined;
  for (const act of turn.acts) {
    if (act.type !== 'disclose' || act.attribute === undefined || act.items.length > 0) continue;
    if (act.strength < STRONG_OPINION) continue;
    if (act.polarity === 'positive') {
      if (liking !== undefined) return undefined;
      liking = act;
    } else if (act.polarity === 'negative' && (dislike === undefined || act.strength > dislike.strength)) dislike = act;
  }
  if (liking === undefined || dislike === undefined) return undefined;
  return sharesWord(liking.attribute as string, dislike.attribute as string) ? undefined : [liking, dislike];
}

// "Not into noir movies, but film noir, every time." is not said back as "Film noir, but no noir movies.".
function sharesWord(a: string, b: string): boolean {
  const words = (key: string) =>
    key
      .slice(key.indexOf(':') + 1)
      .toLowerCase()
      .split(/[^a-z]+/);
  const of = new Set(words(a).filter((word) => word.length > 2));
  return words(b).some((word) => of.has(word));
}

function namesOtherItems(turn: Turn, items: readonly string[]): boolean {
  return turn.acts.some((act) => act.items.some((id) => !items.includes(id)));
}

/**
 * What a user's turn made of titles other than those asked about: their polarity when every such opinion shares it,
 * neutral when they differ ("Heat was great, but Alien was so-so."), undefined when there is none.
 */
function verdictOf(turn: Turn, asked: readonly string[]): Polarity | undefined {
  let verdict: Polarity | undefined;
  for (const act of turn.acts) {
    if (act.type !== 'disclose' || act.items.length === 0 || act.items.some((id) => asked.includes(id))) continue;
    verdict = verdict === undefined || verdict === act.polarity ? act.polarity : 'neutral';
  }
  return verdict;
}

/** Whether every title the user turned down as seen, they said they liked: "Loved Heat. Seen it, though." */
function lovedButSeen(turn: Turn): boolean {
  const liked = praisedIn(turn.acts);
  const seen = turn.acts.filter((act) => act.type === 'reject' && act.seen === true);
  return (
    seen.length > 0 &&
    turn.acts.every((act) => act.type !== 'reject' || act.seen === true) &&
    seen.every((act) => act.items.every((id) => liked.includes(id)))
  );
}

/** Whether an act is a dislike of an attribute, naming no title ("No horror, please."). */
function isAttributeDislike(act: DialogueAct): act is ActOfType<'disclose'> {
  return (
    act.type === 'disclose' && act.polarity === 'negative' && act.attribute !== undefined && act.items.length === 0
  );
}

/**
 * Whether the recommender's turn asked for something other than this opinion: about a title, about another attribute,
 * or, for a dislike, which of a kind the user likes ("Any favourite directors?" "None. No Nolan, please.").
 */
function askedOtherThan(turn: Turn | undefined, opinion: ActOfType<'disclose'>): boolean {
  const asked = turn?.acts.find((act) => act.type === 'ask-item' || act.type === 'ask-attribute');
  if (asked?.type === 'ask-item') return true;
  if (asked?.type !== 'ask-attribute') return false;
  return asked.attribute === undefined ? opinion.polarity === 'negative' : asked.attribute !== opinion.attribute;
}

/**
 * The echoes that open no earlier turn of the recommender's ("Noted: crime movies." … "Noted: thrillers."): each is
 * said once a dialogue; all of them when none is left.
 */
function notAsBefore<W extends Partial<EchoPairWords>>(
  list: readonly Template<W>[],
  history: readonly Turn[],
): readonly Template<W>[] {
  const kept = list.filter(
    (template) => !history.some((turn) => turn.speaker === 'assistant' && openingOf(template).test(turn.text)),
  );
  return kept.length > 0 ? kept : list;
}

// An invitation that calls the suggestion a first try: not after a pitch that said so ("Taking classics as the
// starting point, …") or sounded sure of itself ("… it's hard to beat Palm Springs").
const HEDGED = /\bstarting point\b|\bfirst (?:guess|pass)\b/;
const SURE = /\bhard to beat\b|\bcan't go (?:far )?wrong\b|\bdon't miss\b|\bperfect\b/i;

/** The invitations that hedge nothing the pitch before them said or was sure of. */
function unhedged(list: readonly string[], pitch: string): readonly string[] {
  return HEDGED.test(pitch) || SURE.test(pitch) ? list.filter((line) => !HEDGED.test(line)) : list;
}

/** The lines of `list` no earlier recommender turn said; all of them once each has been. */
function unsaidLines(list: readonly string[], history: readonly Turn[]): readonly string[] {
  const kept = list.filter((line) => !history.some((turn) => turn.speaker === 'assistant' && turn.text.includes(line)));
  return kept.length > 0 ? kept : list;
}

/** How many of the recommender's earlier turns open by saying back what the user likes or dislikes. */
function echoesBefore(history: readonly Turn[], state: TurnState): number {
  const echoes = everyEcho(state.phrasing);
  let count = 0;
  for (const turn of history)
    if (turn.speaker === 'assistant' && echoes.some((template) => openingOf(template).test(turn.text))) count++;
  return count;
}

/** The acknowledgements that say nothing back ("Right, thanks."), once per phrasing. */
const plainAcknowledgements = perPhrasing((phrasing): ReadonlySet<string> => {
  const t = templatesOf(phrasing);
  return new Set([...t.ACKNOWLEDGEMENTS, ...t.ACKNOWLEDGEMENTS_INFORMED]);
});

/** Every echo of a domain's templates, in one list built once per phrasing: they are fixed. */
const everyEcho = perPhrasing((phrasing): readonly Template<EchoPairWords>[] => {
  const t = templatesOf(phrasing);
  return [
    ...t.ECHOES.positive,
    ...t.ECHOES.negative,
    ...t.ECHOES.neutral,
    ...t.ECHOES_FIRST_LIKING,
    ...t.ECHOES_LIKE_AND_DISLIKE,
  ];
});

// Where a template's words go, so that its frame can be matched against what was said.
const SLOT = '\u0001';
const openings = new WeakMap<object, RegExp>();

function openingOf<W extends Partial<EchoPairWords>>(template: Template<W>): RegExp {
  let opening = openings.get(template);
  if (opening === undefined) {
    const frame = template({ x: SLOT, y: SLOT } as W)
      .split(SLOT)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    opening = new RegExp(`^${frame.join('.+?')}`, 'i');
    openings.set(template, opening);
  }
  return opening;
}

/** Whether the last turn of the history is the user's first. */
function firstUserTurn(history: readonly Turn[]): boolean {
  return history.findIndex((turn) => turn.speaker === 'user') === history.length - 1;
}

/** The attributes a user's turn says it likes. */
function likedIn(turn: Turn): string[] {
  const keys: string[] = [];
  for (const act of turn.acts)
    if (act.type === 'disclose' && act.polarity === 'positive' && act.attribute !== undefined) keys.push(act.attribute);
  return keys;
}

function isOpinionated(act: DialogueAct): boolean {
  if (act.type === 'disclose') return act.polarity !== 'neutral';
  return act.type === 'answer-item' && act.seen && act.polarity !== undefined && act.polarity !== 'neutral';
}

/**
 * The share of answers to "Have you seen X?" that the next turn takes in ("Good to hear you liked it.", "No worries.").
 */
const SEEN_ANSWERED_RATE = 0.8;

/** The share of acknowledgements that say back what the user just said about an attribute ("No horror, got it."). */
const ECHO_RATE = 0.7;
const MAX_CHANCE_ECHOES = 2;

/**
 * The words an attribute may be said back in, but none that also names another attribute the user just spoke of:
 * a catalog's tag "noir" is said "noir films", a name of film noir too, and the user may have turned it down in the
 * same breath.
 */
function echoNouns(attribute: string, turn: Turn, state: TurnState): readonly string[] {
  const nouns = attributeNouns(attribute, state.phrasing);
  const others = new Set<string>();
  for (const act of turn.acts) {
    if (act.type !== 'disclose' || act.attribute === undefined || act.attribute === attribute) continue;
    for (const noun of attributeNouns(act.attribute, state.phrasing)) others.add(noun);
  }
  return others.size === 0 ? nouns : nouns.filter((noun, index) => index === 0 || !others.has(noun));
}

/**
 * The user's opinion of an attribute in a turn to be said back: the strongest, as the one that matters most to them
 * ("I'm a sucker for mythology … I'm always up for school stories" is met with mythology), and of equally
 * strong ones the last, as the freshest.
 */
function echoOf(turn: Turn): ActOfType<'disclose'> | undefined {
  let echo: ActOfType<'disclose'> | undefined;
  for (const act of turn.acts) {
    if (act.type !== 'disclose' || act.attribute === undefined || act.items.length > 0) continue;
    if (echo === undefined || act.strength >= echo.strength) echo = act;
  }
  return echo;
}

/**
 * The likings said back with the strongest one: the other liking said as strongly, when there is one, in the order
 * the user said them ("I'm partial to adventure movies and dramas" is met with "Right, adventure movies and
 * dramas.", not "Right, drama."). A liking said more mildly than the strongest stays unsaid, as does a second
 * dislike.
 */
function saidWith(echo: ActOfType<'disclose'>, turn: Turn): [ActOfType<'disclose'>, ActOfType<'disclose'>?] {
  if (echo.polarity !== 'positive') return [echo];
  const strong = (act: ActOfType<'disclose'>) => act.strength >= STRONG_OPINION;
  const alike = turn.acts.filter(
    (act): act is ActOfType<'disclose'> =>
      act.type === 'disclose' &&
      act.attribute !== undefined &&
      act.items.length === 0 &&
      act.polarity === 'positive' &&
      act !== echo &&
      strong(act) === strong(echo),
  );
  const other = alike.reduce<ActOfType<'disclose'> | undefined>(
    (best, act) => (best === undefined || act.strength > best.strength ? act : best),
    undefined,
  );
  if (other === undefined) return [echo];
  return turn.acts.indexOf(other) < turn.acts.indexOf(echo) ? [other, echo] : [echo, other];
}

// A liking named after a person: "films by Alfred Hitchcock", "movies with Tom Hardy", "books by Agatha Christie".
const NAMED_AFTER = /^(.+? (?:by|with|starring)) (.+)$/;

/**
 * Two likings said back in one breath, each by its first name: "books by Thomas Harris and P. G. Wodehouse" rather
 * than "books by Thomas Harris and P. G. Wodehouse's books", and a liking named after a person last, so that the
 * other is not read as theirs: "mythology books and books by Agatha Christie", not "books by Agatha Christie and
 * mythology books".
 */
function twoLikings(first: string, second: string): string {
  const a = NAMED_AFTER.exec(first);
  const b = NAMED_AFTER.exec(second);
  if (a && b && a[1] === b[1]) return `${a[1]} ${a[2]} and ${b[2]}`;
  return joinNouns(a && !b ? [second, first] : [first, second]);
}

function contextOf(request: VerbalizeRequest): AssistantContext {
  if (request.speaker !== 'assistant') return { askedBefore: false };
  const { history } = request;
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i] as Turn;
    if (turn.speaker === 'assistant')
      return { askedBefore: turn.acts.some((act) => act.type === 'ask-attribute' && act.attribute !== undefined) };
  }
  return { askedBefore: false };
}

/** The share of a chatty user's turns, among those an aside fits, that carry one. */
const ASIDE_RATE = 0.5;

// How many of the recommender's dialogues are spoken in each voice: brief, plain, chatty.
const TERSE_VOICE = 0.3;
const CHATTY_VOICE = 0.25;

/** The recommender's voice for one dialogue, drawn from a seeded stream: brief in 30%, chatty in 25%. */
export function drawVoice(random: SeededRandom): Style {
  const u = random.next();
  return u < TERSE_VOICE ? 'terse' : u < 1 - CHATTY_VOICE ? 'normal' : 'chatty';
}

/**
 * The speaker's style: a user's persona, or the recommender's voice for this dialogue. The generator draws the voice
 * once per dialogue and passes it with every turn; without it, the voice is read from the dialogue's first utterance,
 * which every later turn sees unchanged (the opening turn, with nothing before it, draws its own).
 */
function styleOf(request: VerbalizeRequest): Style {
  if (request.speaker === 'user') return request.persona?.verbosity ?? 'normal';
  if (request.voice !== undefined) return request.voice;
  const first = request.history[0];
  return drawVoice(first === undefined ? request.random : new SeededRandom(`voice/${first.text}`));
}

/** The chatty user's asides that fit this turn, by what it does: open, settle on a film, or give up. */
function asidesFor(
  acts: readonly DialogueAct[],
  state: TurnState,
): { list: readonly string[]; opening: boolean } | undefined {
  const first = (acts[0] as DialogueAct).type;
  if (first === 'greet' || first === 'state-goal') return { list: state.t.OPENING_ASIDES, opening: true };
  const accepted = acts.find((act) => act.type === 'accept');
  if (accepted !== undefined) {
    const settled = namesGrave(state.catalog, accepted.items) ? state.t.SETTLED_ASIDES : state.t.SETTLED_ASIDES_LIGHT;
    return { list: fittingScene(settled, state), opening: false };
  }
  if (acts.some((act) => act.type === 'give-up'))
    return { list: fittingScene(state.t.GIVE_UP_ASIDES, state), opening: false };
  return undefined;
}

/**
 * The recommender's word on the evening the user's first turn set out ("I'm home sick, so a movie is about all I can
 * manage." "Sorry you're under the weather. …"), in its reply to that turn; undefined when it set none.
 */
function sceneReply(state: TurnState): string | undefined {
  const replies = state.t.SCENE_REPLIES.get(sceneOf(state) ?? '');
  return replies === undefined ? undefined : state.random.pick(replies);
}

/** The opening aside of the user's first turn, when the recommender is answering that turn. */
function sceneOf(state: TurnState): string | undefined {
  const last = state.history[state.history.length - 1];
  if (state.speaker !== 'assistant' || last?.speaker !== 'user' || !firstUserTurn(state.history)) return undefined;
  for (const aside of state.t.SCENE_REPLIES.keys()) if (last.text.includes(aside)) return aside;
  return undefined;
}

/** The words of the user's first turn: where they set out their evening. */
function openingText(state: TurnState): string {
  return state.history.find((turn) => turn.speaker === 'user')?.text ?? '';
}

/** The asides that fit the scene the user's first turn set, if it set one ("The kids are asleep, …"). */
function fittingScene(list: readonly string[], state: TurnState): readonly string[] {
  return sceneFits(list, openingText(state), state);
}

/** The asides that clash with no scene `text` sets ("What should I watch tonight?" has no "out tonight" after it). */
function sceneFits(list: readonly string[], text: string, state: TurnState): readonly string[] {
  let fitting = list;
  for (const [scene, clashes] of state.t.SCENE_CLASHES)
    if (text.includes(scene)) fitting = fitting.filter((aside) => !clashes.includes(aside));
  return fitting;
}

/** Whether the user answered whether they know any of the items earlier in the dialogue ("Haven't seen Heat."). */
function answeredBefore(history: readonly Turn[], items: readonly string[]): boolean {
  return history.some(
    (turn) =>
      turn.speaker === 'user' &&
      turn.acts.some((act) => act.type === 'answer-item' && act.items.some((id) => items.includes(id))),
  );
}

/**
 * The facet the recommender just asked about openly, when a user's act names no favourite there: no strong feelings
 * about one of its values ("Which directors do you like?" "… I'm fine either way on Spielberg's films"), a dislike
 * ("Which topics do you always make time for?" "… I'd pass on magical realism"), or a liking of something else
 * ("… I love sci-fi, though"), and whether it is that liking of something else.
 */
function noFavouriteIn(
  act: DialogueAct | undefined,
  history: readonly Turn[],
  phrasing: DomainPhrasing,
): { facet: string; elsewhere: boolean } | undefined {
  if (act?.type !== 'disclose' || act.attribute === undefined) return undefined;
  const facet = parseAttributeKey(act.attribute)?.facet;
  for (const said of history[history.length - 1]?.acts ?? []) {
    if (said.type !== 'ask-attribute' || said.attribute !== undefined) continue;
    if (said.facet === facet ? act.polarity !== 'positive' : act.polarity === 'positive') {
      // "What kinds of stories do you like?" "I'll always say yes to comedies!" answers it: a genre is a kind of story
      // as much as a tag is. Only a liking of people, or of things after a question about people, says first there are
      // no favourites of what was asked ("No directors in particular, really. I love sci-fi.").
      const elsewhere = said.facet !== facet;
      if (elsewhere && !namesPeople(phrasing, said.facet) && !namesPeople(phrasing, facet)) return undefined;
      return { facet: said.facet, elsewhere };
    }
  }
  return undefined;
}

/**
 * A sentence set against the one before: "But …", or "That said, …" when it has a "but" of its own ("That said, I
 * hate films by Sergio Leone, but I adore dramas."). It keeps its capital only for "I" or a name it opens with (one of
 * `names`).
 */
function contrasted(sentence: string, names: readonly string[]): string {
  const kept = /^I\b/.test(sentence) || names.some((name) => name !== '' && sentence.startsWith(name));
  const rest = kept ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
  return `${/\bbut\b/i.test(sentence) ? 'That said,' : 'But'} ${rest}`;
}

/** The value of an attribute key ("Hayao Miyazaki" of "director:Hayao Miyazaki"), or '' when there is none. */
function attributeValue(key: string | undefined): string {
  return key === undefined ? '' : (parseAttributeKey(key)?.value ?? '');
}

/** Whether a facet's values are people: makers or performers. */
function namesPeople(phrasing: DomainPhrasing, facet: string | undefined): boolean {
  const kind = facet === undefined ? undefined : phrasing.facets[facet]?.kind;
  return kind === 'creator' || kind === 'performer';
}

// "What's Heat about?", "What's the story in Heat?", "What's the premise of Heat?": a question about the plot.
const STORY_QUESTION = /\b(?:story|premise|plot)\b|\bwhat(?:'s| is)\b[^.?!]* about\?/i;

/** Whether the user's last turn asked what an item's story is. */
function askedStory(history: readonly Turn[]): boolean {
  const last = history[history.length - 1];
  return last !== undefined && last.speaker === 'user' && STORY_QUESTION.test(last.text);
}

/** The items a user's turn speaks well of. */
function praisedIn(acts: readonly DialogueAct[]): string[] {
  const items: string[] = [];
  for (const act of acts)
    if ((act.type === 'disclose' || act.type === 'answer-item') && act.polarity === 'positive')
      items.push(...act.items);
  return items;
}

function dislikedIn(acts: readonly DialogueAct[]): string[] {
  const keys: string[] = [];
  for (const act of acts)
    if (act.type === 'disclose' && act.polarity === 'negative' && act.attribute !== undefined) keys.push(act.attribute);
  return keys;
}

/** The items of the acts of a type in the last turn. */
function lastTurnItems(history: readonly Turn[], type: DialogueAct['type']): string[] {
  const items: string[] = [];
  for (const act of history[history.length - 1]?.acts ?? []) if (act.type === type) items.push(...act.items);
  return items;
}

/**
 * The recommender's last turn that suggested the item, if any: its text, the reasons it gave for the item and all the
 * reasons it gave. The text includes that of its earlier questions about the item, which may have told who made it
 * ("Have you seen Frozen (2013), an animated musical by Chris Buck and Jennifer Lee?").
 */
function suggestionOf(history: readonly Turn[], id: string, catalog: ItemCatalog): DescribeOptions['suggestedAs'] {
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i] as Turn;
    if (turn.speaker !== 'assistant') continue;
    if (!turn.acts.some((act) => act.type === 'recommend' && act.items.includes(id))) continue;
    const { title } = catalog.require(id);
    const recommends = turn.acts.filter((act) => act.type === 'recommend');
    let text = turn.text;
    let after = saidAfterTitle(turn.text, title, othersIn(recommends, id, catalog));
    for (let k = 0; k < i; k++) {
      const asked = history[k] as Turn;
      if (asked.speaker !== 'assistant') continue;
      const asks = asked.acts.filter((act) => act.type === 'ask-item' && act.items.includes(id));
      if (asks.length === 0) continue;
      text = `${asked.text} ${text}`;
      // "Have you read The Maltese Falcon (1930), a classic mystery?" told its kind as surely as a suggestion would.
      after = `${saidAfterTitle(asked.text, title, othersIn(asks, id, catalog))} ${after}`;
    }
    // The reasons of the part that suggested it, and every reason the turn gave: the other part of a slate in two
    // named its own ("for books by James Joyce, …"), which told nothing of this item.
    const own = recommends.filter((act) => act.items.includes(id)).flatMap((act) => act.reasons);
    return { text, reasons: own, turnReasons: recommends.flatMap((act) => act.reasons), after };
  }
  return undefined;
}

/** The titles of the items other than `id` that the acts name. */
function othersIn(acts: readonly DialogueAct[], id: string, catalog: ItemCatalog): string[] {
  return acts.flatMap((act) => act.items.filter((other) => other !== id).map((other) => catalog.require(other).title));
}

/**
 * What a suggestion says right after an item's title, up to the next item it names: "(1958), a noir crime thriller"
 * of Touch of Evil in "Try Touch of Evil (1958), a noir crime thriller, or The January Man (1989)".
 */
function saidAfterTitle(text: string, title: string, others: readonly string[]): string {
  // Not where a longer title of the same turn begins with it: The Godfather in "The Godfather Part II (1974), a crime
  // drama, or The Godfather (1972)".
  let at = text.indexOf(title);
  while (at >= 0 && others.some((other) => other.length > title.length && text.startsWith(other, at)))
    at = text.indexOf(title, at + 1);
  if (at < 0) return '';
  const from = at + title.length;
  let end = text.length;
  for (const other of others) {
    const next = text.indexOf(other, from);
    if (next >= 0 && next < end) end = next;
  }
  return text.slice(from, end);
}

/**
 * Renders one turn's acts as one utterance, drawing every choice from `request.random`. Consecutive opinion acts
 * share sentences; other acts each give a sentence or two, in order. Throws `UNKNOWN_ITEM` for an item id that is
 * not in the catalog and `INVALID_ARGUMENT` for a turn with no acts.
 */
export function verbalizeFromTemplates(request: VerbalizeRequest): string {
  const { acts } = request;
  if (acts.length === 0) {
    throw new IcerError('INVALID_ARGUMENT', 'A turn to verbalise has no acts.', {
      hint: 'Pass at least one dialogue act.',
    });
  }
  const phrasing = domainPhrasing(request.catalog);
  const soFar = historySoFar(request.history);
  const state: TurnState = {
    random: request.random,
    catalog: request.catalog,
    phrasing,
    t: setsNoTime(request.history) ? timelessTemplatesOf(phrasing) : templatesOf(phrasing),
    speaker: request.speaker,
    style: styleOf(request),
    persona: request.speaker === 'user' ? request.persona : undefined,
    titles: [],
    named: [],
    known: soFar.known,
    turnItems: itemsOf(acts),
    closing: CLOSING.has((acts[acts.length - 1] as DialogueAct).type),
    invitesCritique: acts.some((act) => act.type === 'recommend' && act.invitesCritique === true),
    suggestedBefore: request.speaker === 'assistant' && soFar.suggested,
    stated: soFar.stated,
    storyAsked: request.speaker === 'assistant' && acts[0]?.type === 'describe-item' && askedStory(request.history),
    praised: request.speaker === 'user' ? praisedIn(acts) : [],
    praisedBefore: soFar.praised,
    userWords: request.speaker === 'user' ? soFar.userWords : '',
    spokenAgainst: request.speaker === 'user' ? dislikedIn(acts) : [],
    described: request.speaker === 'user' ? lastTurnItems(request.history, 'describe-item') : [],
    reasonAsked: request.speaker === 'user' ? lastTurnItems(request.history, 'ask-reason') : [],
    history: request.history,
    questionBeforeMore: request.speaker === 'assistant' && questionBeforeMore(request),
    setsAside: acts.some((act) => act.type === 'respond-critique' && act.dropped !== undefined),
    acknowledged: false,
  };
  const pieces: string[] = [];
  const voice = VOICES[state.style];
  const ack = acknowledgement(request, voice, state);
  if (ack !== undefined) pieces.push(ack);
  state.acknowledged = ack !== undefined;
  const context = contextOf(request);
  let i = 0;
  // The pieces looked at for "today" or "tonight": the rest of the turn, the scene reply put before them included,
  // says neither again.
  let looked = 0;
  const heedDayNamed = () => {
    for (; looked < pieces.length; looked++)
      if (namesDay(pieces[looked] as string)) state.t = dayNamedTemplatesOf(phrasing);
  };
  while (i < acts.length) {
    heedDayNamed();
    const act = acts[i] as DialogueAct;
    const next = acts[i + 1];
    if (isOpinionAct(act)) {
      const run: OpinionAct[] = [act];
      for (let more = acts[++i]; more !== undefined && isOpinionAct(more); more = acts[++i]) run.push(more);
      for (const text of composeOpinions(run, state, pieces)) pieces.push(text);
    } else if (
      act.type === 'respond-critique' &&
      state.speaker === 'assistant' &&
      next?.type === 'recommend' &&
      combinesWithCritique(act, next) &&
      state.random.chance(voice.combineCritique)
    ) {
      pieces.push(sentence(state, respondAndRecommend(state, act, next)));
      i += 2;
    } else if (
      act.type === 'reject' &&
      answersWhy(state, act) &&
      next?.type === 'disclose' &&
      next.polarity === 'positive' &&
      next.attribute !== undefined
    ) {
      // Asked what put them off a title, "nothing in particular" and a liking are one thought: what they would rather
      // have ("It's not Heat, really, it's me: I'm in the mood for westerns."), or, of a title that has what they asked
      // for, what they want as well; else the liking is said on its own, after "nothing in particular".
      const frame = rejectionFrame(state, act.items, next.attribute);
      if (frame === 'apart') {
        pieces.push(sentence(state, reject(state, act)));
        i++;
        continue;
      }
      const x = saidNoun(state.random, attributeNouns(next.attribute, state.phrasing));
      const words = { ...titleWords(state, act.items), x };
      const templates = frame === 'also' ? state.t.REASON_NONE_ALSO : state.t.REASON_NONE_INSTEAD;
      pieces.push(sentence(state, state.random.pick(styled(state, templates))(words)));
      i += 2;
    } else if (
      act.type === 'recommend' &&
      !isUser(state) &&
      (next?.type === 'recommend' || acts[i - 1]?.type === 'recommend')
    ) {
      // A slate in two parts, each with its reason: the second is said as an addition to the first.
      const part = next?.type === 'recommend' ? 'first' : 'second';
      pieces.push(sentence(state, recommend(state, act, part, undefined, pieces.at(-1))));
      i++;
    } else if (act.type === 'give-up' && act.items.length === 0) {
      // After "Heat sounds close, but …", leaving concedes the near miss rather than "We're going around in circles";
      // either way it thanks only a turn that has not ("No thanks, not Heat. I'm off. Thanks anyway." is not said).
      const lists = refusesFitting(state, acts[i - 1]) ? state.t.GIVE_UP_AFTER_NEAR_MISS : state.t.GIVE_UP;
      const lines = state.style === 'terse' ? lists.terse : lists.normal;
      pieces.push(sentence(state, state.random.pick(thankingOnce(lines, pieces))));
      i++;
    } else if (act.type === 'close' && act.items.length === 0 && isUser(state)) {
      // The user's goodbye answers the recommender's: thanks for a find, or for trying ("Not for me. Thanks anyway!"),
      // and thanks once ("I'll sit Heat out, thanks." is not followed by "Thanks anyway, bye!").
      const found = acts.some((other) => other.type === 'accept');
      const goodbyes = found ? state.t.USER_CLOSE : state.t.USER_CLOSE_EMPTY_HANDED;
      pieces.push(state.random.pick(thankingOnce(goodbyes, pieces)));
      i++;
    } else if (act.type === 'close' && act.items.length === 0 && !isUser(state) && closesAfter(acts[i - 1])) {
      // A goodbye after a last suggestion, answer or no-match in the same turn: not "Sorry we didn't find the right
      // one" or "Fair enough", which answer a user who gave up.
      pieces.push(goodbyeAfter(state, (acts[i - 1] as DialogueAct).type));
      i++;
    } else {
      pieces.push(sentence(state, verbalizeAct(state, act, context, critiquedBefore(acts[i - 1]))));
      i++;
    }
  }
  heedDayNamed();
  const noFavourite = state.speaker === 'user' ? noFavouriteIn(acts[0], request.history, state.phrasing) : undefined;
  if (noFavourite !== undefined) {
    const { facet } = noFavourite;
    const { people, things, elsewhere } = state.t.USER_NO_FAVOURITES;
    // Its stress is not the liking's after it: "None in particular, really. I'm really into westerns."
    const said = likingWordsOf(pieces.join(' '));
    pieces.unshift(
      noFavourite.elsewhere
        ? pickUnsaid(
            state.random,
            said,
            { f: 'F' },
            elsewhere,
          )({
            f: state.phrasing.facets[facet]?.names[0] ?? pluralize(facet),
          })
        : pickUnsaidText(state.random, said, namesPeople(state.phrasing, facet) ? people : things),
    );
    // A dislike of what was asked about is said against the shrug: "None in particular, really. But I can't stand
    // films by Hayao Miyazaki.", not beside it.
    const [first] = acts;
    if (!noFavourite.elsewhere && ack === undefined && first?.type === 'disclose' && first.polarity === 'negative')
      pieces[1] = contrasted(pieces[1] as string, [...state.titles, attributeValue(first.attribute)]);
  }
  // "Okay. Okay, for horror I'd suggest …" or "Comedies, got it. Got any go-to actors?": an acknowledgement is drawn
  // again when the turn goes on with a word one of its parts opens with, and left out when every draw does (what the
  // user said is not lost to a clash of words); any later piece drops such a word ("Okay, newer than Notorious.
  // Next idea: …", not "… Okay, next idea: …").
  const next = ack === undefined ? '' : firstWord(pieces[1] ?? '');
  if (ack !== undefined && next !== '' && openers(ack).includes(next)) {
    let again: string | undefined = ack;
    for (let draw = 0; draw < ACKNOWLEDGEMENT_REDRAWS && again !== undefined && openers(again).includes(next); draw++)
      again = acknowledgement(request, voice, state);
    if (again === undefined || openers(again).includes(next)) pieces.shift();
    else pieces[0] = again;
  }
  const scene = sceneReply(state);
  if (scene !== undefined) {
    // The reply to the user's evening acknowledges them: "A whole evening to yourself! Good, that's helpful." says so
    // twice. What says back a liking stays ("A whole evening to yourself! Noted: dramas.").
    if (state.acknowledged && plainAcknowledgements(phrasing).has(pieces[0] as string)) pieces.shift();
    pieces.unshift(scene);
  }
  for (let k = 1; k < pieces.length; k++) {
    const piece = pieces[k] as string;
    const opener = REPEATABLE_OPENER.exec(piece);
    if (!opener) continue;
    const before = pieces[k - 1] as string;
    if (openers(before).includes(firstWord(piece)) || (ASSENT_OPENER.test(piece) && ENDS_ASSENTING.test(before)))
      pieces[k] = capitalize(piece.slice(opener[0].length));
  }
  const asides = state.speaker === 'user' && state.style === 'chatty' ? asidesFor(acts, state) : undefined;
  if (asides !== undefined && state.random.chance(ASIDE_RATE)) {
    // After an opening hello or request ("Hi! …"); after anything else, but before a goodbye ("… Popcorn's ready.
    // Thanks, bye!").
    const goodbye = acts.at(-1)?.type === 'close' ? 1 : 0;
    const at = asides.opening ? 1 : pieces.length - goodbye;
    // An aside fits the scene the rest of the turn sets, as later ones fit the opening too ("It's getting late. Maybe a
    // walk instead." is not said); and none says a word the turn voices its tastes with: not "Just got home from
    // work. I just love westerns."
    const said = pieces.join(' ');
    const list = sceneFits(asides.list, said, state);
    pieces.splice(at, 0, pickUnsaidText(state.random, likingWordsOf(said), list));
  }
  const joined = pieces.join(' ');
  // A topic's noun put after "about" in a frame: "neutral about books on religion", not "about books about religion".
  const aboutOnce = !twice(joined, ' about ') ? joined : joined.replace(ABOUT_ABOUT, aboutOnceIn);
  // And a kind of item "with" something after "with": "With movies featuring magic in mind", "okay with books
  // featuring magic", not "with movies with magic".
  const text = !twice(aboutOnce, 'ith ') ? aboutOnce : aboutOnce.replace(WITH_WITH, '$1 featuring');
  // An attribute value may end in a full stop ("Robert Downey Jr.") right where a sentence ends.
  const stopped = text.includes('..') ? collapseDoubleStops(text, state.titles) : text;
  return colonsApart(tidyTitleEnds(stopped, state.titles), state.titles);
}

/** Whether `part` is in `text` twice or more. */
function twice(text: string, part: string): boolean {
  const at = text.indexOf(part);
  return at >= 0 && text.indexOf(part, at + 1) >= 0;
}

// A title's own closing punctuation ends the sentence it closes: "Loved Mars Attacks!", "Who Framed Roger Rabbit?
// What's it like?", not "Mars Attacks!." or "Whose Body??". A question still asks: "Anything like Monsters, Inc.?",
// "What's the story in When Harry Met Sally...?".
const TITLE_END = /[.!?]$/;

// So does it with its year after it, as a question: "Have you seen O Brother, Where Art Thou? (2000)", not "… (2000)?".
const TITLE_END_BEFORE_YEAR = /[!?] \(\d{4}\)$/;

function tidyTitleEnds(text: string, titles: readonly string[]): string {
  let out = text;
  for (const title of titles) {
    const withYear = TITLE_END_BEFORE_YEAR.test(title);
    if (!withYear && !TITLE_END.test(title)) continue;
    const last = title.charAt(withYear ? title.length - 8 : title.length - 1);
    for (let at = out.indexOf(title); at >= 0; at = out.indexOf(title, at + 1)) {
      const next = out.charAt(at + title.length);
      if ((!withYear && next === '.') || next === last || (next === '!' && last === '?'))
        out = out.slice(0, at + title.length) + out.slice(at + title.length + 1);
    }
  }
  return out;
}

/**
 * A title's own colon is the only one beside it: a frame's colon next to it becomes a dash ("Settled — Kill Bill:
 * Vol. 1.", "Jackass: The Movie — close, but not for me."), not "Settled: Kill Bill: Vol. 1.".
 */
function colonsApart(text: string, titles: readonly string[]): string {
  let out = text;
  for (const title of titles) {
    // "3:10 to Yuma" has no colon of a subtitle, and reads as well after one.
    if (!title.includes(': ')) continue;
    for (let at = out.indexOf(title); at >= 0; at = out.indexOf(title, at + 1)) {
      const end = at + title.length;
      if (out.charAt(end) === ':') out = `${out.slice(0, end)} —${out.slice(end + 1)}`;
      if (at >= 2 && out.slice(at - 2, at) === ': ') {
        out = `${out.slice(0, at - 2)} — ${out.slice(at)}`;
        at++;
      }
    }
  }
  return out;
}

const ABOUT_ABOUT = /\b(about ([a-z]+s)) about\b/g;
const WITH_WITH = /\b([Ww]ith (?:movies|films|books|stories)) with\b/g;

// What stands for the second "about" after each head noun: "books on religion" and "stories of friendship" read well,
// but "movies on drugs" does not.
function aboutOnceIn(_match: string, frame: string, head: string): string {
  return `${frame} ${head === 'stories' ? 'of' : head === 'books' ? 'on' : 'dealing with'}`;
}

// Draws of an acknowledgement that opens with the word the rest of its turn opens with.
const ACKNOWLEDGEMENT_REDRAWS = 3;

// A word that opens a piece as an acknowledgement and may go without loss: "Okay, next idea: …" is "Next idea: …".
const REPEATABLE_OPENER = /^(?:Okay|Alright|Right|Sure|Well|So|Hmm|Ah|Fine|Great|Perfect|Good|That said), /;

// Nor does one that assents after a piece that has just assented or thanked, in other words: "I see. And dramas?",
// "Perfect, thanks. For ghost stories I'd suggest …", not "I see. Okay, and dramas?" or "Perfect, thanks. Okay, for
// ghost stories …".
const ASSENT_OPENER = /^(?:Okay|Alright|Right|Sure|Fine), /;
const ENDS_ASSENTING =
  /(?:^|[.!?] )(?:Okay|Alright|All right|Right|Sure|Fine|Got it|I see|Noted|Understood|Perfect|Great|Good|Cool|Nice|Thanks|Thank you|That's fine|Fair enough|No problem|No worries)\b[^.!?]*[.!?]$|, good shout[.!]$/;

/** The first words of a text's parts, lower-cased: "Ah, okay. Noted." opens with ah, okay and noted. */
function openers(text: string): string[] {
  return text.split(/[,.!?] /).map(firstWord);
}

function firstWord(text: string): string {
  // A scan of char codes, not a pattern search: this runs on every piece of every turn.
  let end = 0;
  while (end < text.length && isWordLetter(text.charCodeAt(end))) end++;
  return text.slice(0, end).toLowerCase();
}

/** A-Z, a-z or an apostrophe. */
function isWordLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39;
}

// The acts that end a dialogue for their speaker: nothing before them in the turn asks for more.
const CLOSING: ReadonlySet<DialogueAct['type']> = new Set(['close', 'give-up']);

function closesAfter(act: DialogueAct | undefined): boolean {
  return act?.type === 'recommend' || act?.type === 'describe-item' || act?.type === 'no-match';
}

function goodbyeAfter(state: TurnState, before: DialogueAct['type']): string {
  const { random, t } = state;
  if (before === 'describe-item') return random.pick(t.CLOSE_AFTER_ANSWER);
  // Only after nothing found does the recommender leave with a goodbye: the user answers a suggestion first.
  if (before === 'no-match')
    return goodbyeWith(random, random.pick(t.CLOSE_AFTER_NO_MATCH), t.CLOSE_WISHES_EMPTY_HANDED);
  return random.pick(t.CLOSE_AFTER_SUGGESTION);
}

/**
 * A goodbye's first half and a wish that says nothing it said: not "Alright, maybe another night. Maybe next time!"
 * nor "… another night. See you next time!".
 */
function goodbyeWith(random: SeededRandom, first: string, wishes: readonly string[]): string {
  const words = first.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  const later = LATER_ON.test(first);
  const fresh = wishes.filter(
    (wish) => !(later && LATER_ON.test(wish)) && !words.some((word) => wish.toLowerCase().includes(word)),
  );
  return `${first} ${random.pick(fresh.length > 0 ? fresh : wishes)}`;
}

const LATER_ON = /\b(?:another|next) (?:time|night)\b/i;

function collapseDoubleStops(text: string, titles: readonly string[]): string {
  // Titles keep their spelling, ellipses included ("...And Justice for All").
  if (titles.some((title) => title.includes('..'))) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '.' && text.charAt(i + 1) === '.' && text.charAt(i - 1) !== '.' && text.charAt(i + 2) !== '.')
      continue;
    out += char;
  }
  return out;
}
