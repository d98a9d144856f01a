import { type Rating, supersedes } from '../../profile/from-ratings.js';

/** A row of a ratings file that rated a (user, movie) pair rated before in the file. */
export interface DuplicateRating {
  /** The ratings file. */
  readonly file: string;
  /** 1-based line of this row. */
  readonly line: number;
  /** The userId. */
  readonly userId: string;
  /** The movieId. */
  readonly item: string;
  /** Line of the earlier row it was weighed against: the one that counted until this row was read. */
  readonly earlierLine: number;
  /** Line of the row that counts now: this one unless its timestamp is earlier, else the earlier one. */
  readonly keptLine: number;
}

/**
 * The (user, movie) pairs a ratings file rates more than once. Each pair counts once (the later timestamp, then the
 * later row); this says how often that happened, for a caller to print or to refuse.
 */
export interface DuplicateRatingsReport {
  /** Rows that rated a pair rated before: as many ratings were read but do not count. */
  readonly rows: number;
  /** Distinct pairs rated more than once. */
  readonly pairs: number;
  /** The first of those rows (at most 10), in file order. */
  readonly examples: readonly DuplicateRating[];
}

/** The ratings that count, per user in order of first appearance, and what was set aside. */
export interface SettledRatings {
  ratings: Map<string, Rating[]>;
  report: DuplicateRatingsReport;
}

const EXAMPLES = 10;

interface UserEntry {
  id: string;
  /** Index in order of first appearance. */
  ordinal: number;
  ratings: Rating[];
  // While a user's movieIds strictly increase (by length, then code units: numeric ids in numeric order), no pair
  // can repeat; sorted files (MovieLens sorts by user, then movie) need no look-up table at all.
  ordered: boolean;
}

/** What settling needs of a user whose movieIds are out of order. */
interface UserTable {
  /** movieId → index in the user's list of the rating that counts. */
  counting: Map<string, number>;
  /** Index in the user's list → row of the file (0-based, data rows only). */
  rowOf: number[];
  /** The user's list with the ratings that do not count set to undefined. */
  kept: Array<Rating | undefined>;
}

/**
 * Every ratings row as read, and then the pairs rated more than once settled: of two rows of a pair the later
 * timestamp counts, then the later row ({@link supersedes}), and the one that counts keeps its own place in file
 * order. Timestamps and lines sit in flat typed arrays (a row costs 16 bytes and no allocation), since nearly every
 * file needs them for nothing.
 */
export class RatingRows {
  readonly #users = new Map<string, UserEntry>();
  readonly #byOrdinal: UserEntry[] = [];
  #user = new Int32Array(1 << 14);
  #time = new Float64Array(1 << 14);
  #line = new Int32Array(1 << 14);
  #count = 0;

  /** One row; `timestamp` is NaN when the row has none. */
  add(userId: string, rating: Rating, timestamp: number, line: number): void {
    let user = this.#users.get(userId);
    if (!user) {
      user = { id: userId, ordinal: this.#byOrdinal.length, ratings: [], ordered: true };
      this.#users.set(userId, user);
      this.#byOrdinal.push(user);
    } else if (user.ordered) {
      const last = (user.ratings[user.ratings.length - 1] as Rating).item;
      const next = rating.item;
      if (last.length > next.length || (last.length === next.length && last >= next)) user.ordered = false;
    }
    user.ratings.push(rating);
    if (this.#count === this.#user.length) this.#grow();
    this.#user[this.#count] = user.ordinal;
    this.#time[this.#count] = timestamp;
    this.#line[this.#count] = line;
    this.#count++;
  }

  /** The ratings that count and the report of the rest; `onDropped` hears the item of each row that does not count. */
  settle(file: string, onDropped: (item: string) => void): SettledRatings {
    const ratings = new Map<string, Rating[]>();
    for (const user of this.#byOrdinal) ratings.set(user.id, user.ratings);
    const unordered = this.#byOrdinal.filter((user) => !user.ordered);
    if (unordered.length === 0) return { ratings, report: { rows: 0, pairs: 0, examples: [] } };

    const tables = new Map<UserEntry, UserTable>();
    for (const user of unordered) tables.set(user, { counting: new Map(), rowOf: [], kept: [...user.ratings] });
    const repeated = new Set<string>();
    let rows = 0;
    const examples: DuplicateRating[] = [];
    for (let row = 0; row < this.#count; row++) {
      const user = this.#byOrdinal[this.#user[row] as number] as UserEntry;
      const table = tables.get(user);
      if (!table) continue;
      const index = table.rowOf.length;
      table.rowOf.push(row);
      const { item } = user.ratings[index] as Rating;
      const earlierIndex = table.counting.get(item);
      if (earlierIndex === undefined) {
        table.counting.set(item, index);
        continue;
      }
      const earlierRow = table.rowOf[earlierIndex] as number;
      const time = (r: number) => (Number.isNaN(this.#time[r]) ? undefined : this.#time[r]);
      const newer = supersedes(time(row), time(earlierRow));
      table.kept[newer ? earlierIndex : index] = undefined;
      if (newer) table.counting.set(item, index);
      onDropped(item);
      rows++;
      repeated.add(`${user.id}\u0000${item}`);
      if (examples.length < EXAMPLES) {
        examples.push({
          file,
          line: this.#line[row] as number,
          userId: user.id,
          item,
          earlierLine: this.#line[earlierRow] as number,
          keptLine: this.#line[newer ? row : earlierRow] as number,
        });
      }
    }
    for (const [user, table] of tables) {
      ratings.set(
        user.id,
        table.kept.filter((r) => r !== undefined),
      );
    }
    return { ratings, report: { rows, pairs: repeated.size, examples } };
  }

  #grow(): void {
    const size = this.#user.length * 2;
    const user = new Int32Array(size);
    user.set(this.#user);
    this.#user = user;
    const time = new Float64Array(size);
    time.set(this.#time);
    this.#time = time;
    const line = new Int32Array(size);
    line.set(this.#line);
    this.#line = line;
  }
}
