import { z } from 'zod';
import type { DialogueAct, Speaker } from '../dialogue/dialogue-acts.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import type { Seed } from '../random/seeded-random.js';
import type { ItemLookup } from './item-lookup.js';
import { recommenderSystemPrompt, userSystemPrompt } from './system-prompts.js';

/** The side a chat export trains: `recommender` (the recommender speaks as `assistant`) or `user` (a user simulator). */
export const ChatSideSchema = z.enum(['recommender', 'user']);
/** The side a chat export trains. */
export type ChatSide = z.output<typeof ChatSideSchema>;

/** Options of the `chat` export. */
export const ChatExportOptionsSchema = z.strictObject({
  /**
   * The side that speaks as `assistant`: `recommender` to train a recommender, `user` to train a user simulator.
   * @default 'recommender'
   */
  as: ChatSideSchema.default('recommender'),
  /**
   * The system message of every conversation, or `null` for none. Absent: the side's default — for a recommender its
   * role in the record's domain, for a user simulator its role and the hidden tastes it answered from.
   */
  system: z.string().min(1).nullable().optional(),
  /**
   * Whether each line carries `metadata` (dialogue id, seed, user, and each message's turn and acts) beside
   * `messages`. Turn it off for a service that refuses keys other than `messages`.
   * @default true
   */
  metadata: z.boolean().default(true),
});
/** Options of the `chat` export. */
export type ChatExportOptions = z.input<typeof ChatExportOptionsSchema>;

/** One message of a chat conversation. */
export interface ChatMessage {
  /** Who speaks: the system message, the other side (`user`) or the trained side (`assistant`). */
  readonly role: 'system' | 'user' | 'assistant';
  /** The message's text. */
  readonly content: string;
}

/** What traces a chat conversation back to its record. */
export interface ChatMetadata {
  /** The record's `id`. */
  readonly dialogue: string;
  /** The record's `seed`: regenerating with it gives the same dialogue. */
  readonly seed: Seed;
  /** The record's user id. */
  readonly user: string;
  /** The side that speaks as `assistant`. */
  readonly as: ChatSide;
  /** For each message after the system message: the index of the turn it renders. */
  readonly turns: readonly number[];
  /** For each message after the system message: the acts of its turn. */
  readonly acts: readonly (readonly DialogueAct[])[];
}

/** One line of a chat fine-tuning file. */
export interface ChatConversation {
  /** The system message, then one message per turn, ending on an `assistant` message. */
  readonly messages: readonly ChatMessage[];
  /** What traces the conversation back to its record, when asked for. */
  readonly metadata?: ChatMetadata;
}

/**
 * A converter of records into chat fine-tuning conversations (`{"messages":[{"role","content"}]}`, as OpenAI's chat
 * fine-tuning takes them). The trained side speaks as `assistant`, the other as `user`; every conversation ends on
 * an `assistant` message (trailing turns of the other side are dropped), and a record with no turn of the trained
 * side gives `undefined`. `items` is needed only for the default system message of a user simulator (its titles).
 *
 * @example
 * ```ts
 * const toChat = chatExporter({ as: 'user' }, new ItemLookup(builtinCatalog()));
 * const line = toChat(record); // { messages: [{ role: 'system', … }, { role: 'user', … }, …], metadata }
 * ```
 */
export function chatExporter(
  options: z.output<typeof ChatExportOptionsSchema>,
  items: ItemLookup,
): (record: DialogueRecord) => ChatConversation | undefined {
  const assistant: Speaker = options.as === 'recommender' ? 'assistant' : 'user';
  return (record) => {
    let last = record.turns.length - 1;
    while (last >= 0 && record.turns[last]?.speaker !== assistant) last--;
    if (last < 0) return undefined;
    const turns = record.turns.slice(0, last + 1);
    const system =
      options.system === undefined
        ? options.as === 'recommender'
          ? recommenderSystemPrompt(record)
          : userSystemPrompt(record, items)
        : options.system;
    const messages: ChatMessage[] = [
      ...(system === null ? [] : [{ role: 'system' as const, content: system }]),
      ...turns.map((turn) => ({
        role: turn.speaker === assistant ? ('assistant' as const) : ('user' as const),
        content: turn.text,
      })),
    ];
    if (!options.metadata) return { messages };
    return {
      messages,
      metadata: {
        dialogue: record.id,
        seed: record.seed,
        user: record.user.id,
        as: options.as,
        turns: turns.map((turn) => turn.index),
        acts: turns.map((turn) => turn.acts),
      },
    };
  };
}
