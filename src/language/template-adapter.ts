import { throwIfAborted } from '../abort.js';
import type { Turn } from '../dialogue/turn.js';
import type {
  DialogueVerbalizeRequest,
  DialogueVerbalizeResult,
  LMAdapter,
  VerbalizeRequest,
  VerbalizeResult,
} from './lm-adapter.js';
import { saidBefore } from './said-before.js';
import { verbalizeFromTemplates } from './templates/verbalize-from-templates.js';

// Redraws (the random stream has moved on) of a turn that says again what its speaker said before; a turn whose
// every wording does is kept as last drawn.
const REDRAWS = 2;

/**
 * The offline adapter: renders dialogue acts with hand-written templates, no model needed. Every act type has
 * several phrasings, chosen with the request's seeded random stream, so the same acts and seed give the same text;
 * a turn's acts are joined into one natural utterance ("I love sci-fi, but I can't stand horror."). An item first
 * appears as its display title ("The Matrix (1999)"); once the dialogue has named it, and whenever a user names it,
 * it is written without its year ("The Matrix"; a title of one everyday word in quotes, "Up"), unless the title
 * alone is ambiguous: another item has it, this one is not far better known ("Titanic" is the 1997 film; "The
 * Producers" of 1968 keeps its year) and the dialogue has not yet named it with its year, or the other has come up.
 * Nothing is said that the acts do not say. User turns follow the persona's verbosity (`terse` short forms, `chatty`
 * an occasional aside).
 *
 * @example
 * ```ts
 * const adapter = new TemplateAdapter();
 * const { text } = await adapter.verbalize({
 *   speaker: 'user',
 *   acts: [{ type: 'disclose', items: [], attribute: 'genre:Sci-Fi', polarity: 'positive', strength: 0.9 }],
 *   history: [],
 *   catalog: builtinCatalog(),
 *   random: new SeededRandom(7),
 * });
 * // e.g. "I love sci-fi."
 * ```
 */
export class TemplateAdapter implements LMAdapter {
  /** Recorded as `generator.lm`. */
  readonly name = 'template';

  /** Renders one turn; see {@link TemplateAdapter.verbalizeSync}. */
  async verbalize(request: VerbalizeRequest): Promise<VerbalizeResult> {
    return { text: this.verbalizeSync(request) };
  }

  /**
   * Renders every turn of a dialogue (dialogue mode), each seeing the ones before it, from one seeded stream per
   * turn. Turns named in `feedback` are the only ones a retry changes; templates never need one.
   */
  async verbalizeDialogue(request: DialogueVerbalizeRequest): Promise<DialogueVerbalizeResult> {
    const history: Turn[] = [];
    for (const turn of request.turns) {
      const text = this.verbalizeSync({
        speaker: turn.speaker,
        acts: turn.acts,
        history,
        catalog: request.catalog,
        ...(request.persona && turn.speaker === 'user' ? { persona: request.persona } : {}),
        ...(request.voice && turn.speaker === 'assistant' ? { voice: request.voice } : {}),
        random: request.random.fork(`turn/${turn.index}`),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      history.push({ index: turn.index, speaker: turn.speaker, text, acts: [...turn.acts] });
    }
    return { texts: history.map((turn) => turn.text) };
  }

  /**
   * The same rendering, synchronously: for callers on a hot path or falling back from a model. Throws
   * `UNKNOWN_ITEM` for an item id not in the catalog and `ABORTED` when the request's signal has fired.
   */
  verbalizeSync(request: VerbalizeRequest): string {
    throwIfAborted(request.signal);
    const repeats = saidBefore(request);
    let text = verbalizeFromTemplates(request);
    for (let redraw = 0; redraw < REDRAWS && repeats(text); redraw++) text = verbalizeFromTemplates(request);
    return text;
  }
}
