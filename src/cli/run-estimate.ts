import { z } from 'zod';

/**
 * What `icer generate --estimate` expects the whole run to spend; `--estimate --json` prints it as is, so programs
 * can parse it with this schema.
 */
export const RunEstimateSchema = z.strictObject({
  /** Dialogues of the run (of this shard, with `--shard`; those left to make, with `--resume`). */
  dialogues: z.int().min(0),
  /** Dialogues of the seeded sample that were worded (a skipped profile is not). */
  sampled: z.int().min(0),
  /** Model calls made for the sample, retries included. */
  callsMade: z.int().min(0),
  /**
   * Replies of the sample that came without token usage (the server does not report it): the expected tokens and cost
   * count them as 0, so they are too low, and `--max-tokens` and `--max-cost` cannot be kept.
   */
  unmeasuredReplies: z.int().min(0),
  /** The sample's spending scaled to the whole run: model calls, tokens and, with `--prices`, the cost (else null). */
  expected: z.strictObject({
    /** Model calls, retries included. */
    calls: z.int().min(0),
    /** Input tokens. */
    inputTokens: z.int().min(0),
    /** Output tokens. */
    outputTokens: z.int().min(0),
    /** The cost at `--prices`; null without them. */
    cost: z.number().min(0).nullable(),
  }),
});
/** What `--estimate` expects the whole run to spend. */
export type RunEstimate = z.infer<typeof RunEstimateSchema>;
