import { resolve } from 'node:path';
import type { z } from 'zod';
import { FacetSchema } from '../catalog/item.js';
import { type MovieLensOptions, MovieLensOptionsSchema } from '../data/movielens/load-movielens.js';
import {
  type RatingsDataOptionNames,
  type RatingsDataOptions,
  RatingsDataOptionsSchema,
} from '../data/ratings/load-ratings.js';
import { type RatingsProfileOptions, RatingsProfileOptionsSchema } from '../profile/from-ratings.js';
import type { Seed } from '../random/seeded-random.js';
import { checkOptions, type FlagNames } from './check-options.js';
import { UsageError } from './cli-io.js';
import { definedOnly } from './defined-only.js';
import { parseChoice, parseNumber } from './parse-values.js';
import { choicesText, defaultText, schemaDefault } from './schema-facts.js';

/** The flags that tune how a MovieLens directory is read and its users' profiles are built. */
export const MOVIELENS_FLAGS = {
  'min-rating': { type: 'string' },
  'max-rating': { type: 'string' },
  'like-threshold': { type: 'string' },
  'dislike-threshold': { type: 'string' },
  'unknown-items': { type: 'string' },
} as const;

type MovieLensFlagValues = { [K in keyof typeof MOVIELENS_FLAGS]?: string | undefined };

// The flag of every library option the MovieLens commands set, for errors worded in flags.
const FLAG_NAMES: FlagNames = {
  minRating: '--min-rating',
  maxRating: '--max-rating',
  likeThreshold: '--like-threshold',
  dislikeThreshold: '--dislike-threshold',
  unknownItems: '--unknown-items',
  heldOutFraction: '--held-out',
  seed: '--seed',
};

const loader = MovieLensOptionsSchema.shape;
const ratings = RatingsProfileOptionsSchema.shape;

/** The loader's options and the profile builder's, from the flags; only what the user set is present. */
export interface MovieLensSettings {
  load: MovieLensOptions;
  profiles: RatingsProfileOptions;
}

// The scale, threshold and unknown-items flags, read for whichever data they apply to (`data`: one was named;
// `needs`: what to say when none was).
function scaleSettings(
  values: MovieLensFlagValues,
  profile: { seed?: Seed | undefined; heldOutFraction?: number | undefined },
  data: boolean,
  needs: string,
): MovieLensSettings {
  const set = Object.keys(MOVIELENS_FLAGS).filter((name) => values[name as keyof MovieLensFlagValues] !== undefined);
  if (!data) {
    if (set.length > 0) throw new UsageError(`--${set[0]} applies to ${needs}.`);
    return { load: {}, profiles: {} };
  }
  const number = (
    name: 'min-rating' | 'max-rating' | 'like-threshold' | 'dislike-threshold',
    key: keyof typeof ratings,
  ) => {
    const text = values[name];
    return text === undefined ? undefined : parseNumber(text, `--${name}`, ratings[key]);
  };
  const scale = { minRating: number('min-rating', 'minRating'), maxRating: number('max-rating', 'maxRating') };
  const unknownItems =
    values['unknown-items'] === undefined
      ? undefined
      : parseChoice(values['unknown-items'], '--unknown-items', loader.unknownItems);
  const load = definedOnly({ ...scale, unknownItems });
  const profiles = definedOnly({
    ...scale,
    likeThreshold: number('like-threshold', 'likeThreshold'),
    dislikeThreshold: number('dislike-threshold', 'dislikeThreshold'),
    ...profile,
  });
  checkOptions(MovieLensOptionsSchema, load, FLAG_NAMES);
  checkOptions(RatingsProfileOptionsSchema, profiles, FLAG_NAMES);
  return { load, profiles };
}

/**
 * The scale, threshold and unknown-items flags as read, by flag name, each absent one at its default: what they
 * decide of a run's records, however they were written (`--like-threshold 4.0`, or none).
 */
export function scaleFlagValues({ load, profiles }: MovieLensSettings): Record<string, number | string> {
  return {
    'min-rating': profiles.minRating ?? (schemaDefault(ratings.minRating) as number),
    'max-rating': profiles.maxRating ?? (schemaDefault(ratings.maxRating) as number),
    'like-threshold': profiles.likeThreshold ?? (schemaDefault(ratings.likeThreshold) as number),
    'dislike-threshold': profiles.dislikeThreshold ?? (schemaDefault(ratings.dislikeThreshold) as number),
    'unknown-items': load.unknownItems ?? (schemaDefault(loader.unknownItems) as string),
  };
}

/**
 * The flags that read ratings data that is not MovieLens (every command that takes `--movielens`): two CSV files and the
 * columns that mean what. The scale flags ({@link MOVIELENS_FLAGS}) apply to it as to MovieLens.
 */
export const RATINGS_DATA_FLAGS = {
  items: { type: 'string' },
  ratings: { type: 'string' },
  'item-columns': { type: 'string' },
  'rating-columns': { type: 'string' },
  facets: { type: 'string' },
  'facet-separator': { type: 'string' },
  'items-domain': { type: 'string' },
  'items-phrasing': { type: 'string' },
} as const;

type RatingsDataFlagValues = { [K in keyof typeof RATINGS_DATA_FLAGS]?: string | undefined };

const data = RatingsDataOptionsSchema.shape;
const itemColumns = data.itemColumns.unwrap().shape;
const ratingColumns = data.ratingColumns.unwrap().shape;

/** `key=COLUMN,…` as the defaults of a columns option read. */
function columnsDefault(shape: Record<string, z.ZodType>): string {
  return Object.entries(shape)
    .map(([key, schema]) => [key, schemaDefault(schema)])
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(',');
}

/** Help lines for {@link RATINGS_DATA_FLAGS} and the scale flags; `thresholds` for commands that build users. */
function ratingsDataHelp(thresholds: string): string {
  return `Your own ratings data (CSV files with a header line, tab-separated when named .tsv;
see docs/ratings-data.md):
  --items FILE           the items file: one item per row (needs --ratings)
  --ratings FILE         the ratings file: one rating per row (needs --items)
  --item-columns K=C,…   the items file's columns: id, title, optional year
                         (default: ${columnsDefault(itemColumns)})
  --rating-columns K=C,… the ratings file's columns: user, item, rating, optional timestamp
                         (default: ${columnsDefault(ratingColumns)})
  --facets F=C,…         facets from the items file's columns, e.g. genre=categories,author=brand (default: none)
  --facet-separator S    what separates several values in a facet's cell: ${defaultText(data.facetSeparator)} unless set
  --items-domain NAME    the catalog's domain, e.g. books (default: ${defaultText(data.domain)})
  --items-phrasing FILE  how dialogues about the items are worded: a JSON file holding a domain phrasing, as a JSON
                         catalog's "phrasing" (docs/domains.md); default the built-in one of the domain, else neutral

Ratings (with --movielens, or --items and --ratings):
  --min-rating R         lowest rating of the data's scale (default: ${defaultText(loader.minRating, ratings.minRating)})
  --max-rating R         highest rating of the data's scale (default: ${defaultText(loader.maxRating, ratings.maxRating)})
${thresholds}  --unknown-items WHAT   a rating of an item not in the items file (or a MovieLens rating, tag or link of a movie not
                         in movies.csv): ${choicesText(loader.unknownItems)} (default: ${defaultText(loader.unknownItems)})
`;
}

/** Help lines for the ratings data flags of the commands that build users from it (generate, profiles). */
export const RATINGS_DATA_HELP =
  ratingsDataHelp(`  --like-threshold R     ratings at or above R are liked (default: ${defaultText(ratings.likeThreshold)})
  --dislike-threshold R  ratings at or below R are disliked (default: ${defaultText(ratings.dislikeThreshold)})
`);

/** The same for the commands that read dialogues against the data's catalog: no users are built, so no thresholds. */
export const RECORD_DATA_HELP = ratingsDataHelp('');

/** The data a command reads: MovieLens, your own ratings files, or neither, with the profile builder's options. */
export interface RatingsDataSettings extends MovieLensSettings {
  /** The options of `loadRatings` from `--items`, `--ratings` and the column flags (paths resolved), when given. */
  ratingsData: RatingsDataOptions | undefined;
  /** `--items-phrasing`, resolved: the JSON file of the items' phrasing, read with the data. */
  phrasingFile?: string;
}

// How the generic loader's errors name its options: by the flag that sets them.
export const RATINGS_DATA_NAMES: RatingsDataOptionNames = {
  column: (option) => {
    const [group, key] = option.split('.') as [string, string];
    const flag = { itemColumns: '--item-columns', ratingColumns: '--rating-columns', facets: '--facets' }[group];
    return flag === undefined ? option : `${flag} ${key}=`;
  },
  skipUnknown: 'pass --unknown-items skip',
};

const COLUMNS_FLAG_NAMES: FlagNames = {
  ...FLAG_NAMES,
  items: '--items',
  ratings: '--ratings',
  itemColumns: '--item-columns',
  ratingColumns: '--rating-columns',
  facetSeparator: '--facet-separator',
  domain: '--items-domain',
};

/** `key=value,key=value` into an object, refusing keys outside `keys` (when given) and keys named twice. */
function parsePairs(text: string, flag: string, keys?: readonly string[]): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of text.split(',')) {
    const match = /^\s*([^=\s]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (!match || match[2] === '') {
      throw new UsageError(`${flag} takes KEY=COLUMN pairs separated by commas, got "${part.trim()}".`);
    }
    const [, key, column] = match as unknown as [string, string, string];
    if (keys !== undefined && !keys.includes(key)) {
      throw new UsageError(`${flag} knows the keys ${keys.join(', ')}, not "${key}".`);
    }
    if (key in pairs) throw new UsageError(`${flag} names "${key}" twice.`);
    pairs[key] = column;
  }
  return pairs;
}

/** `--facets FACET=COLUMN,…`, each facet a name a catalog can hold. */
function facetPairs(text: string): Record<string, string> {
  const pairs = parsePairs(text, '--facets');
  for (const facet of Object.keys(pairs)) {
    const checked = FacetSchema.safeParse(facet);
    if (!checked.success) {
      throw new UsageError(`--facets: "${facet}" is not a facet name: ${checked.error.issues[0]?.message ?? ''}.`);
    }
  }
  return pairs;
}

/**
 * Reads the flags of the ratings data a command builds users from or reads dialogues against: `--movielens DIR`, or
 * `--items FILE --ratings FILE` with the column flags, and the scale flags that apply to either. A flag that would
 * do nothing, or two kinds of data at once, is a usage error; the options are checked together before any file is
 * read.
 */
export function ratingsDataSettings(
  values: MovieLensFlagValues & RatingsDataFlagValues & { movielens?: string | undefined },
  profile: { seed?: Seed | undefined; heldOutFraction?: number | undefined },
  cwd: string,
): RatingsDataSettings {
  const own = values.items !== undefined || values.ratings !== undefined;
  if (own && values.movielens !== undefined) {
    throw new UsageError(
      '--movielens and --items/--ratings cannot be combined: each brings its own catalog and users.',
    );
  }
  if (own && (values.items === undefined || values.ratings === undefined)) {
    throw new UsageError(
      `${values.items === undefined ? '--ratings needs --items FILE' : '--items needs --ratings FILE'}: the items and who rated them go together.`,
    );
  }
  const columnFlags = (Object.keys(RATINGS_DATA_FLAGS) as (keyof RatingsDataFlagValues)[]).filter(
    (name) => name !== 'items' && name !== 'ratings' && values[name] !== undefined,
  );
  if (!own && columnFlags.length > 0) {
    throw new UsageError(`--${columnFlags[0]} applies to --items and --ratings: add --items FILE --ratings FILE.`);
  }
  const scale = scaleSettings(
    values,
    profile,
    own || values.movielens !== undefined,
    '--movielens or --ratings: add --movielens DIR, or --items FILE --ratings FILE',
  );
  if (!own) return { ...scale, ratingsData: undefined };
  const ratingsData: RatingsDataOptions = {
    ...scale.load,
    items: resolve(cwd, values.items as string),
    ratings: resolve(cwd, values.ratings as string),
    ...definedOnly({
      itemColumns:
        values['item-columns'] === undefined
          ? undefined
          : parsePairs(values['item-columns'], '--item-columns', Object.keys(itemColumns)),
      ratingColumns:
        values['rating-columns'] === undefined
          ? undefined
          : parsePairs(values['rating-columns'], '--rating-columns', Object.keys(ratingColumns)),
      facets: values.facets === undefined ? undefined : facetPairs(values.facets),
      facetSeparator: values['facet-separator'],
      domain: values['items-domain'],
    }),
  };
  checkOptions(RatingsDataOptionsSchema, ratingsData, COLUMNS_FLAG_NAMES);
  const phrasing = values['items-phrasing'];
  return { ...scale, ratingsData, ...(phrasing === undefined ? {} : { phrasingFile: resolve(cwd, phrasing) }) };
}

/**
 * `--catalog FILE` beside ratings data (`--movielens`, `--items`): each names the dialogues' catalog, so only one
 * may be given.
 */
export function catalogOrRatings(values: {
  catalog?: string | undefined;
  movielens?: string | undefined;
  items?: string | undefined;
}): void {
  if (values.catalog === undefined) return;
  const other = values.movielens !== undefined ? '--movielens' : values.items !== undefined ? '--items' : undefined;
  if (other !== undefined) {
    throw new UsageError(
      `${other} and --catalog cannot be combined: each brings its own catalog; name the one the dialogues came from.`,
    );
  }
}
