/**
 * The parts a title in two parts may be named by once it has come up, as people say "A New Hope" for Star Wars:
 * Episode IV - A New Hope, "Sapiens" for Sapiens: A Brief History of Humankind and "Dr. Strangelove" for Dr.
 * Strangelove or: How I Learned to Stop Worrying and Love the Bomb. None for a title in one part.
 */
export function titleParts(title: string): string[] {
  const at = title.indexOf(': ');
  if (at < 0) return [];
  const tail = title.slice(at + 2);
  const dash = tail.lastIndexOf(' - ');
  return [title.slice(0, at).replace(/ or$/, ''), tail, ...(dash < 0 ? [] : [tail.slice(dash + 3)])];
}

/** The title and its parts, longest first: taking them out in turn takes out the whole title before a part of it. */
export function titleForms(title: string): string[] {
  return [title, ...titleParts(title)].sort((a, b) => b.length - a.length);
}
