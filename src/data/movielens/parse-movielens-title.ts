import { frontArticle, splitYear } from '../../catalog/title.js';

/** A MovieLens title split into display title, year and alternative titles. */
export interface ParsedMovieTitle {
  /** The display title, a trailing article moved to the front: "Matrix, The" → "The Matrix". */
  title: string;
  /** The year in the title's last parentheses, if any. */
  year: number | undefined;
  /** Alternative titles, from the title's other parentheses ("a.k.a." dropped, articles moved to the front). */
  aliases: string[];
}

const TRAILING_GROUP = /\s*\(([^()]+)\)$/;
const AKA = /^a\.k\.a\.?\s+/i;

/**
 * Splits a MovieLens title: "City of Lost Children, The (Cité des enfants perdus, La) (1995)" becomes
 * `{ title: 'The City of Lost Children', year: 1995, aliases: ['La Cité des enfants perdus'] }`, and
 * "Seven (a.k.a. Se7en) (1995)" gets the alias "Se7en".
 */
export function parseMovieLensTitle(raw: string): ParsedMovieTitle {
  const { title: withoutYear, year } = splitYear(raw.trim());
  let title = withoutYear;
  const aliases: string[] = [];
  for (let match = TRAILING_GROUP.exec(title); match; match = TRAILING_GROUP.exec(title)) {
    const before = title.slice(0, match.index).trim();
    // A title that is only a parenthesis ("(500) Days…" is not one) keeps it: there is nothing to split off.
    if (before === '') break;
    aliases.unshift(frontArticle((match[1] as string).replace(AKA, '').trim()));
    title = before;
  }
  return { title: frontArticle(title), year, aliases: aliases.filter((a) => a !== '') };
}
