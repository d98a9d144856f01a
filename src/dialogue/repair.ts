import { z } from 'zod';
import { ViolationSchema } from './violation.js';

/** A repaired turn: the text violations found, and how the turn was fixed. */
export const RepairSchema = z.strictObject({
  /** Index of the repaired turn. */
  turn: z.number().int().min(0),
  /** Verbalisation attempts made (the first included). */
  attempts: z.number().int().min(1),
  /** `regenerated`: a later attempt passed; `template`: fell back to the template rendering. */
  method: z.enum(['regenerated', 'template']),
  /** The violations the first failed attempt broke (empty when its reply was unusable: see `unusable`). */
  violations: z.array(ViolationSchema),
  /** Why an attempt failed when it was not a violation: the model's reply could not be used at all. */
  unusable: z.string().optional(),
});
/** A repaired turn. */
export type Repair = z.output<typeof RepairSchema>;
