import { z } from 'zod';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { type MentionFinder, mentionFinderFor } from '../consistency/mention-finder.js';
import { type ActOfType, CritiqueDirectionSchema, type DialogueAct, slateItems } from '../dialogue/dialogue-acts.js';
import { type DialogueRecord, OutcomeReasonSchema } from '../generation/dialogue-record.js';

const Share = z.number().min(0).max(1);
const Count = z.number().int().min(0);

/** How the critiques of one direction were answered. */
const CritiqueAnswersSchema = z.strictObject({
  /** Critiques of this direction. */
  count: Count,
  /** Answered by a slate whose every item fits the critique. */
  honoured: Count,
  /** Answered by saying that nothing left fits (`no-match`). */
  noMatch: Count,
  /** Answered some other way: a slate with an item that does not fit, or no slate. */
  notHonoured: Count,
  /** Answered by a slate with an item the catalog does not know, so it could not be checked. */
  unchecked: Count,
});

/** What the simulated speakers did, read from the records' acts (icer records only). */
export const BehaviourStatsSchema = z.strictObject({
  /** Per speaker, each act type's share of that speaker's acts. */
  actMix: z.strictObject({
    /** The recommender's acts: act type to share. */
    assistant: z.record(z.string(), Share),
    /** The simulated user's acts: act type to share. */
    user: z.record(z.string(), Share),
  }),
  /** Each outcome's share of the dialogues. */
  outcomes: z.record(OutcomeReasonSchema, Share),
  /**
   * Mean number of slates (assistant turns that recommend: a slate in two parts, each with its reason, is one) shown
   * up to and including the accepted one, over accepted dialogues.
   */
  slatesBeforeAcceptance: z.number().nullable(),
  /** Critiques by direction, and how the assistant answered them. */
  critiques: z.record(CritiqueDirectionSchema, CritiqueAnswersSchema),
  /**
   * Held-out targets the user named (in the text, found by the mention finder) before the assistant recommended
   * them: evaluation data that leaked into the dialogue. 0 is right.
   */
  leakage: z.strictObject({
    /** Held-out targets named early, over all dialogues. */
    targets: Count,
    /** Dialogues with at least one. */
    dialogues: Count,
  }),
});
/** Behaviour figures of a corpus of icer records. */
export type BehaviourStats = z.output<typeof BehaviourStatsSchema>;

type Answer = 'honoured' | 'noMatch' | 'notHonoured' | 'unchecked';

/**
 * Adds up the behaviour of icer records, one at a time. Each record is read against the first of the catalogs that
 * knows its items, so one run can describe built-in and MovieLens records side by side.
 */
export class BehaviourTally {
  readonly #catalogs: readonly ItemCatalog[];
  #catalog: ItemCatalog;
  #finder: MentionFinder;
  readonly #acts = { assistant: new Map<string, number>(), user: new Map<string, number>() };
  readonly #outcomes = new Map<string, number>();
  readonly #critiques = new Map<string, Record<Answer | 'count', number>>();
  #dialogues = 0;
  #accepted = 0;
  #slatesToAcceptance = 0;
  #leakedTargets = 0;
  #leakedDialogues = 0;

  constructor(catalogs: readonly [ItemCatalog, ...ItemCatalog[]]) {
    this.#catalogs = catalogs;
    this.#catalog = catalogs[0];
    this.#finder = mentionFinderFor(this.#catalog);
  }

  #readWith(record: DialogueRecord): void {
    const item = record.user.liked[0] ?? record.outcome.recommended[0] ?? record.user.heldOut[0];
    if (item === undefined || this.#catalog.has(item)) return;
    const catalog = this.#catalogs.find((c) => c.has(item));
    if (!catalog) return;
    this.#catalog = catalog;
    this.#finder = mentionFinderFor(catalog);
  }

  add(record: DialogueRecord): void {
    this.#readWith(record);
    this.#dialogues++;
    this.#outcomes.set(record.outcome.reason, (this.#outcomes.get(record.outcome.reason) ?? 0) + 1);
    let slates = 0;
    let acceptedAfter: number | undefined;
    const recommended = new Set<string>();
    const heldOut = new Set(record.user.heldOut);
    const leaked = new Set<string>();
    for (const [index, turn] of record.turns.entries()) {
      const counts = this.#acts[turn.speaker];
      for (const act of turn.acts) counts.set(act.type, (counts.get(act.type) ?? 0) + 1);
      if (turn.speaker === 'user' && heldOut.size > 0) {
        // Read as the tracker reads a turn: a title two items share ("True Grit", said after "True Grit (2010)") is a
        // mention of the one the turn's acts name, not of a held-out namesake.
        const named = turn.acts.flatMap((act) => act.items);
        for (const mention of this.#finder.findMentions(turn.text, named)) {
          for (const item of mention.items) if (heldOut.has(item) && !recommended.has(item)) leaked.add(item);
        }
      }
      if (turn.speaker === 'assistant') {
        // A slate in two parts, each with its reason, is one slate.
        const slate = slateItems(turn.acts);
        if (slate.length > 0) slates++;
        for (const item of slate) recommended.add(item);
        continue;
      }
      for (const act of turn.acts) {
        if (act.type === 'accept' && acceptedAfter === undefined) acceptedAfter = slates;
        // A critique on the last turn (said in leaving) had no turn to be answered in: it is neither honoured nor not.
        const answer = record.turns[index + 1];
        if (act.type === 'critique' && answer) this.#countCritique(act, answer.acts);
      }
    }
    if (record.outcome.reason === 'accepted' && acceptedAfter !== undefined) {
      this.#accepted++;
      this.#slatesToAcceptance += acceptedAfter;
    }
    this.#leakedTargets += leaked.size;
    if (leaked.size > 0) this.#leakedDialogues++;
  }

  #countCritique(critique: ActOfType<'critique'>, answer: readonly DialogueAct[]): void {
    let tally = this.#critiques.get(critique.direction);
    if (!tally) {
      tally = { count: 0, honoured: 0, noMatch: 0, notHonoured: 0, unchecked: 0 };
      this.#critiques.set(critique.direction, tally);
    }
    tally.count++;
    tally[this.#answer(critique, answer)]++;
  }

  #answer(critique: ActOfType<'critique'>, answer: readonly DialogueAct[]): Answer {
    if (answer.some((act) => act.type === 'no-match')) return 'noMatch';
    const slate = slateItems(answer);
    if (slate.length === 0) return 'notHonoured';
    const anchor = this.#catalog.get(critique.items[0] as string)?.year;
    for (const id of slate) {
      const item = this.#catalog.get(id);
      if (!item) return 'unchecked';
      const fits =
        critique.direction === 'more' || critique.direction === 'less'
          ? this.#catalog.carries(id, critique.attribute as string) === (critique.direction === 'more')
          : anchor !== undefined &&
            item.year !== undefined &&
            (critique.direction === 'newer' ? item.year > anchor : item.year < anchor);
      if (!fits) return 'notHonoured';
    }
    return 'honoured';
  }

  result(): BehaviourStats {
    const shares = (counts: Map<string, number>) => {
      const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
      return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => [key, n / total]));
    };
    const share = (n: number) => (this.#dialogues === 0 ? 0 : n / this.#dialogues);
    return {
      actMix: { assistant: shares(this.#acts.assistant), user: shares(this.#acts.user) },
      outcomes: Object.fromEntries(
        OutcomeReasonSchema.options.map((reason) => [reason, share(this.#outcomes.get(reason) ?? 0)]),
      ) as BehaviourStats['outcomes'],
      slatesBeforeAcceptance: this.#accepted === 0 ? null : this.#slatesToAcceptance / this.#accepted,
      critiques: Object.fromEntries(
        CritiqueDirectionSchema.options.map((direction) => [
          direction,
          this.#critiques.get(direction) ?? { count: 0, honoured: 0, noMatch: 0, notHonoured: 0, unchecked: 0 },
        ]),
      ) as BehaviourStats['critiques'],
      leakage: { targets: this.#leakedTargets, dialogues: this.#leakedDialogues },
    };
  }
}
