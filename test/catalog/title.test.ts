import { describe, expect, it } from 'vitest';
import { frontArticle, normalizeTitle, splitYear } from '../../src/catalog/title.js';

describe('title normalisation', () => {
  it('matches "Matrix, The (1999)" with "The Matrix" and with odd case and punctuation', () => {
    const key = normalizeTitle('The Matrix');
    expect(key).toBe('matrix');
    expect(normalizeTitle('Matrix, The (1999)')).toBe(key);
    expect(normalizeTitle('  the MATRIX!! ')).toBe(key);
    expect(normalizeTitle('matrix, the (1999)')).toBe(key);
    expect(normalizeTitle('MATRIX, THE')).toBe(key);
  });

  it('ignores accents and keeps words apart', () => {
    expect(normalizeTitle('Amélie')).toBe(normalizeTitle('Amelie'));
    expect(normalizeTitle('Léon: The Professional')).toBe('leon the professional');
    expect(normalizeTitle('Crouching Tiger, Hidden Dragon')).toBe('crouching tiger hidden dragon');
  });

  it('does not move an article that is part of the title', () => {
    expect(frontArticle('Good, the Bad and the Ugly')).toBe('Good, the Bad and the Ugly');
    expect(frontArticle('Cité des enfants perdus, La')).toBe('La Cité des enfants perdus');
    expect(frontArticle('Crow, The: Wicked Prayer')).toBe('The Crow: Wicked Prayer');
    expect(frontArticle('Power of Nightmares, The: The Rise of the Politics of Fear')).toBe(
      'The Power of Nightmares: The Rise of the Politics of Fear',
    );
    expect(frontArticle("Année dernière à Marienbad, L'")).toBe("L'Année dernière à Marienbad");
  });

  it('splits a trailing year, including ranges, and leaves titles without one', () => {
    expect(splitYear('Heat (1995)')).toEqual({ title: 'Heat', year: 1995 });
    expect(splitYear('Death Note (2006–2007)')).toEqual({ title: 'Death Note', year: 2006 });
    expect(splitYear('Babylon 5')).toEqual({ title: 'Babylon 5', year: undefined });
    expect(splitYear('1984 (1984)')).toEqual({ title: '1984', year: 1984 });
  });
});
