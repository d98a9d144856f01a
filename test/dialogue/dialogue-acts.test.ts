import { describe, expect, it } from 'vitest';
import { AssistantActSchema, DialogueActSchema, UserActSchema } from '../../src/dialogue/dialogue-acts.js';

const ok = (value: unknown) => DialogueActSchema.safeParse(value).success;

describe('dialogue acts', () => {
  it('accepts well-formed acts of both speakers and fills in empty item lists', () => {
    expect(AssistantActSchema.parse({ type: 'greet' })).toEqual({ type: 'greet', items: [] });
    expect(ok({ type: 'recommend', items: ['a', 'b'], reasons: ['genre:Drama'] })).toBe(true);
    expect(ok({ type: 'disclose', attribute: 'genre:Horror', polarity: 'negative', strength: 0.8 })).toBe(true);
    expect(ok({ type: 'disclose', items: ['a'], polarity: 'positive', strength: 1 })).toBe(true);
    expect(ok({ type: 'critique', items: ['a'], direction: 'newer', polarity: 'negative' })).toBe(true);
    expect(UserActSchema.parse({ type: 'answer-item', items: ['a'], seen: false })).toEqual({
      type: 'answer-item',
      items: ['a'],
      seen: false,
    });
  });

  it.each([
    ['a greeting naming an item', { type: 'greet', items: ['a'] }],
    ['a slate of four', { type: 'recommend', items: ['a', 'b', 'c', 'd'] }],
    ['a disclosure about nothing', { type: 'disclose', polarity: 'positive', strength: 1 }],
    [
      'a disclosure about an item and an attribute',
      { type: 'disclose', items: ['a'], attribute: 'genre:Drama', polarity: 'positive', strength: 1 },
    ],
    [
      'a "less" critique without an attribute',
      { type: 'critique', items: ['a'], direction: 'less', polarity: 'negative' },
    ],
    [
      'a "newer" critique with an attribute',
      { type: 'critique', items: ['a'], attribute: 'genre:Drama', direction: 'newer', polarity: 'negative' },
    ],
    [
      'a "more" critique with negative polarity',
      { type: 'critique', items: ['a'], attribute: 'genre:Drama', direction: 'more', polarity: 'negative' },
    ],
    [
      'an unseen item with an opinion',
      { type: 'answer-item', items: ['a'], seen: false, polarity: 'positive', strength: 1 },
    ],
    ['an unseen item with a strength', { type: 'answer-item', items: ['a'], seen: false, strength: 0.5 }],
    [
      'a question whose attribute is of another facet',
      { type: 'ask-attribute', facet: 'tag', attribute: 'genre:Drama' },
    ],
    [
      'an attribute that is not facet:value',
      { type: 'disclose', attribute: 'Drama', polarity: 'positive', strength: 1 },
    ],
    ['an unknown act type', { type: 'dance', items: [] }],
  ])('rejects %s', (_name, act) => {
    expect(ok(act)).toBe(false);
  });
});
