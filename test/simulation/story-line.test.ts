import { describe, expect, it } from 'vitest';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { keepsStoryLine } from '../../src/simulation/story-line.js';
import { smallCatalog } from '../helpers/small-catalog.js';

describe('keepsStoryLine', () => {
  const films = builtinCatalog();
  const books = builtinBooksCatalog();
  const film = (title: string) => films.resolveTitle(title).id;
  const book = (title: string) => books.resolveTitle(title).id;

  it('keeps "more X" to a side of fact and story the title is on', () => {
    expect(keepsStoryLine(films, film('Spotlight'), 'genre:Thriller')).toBe(true);
    expect(keepsStoryLine(films, film('March of the Penguins'), 'genre:Fantasy')).toBe(false);
    expect(keepsStoryLine(films, film('March of the Penguins'), 'genre:Animation')).toBe(false);
    expect(keepsStoryLine(books, book('A Raisin in the Sun'), 'genre:Memoir')).toBe(false);
    expect(keepsStoryLine(books, book('Catherine the Great: Portrait of a Woman'), 'genre:Drama')).toBe(false);
    expect(keepsStoryLine(books, book('Educated'), 'genre:Biography')).toBe(true);
  });

  it('lets a title of both sides have more of either: an epic poem tells a story', () => {
    const beowulf = book('Beowulf');
    expect(books.require(beowulf).attributes.genre).toEqual(expect.arrayContaining(['Poetry']));
    expect(keepsStoryLine(books, beowulf, 'genre:Fantasy')).toBe(true);
    expect(keepsStoryLine(books, beowulf, 'genre:History')).toBe(true);
  });

  it('keeps to any side for a catalog whose genres all tell stories, and is false for an unknown item or key', () => {
    const small = smallCatalog();
    expect(keepsStoryLine(small, 'm1', 'genre:Horror')).toBe(true);
    expect(keepsStoryLine(small, 'nope', 'genre:Horror')).toBe(false);
    expect(keepsStoryLine(small, 'm1', 'genre:Nope')).toBe(false);
  });
});
