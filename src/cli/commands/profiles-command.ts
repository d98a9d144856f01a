import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { builtinCatalog } from '../../data/builtin/builtin-catalog.js';
import { loadCatalogJson } from '../../data/catalog-json.js';
import { loadMovieLens } from '../../data/movielens/load-movielens.js';
import type { PreferenceProfile } from '../../profile/preference-profile.js';
import { syntheticProfiles } from '../../profile/synthetic.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { fileOutput, type JsonlOutput, streamOutput } from '../jsonl-output.js';
import { parseSeed, parseWholeNumber } from '../parse-values.js';

export const PROFILES_HELP = `Usage: icer profiles [options]

Writes hidden user profiles as JSON Lines: synthetic users drawn from the built-in movie catalog by default,
or users built from MovieLens ratings.

Options:
  --movielens DIR   build profiles from a MovieLens directory (movies.csv, ratings.csv, tags.csv, links.csv)
  --catalog FILE    draw synthetic users from an icer JSON catalog instead of the built-in one
  --count N         how many profiles (default: 10 synthetic users; every MovieLens user)
  --seed S          seed for synthetic users and held-out splits (default: 0)
  --held-out F      share of liked items held out as evaluation targets (default: 0.2)
  --out FILE        write to FILE instead of stdout (written atomically)
  -h, --help        show this help
`;

export async function profilesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      movielens: { type: 'string' },
      catalog: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      'held-out': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(PROFILES_HELP);
    return 0;
  }
  if (values.movielens !== undefined && values.catalog !== undefined) {
    throw new UsageError('--movielens and --catalog cannot be combined: MovieLens brings its own catalog.');
  }
  const count = values.count === undefined ? undefined : parseWholeNumber(values.count, '--count', 1);
  const seed = values.seed === undefined ? 0 : parseSeed(values.seed);
  const heldOutFraction = values['held-out'] === undefined ? 0.2 : Number(values['held-out']);
  if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
    throw new UsageError(`--held-out takes a share in [0, 1), got "${values['held-out']}".`);
  }

  let profiles: Iterable<PreferenceProfile>;
  if (values.movielens !== undefined) {
    const dataset = await loadMovieLens(resolve(io.cwd, values.movielens));
    const users = dataset.userIds();
    profiles = dataset.profiles({ seed, heldOutFraction }, count === undefined ? users : users.slice(0, count));
  } else {
    const catalog: ItemCatalog =
      values.catalog !== undefined ? await loadCatalogJson(resolve(io.cwd, values.catalog)) : builtinCatalog();
    profiles = syntheticProfiles(catalog, { count: count ?? 10, seed, heldOutFraction });
  }

  const output: JsonlOutput =
    values.out !== undefined ? await fileOutput(resolve(io.cwd, values.out)) : streamOutput(io.stdout);
  try {
    for (const profile of profiles) await output.write(profile.toJSON());
  } catch (error) {
    await output.abort();
    throw error;
  }
  await output.close();
  return 0;
}
