import { join } from 'node:path';
import { z } from 'zod';
import type { ItemInput } from '../../catalog/item.js';
import { IcerError } from '../../errors.js';
import type { CsvRecord } from '../../io/csv-reader.js';
import { knownTagSpelling, spellingKey } from '../../lexicon/tag-spellings.js';
import { RatingScaleShape } from '../../profile/from-ratings.js';
import { parseOptions } from '../../validation/parse-options.js';
import { type CsvTable, eachRow, fileExists } from '../csv-table.js';
import { catalogAtLines } from '../ratings/catalog-at-lines.js';
import { setRatedFacts } from '../ratings/rated-facts.js';
import { readRatingsFile } from '../ratings/read-ratings-file.js';
import { MovieLensDataset } from './movielens-dataset.js';
import { parseMovieLensTitle } from './parse-movielens-title.js';

const BOOKKEEPING_TAGS = [
  'in netflix queue',
  'not available from netflix',
  'no dvd at netflix',
  'seen more than once',
  'seen at the cinema',
  'not seen',
] as const;

// Listed among MovieLens's genres, but how a film was shown, not what kind of film it is: a tag, so that no one is
// drawn a love of it as of a genre, and one ignored by default, as no one picks a film for a night in by it.
const IMAX = 'IMAX';

// Verdicts on a film rather than what it is, and words that name no feature of it ("characters", "movies"): as a
// taste ("I'm not into bad movies") or a description ("Words people use for it: bad plot") they say nothing of the
// film a viewer could want or avoid.
const VERDICT_TAGS = [
  'bad',
  'bad acting',
  'bad plot',
  'bad script',
  'bad writing',
  'boring',
  'overrated',
  'stupid ending',
  'awesome',
  'masterpiece',
  'great ending',
  'imdb top 250',
  'too long',
  'plot holes',
  'great acting',
  'great performances',
  'good dialogue',
  'great dialogue',
  'dialogue',
  'characters',
  'interesting',
  'movies',
  'made me cry',
  'predictable',
  'audience intelligence underestimated',
  'cinematography',
] as const;

/** Options for {@link loadMovieLens}. */
export const MovieLensOptionsSchema = z
  .strictObject({
    // The scale of profileFromRatings: one rule for ratings wherever they come from.
    ...RatingScaleShape,
    /**
     * Read tags.csv (when present) into a `tag` facet. Either way, the genre MovieLens calls "IMAX" (how a film was
     * shown, not a kind of film) becomes the tag `IMAX` when `ignoredTags` leaves it out (by default it lists it).
     * @default true
     */
    tags: z.boolean().default(true),
    /**
     * Tags that record what a viewer did with a film ("in netflix queue") or thought of it ("overrated") rather than
     * what the film is; they never become attributes. Compared by their letters and digits, whatever their case.
     * @default the bookkeeping tags found in MovieLens releases ('in netflix queue', 'not available from netflix',
     * 'no dvd at netflix', 'seen more than once', 'seen at the cinema', 'not seen') and verdicts ('bad', 'bad acting',
     * 'bad plot', 'bad script', 'bad writing', 'boring', 'overrated', 'stupid ending', 'awesome', 'masterpiece',
     * 'great ending', 'imdb top 250', 'too long', 'plot holes', 'great acting', 'great performances', 'good dialogue',
     * 'great dialogue', 'dialogue', 'characters', 'interesting', 'movies', 'made me cry', 'predictable',
     * 'audience intelligence underestimated', 'cinematography'), and 'IMAX': how a film was shown says nothing of
     * it for a night in (leave it out of the list to keep it)
     */
    ignoredTags: z.array(z.string()).default([...BOOKKEEPING_TAGS, ...VERDICT_TAGS, IMAX]),
    /**
     * How many times a tag must have been given (by anyone, to any movies) to become an attribute. Most tags of
     * ml-latest-small (925 of 1,475) were given once, by one user to one film, among them quotes ("I am your
     * father") and asides ("Mount Rushmore") that a dialogue would then ask about or describe the film by. 1 keeps
     * every tag.
     * @default 2
     */
    minTagUses: z.number().int().min(1).default(2),
    /**
     * How many tags a film keeps at most: those given to it most often (the first given among equals). One user gave
     * Pulp Fiction 173 of its 181 tags in ml-latest-small, which made it the answer to almost any taste ("mafia",
     * "fun", "disturbing", …) in dialogues of every user; no film has more than 10 tags given by two users or more.
     * @default 10
     */
    maxTagsPerMovie: z.number().int().min(1).default(10),
    /**
     * What to do with a rating or tag of a movie not in movies.csv: `error`, or `skip` the row.
     * @default 'error'
     */
    unknownItems: z.enum(['error', 'skip']).default('error'),
  })
  .refine((o) => o.minRating < o.maxRating, { message: 'minRating must be below maxRating', path: ['minRating'] });

/** Options for {@link loadMovieLens} as accepted from callers. */
export type MovieLensOptions = z.input<typeof MovieLensOptionsSchema>;

const NO_GENRES = '(no genres listed)';

function spacedTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ');
}

/**
 * How people most often wrote a tag: the form (its letters, whatever their case) given most often, then the case
 * that form was most often given in.
 */
function mostWritten(counts: ReadonlyMap<string, number>): string {
  const forms = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const [spelling, count] of counts) {
    const form = spelling.toLowerCase();
    forms.set(form, (forms.get(form) ?? new Map<string, number>()).set(spelling, count));
    totals.set(form, (totals.get(form) ?? 0) + count);
  }
  return mostCommon(forms.get(mostCommon(totals)) as Map<string, number>);
}

/**
 * The spelling counted most often; among equals, the one with fewest capitals and breaks ("funny" over "Funny",
 * "spacecraft" over "space craft").
 */
function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [spelling, count] of counts) {
    if (count > most || (count === most && marks(spelling) < marks(best))) {
      best = spelling;
      most = count;
    }
  }
  return best;
}

function marks(text: string): number {
  return text.replace(/[\p{Ll}\p{N}]/gu, '').length;
}

interface MergedTag {
  /** How the tag is written: its known spelling, or the one its users wrote most often. */
  readonly written: string;
  /** How many times it was given, in all its spellings. */
  readonly uses: number;
}

/**
 * Each tag by its spelling key, a plural that stands beside its singular ("vampires", "vampire") sharing the
 * singular's: otherwise one user could love vampire movies and hate vampires movies.
 */
function mergedTags(spellings: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, MergedTag> {
  const groups = new Map<string, Map<string, number>>();
  const groupOf = (key: string): string =>
    key.endsWith('s') && spellings.has(key.slice(0, -1)) ? key.slice(0, -1) : key;
  for (const [key, counts] of spellings) {
    const group = groups.get(groupOf(key)) ?? new Map<string, number>();
    for (const [spelled, count] of counts) group.set(spelled, (group.get(spelled) ?? 0) + count);
    groups.set(groupOf(key), group);
  }
  const merged = new Map<string, MergedTag>();
  for (const [group, counts] of groups) {
    let uses = 0;
    for (const count of counts.values()) uses += count;
    merged.set(group, { written: knownTagSpelling(group) ?? mostWritten(counts), uses });
  }
  for (const key of spellings.keys()) merged.set(key, merged.get(groupOf(key)) as MergedTag);
  return merged;
}

/** The files of a MovieLens directory that are read (the first two required); any other file there is not. */
export const MOVIELENS_FILES = ['movies.csv', 'ratings.csv', 'tags.csv', 'links.csv'] as const;

/**
 * Loads a MovieLens directory (`movies.csv` and `ratings.csv` required; `tags.csv` and `links.csv` used when
 * present), streaming each file. Each movie's `popularity` is the number of users who rated it. Titles are split
 * into display title, year and aliases ("Matrix, The (1999)" becomes "The Matrix", 1999); genres and tags become the
 * `genre` and `tag` facets.
 *
 * A (user, movie) pair rated twice counts once: the row with the later timestamp, or on a tie (or without
 * timestamps) the later row, the rule `profileFromRatings` applies to a list. Such rows are not errors;
 * `dataset.duplicateRatings` counts them and shows the first few with their lines.
 *
 * Every problem is an {@link IcerError} naming the file, line and column: a missing file (`FILE_NOT_FOUND`), a
 * file that is not UTF-8 (`INVALID_ENCODING`), a row with the wrong number of fields or a field of the wrong form
 * (`MALFORMED_CSV`), a rating off the scale (`RATING_OUT_OF_RANGE`, the rule of `profileFromRatings`), a rating
 * of a movie not in movies.csv (`UNKNOWN_ITEM`), a repeated movieId (`DUPLICATE_ITEM_ID`).
 *
 * @example
 * ```ts
 * const dataset = await loadMovieLens('data/ml-latest-small');
 * const profile = dataset.profile('1');
 * console.log(profile.toText(dataset.catalog));
 * ```
 */
export async function loadMovieLens(directory: string, options: MovieLensOptions = {}): Promise<MovieLensDataset> {
  const resolved = parseOptions(MovieLensOptionsSchema, options, 'loadMovieLens');
  const path = (name: (typeof MOVIELENS_FILES)[number]) => join(directory, name);
  const moviesFile = path('movies.csv');
  const ratingsFile = path('ratings.csv');
  const tagsFile = path('tags.csv');
  const linksFile = path('links.csv');
  for (const file of [moviesFile, ratingsFile]) {
    if (!(await fileExists(file))) {
      throw new IcerError('FILE_NOT_FOUND', 'A MovieLens file is missing.', {
        location: { file },
        hint: `Point to a MovieLens directory holding movies.csv and ratings.csv (and optionally tags.csv, links.csv).`,
      });
    }
  }

  const items = new Map<string, ItemInput & { attributes: Record<string, string[]> }>();
  // Insertion order of `items` is file order, so an item's index in the catalog finds its line here.
  const movieLines = new Map<string, number>();
  const shownInImax: string[] = [];
  await eachRow(moviesFile, ['movieId', 'title', 'genres'], (table, record) => {
    const id = table.required(record, 'movieId');
    const earlier = movieLines.get(id);
    if (earlier !== undefined) {
      throw new IcerError('DUPLICATE_ITEM_ID', `movieId ${id} was already defined on line ${earlier}.`, {
        location: { file: moviesFile, line: record.line, field: 'movieId' },
        hint: 'Each movie must appear once in movies.csv.',
      });
    }
    movieLines.set(id, record.line);
    const { title, year, aliases } = parseMovieLensTitle(table.required(record, 'title'));
    const rawGenres = table.get(record, 'genres').trim();
    const listed =
      rawGenres === '' || rawGenres === NO_GENRES
        ? []
        : rawGenres
            .split('|')
            .map((g) => g.trim())
            .filter(Boolean);
    const genres = listed.filter((genre) => genre !== IMAX);
    if (genres.length < listed.length) shownInImax.push(id);
    items.set(id, {
      id,
      title: title === '' ? table.required(record, 'title') : title,
      ...(year !== undefined ? { year } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      attributes: { genre: genres },
    });
  });

  const knownItem = (table: CsvTable, record: CsvRecord): string | undefined => {
    const id = table.required(record, 'movieId');
    if (items.has(id)) return id;
    if (resolved.unknownItems === 'skip') return undefined;
    throw new IcerError('UNKNOWN_ITEM', `movieId ${id} is not in movies.csv.`, {
      location: { file: table.file, line: record.line, field: 'movieId' },
      hint: "Use the movies.csv of the same release, or pass { unknownItems: 'skip' } to drop such rows.",
    });
  };

  const ignored = new Set(resolved.ignoredTags.map(spellingKey));
  // Tags are one attribute however they were typed ("Funny" and "funny", "post-apocalyptic" and "Post apocalyptic",
  // "vampire" and "vampires"), written as people most often wrote them: names keep their capitals ("Will
  // Ferrell"), words stay lowercase, and a few known misspellings are put right ("Tolkein").
  const spellings = new Map<string, Map<string, number>>();
  const itemTags = new Map<string, Map<string, number>>();
  if (resolved.tags && (await fileExists(tagsFile))) {
    await eachRow(tagsFile, ['userId', 'movieId', 'tag'], (table, record) => {
      const id = knownItem(table, record);
      const spelled = spacedTag(table.get(record, 'tag'));
      const key = spellingKey(knownTagSpelling(spellingKey(spelled)) ?? spelled);
      if (id === undefined || key === '' || ignored.has(key)) return;
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(spelled, (counts.get(spelled) ?? 0) + 1);
      spellings.set(key, counts);
      const attributes = items.get(id)?.attributes as Record<string, string[]>;
      // "comedy" on a Comedy (or "film noir" on a Film-Noir) says nothing the genre does not, and would have the
      // recommender ask about both.
      if ((attributes.genre ?? []).some((genre) => spellingKey(genre) === key)) return;
      const tags = itemTags.get(id) ?? new Map<string, number>();
      tags.set(key, (tags.get(key) ?? 0) + 1);
      itemTags.set(id, tags);
    });
    const tags = mergedTags(spellings);
    for (const [id, given] of itemTags) {
      const counts = new Map<MergedTag, number>();
      for (const [key, count] of given) {
        const tag = tags.get(key) as MergedTag;
        counts.set(tag, (counts.get(tag) ?? 0) + count);
      }
      // The tags given to the film most often first, as what describes it best (in file order among equals).
      const kept = [...counts]
        .filter(([tag]) => tag.uses >= resolved.minTagUses)
        .sort(([, a], [, b]) => b - a)
        .slice(0, resolved.maxTagsPerMovie)
        .map(([tag]) => tag.written);
      if (kept.length > 0) (items.get(id) as { attributes: Record<string, string[]> }).attributes.tag = kept;
    }
  }

  // Last among a film's tags: how it was shown says least of what it is.
  const imax = spellingKey(IMAX);
  if (!ignored.has(imax)) {
    for (const id of shownInImax) {
      const attributes = (items.get(id) as { attributes: Record<string, string[]> }).attributes;
      const tags = attributes.tag ?? [];
      if (!tags.some((tag) => spellingKey(tag) === imax)) attributes.tag = [...tags, IMAX];
    }
  }

  if (await fileExists(linksFile)) {
    await eachRow(linksFile, ['movieId', 'imdbId', 'tmdbId'], (table, record) => {
      const id = knownItem(table, record);
      const item = id === undefined ? undefined : items.get(id);
      if (!item) return;
      const imdb = table.get(record, 'imdbId').trim();
      const tmdb = table.get(record, 'tmdbId').trim();
      const externalIds: Record<string, string> = {};
      if (imdb !== '') externalIds.imdb = `tt${imdb}`;
      if (tmdb !== '') externalIds.tmdb = tmdb;
      if (Object.keys(externalIds).length > 0) item.externalIds = externalIds;
    });
  }

  const rated = await readRatingsFile(ratingsFile, {
    columns: { user: 'userId', item: 'movieId', rating: 'rating', timestamp: 'timestamp' },
    required: ['userId', 'movieId', 'rating'],
    scale: resolved,
    knownItem,
  });

  setRatedFacts(items.values(), rated, resolved);
  const catalog = catalogAtLines(items.values(), moviesFile, [...movieLines.values()], { domain: 'movies' });
  return new MovieLensDataset(directory, catalog, rated.ratings, {
    scale: { minRating: resolved.minRating, maxRating: resolved.maxRating },
    duplicateRatings: rated.report,
  });
}
