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

/**
 * What has been said in a dialogue that later turns must stay consistent with: the user's latest stated polarity
 * about each item and attribute, its claims to have seen items or not, the items it turned down, and the items the
 * assistant has named. One instance holds a dialogue's committed turns; a fresh one holds a turn being checked, so
 * that a later act of the turn is checked against an earlier act of the same turn without committing either.
 */
export class DialogueCommitments {
  /** Item id → the user's latest stated opinion of it. */
  readonly items = new Map<string, StatedPolarity>();
  /** Attribute key → the user's latest stated polarity about it. */
  readonly attributes = new Map<string, StatedPolarity>();
  /** Item id → the user's latest claim to have seen it or not. */
  readonly seen = new Map<string, SeenClaim>();
  /** Item id → the first time the user rejected or critiqued it. */
  readonly rejected = new Map<string, Rejection>();
  /** Items any assistant act has named. */
  readonly namedByAssistant = new Set<string>();
  /** The critiques of the user's latest turn; undefined in a turn that is not the user's (it leaves them open). */
  critiques: readonly OpenCritique[] | undefined;

  /** Adds the commitments of a later turn (later statements replace earlier ones; first rejections stay). */
  merge(later: DialogueCommitments): void {
    for (const [id, statement] of later.items) this.items.set(id, statement);
    for (const [key, statement] of later.attributes) this.attributes.set(key, statement);
    for (const [id, claim] of later.seen) this.seen.set(id, claim);
    for (const [id, rejection] of later.rejected) if (!this.rejected.has(id)) this.rejected.set(id, rejection);
    for (const id of later.namedByAssistant) this.namedByAssistant.add(id);
    if (later.critiques !== undefined) this.critiques = later.critiques;
  }
}
