import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type DialogueRecord, DialogueRecordSchema } from '../generation/dialogue-record.js';
import { fileError } from '../io/file-error.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';

/** A line of a dialogue file that is not a dialogue record: where it is and why. */
export interface BrokenLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/**
 * The dialogue records of a JSON Lines file, in order. Blank lines are passed over; a line that is not JSON or not a
 * record is reported to `onBroken` (file, line number, reason) and skipped, so one bad line costs one dialogue.
 * Throws `FILE_NOT_FOUND` for a file that cannot be read.
 */
export async function* readDialogueFile(
  file: string,
  onBroken: (broken: BrokenLine) => void,
): AsyncGenerator<DialogueRecord> {
  // Opened first, so that a missing or unreadable file is one clear error before anything is read.
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw fileError(error, file);
  });
  const lines = createInterface({ input: handle.createReadStream(), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        onBroken({ file, line: number, reason: `not JSON (${(error as Error).message})` });
        continue;
      }
      const parsed = DialogueRecordSchema.safeParse(value);
      if (!parsed.success) {
        onBroken({
          file,
          line: number,
          reason: `not a dialogue record: ${describeZodIssue(parsed.error.issues[0]).message}`,
        });
        continue;
      }
      yield parsed.data;
    }
  } catch (error) {
    throw fileError(error, file);
  } finally {
    lines.close();
  }
}
