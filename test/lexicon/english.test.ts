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
  it('gives a number the article it is read with', () => {
    expect(withArticle('18th-century novel')).toBe('an 18th-century novel');
    expect(withArticle('1850s novel')).toBe('an 1850s novel');
    expect(withArticle('8-hour epic')).toBe('an 8-hour epic');
    expect(withArticle('11th-century epic')).toBe('an 11th-century epic');
    expect(withArticle('17th-century play')).toBe('a 17th-century play');
    expect(withArticle('1990s thriller')).toBe('a 1990s thriller');
    expect(withArticle('100-page essay')).toBe('a 100-page essay');
  });

  it('reads words by their sound', () => {
    expect(withArticle('action film')).toBe('an action film');
    expect(withArticle('sci-fi film')).toBe('a sci-fi film');
  });
});
