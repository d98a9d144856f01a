import { describe, expect, it } from 'vitest';
import { describeAct, describeActs } from '../../src/ai/index.js';
import { displayTitle } from '../../src/catalog/item.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { DialogueAct } from '../../src/dialogue/dialogue-acts.js';
import { SeededRandom } from '../../src/random/seeded-random.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { ACT_TYPES, ActSampler } from '../language/sample-acts.js';

const catalog = smallCatalog();

describe('describeActs', () => {
  it('turns each act into one short directive', () => {
    const cases: Array<[DialogueAct, string]> = [
      [{ type: 'greet', items: [] }, 'Greet the user and offer to help them find something.'],
      [{ type: 'ask-attribute', items: [], facet: 'genre' }, 'Ask which genres they enjoy.'],
      [
        { type: 'ask-attribute', items: [], facet: 'genre', attribute: 'genre:Horror' },
        'Ask how they feel about horror.',
      ],
      [
        { type: 'ask-item', items: ['m3'] },
        'Ask whether they have seen Heat (1995) and, if so, what they thought of it.',
      ],
      [{ type: 'recommend', items: ['m1'], reasons: [] }, 'Recommend The Matrix (1999).'],
      [
        { type: 'recommend', items: ['m1'], reasons: [], invitesCritique: true },
        'Recommend The Matrix (1999). Then ask what they would change, to refine from there.',
      ],
      [
        { type: 'respond-critique', items: ['m2'], direction: 'newer' },
        'Acknowledge that they want something like Alien (1979) but more recent.',
      ],
      [
        { type: 'respond-critique', items: ['m2'], direction: 'newer', dropped: ['genre:Horror', 'genre:Comedy'] },
        'Acknowledge that they want something like Alien (1979) but more recent, and say that this time you leave horror and comedies aside.',
      ],
      [
        { type: 'describe-item', items: ['m1'], attributes: ['genre:Sci-Fi', 'tag:cyberpunk'] },
        'Describe The Matrix (1999) using only these facts: released in 1999; genre sci-fi; cyberpunk.',
      ],
      [{ type: 'close', items: ['m7'] }, 'Close the conversation, wishing them a good time with Toy Story (1995).'],
      [{ type: 'state-goal', items: [] }, 'Say you are looking for a recommendation.'],
      [
        { type: 'disclose', items: [], attribute: 'genre:Horror', polarity: 'negative', strength: 0.8 },
        'Say you dislike horror (strength 0.8).',
      ],
      [
        { type: 'disclose', items: [], attribute: 'genre:Comedy', polarity: 'neutral', strength: 0.34 },
        'Say you have no strong feelings about comedies (strength 0.3).',
      ],
      [
        { type: 'disclose', items: ['m2'], polarity: 'positive', strength: 1 },
        'Say you have seen Alien (1979) and liked it (strength 1.0).',
      ],
      [{ type: 'answer-item', items: ['m6'], seen: false }, 'Say you have not seen The Shining (1980).'],
      [
        { type: 'critique', items: ['m3'], direction: 'less', attribute: 'genre:Action', polarity: 'negative' },
        expect.stringMatching(/^Ask for something like Heat \(1995\) but .+\.$/) as unknown as string,
      ],
      [
        { type: 'reject', items: ['m1', 'm8'], seen: true },
        'Turn down The Matrix (1999) and Blade Runner (1982): say you have already seen them and want something new.',
      ],
      [{ type: 'accept', items: ['m5'] }, 'Accept Amélie (2001): say you will go with it.'],
      [{ type: 'ask-about-item', items: ['m4'] }, 'Ask what Heat (1986) is about.'],
      [{ type: 'give-up', items: [] }, 'Give up politely: say this is not working for you and end the conversation.'],
    ];
    for (const [act, expected] of cases) expect(describeAct(act, catalog)).toEqual(expected);
    expect(
      describeActs(
        cases.map(([act]) => act),
        catalog,
      ),
    ).toHaveLength(cases.length);
  });

  it('covers every act shape over a real catalog, naming items only by their display titles', () => {
    const movies = builtinCatalog();
    const sampler = new ActSampler(movies);
    const rng = new SeededRandom('describe-acts');
    for (let i = 0; i < 400; i++) {
      const type = ACT_TYPES[i % ACT_TYPES.length]!;
      const act = sampler.act(type, rng);
      const [directive] = describeActs([act], movies);
      expect(directive).toMatch(/^[A-Z].*\.$/);
      for (const id of act.items) expect(directive).toContain(displayTitle(movies.require(id)));
      expect(directive).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it("words a user's goodbye to the recommender's as leaving: thanks for a find or for trying, asking nothing more", () => {
    const close: DialogueAct = { type: 'close', items: [] };
    expect(describeActs([{ type: 'accept', items: ['m1'] }, close], catalog)).toEqual([
      'Accept The Matrix (1999): say you will go with it.',
      'Thank them and say goodbye.',
    ]);
    const [critique, goodbye] = describeActs(
      [{ type: 'critique', items: ['m3'], direction: 'less', attribute: 'genre:Action', polarity: 'negative' }, close],
      catalog,
    );
    expect(critique).toMatch(
      /^Say, in leaving, that you had hoped for something like Heat \(1995\) but .+; ask for nothing more\.$/,
    );
    expect(goodbye).toBe('Thank them for trying and say goodbye.');
    // The recommender's last suggestion or answer hands the choice over, with no goodbye before the user's answer.
    const lastIdea =
      'Say this is your last idea for now and leave the choice to them, without a goodbye: they answer first.';
    expect(describeActs([{ type: 'recommend', items: ['m1'], reasons: [] }, close], catalog)[1]).toBe(lastIdea);
    expect(describeActs([{ type: 'describe-item', items: ['m1'], attributes: [] }, close], catalog)[1]).toBe(lastIdea);
    // One that leaves with nothing on offer says goodbye.
    expect(describeActs([close], catalog)).toEqual(['Close the conversation politely.']);
  });

  it('throws UNKNOWN_ITEM for an item not in the catalog', () => {
    expect(() => describeAct({ type: 'accept', items: ['nope'] }, catalog)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ITEM' }),
    );
  });
});
