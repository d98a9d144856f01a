import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { WELL_TAGGED } from '../../src/simulation/catalog-index.js';
import { lacksEvidently } from '../../src/simulation/evident-absence.js';

describe('lacksEvidently', () => {
  it('takes a missing tag as lacking only in a catalog whose items are mostly well tagged, of one that is', () => {
    const film = (id: string, tag: string[]) => ({ id, title: id, attributes: { genre: ['Drama'], tag } });
    const full = ['a', 'b', 'c'];
    const curated = new ItemCatalog([film('x', full), film('y', full), film('thin', ['a'])], { domain: 'movies' });
    expect(lacksEvidently(curated, 'x', 'tag:space')).toBe(true);
    expect(lacksEvidently(curated, 'x', 'tag:a')).toBe(false);
    expect(lacksEvidently(curated, 'thin', 'tag:space')).toBe(false);
    // MovieLens-like: most titles untagged, so even a well-tagged one may lack a tag it plainly has.
    const sparse = new ItemCatalog([film('x', full), film('y', []), film('z', [])], { domain: 'movies' });
    expect(lacksEvidently(sparse, 'x', 'tag:space')).toBe(false);
    // A genre is listed for what an item is, however sparse its tags.
    expect(lacksEvidently(sparse, 'y', 'genre:Comedy')).toBe(true);
    expect(lacksEvidently(sparse, 'y', 'genre:Drama')).toBe(false);
  });

  it('keeps the built-in catalogs, every title tagged with care, to their tags', () => {
    for (const catalog of [builtinCatalog(), builtinBooksCatalog()])
      for (const item of catalog.items()) {
        expect((item.attributes.tag ?? []).length, item.title).toBeGreaterThanOrEqual(WELL_TAGGED);
        expect(lacksEvidently(catalog, item.id, 'tag:no such tag'), item.title).toBe(true);
      }
  });
});
