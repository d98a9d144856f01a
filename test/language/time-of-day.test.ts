import { describe, expect, it } from 'vitest';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { DialogueAct } from '../../src/dialogue/dialogue-acts.js';
import type { Turn } from '../../src/dialogue/turn.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { templateDialogues } from '../helpers/template-dialogues.js';

// The evening, as a speaker sets it; capitalised only where a sentence starts, so titles ("The Night of the Hunter",
// "Twelfth Night") are not read as setting it.
const EVENING = /\b(?:[Tt]onight|[Ee]vening|night)\b/;

// Times of a turn that cannot go together, or read as two templates' seams when said twice.
const TODAY = /\btoday\b/i;
const TONIGHT = /\btonight\b/gi;

const adapter = new TemplateAdapter();
const goal: DialogueAct[] = [{ type: 'state-goal', items: [] }];

function greeting(text: string): Turn {
  return { index: 0, speaker: 'assistant', text, acts: [{ type: 'greet', items: [] }] };
}

/** How many of 60 opening requests after a hello, and after a hello and a turn that set the evening, name it. */
function eveningsAfter(history: readonly Turn[]): number {
  let evenings = 0;
  for (let seed = 0; seed < 60; seed++) {
    const text = adapter.verbalizeSync({
      speaker: 'user',
      acts: goal,
      history,
      catalog: builtinCatalog(),
      random: new SeededRandom(`evening/${seed}`),
    });
    if (EVENING.test(text)) evenings++;
  }
  return evenings;
}

describe('time of day', () => {
  it('is left unset in some dialogues from their first words to their last, and those hold to it', () => {
    const hellos = Array.from({ length: 24 }, (_, k) => greeting(`Hi! Welcome back, number ${k}. What can I do?`));
    const counts = hellos.map((hello) => eveningsAfter([hello]));
    const timeless = counts.filter((count) => count === 0).length;
    // About half the dialogues that open without a time set none; the others name the evening as often as before.
    expect(timeless).toBeGreaterThanOrEqual(6);
    expect(timeless).toBeLessThanOrEqual(18);
    for (const count of counts) if (count > 0) expect(count).toBeGreaterThan(15);
    // A hello that sets the evening leaves every later turn free to speak of it.
    expect(eveningsAfter([greeting('Good evening! What can I do?')])).toBeGreaterThan(15);
  });

  it('is free again once a turn has set it, in a dialogue that had set none', () => {
    const hellos = Array.from({ length: 24 }, (_, k) => greeting(`Hi! Welcome back, number ${k}. What can I do?`));
    const timeless = hellos.filter((hello) => eveningsAfter([hello]) === 0);
    expect(timeless.length).toBeGreaterThan(0);
    for (const hello of timeless) {
      const set: Turn = { index: 1, speaker: 'user', text: 'Finally, a quiet evening.', acts: goal };
      const ask: Turn = {
        index: 2,
        speaker: 'assistant',
        text: 'What are you after?',
        acts: [{ type: 'ask-open', items: [] }],
      };
      expect(eveningsAfter([hello, set, ask])).toBeGreaterThan(0);
    }
  });

  it('sets the evening in fewer than 6 dialogues in 10, and still in some, for films and books', async () => {
    for (const catalog of [builtinCatalog(), builtinBooksCatalog()]) {
      const dialogues = await templateDialogues(catalog, 300, { userSeed: 41, seed: 42 });
      const evening = dialogues.filter((dialogue) => dialogue.turns.some((turn) => EVENING.test(turn.text)));
      // Each speaker's wording of the time had set 7 dialogues in 10 in the evening.
      expect(evening.length / dialogues.length).toBeLessThan(0.6);
      expect(evening.length / dialogues.length).toBeGreaterThan(0.25);
    }
  });

  it('names one time in a turn at most: not "tonight" twice, nor "tonight" and "today"', () => {
    const catalog = builtinCatalog();
    const [item] = catalog.ids();
    const turns: Array<{ speaker: Turn['speaker']; acts: DialogueAct[]; history: Turn[] }> = [
      // "Looking for a movie tonight? What are you looking for today?"
      {
        speaker: 'assistant',
        acts: [
          { type: 'greet', items: [] },
          { type: 'ask-open', items: [] },
        ],
        history: [],
      },
      // "… I'm not feeling it tonight. I'll stop there for tonight."
      {
        speaker: 'user',
        acts: [
          { type: 'reject', items: [item as string], seen: false },
          { type: 'give-up', items: [] },
        ],
        history: [greeting('Good evening! Try this one.')],
      },
    ];
    for (const { speaker, acts, history } of turns) {
      let named = 0;
      for (let seed = 0; seed < 600; seed++) {
        const text = adapter.verbalizeSync({
          speaker,
          acts,
          history,
          catalog,
          random: new SeededRandom(`one time/${seed}`),
        });
        const tonight = text.match(TONIGHT)?.length ?? 0;
        expect(tonight, text).toBeLessThanOrEqual(1);
        expect(tonight > 0 && TODAY.test(text), text).toBe(false);
        if (tonight + (TODAY.test(text) ? 1 : 0) > 0) named++;
      }
      // A time is still named, once.
      expect(named).toBeGreaterThan(30);
    }
  });
});
