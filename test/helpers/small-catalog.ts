import { ItemCatalog } from '../../src/catalog/item-catalog.js';

/** A small hand-made catalog: enough structure for builders and lookups, small enough to reason about. */
export function smallCatalog(): ItemCatalog {
  return new ItemCatalog(
    [
      { id: 'm1', title: 'The Matrix', year: 1999, attributes: { genre: ['Action', 'Sci-Fi'], tag: ['cyberpunk'] } },
      { id: 'm2', title: 'Alien', year: 1979, attributes: { genre: ['Horror', 'Sci-Fi'], tag: ['space'] } },
      { id: 'm3', title: 'Heat', year: 1995, attributes: { genre: ['Action', 'Crime'] } },
      { id: 'm4', title: 'Heat', year: 1986, attributes: { genre: ['Action'] } },
      {
        id: 'm5',
        title: 'Amélie',
        year: 2001,
        aliases: ["Le Fabuleux Destin d'Amélie Poulain"],
        attributes: { genre: ['Comedy', 'Romance'] },
      },
      { id: 'm6', title: 'The Shining', year: 1980, attributes: { genre: ['Horror'], tag: ['haunted house'] } },
      { id: 'm7', title: 'Toy Story', year: 1995, attributes: { genre: ['Animation', 'Comedy'] } },
      { id: 'm8', title: 'Blade Runner', year: 1982, attributes: { genre: ['Sci-Fi'], tag: ['cyberpunk'] } },
    ],
    { domain: 'movies' },
  );
}
