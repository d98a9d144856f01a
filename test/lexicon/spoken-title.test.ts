import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { mentionFinderFor } from '../../src/consistency/mention-finder.js';
import { spokenTitle } from '../../src/lexicon/spoken-title.js';

const titles = [
  'Star Wars: Episode IV - A New Hope',
  'Star Wars: Episode V - The Empire Strikes Back',
  'The Lord of the Rings: The Fellowship of the Ring',
  'The Lord of the Rings: The Two Towers',
  'Mission: Impossible',
  'Mission: Impossible - Dead Reckoning Part One',
  'Sapiens: A Brief History of Humankind',
  'Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb',
  'Terminator 2: Judgment Day and Beyond',
  'Mad Max: Fury Road',
  'Star Trek: The Motion Picture',
  'Star Trek: First Contact',
  'Harry Potter and the Deathly Hallows: Part 1',
  'Harry Potter and the Deathly Hallows: Part 2',
  '2010: The Year We Make Contact',
  'Heat: A Story of Two Men in Los Angeles',
  'Heat',
  'Home: A Very Long Documentary About a House',
  'Henry: Portrait of a Serial Killer',
  'Evangelion: 1.0 You Are (Not) Alone',
  'Evangelion: 2.0 You Can (Not) Advance',
  'SPQR: A History of Ancient Rome',
];
const catalog = new ItemCatalog(
  titles.map((title, i) => ({ id: `t${i}`, title, year: 1990 + i, attributes: { genre: ['Drama'] } })),
  { domain: 'movies' },
);
const spoken = (title: string) => spokenTitle(catalog.findByTitle(title)[0]!, catalog);

describe('spokenTitle', () => {
  it('names one of a series by what follows the colon, and its dash', () => {
    expect(spoken('Star Wars: Episode IV - A New Hope')).toBe('A New Hope');
    expect(spoken('Star Wars: Episode V - The Empire Strikes Back')).toBe('The Empire Strikes Back');
    expect(spoken('The Lord of the Rings: The Fellowship of the Ring')).toBe('The Fellowship of the Ring');
    expect(spoken('Mission: Impossible - Dead Reckoning Part One')).toBe('Dead Reckoning Part One');
  });

  it('says whole one of a series few know, where the catalog knows renown: not "The Journey Begins"', () => {
    const known = new ItemCatalog(
      [
        { id: 'a', title: 'Mortal Kombat: The Journey Begins', popularity: 2 },
        { id: 'b', title: 'Mortal Kombat: Annihilation of the Realms', popularity: 3 },
        { id: 'c', title: 'Captain America: The First Avenger', popularity: 400 },
        { id: 'd', title: 'Captain America: The Winter Soldier Returns', popularity: 500 },
      ].map((item) => ({ ...item, attributes: { genre: ['Action'] } })),
      { domain: 'movies' },
    );
    const said = (id: string) => spokenTitle(known.require(id), known);
    expect(said('a')).toBeUndefined();
    expect(said('c')).toBe('The First Avenger');
  });

  it('names any other long title in two parts by its first', () => {
    expect(spoken('Sapiens: A Brief History of Humankind')).toBe('Sapiens');
    expect(spoken('Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb')).toBe('Dr. Strangelove');
    expect(spoken('Terminator 2: Judgment Day and Beyond')).toBe('Terminator 2');
    expect(spoken('SPQR: A History of Ancient Rome')).toBe('SPQR');
  });

  it('says whole a short title, or one whose part is a number, a short word, a part number or another title', () => {
    for (const title of [
      'Mad Max: Fury Road',
      'Mission: Impossible',
      'Star Trek: The Motion Picture',
      'Harry Potter and the Deathly Hallows: Part 1',
      '2010: The Year We Make Contact',
      'Heat: A Story of Two Men in Los Angeles',
      'Home: A Very Long Documentary About a House',
      'Henry: Portrait of a Serial Killer',
      'Evangelion: 2.0 You Can (Not) Advance',
    ])
      expect(spoken(title), title).toBeUndefined();
  });

  it('is a mention of the item a text is about, and never found in a text about others', () => {
    const finder = mentionFinderFor(catalog);
    const hope = catalog.findByTitle('Star Wars: Episode IV - A New Hope')[0]!.id;
    expect(finder.mentions(hope, 'I loved A New Hope.')).toBe(true);
    expect(finder.findMentions('I loved A New Hope.')).toEqual([]);
  });
});
