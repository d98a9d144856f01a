import { expect } from 'vitest';
import type { z } from 'zod';
import { displayTitle } from '../../src/catalog/item.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { type DialogueAct, DialogueActSchema } from '../../src/dialogue/dialogue-acts.js';
import type { Turn } from '../../src/dialogue/turn.js';
import type { Violation } from '../../src/dialogue/violation.js';
import { PreferenceProfile } from '../../src/profile/preference-profile.js';

/** The built-in catalog: real titles, remakes (True Grit, West Side Story) and aliases (Se7en / Seven). */
export const catalog = builtinCatalog();

/**
 * Ana: likes The Matrix and Blade Runner, disliked The Shining, felt neutral about Toy Story; loves sci-fi, dislikes
 * horror, is lukewarm on crime and comedy; Heat (1995) is her held-out target.
 */
export const ana = new PreferenceProfile({
  id: 'ana',
  liked: [
    { item: 'the-matrix-1999', strength: 1 },
    { item: 'blade-runner-1982', strength: 0.8 },
  ],
  disliked: [{ item: 'the-shining-1980', strength: 0.9 }],
  neutral: ['toy-story-1995'],
  affinities: { 'genre:Sci-Fi': 0.8, 'genre:Horror': -0.7, 'genre:Crime': 0.3, 'genre:Comedy': 0.1 },
  heldOut: ['heat-1995'],
});

/** "Heat (1995)": how the template verbaliser writes an item. */
export function title(id: string): string {
  return displayTitle(catalog.require(id));
}

/** One act, with the schema's defaults filled in. */
export function act(input: z.input<typeof DialogueActSchema>): DialogueAct {
  return DialogueActSchema.parse(input);
}

function turn(
  index: number,
  speaker: Turn['speaker'],
  text: string,
  acts: Array<z.input<typeof DialogueActSchema>>,
): Turn {
  return { index, speaker, text, acts: acts.map(act) };
}

/** An assistant turn. */
export function assistant(index: number, text: string, ...acts: Array<z.input<typeof DialogueActSchema>>): Turn {
  return turn(index, 'assistant', text, acts);
}

/** A user turn. */
export function user(index: number, text: string, ...acts: Array<z.input<typeof DialogueActSchema>>): Turn {
  return turn(index, 'user', text, acts);
}

/** A greeting to open test dialogues with. */
export function greeting(index = 0): Turn {
  return assistant(index, 'Hi! What are you in the mood for tonight?', { type: 'greet' }, { type: 'ask-open' });
}

/** The parts of violations a test pins down exactly: turn, rule and evidence (messages are checked for shape). */
export function summary(violations: readonly Violation[]): Array<Pick<Violation, 'turn' | 'rule' | 'evidence'>> {
  for (const violation of violations) {
    expect(violation.message).toMatch(/^[A-Z].*\.$/);
    expect(violation.message).not.toContain('\n');
  }
  return violations.map(({ turn, rule, evidence }) => ({ turn, rule, evidence }));
}
