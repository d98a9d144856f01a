import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../../src/catalog/title.js';
import { BUILTIN_BOOKS } from '../../src/data/builtin/books.js';
import type { BuiltinBook } from '../../src/data/builtin/builtin-book.js';
import { BUILTIN_BOOK_GENRES, BUILTIN_BOOK_TAGS } from '../../src/data/builtin/builtin-book.js';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { DialogueGenerator } from '../../src/generation/dialogue-generator.js';
import type { DialogueRecord } from '../../src/generation/dialogue-record.js';
import { syntheticProfiles } from '../../src/profile/synthetic.js';
import { countBy, duplicates, slug } from '../helpers/catalog-rows.js';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function describeBook(book: BuiltinBook): string {
  return book.year === undefined ? book.title : `${book.title} (${book.year})`;
}

const isTrimmedNonEmpty = (value: string): boolean => value.length > 0 && value.trim() === value;

/** The books for which `wrong` holds, as "Title (year)", for a readable failure. */
function booksWhere(wrong: (book: BuiltinBook) => boolean): string[] {
  return BUILTIN_BOOKS.filter(wrong).map(describeBook);
}

/** Whether a list has between `min` and `max` distinct members, all from `known`. */
function isListFrom(values: readonly string[], known: readonly string[], min: number, max: number): boolean {
  return (
    values.length >= min &&
    values.length <= max &&
    new Set(values).size === values.length &&
    values.every((value) => known.includes(value))
  );
}
const expectedId = (book: BuiltinBook): string =>
  `${slug(book.title)}${book.year === undefined ? '' : `-${book.year}`}`;

describe('BUILTIN_BOOKS', () => {
  it('holds at least 300 books', () => {
    expect(BUILTIN_BOOKS.length).toBeGreaterThanOrEqual(300);
  });

  it('has unique, slug-shaped ids derived from the title and year', () => {
    expect(duplicates(BUILTIN_BOOKS.map((b) => b.id))).toEqual([]);
    const bad = BUILTIN_BOOKS.filter((b) => !ID_PATTERN.test(b.id) || b.id !== expectedId(b)).map(
      (b) => `${b.id} (expected ${expectedId(b)})`,
    );
    expect(bad).toEqual([]);
  });

  it('has trimmed, non-empty titles and aliases, no alias repeating its title', () => {
    const badAliases = (aliases: readonly string[]): boolean =>
      aliases.length === 0 || !aliases.every(isTrimmedNonEmpty);
    expect(
      booksWhere(
        (b) =>
          !isTrimmedNonEmpty(b.title) ||
          (b.aliases !== undefined && badAliases(b.aliases)) ||
          (b.aliases ?? []).includes(b.title),
      ),
    ).toEqual([]);
  });

  it('has integer years from 1000 to 2024, and spans the eras up to the 2020s', () => {
    expect(
      booksWhere((b) => b.year !== undefined && (!Number.isInteger(b.year) || b.year < 1000 || b.year > 2024)),
    ).toEqual([]);
    const undated = BUILTIN_BOOKS.filter((b) => b.year === undefined);
    expect(undated.length).toBeGreaterThanOrEqual(5);
    expect(undated.length).toBeLessThan(30);
    const centuries = new Set(BUILTIN_BOOKS.flatMap((b) => (b.year === undefined ? [] : [Math.floor(b.year / 100)])));
    for (let century = 16; century <= 20; century++) expect(centuries, `${century}00s`).toContain(century);
    const decades = new Set(BUILTIN_BOOKS.flatMap((b) => (b.year === undefined ? [] : [Math.floor(b.year / 10) * 10])));
    for (let decade = 1900; decade <= 2020; decade += 10) expect(decades, `${decade}s`).toContain(decade);
  });

  it('never lets a title or alias name two books of the same year once normalised', () => {
    const keys = BUILTIN_BOOKS.flatMap((b) =>
      [...new Set([b.title, ...(b.aliases ?? [])].map((name) => normalizeTitle(name)))].map(
        (key) => `${key}|${b.year ?? '-'}`,
      ),
    );
    expect(duplicates(keys)).toEqual([]);
  });

  it('gives every book 1–3 distinct genres from BUILTIN_BOOK_GENRES', () => {
    expect(booksWhere((b) => !isListFrom(b.genres, BUILTIN_BOOK_GENRES, 1, 3))).toEqual([]);
  });

  it('uses every genre of BUILTIN_BOOK_GENRES on at least 8 books', () => {
    const counts = countBy(BUILTIN_BOOKS.flatMap((b) => b.genres));
    const thin = BUILTIN_BOOK_GENRES.filter((g) => (counts.get(g) ?? 0) < 8).map((g) => `${g}: ${counts.get(g) ?? 0}`);
    expect(thin).toEqual([]);
  });

  it('credits distinct, trimmed authors (only anonymous works have none)', () => {
    expect(
      booksWhere((b) => !b.authors.every(isTrimmedNonEmpty) || new Set(b.authors).size !== b.authors.length),
    ).toEqual([]);
    const anonymous = BUILTIN_BOOKS.filter((b) => b.authors.length === 0).map((b) => b.title);
    expect(anonymous.sort()).toEqual(['Beowulf', 'One Thousand and One Nights', 'The Epic of Gilgamesh']);
  });

  it('has at least 10 authors with 3 or more books, so that author tastes have support', () => {
    const prolific = [...countBy(BUILTIN_BOOKS.flatMap((b) => b.authors))].filter(([, n]) => n >= 3);
    expect(prolific.length).toBeGreaterThanOrEqual(10);
    const names = prolific.map(([author]) => author);
    for (const author of ['Jane Austen', 'Leo Tolstoy', 'Agatha Christie', 'Stephen King', 'Ursula K. Le Guin']) {
      expect(names, author).toContain(author);
    }
  });

  it('gives every book 3–5 distinct tags from BUILTIN_BOOK_TAGS', () => {
    expect(booksWhere((b) => !isListFrom(b.tags, BUILTIN_BOOK_TAGS, 3, 5))).toEqual([]);
  });

  it('keeps the tag vocabulary controlled: lowercase, at most 120 tags, each on at least 3 books', () => {
    expect(BUILTIN_BOOK_TAGS.length).toBeLessThanOrEqual(120);
    expect(duplicates(BUILTIN_BOOK_TAGS)).toEqual([]);
    expect(BUILTIN_BOOK_TAGS.filter((t) => !isTrimmedNonEmpty(t) || t !== t.toLowerCase())).toEqual([]);
    const counts = countBy(BUILTIN_BOOKS.flatMap((b) => b.tags));
    const rare = BUILTIN_BOOK_TAGS.filter((t) => (counts.get(t) ?? 0) < 3).map((t) => `${t}: ${counts.get(t) ?? 0}`);
    expect(rare).toEqual([]);
  });

  it('includes the mood tags critiques rely on', () => {
    for (const tag of ['dark', 'lighthearted', 'feel-good', 'fast-paced', 'violent', 'heartbreaking']) {
      expect(BUILTIN_BOOK_TAGS, tag).toContain(tag);
    }
  });

  it('names series with trimmed names, most of them on several books', () => {
    const series = BUILTIN_BOOKS.flatMap((b) => (b.series === undefined ? [] : [b.series]));
    expect(series.filter((s) => !isTrimmedNonEmpty(s))).toEqual([]);
    expect([...countBy(series)].filter(([, n]) => n >= 3).length).toBeGreaterThanOrEqual(10);
  });

  it('describes The Left Hand of Darkness as documented', () => {
    expect(BUILTIN_BOOKS.find((b) => b.id === 'the-left-hand-of-darkness-1969')).toMatchObject({
      title: 'The Left Hand of Darkness',
      year: 1969,
      genres: ['Science Fiction'],
      authors: ['Ursula K. Le Guin'],
      series: 'Hainish Cycle',
    });
  });
});

describe('builtinBooksCatalog', () => {
  const catalog = builtinBooksCatalog();

  it('is a books catalog with genre, author, tag and series facets, built once', () => {
    expect(catalog.domain).toBe('books');
    expect(catalog.size).toBe(BUILTIN_BOOKS.length);
    expect(catalog.facets()).toEqual(['author', 'genre', 'series', 'tag']);
    expect(builtinBooksCatalog()).toBe(catalog);
  });

  it('resolves titles and aliases', () => {
    expect(catalog.resolveTitle('the left hand of darkness').id).toBe('the-left-hand-of-darkness-1969');
    expect(catalog.resolveTitle("Harry Potter and the Sorcerer's Stone").id).toBe(
      'harry-potter-and-the-philosophers-stone-1997',
    );
    expect(catalog.resolveTitle('The Odyssey').year).toBeUndefined();
  });

  it('gives synthetic users liked and disliked books and tastes over genres, authors and tags', () => {
    const users = [...syntheticProfiles(catalog, { count: 200, seed: 5 })];
    expect(users).toHaveLength(200);
    const facetsOf = new Set<string>();
    for (const user of users) {
      expect(user.liked.length, user.id).toBeGreaterThan(0);
      for (const key of Object.keys(user.affinities)) facetsOf.add(key.slice(0, key.indexOf(':')));
    }
    expect(users.filter((u) => u.disliked.length > 0).length).toBeGreaterThan(150);
    for (const facet of ['genre', 'author', 'tag']) expect(facetsOf, facet).toContain(facet);
  });

  it('generates 200 dialogues without a consistency violation', async () => {
    const users = [...syntheticProfiles(catalog, { count: 200, seed: 11 })];
    const generator = new DialogueGenerator({ catalog, seed: 11 });
    const records: DialogueRecord[] = [];
    for await (const record of generator.generateMany(users, { concurrency: 8 })) records.push(record);
    expect(records).toHaveLength(200);
    expect(records.every((r) => r.domain === 'books')).toBe(true);
    const violations = records.flatMap((r) => r.consistency.violations.map((v) => `${r.id}: ${JSON.stringify(v)}`));
    expect(violations).toEqual([]);
  }, 60_000);
});
