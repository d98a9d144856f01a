import { displayTitle } from '../../catalog/item.js';
import type { ActOfType, DialogueAct } from '../../dialogue/dialogue-acts.js';
import type { Turn } from '../../dialogue/turn.js';
import { IcerError } from '../../errors.js';
import { attributePhrase, facetPhrase } from '../../lexicon/attribute-phrases.js';
import { joinList, joinNegativeList } from '../../lexicon/english.js';
import type { SeededRandom } from '../../random/seeded-random.js';
import type { VerbalizeRequest } from '../lm-adapter.js';
import {
  ACKNOWLEDGEMENTS,
  ACKNOWLEDGEMENTS_AFTER_REJECT,
  ALSO_ABOUT,
  ASK_ATTRIBUTE,
  ASK_ATTRIBUTE_NEXT,
  ASK_FACET,
  ASK_ITEM,
  ASK_REASONS,
  CLOSE,
  CLOSE_WISHES,
  CLOSE_WITH_ITEM,
  CLOSE_WITH_ITEM_WISHES,
  FACET_FOLLOW_UPS,
  GREETING_OFFERS,
  GREETINGS,
  NO_MATCH,
  NO_MATCH_COMPARATIVE,
  OPEN_FOLLOW_UPS,
  OPEN_QUESTIONS,
  RECOMMEND_FOLLOW_UPS,
  RECOMMEND_MANY,
  RECOMMEND_MANY_BECAUSE,
  RECOMMEND_ONE,
  RECOMMEND_ONE_BECAUSE,
  RESPOND_CRITIQUE,
  RESPOND_CRITIQUE_COMPARATIVE,
  type ShiftWords,
} from './assistant-templates.js';
import { CHATTY_ASIDES } from './chatty-asides.js';
import { composeOpinions, isOpinionAct, type OpinionAct } from './compose-opinions.js';
import { describeItem } from './describe-templates.js';
import type { Style, Template } from './template.js';
import { sentence, type TurnState, titleWords } from './turn-state.js';
import {
  ACCEPT,
  ASK_ABOUT_ITEM,
  CRITIQUE,
  CRITIQUE_COMPARATIVE,
  GIVE_UP,
  GIVE_UP_ITEMS,
  REJECT_MANY,
  REJECT_ONE,
  REJECT_SEEN_JUST_NAMED,
  REJECT_SEEN_MANY,
  REJECT_SEEN_ONE,
  STATE_GOAL,
  STATE_GOAL_LIKE,
  type Styled,
  type StyledText,
  USER_CLOSE,
  USER_CLOSE_WITH_ITEM,
  USER_GREETINGS,
  USER_OPEN_QUESTIONS,
} from './user-templates.js';

// One draw over two lists without concatenating them on every call.
function pickOf<T>(random: SeededRandom, a: readonly T[], b: readonly T[]): T {
  const index = Math.floor(random.next() * (a.length + b.length));
  return (index < a.length ? a[index] : b[index - a.length]) as T;
}

function styled<W>(state: TurnState, lists: Styled<W>): readonly Template<W>[] {
  return state.style === 'terse' ? lists.terse : lists.normal;
}

function styledText(state: TurnState, lists: StyledText): string {
  return state.random.pick(state.style === 'terse' ? lists.terse : lists.normal);
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
];
const OLDER: readonly Shift[] = [
  { s: 'older', comparative: true },
  { s: 'less recent', comparative: true },
  { s: 'from an earlier era', comparative: false },
];
// The schema allows "more"/"less" without an attribute; the honest rendering is a change of no stated kind.
const UNSPECIFIED: Shift = { s: 'a little different', comparative: false };

// Acts that move away from an item along an attribute or in time, and so are worded with a shift.
type CritiqueLike = ActOfType<'critique'> | ActOfType<'respond-critique'> | ActOfType<'no-match'>;

function shiftOf(act: CritiqueLike, random: SeededRandom): Shift {
  if (act.direction === 'newer') return random.pick(NEWER);
  if (act.direction === 'older') return random.pick(OLDER);
  if (act.attribute === undefined) return UNSPECIFIED;
  const phrase = attributePhrase(act.attribute);
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
  const shift = shiftOf(act, state.random);
  const words: ShiftWords = { t: titleWords(state, act.items).and, s: shift.s };
  const template = shift.comparative ? pickOf(state.random, general, comparative) : state.random.pick(general);
  return template(words);
}

// Acts whose schema allows items without saying what they mean (greet, ask-open, ask-attribute): the items are
// still named, so the text mentions every item its acts carry, but without any opinion.
function withItems(state: TurnState, text: string, ids: readonly string[]): string {
  if (ids.length === 0) return text;
  return `${text} ${state.random.pick(ALSO_ABOUT)(titleWords(state, ids))}`;
}

/** What the recommender's wording may draw on from the dialogue so far. */
interface AssistantContext {
  /** An attribute question was asked in an earlier turn: the next one can read "And comedies?". */
  readonly askedBefore: boolean;
}

// Some parts of an utterance are optional: an offer after a hello, a follow-up after a question.
function maybe(random: SeededRandom, share: number, list: readonly string[]): string {
  return random.chance(share) ? ` ${random.pick(list)}` : '';
}

function askAttribute(state: TurnState, act: ActOfType<'ask-attribute'>, context: AssistantContext): string {
  const { random } = state;
  if (state.speaker === 'user') {
    return act.attribute === undefined
      ? random.pick(ASK_FACET)({ f: facetPhrase(act.facet) })
      : random.pick(ASK_ATTRIBUTE)({ x: attributePhrase(act.attribute).noun });
  }
  if (act.attribute === undefined) {
    const question = random.pick(ASK_FACET)({ f: facetPhrase(act.facet) });
    return `${question}${random.chance(0.5) ? maybe(random, 0.6, FACET_FOLLOW_UPS) : maybe(random, 0.4, ASK_REASONS)}`;
  }
  const x = attributePhrase(act.attribute).noun;
  const question =
    context.askedBefore && random.chance(0.4)
      ? random.pick(ASK_ATTRIBUTE_NEXT)({ x })
      : random.pick(ASK_ATTRIBUTE)({ x });
  return `${question}${maybe(random, 0.25, ASK_REASONS)}`;
}

function recommend(state: TurnState, act: ActOfType<'recommend'>): string {
  const titles = titleWords(state, act.items);
  const r = joinList(act.reasons.map((key) => attributePhrase(key).noun));
  const templates =
    r === ''
      ? titles.one
        ? RECOMMEND_ONE
        : RECOMMEND_MANY
      : titles.one
        ? RECOMMEND_ONE_BECAUSE
        : RECOMMEND_MANY_BECAUSE;
  const text = state.random.pick(templates)({ ...titles, r });
  if (state.speaker === 'user' || !text.endsWith('.')) return text;
  return `${text}${maybe(state.random, 0.35, RECOMMEND_FOLLOW_UPS)}`;
}

function close(state: TurnState, act: ActOfType<'close'>): string {
  const { random } = state;
  if (state.speaker === 'user') {
    if (act.items.length === 0) return random.pick(USER_CLOSE);
    return random.pick(USER_CLOSE_WITH_ITEM)(titleWords(state, act.items));
  }
  if (act.items.length === 0) return `${random.pick(CLOSE)} ${random.pick(CLOSE_WISHES)}`;
  const text = random.pick(CLOSE_WITH_ITEM)(titleWords(state, act.items));
  return `${text}${maybe(random, 0.4, CLOSE_WITH_ITEM_WISHES)}`;
}

function reject(state: TurnState, act: ActOfType<'reject'>): string {
  // "I loved Heat (1995). Seen it already, though." — not "… I've seen Heat (1995) already." Items this utterance
  // has just given an opinion of are seen, so only the others need naming.
  const unnamed = act.seen
    ? act.items.filter((id) => !state.titles.includes(displayTitle(state.catalog.require(id))))
    : act.items;
  if (unnamed.length === 0) {
    return state.random.pick(styled(state, REJECT_SEEN_JUST_NAMED))({ one: act.items.length === 1 });
  }
  const titles = titleWords(state, unnamed);
  if (titles.one) return state.random.pick(styled(state, act.seen ? REJECT_SEEN_ONE : REJECT_ONE))(titles);
  const all = titles.list.length === 2 ? `both ${titles.and}` : `all of ${titles.and}`;
  const words = { ...titles, none: joinNegativeList(titles.list), all };
  return state.random.pick(styled(state, act.seen ? REJECT_SEEN_MANY : REJECT_MANY))(words);
}

function verbalizeAct(state: TurnState, act: Exclude<DialogueAct, OpinionAct>, context: AssistantContext): string {
  const { random } = state;
  const user = state.speaker === 'user';
  switch (act.type) {
    case 'greet':
      if (user) return withItems(state, random.pick(USER_GREETINGS), act.items);
      return withItems(state, `${random.pick(GREETINGS)}${maybe(random, 0.7, GREETING_OFFERS)}`, act.items);
    case 'ask-open':
      if (user) return withItems(state, random.pick(USER_OPEN_QUESTIONS), act.items);
      return withItems(state, `${random.pick(OPEN_QUESTIONS)}${maybe(random, 0.3, OPEN_FOLLOW_UPS)}`, act.items);
    case 'ask-attribute':
      return withItems(state, askAttribute(state, act, context), act.items);
    case 'ask-item':
      return random.pick(ASK_ITEM)(titleWords(state, act.items));
    case 'recommend':
      return recommend(state, act);
    case 'respond-critique':
      return critique(state, act, RESPOND_CRITIQUE, RESPOND_CRITIQUE_COMPARATIVE);
    case 'no-match':
      return critique(state, act, NO_MATCH, NO_MATCH_COMPARATIVE);
    case 'describe-item': {
      const id = act.items[0] as string;
      const item = state.catalog.require(id);
      return describeItem(item, titleWords(state, act.items).and, act.attributes, random);
    }
    case 'close':
      return close(state, act);
    case 'state-goal':
      if (act.items.length === 0) return styledText(state, STATE_GOAL);
      return random.pick(styled(state, STATE_GOAL_LIKE))(titleWords(state, act.items));
    case 'critique':
      return critique(state, act, styled(state, CRITIQUE), styled(state, CRITIQUE_COMPARATIVE));
    case 'reject':
      return reject(state, act);
    case 'accept':
      return random.pick(styled(state, ACCEPT))(titleWords(state, act.items));
    case 'ask-about-item':
      return random.pick(styled(state, ASK_ABOUT_ITEM))(titleWords(state, act.items));
    case 'give-up': {
      const giveUp = styledText(state, GIVE_UP);
      if (act.items.length === 0) return giveUp;
      return `${random.pick(GIVE_UP_ITEMS)(titleWords(state, act.items))} ${giveUp}`;
    }
  }
}

/** The share of the recommender's questions and suggestions that open by acknowledging the user's last turn. */
const ACKNOWLEDGE_RATE = 0.4;
const ACKNOWLEDGED: ReadonlySet<DialogueAct['type']> = new Set(['ask-attribute', 'ask-item', 'ask-open', 'recommend']);

/** An acknowledgement of the user's last turn when it said something (more than a hello), else undefined. */
function acknowledgement(request: VerbalizeRequest): string | undefined {
  if (request.speaker !== 'assistant') return undefined;
  const first = request.acts[0] as DialogueAct;
  if (!ACKNOWLEDGED.has(first.type)) return undefined;
  const last: Turn | undefined = request.history[request.history.length - 1];
  if (last === undefined || last.speaker !== 'user' || last.acts.every((act) => act.type === 'greet')) return undefined;
  if (!request.random.chance(ACKNOWLEDGE_RATE)) return undefined;
  const rejected = last.acts.some((act) => act.type === 'reject');
  return request.random.pick(rejected ? ACKNOWLEDGEMENTS_AFTER_REJECT : ACKNOWLEDGEMENTS);
}

function contextOf(request: VerbalizeRequest): AssistantContext {
  let askedBefore = false;
  if (request.speaker === 'assistant') {
    for (const turn of request.history) {
      if (turn.speaker === 'assistant' && turn.acts.some((act) => act.type === 'ask-attribute' && act.attribute)) {
        askedBefore = true;
        break;
      }
    }
  }
  return { askedBefore };
}

/** The share of a chatty user's turns that carry an aside. */
const ASIDE_RATE = 0.4;

function styleOf(request: VerbalizeRequest): Style {
  return request.speaker === 'user' ? (request.persona?.verbosity ?? 'normal') : 'normal';
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
  const state: TurnState = {
    random: request.random,
    catalog: request.catalog,
    speaker: request.speaker,
    style: styleOf(request),
    titles: [],
  };
  const pieces: string[] = [];
  const ack = acknowledgement(request);
  if (ack !== undefined) pieces.push(ack);
  const context = contextOf(request);
  let i = 0;
  while (i < acts.length) {
    const act = acts[i] as DialogueAct;
    if (isOpinionAct(act)) {
      const run: OpinionAct[] = [act];
      for (let next = acts[++i]; next !== undefined && isOpinionAct(next); next = acts[++i]) run.push(next);
      for (const text of composeOpinions(run, state)) pieces.push(text);
    } else {
      pieces.push(sentence(state, verbalizeAct(state, act, context)));
      i++;
    }
  }
  if (state.style === 'chatty' && state.random.chance(ASIDE_RATE)) {
    const aside = state.random.pick(CHATTY_ASIDES);
    // After an opening hello or request ("Hi! …"), before anything else, or at the end.
    const first = (acts[0] as DialogueAct).type;
    const at = first === 'greet' || first === 'state-goal' ? 1 : state.random.chance(0.5) ? 0 : pieces.length;
    pieces.splice(at, 0, aside);
  }
  const text = pieces.join(' ');
  // An attribute value may end in a full stop ("Robert Downey Jr.") right where a sentence ends.
  return text.includes('..') ? collapseDoubleStops(text, state.titles) : text;
}

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
