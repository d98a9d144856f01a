import { z } from 'zod';

/** How the making of an item is said: "directed", "wrote" (past) and "directed", "written" (participle). */
export const MadeSchema = z.strictObject({
  /** The simple past, for "who ___ X": "directed", "wrote". */
  past: z.string().min(1),
  /** The past participle, for "X, ___ by Y": "directed", "written". */
  participle: z.string().min(1),
});
/** How the making of an item is said. */
export type Made = z.output<typeof MadeSchema>;
