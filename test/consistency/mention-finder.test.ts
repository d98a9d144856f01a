import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../src/catalog/item.js';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { MentionFinder, mentionFinderFor } from '../../src/consistency/mention-finder.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';

const catalog = new ItemCatalog([
  { id: 'heat-95', title: 'Heat', year: 1995 },
  { id: 'heat-86', title: 'Heat', year: 1986 },
  { id: 'bob', title: 'What About Bob?', year: 1991 },
  { id: 'wotw-a', title: 'War of the Worlds', year: 2005 },
  { id: 'wotw-b', title: 'War of the Worlds', year: 2005 },
  { id: 'smiths', title: 'Mr. & Mrs. Smith', year: 2005 },
  { id: 'amelie', title: 'Amélie', year: 2001, aliases: ["Le Fabuleux Destin d'Amélie Poulain"] },
  { id: 'seven', title: 'Seven', year: 1995, aliases: ['Se7en'] },
  { id: 'rain', title: "Singin' in the Rain", year: 1952 },
  { id: 'matrix', title: 'The Matrix', year: 1999 },
  { id: 'knight', title: 'The Dark Knight', year: 2008 },
  { id: 'toy', title: 'Toy Story', year: 1995 },
  { id: 'toy2', title: 'Toy Story 2', year: 1999 },
  { id: 'alien', title: 'Alien', year: 1979 },
  { id: 'avp', title: 'Alien vs. Predator', year: 2004 },
  { id: 'gump', title: 'Forrest Gump', year: 1994 },
  { id: 'sf', title: 'San Francisco', year: 1936, attributes: {} },
  { id: 'bullitt', title: 'Bullitt', year: 1968, attributes: { tag: ['san francisco'] } },
  { id: 'home', title: 'Home Alone', year: 1990 },
  { id: 'it', title: 'It', year: 2017 },
  { id: 'undated', title: 'Kung Fury' },
]);
const finder = new MentionFinder(catalog);

function found(text: string, named: readonly string[] = []): Array<[string, readonly string[]]> {
  return finder.findMentions(text, named).map((mention) => [text.slice(mention.start, mention.end), mention.items]);
}

describe('MentionFinder.findMentions: titles anchored by their year', () => {
  it('finds "Title (Year)" as the template writes it, telling remakes apart by year', () => {
    expect(found('Heat (1995) beats Heat (1986).')).toEqual([
      ['Heat (1995)', ['heat-95']],
      ['Heat (1986)', ['heat-86']],
    ]);
  });

  it('finds a title ending in punctuation, and one written with "and" for "&"', () => {
    expect(found('Try What About Bob? (1991) or Mr. and Mrs. Smith (2005).')).toEqual([
      ['What About Bob? (1991)', ['bob']],
      ['Mr. and Mrs. Smith (2005)', ['smiths']],
    ]);
  });

  it('ignores case, accents, apostrophes and a dropped leading article, and matches aliases', () => {
    expect(found('AMELIE (2001), singin’ in the rain (1952), Matrix (1999) and Se7en (1995).')).toEqual([
      ['AMELIE (2001)', ['amelie']],
      ['singin’ in the rain (1952)', ['rain']],
      ['Matrix (1999)', ['matrix']],
      ['Se7en (1995)', ['seven']],
    ]);
  });

  it('includes a leading article in the span, and takes the longest title before the year', () => {
    expect(found('I liked the Dark Knight (2008) and Toy Story 2 (1999).')).toEqual([
      ['the Dark Knight (2008)', ['knight']],
      ['Toy Story 2 (1999)', ['toy2']],
    ]);
  });

  it('finds ordinary-word titles when their year follows, and not with another year', () => {
    expect(found('It (2017) scared me; It (1990) did not.')).toEqual([['It (2017)', ['it']]]);
  });

  it('finds a title written as the catalog writes it in double quotes, as the templates write one everyday word', () => {
    expect(found('I loved "It" and "Home Alone", not "heat" or "Toy". It was fun.')).toEqual([
      ['It', ['it']],
      ['Home Alone', ['home']],
    ]);
    // A shared title means every item of it, unless one is named; found once, however it was found.
    expect(found('Never seen "Heat".')).toEqual([['Heat', ['heat-95', 'heat-86']]]);
    expect(found('Never seen "Heat".', ['heat-95'])).toEqual([['Heat', ['heat-95']]]);
  });

  it('lists every item sharing a title and year, unless one of them is named', () => {
    expect(found('War of the Worlds (2005)')).toEqual([['War of the Worlds (2005)', ['wotw-a', 'wotw-b']]]);
    expect(found('War of the Worlds (2005)', ['wotw-b'])).toEqual([['War of the Worlds (2005)', ['wotw-b']]]);
  });
});

describe('MentionFinder.findMentions: titles without a year', () => {
  it('finds distinctive titles written with the catalog capitalisation', () => {
    expect(found('Forrest Gump, then Toy Story 2 and Alien vs. Predator.')).toEqual([
      ['Forrest Gump', ['gump']],
      ['Toy Story 2', ['toy2']],
      ['Alien vs. Predator', ['avp']],
    ]);
  });

  it('ignores distinctive titles written in another case, and everyday-word titles', () => {
    expect(found('forrest gump, toy story, home alone, Home Alone, Heat, it.')).toEqual([]);
  });

  it('ignores titles that are also attribute values a verbaliser may speak', () => {
    expect(found('A chase through San Francisco.')).toEqual([]);
  });

  it('finds the named items in any case, year optional, but not with another year or inside a longer title', () => {
    expect(found('heat, matrix, HOME ALONE and kung fury', ['heat-86', 'matrix', 'home', 'undated'])).toEqual([
      ['heat', ['heat-86']],
      ['matrix', ['matrix']],
      ['HOME ALONE', ['home']],
      ['kung fury', ['undated']],
    ]);
    expect(found('Heat (1995)', ['heat-86'])).toEqual([['Heat (1995)', ['heat-95']]]);
    expect(found('Alien vs. Predator is fun', ['alien'])).toEqual([['Alien vs. Predator', ['avp']]]);
    expect(found('Toy Story 2 is fun', ['toy'])).toEqual([['Toy Story 2', ['toy2']]]);
  });

  it('takes a bare title for the named item when another differs from it only by an article', () => {
    const worlds = new MentionFinder(
      new ItemCatalog([
        { id: 'wotw-53', title: 'The War of the Worlds', year: 1953 },
        { id: 'wotw-05', title: 'War of the Worlds', year: 2005 },
      ]),
    );
    const text = 'War of the Worlds was fine, nothing special.';
    const items = (named: string[]) => worlds.findMentions(text, named).map((mention) => mention.items);
    expect(items(['wotw-05'])).toEqual([['wotw-05']]);
    expect(items(['wotw-53'])).toEqual([['wotw-53']]);
  });
});

describe('MentionFinder.mentions', () => {
  it('is forgiving: any case, accents, aliases, with or without the year', () => {
    expect(finder.mentions('amelie', "Le fabuleux destin d'Amelie Poulain")).toBe(true);
    expect(finder.mentions('seven', 'se7en')).toBe(true);
    expect(finder.mentions('matrix', 'THE MATRIX (1999)')).toBe(true);
    expect(finder.mentions('it', 'go for it')).toBe(true);
  });

  it('rejects another year, a longer title, a partial word and an unknown id', () => {
    expect(finder.mentions('heat-95', 'Heat (1986)')).toBe(false);
    expect(finder.mentions('toy', 'Toy Story 2 (1999)')).toBe(false);
    expect(finder.mentions('alien', 'Aliens')).toBe(false);
    expect(finder.mentions('nope', 'nope')).toBe(false);
  });
});

describe('mentionFinderFor', () => {
  it('builds one finder per catalog and reuses it', () => {
    expect(mentionFinderFor(catalog)).toBe(mentionFinderFor(catalog));
    expect(mentionFinderFor(builtinCatalog())).not.toBe(mentionFinderFor(catalog));
  });

  it('finds every built-in item, exactly once, in template phrasings', () => {
    const builtin = builtinCatalog();
    const builtinFinder = mentionFinderFor(builtin);
    for (const item of builtin) {
      const text = `Have you seen ${displayTitle(item)}? Did you like it?`;
      expect(
        builtinFinder.findMentions(text).map((mention) => mention.items),
        text,
      ).toEqual([[item.id]]);
      expect(builtinFinder.mentions(item.id, `I'd go for ${item.title.toLowerCase()}, I think.`), item.title).toBe(
        true,
      );
    }
  });
});

describe('MentionFinder.findMentions: a named title written as a kind of film', () => {
  it('reads "heat movies" as a description, while "Heat movies", "heat (1995)" and a bare "heat" stay mentions', () => {
    expect(found('I could use some heat movies tonight.', ['heat-95'])).toEqual([]);
    expect(found('Heat movies? I only know the one.', ['heat-95'])).toEqual([['Heat', ['heat-95']]]);
    expect(found('I loved heat, honestly.', ['heat-95'])).toEqual([['heat', ['heat-95']]]);
    expect(found('heat (1995) films are rare', ['heat-95'])).toEqual([['heat (1995)', ['heat-95']]]);
  });
});
