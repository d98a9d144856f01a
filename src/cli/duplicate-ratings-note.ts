import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { DuplicateRatingsReport } from '../data/movielens/duplicate-ratings.js';
import { domainPhrasing } from '../lexicon/domain-phrasing.js';

/** How many repeated rows are shown by line; the count covers the rest. */
const SHOWN = 3;

/**
 * The stderr note on (user, item) pairs a ratings file rates more than once, an item called as the catalog's domain
 * calls it ("movie", "book"). The loader settles them by a rule
 * (later timestamp, then later row) and throws nothing, so this note is the only place a command-line user learns
 * that some rows did not count; a clean file gets none.
 */
export function duplicateRatingsNote(command: string, report: DuplicateRatingsReport, catalog: ItemCatalog): string[] {
  if (report.rows === 0) return [];
  const item = domainPhrasing(catalog).noun?.singular ?? 'item';
  const pairs = `${report.pairs} (user, ${item}) pair${report.pairs === 1 ? '' : 's'}`;
  const rows = `${report.rows} row${report.rows === 1 ? '' : 's'}`;
  return [
    `${command}: ${pairs} rated more than once; each counts once (the later timestamp, then the later row), so ${rows} did not count`,
    ...report.examples
      .slice(0, SHOWN)
      .map(
        (row) =>
          `${command}:   ${row.file}:${row.line}: user ${row.userId}, ${item} ${row.item}, rated before on line ${row.earlierLine}; line ${row.keptLine} counts`,
      ),
    ...(report.rows > SHOWN ? [`${command}:   … and ${report.rows - SHOWN} more`] : []),
  ];
}
