import type { Polarity } from '../dialogue/dialogue-acts.js';

/** A polarity the user stated, and the turn it said it in. */
export interface StatedPolarity {
  readonly polarity: Polarity;
  readonly turn: number;
}

/** Whether the user said it had seen an item, and when. */
export interface SeenClaim {
  readonly seen: boolean;
  readonly turn: number;
}

/** A recommended item the user turned down, and how. */
export interface Rejection {
  readonly turn: number;
  readonly via: 'reject' | 'critique';
}

/** A critique of the user's latest turn, which the assistant's answer must honour. */
export interface OpenCritique {
  readonly item: string;
  readonly attribute: string | undefined;
  readonly direction: 'less' | 'more' | 'newer' | 'older';
  readonly turn: number;
}

// What a collection reads as before anything is put in it (typed read-only, so never filled): most turns commit to one
// kind of thing or none, and a tracker makes a fresh set of commitments for every turn.
const NO_ENTRIES: ReadonlyMap<string, never> = new Map<string, never>();
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * What has been said in a dialogue that later turns must stay consistent with: the user's latest stated polarity
 * about each item and attribute, its claims to have seen items or not, the items it turned down, and the items the
 * assistant has named. One instance holds a dialogue's committed turns; a fresh one holds a turn being checked, so
 * that a later act of the turn is checked against an earlier act of the same turn without committing either.
 */
export class DialogueCommitments {
  #items: Map<string, StatedPolarity> | undefined;
  #attributes: Map<string, StatedPolarity> | undefined;
  #seen: Map<string, SeenClaim> | undefined;
  #rejected: Map<string, Rejection> | undefined;
  #namedByAssistant: Set<string> | undefined;
  /** The critiques of the user's latest turn; undefined in a turn that is not the user's (it leaves them open). */
  critiques: readonly OpenCritique[] | undefined;

  /** Item id → the user's latest stated opinion of it. */
  get items(): ReadonlyMap<string, StatedPolarity> {
    return this.#items ?? NO_ENTRIES;
  }

  /** Attribute key → the user's latest stated polarity about it. */
  get attributes(): ReadonlyMap<string, StatedPolarity> {
    return this.#attributes ?? NO_ENTRIES;
  }

  /** Item id → the user's latest claim to have seen it or not. */
  get seen(): ReadonlyMap<string, SeenClaim> {
    return this.#seen ?? NO_ENTRIES;
  }

  /** Item id → the first time the user rejected or critiqued it. */
  get rejected(): ReadonlyMap<string, Rejection> {
    return this.#rejected ?? NO_ENTRIES;
  }

  /** Items any assistant act has named. */
  get namedByAssistant(): ReadonlySet<string> {
    return this.#namedByAssistant ?? NO_IDS;
  }

  /** The user's latest opinion of an item, replacing any earlier one. */
  stateItem(id: string, statement: StatedPolarity): void {
    this.#items ??= new Map();
    this.#items.set(id, statement);
  }

  /** The user's latest polarity about an attribute, replacing any earlier one. */
  stateAttribute(key: string, statement: StatedPolarity): void {
    this.#attributes ??= new Map();
    this.#attributes.set(key, statement);
  }

  /** The user's latest claim to have seen an item or not, replacing any earlier one. */
  claimSeen(id: string, claim: SeenClaim): void {
    this.#seen ??= new Map();
    this.#seen.set(id, claim);
  }

  /** An item the user turned down; only the first time counts. */
  reject(id: string, rejection: Rejection): void {
    if (this.rejected.has(id)) return;
    this.#rejected ??= new Map();
    this.#rejected.set(id, rejection);
  }

  /** An item an assistant act named. */
  nameByAssistant(id: string): void {
    this.#namedByAssistant ??= new Set();
    this.#namedByAssistant.add(id);
  }

  /** Adds the commitments of a later turn (later statements replace earlier ones; first rejections stay). */
  merge(later: DialogueCommitments): void {
    // Only what the later turn filled in is walked: a turn commits to one kind of thing or none, and every turn merges.
    if (later.#items) for (const [id, statement] of later.#items) this.stateItem(id, statement);
    if (later.#attributes) for (const [key, statement] of later.#attributes) this.stateAttribute(key, statement);
    if (later.#seen) for (const [id, claim] of later.#seen) this.claimSeen(id, claim);
    if (later.#rejected) for (const [id, rejection] of later.#rejected) this.reject(id, rejection);
    if (later.#namedByAssistant) for (const id of later.#namedByAssistant) this.nameByAssistant(id);
    if (later.critiques !== undefined) this.critiques = later.critiques;
  }
}
