import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { TemplateAdapter } from '../../src/language/template-adapter.js';
import { SeededRandom } from '../../src/random/seeded-random.js';

// Written apart from the templates: the sentences that invite an answer by themselves.
const INVITING = /(I have more\.|catch your eye\?|any of them\?|Would you watch it\?)/;

describe('a suggestion that invites an answer', () => {
  it('ends there: no fact and no second invitation after it', () => {
    const catalog = builtinCatalog();
    const adapter = new TemplateAdapter();
    const slates = [['heat-1995'], ['heat-1995', 'alien-1979', 'the-matrix-1999']];
    let inviting = 0;
    for (const items of slates) {
      for (let seed = 0; seed < 3000; seed++) {
        const text = adapter.verbalizeSync({
          speaker: 'assistant',
          acts: [{ type: 'recommend', items, reasons: [] }],
          history: [],
          catalog,
          voice: 'chatty',
          random: new SeededRandom(seed),
        });
        const match = INVITING.exec(text);
        if (!match) continue;
        inviting++;
        expect(text.slice(match.index + match[0].length), text).toBe('');
      }
    }
    expect(inviting).toBeGreaterThan(50);
  });

  it('asks what the user would change when the act does, as its only question, and not otherwise', () => {
    const catalog = builtinCatalog();
    const adapter = new TemplateAdapter();
    // Written apart from the templates: an invitation to critique names a change to ask for.
    const ASKS_CHANGE = /\b(?:change|tweak|adjust|refine|different|better|missing)\b/;
    const word = (items: string[], invitesCritique: boolean, seed: number, reasons: string[] = []) =>
      adapter.verbalizeSync({
        speaker: 'assistant',
        acts: [{ type: 'recommend', items, reasons, invitesCritique }],
        history: [],
        catalog,
        voice: 'chatty',
        random: new SeededRandom(seed),
      });
    const slates = [['heat-1995'], ['heat-1995', 'alien-1979', 'the-matrix-1999']];
    const lasts = new Set<string>();
    for (const items of slates)
      for (let seed = 0; seed < 500; seed++)
        for (const reasons of [[], ['genre:Action']]) {
          const invited = word(items, true, seed, reasons);
          const last = invited.slice(invited.lastIndexOf('. ') + 2);
          expect(last, invited).toMatch(ASKS_CHANGE);
          // The invitation is the question: the suggestion asks nothing before it, and no other invitation follows.
          expect(invited, invited).not.toContain('?');
          lasts.add(last);
          expect(word(items, false, seed, reasons), invited).not.toMatch(ASKS_CHANGE);
        }
    expect(lasts.size).toBeGreaterThan(5);
    // Only the first suggestion is called a first try.
    const history = [
      {
        index: 0,
        speaker: 'assistant' as const,
        text: 'How about Alien (1979)?',
        acts: [{ type: 'recommend' as const, items: ['alien-1979'], reasons: [] }],
      },
      {
        index: 1,
        speaker: 'user' as const,
        text: 'Not for me.',
        acts: [{ type: 'reject' as const, items: ['alien-1979'], seen: false }],
      },
    ];
    let firstTries = 0;
    for (let seed = 0; seed < 500; seed++) {
      const later = adapter.verbalizeSync({
        speaker: 'assistant',
        acts: [{ type: 'recommend', items: ['heat-1995'], reasons: [], invitesCritique: true }],
        history,
        catalog,
        voice: 'chatty',
        random: new SeededRandom(seed),
      });
      expect(later, later).toMatch(ASKS_CHANGE);
      expect(later, later).not.toMatch(/\bfirst (?:guess|pass)\b|\bstarting point\b/);
      if (/\bfirst (?:guess|pass)\b|\bstarting point\b/.test(word(['heat-1995'], true, seed))) firstTries++;
    }
    expect(firstTries).toBeGreaterThan(20);
    // A slate in two parts asks after its second.
    for (let seed = 0; seed < 300; seed++) {
      const text = adapter.verbalizeSync({
        speaker: 'assistant',
        acts: [
          { type: 'recommend', items: ['heat-1995'], reasons: ['genre:Crime'] },
          { type: 'recommend', items: ['alien-1979'], reasons: ['genre:Horror'], invitesCritique: true },
        ],
        history: [],
        catalog,
        voice: 'chatty',
        random: new SeededRandom(seed),
      });
      expect(text.slice(text.lastIndexOf('. ') + 2), text).toMatch(ASKS_CHANGE);
      expect(text, text).not.toContain('?');
    }
  });
});
