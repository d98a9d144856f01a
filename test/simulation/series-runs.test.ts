import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { seriesMates, seriesRuns } from '../../src/simulation/series-runs.js';

const film = (id: string, title: string, year: number, series?: string) => ({
  id,
  title,
  year,
  attributes: { genre: ['Sci-Fi'], ...(series ? { series: [series] } : {}) },
  popularity: 10,
});

describe('seriesRuns and seriesMates', () => {
  it("take a catalog's series facet, volumes in order of their years", () => {
    const catalog = new ItemCatalog(
      [film('b', 'Second', 1980, 'Saga'), film('a', 'First', 1977, 'Saga'), film('c', 'Alone', 1990)],
      { domain: 'movies' },
    );
    const ids = seriesRuns(catalog).map((run) => run.map((position) => catalog.items()[position]?.id));
    expect(ids).toEqual([['a', 'b']]);
    expect(seriesMates(catalog.require('a'), catalog)).toEqual(['b']);
    expect(seriesMates(catalog.require('c'), catalog)).toEqual([]);
  });

  it('read series from the titles of a catalog with no series facet, unless told not to', () => {
    const catalog = new ItemCatalog(
      [film('t1', 'Toy Story', 1995), film('t2', 'Toy Story 2', 1999), film('h', 'Heat', 1995)],
      { domain: 'movies' },
    );
    expect(seriesMates(catalog.require('t2'), catalog)).toEqual(['t1']);
    expect(seriesMates(catalog.require('h'), catalog)).toEqual([]);
    expect(seriesRuns(catalog, false)).toEqual([]);
  });

  it("know the built-in films' series", () => {
    const catalog = builtinCatalog();
    const starWars = catalog.resolveTitle('Star Wars');
    const mates = seriesMates(starWars, catalog).map((id) => catalog.require(id).title);
    expect(mates).toContain('The Empire Strikes Back');
    expect(mates).not.toContain('Star Wars');
  });
});
