// Articles that catalogs (MovieLens among them) move to the end of a title: "Matrix, The", "Cité des enfants perdus, La".
const TRAILING_ARTICLES = [
  'The',
  'A',
  'An',
  'Les',
  'La',
  'Le',
  "L'",
  'Il',
  'Lo',
  'Gli',
  'I',
  'El',
  'Los',
  'Las',
  'Die',
  'Der',
  'Das',
  'Den',
  'Det',
  'De',
  'Het',
  'Un',
  'Une',
  'Una',
  'Uno',
  'O',
  'Os',
  'As',
  'Ett',
  'En',
  'Ta',
  'Hoi',
];
// Before a subtitle too: "Crow, The: Wicked Prayer".
const TRAILING_ARTICLE_SOURCE = `^(.*), (${TRAILING_ARTICLES.map((a) => a.replace("'", "\\'")).join('|')})(: .*)?$`;
// Display keeps the catalog's capitalisation; matching must also accept what people type ("matrix, the").
const TRAILING_ARTICLE = new RegExp(TRAILING_ARTICLE_SOURCE);
const TRAILING_ARTICLE_ANY_CASE = new RegExp(TRAILING_ARTICLE_SOURCE, 'i');
const LEADING_ARTICLE = /^(the|a|an) /;
const YEAR_SUFFIX = /\s*\((\d{4})(?:\s*[-–]\s*(?:\d{4})?)?\)\s*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Moves a trailing article to the front: "Matrix, The" → "The Matrix", "Cité des enfants perdus, La" → "La Cité…",
 * "Crow, The: Wicked Prayer" → "The Crow: Wicked Prayer".
 */
export function frontArticle(title: string, pattern: RegExp = TRAILING_ARTICLE): string {
  const match = pattern.exec(title.trim());
  if (!match) return title.trim();
  const [, rest, article, subtitle = ''] = match as unknown as [string, string, string, string | undefined];
  return `${article}${article.endsWith("'") ? '' : ' '}${rest}${subtitle}`;
}

/** Splits a trailing "(1999)" from a title. Year ranges such as "(2006-2007)" yield their first year. */
export function splitYear(title: string): { title: string; year: number | undefined } {
  const match = YEAR_SUFFIX.exec(title);
  if (!match) return { title: title.trim(), year: undefined };
  return { title: title.slice(0, match.index).trim(), year: Number(match[1]) };
}

/**
 * The key titles are matched on: case, accents, punctuation, a trailing year and a leading English article are
 * ignored, and a trailing article is moved first. "Matrix, The (1999)", "The Matrix" and "the matrix!" all give
 * "matrix".
 */
export function normalizeTitle(title: string): string {
  const fronted = frontArticle(splitYear(title).title, TRAILING_ARTICLE_ANY_CASE);
  return fronted
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '');
}
