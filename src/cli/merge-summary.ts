import { z } from 'zod';

/** What `icer merge --json` prints: the merged file and what it holds. */
export const MergeSummarySchema = z.strictObject({
  /** The merged output, as an absolute path. */
  out: z.string().min(1),
  /** Dialogue records written to it. */
  dialogues: z.int().min(0),
  /** How many shards were joined. */
  shards: z.int().min(1),
});
/** What `icer merge --json` prints. */
export type MergeSummary = z.infer<typeof MergeSummarySchema>;
