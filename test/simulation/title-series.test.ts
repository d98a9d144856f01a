import { describe, expect, it } from 'vitest';
import type { ItemInput } from '../../src/catalog/item.js';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { titleSeries } from '../../src/simulation/title-series.js';

/** A film: title, year, genres and how many rated it. */
type Film = readonly [title: string, year: number | undefined, genres: readonly string[], popularity?: number];

/** The runs titleSeries reads from these films, as titles with years. */
function runsOf(films: readonly Film[]): string[][] {
  const items: ItemInput[] = films.map(([title, year, genres, popularity], at) => ({
    id: `f${at}`,
    title,
    ...(year === undefined ? {} : { year }),
    attributes: { genre: [...genres] },
    popularity: popularity ?? 10,
  }));
  const catalog = new ItemCatalog(items, { domain: 'movies' });
  const named = (position: number) => {
    const item = catalog.items()[position] as { title: string; year?: number };
    return `${item.title} ${item.year}`;
  };
  return titleSeries(catalog)
    .map((run) => run.map(named))
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

describe('titleSeries', () => {
  it('reads numbered sequels after the film of their title, in order of release', () => {
    expect(
      runsOf([
        ['Toy Story 3', 2010, ['Animation']],
        ['Toy Story', 1995, ['Animation', 'Comedy']],
        ['Toy Story 2', 1999, ['Animation']],
        ['The Godfather: Part II', 1974, ['Crime']],
        ['The Godfather', 1972, ['Crime', 'Drama']],
        ['Star Wars: Episode V - The Empire Strikes Back', 1980, ['Sci-Fi']],
        ['Star Wars: Episode IV - A New Hope', 1977, ['Sci-Fi']],
        ['Terminator 2: Judgment Day', 1991, ['Action']],
        ['The Terminator', 1984, ['Action']],
      ]),
    ).toEqual([
      ['Star Wars: Episode IV - A New Hope 1977', 'Star Wars: Episode V - The Empire Strikes Back 1980'],
      ['The Godfather 1972', 'The Godfather: Part II 1974'],
      ['The Terminator 1984', 'Terminator 2: Judgment Day 1991'],
      ['Toy Story 1995', 'Toy Story 2 1999', 'Toy Story 3 2010'],
    ]);
  });

  it('reads titles sharing what comes before a colon, the best known first, with the film of that title', () => {
    expect(
      runsOf([
        ['The Lord of the Rings: The Two Towers', 2002, ['Fantasy'], 188],
        ['The Lord of the Rings: The Fellowship of the Ring', 2001, ['Fantasy'], 198],
        // Twenty-three years before: another film, not the first of the run.
        ['The Lord of the Rings', 1978, ['Animation', 'Fantasy'], 30],
        ['The Hunger Games: Catching Fire', 2013, ['Sci-Fi'], 26],
        ['The Hunger Games', 2012, ['Sci-Fi'], 54],
        ['The Hunger Games: Mockingjay - Part 2', 2015, ['Sci-Fi'], 10],
        ['The Hunger Games: Mockingjay - Part 1', 2014, ['Sci-Fi'], 23],
        ['Kill Bill: Vol. 2', 2004, ['Action'], 110],
        ['Kill Bill: Vol. 1', 2003, ['Action'], 131],
      ]),
    ).toEqual([
      ['Kill Bill: Vol. 1 2003', 'Kill Bill: Vol. 2 2004'],
      [
        'The Hunger Games 2012',
        'The Hunger Games: Catching Fire 2013',
        'The Hunger Games: Mockingjay - Part 1 2014',
        'The Hunger Games: Mockingjay - Part 2 2015',
      ],
      ['The Lord of the Rings: The Fellowship of the Ring 2001', 'The Lord of the Rings: The Two Towers 2002'],
    ]);
  });

  it('reads titles naming their hero before "and the" as a series, the best known first', () => {
    expect(
      runsOf([
        ['Harry Potter and the Chamber of Secrets', 2002, ['Fantasy'], 102],
        ["Harry Potter and the Sorcerer's Stone", 2001, ['Fantasy'], 107],
        ['Harry Potter and the Prisoner of Azkaban', 2004, ['Fantasy'], 93],
        ['Harry Potter and the Deathly Hallows: Part 2', 2011, ['Fantasy'], 57],
        ['Harry Potter and the Deathly Hallows: Part 1', 2010, ['Fantasy'], 47],
        // The first released is the less known: nothing says which comes first.
        ['Indiana Jones and the Temple of Doom', 1984, ['Adventure'], 108],
        ['Indiana Jones and the Last Crusade', 1989, ['Adventure'], 140],
        // Seventy-five years apart: two tellings, not a run.
        ['Snow White and the Seven Dwarfs', 1937, ['Animation', 'Fantasy'], 60],
        ['Snow White and the Huntsman', 2012, ['Fantasy'], 20],
        // One word before "and the": a name, not a series.
        ['Charlie and the Chocolate Factory', 2005, ['Fantasy'], 60],
        ['Charlie and the Angels', 2007, ['Fantasy'], 1],
      ]),
    ).toEqual([
      [
        "Harry Potter and the Sorcerer's Stone 2001",
        'Harry Potter and the Chamber of Secrets 2002',
        'Harry Potter and the Prisoner of Azkaban 2004',
        'Harry Potter and the Deathly Hallows: Part 1 2010',
        'Harry Potter and the Deathly Hallows: Part 2 2011',
      ],
    ]);
  });

  it('leaves out titles that only look alike', () => {
    expect(
      runsOf([
        // No genre in common: Super 8 is no sequel to Super.
        ['Super', 2010, ['Comedy', 'Drama']],
        ['Super 8', 2011, ['Sci-Fi', 'Thriller']],
        // The first released is the less known: two films of one hero, not a franchise.
        ['Robin Hood: Prince of Thieves', 1991, ['Adventure'], 28],
        ['Robin Hood: Men in Tights', 1993, ['Adventure', 'Comedy'], 69],
        // One word before the colon and no film of that title: a name.
        ['Batman: Mask of the Phantasm', 1993, ['Animation']],
        ['Batman: Under the Red Hood', 2010, ['Animation']],
        // Numbers that are no sequel's.
        ['Apollo 13', 1995, ['Drama']],
        ['Plan 9 from Outer Space', 1959, ['Sci-Fi']],
        ['District 9', 2009, ['Sci-Fi']],
        // A remake long after is a new start; an undated film has no place in a run.
        ['Halloween', 1978, ['Horror']],
        ['Halloween', 2007, ['Horror']],
        ['Halloween II', 2009, ['Horror']],
        ['Scream', undefined, ['Horror']],
        ['Scream 2', 1997, ['Horror']],
      ]),
    ).toEqual([['Halloween 2007', 'Halloween II 2009']]);
  });

  it('leaves out a film listed twice, spin-offs, and titles sharing a colon that are all as little known', () => {
    expect(
      runsOf([
        // One film listed twice is not its own sequel.
        ['Saturn 3', 1980, ['Sci-Fi'], 4],
        ['Saturn 3', 1980, ['Sci-Fi'], 1],
        ['Star Wars: Episode IV - A New Hope', 1977, ['Sci-Fi'], 251],
        ['Star Wars: Episode V - The Empire Strikes Back', 1980, ['Sci-Fi'], 211],
        ['Star Wars: Episode I - The Phantom Menace', 1999, ['Sci-Fi'], 140],
        ['Star Wars: Episode III - Revenge of the Sith', 2005, ['Sci-Fi'], 78],
        // A spin-off few have seen: The Force Awakens does not wait for it.
        ['Star Wars: The Clone Wars', 2008, ['Sci-Fi', 'Animation'], 7],
        ['Star Wars: Episode VII - The Force Awakens', 2015, ['Sci-Fi'], 41],
        // A comedian's specials, one rater each: nothing says which comes first.
        ['Bill Burr: Let It Go', 2010, ['Comedy'], 1],
        ['Bill Burr: Walk Your Way Out', 2017, ['Comedy'], 1],
      ]),
    ).toEqual([
      [
        'Star Wars: Episode IV - A New Hope 1977',
        'Star Wars: Episode V - The Empire Strikes Back 1980',
        'Star Wars: Episode I - The Phantom Menace 1999',
        'Star Wars: Episode III - Revenge of the Sith 2005',
        'Star Wars: Episode VII - The Force Awakens 2015',
      ],
    ]);
  });

  it('puts the film of the title before its sequel of the same year', () => {
    expect(
      runsOf([
        ["Breakin' 2: Electric Boogaloo", 1984, ['Musical']],
        ["Breakin'", 1984, ['Musical']],
      ]),
    ).toEqual([["Breakin' 1984", "Breakin' 2: Electric Boogaloo 1984"]]);
  });
});
