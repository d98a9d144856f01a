import { describe, expect, it } from 'vitest';
import { bracketedYearAfter, bracketedYearAt, tokenizeText } from '../../src/consistency/text-tokens.js';

describe('tokenizeText', () => {
  it('splits on anything but letters and digits, folding case, accents and apostrophes like normalizeTitle', () => {
    const tokens = tokenizeText("Amélie's BIG day — don’t miss Singin' in the Rain & Se7en!");
    expect(tokens.folded).toEqual([
      'amelies',
      'big',
      'day',
      'dont',
      'miss',
      'singin',
      'in',
      'the',
      'rain',
      'and',
      'se7en',
    ]);
    expect(tokens.cased).toEqual([
      'Amelies',
      'BIG',
      'day',
      'dont',
      'miss',
      'Singin',
      'in',
      'the',
      'Rain',
      'and',
      'Se7en',
    ]);
  });

  it('keeps offsets into the original text', () => {
    const text = '  Léon (1994), the Professional';
    const tokens = tokenizeText(text);
    expect(tokens.starts.map((start, i) => text.slice(start, tokens.ends[i]))).toEqual([
      'Léon',
      '1994',
      'the',
      'Professional',
    ]);
  });

  it('reads long, short, joined and non-ASCII texts one after another alike', () => {
    const words = Array.from({ length: 150 }, (_, i) => `Word${i}`);
    const long = words.join(', ');
    expect(long.length).toBeGreaterThan(1000);
    expect(tokenizeText(long).cased).toEqual(words);
    // A short text after a long one reads only its own characters; one with an accent after ASCII ones too.
    expect(tokenizeText('Up (2009)').folded).toEqual(['up', '2009']);
    expect(tokenizeText(`${long.slice(0, 14)} Café`).folded).toEqual(['word0', 'word1', 'cafe']);
    const joined = ['Heat', "isn't", 'Alien'].join(' & ').slice(1);
    expect(tokenizeText(joined).cased).toEqual(['eat', 'and', 'isnt', 'and', 'Alien']);
    expect(tokenizeText(joined).ends).toEqual([3, 5, 11, 13, 19]);
  });

  it('gives no words for an empty or punctuation-only text', () => {
    expect(tokenizeText('').length).toBe(0);
    expect(tokenizeText(' -- ?! ').length).toBe(0);
  });

  it('reads a bracketed year at or shortly after an offset', () => {
    const text = 'What About Bob? (1991) and Heat (19x5)';
    expect(bracketedYearAt(text, text.indexOf('('))).toBe(1991);
    expect(bracketedYearAfter(text, text.indexOf('?'))).toBe(1991);
    expect(bracketedYearAfter(text, text.indexOf('Heat') + 4)).toBeUndefined();
    expect(bracketedYearAfter('Heat, maybe (1995)', 4)).toBeUndefined();
  });
});
