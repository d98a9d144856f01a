import { z } from 'zod';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { parseOptions } from '../validation/parse-options.js';
import type { EvaluationContext } from './evaluation-context.js';
import type { RankingRecommender } from './ranking-recommender.js';

/** Options of the offline recommenders (`contentRecommender`, `actsRecommender`). Unknown keys are refused. */
export const OfflineRecommenderOptionsSchema = z.strictObject({
  /**
   * Weight of the popularity prior (log-popularity in [0, 1]) against the taste match (about 1 for a typical film
   * matching everything said). 0 ranks by tastes alone.
   * @default 5
   */
  popularityWeight: z.number().min(0).default(5),
});
/** Options of the offline recommenders. */
export type OfflineRecommenderOptions = z.input<typeof OfflineRecommenderOptionsSchema>;

// What a stated liking of an item says about each of its attributes, against a liking stated of the attribute itself.
const ITEM_TO_ATTRIBUTE = 0.5;
// A named item's own stance, against the similarity of its attributes (which is at most 1).
const ITEM_OWN_WEIGHT = 1;

/**
 * The tastes an offline reader gathers from a context: a weight per attribute id and per named item, positive for
 * liking. Readers add evidence; `rank` orders candidates by it.
 *
 * A candidate's score is its match with the tastes: the tastes (normalised, so however much was said) summed over
 * the candidate's attributes, each weighted by its squared inverse document frequency in the catalog (rare attributes
 * count for more) and the whole divided by a typical item's norm. Unlike a cosine, the match is not divided by the
 * candidate's own norm: a film known for many of the things the user likes beats one known for a single one of them,
 * where a cosine would rank a film with one matching genre and nothing else first. Added to it: the candidate's own
 * stance when it was named, and a popularity prior (log-popularity relative to the catalog's most popular item, in
 * [0, 1]), which carries the `none` condition and says how much more popular an item must be to outrank a better
 * match.
 */
export class TasteScores {
  readonly #catalog: ItemCatalog;
  readonly #facts: CatalogFacts;
  readonly #attributes: Float64Array;
  // The attribute ids with evidence (a few dozen of the catalog's thousands): the norm is summed over them alone.
  readonly #touched: number[] = [];
  readonly #seen: Uint8Array;
  readonly #items = new Map<string, number>();
  // Which of the catalog's shared scores are this reader's (see CatalogFacts.scores); 0 until it scores, and again
  // once it learns more.
  #stamp = 0;
  readonly #popularityWeight: number;
  #norm: number | undefined;

  constructor(catalog: ItemCatalog, popularityWeight: number) {
    this.#catalog = catalog;
    this.#facts = catalogFacts(catalog);
    this.#attributes = new Float64Array(catalog.attributeKeyCount);
    this.#seen = new Uint8Array(catalog.attributeKeyCount);
    this.#popularityWeight = popularityWeight;
  }

  /** Evidence about an attribute (by key; unknown keys are ignored). */
  addAttribute(key: string, weight: number): void {
    const id = this.#catalog.attributeIdOf(key);
    if (id !== undefined) this.addAttributeId(id, weight);
  }

  addAttributeId(id: number, weight: number): void {
    if (this.#seen[id] === 0) {
      this.#seen[id] = 1;
      this.#touched.push(id);
    }
    this.#attributes[id] = (this.#attributes[id] as number) + weight;
    this.#norm = undefined;
    this.#stamp = 0;
  }

  /** Evidence about an item: the item itself, and a share of it for each of its attributes. */
  addItem(id: string, weight: number): void {
    if (weight === 0 || !this.#catalog.has(id)) return;
    this.#items.set(id, (this.#items.get(id) ?? 0) + weight);
    for (const attribute of this.#catalog.attributeIdsOf(id))
      this.addAttributeId(attribute, ITEM_TO_ATTRIBUTE * weight);
  }

  /** A candidate's score (see the class comment), given what the catalog says of it. */
  #score(id: string, item: ItemFacts | undefined): number {
    if (item === undefined) return this.#compute(id, undefined);
    const { scores } = this.#facts;
    if (this.#stamp === 0) this.#stamp = ++scores.lastStamp;
    const { position } = item;
    const { values, stamps } = scores;
    if (stamps[position] === this.#stamp) return values[position] as number;
    const score = this.#compute(id, item);
    values[position] = score;
    stamps[position] = this.#stamp;
    return score;
  }

  #compute(id: string, item: ItemFacts | undefined): number {
    const { idf, typicalNorm } = this.#facts;
    if (this.#norm === undefined) {
      let sum = 0;
      for (const a of this.#touched) {
        const weighted = (this.#attributes[a] as number) * (idf[a] as number);
        sum += weighted * weighted;
      }
      this.#norm = Math.sqrt(sum);
    }
    let dot = 0;
    if (item !== undefined) {
      const { attributes, idfs } = item;
      // Indexed, not for…of: this runs for every candidate of every question.
      for (let i = 0; i < attributes.length; i++) {
        const w = idfs[i] as number;
        dot += (this.#attributes[attributes[i] as number] as number) * w * w;
      }
    }
    const similarity = this.#norm === 0 ? 0 : dot / (this.#norm * typicalNorm);
    const own = Math.tanh(this.#items.get(id) ?? 0);
    return similarity + ITEM_OWN_WEIGHT * own + this.#popularityWeight * (item?.logPopularity ?? 0);
  }

  /** The candidates best first; equal scores keep the candidates' (seeded random) order. */
  rank(candidates: readonly string[]): string[] {
    // Insertion sort: lists are short, and an item goes after every earlier one of equal score. Shifted by hand, as
    // splicing two arrays cost more than the scores themselves.
    const ranked: string[] = new Array(candidates.length);
    // One scratch array for every call (ranking is synchronous): a typed array per call costs more than the sort.
    if (rankScores.length < candidates.length) rankScores = new Float64Array(2 * candidates.length);
    const scores = rankScores;
    const listed = listedFacts(this.#facts, candidates);
    let count = 0;
    for (let i = 0; i < candidates.length; i++) {
      const id = candidates[i] as string;
      const score = this.#score(id, listed[i]);
      let at = count++;
      while (at > 0 && (scores[at - 1] as number) < score) {
        scores[at] = scores[at - 1] as number;
        ranked[at] = ranked[at - 1] as string;
        at--;
      }
      scores[at] = score;
      ranked[at] = id;
    }
    return ranked;
  }
}

/**
 * An offline recommender from a way of reading tastes out of a context. A context is read once, however many targets
 * are ranked with it (a user has several held-out items).
 */
export function offlineRecommender(
  name: string,
  options: OfflineRecommenderOptions,
  readTastes: (context: EvaluationContext, tastes: TasteScores, catalog: ItemCatalog) => void,
): RankingRecommender {
  const { popularityWeight } = parseOptions(OfflineRecommenderOptionsSchema, options, `${name}Recommender`);
  const read = new WeakMap<EvaluationContext, TasteScores>();
  return {
    name,
    rank: ({ context, candidates, catalog }) => {
      let tastes = read.get(context);
      if (!tastes) {
        tastes = new TasteScores(catalog, popularityWeight);
        readTastes(context, tastes, catalog);
        read.set(context, tastes);
      }
      return tastes.rank(candidates);
    },
  };
}

/** What scoring reads of a catalog, the same for every context: computed once per catalog. */
interface CatalogFacts {
  /**
   * Inverse document frequency per attribute id: sharing a rare tag says more about two films than sharing "Drama",
   * which nearly half of MovieLens carries.
   */
  readonly idf: Float64Array;
  /**
   * The root of an item's mean squared IDF norm over the catalog: it puts matches on the scale of the popularity
   * prior whatever the catalog's vocabulary.
   */
  readonly typicalNorm: number;
  /**
   * Per item id, its attribute ids and its log(1 + popularity) over log(1 + the catalog's highest popularity): 0 for
   * unknown, 1 for the most popular. One look-up per candidate instead of one for each.
   */
  readonly items: ReadonlyMap<string, ItemFacts>;
  /**
   * The scores readers have computed, by catalog position, each with the stamp of the reader it is for. A context
   * ranks many candidate lists in which items recur; shared dense arrays keep those scores without a map per reader
   * (a stamp no longer current is simply recomputed).
   */
  readonly scores: { readonly values: Float64Array; readonly stamps: Float64Array; lastStamp: number };
  /**
   * The facts of the candidate lists ranked last, with the ids they were read for: a target's list is ranked under
   * every condition in turn, and finding the list costs less than a look-up per candidate. Only the last few are
   * kept: a study has a list per target, and keeping all of them took a third more memory.
   */
  readonly recentLists: Array<{ readonly candidates: readonly string[]; readonly ids: string[]; items: ListedFacts }>;
}

// How many candidate lists CatalogFacts.recentLists keeps: more than the questions a study has in flight.
const RECENT_LISTS = 16;

type ListedFacts = ReadonlyArray<ItemFacts | undefined>;

/** What the catalog says of each candidate, in the list's order (undefined for an id it does not have). */
function listedFacts(facts: CatalogFacts, candidates: readonly string[]): ListedFacts {
  const recent = facts.recentLists;
  // The same array may come back changed: then it is read again.
  for (const known of recent) if (known.candidates === candidates && sameIds(known.ids, candidates)) return known.items;
  const items = candidates.map((id) => facts.items.get(id));
  if (recent.length === RECENT_LISTS) recent.pop();
  recent.unshift({ candidates, ids: [...candidates], items });
  return items;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What scoring reads of an item. */
interface ItemFacts {
  readonly position: number;
  readonly attributes: Int32Array;
  /** The IDF of each of `attributes`, in their order: read beside them rather than looked up in the catalog's. */
  readonly idfs: Float64Array;
  readonly logPopularity: number;
}

let rankScores = new Float64Array(64);
const FACTS = new WeakMap<ItemCatalog, CatalogFacts>();

function catalogFacts(catalog: ItemCatalog): CatalogFacts {
  let facts = FACTS.get(catalog);
  if (facts) return facts;
  const idf = new Float64Array(catalog.attributeKeyCount);
  for (let a = 0; a < idf.length; a++) {
    idf[a] = Math.log((1 + catalog.size) / (1 + catalog.attributeCount(catalog.attributeKeyAt(a))));
  }
  const items = new Map<string, ItemFacts>();
  let sum = 0;
  for (const [position, item] of catalog.items().entries()) {
    const attributes = catalog.attributeIdsOf(item.id);
    const idfs = Float64Array.from(attributes, (a) => idf[a] as number);
    for (const w of idfs) sum += w ** 2;
    const logPopularity = catalog.relativeRenown(item.id);
    items.set(item.id, { position, attributes, idfs, logPopularity });
  }
  const scores = { values: new Float64Array(items.size), stamps: new Float64Array(items.size), lastStamp: 0 };
  const typicalNorm = Math.sqrt(sum / Math.max(1, catalog.size)) || 1;
  facts = { idf, typicalNorm, items, scores, recentLists: [] };
  FACTS.set(catalog, facts);
  return facts;
}
