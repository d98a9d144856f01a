import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/catalog/item-catalog.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { attributeLikeness } from '../../src/simulation/item-likeness.js';
import { questionSalience } from '../../src/simulation/question-salience.js';

function salienceOf(catalog: ItemCatalog, key: string): number {
  const salience = questionSalience(catalog, attributeLikeness(catalog).genre);
  return salience[catalog.attributeIdOf(key) as number] as number;
}

describe('questionSalience', () => {
  it('rates a maker or performer the user never named below any kind of item worth asking about', () => {
    // "Any objection to books by Emily Henry?" was answered "no strong feelings" 99 times in 100.
    const films = builtinCatalog();
    const kind = salienceOf(films, 'tag:heist');
    for (const key of ['director:Alfred Hitchcock', 'cast:Al Pacino']) {
      expect(salienceOf(films, key)).toBeGreaterThan(0);
      expect(salienceOf(films, key)).toBeLessThan(kind / 2);
    }
    const books = builtinBooksCatalog();
    const author = `author:${books.items().find((item) => item.attributes.author)?.attributes.author?.[0]}`;
    expect(salienceOf(books, author)).toBeGreaterThan(0);
    expect(salienceOf(books, author)).toBeLessThan(salienceOf(books, 'genre:Fantasy') / 2);
  });

  it('rates a kind of story above a fact of the item that spans every genre', () => {
    const films = builtinCatalog();
    for (const kind of ['tag:heist', 'tag:talking animals', 'tag:serial killer']) {
      expect(salienceOf(films, kind)).toBeGreaterThan(0.8);
    }
    for (const fact of ['tag:based on a book', 'tag:black and white'])
      expect(salienceOf(films, fact)).toBeLessThan(0.1);
    const books = builtinBooksCatalog();
    expect(salienceOf(books, 'tag:dragons')).toBeGreaterThan(0.8);
    for (const fact of ['tag:religion', 'tag:parents and children']) expect(salienceOf(books, fact)).toBeLessThan(0.1);
  });

  it('leaves genres and the tags of catalogs without genres at 1', () => {
    const films = builtinCatalog();
    for (const key of ['genre:Drama', 'genre:Sci-Fi']) expect(salienceOf(films, key)).toBe(1);
    const untyped = new ItemCatalog([
      { id: 'a', title: 'A', attributes: { tag: ['x', 'y'] } },
      { id: 'b', title: 'B', attributes: { tag: ['x'] } },
    ]);
    expect(salienceOf(untyped, 'tag:x')).toBe(1);
    expect(salienceOf(untyped, 'tag:y')).toBe(1);
    const dramas = new ItemCatalog(
      [
        { id: 'a', title: 'A', attributes: { genre: ['Drama'], tag: ['heist'] } },
        { id: 'b', title: 'B', attributes: { genre: ['Drama'], tag: ['based on a book'] } },
      ],
      { domain: 'movies' },
    );
    expect(salienceOf(dramas, 'tag:heist')).toBe(1);
  });
});
