import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../../src/catalog/title.js';
import type { BuiltinMovie } from '../../src/data/builtin/builtin-movie.js';
import { BUILTIN_GENRES } from '../../src/data/builtin/builtin-movie.js';
import { BUILTIN_MOVIES } from '../../src/data/builtin/movies.js';
import { countBy, duplicates, slug } from '../helpers/catalog-rows.js';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*-\d{4}$/;

function describeMovie(movie: BuiltinMovie): string {
  return `${movie.title} (${movie.year})`;
}

const isTrimmedNonEmpty = (value: string): boolean => value.length > 0 && value.trim() === value;

describe('BUILTIN_MOVIES', () => {
  it('holds between 280 and 320 films', () => {
    expect(BUILTIN_MOVIES.length).toBeGreaterThanOrEqual(280);
    expect(BUILTIN_MOVIES.length).toBeLessThanOrEqual(320);
  });

  it('has unique ids', () => {
    expect(duplicates(BUILTIN_MOVIES.map((m) => m.id))).toEqual([]);
  });

  it('has ids matching the slug pattern and ending in the year', () => {
    const bad = BUILTIN_MOVIES.filter((m) => !ID_PATTERN.test(m.id) || !m.id.endsWith(`-${m.year}`)).map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it('derives each id from its title and year', () => {
    const bad = BUILTIN_MOVIES.filter((m) => m.id !== `${slug(m.title)}-${m.year}`).map(
      (m) => `${m.id} (expected ${slug(m.title)}-${m.year})`,
    );
    expect(bad).toEqual([]);
  });

  it('has trimmed, non-empty titles and aliases', () => {
    const bad = BUILTIN_MOVIES.filter(
      (m) =>
        !isTrimmedNonEmpty(m.title) ||
        (m.aliases !== undefined && (m.aliases.length === 0 || !m.aliases.every(isTrimmedNonEmpty))) ||
        (m.aliases ?? []).includes(m.title),
    ).map(describeMovie);
    expect(bad).toEqual([]);
  });

  it('has integer years between 1900 and 2026', () => {
    const bad = BUILTIN_MOVIES.filter((m) => !Number.isInteger(m.year) || m.year < 1900 || m.year > 2026).map(
      describeMovie,
    );
    expect(bad).toEqual([]);
  });

  it('covers every decade from the 1920s to the 2020s', () => {
    const decades = new Set(BUILTIN_MOVIES.map((m) => Math.floor(m.year / 10) * 10));
    for (let decade = 1920; decade <= 2020; decade += 10) expect(decades, `${decade}s`).toContain(decade);
  });

  it('never repeats a (lowercased title, year) pair', () => {
    expect(duplicates(BUILTIN_MOVIES.map((m) => `${m.title.toLowerCase()}|${m.year}`))).toEqual([]);
  });

  it('never lets a title or alias name two films of the same year once normalised', () => {
    const keys = BUILTIN_MOVIES.flatMap((m) =>
      [...new Set([m.title, ...(m.aliases ?? [])].map((name) => normalizeTitle(name)))].map(
        (key) => `${key}|${m.year}`,
      ),
    );
    expect(duplicates(keys)).toEqual([]);
  });

  it('gives every film 1–5 distinct genres from BUILTIN_GENRES', () => {
    const known = new Set<string>(BUILTIN_GENRES);
    const bad = BUILTIN_MOVIES.filter(
      (m) =>
        m.genres.length < 1 ||
        m.genres.length > 5 ||
        new Set(m.genres).size !== m.genres.length ||
        !m.genres.every((g) => known.has(g)),
    ).map(describeMovie);
    expect(bad).toEqual([]);
  });

  // A critique answered from these genres reads false when one is missing or wrong: "less fantastical than Your
  // Name" answered with Beauty and the Beast, or "more of a musical" with a concert documentary.
  it('calls every fairy tale a fantasy, and no documentary a musical', () => {
    const bad = BUILTIN_MOVIES.filter(
      (m) =>
        (m.tags.includes('fairy tale') && !m.genres.includes('Fantasy')) ||
        (m.genres.includes('Documentary') && m.genres.includes('Musical')),
    ).map(describeMovie);
    expect(bad).toEqual([]);
  });

  it('uses every genre in BUILTIN_GENRES on at least 8 films', () => {
    const counts = countBy(BUILTIN_MOVIES.flatMap((m) => m.genres));
    const thin = BUILTIN_GENRES.filter((g) => (counts.get(g) ?? 0) < 8).map((g) => `${g}: ${counts.get(g) ?? 0}`);
    expect(thin).toEqual([]);
  });

  it('credits at least one director per film, with trimmed names', () => {
    const bad = BUILTIN_MOVIES.filter((m) => m.directors.length < 1 || !m.directors.every(isTrimmedNonEmpty)).map(
      describeMovie,
    );
    expect(bad).toEqual([]);
  });

  it('lists 2–3 leads per film (documentaries: at most 3, possibly none)', () => {
    const bad = BUILTIN_MOVIES.filter((m) => {
      const documentary = m.genres.includes('Documentary');
      const sizeOk = documentary ? m.cast.length <= 3 : m.cast.length >= 2 && m.cast.length <= 3;
      return !sizeOk || !m.cast.every(isTrimmedNonEmpty) || new Set(m.cast).size !== m.cast.length;
    }).map(describeMovie);
    expect(bad).toEqual([]);
  });

  it('gives every film 3–5 distinct, lowercase, trimmed tags', () => {
    const bad = BUILTIN_MOVIES.filter(
      (m) =>
        m.tags.length < 3 ||
        m.tags.length > 5 ||
        new Set(m.tags).size !== m.tags.length ||
        !m.tags.every((t) => isTrimmedNonEmpty(t) && t === t.toLowerCase()),
    ).map(describeMovie);
    expect(bad).toEqual([]);
  });

  it('uses every tag on at least 3 films', () => {
    const counts = countBy(BUILTIN_MOVIES.flatMap((m) => m.tags));
    const rare = [...counts].filter(([, n]) => n < 3).map(([tag, n]) => `${tag}: ${n}`);
    expect(rare).toEqual([]);
  });

  it('keeps the tag vocabulary controlled (80–120 distinct tags)', () => {
    const vocabulary = new Set(BUILTIN_MOVIES.flatMap((m) => m.tags));
    expect(vocabulary.size).toBeGreaterThanOrEqual(80);
    expect(vocabulary.size).toBeLessThanOrEqual(120);
  });

  it('includes the mood and intensity tags critiques rely on', () => {
    const vocabulary = new Set(BUILTIN_MOVIES.flatMap((m) => m.tags));
    for (const tag of ['violent', 'gory', 'feel-good', 'dark', 'lighthearted', 'slow burn', 'fast-paced']) {
      expect(vocabulary, tag).toContain(tag);
    }
  });

  it('describes The Matrix as documented', () => {
    const matrix = BUILTIN_MOVIES.find((m) => m.id === 'the-matrix-1999');
    expect(matrix).toMatchObject({
      title: 'The Matrix',
      year: 1999,
      directors: ['Lana Wachowski', 'Lilly Wachowski'],
      cast: ['Keanu Reeves', 'Laurence Fishburne', 'Carrie-Anne Moss'],
    });
  });
});
