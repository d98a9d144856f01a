import { describe, expect, it } from 'vitest';
import { joinNames, withArticle } from '../../src/lexicon/english.js';

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
