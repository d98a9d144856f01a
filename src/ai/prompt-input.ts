import { displayTitle, type Item } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { type DialogueAct, namedItems } from '../dialogue/dialogue-acts.js';
import type { Turn } from '../dialogue/turn.js';
import type { DialogueVerbalizeRequest, VerbalizeRequest } from '../language/lm-adapter.js';
import { TemplateAdapter } from '../language/template-adapter.js';
import type { Persona } from '../profile/profile-schema.js';
import { describeActs } from './describe-acts.js';
import type { DialoguePromptInput, DialogueTurnPrompt, ItemFacts, PersonaStyle, TurnPromptInput } from './prompts.js';

const templates = new TemplateAdapter();

const STYLES: Record<PersonaStyle['verbosity'], string> = {
  terse: 'Short replies: a few words or one short sentence.',
  normal: 'Ordinary replies: one or two sentences.',
  chatty: 'Friendly and talkative: may add a brief friendly aside, but no extra preference, opinion or fact.',
};

/** The persona's speaking style, or undefined when there is no persona. */
export function personaStyle(persona: Persona | undefined): PersonaStyle | undefined {
  if (persona === undefined) return undefined;
  const verbosity = persona.verbosity ?? 'normal';
  return { verbosity, style: STYLES[verbosity] };
}

const FACET_FIELDS: Readonly<Record<string, 'genres' | 'directors' | 'cast' | 'tags'>> = {
  genre: 'genres',
  director: 'directors',
  cast: 'cast',
  tag: 'tags',
};

/** An item's title and facts, as a prompt states them. */
export function itemFacts(item: Item): ItemFacts {
  const facts: ItemFacts = { title: displayTitle(item) };
  for (const [facet, values] of Object.entries(item.attributes)) {
    if (values.length === 0) continue;
    const field = Object.hasOwn(FACET_FIELDS, facet) ? FACET_FIELDS[facet] : undefined;
    if (field !== undefined) {
      facts[field] = [...values];
    } else {
      facts.other ??= {};
      facts.other[facet] = [...values];
    }
  }
  return facts;
}

// The model sees titles, never ids: an id it might copy into the text ("m42") means nothing to a reader.
function actsWithTitles(acts: readonly DialogueAct[], catalog: ItemCatalog): DialogueAct[] {
  const titled = (id: string) => displayTitle(catalog.require(id));
  return acts.map(
    (act) =>
      ({
        ...act,
        items: act.items.map(titled),
        ...(act.type === 'recommend' && act.like !== undefined ? { like: titled(act.like) } : {}),
      }) as DialogueAct,
  );
}

function namedItemFacts(acts: readonly DialogueAct[], catalog: ItemCatalog, into: Map<string, ItemFacts>): string[] {
  const titles: string[] = [];
  for (const act of acts) {
    for (const id of namedItems(act)) {
      const item = catalog.require(id);
      const facts = into.get(id) ?? itemFacts(item);
      into.set(id, facts);
      if (!titles.includes(facts.title)) titles.push(facts.title);
    }
  }
  return titles;
}

/** The prompt input of one turn: directives, acts, facts, the template draft, persona, the latest turns, feedback. */
export function turnPromptInput(request: VerbalizeRequest, historyTurns: number): TurnPromptInput {
  const { catalog } = request;
  const items = new Map<string, ItemFacts>();
  namedItemFacts(request.acts, catalog, items);
  // A fork, so that drawing the draft leaves the request's stream where the generator's template fallback expects it.
  const draft = templates.verbalizeSync({ ...request, random: request.random.fork('ai-draft') });
  const persona = personaStyle(request.persona);
  return {
    speaker: request.speaker,
    domain: catalog.domain,
    say: describeActs(request.acts, catalog),
    acts: actsWithTitles(request.acts, catalog),
    items: [...items.values()],
    draft,
    ...(persona ? { persona } : {}),
    conversation:
      historyTurns === 0
        ? []
        : request.history
            .slice(-historyTurns)
            .map((turn) => ({ turn: turn.index, speaker: turn.speaker, text: turn.text })),
    feedback: [...(request.feedback ?? [])],
  };
}

/** The prompt input of a whole dialogue, and the template drafts (the fallback for any turn). */
export function dialoguePromptInput(request: DialogueVerbalizeRequest): DialoguePromptInput {
  const { catalog } = request;
  const items = new Map<string, ItemFacts>();
  const feedback = new Map<number, string[]>();
  for (const entry of request.feedback ?? []) {
    feedback.set(entry.turn, [...(feedback.get(entry.turn) ?? []), ...entry.problems]);
  }
  const history: Turn[] = [];
  const turns: DialogueTurnPrompt[] = [];
  for (const turn of request.turns) {
    const persona = turn.speaker === 'user' ? request.persona : undefined;
    const draft = templates.verbalizeSync({
      speaker: turn.speaker,
      acts: turn.acts,
      history,
      catalog,
      ...(persona ? { persona } : {}),
      random: request.random.fork(`ai-draft/${turn.index}`),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    history.push({ index: turn.index, speaker: turn.speaker, text: draft, acts: [...turn.acts] });
    const problems = feedback.get(turn.index);
    turns.push({
      turn: turn.index,
      speaker: turn.speaker,
      say: describeActs(turn.acts, catalog),
      acts: actsWithTitles(turn.acts, catalog),
      items: namedItemFacts(turn.acts, catalog, items),
      draft,
      ...(problems ? { feedback: problems } : {}),
    });
  }
  const persona = personaStyle(request.persona);
  return { domain: catalog.domain, turns, items: [...items.values()], ...(persona ? { persona } : {}), feedback: [] };
}
