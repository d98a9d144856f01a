import { type MovieLensOptions, MovieLensOptionsSchema } from '../data/movielens/load-movielens.js';
import { type RatingsProfileOptions, RatingsProfileOptionsSchema } from '../profile/from-ratings.js';
import type { Seed } from '../random/seeded-random.js';
import { checkOptions, type FlagNames } from './check-options.js';
import { UsageError } from './cli-io.js';
import { definedOnly } from './defined-only.js';
import { parseChoice, parseNumber } from './parse-values.js';
import { choicesText, defaultText } from './schema-facts.js';

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

/** Help lines for {@link MOVIELENS_FLAGS}. */
export const MOVIELENS_HELP = `MovieLens (with --movielens):
  --min-rating R         lowest rating of the data's scale (default: ${defaultText(loader.minRating, ratings.minRating)})
  --max-rating R         highest rating of the data's scale (default: ${defaultText(loader.maxRating, ratings.maxRating)})
  --like-threshold R     ratings at or above R are liked (default: ${defaultText(ratings.likeThreshold)})
  --dislike-threshold R  ratings at or below R are disliked (default: ${defaultText(ratings.dislikeThreshold)})
  --unknown-items WHAT   a rating, tag or link of a movie not in movies.csv: ${choicesText(loader.unknownItems)} (default: ${defaultText(loader.unknownItems)})
`;

/** The loader's options and the profile builder's, from the flags; only what the user set is present. */
export interface MovieLensSettings {
  load: MovieLensOptions;
  profiles: RatingsProfileOptions;
}

/**
 * Reads the MovieLens flags. Without `--movielens` they are a usage error (they would silently do nothing); with
 * it, the options are checked together before any file is read, so a scale that cannot work fails at once.
 */
export function movieLensSettings(
  values: MovieLensFlagValues & { movielens?: string | undefined },
  profile: { seed?: Seed | undefined; heldOutFraction?: number | undefined },
): MovieLensSettings {
  const set = Object.keys(MOVIELENS_FLAGS).filter((name) => values[name as keyof MovieLensFlagValues] !== undefined);
  if (values.movielens === undefined) {
    if (set.length > 0) throw new UsageError(`--${set[0]} applies to --movielens: add --movielens DIR.`);
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
