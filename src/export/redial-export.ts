import type { DialogueAct } from '../dialogue/dialogue-acts.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import type { Seed } from '../random/seeded-random.js';
import type { ItemLookup } from './item-lookup.js';
import { recordMentions } from './item-mentions.js';
import { ItemNumbers } from './item-numbers.js';
import { ReDialLabeller, type ReDialLabels } from './redial-labels.js';

export type { ReDialLabels } from './redial-labels.js';

/** One message of a ReDial dialogue. */
export interface ReDialMessage {
  /** The turn's index: icer dialogues have no clock, and ReDial's offsets only need to grow. */
  readonly timeOffset: number;
  /** The words, each film named as `@` and its number (a key of `movieMentions`). */
  readonly text: string;
  /** The speaker: the dialogue's `initiatorWorkerId` (the user) or `respondentWorkerId` (the recommender). */
  readonly senderWorkerId: number;
  /** Unique in the export, counted from 1. */
  readonly messageId: number;
}

/** What traces a ReDial line back to its icer record (ReDial readers pass over keys they do not know). */
export interface ReDialTrace {
  /** The record's `id`. */
  readonly dialogue: string;
  /** The record's `seed`. */
  readonly seed: Seed;
  /** The record's user id (the initiator). */
  readonly user: string;
  /** The recommender policy (the respondent). */
  readonly policy: string;
  /** ReDial film number → icer item id. */
  readonly items: Readonly<Record<string, string>>;
  /** Each message's acts. */
  readonly acts: readonly (readonly DialogueAct[])[];
}

/** One line of a ReDial JSON-lines file: the seeker is the initiator, the recommender the respondent. */
export interface ReDialDialogue {
  /** Film number → title with its year, for every film the dialogue names. */
  readonly movieMentions: Readonly<Record<string, string>>;
  /** The answers about each film; the same as `initiatorQuestions` (icer's acts are one truth, not two accounts). */
  readonly respondentQuestions: Readonly<Record<string, ReDialLabels>>;
  /** One message per turn, in order. */
  readonly messages: readonly ReDialMessage[];
  /** Counted from 1 in the export. */
  readonly conversationId: number;
  /** The recommender policy, as a worker number (numbered by first appearance in the export). */
  readonly respondentWorkerId: number;
  /** The user, as a worker number (numbered by first appearance in the export). */
  readonly initiatorWorkerId: number;
  /** Film number → the seeker's answers about the film (ReDial's questionnaire, read from the acts). */
  readonly initiatorQuestions: Readonly<Record<string, ReDialLabels>>;
  /** What traces the line back to its icer record. */
  readonly icer: ReDialTrace;
}

/**
 * A converter of records into ReDial dialogues, numbering as it goes: conversations and messages from 1 in the order
 * given, workers (users and recommender policies) by first appearance, films by their MovieLens movieId or, for other
 * ids, by their place among the catalog's sorted ids. Titles the words name become `@number` mentions;
 * `initiatorQuestions` and `respondentQuestions` are read from the acts (who named each film first, whether the
 * seeker has seen and liked it). Throws `UNKNOWN_ITEM` for a film no catalog has.
 *
 * @example
 * ```ts
 * const toReDial = redialExporter(new ItemLookup(builtinCatalog()));
 * for (const record of records) console.log(JSON.stringify(toReDial(record)));
 * ```
 */
export function redialExporter(items: ItemLookup): (record: DialogueRecord) => ReDialDialogue {
  const numbers = new ItemNumbers(items);
  const workers = new Map<string, number>();
  const worker = (key: string) => {
    let number = workers.get(key);
    if (number === undefined) {
      number = workers.size + 1;
      workers.set(key, number);
    }
    return number;
  };
  let conversations = 0;
  let messageIds = 0;
  return (record) => {
    const initiator = worker(`user:${record.user.id}`);
    const respondent = worker(`recommender:${record.generator.policy}`);
    const labeller = new ReDialLabeller();
    const mentions = recordMentions(record, items);
    const messages = record.turns.map((turn, index): ReDialMessage => {
      let text = '';
      let from = 0;
      for (const mention of mentions[index] ?? []) {
        labeller.named(mention.item, turn.speaker);
        // A title of one everyday word is quoted ("Up"): ReDial marks it as any other, @123, not "@123".
        const quoted = turn.text[mention.start - 1] === '"' && turn.text[mention.end] === '"' ? 1 : 0;
        text += `${turn.text.slice(from, mention.start - quoted)}@${numbers.number(mention.item)}`;
        from = mention.end + quoted;
      }
      for (const act of turn.acts) labeller.add(act, turn.speaker);
      return {
        timeOffset: turn.index,
        text: text + turn.text.slice(from),
        senderWorkerId: turn.speaker === 'user' ? initiator : respondent,
        messageId: ++messageIds,
      };
    });
    const movieMentions: Record<string, string> = {};
    const questions: Record<string, ReDialLabels> = {};
    const trace: Record<string, string> = {};
    for (const [item, labels] of labeller.labels) {
      const key = String(numbers.number(item));
      movieMentions[key] = items.title(item);
      questions[key] = labels;
      trace[key] = item;
    }
    return {
      movieMentions,
      respondentQuestions: questions,
      messages,
      conversationId: ++conversations,
      respondentWorkerId: respondent,
      initiatorWorkerId: initiator,
      initiatorQuestions: structuredClone(questions),
      icer: {
        dialogue: record.id,
        seed: record.seed,
        user: record.user.id,
        policy: record.generator.policy,
        items: trace,
        acts: record.turns.map((turn) => turn.acts),
      },
    };
  };
}
