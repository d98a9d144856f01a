import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { thrown } from '../helpers/thrown.js';

describe('ItemCatalog', () => {
  it('looks items up by id and by forgiving title', () => {
    const catalog = smallCatalog();
    expect(catalog.size).toBe(8);
    expect(catalog.get('m1')?.title).toBe('The Matrix');
    expect(catalog.findByTitle('Matrix, The (1999)').map((i) => i.id)).toEqual(['m1']);
    expect(catalog.findByTitle('amelie').map((i) => i.id)).toEqual(['m5']);
    expect(catalog.findByTitle("Le fabuleux destin d'Amelie Poulain").map((i) => i.id)).toEqual(['m5']);
    expect(catalog.findByTitle('Nope')).toEqual([]);
  });

  it('tells remakes apart by year and asks for one when a title is ambiguous', () => {
    const catalog = smallCatalog();
    expect(catalog.findByTitle('Heat').map((i) => i.id)).toEqual(['m3', 'm4']);
    expect(catalog.resolveTitle('Heat (1986)').id).toBe('m4');
    const error = thrown(() => catalog.resolveTitle('Heat'));
    expect(error.code).toBe('UNKNOWN_TITLE');
    expect(error.message).toContain('m3');
    expect(error.message).toContain('Add the year');
    expect(thrown(() => catalog.resolveTitle('Nope')).code).toBe('UNKNOWN_TITLE');
  });

  it('indexes attributes and counts the vocabulary, most common first', () => {
    const catalog = smallCatalog();
    expect(catalog.withAttribute('genre:Horror').map((i) => i.id)).toEqual(['m2', 'm6']);
    expect(catalog.withAttribute('genre:Western')).toEqual([]);
    const vocabulary = catalog.vocabulary({ facet: 'genre' });
    expect(vocabulary[0]).toEqual({ key: 'genre:Action', facet: 'genre', value: 'Action', count: 3 });
    expect(vocabulary.find((a) => a.key === 'genre:Sci-Fi')?.count).toBe(3);
    expect(catalog.vocabulary({ minCount: 2 }).every((a) => a.count >= 2)).toBe(true);
    expect(catalog.facets()).toEqual(['genre', 'tag']);
  });

  it('lists the distinct attribute keys of an item', () => {
    const catalog = new ItemCatalog([{ id: 'a', title: 'A', attributes: { genre: ['Drama', 'Drama'], tag: ['x'] } }]);
    expect(catalog.attributeKeysOf('a')).toEqual(['genre:Drama', 'tag:x']);
    expect(catalog.attributeKeysOf('missing')).toEqual([]);
  });

  it('makes one attribute of values spelt in other cases, as first spelt, listed once per item', () => {
    const catalog = new ItemCatalog([
      { id: 'a', title: 'A', attributes: { genre: ['Horror', 'Drama'], tag: ['Dark Comedy'] } },
      { id: 'b', title: 'B', attributes: { genre: ['horror', 'HORROR', 'Comedy'], tag: ['dark comedy', 'Horror'] } },
    ]);
    expect(catalog.get('b')?.attributes).toEqual({ genre: ['Horror', 'Comedy'], tag: ['Dark Comedy', 'Horror'] });
    expect(catalog.attributeKeysOf('b')).toEqual(['genre:Horror', 'genre:Comedy', 'tag:Dark Comedy', 'tag:Horror']);
    expect(catalog.withAttribute('genre:Horror').map((item) => item.id)).toEqual(['a', 'b']);
    expect(catalog.hasAttribute('genre:horror')).toBe(false);
    expect(catalog.resolveAttribute('genre:horror')).toBe('genre:Horror');
    expect(catalog.vocabulary({ facet: 'genre' }).map((entry) => [entry.value, entry.count])).toEqual([
      ['Horror', 2],
      ['Comedy', 1],
      ['Drama', 1],
    ]);
  });

  it('tells whether an item carries an attribute', () => {
    const catalog = new ItemCatalog([
      { id: 'a', title: 'A', attributes: { genre: ['Drama'], tag: ['x'] } },
      { id: 'b', title: 'B', attributes: { genre: ['Comedy'] } },
    ]);
    expect(catalog.carries('a', 'genre:Drama')).toBe(true);
    expect(catalog.carries('a', 'tag:x')).toBe(true);
    expect(catalog.carries('a', 'genre:Comedy')).toBe(false);
    expect(catalog.carries('b', 'tag:x')).toBe(false);
    expect(catalog.carries('a', 'genre:Western')).toBe(false);
    expect(catalog.carries('missing', 'genre:Drama')).toBe(false);
  });

  it('orders by popularity when items have one, and keeps catalog order when none does', () => {
    const known = new ItemCatalog([
      { id: 'a', title: 'A', popularity: 3 },
      { id: 'b', title: 'B', popularity: 30 },
      { id: 'c', title: 'C' },
    ]);
    expect(known.mostPopular(2).map((i) => i.id)).toEqual(['b', 'a']);
    expect(known.relativePopularity('a')).toBe(0.1);
    expect(known.relativePopularity('c')).toBe(0);
    expect(
      smallCatalog()
        .mostPopular(3)
        .map((i) => i.id),
    ).toEqual(['m1', 'm2', 'm3']);
    expect(smallCatalog().relativePopularity('m1')).toBe(0);
  });

  it('resolves bare attribute values when unambiguous', () => {
    const catalog = smallCatalog();
    expect(catalog.resolveAttribute('horror')).toBe('genre:Horror');
    expect(catalog.resolveAttribute('tag:cyberpunk')).toBe('tag:cyberpunk');
    expect(thrown(() => catalog.resolveAttribute('Western')).code).toBe('UNKNOWN_ATTRIBUTE');
  });

  it('rejects duplicate ids and invalid items, naming the item and field', () => {
    const duplicate = thrown(
      () =>
        new ItemCatalog(
          [
            { id: 'a', title: 'One' },
            { id: 'a', title: 'Two' },
          ],
          { source: 'x.json' },
        ),
    );
    expect(duplicate.code).toBe('DUPLICATE_ITEM_ID');
    expect(duplicate.location).toEqual({ file: 'x.json', field: 'items[1].id' });

    const invalid = thrown(
      () =>
        new ItemCatalog([
          { id: 'a', title: 'One' },
          { id: 'b', title: 'Two', year: 19.5 },
        ]),
    );
    expect(invalid.code).toBe('INVALID_CATALOG');
    expect(invalid.location?.field).toBe('items[1].year');
    expect(thrown(() => new ItemCatalog([{ id: 'a', title: 'A', attributes: { Genre: ['x'] } }])).code).toBe(
      'INVALID_CATALOG',
    );
  });

  it('requires known ids with a clear error', () => {
    const error = thrown(() => smallCatalog().require('zzz'));
    expect(error.code).toBe('UNKNOWN_ITEM');
    expect(error.message).toContain('"zzz"');
  });
});

describe('ItemCatalog options', () => {
  it('refuses an unknown option of the constructor, naming it and the option meant', () => {
    const error = thrown(() => new ItemCatalog([], { domian: 'movies' } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"domian" (did you mean "domain"?)');
    expect(error.location?.field).toBe('domian');
  });

  it('refuses an ill-typed option of the constructor', () => {
    const error = thrown(() => new ItemCatalog([], { domain: 3 } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.location?.field).toBe('domain');
  });

  it('refuses unknown and ill-typed options of vocabulary()', () => {
    const misspelt = thrown(() => smallCatalog().vocabulary({ mincount: 2 } as never));
    expect(misspelt.code).toBe('INVALID_ARGUMENT');
    expect(misspelt.message).toContain('"mincount" (did you mean "minCount"?)');
    expect(misspelt.location?.field).toBe('mincount');
    const illTyped = thrown(() => smallCatalog().vocabulary({ minCount: '2' } as never));
    expect(illTyped.code).toBe('INVALID_ARGUMENT');
    expect(illTyped.location?.field).toBe('minCount');
  });

  it('keeps its defaults: domain "items", every attribute in the vocabulary', () => {
    const catalog = new ItemCatalog([{ id: 'a', title: 'A', attributes: { genre: ['Drama'] } }]);
    expect(catalog.domain).toBe('items');
    expect(catalog.source).toBeUndefined();
    expect(catalog.vocabulary().map((entry) => entry.key)).toEqual(['genre:Drama']);
  });
});
