import type { ActOfType, DialogueAct, Polarity } from '../../dialogue/dialogue-acts.js';
import { attributePhrase } from '../../lexicon/attribute-phrases.js';
import { type DomainPhrasing, perPhrasing } from '../../lexicon/domain-phrasing.js';
import { joinNouns } from '../../lexicon/english.js';
import { soundsGrave } from './grave-words.js';
import { namesSerious } from './item-facts.js';
import { likingWordsOf, pickUnsaid, pickUnsaidText } from './liking-words.js';
import {
  type AttributeOpinionWords,
  type ItemOpinionWords,
  type OpinionShade,
  opinionTemplates,
} from './opinion-templates.js';
import { FRAME_SLOT, unsaidFrames } from './said-frames.js';
import type { Template } from './template.js';
import { sentence, type TurnState, titleWords } from './turn-state.js';

/** An act that states or answers an opinion: consecutive ones are fused into flowing sentences. */
export type OpinionAct = ActOfType<'disclose'> | ActOfType<'answer-item'>;

/** True for the acts {@link composeOpinions} renders. */
export function isOpinionAct(act: DialogueAct): act is OpinionAct {
  return act.type === 'disclose' || act.type === 'answer-item';
}

// How a clause sits next to another: same tones join with "and", different ones contrast with "but".
type Tone = Polarity | 'seen' | 'unseen';

interface Clause {
  readonly text: string;
  readonly tone: Tone;
  readonly shade: OpinionShade | undefined;
  /** What the clause is an opinion of: titles, or kinds of item (attributes). */
  readonly about: 'items' | 'kinds';
  /** The item ids or attribute keys it names. */
  readonly subjects: readonly string[];
}

/** At or above this strength an opinion is voiced strongly ("love", "can't stand"); below it mildly. */
export const STRONG_OPINION = 0.7;

function shadeOf(polarity: Polarity, strength: number | undefined): OpinionShade {
  if (polarity === 'neutral') return 'neutral';
  const strong = (strength ?? 0.5) >= STRONG_OPINION;
  if (polarity === 'positive') return strong ? 'love' : 'like';
  return strong ? 'hate' : 'dislike';
}

function itemOpinionWords(state: TurnState, ids: readonly string[]): ItemOpinionWords {
  const titles = titleWords(state, ids);
  return {
    t: titles.and,
    was: titles.one ? 'was' : 'were',
    wasnt: titles.one ? "wasn't" : "weren't",
    it: titles.one ? 'it' : 'them',
  };
}

// Disclosures of the same shade about the same kind of subject become one clause: "I love sci-fi and horror".
const MAX_GROUP = 3;

function sameGroup(a: ActOfType<'disclose'>, b: OpinionAct): b is ActOfType<'disclose'> {
  if (b.type !== 'disclose') return false;
  if (shadeOf(a.polarity, a.strength) !== shadeOf(b.polarity, b.strength)) return false;
  const aAttribute = a.attribute !== undefined && a.items.length === 0;
  const bAttribute = b.attribute !== undefined && b.items.length === 0;
  const aItems = a.attribute === undefined && a.items.length > 0;
  const bItems = b.attribute === undefined && b.items.length > 0;
  return (aAttribute && bAttribute) || (aItems && bItems);
}

// How often an opinion about attributes is softened or stressed by an ending ("…, most of the time"), or opened
// with a hedge ("Hmm, …"); chatty speakers elaborate more, terse ones never.
const TAIL_RATE = { normal: 0.15, chatty: 0.3 } as const;
const LEAD_RATE = 0.15;

/**
 * What a turn has said so far, which it says once in a breath. The ending or lead of a run of opinions: "to be
 * honest" once, not after every clause ("I like sci-fi, to be honest, but I'm not into sequels, to be honest"). And
 * the turn's liking words (see {@link likingWordsOf}): "I love dramas, and I adored Heat", not "…, and I loved Heat".
 */
interface Said {
  hedged: boolean;
  words: number;
}

// The words of the endings, to leave alone a clause whose wording already carries one ("I've been enjoying sci-fi
// lately" takes no ", as a rule", "I'd say I like sci-fi" no ", if you ask me"), or says how often ("I've always
// loved poetry" takes no " these days", "I tend to like Hardy" no ", on the whole", "I can enjoy poetry in the right
// mood" no ", most of the time", "Poetry can be fun" no ", for the most part"). "Really" is left out: as an
// intensifier ("I really like") it is no ending.
const OWN_HEDGES = [
  'always',
  'generally',
  'usually',
  'often',
  'never',
  'every time',
  'all day',
  'now and then',
  'sometimes',
  'mostly',
  'lately',
  "I'd say",
  'tend to',
  'kind of',
  'well enough',
  'in the right mood',
  'can be',
  'can get',
];
const hedgeWords = perPhrasing(
  (phrasing) =>
    new RegExp(
      `\\b(${[
        ...new Set([
          ...Object.values(opinionTemplates(phrasing).ATTRIBUTE_TAILS).flatMap((tails) =>
            tails.map((tail) => tail.replace(/^[, ]+/, '')).filter((words) => words !== 'really'),
          ),
          ...OWN_HEDGES,
        ]),
      ].join('|')})\\b`,
      'i',
    ),
);

// A fondness is had, not had most of the time: "I've got a bit of a thing for film noir" takes no ", for the most
// part", ", most of the time" or ", on the whole" after it.
const FONDNESS = /\b(?:a thing for|soft spot for|sucker for|partial to|fan of)\b/;
const EXTENT = /\b(?:most of the time|the most part|on the whole)\b/;

function hedged(text: string, phrasing: DomainPhrasing): boolean {
  return hedgeWords(phrasing).test(text);
}

/**
 * One clause of opinion about attributes: the shade's wording (hedged when mild), maybe with a lead or an ending
 * (one of the two per run of opinions), none saying a liking word the turn has said.
 */
function attributeOpinion(
  state: TurnState,
  act: ActOfType<'disclose'>,
  shade: OpinionShade,
  keys: readonly string[],
  first: boolean,
  said: Said,
): string {
  const { random, style } = state;
  const x = joinNouns(keys.map((key) => attributePhrase(key, state.phrasing).noun));
  const O = opinionTemplates(state.phrasing);
  const terse = style === 'terse';
  // Having praised 2001: A Space Odyssey, a user who could do without sci-fi says so as one who makes exceptions,
  // and hates it no more than that.
  const excepting = act.polarity === 'negative' && keys.some((key) => praisedCarries(state, key));
  const grave = (shade === 'love' || shade === 'like') && soundsGrave(x);
  const templates = grave
    ? O.GRAVE_LIKINGS[terse ? 'terse' : 'normal']
    : (terse ? O.ATTRIBUTE_OPINIONS.terse : O.ATTRIBUTE_OPINIONS.normal)[
        excepting && shade === 'hate' ? 'dislike' : shade
      ];
  const mild =
    act.polarity !== 'neutral' && (act.strength ?? 0.5) < O.MILD_OPINION ? O.ATTRIBUTE_MILD[act.polarity] : undefined;
  const fresh = (list: readonly Template<AttributeOpinionWords>[] = []) =>
    unsaidFrames(list, ATTRIBUTE_FRAME, state.userWords);
  const template = pickUnsaid(
    random,
    said.words,
    ATTRIBUTE_PROBE,
    fresh(templates),
    fresh(mild?.[terse ? 'terse' : 'normal']),
  );
  const text = template({ x });
  if (excepting && !/[,?]/.test(text)) {
    said.hedged = true;
    return text + state.random.pick(O.DISLIKE_EXCEPTIONS);
  }
  const words = said.words | likingWordsOf(text);
  // A wording with a comma of its own ("I'm okay with westerns, nothing special") takes no ending after it, and one
  // that says how often uses the run's ending up ("I'm usually up for magic, plus I love true crime" takes no
  // " these days").
  if (terse || said.hedged || text.includes(',')) return text;
  if (hedged(text, state.phrasing)) {
    said.hedged = true;
    return text;
  }
  if (random.chance(TAIL_RATE[style])) {
    said.hedged = true;
    const tails = O.ATTRIBUTE_TAILS[shade];
    return (
      text + pickUnsaidText(random, words, FONDNESS.test(text) ? tails.filter((tail) => !EXTENT.test(tail)) : tails)
    );
  }
  if (first && random.chance(LEAD_RATE)) {
    said.hedged = true;
    return pickUnsaidText(random, words, O.OPINION_LEADS[act.polarity]) + text;
  }
  return text;
}

const ATTRIBUTE_PROBE: AttributeOpinionWords = { x: 'X' };
const ATTRIBUTE_FRAME: AttributeOpinionWords = { x: FRAME_SLOT };

/** Whether a title the user spoke well of, in this turn or before, has an attribute. */
function praisedCarries(state: TurnState, key: string): boolean {
  const carries = (id: string) => state.catalog.carries(id, key);
  if (state.praised.some(carries)) return true;
  for (const id of state.praisedBefore) if (carries(id)) return true;
  return false;
}

/**
 * A template for an opinion of items: one that had fun with them only of items that are not serious (grave, or a
 * drama with no lighter genre). One they were
 * asked about may be put as the question it answers ("Heat? Amazing."); one they volunteer may not, as it would read
 * as delight at a suggestion ("Donnie Darko and Prisoners? Amazing! What is Jarhead like?").
 */
function itemOpinion(
  state: TurnState,
  shade: OpinionShade,
  ids: readonly string[],
  asked: boolean,
  said: Said,
): Template<ItemOpinionWords> {
  const O = opinionTemplates(state.phrasing);
  const style = state.style === 'terse' ? 'terse' : 'normal';
  const light = shade === 'like' && !namesSerious(state.catalog, ids);
  const told = (list: readonly Template<ItemOpinionWords>[]) =>
    unsaidFrames(asked ? list : statements(list), ITEM_FRAME, state.userWords);
  return pickUnsaid(
    state.random,
    said.words,
    PROBE,
    told(O.ITEM_OPINIONS[style][shade]),
    told(light ? O.ITEM_LIKINGS_LIGHT[style] : []),
  );
}

const PROBE: ItemOpinionWords = { t: 'T', was: 'was', wasnt: "wasn't", it: 'it' };
const ITEM_FRAME: ItemOpinionWords = { ...PROBE, t: FRAME_SLOT };
const statementLists = new WeakMap<readonly Template<ItemOpinionWords>[], readonly Template<ItemOpinionWords>[]>();

/** The templates of a list that do not put the opinion as a question. */
function statements(list: readonly Template<ItemOpinionWords>[]): readonly Template<ItemOpinionWords>[] {
  let kept = statementLists.get(list);
  if (kept === undefined) {
    kept = list.filter((template) => !template(PROBE).includes('?'));
    statementLists.set(list, kept);
  }
  return kept;
}

function clauses(acts: readonly OpinionAct[], state: TurnState, before: readonly string[]): Clause[] {
  const { random, style } = state;
  const O = opinionTemplates(state.phrasing);
  const terse = style === 'terse';
  const opensTurn = before.length === 0;
  const out: Clause[] = [];
  const said: Said = { hedged: false, words: likingWordsOf(before.join(' ')) };
  const add = (clause: Clause) => {
    out.push(clause);
    said.words |= likingWordsOf(clause.text);
  };
  let k = 0;
  while (k < acts.length) {
    const act = acts[k] as OpinionAct;
    k++;
    if (act.type === 'answer-item') {
      const words = itemOpinionWords(state, act.items);
      if (!act.seen) {
        add({
          text: random.pick(terse ? O.NOT_SEEN.terse : O.NOT_SEEN.normal)(words),
          tone: 'unseen',
          shade: undefined,
          about: 'items',
          subjects: act.items,
        });
      } else if (act.polarity === undefined) {
        add({
          text: random.pick(terse ? O.SEEN.terse : O.SEEN.normal)(words),
          tone: 'seen',
          shade: undefined,
          about: 'items',
          subjects: act.items,
        });
      } else {
        const shade = shadeOf(act.polarity, act.strength);
        // "Yes, …" only opens a turn's answer; mid-sentence it would read as a non sequitur.
        const openers = O.ANSWER_OPENERS[act.polarity];
        const text = itemOpinion(state, shade, act.items, true, said)(words);
        // Not before an opinion that asks its own question: "Yes, Heat? Amazing."
        const opener =
          opensTurn && out.length === 0 && !text.includes('?')
            ? pickUnsaidText(random, said.words | likingWordsOf(text), terse ? openers.terse : openers.normal)
            : '';
        add({ text: opener + text, tone: act.polarity, shade, about: 'items', subjects: act.items });
      }
      continue;
    }
    const shade = shadeOf(act.polarity, act.strength);
    const group: ActOfType<'disclose'>[] = [act];
    while (k < acts.length && group.length < MAX_GROUP && sameGroup(act, acts[k] as OpinionAct)) {
      group.push(acts[k] as ActOfType<'disclose'>);
      k++;
    }
    if (act.attribute !== undefined) {
      const keys = group.map((member) => member.attribute as string);
      add({
        text: attributeOpinion(state, act, shade, keys, opensTurn && out.length === 0, said),
        tone: act.polarity,
        shade,
        about: 'kinds',
        subjects: keys,
      });
    }
    if (act.items.length > 0) {
      const ids = group.length === 1 ? act.items : group.flatMap((member) => member.items);
      const text = itemOpinion(state, shade, ids, false, said)(itemOpinionWords(state, ids));
      add({ text, tone: act.polarity, shade, about: 'items', subjects: ids });
    }
    if (act.attribute === undefined && act.items.length === 0) {
      const text = pickUnsaidText(random, said.words, O.BARE_OPINIONS[act.polarity]);
      add({ text, tone: act.polarity, shade, about: 'kinds', subjects: [] });
    }
  }
  return out;
}

const SAME = [', and ', ', and ', ', plus '];
const SAME_TERSE = [', ', '; '];
const SEMICOLON = ['; '];
// A contrast between two clauses takes a comma: "I love sci-fi, but horror is not for me."
const CONTRAST = [', but ', ', but ', ', though '];
const CONTRAST_TERSE = [', but ', '; '];
const CONTRAST_WHILE = [', while '];
const LEAD_SAME = ['also, ', 'and ', 'oh, and '];
// Sentence openers after the first: a contrast avoids a second "but" right after one that joined clauses.
const LEAD_CONTRAST = ['on the other hand, ', 'that said, ', 'mind you, '];

function sameTone(a: Tone, b: Tone): boolean {
  return a === b || a === 'seen' || b === 'seen';
}

// "I haven't read Dune yet, but I hate horror", "Drive was fine, but I'm not into war films": a taste for a kind of
// item after an opinion of a title is no contrast to it, nor more of it, but a new topic, said on its own. So is an
// opinion of a title after one not seen ("Never seen Notorious, but I hated Citizen Kane"), and a title set against
// a kind it is not of: "I adore fantasy, but I hated Seven Samurai" reads as if it were fantasy.
function newTopic(a: Clause, b: Clause | undefined, state: TurnState): boolean {
  if (b === undefined) return false;
  if (a.about === 'items') return b.about === 'kinds' || a.tone === 'unseen';
  return (
    b.about === 'items' &&
    !sameTone(a.tone, b.tone) &&
    !b.subjects.some((item) => a.subjects.some((key) => state.catalog.carries(item, key)))
  );
}
const LEAD_NEW_TOPIC = ['oh, and ', 'also, ', 'by the way, '];

function kindThenTitle(a: Clause, b: Clause | undefined): boolean {
  return a.about === 'kinds' && b?.about === 'items' && sameTone(a.tone, b.tone);
}

/**
 * Renders a run of consecutive opinion acts as sentences of at most two clauses each: "I love sci-fi, but I
 * can't stand horror." Same-shade disclosures share a clause; a run that opens its turn (nothing `before` it) may
 * begin with "Yes, …" or "Well, …", which after other words ("I need a film for tonight. Well, I love westerns.")
 * stutter. No clause says a liking word the turn has said, in `before` or in the run ("I'd love a film suggestion. I
 * adore westerns.").
 */
export function composeOpinions(acts: readonly OpinionAct[], state: TurnState, before: readonly string[]): string[] {
  const { random } = state;
  const terse = state.style === 'terse';
  const parts = clauses(acts, state, before);
  const sentences: string[] = [];
  let previous: Clause | undefined;
  for (let i = 0; i < parts.length; ) {
    const first = parts[i] as Clause;
    // A terse clause that asks its own question ("Heat? Amazing") stands alone: after a bare comma it runs into the
    // clause before ("Thrillers, always, Heat? Amazing").
    // Nor does a taste for a kind run into a title of the same tone: "Big fan of memoirs, The Blade Itself was
    // brilliant" reads as if the title were a memoir.
    const next = parts[i + 1];
    const second =
      (terse && (first.text.includes('?') || next?.text.includes('?') || kindThenTitle(first, next))) ||
      newTopic(first, next, state)
        ? undefined
        : next;
    i += second ? 2 : 1;
    let text = first.text;
    if (previous !== undefined && !terse) {
      const leads = newTopic(previous, first, state)
        ? LEAD_NEW_TOPIC
        : sameTone(previous.tone, first.tone)
          ? LEAD_SAME
          : LEAD_CONTRAST;
      text = random.pick(leads) + text;
    }
    if (second) {
      const same = sameTone(first.tone, second.tone);
      // Nor does a bare comma join clauses that have commas of their own: "Thrillers, always; Heat, loved it".
      // Nor "but" join a clause that has its own: "A was fine, but forgettable, but B was fantastic".
      const ownBut = first.text.includes(' but ') || second.text.includes(' but ');
      const joins = terse
        ? same
          ? first.text.includes(',') || second.text.includes(',')
            ? SEMICOLON
            : SAME_TERSE
          : ownBut
            ? SEMICOLON
            : CONTRAST_TERSE
        : same
          ? SAME
          : ownBut
            ? CONTRAST_WHILE
            : CONTRAST;
      text += random.pick(joins) + second.text;
    }
    const last = second ?? first;
    // Not of something grave: "Drawn to movies about racism!" is glee again.
    const excited =
      first.shade === 'love' &&
      (second === undefined || second.shade === 'love') &&
      random.chance(0.3) &&
      !soundsGrave(text);
    sentences.push(sentence(state, `${text}${excited ? '!' : '.'}`));
    previous = last;
  }
  return sentences;
}
