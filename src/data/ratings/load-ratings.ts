import { z } from 'zod';
import { FacetSchema, type ItemInput } from '../../catalog/item.js';
import { IcerError } from '../../errors.js';
import type { CsvRecord } from '../../io/csv-reader.js';
import { DomainPhrasingSchema } from '../../lexicon/domain-phrasing.js';
import { RatingScaleShape } from '../../profile/from-ratings.js';
import { parseOptions } from '../../validation/parse-options.js';
import { type CsvTable, eachRow, fileExists, type RequiredColumn } from '../csv-table.js';
import { catalogAtLines } from './catalog-at-lines.js';
import { setRatedFacts } from './rated-facts.js';
import { RatingsDataset } from './ratings-dataset.js';
import { readRatingsFile } from './read-ratings-file.js';

const Column = z.string().trim().min(1, 'a column name must not be empty');

/** A facet's column, with its own value separator when it differs from `facetSeparator`. */
const FacetColumnSchema = z.union([
  Column,
  z.strictObject({
    /** The column holding the facet's values. */
    column: Column,
    /** What separates the values of a cell in this column. Default: `facetSeparator`. */
    separator: z.string().min(1).optional(),
  }),
]);

const ITEM_COLUMNS = { id: 'itemId', title: 'title' } as const;
const RATING_COLUMNS = { user: 'userId', item: 'itemId', rating: 'rating' } as const;

/** Options for {@link loadRatings}: two CSV files and which of their columns mean what. */
export const RatingsDataOptionsSchema = z
  .strictObject({
    /** The items file (CSV with a header line): one item per row. */
    items: z.string().min(1),
    /** The ratings file (CSV with a header line): one rating per row. */
    ratings: z.string().min(1),
    /**
     * The items file's columns: the item's `id` and `title` (required), its `year` (optional; a whole number, also
     * written `1999.0`; a year outside 1000–9999 is left unknown).
     * @default { id: 'itemId', title: 'title' }
     */
    itemColumns: z
      .strictObject({
        /**
         * The column of the item id.
         * @default 'itemId'
         */
        id: Column.default(ITEM_COLUMNS.id),
        /**
         * The column of the title.
         * @default 'title'
         */
        title: Column.default(ITEM_COLUMNS.title),
        /** The column of the year, if any. */
        year: Column.optional(),
      })
      .prefault({}),
    /**
     * Facet → the items file's column holding its values (`{ author: 'authors', genre: 'categories' }`), or
     * `{ column, separator }`. A cell may hold several values, split by the separator; empty values are dropped.
     * @default {}
     */
    facets: z.record(FacetSchema, FacetColumnSchema).default({}),
    /**
     * What separates the values of a facet's cell (`Fantasy|Young Adult`).
     * @default '|'
     */
    facetSeparator: z.string().min(1).default('|'),
    /**
     * The ratings file's columns: `user`, `item` (an id of the items file) and `rating` (required), `timestamp`
     * (optional; a whole number such as Unix seconds, or an ISO 8601 date; only read to settle a pair rated twice).
     * @default { user: 'userId', item: 'itemId', rating: 'rating' }
     */
    ratingColumns: z
      .strictObject({
        /**
         * The column of the user id.
         * @default 'userId'
         */
        user: Column.default(RATING_COLUMNS.user),
        /**
         * The column of the rated item's id.
         * @default 'itemId'
         */
        item: Column.default(RATING_COLUMNS.item),
        /**
         * The column of the rating.
         * @default 'rating'
         */
        rating: Column.default(RATING_COLUMNS.rating),
        /** The column of the time of the rating, if any. */
        timestamp: Column.optional(),
      })
      .prefault({}),
    // The scale of profileFromRatings: one rule for ratings wherever they come from.
    ...RatingScaleShape,
    /**
     * What to do with a rating of an item not in the items file: `error`, or `skip` the row.
     * @default 'error'
     */
    unknownItems: z.enum(['error', 'skip']).default('error'),
    /**
     * The catalog's domain (`books`, `products`, `restaurants`…), which chooses how dialogues are worded.
     * @default 'items'
     */
    domain: z.string().trim().min(1).default('items'),
    /**
     * How dialogues about these items are worded (see docs/domains.md), as in a JSON catalog's `phrasing`; without it,
     * the built-in phrasing of `domain` (`movies`, `books`), else neutral wording.
     */
    phrasing: DomainPhrasingSchema.optional(),
  })
  .refine((o) => o.minRating < o.maxRating, { message: 'minRating must be below maxRating', path: ['minRating'] });

/** Options for {@link loadRatings} as accepted from callers. */
export type RatingsDataOptions = z.input<typeof RatingsDataOptionsSchema>;
/** Options for {@link loadRatings} with their defaults applied. */
export type ResolvedRatingsDataOptions = z.output<typeof RatingsDataOptionsSchema>;

/** How errors name the options (the library's, or the command line's flags). */
export interface RatingsDataOptionNames {
  /** The option that names a column: `itemColumns.id`, `ratingColumns.user`, `facets.author`… */
  column(option: string): string;
  /** How to ask for unknown items to be skipped. */
  skipUnknown: string;
}

const LIBRARY_NAMES: RatingsDataOptionNames = {
  column: (option) => option,
  skipUnknown: "pass { unknownItems: 'skip' }",
};

const WHOLE_YEAR = /^[+-]?\d+(?:\.0*)?$/;

/**
 * Loads ratings data that is not MovieLens — Goodreads-, Amazon- or Yelp-style exports — from an items file and a
 * ratings file, both CSV with a header line, streamed. You say which columns are the item's id, title and year,
 * which hold its facets (several values per cell, split by `facetSeparator`), and which are the rating's user, item,
 * rating and timestamp; other columns are ignored. Ratings may be on any scale (`minRating`–`maxRating`: 1–5, 0–10,
 * 1–100…). Each item's `popularity` is the number of users who rated it. Profiles, with their held-out split, are
 * built by the same rules as for MovieLens ({@link RatingsDataset.profiles}).
 *
 * A (user, item) pair rated twice counts once: the later timestamp, or on a tie (or without timestamps) the later
 * row; `dataset.duplicateRatings` reports such rows.
 *
 * Every problem is an {@link IcerError} naming the file, line and column: a missing file (`FILE_NOT_FOUND`), a
 * file that is not UTF-8 (`INVALID_ENCODING`), a header without a mapped column (`MALFORMED_CSV`, naming the option
 * that maps it and the columns the header has), a row with the wrong number of fields or a field of the wrong form
 * (`MALFORMED_CSV`), a rating off the scale (`RATING_OUT_OF_RANGE`), a rating of an item not in the items file
 * (`UNKNOWN_ITEM`), a repeated item id (`DUPLICATE_ITEM_ID`).
 *
 * @example
 * ```ts
 * // Goodreads: books.csv (book_id, title, authors, original_publication_year, genres),
 * // ratings.csv (user_id, book_id, rating) on a 1–5 scale.
 * const dataset = await loadRatings({
 *   items: 'goodreads/books.csv',
 *   ratings: 'goodreads/ratings.csv',
 *   itemColumns: { id: 'book_id', title: 'title', year: 'original_publication_year' },
 *   facets: { author: { column: 'authors', separator: ',' }, genre: 'genres' },
 *   ratingColumns: { user: 'user_id', item: 'book_id', rating: 'rating' },
 *   minRating: 1,
 *   maxRating: 5,
 *   domain: 'books',
 * });
 * for (const profile of dataset.profiles({ seed: 1 })) console.log(profile.id, profile.heldOut.length);
 * ```
 */
export async function loadRatings(options: RatingsDataOptions): Promise<RatingsDataset> {
  return readRatingsData(parseOptions(RatingsDataOptionsSchema, options, 'loadRatings'), LIBRARY_NAMES);
}

/** {@link loadRatings} of options already checked, its errors naming the options as `names` says. */
export async function readRatingsData(
  options: ResolvedRatingsDataOptions,
  names: RatingsDataOptionNames = LIBRARY_NAMES,
): Promise<RatingsDataset> {
  const itemsFile = options.items;
  const ratingsFile = options.ratings;
  for (const [file, what] of [
    [itemsFile, 'items'],
    [ratingsFile, 'ratings'],
  ] as const) {
    if (!(await fileExists(file))) {
      throw new IcerError('FILE_NOT_FOUND', `The ${what} file is missing.`, {
        location: { file },
        hint: `Point to a CSV file of ${what} with a header line.`,
      });
    }
  }

  const { itemColumns, ratingColumns } = options;
  const mapped = (column: string, option: string): RequiredColumn => ({ column, option: names.column(option) });
  const facets = Object.entries(options.facets).map(([facet, spec]) => ({
    facet,
    column: typeof spec === 'string' ? spec : spec.column,
    separator: (typeof spec === 'string' ? undefined : spec.separator) ?? options.facetSeparator,
  }));
  const itemsRequired: RequiredColumn[] = [
    mapped(itemColumns.id, 'itemColumns.id'),
    mapped(itemColumns.title, 'itemColumns.title'),
    ...(itemColumns.year !== undefined ? [mapped(itemColumns.year, 'itemColumns.year')] : []),
    ...facets.map(({ facet, column }) => mapped(column, `facets.${facet}`)),
  ];

  const items = new Map<string, ItemInput>();
  // Insertion order of `items` is file order, so an item's index in the catalog finds its line here.
  const itemLines = new Map<string, number>();
  await eachRow(itemsFile, itemsRequired, (table, record) => {
    const id = table.required(record, itemColumns.id);
    const earlier = itemLines.get(id);
    if (earlier !== undefined) {
      throw new IcerError('DUPLICATE_ITEM_ID', `The item id ${id} was already defined on line ${earlier}.`, {
        location: { file: itemsFile, line: record.line, field: itemColumns.id },
        hint: 'Each item must appear once in the items file.',
      });
    }
    itemLines.set(id, record.line);
    const year = itemColumns.year === undefined ? undefined : parseYear(table, record, itemColumns.year);
    const attributes: Record<string, string[]> = {};
    for (const { facet, column, separator } of facets) {
      const values = [
        ...new Set(
          table
            .get(record, column)
            .split(separator)
            .map((value) => value.trim())
            .filter(Boolean),
        ),
      ];
      if (values.length > 0) attributes[facet] = values;
    }
    items.set(id, {
      id,
      title: table.required(record, itemColumns.title),
      ...(year !== undefined ? { year } : {}),
      attributes,
    });
  });

  const knownItem = (table: CsvTable, record: CsvRecord): string | undefined => {
    const id = table.required(record, ratingColumns.item);
    if (items.has(id)) return id;
    if (options.unknownItems === 'skip') return undefined;
    throw new IcerError('UNKNOWN_ITEM', `The item ${id} is not in the items file (${itemsFile}).`, {
      location: { file: table.file, line: record.line, field: ratingColumns.item },
      hint: `Check that ${names.column('ratingColumns.item')} and ${names.column('itemColumns.id')} name matching columns, or ${names.skipUnknown} to drop such rows.`,
    });
  };

  const rated = await readRatingsFile(ratingsFile, {
    columns: ratingColumns,
    required: [
      mapped(ratingColumns.user, 'ratingColumns.user'),
      mapped(ratingColumns.item, 'ratingColumns.item'),
      mapped(ratingColumns.rating, 'ratingColumns.rating'),
      ...(ratingColumns.timestamp !== undefined ? [mapped(ratingColumns.timestamp, 'ratingColumns.timestamp')] : []),
    ],
    scale: options,
    knownItem,
    dates: true,
  });

  setRatedFacts(items.values(), rated, options);
  const catalog = catalogAtLines(items.values(), itemsFile, [...itemLines.values()], options);
  return new RatingsDataset(catalog, rated.ratings, {
    scale: { minRating: options.minRating, maxRating: options.maxRating },
    duplicateRatings: rated.report,
    ratingsFile,
  });
}

/** A year: a whole number (`1999`, or `1999.0` as spreadsheets write it); empty, or outside 1000–9999, unknown. */
function parseYear(table: CsvTable, record: CsvRecord, column: string): number | undefined {
  const text = table.get(record, column).trim();
  if (text === '') return undefined;
  if (!WHOLE_YEAR.test(text)) {
    throw new IcerError('MALFORMED_CSV', `The year "${text}" is not a whole number.`, {
      location: { file: table.file, line: record.line, field: column },
      hint: 'Write the year as digits (1999), or leave the field empty when it is unknown.',
    });
  }
  const year = Math.trunc(Number(text));
  // Goodreads dates ancient works (-750); a catalog year is four digits, so such a year stays unknown.
  return year >= 1000 && year <= 9999 ? year : undefined;
}
