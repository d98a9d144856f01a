/** The id rule of the built-in catalogs: accents stripped, apostrophes and periods dropped, other non-alphanumerics separate words. */
export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** How often each value occurs. */
export function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The values that occur more than once. */
export function duplicates(values: readonly string[]): string[] {
  return [...countBy(values)].filter(([, n]) => n > 1).map(([value]) => value);
}
