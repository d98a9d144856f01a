import { z } from 'zod';
import { parseAttributeKey } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { saidAlike } from '../catalog/said-alike.js';
import { isWellKnown } from '../catalog/well-known.js';
import {
  type ActOfType,
  type AssistantAct,
  offeredItems,
  type Polarity,
  slateItems,
  type UserAct,
} from '../dialogue/dialogue-acts.js';
import { attributePhrase, genreIsMedium } from '../lexicon/attribute-phrases.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';
import { itemUtility } from '../profile/item-utility.js';
import { drawPersona, type FullPersona } from '../profile/persona-mix.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import type { ItemOpinion, Persona } from '../profile/profile-schema.js';
import { polarityOfAffinity, polarityOfOpinion, VOICED_AFFINITY } from '../profile/stated-polarity.js';
import type { SeededRandom } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { attributeMedianYear } from './attribute-era.js';
import { catalogIndex } from './catalog-index.js';
import { logitChoice } from './choice-model.js';
import { lacksEvidently } from './evident-absence.js';
import { commonNear } from './item-likeness.js';
import { keepsStoryLine } from './story-line.js';

/** Options of {@link UserSimulator}; every field has a default. */
export const UserSimulatorOptionsSchema = z.strictObject({
  /**
   * What the user says about an item it has no opinion of: `not-seen` (default), or `neutral` — "seen it, it was
   * okay". Never an invented liking or dislike.
   * @default 'not-seen'
   */
  unseenItems: z.enum(['not-seen', 'neutral']).default('not-seen'),
  /**
   * Temperature of the choice model over a recommended slate.
   * @default 0.15
   */
  choiceTemperature: z.number().gt(0).default(0.15),
  /**
   * Probability that an unsatisfying recommendation is critiqued (when a critique is possible) rather than rejected.
   * One with something the user said they like is always critiqued when it can be, else asked about first.
   * @default 0.8
   */
  critiqueRate: z.number().min(0).max(1).default(0.8),
  /**
   * Utility an item needs before the least decisive user accepts it; decisive users accept down to 60% of it.
   * @default 0.35
   */
  acceptThreshold: z.number().default(0.35),
});

/** Options of {@link UserSimulator} as accepted from callers. */
export type UserSimulatorOptions = z.input<typeof UserSimulatorOptionsSchema>;
type ResolvedOptions = z.output<typeof UserSimulatorOptionsSchema>;

// Options a run checked once (see resolveSimulatorOptions), frozen so that they stay as checked: a run builds a user
// per dialogue, and a schema parse for each was a good part of building one.
const resolvedOptions = new WeakSet<object>();

/** Checks simulator options once for many users: every {@link UserSimulator} built with the result skips the check. */
export function resolveSimulatorOptions(options: UserSimulatorOptions | undefined, where: string): ResolvedOptions {
  const resolved = Object.freeze(parseOptions(UserSimulatorOptionsSchema, options, where));
  resolvedOptions.add(resolved);
  return resolved;
}

// How many of a facet's most common values a user with no strong feelings about the facet draws an example from.
const COMMON_EXAMPLES = 5;
// How far above good enough the pickiest user's bar sits, in item utility.
const PICKINESS_MARGIN = 0.2;
// The chance, per unit of pickiness, that a user wants to see other options before taking anything from the first
// slate: people rarely settle on the very first suggestion.
const FIRST_SLATE_DOUBT = 0.8;
// "Like A, but more X" only of a genre the user cares for: a mild liking ("sci-fi is fine") is no reason to want more
// of it ("Parasite isn't sci-fi enough").
const WANTED_AFFINITY = 0.4;
// Asked what put them off an item, a user names a milder dislike it carries than they would bring up unasked.
const MILD_DISLIKE = 0.1;
// The share of unprompted dislikes that come with a title the user disliked.
const DISLIKED_TITLE_SHARE = 0.5;
// A title the user brings up unasked is one people know: in a catalog with popularity, at least this share of the
// best known title's renown (about ten raters of ml-latest-small's 329), not "Cage Dive".
const KNOWN_RENOWN = 0.4;
// How much the user must like a title to name it as a favourite of the kind they name in their opening turn.
const FAVOURITE_STRENGTH = 0.7;
// The share of the strongest unsaid liking that one going with a turned-down item needs to be named in its place.
const NEAR_LIKING_SHARE = 0.5;
// Asked what they would change, a user refines a title they would settle for this many times a dialogue at most,
// and only one short of this much over their bar: one they are keen on is simply taken.
const MAX_REFINEMENTS = 2;
const REFINE_MARGIN = 0.4;
// Nor with so little patience left that another miss or two would end the dialogue: a user near the end of theirs
// takes what will do.
const REFINE_PATIENCE = 2;
// Recency critiques only when the gap is large enough to be worth saying.
const RECENCY_GAP_YEARS = 15;
// And only of a title older (newer) than all but this share of the titles the user likes: "too old" is a taste for
// newer things, not said by someone whose favourites span two centuries.
const ERA_OUTLIERS = 0.1;
// An item this many years or fewer newer (older) than one the user held up is of its time, not "too old" ("too new").
const ERA_SLACK = 5;
// A kind of work whose titles mostly come from this many years or more before (after) the middle of the user's liked
// titles belongs to another era: a user who said they love it does not find a title of that kind too old (too new).
const ERA_OF_A_KIND = 30;

/** The parts of a profile the simulated user may read: everything but the held-out targets. */
type VisibleProfile = Pick<
  PreferenceProfile,
  'liked' | 'disliked' | 'affinities' | 'affinity' | 'opinionOf' | 'itemScore' | 'persona'
>;

/** What happened on the user's side after a turn. */
export type UserState = 'talking' | 'accepted' | 'gave-up';

/**
 * The simulated user. It decides its acts from its profile and the dialogue so far, through a seeded random
 * source, and never says anything the profile does not support:
 * - it answers from its liked and disliked items and attribute affinities; items it has no opinion of are "not
 *   seen" (or "okay", if configured), never an invented preference;
 * - it chooses from a recommended slate with a multinomial-logit choice model with a "none of these" option,
 *   accepts a good-enough choice, and otherwise critiques the closest item on the attribute that most separates
 *   it from its taste, or rejects;
 * - persona traits change style and behaviour, not truth: how much it volunteers, how many unsatisfying turns it
 *   tolerates, how readily it settles;
 * - it never sees held-out items (it is built from a copy of the profile without them), so it cannot name one
 *   unless the recommender does.
 *
 * The simulator is deterministic given its random source, so it never contradicts itself: every statement is a
 * function of the profile.
 */
export class UserSimulator {
  readonly #catalog: ItemCatalog;
  // Only what the simulated user may know: held-out items appear in none of these (the profile guarantees it), and
  // the type keeps `heldOut` itself out of reach.
  readonly #profile: VisibleProfile;
  // Voiced attributes of the catalog, strongest first, sorted once: the user consults them every turn.
  readonly #voiced: { positive: readonly string[]; negative: readonly string[] };
  readonly #random: SeededRandom;
  readonly #options: ResolvedOptions;
  readonly #traits: FullPersona;
  readonly #weights: Float64Array;
  readonly #acceptAt: number;
  readonly #disclosed = new Set<string>();
  readonly #askedAbout = new Set<string>();
  // The direction of the user's first critique of an era, which later ones keep to.
  #eraAsked: 'newer' | 'older' | undefined;
  // The years of the titles the user likes, in order: read when an era critique is first weighed.
  #likedYears: number[] | undefined;
  // The items the user spoke well of or held up as a model ("like The Big Sleep, but …"): none is called too old or
  // too new in the same breath as something of its own time, and no dislike too mild to voice unasked is one they
  // carry ("too young adult" after loving The Subtle Knife).
  readonly #heldUp = new Set<string>();
  // Likings the recommender said it cannot combine with the user's latest critique: asking for them again would
  // only send it back and forth.
  readonly #settled = new Set<string>();
  #unsatisfied = 0;
  // The first slate's items, while the user wants to see other options before taking one of them.
  #doubted: ReadonlySet<string> | undefined;
  #slates = 0;
  // How many titles the user would have settled for that it critiqued, asked what it would change.
  #refinements = 0;
  #state: UserState = 'talking';
  #greeted = false;
  // The recommender has said goodbye: the user answers it, and does not give up on someone who has already left.
  #leaving = false;

  constructor(
    profile: PreferenceProfile,
    catalog: ItemCatalog,
    random: SeededRandom,
    options: UserSimulatorOptions = {},
  ) {
    this.#catalog = catalog;
    this.#profile = profile;
    const { voiced, weights } = readTaste(profile, catalog);
    this.#voiced = voiced;
    this.#random = random;
    this.#options = resolvedOptions.has(options)
      ? (options as ResolvedOptions)
      : parseOptions(UserSimulatorOptionsSchema, options, 'UserSimulator');
    // Traits the profile leaves open come from the default persona mix, drawn from a stream of their own so that a
    // profile that sets them all draws nothing else differently.
    this.#traits = withTraits(drawPersona(random.fork('persona')), profile.persona);
    this.#weights = weights;
    this.#acceptAt =
      this.#options.acceptThreshold * (1 - 0.4 * this.#traits.decisiveness) + PICKINESS_MARGIN * this.#traits.pickiness;
  }

  /** `accepted` or `gave-up` once the user has ended its side of the conversation. */
  get state(): UserState {
    return this.#state;
  }

  /** How the user talks (for the verbaliser). */
  get persona(): Persona {
    return { ...this.#traits };
  }

  /** The user's acts in reply to the recommender's last turn. */
  respond(assistantActs: readonly AssistantAct[]): UserAct[] {
    const acts: UserAct[] = [];
    this.#leaving = assistantActs.some((act) => act.type === 'close');
    // A slate in two parts, each with its reason, is one choice: the user takes one item of either, or neither.
    let slate: string[] | undefined;
    for (const act of assistantActs) {
      switch (act.type) {
        case 'greet':
          if (!this.#greeted) acts.push({ type: 'state-goal', items: [] });
          this.#greeted = true;
          break;
        case 'ask-open':
          acts.push(...this.#openAnswer());
          break;
        case 'ask-attribute':
          acts.push(this.#attributeAnswer(act.facet, act.attribute));
          break;
        case 'ask-item':
          acts.push(this.#itemAnswer(act.items[0] as string));
          break;
        case 'ask-reason':
          acts.push(...this.#reasonAnswer(act.items[0] as string));
          break;
        case 'recommend':
          if (slate) break;
          slate = slateItems(assistantActs);
          acts.push(
            ...this.#judgeSlate(
              slate,
              undefined,
              assistantActs.some((a) => a.type === 'recommend' && a.invitesCritique === true),
            ),
          );
          break;
        case 'describe-item':
          acts.push(...this.#judgeSlate(act.items, act.attributes));
          break;
        case 'respond-critique':
          for (const key of act.dropped ?? []) this.#settled.add(key);
          break;
        case 'no-match':
        case 'close':
          break;
      }
    }
    // "Yep, loved Carry On, Jeeves." holds it up as a favourite does: no "less of a classic" of the next Jeeves, and
    // no dislike it carries volunteered next.
    for (const act of acts)
      if (
        ((act.type === 'disclose' || act.type === 'answer-item') && act.polarity === 'positive') ||
        (act.type === 'critique' && act.attribute)
      )
        this.#holdUp(act.items);
    if (this.#leaving) return this.#lastWord(acts, assistantActs);
    // Nothing is volunteered after a critique, a rejection or a question about an item: "What's Heat about? I love
    // westerns" is two turns run together.
    if (
      this.#state === 'talking' &&
      !acts.some((a) => a.type === 'critique' || a.type === 'reject' || a.type === 'ask-about-item')
    ) {
      acts.push(...this.#volunteer());
    }
    if (acts.length === 0) acts.push(...this.#openAnswer());
    if (acts.length === 0) acts.push(this.#fallback());
    return acts;
  }

  /**
   * The reply to a goodbye that came with a last suggestion or an answer: the user takes it or turns it down as they
   * would any other, and says goodbye too (never giving up on a recommender who has already left). A critique stays,
   * as what the title lacked, and the other new titles are turned down with it; a question about a title, which the
   * recommender has left too soon to answer, turns the titles down.
   */
  #lastWord(judged: readonly UserAct[], assistantActs: readonly AssistantAct[]): UserAct[] {
    const close: UserAct = { type: 'close', items: [] };
    const acts = judged.filter((act) => act.type !== 'ask-about-item');
    if (this.#state === 'talking') {
      const answered = new Set(
        acts.flatMap((act) => (act.type === 'critique' || act.type === 'reject' ? act.items : [])),
      );
      const unanswered = offeredItems(assistantActs).filter(
        (item) => !answered.has(item) && this.#profile.opinionOf(item) === 'unseen',
      );
      if (unanswered.length > 0) acts.push({ type: 'reject', items: unanswered, seen: false });
    }
    return [...acts, close];
  }

  /** Something true to say when nothing strong is left: a disliked film, the strongest weak leaning, or the goal. */
  #fallback(): UserAct {
    const disliked = this.#unsaidDisliked(undefined, true);
    if (disliked) return this.#itemDisclosure(disliked, 'negative');
    const strongest = Object.keys(this.#profile.affinities)
      .filter((key) => this.#catalog.hasAttribute(key) && this.#speakable(key))
      .sort((a, b) => Math.abs(this.#profile.affinity(b)) - Math.abs(this.#profile.affinity(a)) || (a < b ? -1 : 1))[0];
    return strongest === undefined ? { type: 'state-goal', items: [] } : this.#disclosure(strongest);
  }

  /**
   * The title the user most dislikes that they have not spoken of, of those with the attribute `of` when given, and,
   * unless it is the last thing left to say ({@link #fallback}), one people know (see {@link KNOWN_RENOWN}).
   */
  #unsaidDisliked(of?: string, anyTitle = false): ItemOpinion | undefined {
    return this.#profile.disliked.find(
      ({ item }) =>
        !this.#disclosed.has(`item:${item}`) &&
        (of === undefined || this.#catalog.carries(item, of)) &&
        (anyTitle || isWellKnown(this.#catalog, item, KNOWN_RENOWN)),
    );
  }

  #itemDisclosure(opinion: ItemOpinion, polarity: 'positive' | 'negative'): UserAct {
    this.#disclosed.add(`item:${opinion.item}`);
    if (polarity === 'positive') this.#holdUp([opinion.item]);
    return { type: 'disclose', items: [opinion.item], polarity, strength: opinion.strength };
  }

  #disclosure(attribute: string): UserAct {
    this.#tell(attribute);
    const affinity = this.#profile.affinity(attribute);
    return {
      type: 'disclose',
      items: [],
      attribute,
      polarity: polarityOfAffinity(affinity),
      strength: round2(Math.abs(affinity)),
    };
  }

  /**
   * Marks an attribute as said, and those said alike with it: "Nothing beats philosophy and philosophical books" names
   * one liking twice.
   */
  #tell(attribute: string): void {
    this.#disclosed.add(attribute);
    for (const key of saidAlike(this.#catalog, attribute)) this.#disclosed.add(key);
  }

  /**
   * The strongest voiced attribute not yet disclosed; of dislikes, not one a title the user spoke well of carries
   * (not "Inception was a good watch. Also, it's a hard no on thrillers.").
   */
  #undisclosed(direction: 'positive' | 'negative'): string | undefined {
    return this.#voiced[direction].find((key) => this.#mayVoice(direction, key));
  }

  /**
   * Whether the user may voice an attribute unasked: not one they have spoken of (a mild dislike was "no strong
   * feelings" then), nor a dislike an item they spoke well of carries, nor what no one would say they like or
   * dislike (a tag quoted as a tag, "later remade"), nor praise as a dislike ("not into visually stunning films").
   */
  #mayVoice(direction: 'positive' | 'negative', key: string): boolean {
    return (
      !this.#disclosed.has(key) &&
      (direction === 'positive' ? this.#sayable(key) : !this.#heldUpCarries(key) && this.#holdable(key))
    );
  }

  /** Whether anyone would say they like or dislike an attribute: not a tag quoted as a tag, nor "later remade". */
  #sayable(key: string): boolean {
    return attributePhrase(key, domainPhrasing(this.#catalog)).sayable;
  }

  /** Whether the user's view of an attribute, whichever way it goes, is one anyone would say. */
  #speakable(key: string): boolean {
    return this.#profile.affinity(key) >= 0 ? this.#sayable(key) : this.#holdable(key);
  }

  /** Whether anyone would hold an attribute against an item: one they would say, and not praise ("visually stunning"). */
  #holdable(key: string): boolean {
    const phrase = attributePhrase(key, domainPhrasing(this.#catalog));
    return phrase.sayable && !phrase.praise;
  }

  /**
   * The same of a facet asked about: what items are (a subject) before a name its values may also be ("Which topics
   * do you like?" is not answered "Leonardo DiCaprio movies" while the user has a topic to name).
   */
  #undisclosedOf(direction: 'positive' | 'negative', facet: string): string | undefined {
    const prefix = `${facet}:`;
    const phrasing = domainPhrasing(this.#catalog);
    const unsaid = (key: string) => key.startsWith(prefix) && this.#mayVoice(direction, key);
    return (
      this.#voiced[direction].find((key) => unsaid(key) && !attributePhrase(key, phrasing).name) ??
      this.#voiced[direction].find(unsaid)
    );
  }

  #openAnswer(): UserAct[] {
    const acts: UserAct[] = [];
    const best = this.#undisclosed('positive');
    if (best !== undefined) acts.push(this.#disclosure(best));
    // A favourite of the kind just named goes with it ("Family films, always. Toy Story, loved it!"), not one of
    // another ("Family films, always. Rashomon, loved it!"), when there is one the user loves and that has nothing
    // they dislike: not "Family films, always. Soul was pretty good", then "No animated films, please".
    const unsaid = ({ item }: { readonly item: string }) => !this.#disclosed.has(`item:${item}`);
    const ofThatKind = (opinion: ItemOpinion) =>
      best !== undefined &&
      opinion.strength >= FAVOURITE_STRENGTH &&
      this.#catalog.carries(opinion.item, best) &&
      this.#acceptable(opinion.item);
    const liked =
      this.#profile.liked.find((opinion) => unsaid(opinion) && ofThatKind(opinion)) ?? this.#profile.liked.find(unsaid);
    if (liked && (acts.length === 0 || this.#random.chance(this.#traits.disclosure))) {
      acts.push(this.#itemDisclosure(liked, 'positive'));
    }
    if (acts.length === 0) {
      const worst = this.#undisclosed('negative');
      if (worst !== undefined) acts.push(this.#disclosure(worst));
    }
    return acts;
  }

  #attributeAnswer(facet: string, attribute: string | undefined): UserAct {
    if (attribute !== undefined) return this.#disclosure(attribute);
    const liked = this.#undisclosedOf('positive', facet);
    if (liked !== undefined) return this.#disclosure(liked);
    const disliked = this.#undisclosedOf('negative', facet);
    if (disliked !== undefined) return this.#disclosure(disliked);
    // Nothing strong left to say about this facet: no favourites there, and what the user likes instead ("None in
    // particular, really. I love sci-fi, though."), not a value they feel nothing about.
    const elsewhere = this.#undisclosed('positive');
    if (elsewhere !== undefined) return this.#disclosure(elsewhere);
    // Else one of its most common values not yet talked about, said to be neither here nor there (not always the
    // first: every lukewarm user would name Spielberg).
    const common = (catalogIndex(this.#catalog).byFacet.get(facet) ?? [])
      .filter(({ key }) => !this.#disclosed.has(key) && this.#speakable(key))
      .slice(0, COMMON_EXAMPLES);
    return common.length === 0 ? this.#fallback() : this.#disclosure(this.#random.pick(common).key);
  }

  #itemAnswer(item: string): UserAct {
    const polarity = polarityOfOpinion(this.#profile.opinionOf(item));
    if (polarity === undefined) {
      return this.#options.unseenItems === 'neutral'
        ? { type: 'answer-item', items: [item], seen: true, polarity: 'neutral', strength: 0 }
        : { type: 'answer-item', items: [item], seen: false };
    }
    this.#disclosed.add(`item:${item}`);
    return {
      type: 'answer-item',
      items: [item],
      seen: true,
      polarity,
      strength: round2(Math.abs(this.#profile.itemScore(item))),
    };
  }

  /**
   * An unprompted disclosure, as often as the persona volunteers things. A dislike comes, as often as not, with a
   * title the user could not stand that has it ("I really can't do documentaries, and Koyaanisqatsi was
   * unwatchable"), and with no kind left to say, as a title alone: the recommender learns what to steer clear of from
   * either, and a title set beside the kind it has reads as the example it is.
   */
  #volunteer(): UserAct[] {
    const rate =
      this.#traits.disclosure *
      (this.#traits.verbosity === 'chatty' ? 1 : this.#traits.verbosity === 'terse' ? 0.3 : 0.6);
    if (!this.#random.chance(rate)) return [];
    const direction = this.#random.chance(0.7) ? 'positive' : 'negative';
    const key = this.#undisclosed(direction);
    const acts = key === undefined ? [] : [this.#disclosure(key)];
    if (direction === 'negative' && this.#random.chance(DISLIKED_TITLE_SHARE)) {
      const disliked = this.#unsaidDisliked(key);
      if (disliked) acts.push(this.#itemDisclosure(disliked, 'negative'));
    }
    return acts;
  }

  /**
   * Reacts to recommended items (or, after `describe-item`, to the one described). Asked what they would change
   * (`invited`), the user critiques what they do not take whenever a critique is true of it, and, up to
   * {@link MAX_REFINEMENTS} times a dialogue, while patience lasts, refines a title they would settle for but not
   * rave about: "I like the idea of Heat, but maybe something less violent?" of a film they would have taken. That
   * costs no patience: it is the recommender's own question answered.
   */
  #judgeSlate(items: readonly string[], heard?: readonly string[], invited = false): UserAct[] {
    const described = heard !== undefined;
    const seen: string[] = [];
    const fresh: string[] = [];
    for (const item of items) (this.#profile.opinionOf(item) === 'unseen' ? fresh : seen).push(item);
    // Every title of the slate gets a word: one seen without strong feelings too ("Tintin was okay"), or the user
    // would pass over it in silence.
    const acts: UserAct[] = seen.map((item): UserAct => {
      this.#disclosed.add(`item:${item}`);
      const polarity = polarityOfOpinion(this.#profile.opinionOf(item)) as Polarity;
      const strength = polarity === 'neutral' ? 0 : round2(Math.abs(this.#profile.itemScore(item)));
      return { type: 'disclose', items: [item], polarity, strength };
    });
    // Said in the same turn as a critique that may follow: "Loved Casablanca. Double Indemnity is too old" is not said.
    for (const act of acts) if (act.type === 'disclose' && act.polarity === 'positive') this.#holdUp(act.items);
    if (fresh.length === 0) {
      acts.push({ type: 'reject', items: [...items], seen: true });
      return this.#unsatisfying(acts);
    }
    if (!described && ++this.#slates === 1 && this.#random.chance(FIRST_SLATE_DOUBT * this.#traits.pickiness)) {
      this.#doubted = new Set(items);
    }
    const utilities = fresh.map((item) => itemUtility(this.#catalog, item, this.#weights));
    const threshold = described ? this.#acceptAt - 0.1 : this.#acceptAt;
    // The temperature was checked with the simulator's options: no per-choice validation on this hot path.
    const choice = logitChoice(utilities, this.#random, this.#options.choiceTemperature, threshold);
    if (choice >= 0) {
      const item = fresh[choice] as string;
      const utility = utilities[choice] as number;
      if (utility >= threshold && this.#acceptable(item) && !this.#doubted?.has(item)) {
        const refined =
          invited &&
          this.#refinements < MAX_REFINEMENTS &&
          utility < threshold + REFINE_MARGIN &&
          this.#traits.patience - this.#unsatisfied > REFINE_PATIENCE
            ? this.#critique(item, () => true)
            : undefined;
        if (refined) {
          this.#refinements++;
          return [...acts, ...this.#asked(refined, fresh)];
        }
        this.#state = 'accepted';
        return [...acts, { type: 'accept', items: [item] }];
      }
      // Close to good enough and not yet asked about: learn more before deciding, unless asked what they would
      // change and something is.
      if (
        !described &&
        utility >= threshold - 0.15 &&
        this.#acceptable(item) &&
        !this.#askedAbout.has(item) &&
        !(invited && this.#critique(item, () => true))
      ) {
        this.#askedAbout.add(item);
        return [...acts, { type: 'ask-about-item', items: [item] }];
      }
    }
    const closest = choice >= 0 ? choice : utilities.indexOf(Math.max(...utilities));
    const item = fresh[closest] as string;
    // A title with something the user said they like is not turned down without a word on what it lacks: a horror fan's
    // "Suspiria? Nah." reads as not meaning it.
    const fits = this.#hasStatedLiking(item);
    // Told what a title is, the user can say what they heard that puts them off, a milder dislike too, as when asked
    // why: "The Witch? Too much of a mystery.", not "The Witch sounds close, but not quite", which says nothing. Asked
    // what they would change, they may name any milder dislike, as when asked why.
    const mild = heard !== undefined ? (key: string) => heard.includes(key) : invited ? () => true : undefined;
    const critique =
      invited || this.#random.chance(this.#options.critiqueRate) || fits ? this.#critique(item, mild) : undefined;
    // With nothing to say against it, such a title is asked about before it is turned down.
    if (!critique && fits && !described && !this.#askedAbout.has(item)) {
      this.#askedAbout.add(item);
      return [...acts, { type: 'ask-about-item', items: [item] }];
    }
    acts.push(...(critique ? this.#asked(critique, fresh) : [{ type: 'reject' as const, items: fresh, seen: false }]));
    // Asked what they would change, and with nothing to say against the title, they say what they would rather have
    // ("Not Paddington. I'm in the mood for heist films."), as when asked why, not only "close, but no".
    const instead = invited && !critique ? this.#ratherThan(item) : undefined;
    if (instead) acts.push(instead);
    return this.#unsatisfying(acts, seen, fresh);
  }

  /**
   * A critique as said: "like Cool Hand Luke, but not a drama" asks for nothing when drama is all the title is, so a
   * voiced dislike of an item's only genre turns the titles down with the dislike ("Not a fan of dramas. I'll pass.").
   */
  #asked(critique: ActOfType<'critique'>, items: readonly string[]): UserAct[] {
    const key = critique.attribute;
    if (key === undefined) return [critique];
    const genres = this.#catalog.attributeKeysOf(critique.items[0] as string).filter(isGenre);
    if (
      critique.direction !== 'less' ||
      !isGenre(key) ||
      genres.length > 1 ||
      this.#profile.affinity(key) > -VOICED_AFFINITY
    ) {
      this.#tell(key);
      return [critique];
    }
    const reject: UserAct = { type: 'reject', items: [...items], seen: false };
    // The dislike is the reason for every title it turns down ("Not into documentaries. Not High Noon." is not said):
    // with one of another genre among them, they are turned down without a word, which a question may draw out, and
    // the dislike stays the user's to tell.
    if (!items.every((item) => this.#catalog.carries(item, key))) return [reject];
    return [this.#disclosure(key), reject];
  }

  /**
   * What put the user off an item they turned down, when asked: what they would change ("Too violent for me."), or
   * nothing in particular, and then, if they have a liking left to say that the item lacks, that as what they would
   * rather have ("It's not Heat, really, it's me: I'm in the mood for heist films."). One that goes with what the
   * item is comes first, when it is liked at least half as much as the strongest: after Finding Nemo, talking animals
   * rather than prison films. The item must evidently lack it ({@link lacksEvidently}): not "I'd enjoy space movies"
   * of a Dune its data has no tags for.
   */
  #reasonAnswer(item: string): UserAct[] {
    const critique = this.#critique(item, () => true);
    if (critique) return this.#asked(critique, [item]);
    const instead = this.#ratherThan(item);
    return [{ type: 'reject', items: [item], seen: false }, ...(instead ? [instead] : [])];
  }

  /** A liking the user has not said yet that the item evidently lacks, said as what they would rather have. */
  #ratherThan(item: string): UserAct | undefined {
    const has = new Set<string>(this.#catalog.attributeKeysOf(item));
    const unsaid = this.#voiced.positive.filter((key) => !this.#disclosed.has(key) && !has.has(key));
    // Not one far weaker than the strongest, though, even when the strongest may be what the item is: "Had dramas in
    // mind, not Mad Max" from a user who barely cares for dramas, with westerns unsaid, is a made-up reason.
    const least = unsaid[0] === undefined ? 0 : this.#profile.affinity(unsaid[0]) * NEAR_LIKING_SHARE;
    const lacking = unsaid.filter(
      (key) => this.#profile.affinity(key) >= least && lacksEvidently(this.#catalog, item, key),
    );
    const liking = lacking.find((key) => commonNear(this.#catalog, item, key)) ?? lacking[0];
    return liking === undefined ? undefined : this.#disclosure(liking);
  }

  #holdUp(items: readonly string[]): void {
    for (const item of items) this.#heldUp.add(item);
  }

  /** Whether an item has an attribute the user has said they like. */
  #hasStatedLiking(item: string): boolean {
    return this.#voiced.positive.some((key) => this.#disclosed.has(key) && this.#catalog.carries(item, key));
  }

  /** An item the user could accept without contradicting itself: no attribute it dislikes. */
  #acceptable(item: string): boolean {
    for (const id of this.#catalog.attributeIdsOf(item))
      if ((this.#weights[id] as number) <= -VOICED_AFFINITY) return false;
    return true;
  }

  /** Counts an unsatisfying turn; past the persona's patience, the user gives up instead. */
  #unsatisfying(acts: UserAct[], seen: readonly string[] = [], fresh: readonly string[] = []): UserAct[] {
    this.#unsatisfied++;
    if (this.#unsatisfied < this.#traits.patience || this.#leaving) return acts;
    this.#state = 'gave-up';
    // What the user says of the last slate stays: their opinions, and that they had seen it all ("King Kong was
    // fantastic! Seen it already, though. I'll look elsewhere."), not their critique or request for more. Titles they
    // had seen among new ones are said to be seen too: "Loved A and B! Nothing's clicking." reads as turning down
    // what they loved. And the new ones are turned down: a user who leaves without a word on the film just offered
    // ("Zodiac (2007)?" — "I'm off.") seems not to have heard it. Opinions, then seen, then new: "seen it, though"
    // follows the opinion it is set against.
    // A dislike that turns the new ones down goes with them: "Loved A. Seen it, though. Not into dramas, so not B."
    const kept: UserAct[] = acts.filter((a) => a.type === 'disclose' && a.attribute === undefined);
    const against = acts.filter((a) => a.type === 'disclose' && a.attribute !== undefined);
    const rejected = (wasSeen: boolean) => acts.find((a) => a.type === 'reject' && a.seen === wasSeen);
    const seenRejected =
      rejected(true) ?? (seen.length > 0 ? { type: 'reject', items: [...seen], seen: true } : undefined);
    const freshRejected =
      rejected(false) ?? (fresh.length > 0 ? { type: 'reject', items: [...fresh], seen: false } : undefined);
    if (seenRejected) kept.push(seenRejected);
    kept.push(...against);
    if (freshRejected) kept.push(freshRejected);
    return [...kept, { type: 'give-up', items: [] }];
  }

  /**
   * The critique that most separates an item from the user's taste: its most disliked attribute ("less horror"),
   * else the user's strongest liking it lacks that the titles most like it often have ("like Rear Window, but more
   * noir", not "like Goodfellas, but animated"), never a genre that is how items are made ("like Clueless, but
   * animated"), else its age against the user's liked films. Praise is never the attribute held against it ("less
   * visually stunning"). Asked why they turned it down, or told what it is, a user also names a milder dislike of an
   * attribute `mild` admits (any when asked; those described), one they have not spoken of. The attribute counts as
   * said only once {@link #asked} says it.
   */
  #critique(item: string, mild?: (key: string) => boolean): ActOfType<'critique'> | undefined {
    let worst: string | undefined;
    let worstValue = mild ? -MILD_DISLIKE : -VOICED_AFFINITY;
    // An item's keys and ids go together, and the weights hold the affinities by id: no key is hashed here.
    const keys = this.#catalog.attributeKeysOf(item);
    const ids = this.#catalog.attributeIdsOf(item);
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at] as string;
      const value = this.#weights[ids[at] as number] as number;
      if (
        value <= worstValue &&
        (value <= -VOICED_AFFINITY ? this.#holdable(key) : mild?.(key) && this.#mayVoice('negative', key))
      ) {
        worst = key;
        worstValue = value;
      }
    }
    if (worst !== undefined) {
      return { type: 'critique', items: [item], attribute: worst, direction: 'less', polarity: 'negative' };
    }
    // `carries` for the few keys that get this far, rather than a set of all the item's keys for every critique.
    const wanted = this.#voiced.positive.find(
      (key) =>
        this.#profile.affinity(key) >= WANTED_AFFINITY &&
        !this.#catalog.carries(item, key) &&
        !this.#settled.has(key) &&
        isGenre(key) &&
        !isMedium(this.#catalog, key) &&
        commonNear(this.#catalog, item, key) &&
        keepsStoryLine(this.#catalog, item, key),
    );
    if (wanted !== undefined) {
      return { type: 'critique', items: [item], attribute: wanted, direction: 'more', polarity: 'positive' };
    }
    const year = this.#catalog.get(item)?.year;
    const direction = year === undefined ? undefined : this.#eraAgainst(year, item);
    if (year !== undefined && direction !== undefined) {
      // Not "too old" of one title and "too new" of the next: a user who asked for one direction keeps to it.
      if (this.#eraAsked !== undefined && this.#eraAsked !== direction) return undefined;
      // Nor "too old" of Double Indemnity (1944) after asking for something like The Big Sleep (1946).
      const ofItsTime = (held: number) => (direction === 'newer' ? held <= year + ERA_SLACK : held >= year - ERA_SLACK);
      for (const held of this.#heldUp) {
        const heldYear = this.#catalog.get(held)?.year;
        if (heldYear !== undefined && ofItsTime(heldYear)) return undefined;
      }
      this.#eraAsked = direction;
      return { type: 'critique', items: [item], direction, polarity: 'negative' };
    }
    return undefined;
  }

  #heldUpCarries(key: string): boolean {
    for (const item of this.#heldUp) if (this.#catalog.carries(item, key)) return true;
    return false;
  }

  /**
   * Whether a title of this year is too old ('newer' wanted) or too new ('older') for the user: well away from the
   * middle of the years of the titles they like, and beyond nearly all of them; and not of a kind they said they
   * like that belongs to the era it would be turned from (see {@link #lovesItsEra}).
   */
  #eraAgainst(year: number, item: string): 'newer' | 'older' | undefined {
    this.#likedYears ??= this.#profile.liked
      .map(({ item }) => this.#catalog.get(item)?.year)
      .filter((liked): liked is number => liked !== undefined)
      .sort((a, b) => a - b);
    const years = this.#likedYears;
    if (years.length === 0) return undefined;
    const median = years[Math.floor(years.length / 2)] as number;
    const outliers = Math.floor(years.length * ERA_OUTLIERS);
    let direction: 'newer' | 'older' | undefined;
    if (median - year >= RECENCY_GAP_YEARS && year < (years[outliers] as number)) direction = 'newer';
    else if (year - median >= RECENCY_GAP_YEARS && year > (years[years.length - 1 - outliers] as number))
      direction = 'older';
    if (direction === undefined || this.#lovesItsEra(item, direction, median)) return undefined;
    return direction;
  }

  /**
   * Whether the item is of a kind the user said they like that belongs to the era the critique would turn from:
   * "I just love film noir" is not followed by "like Double Indemnity, but more modern?".
   */
  #lovesItsEra(item: string, direction: 'newer' | 'older', median: number): boolean {
    return this.#voiced.positive.some((key) => {
      if (!this.#disclosed.has(key) || !this.#catalog.carries(item, key)) return false;
      const era = attributeMedianYear(this.#catalog, key);
      if (era === undefined) return false;
      return direction === 'newer' ? median - era >= ERA_OF_A_KIND : era - median >= ERA_OF_A_KIND;
    });
  }
}

function isGenre(key: string): boolean {
  return parseAttributeKey(key)?.facet === 'genre';
}

/** Whether a genre is how items are made (see {@link genreIsMedium}): "like Clueless, but animated" is another film. */
function isMedium(catalog: ItemCatalog, key: string): boolean {
  const parsed = parseAttributeKey(key);
  return parsed !== undefined && genreIsMedium(parsed.value, domainPhrasing(catalog));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The drawn traits with those the profile sets in their place, in the drawn order: one object, not two spreads. */
function withTraits(drawn: FullPersona, given: Persona | undefined): FullPersona {
  if (given === undefined) return drawn;
  const traits = drawn as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (given[key as keyof Persona] !== undefined) traits[key] = given[key as keyof Persona];
  return drawn;
}

interface Voiced {
  readonly key: string;
  readonly value: number;
}

/**
 * The user's taste as the simulator reads it, in one pass over the affinities (a user is built for every dialogue):
 * its affinities as weights by dense attribute id (for `itemUtility`), and the catalog's attributes the user has a view
 * of strong enough to voice, strongest first (ties by key, as `topAffinities` orders them), only those sorted.
 */
function readTaste(
  profile: PreferenceProfile,
  catalog: ItemCatalog,
): { voiced: { positive: readonly string[]; negative: readonly string[] }; weights: Float64Array } {
  const { affinities } = profile;
  const weights = new Float64Array(catalog.attributeKeyCount);
  const positive: Voiced[] = [];
  const negative: Voiced[] = [];
  for (const key of Object.keys(affinities)) {
    const value = affinities[key] as number;
    const id = catalog.attributeIdOf(key);
    if (id === undefined) continue;
    weights[id] = value;
    if (Math.abs(value) < VOICED_AFFINITY) continue;
    (value > 0 ? positive : negative).push({ key, value });
  }
  positive.sort((a, b) => b.value - a.value || byKey(a, b));
  negative.sort((a, b) => a.value - b.value || byKey(a, b));
  return { voiced: { positive: positive.map(({ key }) => key), negative: negative.map(({ key }) => key) }, weights };
}

function byKey(a: Voiced, b: Voiced): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
