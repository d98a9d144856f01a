import { z } from 'zod';

/**
 * How acts are put into words: `turn`, one adapter call per turn, each seeing the conversation so far; `dialogue`,
 * the acts of the whole dialogue decided first and worded in one call.
 */
export const VerbalizationModeSchema = z.enum(['turn', 'dialogue']);
/** One of {@link VerbalizationModeSchema}'s values. */
export type VerbalizationMode = z.output<typeof VerbalizationModeSchema>;
