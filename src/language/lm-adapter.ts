import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { DialogueAct, Speaker } from '../dialogue/dialogue-acts.js';
import type { TokenUsage } from '../dialogue/token-usage.js';
import type { Turn } from '../dialogue/turn.js';
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
  /**
   * The recommender's voice for the whole dialogue, drawn once from the dialogue's seed, so that every assistant
   * turn, the opening one included, speaks alike. Style only, like `persona`: adapters may ignore it. The generator
   * always sets it; a caller that leaves it out gets one derived from the dialogue's first utterance.
   */
  voice?: 'terse' | 'normal' | 'chatty';
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
  /**
   * Tokens the response cost when it was produced. A response replayed from a cache reports its original usage, so
   * that a cached re-run writes the same bytes; what a run actually spent is in the adapter's own statistics.
   * Include the replies re-asked because they could not be used (see {@link VerbalizeResult.calls}).
   */
  usage?: TokenUsage;
  /**
   * How many model replies this rendering took: 1, plus any reply the adapter re-asked because it could not be
   * used. Counted like `usage`, as originally made (a reply replayed from a cache counts), and without network
   * retries, so that a cached re-run writes the same bytes. Added up in the record's `generator.calls`; ignored for
   * the template adapter, which calls no model.
   * @default 1
   */
  calls?: number;
}

/** One turn of a dialogue to be worded in dialogue mode: the acts, without text. */
export interface DialogueTurnActs {
  /** The turn's 0-based position in the dialogue. */
  index: number;
  /** Who speaks this turn. */
  speaker: Speaker;
  /** The acts to render, in order. The utterance must say exactly these and nothing more. */
  acts: readonly DialogueAct[];
}

/** What an adapter is asked in dialogue mode: every turn's acts at once, to be worded in one call. */
export interface DialogueVerbalizeRequest {
  /** All turns, in order. The result must have exactly one utterance per turn. */
  turns: readonly DialogueTurnActs[];
  /** Where item ids resolve to titles and facts. */
  catalog: ItemCatalog;
  /** The user's persona (style only). */
  persona?: Persona;
  /** The recommender's voice for this dialogue (see {@link VerbalizeRequest.voice}). */
  voice?: 'terse' | 'normal' | 'chatty';
  /** A seeded stream for this dialogue. */
  random: SeededRandom;
  /** On a retry: the turns whose previous wording was wrong, and why. Turns not listed were fine. */
  feedback?: ReadonlyArray<{
    /** The turn's index. */
    turn: number;
    /** What was wrong with its wording, one sentence per problem. */
    problems: readonly string[];
  }>;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** An adapter's rendering of a whole dialogue: one utterance per turn, in order. */
export interface DialogueVerbalizeResult {
  /** The utterances, one per requested turn, in order. */
  texts: string[];
  /** Tokens the response cost when it was produced (see {@link VerbalizeResult.usage}). */
  usage?: TokenUsage;
  /**
   * How many model replies it took (see {@link VerbalizeResult.calls}).
   * @default 1
   */
  calls?: number;
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
  /**
   * Renders one turn. May be called again for the same turn, with `feedback`, when the text was inconsistent. A model
   * reply that cannot be used is reported by throwing an `InvalidReplyError` (`LM_INVALID_REPLY`) with what it
   * cost: the generator re-asks, then falls back to templates, and counts its tokens.
   */
  verbalize(request: VerbalizeRequest): Promise<VerbalizeResult>;
  /**
   * Renders a whole dialogue in one call (the generator's `mode: 'dialogue'`). Optional: adapters without it work in
   * turn mode only.
   */
  verbalizeDialogue?(request: DialogueVerbalizeRequest): Promise<DialogueVerbalizeResult>;
}
