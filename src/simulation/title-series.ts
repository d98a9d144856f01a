import type { ItemCatalog } from '../catalog/item-catalog.js';
import { normalizeTitle } from '../catalog/title.js';
import { type CatalogIndex, catalogIndex, facetsByKind } from './catalog-index.js';

// A numbered sequel: "Toy Story 2", "The Godfather: Part II", "Kill Bill: Vol. 1", "Star Wars: Episode IV - A New
// Hope", "Star Trek II: The Wrath of Khan". The number ends the title or comes before its subtitle, so "Apollo 13"
// (no single digit), "Plan 9 from Outer Space" and "8 Mile" are not.
const NUMBERED =
  /^(.+?)(?::| -)? (?:(?:Part|Chapter|Vol\.|Volume|Episode) )?([1-9]|I{1,3}|IV|V|VI{1,3}|IX)(?=$|: | - )/;

// Sequels further apart than this are a new start (a reboot), not the next film of a run.
const MAX_GAP_YEARS = 20;

/**
 * Series read from the titles of a catalog that names none (MovieLens): each a list of catalog positions. Two kinds:
 *
 * - numbered sequels ("Toy Story 2", "Toy Story 3") with the film of their base title ("Toy Story", the latest
 *   released before the first sequel, so not a later remake), or two or more numbered parts without one ("Kill Bill:
 *   Vol. 1" and "Vol. 2");
 * - titles sharing what comes before a colon ("The Lord of the Rings: The Two Towers"), with the film of that title
 *   when there is one ("The Hunger Games"), when that part is two words or more or is such a film's title (one word
 *   is too often a name: "Batman: Mask of the Phantasm"), and the first released is rated at least as often as every
 *   other (a franchise's first is the best known; comedians' specials, "Louis C.K.: Hilarious", and unrelated films,
 *   "Robin Hood: Men in Tights", seldom are).
 *
 * Every later film must share a genre with the first (when both have one: "Super 8" is no sequel to "Super"), and
 * a run stops at a gap of more than {@link MAX_GAP_YEARS} years. Series that share a film are one ("The Hunger
 * Games: Mockingjay - Part 1" is in both the numbered Mockingjay parts and The Hunger Games). Undated films are left
 * out: their place in a run is unknown.
 */
export function titleSeries(catalog: ItemCatalog): number[][] {
  const index = catalogIndex(catalog);
  const genreIds = new Set(
    facetsByKind(catalog, ['genre']).flatMap((facet) => (index.byFacet.get(facet) ?? []).map(({ id }) => id)),
  );
  const genresOf = (position: number) =>
    [...(index.attributeIds[position] as Int32Array)].filter((id) => genreIds.has(id));
  const dated: number[] = [];
  const byTitle = new Map<string, number[]>();
  for (let position = 0; position < index.ids.length; position++) {
    if (Number.isNaN(index.years[position])) continue;
    dated.push(position);
    const title = normalizeTitle(catalog.get(index.ids[position] as string)?.title ?? '');
    byTitle.set(title, [...(byTitle.get(title) ?? []), position]);
  }
  const year = (position: number) => index.years[position] as number;
  // The film a run starts from: of those with the base title, the latest released no later than the run's first,
  // and not so long before it that the run is a new start ("The Lord of the Rings" of 1978 is not the first of
  // Peter Jackson's).
  const bases = new Set<number>();
  const baseFilm = (base: string, members: readonly number[]) => {
    const first = Math.min(...members.map(year));
    const films = (byTitle.get(normalizeTitle(base)) ?? []).filter(
      (p) => year(p) <= first && first - year(p) <= MAX_GAP_YEARS && !members.includes(p),
    );
    const film = films.sort((a, b) => year(b) - year(a) || a - b)[0];
    if (film !== undefined) bases.add(film);
    return film;
  };

  const numbered = new Map<string, number[]>();
  const colon = new Map<string, number[]>();
  for (const position of dated) {
    const title = catalog.get(index.ids[position] as string)?.title ?? '';
    const sequel = NUMBERED.exec(title);
    if (sequel) add(numbered, sequel[1] as string, position);
    const at = title.indexOf(': ');
    if (at > 0) add(colon, title.slice(0, at), position);
  }

  const runs: number[][] = [];
  for (const [base, members] of numbered) {
    const film = baseFilm(base, members);
    if (film !== undefined) runs.push([film, ...members]);
    else if (members.length >= 2) runs.push(members);
  }
  for (const [prefix, members] of colon) {
    const film = baseFilm(prefix, members);
    if (film === undefined && prefix.split(' ').length < 2) continue;
    const run = film === undefined ? members : [film, ...members];
    if (run.length < 2) continue;
    const first = inOrder(run, year, bases)[0] as number;
    if (run.some((p) => popularity(index, p) > popularity(index, first))) continue;
    runs.push(run);
  }
  return merged(runs, index.ids.length)
    .map((run) => trimmed(inOrder(run, year, bases), year, genresOf))
    .filter((run) => run.length >= 2);
}

function add(groups: Map<string, number[]>, key: string, position: number): void {
  const group = groups.get(key);
  if (group) group.push(position);
  else groups.set(key, [position]);
}

function popularity(index: CatalogIndex, position: number): number {
  return index.popularity[position] as number;
}

/** Positions by year; among equals, a base film first ("Breakin'" before "Breakin' 2"), then catalog order. */
function inOrder(run: readonly number[], year: (position: number) => number, bases: ReadonlySet<number>): number[] {
  const rank = (position: number) => (bases.has(position) ? 0 : 1);
  return [...new Set(run)].sort((a, b) => year(a) - year(b) || rank(a) - rank(b) || a - b);
}

/** Runs that share a film, joined. */
function merged(runs: readonly number[][], items: number): number[][] {
  const owner = new Int32Array(items).fill(-1);
  const joined: Array<number[] | undefined> = [];
  for (const run of runs) {
    const into = new Set(run.map((p) => owner[p] as number).filter((o) => o >= 0));
    const all = [...run, ...[...into].flatMap((o) => joined[o] ?? [])];
    for (const o of into) joined[o] = undefined;
    for (const p of all) owner[p] = joined.length;
    joined.push(all);
  }
  return joined.filter((run): run is number[] => run !== undefined);
}

/** A run up to its first gap of more than MAX_GAP_YEARS, without the films sharing no genre with its first. */
function trimmed(run: readonly number[], year: (position: number) => number, genresOf: (p: number) => number[]) {
  const first = run[0] as number;
  const genres = genresOf(first);
  const kept = [first];
  for (const position of run.slice(1)) {
    if (year(position) - year(kept.at(-1) as number) > MAX_GAP_YEARS) break;
    const own = genresOf(position);
    if (genres.length > 0 && own.length > 0 && !own.some((id) => genres.includes(id))) continue;
    kept.push(position);
  }
  return kept;
}
