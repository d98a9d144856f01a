import { z } from 'zod';
import { IcerError } from '../errors.js';
import { type DialogueRecord, DialogueRecordSchema } from '../generation/dialogue-record.js';
import { readJsonLines } from '../io/json-lines-file.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';

/** A line of a corpus file that is not a dialogue of its format: where it is and why. */
export interface BrokenLine {
  /** The file's path, as given. */
  readonly file: string;
  /** The line's number, from 1. */
  readonly line: number;
  /** Why the line is not a dialogue of the format. */
  readonly reason: string;
}

/**
 * The formats a corpus file may have, one dialogue per line: `icer` records; `redial`, the ReDial JSON-lines format
 * (`messages` with `text` and `senderWorkerId`, `movieMentions`); `chat`, plain chat JSONL
 * (`{"messages":[{"role","content"}]}`, as chat fine-tuning files have).
 */
export const CorpusFormatSchema = z.enum(['icer', 'redial', 'chat']);
/** A corpus file's format. */
export type CorpusFormat = z.output<typeof CorpusFormatSchema>;

/** One dialogue of a corpus: its utterances (one per stored message or turn) and, for icer, the record. */
export interface CorpusDialogue {
  /** The text of each stored message or turn, in order. */
  readonly utterances: readonly string[];
  /** The icer record the utterances come from; absent for other formats. */
  readonly record?: DialogueRecord;
}

const ReDialSchema = z.looseObject({
  messages: z.array(z.looseObject({ text: z.string(), senderWorkerId: z.union([z.number(), z.string()]) })),
  // ReDial writes an empty list, not an object, when a dialogue mentions no film.
  movieMentions: z.union([z.record(z.string(), z.string().nullable()), z.array(z.unknown())]).optional(),
});

const ChatContentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
]);
const ChatSchema = z.looseObject({
  messages: z.array(z.looseObject({ role: z.string(), content: ChatContentSchema })),
});

/** The format of a parsed line: what its fields say it is, or undefined. */
function formatOf(value: unknown): CorpusFormat | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Record<string, unknown>;
  if ('turns' in fields && 'generator' in fields) return 'icer';
  const first = Array.isArray(fields.messages)
    ? (fields.messages[0] as Record<string, unknown> | undefined)
    : undefined;
  if (first && 'senderWorkerId' in first) return 'redial';
  if (first && 'role' in first) return 'chat';
  return undefined;
}

// "@203371" in a ReDial message is the film people saw named: its title from `movieMentions`.
const MENTION = /@(\d+)/g;

function readDialogue(format: CorpusFormat, value: unknown): { dialogue?: CorpusDialogue; problem?: string } {
  if (format === 'icer') {
    const parsed = DialogueRecordSchema.safeParse(value);
    if (!parsed.success)
      return { problem: `not a dialogue record: ${describeZodIssue(parsed.error.issues[0]).message}` };
    return { dialogue: { utterances: parsed.data.turns.map((turn) => turn.text), record: parsed.data } };
  }
  if (format === 'redial') {
    const parsed = ReDialSchema.safeParse(value);
    if (!parsed.success)
      return { problem: `not a ReDial dialogue: ${describeZodIssue(parsed.error.issues[0]).message}` };
    const mentions = Array.isArray(parsed.data.movieMentions) ? {} : (parsed.data.movieMentions ?? {});
    const utterances = parsed.data.messages.map((message) =>
      message.text.replace(MENTION, (whole, id: string) => mentions[id] ?? whole),
    );
    return { dialogue: { utterances } };
  }
  const parsed = ChatSchema.safeParse(value);
  if (!parsed.success) return { problem: `not a chat dialogue: ${describeZodIssue(parsed.error.issues[0]).message}` };
  const utterances = parsed.data.messages
    .filter((message) => message.role !== 'system')
    .map((message) =>
      typeof message.content === 'string' ? message.content : message.content.map((part) => part.text ?? '').join(''),
    );
  return { dialogue: { utterances } };
}

/** A corpus as it is read: its dialogues, and its format (for a file, known once its first dialogue is read). */
export interface CorpusReading {
  /** The format; undefined until it is known (a file with no dialogue never tells). */
  readonly format: () => CorpusFormat | undefined;
  /** The corpus's dialogues, read once, in order. */
  readonly dialogues: AsyncIterable<CorpusDialogue> | Iterable<CorpusDialogue>;
}

/** icer records already in memory (or streamed by a generator) as a corpus. */
export function recordCorpus(records: AsyncIterable<DialogueRecord> | Iterable<DialogueRecord>): CorpusReading {
  async function* dialogues(): AsyncGenerator<CorpusDialogue> {
    for await (const record of records) yield { utterances: record.turns.map((turn) => turn.text), record };
  }
  return { format: () => 'icer', dialogues: dialogues() };
}

/**
 * Reads a corpus file (`.jsonl`, or `.jsonl.gz`) of icer records, ReDial dialogues or chat conversations: the first
 * line that is a dialogue of one of the formats decides the file's (or `format` does); every other line must be one
 * of that format. A line that is not is reported to `onBroken` (file, line number, reason) and skipped. Throws
 * `FILE_NOT_FOUND` for a file that cannot be read, and `INVALID_ARGUMENT` when no line is a dialogue of any format.
 */
export function readCorpusFile(
  file: string,
  onBroken: (broken: BrokenLine) => void,
  format?: CorpusFormat,
): CorpusReading {
  let decided = format;
  async function* dialogues(): AsyncGenerator<CorpusDialogue> {
    let lines = 0;
    for await (const { number, text } of readJsonLines(file)) {
      lines++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        onBroken({ file, line: number, reason: `not JSON (${(error as Error).message})` });
        continue;
      }
      decided ??= formatOf(value);
      if (decided === undefined) {
        onBroken({ file, line: number, reason: 'not a dialogue: neither an icer record, ReDial nor chat messages' });
        continue;
      }
      const { dialogue, problem } = readDialogue(decided, value);
      if (dialogue) yield dialogue;
      else onBroken({ file, line: number, reason: problem as string });
    }
    if (decided === undefined && lines > 0) {
      throw new IcerError(
        'INVALID_ARGUMENT',
        'No line is a dialogue: neither an icer record, ReDial nor chat messages.',
        {
          location: { file },
          hint: 'Give icer records, ReDial JSON lines ("messages" with "text" and "senderWorkerId") or chat JSONL ({"messages":[{"role","content"}]}).',
        },
      );
    }
  }
  return { format: () => decided, dialogues: dialogues() };
}
