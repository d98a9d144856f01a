import type { ItemCatalog } from '../catalog/item-catalog.js';
import { normalizeTitle } from '../catalog/title.js';
import { type CatalogIndex, catalogIndex, facetsByKind } from './catalog-index.js';

// A numbered sequel: "Toy Story 2", "The Godfather: Part II", "Kill Bill: Vol. 1", "Star Wars: Episode IV - A New
// Hope", "Star Trek II: The Wrath of Khan". The number ends the title or comes before its subtitle, so "Apollo 13"
// (no single digit), "Plan 9 from Outer Space" and "8 Mile" are not.
const NUMBERED =
  /^(.+?)(?::| -)? (?:(?:Part|Chapter|Vol\.|Volume|Episode) )?([1-9]|I{1,3}|IV|V|VI{1,3}|IX)(?=$|: | - )/;

// A title that names its series' hero before "and the": "Harry Potter and the Chamber of Secrets", "Indiana Jones &
// the Temple of Doom".
const HERO_AND_THE = /^(.+?) (?:and|&) the /;

// Sequels further apart than this are a new start (a reboot), not the next film of a run.
const MAX_GAP_YEARS = 20;

/**
 * Series read from the titles of a catalog that names none (MovieLens): each a list of catalog positions. Two kinds:
 *
 * - numbered sequels ("Toy Story 2", "Toy Story 3") with the film of their base title ("Toy Story", the latest
 *   released before the first sequel, so not a later remake), or two or more numbered parts without one ("Kill Bill:
 *   Vol. 1" and "Vol. 2");
 * - titles sharing what comes before a colon ("The Lord of the Rings: The Two Towers") or before "and the" ("Harry
 *   Potter and the Goblet of Fire"), with the film of that title
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
  const year = (position: number) => index.years[position] as number;
  const dated: number[] = [];
  const byTitle = new Map<string, number[]>();
  const listed = new Set<string>();
  for (let position = 0; position < index.ids.length; position++) {
    if (Number.isNaN(year(position))) continue;
    const title = normalizeTitle(catalog.get(index.ids[position] as string)?.title ?? '');
    // A film listed twice (MovieLens has "Saturn 3" of 1980 twice) is one film, not its own sequel.
    const film = `${title}\u0000${year(position)}`;
    if (listed.has(film)) continue;
    listed.add(film);
    dated.push(position);
    add(byTitle, title, position);
  }
  // The film a run starts from: of those with the base title, the latest released no later than the run's first,
  // and not so long before it that the run is a new start ("The Lord of the Rings" of 1978 is not the first of
  // Peter Jackson's).
  const bases = new Set<number>();
  const baseFilm = (base: string, members: readonly number[]) => {
    let first = Infinity;
    for (const member of members) first = Math.min(first, year(member));
    let film: number | undefined;
    for (const p of byTitle.get(normalizeTitle(base)) ?? []) {
      if (year(p) > first || first - year(p) > MAX_GAP_YEARS || members.includes(p)) continue;
      if (film === undefined || year(p) > year(film)) film = p;
    }
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
    const hero = HERO_AND_THE.exec(title);
    if (hero) add(colon, hero[1] as string, position);
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
    // The first must be better known than every other; a tie says nothing, unless nobody counted (no popularity).
    const first = inOrder(run, year, bases)[0] as number;
    const known = popularity(index, first);
    if (run.some((p) => p !== first && (popularity(index, p) > known || (popularity(index, p) === known && known > 0))))
      continue;
    runs.push(run);
  }
  return merged(runs)
    .map((run) => kept(inOrder(run, year, bases), index, year, genresOf))
    .filter((run) => run.length >= 2);
}

function add<K>(groups: Map<K, number[]>, key: K, position: number): void {
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

/** Runs that share a film, joined (union-find over their positions). */
function merged(runs: readonly number[][]): number[][] {
  const parent = new Map<number, number>();
  const root = (position: number): number => {
    let at = position;
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) at = up;
    parent.set(position, at);
    return at;
  };
  for (const run of runs) {
    const head = root(run[0] as number);
    for (const position of run) {
      const other = root(position);
      if (other !== head) parent.set(other, head);
    }
  }
  const joined = new Map<number, number[]>();
  for (const position of parent.keys()) add(joined, root(position), position);
  return [...joined.values()];
}

// A film rated by fewer than this share of the best known that follows it in a run is a spin-off (Star Wars: The
// Clone Wars, a Kung Fu Panda short): left out, so that The Force Awakens does not wait for it.
const SPIN_OFF_SHARE = 0.25;

/**
 * A run up to its first gap of more than MAX_GAP_YEARS (what follows is left out), without the films sharing no
 * genre with its first, nor spin-offs.
 */
function kept(
  run: readonly number[],
  index: CatalogIndex,
  year: (position: number) => number,
  genresOf: (p: number) => number[],
): number[] {
  const first = run[0] as number;
  const genres = genresOf(first);
  const within = [first];
  for (const position of run.slice(1)) {
    if (year(position) - year(within.at(-1) as number) > MAX_GAP_YEARS) break;
    const own = genresOf(position);
    if (genres.length > 0 && own.length > 0 && !own.some((id) => genres.includes(id))) continue;
    within.push(position);
  }
  const out: number[] = [];
  let bestAfter = 0;
  for (let at = within.length - 1; at > 0; at--) {
    const position = within[at] as number;
    if (popularity(index, position) >= SPIN_OFF_SHARE * bestAfter) out.push(position);
    bestAfter = Math.max(bestAfter, popularity(index, position));
  }
  return [first, ...out.reverse()];
}
