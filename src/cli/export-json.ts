import { z } from 'zod';
import { ExportSummarySchema } from '../export/export-dialogues.js';

/** What `icer export --json` prints: the library's export summary, where it went, and the lines it could not read. */
export const ExportJsonSchema = z.strictObject({
  /** The file (or, for `hf`, the folder) written, as an absolute path. */
  out: z.string().min(1),
  ...ExportSummarySchema.unwrap().shape,
  /** Lines of the input that were not dialogue records, skipped and named on stderr. */
  brokenLines: z.int().min(0),
});
/** What `icer export --json` prints. */
export type ExportJson = z.infer<typeof ExportJsonSchema>;
