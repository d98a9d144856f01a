import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanItem } from '../../src/catalog/clean-item.js';
import { ItemSchema } from '../../src/catalog/item.js';

// Mostly what the schema accepts, sometimes not: each field valid, or now and then invalid, absent or undefined.
const often = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: invalid });
// Strings the schema treats differently: empty, blank, padded (by a space, a tab, a no-break space) and clean.
const cleanText = fc.oneof(
  fc.constantFrom('Heat', 'Sci-Fi', 'tt0113277', '1995', 'Die Hard 2'),
  fc.string({ minLength: 1 }),
);
const text = often(cleanText, fc.constantFrom('', ' ', '\t', ' Heat', 'Heat ', '\u00a0Heat', '\ufeff'));
const anything = fc.oneof(text, fc.integer(), fc.double(), fc.constant(undefined), fc.constant(null), fc.array(text));
const texts = often(fc.array(text, { maxLength: 3 }), anything);
const facet = often(fc.constantFrom('genre', 'tag', 'cast', 'a-b_c', 'x9'), fc.constantFrom('Genre', '1st', '', 'a b'));
const record = <T>(key: fc.Arbitrary<string>, value: fc.Arbitrary<T>) =>
  often(fc.dictionary(key, value, { maxKeys: 3 }), anything);

const itemInput = fc
  .record(
    {
      id: text,
      title: text,
      year: often(fc.integer({ min: 1000, max: 9999 }), fc.oneof(fc.integer(), fc.double(), text)),
      aliases: texts,
      popularity: often(fc.nat(), fc.oneof(fc.double(), fc.constant(-1), anything)),
      externalIds: record(often(fc.string({ minLength: 1 }), fc.constant('')), text),
      attributes: record(facet, texts),
      extra: anything,
    },
    { requiredKeys: [] },
  )
  .map((input) => {
    // The unknown field only now and then; the fields the schema requires usually present.
    const { extra, ...rest } = input;
    return typeof extra === 'number' && extra % 7 === 0 ? input : rest;
  });

describe('cleanItem', () => {
  it('gives exactly what ItemSchema gives, key order included, or leaves the input to the schema', () => {
    fc.assert(
      fc.property(itemInput, (input) => {
        const clean = cleanItem(input);
        if (clean === undefined) return;
        const parsed = ItemSchema.safeParse(input);
        expect(parsed.success).toBe(true);
        expect(clean).toStrictEqual(parsed.data);
        expect(JSON.stringify(clean)).toBe(JSON.stringify(parsed.data));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes an item already in the schema form, as a copy its input cannot change', () => {
    const input = {
      id: '6',
      title: 'Heat',
      year: 1995,
      aliases: ['Heat (Director’s cut)'],
      popularity: 102,
      externalIds: { imdb: 'tt0113277' },
      attributes: { genre: ['Action', 'Crime'], tag: [] },
    };
    const clean = cleanItem(input);
    expect(clean).toStrictEqual(ItemSchema.parse(input));
    input.attributes.genre.push('Drama');
    input.aliases.push('Heat 2');
    input.externalIds.imdb = 'tt0';
    expect(clean?.attributes.genre).toEqual(['Action', 'Crime']);
    expect(clean?.aliases).toEqual(['Heat (Director’s cut)']);
    expect(clean?.externalIds).toEqual({ imdb: 'tt0113277' });
  });

  it.each([
    ['a padded title', { id: '1', title: 'Heat ', attributes: {} }],
    ['no attributes', { id: '1', title: 'Heat' }],
    ['a field set to undefined', { id: '1', title: 'Heat', year: undefined, attributes: {} }],
    ['a year of three digits', { id: '1', title: 'Heat', year: 999, attributes: {} }],
    ['an upper-case facet', { id: '1', title: 'Heat', attributes: { Genre: ['Action'] } }],
    ['an unknown field', { id: '1', title: 'Heat', rating: 5, attributes: {} }],
  ])('leaves %s to the schema', (_, input) => {
    expect(cleanItem(input)).toBeUndefined();
  });
});
