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
});
