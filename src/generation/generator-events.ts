import type { Turn } from '../dialogue/turn.js';
import type { Violation } from '../dialogue/violation.js';
import type { IcerError } from '../errors.js';
import type { Seed } from '../random/seeded-random.js';
import type { DialogueRecord } from './dialogue-record.js';

/** The events a {@link DialogueGenerator} emits, with their payloads. */
export interface DialogueGeneratorEvents {
  /** A dialogue is about to start. */
  'dialogue:start': (event: { dialogueId: string; userId: string; seed: Seed; index: number }) => void;
  /** A turn was spoken (after its consistency check and any repair). */
  turn: (event: { dialogueId: string; turn: Turn }) => void;
  /** A violation was found; `repaired` tells whether the turn was fixed (the text re-rendered). */
  inconsistency: (event: { dialogueId: string; violation: Violation; repaired: boolean }) => void;
  /** A dialogue is complete. */
  'dialogue:end': (event: { record: DialogueRecord; index: number }) => void;
  /**
   * A batch skipped a profile it cannot use (`generateMany` with `invalidProfiles: 'skip'`), in input order: its
   * index and id are used up, and `error` says what is wrong with it.
   */
  'dialogue:skip': (event: { index: number; dialogueId: string; userId: string; error: IcerError }) => void;
  /**
   * After each dialogue of a batch: how many are done, how many profiles were skipped, of how many (when known), and
   * how many violations the records hold.
   */
  progress: (event: { completed: number; skipped: number; total: number | undefined; violations: number }) => void;
  /** A dialogue failed: emitted when its failure surfaces (by `generate`, or when a batch reaches it and stops). */
  error: (event: { error: unknown; dialogueId: string | undefined; index: number | undefined }) => void;
}
