import { type Item, parseAttributeKey } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { perItem } from '../catalog/per-item.js';
import type { DialogueAct, Polarity, Speaker } from '../dialogue/dialogue-acts.js';
import type { Violation, ViolationRule } from '../dialogue/violation.js';
import type { PreferenceProfile } from '../profile/preference-profile.js';
import { contradictsAffinity, polarityOfOpinion } from '../profile/stated-polarity.js';
import { facetsByKind } from '../simulation/catalog-index.js';
import { canPerform } from './act-speakers.js';
import { DialogueCommitments, type OpenCritique } from './dialogue-commitments.js';
import { attributeLabel, attributeOpinionWords, itemLabel, itemOpinionWords, itemsLabel } from './violation-wording.js';

// The attributes that make an item's kind (its genres; any attribute in a catalog without genres), read once per item:
// every recommendation "like" a title asks for them.
const kindKeysOf = perItem((item, catalog): readonly string[] => {
  const kinds = facetsByKind(catalog, ['genre']);
  return catalog.attributeKeysOf(item.id).filter((key) => kinds.includes(parseAttributeKey(key)?.facet ?? ''));
});

/** What the behavioural rules check acts against. */
export interface ActRuleContext {
  readonly catalog: ItemCatalog;
  readonly profile: PreferenceProfile;
  /** The profile's held-out items, as a set. */
  readonly heldOut: ReadonlySet<string>;
  /** What the committed turns said. */
  readonly committed: DialogueCommitments;
}

/** The behavioural verdict on one turn's acts: what they break, and what they commit the speaker to. */
export interface ActOutcome {
  readonly violations: Violation[];
  /** The turn's own commitments, to merge into the dialogue's once the turn is spoken. */
  readonly commitments: DialogueCommitments;
}

/**
 * Checks one turn's acts against the hidden profile and everything committed so far, act by act (a later act of
 * the turn is also checked against the earlier ones), and collects what they commit the speaker to.
 */
export function evaluateActs(
  context: ActRuleContext,
  speaker: Speaker,
  acts: readonly DialogueAct[],
  index: number,
): ActOutcome {
  return new TurnEvaluation(context, index).run(speaker, acts);
}

class TurnEvaluation {
  readonly violations: Violation[] = [];
  readonly commitments = new DialogueCommitments();
  readonly #context: ActRuleContext;
  readonly #turn: number;
  // Held-out items already reported this turn: one leak per item, however many acts name it.
  #leaked: Set<string> | undefined;
  // Once the assistant has said nothing fits a critique, what it offers next is an open relaxation, not a breach.
  #saidNoMatch = false;

  constructor(context: ActRuleContext, turn: number) {
    this.#context = context;
    this.#turn = turn;
  }

  run(speaker: Speaker, acts: readonly DialogueAct[]): ActOutcome {
    if (speaker === 'user') this.commitments.critiques = [];
    for (const act of acts) {
      if (!canPerform(speaker, act.type)) {
        const evidence = act.items.length > 0 ? { items: [...act.items] } : {};
        this.#report('invalid-act', `The ${speaker} cannot perform a "${act.type}" act.`, evidence);
        continue;
      }
      const known = this.#knownItems(act);
      if (speaker === 'assistant') this.#assistantAct(act, known);
      else this.#userAct(act, known);
    }
    return { violations: this.violations, commitments: this.commitments };
  }

  // The act's items that are in the catalog; each unknown one is reported and left out of the other rules.
  #knownItems(act: DialogueAct): readonly string[] {
    const { catalog } = this.#context;
    if (act.items.every((id) => catalog.has(id))) return act.items;
    const known: string[] = [];
    for (const id of act.items) {
      if (catalog.has(id)) known.push(id);
      else
        this.#report('invalid-act', `The "${act.type}" act names item "${id}", which is not in the catalog.`, {
          items: [id],
        });
    }
    return known;
  }

  #assistantAct(act: DialogueAct, items: readonly string[]): void {
    for (const id of items) this.commitments.nameByAssistant(id);
    if (act.type === 'no-match') this.#saidNoMatch = true;
    if (act.type !== 'recommend') return;
    const { committed } = this.#context;
    if (!this.#saidNoMatch) for (const critique of committed.critiques ?? []) this.#honours(critique, items);
    for (const key of new Set(act.reasons)) this.#reason(key, items);
    if (act.like !== undefined) this.#like(act.like, items);
    for (const id of items) {
      const rejection = committed.rejected.get(id);
      if (rejection) {
        const how = rejection.via === 'reject' ? 'rejected' : 'critiqued';
        const message = `The assistant recommends ${this.#item(id)}, which the user ${how} at turn ${rejection.turn}.`;
        this.#report('recommend-rejected', message, { items: [id], earlierTurn: rejection.turn });
      }
      const stated = committed.items.get(id);
      if (stated?.polarity === 'negative') {
        const message = `The assistant recommends ${this.#item(id)}, which the user said at turn ${stated.turn} it disliked.`;
        this.#report('recommend-disliked', message, { items: [id], earlierTurn: stated.turn });
      }
    }
  }

  // "Like A, but more X" is answered by items that all carry X; "less X" by items without it; "newer"/"older" by
  // items from after or before A's year.
  #honours(critique: OpenCritique, items: readonly string[]): void {
    const { catalog } = this.#context;
    const year = catalog.get(critique.item)?.year;
    const against = items.filter((id) => {
      if (critique.direction === 'more' || critique.direction === 'less') {
        if (critique.attribute === undefined) return false;
        return catalog.carries(id, critique.attribute) !== (critique.direction === 'more');
      }
      const other = catalog.get(id)?.year;
      if (year === undefined || other === undefined) return false;
      return critique.direction === 'newer' ? other <= year : other >= year;
    });
    if (against.length === 0) return;
    const shift =
      critique.attribute === undefined
        ? critique.direction
        : `${critique.direction} ${attributeLabel(critique.attribute)}`;
    const message = `The user asked at turn ${critique.turn} for something like ${this.#item(critique.item)} but ${shift}; the assistant recommends ${itemsLabel(catalog, against, 'and')}, which ${against.length === 1 ? 'does' : 'do'} not fit, without saying nothing fits.`;
    this.#report('recommend-ignores-critique', message, {
      items: against,
      ...(critique.attribute !== undefined ? { attribute: critique.attribute } : {}),
      earlierTurn: critique.turn,
    });
  }

  // A reason is said of the whole slate and as the user's own taste ("You said you like sci-fi, so try A or B"): every
  // item must carry it, and the user's latest word about it must be that it likes it.
  #reason(key: string, items: readonly string[]): void {
    const { catalog, committed } = this.#context;
    const lacking = items.filter((id) => !catalog.carries(id, key));
    if (lacking.length > 0) {
      const message = `The assistant gives ${attributeLabel(key)} as the reason for its recommendation, but ${itemsLabel(catalog, lacking, 'and')} ${lacking.length === 1 ? 'does' : 'do'} not have it.`;
      this.#report('recommend-unsupported-reason', message, { items: lacking, attribute: key });
    }
    const stated = committed.attributes.get(key);
    if (stated?.polarity !== 'positive') {
      const said = stated
        ? `at turn ${stated.turn} the user said it ${attributeOpinionWords(stated.polarity)} ${attributeLabel(key)}`
        : 'the user never said it likes it';
      const message = `The assistant gives ${attributeLabel(key)} as something the user likes, but ${said}.`;
      this.#report('recommend-unsupported-reason', message, {
        attribute: key,
        ...(stated ? { earlierTurn: stated.turn } : {}),
      });
    }
  }

  // "Since you liked Heat, try Ronin": the user's latest word on the title must be that they liked it, and every item
  // must be of its kind (a genre in common; any attribute in common in a catalog without genres).
  #like(id: string, items: readonly string[]): void {
    const { catalog, committed } = this.#context;
    if (!catalog.has(id)) {
      this.#report('invalid-act', `The recommendation is said to be like "${id}", which is not in the catalog.`, {
        items: [id],
      });
      return;
    }
    const stated = committed.items.get(id);
    if (stated?.polarity !== 'positive') {
      const said = stated
        ? `at turn ${stated.turn} the user said it ${itemOpinionWords(stated.polarity)} it`
        : 'the user never said it liked it';
      const message = `The assistant recommends items as like ${this.#item(id)}, a title the user liked, but ${said}.`;
      this.#report('recommend-unsupported-reason', message, {
        items: [id],
        ...(stated ? { earlierTurn: stated.turn } : {}),
      });
    }
    const shared = kindKeysOf(catalog.get(id) as Item, catalog);
    const unlike = items.filter((item) => !shared.some((key) => catalog.carries(item, key)));
    if (unlike.length > 0) {
      const message = `The assistant recommends ${itemsLabel(catalog, unlike, 'and')} as like ${this.#item(id)}, but ${unlike.length === 1 ? 'it shares' : 'they share'} no genre with it.`;
      this.#report('recommend-unsupported-reason', message, { items: [...unlike, id] });
    }
  }

  #userAct(act: DialogueAct, items: readonly string[]): void {
    this.#checkLeaks(items);
    switch (act.type) {
      case 'disclose':
        if (act.attribute !== undefined) this.#attributeStatement(act.attribute, act.polarity);
        for (const id of items) {
          this.#seenClaim(id, true);
          this.#itemStatement(id, act.polarity);
        }
        return;
      case 'answer-item':
        for (const id of items) {
          this.#seenClaim(id, act.seen);
          if (act.seen && act.polarity !== undefined) this.#itemStatement(id, act.polarity);
        }
        return;
      case 'critique':
        if (act.attribute !== undefined) this.#attributeStatement(act.attribute, act.polarity);
        for (const id of items) this.#rejection(id, 'critique');
        if (items[0] !== undefined) {
          const open = { item: items[0], attribute: act.attribute, direction: act.direction, turn: this.#turn };
          this.commitments.critiques = [...(this.commitments.critiques ?? []), open];
        }
        return;
      case 'reject':
        for (const id of items) {
          if (act.seen) this.#seenClaim(id, true);
          this.#rejection(id, 'reject');
        }
        return;
      case 'accept':
        for (const id of items) this.#accept(id);
        return;
      default:
        return;
    }
  }

  #checkLeaks(items: readonly string[]): void {
    const { heldOut, committed } = this.#context;
    if (heldOut.size === 0) return;
    for (const id of items) {
      if (!heldOut.has(id) || committed.namedByAssistant.has(id) || this.#leaked?.has(id)) continue;
      this.#leaked ??= new Set();
      this.#leaked.add(id);
      this.#report(
        'held-out-leak',
        `The user names ${this.#item(id)}, a held-out target the assistant has not brought up.`,
        {
          items: [id],
        },
      );
    }
  }

  #seenClaim(id: string, seen: boolean): void {
    const opinion = this.#context.profile.opinionOf(id);
    if (seen && opinion === 'unseen') {
      const what = this.#context.heldOut.has(id)
        ? 'a held-out target it has not seen'
        : 'which its profile says it has not seen';
      this.#report('unseen-item-claimed', `The user claims to have seen ${this.#item(id)}, ${what}.`, { items: [id] });
    } else if (!seen && opinion !== 'unseen') {
      this.#report(
        'user-contradicts-profile',
        `The user says it has not seen ${this.#item(id)}, which its profile has as ${opinion}.`,
        {
          items: [id],
        },
      );
    }
    const earlier = this.commitments.seen.get(id) ?? this.#context.committed.seen.get(id);
    if (earlier && earlier.seen !== seen) {
      const message = seen
        ? `The user now says it has seen ${this.#item(id)}, but said at turn ${earlier.turn} that it had not.`
        : `The user now says it has not seen ${this.#item(id)}, but said at turn ${earlier.turn} that it had.`;
      this.#report('user-contradicts-self', message, { items: [id], earlierTurn: earlier.turn });
    }
    this.commitments.claimSeen(id, { seen, turn: this.#turn });
  }

  #itemStatement(id: string, polarity: Polarity): void {
    const opinion = this.#context.profile.opinionOf(id);
    const expected = polarityOfOpinion(opinion);
    if (expected !== undefined && expected !== polarity) {
      this.#report(
        'user-contradicts-profile',
        `The user says it ${itemOpinionWords(polarity)} ${this.#item(id)}, but its profile has it as ${opinion}.`,
        { items: [id] },
      );
    }
    const earlier = this.commitments.items.get(id) ?? this.#context.committed.items.get(id);
    if (earlier && earlier.polarity !== polarity) {
      const now = `${itemOpinionWords(polarity)} ${this.#item(id)}`;
      const message = `The user now says it ${now}, but said at turn ${earlier.turn} it ${itemOpinionWords(earlier.polarity)} it.`;
      this.#report('user-contradicts-self', message, { items: [id], earlierTurn: earlier.turn });
    }
    this.commitments.stateItem(id, { polarity, turn: this.#turn });
  }

  #attributeStatement(key: string, polarity: Polarity): void {
    const affinity = this.#context.profile.affinity(key);
    if (contradictsAffinity(polarity, affinity)) {
      this.#report(
        'user-contradicts-profile',
        `The user says it ${attributeOpinionWords(polarity)} ${attributeLabel(key)}, but its profile's affinity for it is ${affinity}.`,
        { attribute: key },
      );
    }
    const earlier = this.commitments.attributes.get(key) ?? this.#context.committed.attributes.get(key);
    if (earlier && earlier.polarity !== polarity) {
      const now = `${attributeOpinionWords(polarity)} ${attributeLabel(key)}`;
      const message = `The user now says it ${now}, but said at turn ${earlier.turn} it ${attributeOpinionWords(earlier.polarity)} it.`;
      this.#report('user-contradicts-self', message, { attribute: key, earlierTurn: earlier.turn });
    }
    this.commitments.stateAttribute(key, { polarity, turn: this.#turn });
  }

  #rejection(id: string, via: 'reject' | 'critique'): void {
    this.commitments.reject(id, { turn: this.#turn, via });
  }

  #accept(id: string): void {
    const { profile, catalog, committed } = this.#context;
    if (profile.opinionOf(id) === 'disliked') {
      const message = `The user accepts ${this.#item(id)}, which its profile has as disliked.`;
      this.#report('user-contradicts-profile', message, { items: [id] });
    }
    const stated = this.commitments.items.get(id) ?? committed.items.get(id);
    if (stated?.polarity === 'negative') {
      const message = `The user accepts ${this.#item(id)}, which it said at turn ${stated.turn} it disliked.`;
      this.#report('accept-contradicts-dislike', message, { items: [id], earlierTurn: stated.turn });
    }
    const keys = catalog.attributeKeysOf(id);
    // Few attributes are ever stated, so walk those rather than the item's (possibly many) attributes.
    // This turn's statements first: they replace earlier ones about the same attribute.
    const latest = new Set<string>();
    for (const source of [this.commitments.attributes, committed.attributes]) {
      for (const [key, statement] of source) {
        if (latest.has(key)) continue;
        latest.add(key);
        if (statement.polarity !== 'negative' || !keys.includes(key as (typeof keys)[number])) continue;
        const attribute = `${attributeLabel(key)}, an attribute it said at turn ${statement.turn} it dislikes`;
        const message = `The user accepts ${this.#item(id)}, which has ${attribute}.`;
        this.#report('accept-contradicts-dislike', message, {
          items: [id],
          attribute: key,
          earlierTurn: statement.turn,
        });
      }
    }
  }

  #item(id: string): string {
    return itemLabel(this.#context.catalog, id);
  }

  #report(rule: ViolationRule, message: string, evidence: Violation['evidence']): void {
    this.violations.push({ turn: this.#turn, rule, message, evidence });
  }
}
