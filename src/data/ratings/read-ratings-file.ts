import { IcerError } from '../../errors.js';
import type { CsvRecord } from '../../io/csv-reader.js';
import { checkRating, type Rating, type RatingScale } from '../../profile/from-ratings.js';
import { type CsvTable, eachRow, type RequiredColumn } from '../csv-table.js';
import type { DuplicateRatingsReport } from '../movielens/duplicate-ratings.js';
import { RatingRows } from '../movielens/duplicate-ratings.js';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const WHOLE = /^[+-]?\d+$/;
// A date as ISO 8601 writes it ("2016-03-09", "2016-03-09 00:00:00", "2016-03-09T00:00:00Z"): the one form of
// date every runtime parses alike.
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Where a ratings file keeps each field. */
export interface RatingColumns {
  user: string;
  item: string;
  rating: string;
  /** Read when the header has it. */
  timestamp?: string | undefined;
}

/** How {@link readRatingsFile} reads a ratings file. */
export interface ReadRatingsOptions {
  columns: RatingColumns;
  /** The columns the header must have (with the options that named them, for the message). */
  required: readonly RequiredColumn[];
  scale: RatingScale;
  /** The id of a row's item when the catalog has it; undefined to skip the row; throws for an error. */
  knownItem: (table: CsvTable, record: CsvRecord) => string | undefined;
  /** Timestamps may also be ISO 8601 dates (`2016-03-09 12:00:00`), besides whole numbers. */
  dates?: boolean;
}

/** The ratings that count, per user in order of first appearance, and how many users rated each item. */
export interface ReadRatings {
  ratings: Map<string, Rating[]>;
  report: DuplicateRatingsReport;
  /** Item id → number of users who rated it (each user once). */
  raters: Map<string, number>;
}

/**
 * Streams a ratings file shared by the loaders: each rating a plain decimal on the scale (the rule of
 * `profileFromRatings`), the (user, item) pairs rated twice settled by the later timestamp, then the later row.
 */
export async function readRatingsFile(file: string, options: ReadRatingsOptions): Promise<ReadRatings> {
  const { columns, scale, knownItem } = options;
  // Every row as read; pairs rated twice are settled once the file is read.
  const rows = new RatingRows();
  const raters = new Map<string, number>();
  await eachRow(file, options.required, (table, record) => {
    const userId = table.required(record, columns.user);
    const item = knownItem(table, record);
    const text = table.required(record, columns.rating);
    // Plain decimals only: Number() would also take "0x4" or "1e0", which no ratings file means.
    if (!DECIMAL.test(text)) {
      throw new IcerError('MALFORMED_CSV', `The rating "${text}" is not a decimal number.`, {
        location: { file, line: record.line, field: columns.rating },
      });
    }
    const rating = Number(text);
    checkRating(rating, scale, {
      userId,
      item: item ?? table.required(record, columns.item),
      text,
      location: { file, line: record.line, field: columns.rating },
    });
    const timestamp =
      columns.timestamp !== undefined && table.has(columns.timestamp)
        ? parseTimestamp(table, record, columns.timestamp, options.dates === true)
        : Number.NaN;
    if (item === undefined) return;
    raters.set(item, (raters.get(item) ?? 0) + 1);
    rows.add(userId, { item, rating }, timestamp, record.line);
  });
  // A user who rated an item twice still counts once toward its popularity.
  const settled = rows.settle(file, (item) => {
    raters.set(item, (raters.get(item) as number) - 1);
  });
  return { ratings: settled.ratings, report: settled.report, raters };
}

/** The timestamp of a ratings row: a whole number (MovieLens: seconds since 1970), or NaN when the field is empty. */
function parseTimestamp(table: CsvTable, record: CsvRecord, column: string, dates: boolean): number {
  const text = table.get(record, column).trim();
  if (text === '') return Number.NaN;
  if (WHOLE.test(text)) return Number(text);
  const date = dates ? ISO_DATE.exec(text) : null;
  if (date) {
    // A time without a zone is read as UTC, never the machine's zone: the same file orders alike everywhere.
    const [, day, time, zone] = date;
    const parsed = Date.parse(time === undefined ? `${day}T00:00:00Z` : `${day}T${time}${zone ?? 'Z'}`);
    if (!Number.isNaN(parsed)) return parsed / 1000;
  }
  throw new IcerError(
    'MALFORMED_CSV',
    `The timestamp "${text}" is not a whole number${dates ? ' or an ISO 8601 date' : ''}.`,
    {
      location: { file: table.file, line: record.line, field: column },
      hint: dates
        ? 'Write seconds since 1970 (Unix time) or a date such as 2016-03-09 12:00:00, or leave the field empty.'
        : 'Write seconds since 1970 (Unix time), as MovieLens does, or leave the field empty.',
    },
  );
}
