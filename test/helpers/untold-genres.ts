/**
 * Genres whose items tell no story, in the built-in catalogs (listed here apart from the phrasing that says so):
 * "What's the story in <a biography>?" is no question, and "like <a documentary>, but more fantastical" asks for
 * another kind of work.
 */
export const UNTOLD_GENRES: ReadonlySet<string> = new Set([
  'Documentary',
  'Nonfiction',
  'Biography',
  'Poetry',
  'Essays',
  'Memoir',
  'True Crime',
  'History',
  'Science',
  'Economics',
  'Philosophy',
  'Self-Help',
]);
