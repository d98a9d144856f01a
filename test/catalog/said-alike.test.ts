import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { genreNamedBy, saidAlike } from '../../src/catalog/said-alike.js';

const catalog = new ItemCatalog(
  [
    { id: 'a', title: 'A', attributes: { genre: ['Philosophy', 'Comedy'], tag: ['philosophical', 'dark comedy'] } },
    { id: 'b', title: 'B', attributes: { genre: ['Musical'], tag: ['musical numbers', 'philosophy of mind'] } },
    { id: 'c', title: 'C', attributes: { genre: ['Science'], tag: ['popular science', 'comedy'] } },
  ],
  { domain: 'books' },
);

describe('attributes said alike', () => {
  it('pairs a value that starts with a genre name of seven letters or more with that genre', () => {
    expect(Object.fromEntries(genreNamedBy(catalog))).toEqual({
      'tag:musical numbers': 'genre:Musical',
      'tag:philosophical': 'genre:Philosophy',
      'tag:philosophy of mind': 'genre:Philosophy',
    });
  });

  it('leaves a shorter name and a value that only contains it: "comedy", "dark comedy" and "popular science" are no genre said otherwise', () => {
    expect(saidAlike(catalog, 'genre:Comedy')).toEqual([]);
    expect(saidAlike(catalog, 'tag:comedy')).toEqual([]);
    expect(saidAlike(catalog, 'tag:popular science')).toEqual([]);
  });

  it('pairs a value with the longest genre name it starts with', () => {
    const shelf = new ItemCatalog(
      [
        { id: 'a', title: 'A', attributes: { genre: ['Science'], tag: ['science writing'] } },
        { id: 'b', title: 'B', attributes: { genre: ['Science Fiction'], tag: ['science fiction classics'] } },
        { id: 'c', title: 'C', attributes: { genre: ['Science'] } },
      ],
      { domain: 'books' },
    );
    expect(Object.fromEntries(genreNamedBy(shelf))).toEqual({
      'tag:science writing': 'genre:Science',
      'tag:science fiction classics': 'genre:Science Fiction',
    });
  });

  it('goes both ways', () => {
    expect([...saidAlike(catalog, 'genre:Philosophy')].sort()).toEqual(['tag:philosophical', 'tag:philosophy of mind']);
    expect(saidAlike(catalog, 'tag:musical numbers')).toEqual(['genre:Musical']);
  });
});
