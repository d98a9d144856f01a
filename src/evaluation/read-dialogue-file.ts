import type { DialogueRecord } from '../generation/dialogue-record.js';
import { type BrokenLine, readCorpusFile } from './corpus-file.js';

export type { BrokenLine } from './corpus-file.js';

/**
 * The dialogue records of a JSON Lines file (`.jsonl`, or gzip-compressed `.jsonl.gz`), in order. Blank lines are
 * passed over; a line that is not JSON or not a record is reported to `onBroken` (file, line number, reason) and
 * skipped, so one bad line costs one dialogue. Throws `FILE_NOT_FOUND` for a file that cannot be read, and
 * `INVALID_ENCODING` for a `.gz` file that is not gzip.
 */
export async function* readDialogueFile(
  file: string,
  onBroken: (broken: BrokenLine) => void,
): AsyncGenerator<DialogueRecord> {
  for await (const dialogue of readCorpusFile(file, onBroken, 'icer').dialogues) {
    if (dialogue.record) yield dialogue.record;
  }
}
