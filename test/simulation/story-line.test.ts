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

  it('puts a title with a genre that tells no story on that side, whatever else it has', () => {
    // Shoah is a documentary with war as its subject; On the Origin of Species a classic of science.
    const shoah = film('Shoah');
    expect(films.require(shoah).attributes.genre).toEqual(expect.arrayContaining(['Documentary', 'War']));
    expect(keepsStoryLine(films, shoah, 'genre:Romance')).toBe(false);
    expect(keepsStoryLine(films, shoah, 'genre:Action')).toBe(false);
    const origin = book('On the Origin of Species');
    expect(books.require(origin).attributes.genre).toEqual(expect.arrayContaining(['Classics', 'Science']));
    expect(keepsStoryLine(books, origin, 'genre:Adventure')).toBe(false);
    expect(keepsStoryLine(books, origin, 'genre:History')).toBe(true);
  });

  it('takes a work of poetry as a story when another of its genres tells one: an epic poem, not a book of lyrics', () => {
    const beowulf = book('Beowulf');
    expect(books.require(beowulf).attributes.genre).toEqual(['Classics', 'Poetry']);
    expect(keepsStoryLine(books, beowulf, 'genre:Fantasy')).toBe(true);
    expect(keepsStoryLine(books, beowulf, 'genre:Memoir')).toBe(false);
    const elegies = book('Duino Elegies');
    expect(books.require(elegies).attributes.genre).toEqual(['Poetry']);
    expect(keepsStoryLine(books, elegies, 'genre:Adventure')).toBe(false);
    expect(keepsStoryLine(books, elegies, 'genre:Memoir')).toBe(true);
  });

  it('keeps to any side for a catalog whose genres all tell stories, and is false for an unknown item or key', () => {
    const small = smallCatalog();
    expect(keepsStoryLine(small, 'm1', 'genre:Horror')).toBe(true);
    expect(keepsStoryLine(small, 'nope', 'genre:Horror')).toBe(false);
    expect(keepsStoryLine(small, 'm1', 'genre:Nope')).toBe(false);
  });
});
