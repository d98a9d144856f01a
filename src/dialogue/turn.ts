import { z } from 'zod';
import { DialogueActSchema, SpeakerSchema } from './dialogue-acts.js';

/** One turn: who spoke, the acts they performed (the truth), and the words that render them. */
export const TurnSchema = z.strictObject({
  /** 0-based position in the dialogue. */
  index: z.number().int().min(0),
  /** Who speaks: `assistant` (the recommender) or `user`. */
  speaker: SpeakerSchema,
  /** The utterance. */
  text: z.string(),
  /**
   * The structured acts the text renders: at least one, except in a dialogue a model wrote without the simulator
   * (`generator.policy` `unconstrained`), whose turns have none (the record schema checks this).
   */
  acts: z.array(DialogueActSchema),
});
/** One turn. */
export type Turn = z.output<typeof TurnSchema>;
