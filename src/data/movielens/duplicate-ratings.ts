import { type Rating, supersedes } from '../../profile/from-ratings.js';

/** A row of a ratings file that rated a (user, movie) pair rated before in the file. */
export interface DuplicateRating {
  /** The ratings file. */
  readonly file: string;
  /** 1-based line of this row. */
  readonly line: number;
  readonly userId: string;
  /** The movieId. */
  readonly item: string;
  /** Line of the earlier row it was weighed against: the one that counted until this row was read. */
  readonly earlierLine: number;
  /** Line of the row that counts now: this one unless its timestamp is earlier, else the earlier one. */
  readonly keptLine: number;
}

/**
 * The (user, movie) pairs a ratings file rates more than once. Each pair counts once, by the rule of
 * {@link supersedes}; this says how often that happened, for a caller to print or to refuse.
 */
export interface DuplicateRatingsReport {
  /** Rows that rated a pair rated before: as many ratings were read but do not count. */
  readonly rows: number;
  /** Distinct pairs rated more than once. */
  readonly pairs: number;
  /** The first of those rows (at most 10), in file order. */
  readonly examples: readonly DuplicateRating[];
}

/** One user's rows as read, in file order. */
export interface UserRows {
  ratings: Rating[];
  /** Per rating; NaN for a row without one, which keeps the array of plain doubles. */
  timestamps: number[];
  lines: number[];
}

/** The ratings that count, per user, and what was set aside. */
export interface SettledRatings {
  ratings: Map<string, Rating[]>;
  report: DuplicateRatingsReport;
}

const EXAMPLES = 10;

// Ids ordered by length, then by code units: numeric ids in numeric order. A user whose ids strictly increase in
// any total order has no pair twice, and sorted files (MovieLens sorts by user, then movie) need no look-up table.
function strictlyIncreasing(ratings: readonly Rating[]): boolean {
  for (let i = 1; i < ratings.length; i++) {
    const a = (ratings[i - 1] as Rating).item;
    const b = (ratings[i] as Rating).item;
    if (a.length > b.length || (a.length === b.length && a >= b)) return false;
  }
  return true;
}

/**
 * Settles the pairs rated more than once, after the whole file is read (one user's table at a time keeps memory
 * flat): of two rows of a pair the later timestamp counts, then the later row ({@link supersedes}), and the one that
 * counts keeps its own place in file order. `onDropped` hears the item of every row that does not count.
 */
export function settleDuplicates(
  users: ReadonlyMap<string, UserRows>,
  file: string,
  onDropped: (item: string) => void,
): SettledRatings {
  const ratings = new Map<string, Rating[]>();
  let rows = 0;
  let pairs = 0;
  let examples: DuplicateRating[] = [];
  for (const [userId, user] of users) {
    if (strictlyIncreasing(user.ratings)) {
      ratings.set(userId, user.ratings);
      continue;
    }
    const counting = new Map<string, number>();
    const repeated = new Set<string>();
    const kept: Array<Rating | undefined> = [...user.ratings];
    for (const [index, { item }] of user.ratings.entries()) {
      const earlier = counting.get(item);
      if (earlier === undefined) {
        counting.set(item, index);
        continue;
      }
      const time = (i: number) => (Number.isNaN(user.timestamps[i]) ? undefined : user.timestamps[i]);
      const newer = supersedes(time(index), time(earlier));
      const [winner, loser] = newer ? [index, earlier] : [earlier, index];
      kept[loser] = undefined;
      counting.set(item, winner);
      onDropped(item);
      rows++;
      if (!repeated.has(item)) {
        repeated.add(item);
        pairs++;
      }
      const line = user.lines[index] as number;
      examples.push({
        file,
        line,
        userId,
        item,
        earlierLine: user.lines[earlier] as number,
        keptLine: user.lines[winner] as number,
      });
    }
    ratings.set(
      userId,
      kept.filter((r) => r !== undefined),
    );
    // Users come in order of first appearance, not of their rows: keep the first rows of the whole file.
    if (examples.length > EXAMPLES) examples = examples.sort((a, b) => a.line - b.line).slice(0, EXAMPLES);
  }
  return { ratings, report: { rows, pairs, examples: examples.sort((a, b) => a.line - b.line) } };
}
