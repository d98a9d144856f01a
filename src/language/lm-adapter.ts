import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { DialogueAct, Speaker } from '../simulation/dialogue-acts.js';
import type { Turn, TokenUsage } from '../generation/dialogue-record.js';
import type { Persona } from '../profile/profile-schema.js';
import type { SeededRandom } from '../random/seeded-random.js';

/** What an adapter is asked to put into words: one turn's acts, in the context of the dialogue so far. */
export interface VerbalizeRequest {
  /** Who speaks this turn. */
  speaker: Speaker;
  /** The acts to render, in order. The text must say exactly these and nothing more. */
  acts: readonly DialogueAct[];
  /** Earlier turns, oldest first, with their text. */
  history: readonly Turn[];
  /** Where item ids resolve to titles and facts. */
  catalog: ItemCatalog;
  /** The user's persona (style only); present on user turns when the profile has one. */
  persona?: Persona;
  /** A seeded stream for this turn: adapters that choose among phrasings must draw from it, never Math.random. */
  random: SeededRandom;
  /** On a retry: what was wrong with the previous attempt, one sentence per problem. */
  feedback?: readonly string[];
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** An adapter's rendering of one turn. */
export interface VerbalizeResult {
  /** The utterance. */
  text: string;
  /** Tokens used, when a model was called. */
  usage?: TokenUsage;
}

/**
 * Puts a turn's dialogue acts into words. The template adapter needs no model; language-model adapters (see
 * `icer/ai`) call one. Implement this to plug in any other model.
 *
 * @example
 * ```ts
 * const shouting: LMAdapter = {
 *   name: 'shouting',
 *   async verbalize(request) {
 *     const { text } = await new TemplateAdapter().verbalize(request);
 *     return { text: text.toUpperCase() };
 *   },
 * };
 * ```
 */
export interface LMAdapter {
  /** Recorded in each dialogue as `generator.lm`: `template`, or `provider:model`. */
  readonly name: string;
  /** Renders one turn. May be called again for the same turn, with `feedback`, when the text was inconsistent. */
  verbalize(request: VerbalizeRequest): Promise<VerbalizeResult>;
}
