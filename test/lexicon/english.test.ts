import { describe, expect, it } from 'vitest';
import { joinList, joinNames, joinNouns, withArticle } from '../../src/lexicon/english.js';

describe('joinList', () => {
  it('keeps apart by semicolons three parts or more when one has a comma of its own', () => {
    expect(joinList(['Heat (1995)', 'Se7en (1995)', 'Fargo (1996)'])).toBe(
      'Heat (1995), Se7en (1995) and Fargo (1996)',
    );
    // Not "Schindler's List (1993), Salo, or The 120 Days of Sodom (1976) or Come and See (1985)": four titles or three?
    expect(
      joinList(["Schindler's List (1993)", 'Salo, or The 120 Days of Sodom (1976)', 'Come and See (1985)'], 'or'),
    ).toBe("Schindler's List (1993); Salo, or The 120 Days of Sodom (1976); or Come and See (1985)");
    expect(joinList(['Monsters, Inc.', 'Up'])).toBe('Monsters, Inc. and Up');
  });
});

describe('joinNouns', () => {
  it('says a head noun the phrases share once', () => {
    expect(joinNouns(['war movies', 'adventure movies'])).toBe('war and adventure movies');
    expect(joinNouns(['mafia movies', 'crime movies', 'dark movies'], 'or')).toBe('mafia, crime or dark movies');
    expect(joinNouns(['dark movies', 'disturbing movies'])).toBe('dark and disturbing movies');
  });

  it('lists phrases of other shapes, or of different heads, whole', () => {
    expect(joinNouns(['films by Christopher Nolan', 'films by Sofia Coppola'])).toBe(
      'films by Christopher Nolan and films by Sofia Coppola',
    );
    expect(joinNouns(['movies about war', 'war movies'])).toBe('movies about war and war movies');
    expect(joinNouns(['war movies', 'comedies'])).toBe('war movies and comedies');
    expect(joinNouns(['war films', 'crime movies'])).toBe('war films and crime movies');
    // A phrase with a list inside it would make the list unclear: not "Astaire and Rogers and adventure movies".
    expect(joinNouns(['Astaire and Rogers movies', 'adventure movies'])).toBe(
      'Astaire and Rogers movies and adventure movies',
    );
    expect(joinNouns(['movies tagged "seen 2015"', 'cult movies'])).toBe('movies tagged "seen 2015" and cult movies');
    expect(joinNouns(['sci-fi'])).toBe('sci-fi');
    // Names, and what belongs to someone: not "Martin Scorsese and Leonardo DiCaprio movies", as if they made each.
    expect(joinNouns(['Martin Scorsese movies', 'Leonardo DiCaprio movies'])).toBe(
      'Martin Scorsese movies and Leonardo DiCaprio movies',
    );
    expect(joinNouns(["Lee Unkrich's films", 'animated films'])).toBe("Lee Unkrich's films and animated films");
  });
});

describe('joinNames', () => {
  it('says a surname two people share once', () => {
    expect(joinNames(['Joel Coen', 'Ethan Coen'])).toBe('Joel and Ethan Coen');
    expect(joinNames(['Lana Wachowski', 'Lilly Wachowski'])).toBe('Lana and Lilly Wachowski');
  });

  it('lists anyone else in full', () => {
    expect(joinNames(['Michael Powell', 'Emeric Pressburger'])).toBe('Michael Powell and Emeric Pressburger');
    // A surname is a whole word: "Cohen" does not end in " Coen".
    expect(joinNames(['Joel Coen', 'Ethan Cohen'])).toBe('Joel Coen and Ethan Cohen');
    expect(joinNames(['Prince', 'Prince'])).toBe('Prince and Prince');
    expect(joinNames(['Jane Doe', 'Doe'])).toBe('Jane Doe and Doe');
    expect(joinNames(['Ann Lee', 'Bo Lee', 'Cy Lee'])).toBe('Ann Lee, Bo Lee and Cy Lee');
    expect(joinNames(['Ang Lee'])).toBe('Ang Lee');
    expect(joinNames([])).toBe('');
  });
});

describe('withArticle', () => {
  it('gives a number the article it is read with, and a word the one its sound takes', () => {
    const cases = [
      ['18th-century novel', 'an'],
      ['1850s novel', 'an'],
      ['8-hour epic', 'an'],
      ['11th-century epic', 'an'],
      ['17th-century play', 'a'],
      ['1990s thriller', 'a'],
      ['100-page essay', 'a'],
      ['action film', 'an'],
      ['sci-fi film', 'a'],
    ];
    for (const [phrase, article] of cases) expect(withArticle(phrase as string)).toBe(`${article} ${phrase}`);
  });
});
