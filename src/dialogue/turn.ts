import { z } from 'zod';
import { DialogueActSchema, SpeakerSchema } from './dialogue-acts.js';

/** One turn: who spoke, the acts they performed (the truth), and the words that render them. */
export const TurnSchema = z.strictObject({
  /** 0-based position in the dialogue. */
  index: z.number().int().min(0),
  speaker: SpeakerSchema,
  /** The utterance. */
  text: z.string(),
  /** The structured acts the text renders. */
  acts: z.array(DialogueActSchema).min(1),
});
/** One turn. */
export type Turn = z.output<typeof TurnSchema>;
