import type { DuplicateRatingsReport } from '../data/movielens/duplicate-ratings.js';

/** How many repeated rows are shown by line; the count covers the rest. */
const SHOWN = 3;

/**
 * The stderr note on (user, movie) pairs a ratings file rates more than once. The loader settles them by a rule
 * (later timestamp, then later row) and throws nothing, so this note is the only place a command-line user learns
 * that some rows did not count; a clean file gets none.
 */
export function duplicateRatingsNote(command: string, report: DuplicateRatingsReport): string[] {
  if (report.rows === 0) return [];
  const pairs = `${report.pairs} (user, movie) pair${report.pairs === 1 ? '' : 's'}`;
  const rows = `${report.rows} row${report.rows === 1 ? '' : 's'}`;
  return [
    `${command}: ${pairs} rated more than once; each counts once (the later timestamp, then the later row), so ${rows} did not count`,
    ...report.examples
      .slice(0, SHOWN)
      .map(
        (row) =>
          `${command}:   ${row.file}:${row.line}: user ${row.userId}, movie ${row.item}, rated before on line ${row.earlierLine}; line ${row.keptLine} counts`,
      ),
    ...(report.rows > SHOWN ? [`${command}:   … and ${report.rows - SHOWN} more`] : []),
  ];
}
