import { z } from 'zod';
import { parseAttributeKey } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { saidAlike } from '../catalog/said-alike.js';
import type { ActOfType, AssistantAct, UserAct } from '../dialogue/dialogue-acts.js';
import { attributePhrase } from '../lexicon/attribute-phrases.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';
import type { SeededRandom } from '../random/seeded-random.js';
import { parseOptions } from '../validation/parse-options.js';
import { type CatalogIndex, catalogIndex, type FacetKind, facetsByKind } from './catalog-index.js';
import { attributeLikeness, GENRE_LIKENESS } from './item-likeness.js';
import { kthLargest } from './kth-largest.js';
import { questionSalience } from './question-salience.js';
import type { PolicyContext, PolicyTurn, RecommenderPolicy, RecommenderPolicyFactory } from './recommender-policy.js';
import { seriesRuns } from './series-runs.js';

/** Presets for the mix of elicitation and recommendation. */
export const POLICY_STYLES = {
  /** Two or three questions, then recommendations; sometimes another question after a miss. */
  balanced: {
    /** Questions before the first recommendation, as [min, max]. */
    questions: [2, 3],
    /** Probability of asking another question after a recommendation misses. */
    questionAfterMiss: 0.3,
    /** Probability of asking, once a dialogue, what put the user off a title turned down without a reason. */
    reasonAfterMiss: 0.4,
    /** Probability that a recommendation asks what the user would change about it. */
    inviteCritique: 0,
  },
  /** Four to six questions before recommending, and often more after a miss: elicitation-heavy data. */
  'elicitation-heavy': {
    /** Questions before the first recommendation, as [min, max]. */
    questions: [4, 6],
    /** Probability of asking another question after a recommendation misses. */
    questionAfterMiss: 0.6,
    /** Probability of asking, once a dialogue, what put the user off a title turned down without a reason. */
    reasonAfterMiss: 0.5,
    /** Probability that a recommendation asks what the user would change about it. */
    inviteCritique: 0,
  },
  /**
   * At most one question, then recommendations refined by critiques: most slates ask what the user would change, and
   * a user asked so refines even a title they would settle for.
   */
  'critiquing-heavy': {
    /** Questions before the first recommendation, as [min, max]. */
    questions: [0, 1],
    /** Probability of asking another question after a recommendation misses. */
    questionAfterMiss: 0,
    /** Probability of asking, once a dialogue, what put the user off a title turned down without a reason. */
    reasonAfterMiss: 0.6,
    /** Probability that a recommendation asks what the user would change about it. */
    inviteCritique: 0.75,
  },
} as const satisfies Record<
  string,
  {
    questions: readonly [number, number];
    questionAfterMiss: number;
    reasonAfterMiss: number;
    inviteCritique: number;
  }
>;

/** A policy style: one of {@link POLICY_STYLES}. */
export type PolicyStyle = keyof typeof POLICY_STYLES;

const Range = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

/** Options of the default recommender; every field has a default. */
export const BeliefPolicyOptionsSchema = z.strictObject({
  /**
   * The mix of questions and recommendations.
   * @default 'balanced'
   */
  style: z.enum(Object.keys(POLICY_STYLES) as [PolicyStyle, ...PolicyStyle[]]).default('balanced'),
  /** Questions before the first recommendation, as [min, max]; overrides the style's. */
  questions: Range.optional(),
  /** Probability of asking another question after a recommendation misses; overrides the style's. */
  questionAfterMiss: z.number().min(0).max(1).optional(),
  /**
   * Probability of asking what put the user off a title they turned down without saying why ("What didn't work for
   * you about Heat?"), at most once a dialogue; overrides the style's.
   */
  reasonAfterMiss: z.number().min(0).max(1).optional(),
  /**
   * Probability that a recommendation (other than one said with the goodbye) asks what the user would change about
   * it (`invitesCritique`: "Think of this as a starting point: tell me what you'd change."), times 0.7 for each one
   * that has asked already, so that the question does not end every slate; a user asked so says what would make even a
   * title they would settle for better; overrides the style's (critiquing-heavy 0.75, else 0).
   */
  inviteCritique: z.number().min(0).max(1).optional(),
  /**
   * Items per recommendation, as [min, max] within 1–3.
   * @default [1, 3]
   */
  slateSize: z.tuple([z.number().int().min(1).max(3), z.number().int().min(1).max(3)]).default([1, 3]),
  /**
   * Facets the recommender asks about.
   * @default the catalog's facets its domain phrasing calls genre, tag, creator and performer, in that order (movies:
   * genre, tag, director, cast; books: genre, tag, author); every facet of the catalog when its phrasing names none
   */
  questionFacets: z.array(z.string().min(1)).optional(),
  /**
   * How many top candidates the value of a question is measured on.
   * @default 40
   */
  candidatePool: z.number().int().min(2).default(40),
  /**
   * Weight of how well known an item is in its score, when the catalog has popularity: real recommenders lean
   * towards what people know. Popularity counts on a log scale (0–1, relative to the most popular item's), so that
   * a film thirty people rated stands above one a single person did, as a blockbuster does above it.
   * @default 0.25
   */
  popularityWeight: z.number().min(0).default(0.25),
  /**
   * Weight of how far an item's quality (0–1, `Item.quality`: how well rated it is) falls below the mean of the
   * catalog's, taken off its score when the catalog has quality: a recommender does not pitch a film its raters
   * panned (a MovieLens mean of 1.5 stars) to a fan of its genre. Items rated above the mean get nothing extra, so
   * slates do not all narrow to the best rated.
   * @default 2
   */
  qualityWeight: z.number().min(0).default(2),
  /**
   * How far each dialogue's recommender leans its own way: every item gets a score of up to this much, drawn once a
   * dialogue, as two people asked for a drama would each name their own. In the units of `popularityWeight`: 0.12 is
   * about half of what the best-known item gets for it. 0 ranks by what the user said, renown and ratings alone, and
   * users who say the same are offered the same titles (with 0.02, before 0.55.0, 15% of MovieLens users in the
   * critiquing-heavy style were first offered The Shawshank Redemption). A fifth of it applies in answer to "like A,
   * but …", where closeness to A is what the user asked for.
   * @default 0.12
   */
  variety: z.number().min(0).default(0.12),
  /**
   * How far slates lean away from well-known items once the user has said they have seen suggested ones ("Seen it.
   * Anything I haven't?"), from 0 (not at all) to 1: an item's positive score is multiplied by one minus this weight
   * times its estimated chance of being seen already. That chance is its relative popularity (0–1) times the number
   * of suggested titles the user had seen per unit of the popularity suggested (plus one, so that one seen title is
   * a hint, not proof), at most 1. A user who has seen every blockbuster offered is then offered lesser-known titles,
   * while one who has seen none of them is not.
   * @default 0.5
   */
  seenWeight: z.number().min(0).max(1).default(0.5),
  /**
   * Item questions ("Have you seen …?") are about one of this many most popular items.
   * @default 300
   */
  askablePool: z.number().int().min(1).default(300),
  /**
   * On a catalog with no `series` facet, read series from its titles ("Toy Story 2" after "Toy Story", "Kill Bill:
   * Vol. 2" after "Vol. 1"; see the dialogues guide), so that a later one waits until the user knows the one
   * before. Turn it off for a catalog whose titles only look like sequels; a catalog with the facet is always taken
   * at its word.
   * @default true
   */
  seriesFromTitles: z.boolean().default(true),
});

/** Options of the default recommender as accepted from callers. */
export type BeliefPolicyOptions = z.input<typeof BeliefPolicyOptionsSchema>;
type Resolved = z.output<typeof BeliefPolicyOptionsSchema>;

// Evidence weights: what the user says about an attribute outweighs what can be inferred from one film.
const STATED_WEIGHT = 4;
const ITEM_WEIGHT = 1;
const MISS_WEIGHT = 0.5;
// Popularity added to what was suggested when estimating the user's seen titles per unit of it (see `seenWeight`):
// one title seen of a single suggestion is a hint (a rate of 1/2 for a title of popularity 1), not proof (1).
const SEEN_PRIOR = 1;
// How many of each facet's most common attributes are worth asking about when nothing better is.
const COMMON_PER_FACET = 12;
// How much a dialogue's own taste in questions may scale an attribute's value (×e^-2 to ×e^2, log-uniform): near-ties
// between questions break differently from dialogue to dialogue, and the catalog's most common genre, which splits
// almost any set of candidates, is asked in a minority of dialogues rather than in most.
const QUESTION_SPREAD = 4;
// Per attribute shared with a critiqued item (what the user did not critique): "like A, but …" stays near A.
const LIKE_WEIGHT = 0.3;
// The share of a dialogue's lean (`variety`) kept in answering "like A, but …": closeness to A is what the user asked
// for, and a lean as large as one shared attribute's weight would trade it for the recommender's own taste.
const LEAN_NEAR_LIKE = 0.2;
// What each invitation to critique leaves of the chance of the next: three in one dialogue read as a tic.
const INVITE_DECAY = 0.7;
// Added to the score of the item the user said, when asked, they had not seen: it was asked about because it fits.
const UNSEEN_ASKED_WEIGHT = 0.5;
// "Newer than A" and "older than A" are met a decade apart when anything left is: "more recent than Rear Window
// (1954)" is not Vertigo (1958).
const ERA_GAP = 10;
// And no more than this far when anything left is: "older than The Hill We Climb (2021)" is not Leaves of Grass.
const ERA_SPAN = 30;
// "Newer" moves at least this share of the way from A to the catalog's newest year: "more modern than Frankenstein
// (1818)" is of the 1920s on, not Dracula (1897), and newer than Pinocchio (1940) is from the 1980s on, while newer
// than Heat (1995) may be fifteen years on. A quarter of the way had 35 of 484 answers found too old in turn (9,000
// dialogues of three catalogs); half the way, 1 of 447. The span grows with it, to twice the gap.
const NEWER_SHARE = 0.5;
// A stated liking at least this strong ("I love film noir") is not left for a later slate when the one it answers
// now has nothing of it: it gets its own part of the slate (see #splitSlate). In the first slate, one at least as
// strong as FIRST_SLATE_LIKING from an earlier turn does ("I quite like literary fiction" does not).
const FIRST_SLATE_LIKING = 0.35;
const STRONG_LIKING = 0.7;

// The share of the chances to recommend from a title the user said they liked that do ("Since you liked Heat, …").
const LIKE_TITLE_RATE = 0.6;

// Items this many years or fewer from a critiqued item count as sharing a genre more with it (see #constraintOf).
const SAME_TIME = 15;

type Critique = Extract<UserAct, { type: 'critique' }>;

/** A critique of an item's time: its year, and the years that honour it (one year off, at least). */
interface Era {
  readonly year: number;
  minYear: number;
  maxYear: number;
  /** How far from `year` a slate is sought first (see {@link ERA_SPAN}). */
  readonly span: number;
}

/** A slate, and the asks of earlier critiques it had to drop (attribute keys). */
interface KeptSlate {
  readonly slate: ActOfType<'recommend'>;
  readonly dropped: string[];
}

/** An attribute the user has just said they like, and how strongly. */
interface StatedLiking {
  readonly key: string;
  readonly strength: number;
}

/** What the next slate must honour: only items carrying an attribute (`among`), and closeness to an item. */
interface SlateConstraint {
  /** Catalog positions of the only items allowed ("more X": the items that carry X). */
  among?: Int32Array;
  /** A liking the user has just stated, which `among` carries: the first reason given. */
  heeds?: string;
  /**
   * Per catalog position, how alike the item is to the critiqued item: the attributes they share (the critiqued one
   * aside), a genre counting {@link GENRE_LIKENESS} times, less one for each genre it has that the critiqued item
   * lacks (an animated family film is less like Mad Max than a horror film that shares as much with it).
   */
  like?: Int16Array;
  /**
   * Per catalog position, which of the critiqued item's genres (the critiqued one aside, the one fewest items have
   * first) is the first the item has, {@link NO_GENRE} for none. Only the candidates of the first genre any of them
   * has are kept, so that the slate keeps what the item most is: "scarier than Pulp Fiction" is a crime film (The
   * Silence of the Lambs), not any horror film that shares its comedy (Scream). A candidate with none of them is not
   * like the item at all: with only such candidates left, the critique has no answer.
   */
  keeps?: Uint8Array;
  /**
   * Per catalog position, 1 for an item with a liking the user stated: of the items `keeps` and closeness to the
   * critiqued item leave, only those. "Like Metropolis, but less sci-fi" from a fan of silent films is another silent
   * film, not Citizen Kane: a critique changes one thing, not all the user said they like.
   */
  liked?: Uint8Array;
  /**
   * Closeness to the critiqued item (`like`) only orders the items, rather than keeping the closer half of them: with
   * `liked`, a liking the critiqued item was suggested for comes before closeness to it. "Like It's a Wonderful Life,
   * but less romantic" to a user in the mood for Christmas films is The Nightmare Before Christmas, not The Seventh
   * Seal, which is closer to it but sets the Christmas films aside.
   */
  loose?: boolean;
  /**
   * Items count whatever their raters made of them (no `qualityWeight`): the candidates a question is weighed on
   * stand for the user's taste, not for what is worth offering.
   */
  anyRating?: boolean;
}

/** What the recommender may ask about in a catalog: the same for every dialogue with the same options. */
interface QuestionPlan {
  /** The question facets the catalog has. */
  facets: readonly string[];
  /** The facets an item's description names, how many values of each, and which go first past that many. */
  describe: readonly DescribedFacet[];
  /** 1 for each attribute id in one of those facets. */
  inQuestionFacets: Uint8Array;
  /**
   * 1 for each attribute id that is no topic for a question: a tag no one would say aloud ("seen at the cinema 2015"),
   * which 'Any strong feelings about movies tagged "…"?' would read as a form, not a person.
   */
  unsayable: Uint8Array;
  /** Per attribute id, how likely a user is to have a view on it (see {@link questionSalience}). */
  salience: Float64Array;
  /** Per attribute id, what sharing it with a critiqued item counts for (see {@link SlateConstraint.like}). */
  likeness: Uint8Array;
  /** 1 for each attribute id of a genre facet. */
  genre: Uint8Array;
  /** 1 for each attribute id that names a person: a maker or a performer. */
  person: Uint8Array;
  /** Per catalog position, how many genres the item has. */
  genreCount: Uint8Array;
  /** Each facet's most common attributes, asked about when nothing better is. */
  commonAttributes: ReadonlyArray<{ key: string; id: number }>;
  /** The year of the catalog's newest dated item (-Infinity when none is dated). */
  newestYear: number;
  /** Catalog positions of the items that may be asked about ("Have you seen …?"). */
  askable: readonly number[];
  /**
   * Per catalog position, 1 for a later volume of a series (A Feast for Crows, the fourth of A Song of Ice and Fire),
   * and the positions of the volumes after and before each (-1 for none); undefined when the catalog has no series.
   */
  series: { later: Uint8Array; next: Int32Array; previous: Int32Array } | undefined;
  /** 1 for each of those positions. */
  isAskable: Uint8Array;
  /**
   * Scratch for #question: counts per attribute id, and the ids counted, in the order met. Dialogues can share them:
   * each use fills them and zeroes the counts again without yielding.
   */
  share: Float64Array;
  present: Int32Array;
  /**
   * Scratch for #rank, per catalog position: eligible items' scores and positions, a copy to select in, and the best
   * candidates found, best first (`topPositions`, `topScores`), which callers read before ranking again.
   */
  rank: {
    scores: Float64Array;
    positions: Int32Array;
    select: Float64Array;
    topPositions: Int32Array;
    topScores: Float64Array;
  };
  /**
   * Per-dialogue arrays of finished dialogues (see {@link releasePolicy}), for the next to zero and reuse: allocating
   * them afresh for every dialogue, tens of KiB outside the heap, cost more than most of a dialogue's decisions.
   */
  spare: DialogueArrays[];
}

/** The per-dialogue arrays of a recommender, in one buffer (see {@link BeliefRecommender}). */
interface DialogueArrays {
  readonly buffer: ArrayBuffer;
  readonly bytes: Uint8Array;
}

// What the recommender asks about, by the kind of facet: the same for films (director, cast) and books (author).
const QUESTION_KINDS = ['genre', 'tag', 'creator', 'performer'] as const;
// What describing an item names, and how many values of each: its themes too, so that "What's it about?" gets more
// than its genre and who made it.
const DESCRIBED: readonly DescribedFacet<FacetKind>[] = [
  // Four genres, and of more the rarest: catalogs list genres alphabetically, so the one that defines an item is often
  // late ("Action, Drama, Thriller, War"), and of Inception's six the first three left out sci-fi. A genre few items
  // share says more of the one that has it than drama or action does.
  { facet: 'genre', count: 4, rarestFirst: true },
  // Every maker, as far as two: True Grit is by Joel and Ethan Coen, not by one of them. Makers, cast and tags come in
  // the catalog's order, which is billing order and, for tags, how often they were given.
  { facet: 'creator', count: 2 },
  { facet: 'performer', count: 2 },
  { facet: 'tag', count: 2 },
];

/** A facet a description names: at most `count` of its values, the rarest in the catalog first when `rarestFirst`. */
interface DescribedFacet<Facet extends string = string> {
  readonly facet: Facet;
  readonly count: number;
  readonly rarestFirst?: boolean;
}

// From this many ranked items on, #rank finds the cut-off score before it sorts.
const SELECT_FROM = 8;

function describedFacets(catalog: ItemCatalog): readonly DescribedFacet[] {
  const phrased = domainPhrasing(catalog).facets;
  const named = DESCRIBED.flatMap((described) =>
    Object.entries(phrased)
      .filter(([, facet]) => facet.kind === described.facet)
      .map(([name]) => ({ ...described, facet: name })),
  );
  return named.length > 0 ? named : [...catalogIndex(catalog).facets].map((facet) => ({ facet, count: 2 }));
}

/**
 * Per position, whether it is a later volume of a series and the volumes after and before it; undefined for a
 * catalog with no series (see `seriesRuns`).
 */
function seriesOrder(catalog: ItemCatalog, fromTitles: boolean): QuestionPlan['series'] {
  const index = catalogIndex(catalog);
  const runs = seriesRuns(catalog, fromTitles);
  if (runs.length === 0) return undefined;
  const later = new Uint8Array(index.ids.length);
  const next = new Int32Array(index.ids.length).fill(-1);
  const previous = new Int32Array(index.ids.length).fill(-1);
  for (const positions of runs) {
    for (let i = 1; i < positions.length; i++) {
      later[positions[i] as number] = 1;
      next[positions[i - 1] as number] = positions[i] as number;
      previous[positions[i] as number] = positions[i - 1] as number;
    }
  }
  return { later, next, previous };
}

function questionPlan(catalog: ItemCatalog, options: Resolved): QuestionPlan {
  const index = catalogIndex(catalog);
  const facets = (options.questionFacets ?? facetsByKind(catalog, QUESTION_KINDS)).filter((facet) =>
    index.facets.has(facet),
  );
  const { weights: likeness, genre } = attributeLikeness(catalog);
  const personFacets = facetsByKind(catalog, ['creator', 'performer']);
  const person = Uint8Array.from(index.attributeFacet, (facet) => (personFacets.includes(facet) ? 1 : 0));
  // Asking about an obscure film teaches nothing: the user has almost surely not seen it.
  const askable = catalog.mostPopular(options.askablePool).map((item) => index.position.get(item.id) as number);
  const isAskable = new Uint8Array(index.ids.length);
  for (const position of askable) isAskable[position] = 1;
  const phrasing = domainPhrasing(catalog);
  const tagFacets = facetsByKind(catalog, ['tag']);
  const inQuestionFacets = Uint8Array.from(index.attributeFacet, (facet) => (facets.includes(facet) ? 1 : 0));
  return {
    facets,
    describe: describedFacets(catalog),
    inQuestionFacets,
    unsayable: Uint8Array.from(index.attributeFacet, (facet, id) =>
      inQuestionFacets[id] === 1 &&
      tagFacets.includes(facet) &&
      !attributePhrase(catalog.attributeKeyAt(id), phrasing).sayable
        ? 1
        : 0,
    ),
    salience: questionSalience(catalog, genre),
    likeness,
    genre,
    person,
    genreCount: Uint8Array.from(index.attributeIds, (ids) =>
      ids.reduce((count, id) => count + (genre[id] as number), 0),
    ),
    commonAttributes: facets.flatMap((facet) => (index.byFacet.get(facet) ?? []).slice(0, COMMON_PER_FACET)),
    // An unknown year is NaN, which Math.max would return.
    newestYear: index.years.reduce((newest, year) => (Number.isNaN(year) ? newest : Math.max(newest, year)), -Infinity),
    askable,
    isAskable,
    series: seriesOrder(catalog, options.seriesFromTitles),
    share: new Float64Array(catalog.attributeKeyCount),
    present: new Int32Array(catalog.attributeKeyCount),
    rank: {
      scores: new Float64Array(index.ids.length),
      positions: new Int32Array(index.ids.length),
      select: new Float64Array(index.ids.length),
      topPositions: new Int32Array(index.ids.length),
      topScores: new Float64Array(index.ids.length),
    },
    spare: [],
  };
}

/**
 * The default recommender. It keeps a belief over the user's attribute affinities (a mean and an amount of
 * evidence per attribute) built only from what the user said; asks the question worth most — the attribute it is
 * least sure about that best splits its current candidates, or an item that does; recommends the unshown items
 * of highest believed utility; moves along critiqued attributes; and closes on acceptance.
 */
class BeliefRecommender implements RecommenderPolicy {
  readonly #catalog: ItemCatalog;
  readonly #index: CatalogIndex;
  // The buffer the per-dialogue arrays below are views of, handed back to the plan when the dialogue is over.
  readonly #arrays: DialogueArrays;
  #released = false;
  readonly #random: SeededRandom;
  readonly #options: Resolved;
  readonly #plan: QuestionPlan;
  readonly #mean: Float64Array;
  readonly #evidence: Float64Array;
  // Per item, kept up to date as the belief moves: the sum of its attributes' believed means, and whether it carries
  // an avoided attribute. Ranking then reads one number per item instead of re-adding its attributes every turn.
  readonly #itemSum: Float64Array;
  readonly #itemAvoided: Uint8Array;
  // Per item, this dialogue's lean towards it (`variety`), drawn on first use: varied rankings without a draw per item
  // per turn.
  readonly #jitter: Float64Array;
  #jitterDrawn = false;
  // Per attribute, this dialogue's weight on asking about it, drawn on first use (0 = not drawn yet).
  readonly #questionWeight: Float64Array;
  // #rank's result, the best candidates best first, as catalog positions and their scores: the plan's scratch, shared
  // by the catalog's dialogues, since every caller reads it before it ranks again, without yielding.
  readonly #topPositions: Int32Array;
  readonly #topScores: Float64Array;
  readonly #statedPositive = new Set<string>();
  // Whether any slate has been shown: the first answers every liking said so far (see #recommendHeeding).
  #suggested = false;
  // Titles the user said they liked, oldest first, not yet tried as what a slate is like (see #likeSlate and the
  // first slate's #favouriteAside).
  readonly #likedTitles: string[] = [];
  // Likings the user stated that no slate has answered yet (no slate whose every item carries one), oldest first.
  #unserved: StatedLiking[] = [];
  // The likings of the user's last turn.
  #statedNow: readonly StatedLiking[] = [];
  readonly #asked = new Set<string>();
  // Catalog positions of the items asked about ("Have you seen …?").
  readonly #askedItems = new Set<number>();
  // The items suggested so far, the sum of their relative popularity, and how many of them the user had seen: how
  // much of what is well known this user has seen (see `seenWeight`).
  readonly #offered = new Set<string>();
  #offeredPopularity = 0;
  #offeredSeen = 0;
  // The reasons each suggestion was given for: what "like it, but …" keeps first.
  readonly #pitchedFor = new Map<string, readonly string[]>();
  // The likings said to be set aside for an answer to a critique: said once a dialogue.
  readonly #setAside = new Set<string>();
  // The catalog position of the last item asked about that the user had not seen; -1 for none.
  #unseenAsked = -1;
  // Items never to recommend (shown, seen, rejected, disliked, asked about, or a volume before one the user knows),
  // by catalog position.
  readonly #excluded: Uint8Array;
  // Later volumes of a series not to recommend yet: the user has not said they know the volume before.
  readonly #waiting: Uint8Array;
  readonly #doNotAsk: ReadonlySet<string>;
  readonly #plannedQuestions: number;
  readonly #questionAfterMiss: number;
  readonly #reasonAfterMiss: number;
  readonly #inviteCritique: number;
  // How many slates have asked what the user would change.
  #invited = 0;
  // The title asked about with `ask-reason`, at most one a dialogue; its answer turning it down again is no new miss.
  #reasonAsked: string | undefined;
  // Attribute ids the user asked more of, oldest first: every later slate keeps them while some item can, so critiques
  // add up ("more thrilling", then "more family-friendly": thrilling and family-friendly) instead of undoing each other.
  readonly #wanted: number[] = [];
  #questionsAsked = 0;
  #minYear = -Infinity;
  #maxYear = Infinity;
  // The last critique of an era: the year it moves from, and its bounds at a year's distance, for when a decade's
  // leave nothing.
  #era: Era | undefined;

  constructor(context: PolicyContext, options: Resolved, plan: QuestionPlan) {
    this.#catalog = context.catalog;
    this.#random = context.random;
    this.#doNotAsk = context.doNotAsk ?? new Set();
    this.#options = options;
    this.#plan = plan;
    this.#index = catalogIndex(context.catalog);
    const attributes = context.catalog.attributeKeyCount;
    const items = this.#index.ids.length;
    // One zeroed buffer for all the per-dialogue arrays, a finished dialogue's when there is one: each typed-array
    // allocation costs microseconds, and a dialogue's own work is only tens of them.
    const floatCount = 3 * attributes + 2 * items;
    let arrays = plan.spare.pop();
    if (arrays) arrays.bytes.fill(0);
    else {
      const buffer = new ArrayBuffer(8 * floatCount + 3 * items);
      arrays = { buffer, bytes: new Uint8Array(buffer) };
    }
    this.#arrays = arrays;
    const floats = new Float64Array(arrays.buffer, 0, floatCount);
    this.#mean = floats.subarray(0, attributes);
    this.#evidence = floats.subarray(attributes, 2 * attributes);
    this.#questionWeight = floats.subarray(2 * attributes, 3 * attributes);
    this.#itemSum = floats.subarray(3 * attributes, 3 * attributes + items);
    this.#jitter = floats.subarray(3 * attributes + items);
    const flags = arrays.bytes.subarray(floats.byteLength);
    this.#excluded = flags.subarray(0, items);
    this.#itemAvoided = flags.subarray(items, 2 * items);
    this.#waiting = flags.subarray(2 * items);
    this.#topPositions = plan.rank.topPositions;
    this.#topScores = plan.rank.topScores;
    if (plan.series) this.#waiting.set(plan.series.later);
    const style = POLICY_STYLES[options.style];
    const [min, max] = options.questions ?? style.questions;
    this.#plannedQuestions = this.#random.int(Math.min(min, max), Math.max(min, max));
    this.#questionAfterMiss = options.questionAfterMiss ?? style.questionAfterMiss;
    this.#reasonAfterMiss = options.reasonAfterMiss ?? style.reasonAfterMiss;
    this.#inviteCritique = options.inviteCritique ?? style.inviteCritique;
  }

  /** Hands the per-dialogue arrays to the catalog's next dialogue: this recommender is not asked again. */
  release(): void {
    // Once only: handed back twice, one buffer would serve two dialogues at once.
    if (this.#released) return;
    this.#released = true;
    this.#plan.spare.push(this.#arrays);
  }

  next(turn: PolicyTurn): AssistantAct[] {
    const acts = this.#decide(turn);
    for (const act of acts)
      if (act.type === 'recommend') for (const item of act.items) this.#pitchedFor.set(item, act.reasons);
    // Drawn only in a style that invites at all, so that the others' dialogues stay as they were. Not with a goodbye:
    // "Tell me what you'd change" then asks for an answer nobody will hear.
    const slate = this.#inviteCritique > 0 && !turn.last ? acts.findLast((act) => act.type === 'recommend') : undefined;
    if (slate && this.#random.chance(this.#inviteCritique * INVITE_DECAY ** this.#invited)) {
      slate.invitesCritique = true;
      this.#invited++;
    }
    return acts;
  }

  #decide(turn: PolicyTurn): AssistantAct[] {
    if (turn.index === 0) return [{ type: 'greet', items: [] }, this.#opening()];
    let accepted: string | undefined;
    let askedAbout: string | undefined;
    let critique: Critique | undefined;
    let missed = false;
    // The one title the user turned down without a word on why ("Not for me."), if that is what they did.
    let bare: string | undefined;
    let unseen: string | undefined;
    const stated: StatedLiking[] = [];
    for (const act of turn.userActs) {
      this.#observe(act);
      if (act.type === 'disclose' && act.polarity === 'positive' && act.attribute !== undefined)
        stated.push({ key: act.attribute, strength: act.strength });
      else if ((act.type === 'disclose' || (act.type === 'answer-item' && act.seen)) && act.polarity === 'positive')
        this.#likedTitles.push(...act.items);
      else if (act.type === 'accept') accepted = act.items[0];
      else if (act.type === 'give-up') return [{ type: 'close', items: [] }];
      else if (act.type === 'ask-about-item') askedAbout = act.items[0];
      else if (act.type === 'critique') critique = act;
      else if (act.type === 'reject' && !(act.items.length === 1 && act.items[0] === this.#reasonAsked)) {
        missed = true;
        if (!act.seen && act.items.length === 1) bare = act.items[0];
      } else if (act.type === 'answer-item' && !act.seen) unseen = act.items[0];
    }
    // "Not into dramas. Not Rain Man." has said why already.
    if (bare !== undefined && this.#saysWhy(turn.userActs, bare)) bare = undefined;
    this.#statedNow = stated;
    if (accepted !== undefined) return [{ type: 'close', items: [accepted] }];
    const close: AssistantAct = { type: 'close', items: [] };
    if (askedAbout !== undefined) return turn.last ? [this.#describe(askedAbout), close] : [this.#describe(askedAbout)];
    if (critique) return this.#answerCritique(critique, turn.last);
    if (turn.last) {
      // The user is still asking: the goodbye comes with a last suggestion, not instead of one.
      return [...this.#recommendHeeding(stated), close];
    }
    if (bare !== undefined && this.#reasonAsked === undefined && this.#random.chance(this.#reasonAfterMiss)) {
      this.#reasonAsked = bare;
      return [{ type: 'ask-reason', items: [bare] }];
    }
    const planned = this.#questionsAsked < this.#plannedQuestions;
    const followUp = unseen !== undefined && stated.length === 0 && !planned ? this.#followUp(unseen) : undefined;
    if (followUp) return [followUp];
    const askNow = planned || (missed && this.#random.chance(this.#questionAfterMiss));
    const question = askNow ? this.#question() : undefined;
    if (question) return [question];
    // Not before the first slate, which answers the likings the user stated (see #recommendHeeding).
    const likeTitle = stated.length === 0 && this.#suggested ? this.#likeSlate() : undefined;
    if (likeTitle) return [likeTitle];
    const slates = this.#recommendHeeding(stated);
    return slates.length > 0 ? slates : [{ type: 'close', items: [] }];
  }

  /**
   * "Since you liked Heat, how about Ronin?": a slate of the items most like a title the user said they liked (of
   * its kind, and close to it in what else it has), once for each such title, in a share of the turns that recommend
   * with no liking just stated to answer first.
   */
  #likeSlate(): ActOfType<'recommend'> | undefined {
    // A title not taken up now stays for later: for a slate with no liking left to answer (see #heedingSlates).
    if (this.#likedTitles.length === 0 || !this.#random.chance(LIKE_TITLE_RATE)) return undefined;
    return this.#anchoredSlate(false);
  }

  /**
   * The slate of {@link #likeSlate}, like the title praised last ("The Dark Forest was amazing!" is not answered from
   * one named ten turns before); undefined, with the title kept, when nothing is like it.
   */
  #anchoredSlate(noLikingLeft: boolean): ActOfType<'recommend'> | undefined {
    const title = this.#likedTitles.pop();
    if (title === undefined) return undefined;
    // Items with a liking the user stated that the title has too, while they stated any: after a miss, a slate still
    // answers what they said they like, and the title is what it is like ("You enjoyed 12 Angry Men, so Hereditary"
    // for a fan of horror is not said). A title with no such liking waits until the user states one it has, or
    // until no item with a liking is left, when any item like the title will do.
    const shared = noLikingLeft ? [] : [...this.#statedPositive].filter((key) => this.#catalog.carries(title, key));
    if (shared.length === 0 && this.#statedPositive.size > 0 && !noLikingLeft) {
      this.#likedTitles.unshift(title);
      return undefined;
    }
    const slate = this.#recommend(this.#likeConstraint(title, shared));
    if (slate) slate.like = title;
    else this.#likedTitles.unshift(title);
    return slate;
  }

  /**
   * "Have you seen Schindler's List?" "No." "Then give it a go: …": an item asked about that the user has not seen
   * is suggested next, when the belief leans to it and nothing rules it out, rather than left as a question that led
   * nowhere. Only an item that answers a liking the user stated (one no slate has answered yet, while any waits; as
   * the first slate, the one a first slate would answer first); not when the user has just said what they like (that
   * comes first), nor while the style's planned questions are still to ask.
   */
  #followUp(item: string): ActOfType<'recommend'> | undefined {
    const position = this.#index.position.get(item);
    if (position === undefined) return undefined;
    // Nor one rated so poorly as to outweigh what the user would like in it: asking whether they had seen it was about
    // their taste, not a pitch.
    const panned = this.#options.qualityWeight * (this.#index.shortfall[position] as number);
    if ((this.#itemSum[position] as number) + panned <= 0) return undefined;
    // It answers a liking the user stated (one still waiting for a slate, while any does): "Crazy about horror" is
    // answered with horror, not with Heat because it was asked about, and a fan of documentaries is not offered
    // City Lights.
    // As the first slate, the liking a first slate would answer first: "I love films by Ang Lee!" is not answered
    // with Die Hard because the user had not seen it.
    const heeded = this.#suggested ? undefined : this.#heedOrder([]).before[0]?.key;
    const focus = heeded === undefined ? this.#focus() : [heeded];
    if (!focus.some((key) => this.#catalog.carries(item, key))) return undefined;
    return this.#recommend({ among: Int32Array.of(position) });
  }

  /**
   * A slate answers what the user said they like, rather than only what older evidence ranks highest: its items all
   * carry one liking no slate has answered yet, which is the first reason given ("Thrillers, got it. Since you like
   * thrillers, …"), and another such liking too while some items left have both ("Since you like comedies and films
   * with Mark Ruffalo, …"), so that a favourite named early is not passed over for the genre said last. The likings
   * of the user's last turn come first, then older ones; each group the people named first, then strongest first. A
   * liking nothing left can answer within the years a critique of an era asked for is answered outside them; one no
   * item left can answer at all is given up; with none left, the slate is the usual best.
   */
  #recommendHeeding(stated: readonly StatedLiking[]): ActOfType<'recommend'>[] {
    const first = !this.#suggested;
    const slates = this.#heedingSlates(stated, first);
    const [slate] = slates;
    if (!first || slate === undefined || slates.length !== 1 || slate.like !== undefined) return slates;
    // A title the user praised before the first slate is not passed over in it: one item like the title follows,
    // in place of the slate's last (when it has more than one) and only where slates may hold two ("… should suit a fan of musicals. If you liked The Departed, you'll probably like Good Will Hunting").
    const aside = Math.max(...this.#options.slateSize) < 2 ? undefined : this.#favouriteAside(slate.items);
    if (!aside) return slates;
    if (slate.items.length > 1) this.#include(slate.items.pop() as string);
    // A reason the first part gave is not given again: "It also fits your taste for Al Pacino" after "For Al Pacino …".
    aside.reasons = aside.reasons.filter((key) => !slate.reasons.includes(key));
    return [slate, aside];
  }

  /**
   * The likings no slate has answered yet, in the order slates answer them: those of the last turn (`now`), then
   * older ones (`before`); in each, a person the user named before a genre or a theme (a fan of Humphrey Bogart who
   * also likes dramas notices a Bogart film missing more than a drama), then strongest first; of equals, the one
   * said first.
   */
  #heedOrder(stated: readonly StatedLiking[]): { now: StatedLiking[]; before: StatedLiking[] } {
    const named = (liking: StatedLiking) => {
      const id = this.#catalog.attributeIdOf(liking.key);
      return id === undefined ? 0 : (this.#plan.person[id] as number);
    };
    const strongestFirst = (a: StatedLiking, b: StatedLiking) => named(b) - named(a) || b.strength - a.strength;
    const now = stated.filter((liking) => this.#unserved.some(({ key }) => key === liking.key)).sort(strongestFirst);
    const before = this.#unserved.filter((liking) => !now.some(({ key }) => key === liking.key)).sort(strongestFirst);
    return { now, before };
  }

  /** The slates of {@link #recommendHeeding}, before a favourite is given its place beside them. */
  #heedingSlates(stated: readonly StatedLiking[], first: boolean): ActOfType<'recommend'>[] {
    const { now, before } = this.#heedOrder(stated);
    const order: { key: string; strength: number; holders: Int32Array }[] = [];
    for (const { key, strength } of [...now, ...before]) {
      const id = this.#catalog.attributeIdOf(key);
      if (id !== undefined) order.push({ key, strength, holders: this.#index.itemsWithAttribute[id] as Int32Array });
    }
    // A liking from an earlier turn, not too mild, other than those the first slate answers already: its items
    // stand beside theirs, so the user's opening words ("Really into books by Erik Larson") are not left behind for
    // later answers ("Fan of philosophy", "Up for classics sometimes").
    const earlierLiking = (...not: string[]) =>
      order.find(
        (other) =>
          !not.includes(other.key) &&
          other.strength >= FIRST_SLATE_LIKING &&
          before.some((said) => said.key === other.key),
      );
    for (const [place, { key, holders }] of order.entries()) {
      for (const other of order) {
        if (other.key === key) continue;
        const both = intersect(holders, other.holders);
        if (both.length === 0) continue;
        const passed = first && place === 0 ? earlierLiking(key, other.key) : undefined;
        if (passed !== undefined) {
          const all = intersect(both, passed.holders);
          const heedsAll = all.length > 0 ? this.#heededSlate(all, key, first) : undefined;
          if (heedsAll) return [heedsAll];
          const split = this.#splitSlate(key, both, passed.key, passed.holders);
          if (split) return split;
        }
        const slate = this.#heededSlate(both, key, first);
        if (slate) return [slate];
      }
      // Nothing has both: a strong liking said before is offered beside this one rather than after it, when the
      // user may have settled already ("For film noir, Double Indemnity; and since you like true stories, Man on
      // Wire."); in the first slate, failing that, a milder one from an earlier turn: the user's opening words are
      // not passed over for the answer to the last question ("I'm keen on Steve Buscemi movies" … "Adventure,
      // sure" … adventure films only).
      const strong = (other: StatedLiking) => other.key !== key && other.strength >= STRONG_LIKING;
      const beside = place > 0 ? undefined : (order.find(strong) ?? (first ? earlierLiking(key) : undefined));
      const split = beside === undefined ? undefined : this.#splitSlate(key, holders, beside.key, beside.holders);
      if (split) return split;
      // A liking of the user's own outweighs an era asked of another item: "newer than The Jungle Book" does not
      // leave a fan of Humphrey Bogart without a Bogart film.
      const slate =
        this.#heededSlate(holders, key, first) ??
        this.#inYears([-Infinity, Infinity], () => this.#recommend({ among: holders, heeds: key }));
      if (slate) return [slate];
      this.#unserved = this.#unserved.filter((liking) => liking.key !== key);
    }
    // Every liking answered once, a slate still carries one of them while any item left does: a fan of family films
    // who turned two down is offered a third, not A Quiet Place because the belief drifted after the misses. All
    // its items carry the same one, the one the belief now holds highest, so that it is the slate's reason: not
    // Frankenstein for atmosphere beside The Silence of the Lambs for crime, with no word of why.
    const likings = [...this.#statedPositive].sort((a, b) => this.#meanOf(b) - this.#meanOf(a) || (a < b ? -1 : 1));
    for (const key of likings) {
      const id = this.#catalog.attributeIdOf(key);
      const slate =
        id === undefined ? undefined : this.#recommend({ among: this.#index.itemsWithAttribute[id], heeds: key });
      if (slate) return [slate];
    }
    // None left, a title the user loved gives the reason a liking no longer can: after "Unforgiven was amazing! Seen
    // it already", "Since you loved Unforgiven, try True Grit", not "Let me suggest True Grit" with no word of why.
    const slate = this.#anchoredSlate(true) ?? this.#recommend();
    return slate ? [slate] : [];
  }

  /**
   * A slate of `among` heeding `key`; the first slate, when the user praised a title with that liking, is drawn from
   * the one praised last: "Loved The Hours. … Dramas, sure." is answered "If you liked The Hours, …", not with any
   * drama, as if the favourite had not been named.
   */
  #heededSlate(among: Int32Array, key: string, first: boolean): ActOfType<'recommend'> | undefined {
    for (let at = first ? this.#likedTitles.length - 1 : -1; at >= 0; at--) {
      const title = this.#likedTitles[at] as string;
      if (!this.#catalog.carries(title, key)) continue;
      const near = this.#nearTo(title, undefined, true);
      // Without a genre to keep, nothing makes the items of its kind.
      const slate = near.keeps && this.#recommend({ ...near, among, heeds: key });
      if (!slate) continue;
      this.#likedTitles.splice(at, 1);
      slate.like = title;
      return slate;
    }
    return this.#recommend({ among, heeds: key });
  }

  /**
   * One item like the title the user praised last (of its kind and close to it, with a liking the user stated that
   * the title has, while it has any); the title is then taken up.
   */
  #favouriteAside(besides: readonly string[]): ActOfType<'recommend'> | undefined {
    const title = this.#likedTitles.at(-1);
    if (title === undefined) return undefined;
    const shared = [...this.#statedPositive].filter((key) => this.#catalog.carries(title, key));
    const like = this.#likeConstraint(title, shared);
    const unserved = this.#unserved;
    const kept = like.keeps && this.#keptSlate(like, 1);
    if (!kept) return undefined;
    // Not True Grit (2010) beside True Grit (1969): a remake is close to its original, and waits for another slate.
    const titleOf = (id: string) => this.#catalog.require(id).title;
    const item = kept.slate.items[0] as string;
    if (besides.some((id) => titleOf(id) === titleOf(item))) {
      this.#include(item);
      this.#unserved = unserved;
      return undefined;
    }
    this.#likedTitles.pop();
    kept.slate.like = title;
    return kept.slate;
  }

  /** The items like `title`: of its kind and closest to it, each with one of the likings `shared` (any item when none). */
  #likeConstraint(title: string, shared: readonly string[]): SlateConstraint {
    const liked = this.#marksOf(shared);
    const near = this.#nearTo(title, undefined, true);
    return liked ? { ...near, liked } : near;
  }

  /**
   * One slate in two parts, each with its own reason: items of `key` (all but one of the slate's size), then one of
   * `also`. Undefined, with nothing shown, when the slate size allows no second part or either part has nothing.
   */
  #splitSlate(
    key: string,
    holders: Int32Array,
    also: string,
    alsoHolders: Int32Array,
  ): [ActOfType<'recommend'>, ActOfType<'recommend'>] | undefined {
    const [min, max] = this.#options.slateSize;
    const most = Math.max(min, max);
    if (most < 2 || this.#rank(1, { among: alsoHolders }) === 0) return undefined;
    const first = this.#keptSlate(
      { among: holders, heeds: key },
      this.#random.int(Math.max(1, Math.min(min, max) - 1), most - 1),
    );
    if (!first) return undefined;
    const second = this.#keptSlate({ among: alsoHolders, heeds: also }, 1);
    // The only item of `also` left may have gone to the first part: then no split, and the usual slate is drawn.
    if (!second) {
      for (const item of first.slate.items) this.#include(item);
      return undefined;
    }
    // A reason the first part gave is not given again: "For dramas by James Cameron, Titanic; then, for sci-fi by
    // James Cameron, Avatar."
    second.slate.reasons = second.slate.reasons.filter((key) => key === also || !first.slate.reasons.includes(key));
    return [first.slate, second.slate];
  }

  /**
   * 1 per catalog position of an item carrying a liking the user stated other than `except` (see
   * {@link SlateConstraint.liked}); undefined for none.
   */
  #likedMarks(except: string | undefined): Uint8Array | undefined {
    return this.#marksOf(this.#statedPositive, except);
  }

  /** 1 per catalog position of an item carrying any of the attributes but `except`; undefined for none. */
  #marksOf(keys: Iterable<string>, except?: string): Uint8Array | undefined {
    let marks: Uint8Array | undefined;
    for (const key of keys) {
      const id = key === except ? undefined : this.#catalog.attributeIdOf(key);
      if (id === undefined) continue;
      marks ??= new Uint8Array(this.#index.ids.length);
      for (const position of this.#index.itemsWithAttribute[id] as Int32Array) marks[position] = 1;
    }
    return marks;
  }

  /**
   * A critique is answered by a slate that honours it (every item carries X after "more X", none after "less X",
   * all newer or older than the item), close to the critiqued item in everything else. When nothing left honours it,
   * the recommender says so (`no-match`) and then asks, or openly offers what it has.
   */
  #answerCritique(critique: Critique, last: boolean): AssistantAct[] {
    const about = {
      items: [...critique.items],
      direction: critique.direction,
      ...(critique.attribute !== undefined ? { attribute: critique.attribute } : {}),
    };
    // Even with no turn left for the user, the critique gets its answer before the goodbye.
    const era = critique.attribute === undefined ? this.#era : undefined;
    this.#era = undefined;
    const pitchedFor = (this.#pitchedFor.get(critique.items[0] as string) ?? []).filter(
      (key) => key !== critique.attribute && this.#statedPositive.has(key),
    );
    const liked = [this.#marksOf(pitchedFor), this.#likedMarks(critique.attribute)];
    const found = this.#critiqueSlate(this.#constraintOf(critique), era, liked);
    if (found) {
      const { slate, dropped } = found;
      // The reason is the critique itself ("something more mysterious: try …") and what earlier critiques asked for
      // that the slate still has, never an older liking.
      const asked = critique.direction === 'more' && critique.attribute !== undefined ? [critique.attribute] : [];
      const kept = this.#wanted
        .map((id) => this.#catalog.attributeKeyAt(id))
        .filter((key) => key !== critique.attribute && slate.items.every((item) => this.#catalog.carries(item, key)))
        .reverse();
      slate.reasons = [...asked, ...kept].slice(0, 2);
      const givenAsks = dropped.filter((key) => key !== critique.attribute);
      // Said once in answer to a critique, an ask that gave way is gone for good, not repeated with every later slate.
      for (const key of givenAsks)
        this.#wanted.splice(this.#wanted.indexOf(this.#catalog.attributeIdOf(key) as number), 1);
      // A liking the critiqued item was suggested for that no item of the new slate has is given up openly too: "like
      // Yojimbo, but more romantic" answered by The Gold Rush leaves the films set in Japan behind, which is said, once a
      // dialogue; where the data does not say the items lack it (a MovieLens film nobody tagged may be set in Japan),
      // as not picked for it.
      const givenLikings = pitchedFor.filter(
        (key) =>
          !givenAsks.includes(key) &&
          !this.#setAside.has(key) &&
          slate.items.every((item) => !this.#catalog.carries(item, key)),
      );
      for (const key of givenLikings) this.#setAside.add(key);
      const given = [...givenAsks, ...givenLikings];
      const respond: AssistantAct = {
        type: 'respond-critique',
        ...about,
        ...(given.length > 0 ? { dropped: given } : {}),
      };
      return last ? [respond, slate, { type: 'close', items: [] }] : [respond, slate];
    }
    const noMatch: AssistantAct = { type: 'no-match', ...about };
    if (last) return [noMatch, { type: 'close', items: [] }];
    // Said openly, the time bound is dropped again; "less X" stays avoided (the user dislikes it).
    if (critique.direction === 'newer') this.#minYear = -Infinity;
    if (critique.direction === 'older') this.#maxYear = Infinity;
    const question = this.#question();
    if (question) return [noMatch, question];
    return [noMatch, this.#recommend() ?? { type: 'close', items: [] }];
  }

  /**
   * The slate answering a critique under `constraint`, of the critiqued item's kind (see #settleKind): within a few
   * decades of the item first ("older than The Hill We Climb (2021)" is Birthday Letters (1998) while there is one,
   * not Leaves of Grass (1855)), then a decade off, then, from now on, just a year off. At each step, items with a
   * liking the user stated come first while any is among those most like the critiqued item, each set of `liked` in
   * turn: those the critiqued item was suggested for before any other ("like Batman, but more thrilling" to a fan of
   * comic-book films and of action is The Dark Knight, not Die Hard), and, when none is that close, among all of its
   * kind before any item without them (see {@link SlateConstraint.loose}).
   */
  #critiqueSlate(
    constraint: SlateConstraint,
    era: Era | undefined,
    liked: readonly (Uint8Array | undefined)[],
  ): KeptSlate | undefined {
    const settled = this.#settleKind(constraint, era);
    const tries: SlateConstraint[] = [];
    liked.forEach((marks, at) => {
      if (!marks) return;
      tries.push({ ...settled, liked: marks });
      if (at > 0) return;
      // What A was suggested for is kept before closeness to A, and before the user's other likings; when nothing of
      // A's first kind has it, before that kind too, in the first of A's kinds an item with it has: "less of a mystery
      // than Anatomy of a Fall", to a fan of courtroom stories, is A Separation (a drama), not Joker (a thriller).
      tries.push({ ...settled, liked: marks, loose: true });
      if (settled !== constraint) tries.push({ ...constraint, liked: marks, loose: true });
    });
    tries.push(settled);
    const found =
      (era && firstFound(tries, (tried) => this.#keptSlateNear(tried, era))) ??
      firstFound(tries, (tried) => this.#keptSlate(tried));
    if (found || !era) return found;
    const near = firstFound(tries, (tried) => this.#inYears([era.minYear, era.maxYear], () => this.#keptSlate(tried)));
    if (near) [this.#minYear, this.#maxYear] = [era.minYear, era.maxYear];
    return near;
  }

  #constraintOf(critique: Critique): SlateConstraint {
    const critiqued = critique.attribute === undefined ? undefined : this.#catalog.attributeIdOf(critique.attribute);
    // "Less dramatic than Her (2013)" is not a 1940s noir: asked to change what an item is, not when it is from,
    // items of its time are that much more alike.
    const near = this.#nearTo(critique.items[0] as string, critiqued, critique.attribute !== undefined);
    if (critique.direction !== 'more') return near;
    return { ...near, among: critiqued === undefined ? new Int32Array(0) : this.#index.itemsWithAttribute[critiqued] };
  }

  /**
   * Closeness to an item ({@link SlateConstraint.like}) and its kinds ({@link SlateConstraint.keeps}), the attribute
   * `critiqued` aside; items of its time are closer when `ofItsTime`.
   */
  #nearTo(item: string, critiqued: number | undefined, ofItsTime: boolean): SlateConstraint {
    const like = new Int16Array(this.#index.ids.length);
    const ids = this.#catalog.attributeIdsOf(item);
    // Every genre an item has counts against it, and back again (with the likeness of sharing it) where the critiqued
    // item has it too, or where it is the genre the critique is about.
    const { genreCount } = this.#plan;
    for (let position = 0; position < like.length; position++) like[position] = -(genreCount[position] as number);
    if (critiqued !== undefined && this.#plan.genre[critiqued] === 1)
      for (const position of this.#index.itemsWithAttribute[critiqued] as Int32Array)
        like[position] = (like[position] as number) + 1;
    const genres: Int32Array[] = [];
    ids.forEach((id, at) => {
      if (id === critiqued || ids.indexOf(id) < at) return;
      const isGenre = this.#plan.genre[id] === 1;
      const counts = (this.#plan.likeness[id] as number) + (isGenre ? 1 : 0);
      const holders = this.#index.itemsWithAttribute[id] as Int32Array;
      for (const position of holders) like[position] = (like[position] as number) + counts;
      if (isGenre) genres.push(holders);
    });
    const year = this.#catalog.get(item)?.year;
    if (ofItsTime && year !== undefined) {
      const { years } = this.#index;
      for (let position = 0; position < like.length; position++)
        if (Math.abs((years[position] as number) - year) <= SAME_TIME)
          like[position] = (like[position] as number) + GENRE_LIKENESS;
    }
    return genres.length === 0 ? { like } : { like, keeps: firstGenres(genres, like.length) };
  }

  /**
   * Narrows {@link SlateConstraint.keeps} to one genre: the first of the critiqued item's that some item honouring
   * the critique has, whatever earlier critiques asked (and a decade off in time where anything is). So earlier asks
   * and nearness in time give way before what the item is: "like Blazing Saddles, but newer", after "funnier than
   * There Will Be Blood", is a newer western, not any newer comedy.
   */
  #settleKind(constraint: SlateConstraint, era: Era | undefined): SlateConstraint {
    const { keeps } = constraint;
    if (!keeps) return constraint;
    let count = this.#rank(1, constraint);
    if (count === 0 && era) count = this.#inYears([era.minYear, era.maxYear], () => this.#rank(1, constraint));
    if (count === 0) return constraint;
    const kind = keeps[this.#topPositions[0] as number];
    return { ...constraint, keeps: keeps.map((place) => (place === kind ? 0 : NO_GENRE)) };
  }

  /** Whether the user's acts dislike something the item has. */
  #saysWhy(acts: readonly UserAct[], item: string): boolean {
    return acts.some(
      (act) =>
        act.type === 'disclose' &&
        act.polarity === 'negative' &&
        act.attribute !== undefined &&
        this.#catalog.carries(item, act.attribute),
    );
  }

  #opening(): AssistantAct {
    if (this.#plan.facets.includes('genre') && this.#random.chance(0.5)) return this.#askFacet('genre');
    this.#questionsAsked++;
    return { type: 'ask-open', items: [] };
  }

  #learn(id: number | undefined, value: number, weight: number): void {
    if (id === undefined) return;
    const evidence = this.#evidence[id] as number;
    const before = this.#mean[id] as number;
    const after = (before * evidence + value * weight) / (evidence + weight);
    this.#mean[id] = after;
    this.#evidence[id] = evidence + weight;
    const delta = after - before;
    for (const position of this.#index.itemsWithAttribute[id] as Int32Array) {
      this.#itemSum[position] = (this.#itemSum[position] as number) + delta;
    }
  }

  #learnFromItem(item: string, value: number, weight: number): void {
    for (const id of this.#catalog.attributeIdsOf(item)) this.#learn(id, value, weight);
  }

  #observe(act: UserAct): void {
    const sign = 'polarity' in act ? (act.polarity === 'positive' ? 1 : act.polarity === 'negative' ? -1 : 0) : 0;
    switch (act.type) {
      case 'disclose':
        if (act.attribute !== undefined) {
          this.#markAsked(act.attribute);
          // Told a genre, the recommender does not ask "Which genres do you like?" as if it had not heard.
          const facet = parseAttributeKey(act.attribute)?.facet;
          if (facet !== undefined) this.#asked.add(`facet:${facet}`);
          this.#learn(this.#catalog.attributeIdOf(act.attribute), sign * act.strength, STATED_WEIGHT);
          // A liking taken back ("no strong feelings" after all) is no reason any more; a dislike is avoided outright.
          if (sign > 0) this.#statedPositive.add(act.attribute);
          else this.#statedPositive.delete(act.attribute);
          const key = act.attribute;
          this.#unserved = this.#unserved.filter((liking) => liking.key !== key);
          if (sign > 0) this.#unserved.push({ key, strength: act.strength });
          if (sign < 0) this.#avoidAttribute(act.attribute);
        }
        for (const item of act.items) {
          this.#exclude(item);
          this.#known(item);
          this.#learnFromItem(item, sign * act.strength * 0.5, ITEM_WEIGHT);
        }
        break;
      case 'answer-item':
        for (const item of act.items) {
          // Asked about, an item is set aside; one the user has not seen may yet be suggested.
          if (!act.seen) {
            this.#include(item);
            this.#unseenAsked = this.#index.position.get(item) ?? -1;
            continue;
          }
          this.#exclude(item);
          this.#known(item);
          this.#learnFromItem(item, sign * (act.strength ?? 0) * 0.5, ITEM_WEIGHT);
        }
        break;
      case 'critique': {
        this.#era = undefined;
        const item = act.items[0] as string;
        this.#exclude(item);
        const year = this.#catalog.get(item)?.year;
        if (act.attribute !== undefined) {
          this.#markAsked(act.attribute);
          const id = this.#catalog.attributeIdOf(act.attribute);
          this.#learn(id, act.direction === 'less' ? -1 : 1, STATED_WEIGHT);
          if (act.direction === 'less') this.#avoidAttribute(act.attribute);
          else this.#statedPositive.add(act.attribute);
          if (act.direction === 'more' && id !== undefined) {
            // Asked again, an ask is the newest: the last to give way.
            const at = this.#wanted.indexOf(id);
            if (at >= 0) this.#wanted.splice(at, 1);
            this.#wanted.push(id);
          }
        } else if (year !== undefined) {
          // A decade apart where the catalog allows (see #answerCritique), at least a year.
          const gap =
            act.direction === 'newer'
              ? Math.max(ERA_GAP, Math.round(NEWER_SHARE * (this.#plan.newestYear - year)))
              : ERA_GAP;
          this.#era = { year, minYear: this.#minYear, maxYear: this.#maxYear, span: Math.max(ERA_SPAN, 2 * gap) };
          if (act.direction === 'newer') {
            this.#era.minYear = Math.max(this.#minYear, year + 1);
            this.#minYear = Math.max(this.#minYear, year + gap);
          }
          if (act.direction === 'older') {
            this.#era.maxYear = Math.min(this.#maxYear, year - 1);
            this.#maxYear = Math.min(this.#maxYear, year - ERA_GAP);
          }
        }
        break;
      }
      case 'reject':
        for (const item of act.items) {
          this.#exclude(item);
          if (act.seen) this.#known(item);
          else this.#learnFromItem(item, -0.2, MISS_WEIGHT);
        }
        break;
      default:
        break;
    }
  }

  #exclude(item: string): void {
    const position = this.#index.position.get(item);
    if (position !== undefined) this.#excluded[position] = 1;
  }

  /**
   * An item the user has seen or read: the next volume of its series may be recommended now, and those before it
   * are not (a reader who loved A Storm of Swords has read A Game of Thrones).
   */
  #known(item: string): void {
    if (this.#offered.delete(item)) this.#offeredSeen++;
    const position = this.#index.position.get(item);
    const series = this.#plan.series;
    if (position === undefined || series === undefined) return;
    const after = series.next[position] as number;
    if (after >= 0) this.#waiting[after] = 0;
    for (let at = series.previous[position] as number; at >= 0; at = series.previous[at] as number)
      this.#excluded[at] = 1;
  }

  #include(item: string): void {
    const position = this.#index.position.get(item);
    if (position === undefined) return;
    this.#excluded[position] = 0;
    // A title drawn for a slate and put back was never suggested: it says nothing of what the user has seen.
    if (this.#offered.delete(item)) this.#offeredPopularity -= this.#index.popularity[position] as number;
  }

  /** Leaves out the items with an attribute, and with any said alike: "fewer musical numbers" is no musical. */
  #avoidAttribute(key: string): void {
    for (const avoided of [key, ...saidAlike(this.#catalog, key)]) {
      const id = this.#catalog.attributeIdOf(avoided);
      if (id === undefined) continue;
      for (const position of this.#index.itemsWithAttribute[id] as Int32Array) this.#itemAvoided[position] = 1;
    }
  }

  /**
   * Ranks candidates by believed utility (plus a little popularity) into #topPositions, best first, and returns how
   * many there are (at most `limit`). Items that must not be offered (shown, seen, rejected, disliked, carrying an
   * avoided attribute, a later volume of a series before the one ahead of it is known, outside the critiqued years,
   * outside a critique's `among`) are left out. Poorly rated items lose score (`qualityWeight`), unless `anyRating`.
   */
  #rank(limit: number, constraint: SlateConstraint = {}): number {
    const { ids, years, popularity, renown, shortfall, inverseRoot } = this.#index;
    const jitter = this.#jitter;
    if (!this.#jitterDrawn) {
      const { variety } = this.#options;
      for (let position = 0; position < ids.length; position++) jitter[position] = variety * this.#random.next();
      this.#jitterDrawn = true;
    }
    // Locals, not fields, in the loop: this runs over the whole catalog for every question and recommendation.
    const excluded = this.#excluded;
    const avoided = this.#itemAvoided;
    const waiting = this.#waiting;
    const sums = this.#itemSum;
    const minYear = this.#minYear;
    const maxYear = this.#maxYear;
    // An item of unknown year (NaN) is neither newer nor older than anything: a critique of an era leaves it out.
    const dated = minYear !== -Infinity || maxYear !== Infinity;
    const { popularityWeight } = this.#options;
    const unseenAsked = this.#unseenAsked;
    const qualityWeight = constraint.anyRating ? 0 : this.#options.qualityWeight;
    // The user's seen titles per unit of popularity suggested: times an item's popularity, its chance of being seen.
    const seenRate = this.#offeredSeen / (this.#offeredPopularity + SEEN_PRIOR);
    const { seenWeight } = this.#options;
    const positions = this.#topPositions;
    const scores = this.#topScores;
    // First every eligible item's score, in catalog order (or `among`'s).
    const { scores: eligibleScores, positions: eligible, select } = this.#plan.rank;
    let eligibleCount = 0;
    const { among, like } = constraint;
    const lean = like ? LEAN_NEAR_LIKE : 1;
    const candidates = among?.length ?? ids.length;
    for (let next = 0; next < candidates; next++) {
      const position = among ? (among[next] as number) : next;
      if (excluded[position] === 1 || avoided[position] === 1 || waiting[position] === 1) continue;
      const year = years[position] as number;
      if (dated && !(year >= minYear && year <= maxYear)) continue;
      let score =
        (sums[position] as number) * (inverseRoot[position] as number) +
        popularityWeight * (renown[position] as number) +
        qualityWeight * (shortfall[position] as number) +
        lean * (jitter[position] as number);
      if (like) score += LIKE_WEIGHT * (like[position] as number) * (inverseRoot[position] as number);
      if (position === unseenAsked) score += UNSEEN_ASKED_WEIGHT;
      // A title the user has likely seen is worth less in proportion: it would be turned down as seen, however good.
      if (seenRate > 0 && score > 0) score *= 1 - seenWeight * Math.min(1, seenRate * (popularity[position] as number));
      eligibleScores[eligibleCount] = score;
      eligible[eligibleCount++] = position;
    }
    const { keeps, liked, loose } = constraint;
    const isLiked = (position: number) => liked?.[position] === 1;
    // Loose, the liking comes first: of the items with it, those of the first of A's kinds any of them has.
    if (liked && loose) eligibleCount = keepWhere(eligible, eligibleScores, eligibleCount, isLiked);
    if (keeps) eligibleCount = ofFirstGenre(keeps, eligible, eligibleScores, eligibleCount);
    if (like && !loose) eligibleCount = closestHalf(like, eligible, eligibleScores, eligibleCount);
    if (liked && !loose) eligibleCount = keepWhere(eligible, eligibleScores, eligibleCount, isLiked);
    // For a long list (the candidates a question is weighed on), only items at least as good as the limit-th best
    // can make it, and they are found first: far fewer of them are inserted than would be otherwise.
    let threshold = -Infinity;
    if (limit >= SELECT_FROM && eligibleCount > limit) {
      // Copied by hand: `select.set(eligibleScores.subarray(…))` would make a typed array on every call.
      for (let next = 0; next < eligibleCount; next++) select[next] = eligibleScores[next] as number;
      threshold = kthLargest(select, eligibleCount, limit);
    }
    // Top-k by insertion into a short sorted list, in the same order: an item goes after every earlier one of equal
    // score, so ties keep catalog order.
    let count = 0;
    for (let next = 0; next < eligibleCount; next++) {
      const score = eligibleScores[next] as number;
      if (score < threshold || (count === limit && score <= (scores[limit - 1] as number))) continue;
      const position = eligible[next] as number;
      // When the list is full, the last one drops out to make room.
      let at = count < limit ? count++ : limit - 1;
      while (at > 0 && (scores[at - 1] as number) < score) {
        scores[at] = scores[at - 1] as number;
        positions[at] = positions[at - 1] as number;
        at--;
      }
      scores[at] = score;
      positions[at] = position;
    }
    return count;
  }

  /** #keptSlate with the years narrowed, for this slate only, to within the era's span of its year. */
  #keptSlateNear(constraint: SlateConstraint, { year, span }: Era): KeptSlate | undefined {
    const within = [Math.max(this.#minYear, year - span), Math.min(this.#maxYear, year + span)] as const;
    return this.#inYears(within, () => this.#keptSlate(constraint));
  }

  /** What `run` returns with the years an item may be from set to `years`, for this call only. */
  #inYears<T>([minYear, maxYear]: readonly [number, number], run: () => T): T {
    const kept = [this.#minYear, this.#maxYear] as const;
    [this.#minYear, this.#maxYear] = [minYear, maxYear];
    try {
      return run();
    } finally {
      [this.#minYear, this.#maxYear] = kept;
    }
  }

  #recommend(constraint?: SlateConstraint): ActOfType<'recommend'> | undefined {
    return this.#keptSlate(constraint)?.slate;
  }

  /**
   * The best slate that honours the constraint and keeps what earlier critiques asked for, as long as some item
   * has it all; the oldest asks give way first, and those the slate lacks are returned as `dropped` (attribute keys).
   */
  #keptSlate(constraint: SlateConstraint = {}, sized?: number): KeptSlate | undefined {
    const [min, max] = this.#options.slateSize;
    const size = sized ?? this.#random.int(Math.min(min, max), Math.max(min, max));
    let count = 0;
    let dropped = 0;
    for (; dropped <= this.#wanted.length; dropped++) {
      const among = this.#carrying(dropped, constraint.among);
      count = this.#rank(size, among === constraint.among ? constraint : { ...constraint, among });
      if (count > 0) break;
    }
    if (count === 0) return undefined;
    const items: string[] = [];
    const titles: string[] = [];
    for (let i = 0; i < count; i++) {
      const position = this.#topPositions[i] as number;
      const id = this.#index.ids[position] as string;
      // Not True Grit (1969) and True Grit (2010) side by side: the later of two of a title waits for another slate.
      const title = this.#catalog.require(id).title;
      if (titles.includes(title)) continue;
      titles.push(title);
      this.#excluded[position] = 1;
      items.push(id);
      this.#offered.add(id);
      this.#offeredPopularity += this.#index.popularity[position] as number;
    }
    this.#suggested = true;
    const carriedByAll = (key: string) => items.every((item) => this.#catalog.carries(item, key));
    if (this.#unserved.length > 0) this.#unserved = this.#unserved.filter(({ key }) => !carriedByAll(key));
    // The reason is said of the whole slate ("Since you like sci-fi, try A or B"), so every item must carry it.
    const { heeds } = constraint;
    const reasons = [...this.#statedPositive]
      .filter(carriedByAll)
      .sort(
        (a, b) => Number(b === heeds) - Number(a === heeds) || this.#meanOf(b) - this.#meanOf(a) || (a < b ? -1 : 1),
      )
      .slice(0, 2);
    const given = this.#wanted
      .slice(0, dropped)
      .map((id) => this.#catalog.attributeKeyAt(id))
      .filter((key) => !carriedByAll(key));
    return { slate: { type: 'recommend', items, reasons }, dropped: given };
  }

  /**
   * The catalog positions, within `among` (all items when absent), carrying every attribute asked for from the
   * `from`-th ask on (see #wanted); none asked: `among` itself.
   */
  #carrying(from: number, among: Int32Array | undefined): Int32Array | undefined {
    let positions = among;
    for (let at = from; at < this.#wanted.length; at++) {
      const holders = this.#index.itemsWithAttribute[this.#wanted[at] as number] as Int32Array;
      positions = positions === undefined ? holders : intersect(positions, holders);
    }
    return positions;
  }

  #meanOf(key: string): number {
    const id = this.#catalog.attributeIdOf(key);
    return id === undefined ? 0 : (this.#mean[id] as number);
  }

  #weightOf(id: number): number {
    let weight = this.#questionWeight[id] as number;
    if (weight === 0) {
      weight = Math.exp(QUESTION_SPREAD * (this.#random.next() - 0.5));
      this.#questionWeight[id] = weight;
    }
    return weight;
  }

  #variance(id: number): number {
    return 1 / (1 + (this.#evidence[id] as number));
  }

  /** The question worth most now, or undefined when there is nothing left worth asking. */
  #question(): AssistantAct | undefined {
    const candidates = this.#rank(this.#options.candidatePool, { anyRating: true });
    if (candidates < 2) return undefined;
    // How many candidates carry each attribute, counted in a reused array and zeroed again before returning; the
    // first `count` of `present` are the ids counted.
    const { share, present, salience } = this.#plan;
    const { attributeIds } = this.#index;
    const top = this.#topPositions;
    let count = 0;
    for (let i = 0; i < candidates; i++) {
      const ids = attributeIds[top[i] as number] as Int32Array;
      for (let at = 0; at < ids.length; at++) {
        const id = ids[at] as number;
        const carriers = share[id] as number;
        if (carriers === 0) present[count++] = id;
        share[id] = carriers + 1;
      }
    }
    try {
      // Value of asking about an attribute: how unsure the belief is, times how evenly it splits the candidates,
      // times how likely the user is to have a view on it.
      const value = (id: number) => {
        const p = (share[id] as number) / candidates;
        return this.#variance(id) * p * (1 - p) * this.#weightOf(id) * (salience[id] as number);
      };
      return this.#bestQuestion(present, count, value);
    } finally {
      for (let at = 0; at < count; at++) share[present[at] as number] = 0;
    }
  }

  #bestQuestion(present: Int32Array, count: number, value: (id: number) => number): AssistantAct | undefined {
    const unaskedFacet = this.#plan.facets.find((facet) => !this.#asked.has(`facet:${facet}`));
    const roll = this.#random.next();
    if (unaskedFacet !== undefined && roll < 0.2) return this.#askFacet(unaskedFacet);
    if (roll < 0.4) {
      const position = this.#splittingItem(value);
      if (position !== undefined) {
        // Excluded, it is not recommended unless the user turns out not to have seen it, and never asked about again.
        this.#excluded[position] = 1;
        this.#askedItems.add(position);
        this.#questionsAsked++;
        return { type: 'ask-item', items: [this.#index.ids[position] as string] };
      }
    }
    const { inQuestionFacets, unsayable } = this.#plan;
    let best: { id: number; key: string; value: number } | undefined;
    for (let at = 0; at < count; at++) {
      const id = present[at] as number;
      if (inQuestionFacets[id] !== 1) continue;
      // Valued before it is passed over: valuing an attribute the first time draws its question weight.
      const v = value(id);
      if (v <= 0 || (best && v < best.value) || unsayable[id] === 1) continue;
      const key = this.#catalog.attributeKeyAt(id);
      if (this.#asked.has(key) || (best && v === best.value && key > best.key)) continue;
      best = { id, key, value: v };
    }
    if (best) return this.#askAbout(best.key);
    // No attribute splits the candidates (they all look alike): widen the view instead of giving up on asking.
    if (unaskedFacet !== undefined) return this.#askFacet(unaskedFacet);
    const uncertain = this.#mostUncertainCommonAttribute();
    return uncertain === undefined ? undefined : this.#askAbout(uncertain);
  }

  #askFacet(facet: string): AssistantAct {
    this.#asked.add(`facet:${facet}`);
    this.#questionsAsked++;
    return { type: 'ask-attribute', items: [], facet };
  }

  #askAbout(key: string): AssistantAct {
    this.#markAsked(key);
    this.#questionsAsked++;
    return { type: 'ask-attribute', items: [], facet: parseAttributeKey(key)?.facet as string, attribute: key };
  }

  /**
   * Nothing said alike with an attribute asked or answered is asked next: not "How do you feel about movies with
   * musical numbers?" after "Really into musicals!".
   */
  #markAsked(key: string): void {
    this.#asked.add(key);
    for (const alike of saidAlike(this.#catalog, key)) this.#asked.add(alike);
  }

  /** The least-known attribute among the catalog's common ones (in the question facets), not yet asked. */
  #mostUncertainCommonAttribute(): string | undefined {
    let best: { key: string; variance: number } | undefined;
    for (const entry of this.#plan.commonAttributes) {
      if (this.#asked.has(entry.key)) continue;
      const variance = this.#variance(entry.id) * this.#weightOf(entry.id) * (this.#plan.salience[entry.id] as number);
      if (variance <= 0 || this.#plan.unsayable[entry.id] === 1) continue;
      if (!best || variance > best.variance) best = { key: entry.key, variance };
    }
    return best?.key;
  }

  /**
   * The catalog position of an item, not among the candidates, whose attributes split them best: "Have you seen …?"
   * Once the user has said what they like, only an item of a liking no slate has answered yet (of any they stated,
   * when none waits) that the belief leans towards: "Ever seen Se7en?" is no question for a fan of documentaries,
   * nor "Private-eye stories, nice. Have you caught Full Metal Jacket?" one for a fan of private eyes.
   */
  #splittingItem(value: (id: number) => number): number | undefined {
    let best: number | undefined;
    let bestScore = 0;
    const leaning = this.#statedPositive.size > 0;
    const pool = leaning ? this.#askableOf(this.#focus()) : this.#plan.askable;
    for (const position of this.#random.sample(pool, 40)) {
      // Nor an item of something the user said they dislike: "No classics, got it. Have you read <a classic>?"
      // Nor a later volume of a series, which may not be suggested yet: "Have you read A Feast for Crows?"
      if (this.#excluded[position] === 1 || this.#itemAvoided[position] === 1 || this.#waiting[position] === 1)
        continue;
      if (this.#askedItems.has(position) || (leaning && (this.#itemSum[position] as number) <= 0)) continue;
      if (this.#doNotAsk.has(this.#index.ids[position] as string)) continue;
      const ids = this.#index.attributeIds[position] as Int32Array;
      if (ids.length === 0) continue;
      let score = 0;
      for (const id of ids) score += value(id);
      score /= Math.sqrt(ids.length);
      if (best === undefined || score > bestScore) {
        best = position;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * What a question about an item should be about: the likings of the user's last turn ("Westerns, nice. Have you
   * seen …" asks about a western), else those no slate has answered yet, else all the user stated.
   */
  #focus(): string[] {
    if (this.#statedNow.length > 0) return this.#statedNow.map(({ key }) => key);
    return this.#unserved.length > 0 ? this.#unserved.map(({ key }) => key) : [...this.#statedPositive];
  }

  /** The askable items carrying any of the attributes, in catalog order. */
  #askableOf(keys: readonly string[]): number[] {
    const { isAskable } = this.#plan;
    const carrying = new Uint8Array(isAskable.length);
    for (const key of keys) {
      const id = this.#catalog.attributeIdOf(key);
      if (id === undefined) continue;
      for (const position of this.#index.itemsWithAttribute[id] as Int32Array)
        carrying[position] = isAskable[position] as number;
    }
    const positions: number[] = [];
    for (let position = 0; position < carrying.length; position++)
      if (carrying[position] === 1) positions.push(position);
    return positions;
  }

  #describe(item: string): AssistantAct {
    // What the user said they like comes first: asked about a film suggested for love stories, the answer says it is
    // one ("Wild at Heart is a mystery crime drama" left out the romance it was picked for).
    const all = this.#catalog.attributeKeysOf(item);
    const keys = [
      ...all.filter((key) => this.#statedPositive.has(key)),
      ...all.filter((key) => !this.#statedPositive.has(key)),
    ];
    const pick = ({ facet, count, rarestFirst }: DescribedFacet) => {
      const prefix = `${facet}:`;
      const values = keys.filter((key) => key.startsWith(prefix));
      if (!rarestFirst || values.length <= count) return values.slice(0, count);
      const stated = (key: string) => this.#statedPositive.has(key);
      const rarity = (a: string, b: string) => this.#catalog.attributeCount(a) - this.#catalog.attributeCount(b);
      const named = new Set(
        [...values.filter(stated), ...values.filter((key) => !stated(key)).sort(rarity)].slice(0, count),
      );
      // Which to name is the only choice made here: they are said in the usual order.
      return values.filter((key) => named.has(key));
    };
    return { type: 'describe-item', items: [item], attributes: this.#plan.describe.flatMap(pick) };
  }
}

/**
 * "Like A, but …" is answered from the items closest to A: of the eligible ones (the first `count` of `positions`
 * and `scores`), only those at least half as alike to A ({@link SlateConstraint.like}) as the closest one are kept,
 * in place and in order; returns how many. Otherwise a slate that honours the critique can have nothing else of A
 * ("like The Boy and the Heron, but older: Django Unchained").
 */
function closestHalf(like: Int16Array, positions: Int32Array, scores: Float64Array, count: number): number {
  let most = -Infinity;
  for (let i = 0; i < count; i++) most = Math.max(most, like[positions[i] as number] as number);
  // At least the closest, however unlike: what is left to keep is decided before (keeps, among).
  const least = most > 0 ? Math.ceil(most / 2) : most;
  return keepWhere(positions, scores, count, (position) => (like[position] as number) >= least);
}

/** What `slate` gives for the first of `tries` it gives anything for. */
function firstFound<T>(
  tries: readonly SlateConstraint[],
  slate: (tried: SlateConstraint) => T | undefined,
): T | undefined {
  for (const tried of tries) {
    const found = slate(tried);
    if (found) return found;
  }
  return undefined;
}

// No genre of the critiqued item (see SlateConstraint.keeps).
const NO_GENRE = 255;

/** {@link SlateConstraint.keeps} from the holders of each of the critiqued item's genres. */
function firstGenres(genres: Int32Array[], items: number): Uint8Array {
  const first = new Uint8Array(items).fill(NO_GENRE);
  // Stable: of genres as rare, the item's first.
  const rarestFirst = [...genres].sort((a, b) => a.length - b.length);
  rarestFirst.forEach((holders, place) => {
    for (const position of holders) first[position] = Math.min(first[position] as number, place);
  });
  return first;
}

/** Of the eligible items, those of the first genre any of them has ({@link SlateConstraint.keeps}); as closestHalf. */
function ofFirstGenre(first: Uint8Array, positions: Int32Array, scores: Float64Array, count: number): number {
  let best = NO_GENRE;
  for (let i = 0; i < count; i++) best = Math.min(best, first[positions[i] as number] as number);
  return best === NO_GENRE ? 0 : keepWhere(positions, scores, count, (position) => first[position] === best);
}

/** Keeps the eligible items that pass, in place and in order; returns how many. */
function keepWhere(
  positions: Int32Array,
  scores: Float64Array,
  count: number,
  keep: (position: number) => boolean,
): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const position = positions[i] as number;
    if (!keep(position)) continue;
    positions[kept] = position;
    scores[kept++] = scores[i] as number;
  }
  return kept;
}

/** The positions in both ascending lists, ascending. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  // Written straight into a typed array as long as the shorter list, of which the part filled is a view: no array of
  // numbers to copy from.
  const out = new Int32Array(Math.min(a.length, b.length));
  let count = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) out[count++] = x;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out.subarray(0, count);
}

/**
 * Ends a dialogue's use of its recommender: the default one hands its arrays to the next dialogue (of the same
 * policy and catalog), which saves allocating them again; any other is left alone. The recommender must not be asked
 * for another turn.
 */
export function releasePolicy(policy: RecommenderPolicy): void {
  if (policy instanceof BeliefRecommender) policy.release();
}

// The factories beliefPolicy() made: their acts are valid by construction, whether the generator was given the
// options or the factory.
const beliefFactories = new WeakSet<object>();

/** Whether `factory` is one beliefPolicy() made. */
export function isBeliefPolicy(factory: object): factory is RecommenderPolicyFactory {
  return beliefFactories.has(factory);
}

/**
 * The default recommender policy. It keeps a belief over the user's attribute affinities, built only from what the
 * user said; asks the question worth most (the attribute it is least sure about that best splits its candidates, or
 * an item that does); recommends the unshown items of highest believed utility; moves along critiqued attributes;
 * and closes on acceptance.
 *
 * @example
 * ```ts
 * const generator = new DialogueGenerator({ policy: beliefPolicy({ style: 'critiquing-heavy' }) });
 * ```
 */
export function beliefPolicy(options: BeliefPolicyOptions = {}): RecommenderPolicyFactory {
  const resolved = parseOptions(BeliefPolicyOptionsSchema, options, 'beliefPolicy');
  const plans = new WeakMap<ItemCatalog, QuestionPlan>();
  const factory = (context: PolicyContext) => {
    let plan = plans.get(context.catalog);
    if (!plan) {
      plan = questionPlan(context.catalog, resolved);
      plans.set(context.catalog, plan);
    }
    return new BeliefRecommender(context, resolved, plan);
  };
  const named = Object.assign(factory, { policyName: `belief:${resolved.style}` });
  beliefFactories.add(named);
  return named;
}
