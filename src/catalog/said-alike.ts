import type { ItemCatalog } from './item-catalog.js';

// The letters a value shares with a genre's name to be that genre said otherwise ("philosoph-ical", "Philosoph-y").
const NAME_STEM = 7;

interface SaidAlike {
  readonly genreOf: ReadonlyMap<string, string>;
  readonly alike: ReadonlyMap<string, readonly string[]>;
}

const byCatalog = new WeakMap<ItemCatalog, SaidAlike>();

function saidAlikeOf(catalog: ItemCatalog): SaidAlike {
  let entry = byCatalog.get(catalog);
  if (entry) return entry;
  const vocabulary = catalog.vocabulary();
  const genres = vocabulary
    .filter(({ facet, value }) => facet === 'genre' && value.length >= NAME_STEM)
    .map(({ key, value }) => ({ key, name: value.toLowerCase() }));
  const genreOf = new Map<string, string>();
  const alike = new Map<string, string[]>();
  const pair = (a: string, b: string) => {
    const list = alike.get(a);
    if (list) list.push(b);
    else alike.set(a, [b]);
  };
  for (const { key, facet, value } of vocabulary) {
    if (facet === 'genre') continue;
    const lower = value.toLowerCase();
    // A name it starts with whole, the longest ("science fiction classics" are Science Fiction said otherwise, not
    // Science), else one it shares the stem of ("philosophical", Philosophy).
    const matching = genres.filter(({ name }) => lower.startsWith(name.slice(0, NAME_STEM)));
    const whole = matching.filter(({ name }) => lower.startsWith(name)).sort((a, b) => b.name.length - a.name.length);
    const genre = (whole[0] ?? matching[0])?.key;
    if (genre === undefined) continue;
    genreOf.set(key, genre);
    pair(key, genre);
    pair(genre, key);
  }
  entry = { genreOf, alike };
  byCatalog.set(catalog, entry);
  return entry;
}

/**
 * The catalog's attributes that are a genre's name said otherwise, each with that genre: "tag:philosophical" →
 * "genre:Philosophy", "tag:musical numbers" → "genre:Musical". A reader takes the two for one thing, so a user holds
 * one view of both ("Really into musicals!" is not followed by "Indifferent to movies with musical numbers.").
 */
export function genreNamedBy(catalog: ItemCatalog): ReadonlyMap<string, string> {
  return saidAlikeOf(catalog).genreOf;
}

/**
 * The attributes said alike with `key` (see {@link genreNamedBy}): its genre, or those named after it; none for most.
 * Said or asked, one of them is the other said too.
 */
export function saidAlike(catalog: ItemCatalog, key: string): readonly string[] {
  return saidAlikeOf(catalog).alike.get(key) ?? [];
}
