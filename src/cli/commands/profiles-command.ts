import { resolve } from 'node:path';
import type { ItemCatalog } from '../../catalog/item-catalog.js';
import { builtinDomainCatalog } from '../../data/builtin/builtin-domains.js';
import { loadCatalogJson } from '../../data/catalog-json.js';
import { RatingsProfileOptionsSchema } from '../../profile/from-ratings.js';
import type { PreferenceProfile } from '../../profile/preference-profile.js';
import { SyntheticProfileOptionsSchema, syntheticProfiles } from '../../profile/synthetic.js';
import { type CliIo, UsageError } from '../cli-io.js';
import { CountSchema } from '../count-schema.js';
import { definedOnly } from '../defined-only.js';
import { DOMAIN_HELP, domainFlag } from '../domain-flag.js';
import { duplicateRatingsNote } from '../duplicate-ratings-note.js';
import { fileOutput, type JsonlOutput, streamOutput } from '../jsonl-output.js';
import { MOVIELENS_FLAGS, RATINGS_DATA_FLAGS, RATINGS_DATA_HELP, ratingsDataSettings } from '../movielens-flags.js';
import { movieLensSource, ratingsDataSource } from '../movielens-source.js';
import { dataInputs, newOutPath } from '../out-flag.js';
import { parseFlags } from '../parse-flags.js';
import { parseNumber, parseSeed } from '../parse-values.js';
import { requireItems } from '../require-items.js';
import { defaultText } from '../schema-facts.js';

const synthetic = SyntheticProfileOptionsSchema.shape;
const ratings = RatingsProfileOptionsSchema.shape;

export const PROFILES_HELP = `Usage: icer profiles [options]

Writes hidden user profiles as JSON Lines: synthetic users drawn from the built-in movie catalog by default,
or users built from MovieLens ratings or from your own ratings files (--items, --ratings).

Options:
  --movielens DIR        build profiles from a MovieLens directory (movies.csv, ratings.csv, tags.csv, links.csv)
  --catalog FILE         draw synthetic users from an icer JSON catalog instead of the built-in one
${DOMAIN_HELP}  --count N              how many profiles (default: ${defaultText(CountSchema)} synthetic users; every user of the ratings)
  --seed S               seed for synthetic users and held-out splits (default: ${defaultText(synthetic.seed, ratings.seed)})
  --held-out F           share of liked items held out as evaluation targets
                         (default: ${defaultText(synthetic.heldOutFraction, ratings.heldOutFraction)})
  --out FILE             write to FILE instead of stdout (written atomically)
  -h, --help             show this help

${RATINGS_DATA_HELP}
Examples:
  icer profiles --count 50 --seed 7 --out profiles.jsonl
  icer profiles --domain books --count 3 --held-out 0.25
  icer profiles --movielens ml-latest-small --count 100 --out ml-profiles.jsonl
`;

export async function profilesCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseFlags(args, {
    movielens: { type: 'string' },
    catalog: { type: 'string' },
    domain: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string' },
    'held-out': { type: 'string' },
    out: { type: 'string' },
    ...RATINGS_DATA_FLAGS,
    ...MOVIELENS_FLAGS,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(PROFILES_HELP);
    return 0;
  }
  if (values.movielens !== undefined && values.catalog !== undefined) {
    throw new UsageError('--movielens and --catalog cannot be combined: MovieLens brings its own catalog.');
  }
  const own = values.items !== undefined || values.ratings !== undefined;
  if (own && values.catalog !== undefined) {
    throw new UsageError('--items/--ratings and --catalog cannot be combined: the items file is the catalog.');
  }
  const domain = domainFlag(values);
  // Only what the user set is passed on: the library's schemas apply their own defaults to the rest.
  const count = values.count === undefined ? undefined : parseNumber(values.count, '--count', CountSchema);
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  const heldOut = values['held-out'];
  const heldOutSchema = values.movielens !== undefined || own ? ratings.heldOutFraction : synthetic.heldOutFraction;
  const heldOutFraction = heldOut === undefined ? undefined : parseNumber(heldOut, '--held-out', heldOutSchema);
  const data = ratingsDataSettings(values, { seed, heldOutFraction }, io.cwd);
  const out =
    values.out === undefined
      ? undefined
      : await newOutPath(io.cwd, values.out, { stdout: true, inputs: dataInputs(values) });

  let profiles: Iterable<PreferenceProfile>;
  let dataNotes: string[] = [];
  if (values.movielens !== undefined) {
    const dataset = await movieLensSource(resolve(io.cwd, values.movielens), data);
    dataNotes = duplicateRatingsNote('icer profiles', dataset.duplicateRatings, dataset.catalog);
    const users = dataset.userIds();
    profiles = dataset.profiles(data.profiles, count === undefined ? users : users.slice(0, count));
  } else if (data.ratingsData !== undefined) {
    const dataset = await ratingsDataSource({ ...data, ratingsData: data.ratingsData });
    dataNotes = duplicateRatingsNote('icer profiles', dataset.duplicateRatings, dataset.catalog);
    const users = dataset.userIds();
    profiles = dataset.profiles(data.profiles, count === undefined ? users : users.slice(0, count));
  } else {
    let catalog: ItemCatalog = builtinDomainCatalog(domain);
    if (values.catalog !== undefined) {
      const file = resolve(io.cwd, values.catalog);
      catalog = await loadCatalogJson(file);
      requireItems(catalog, { flag: '--catalog', file, what: 'items' });
    }
    profiles = syntheticProfiles(catalog, {
      count: count ?? CountSchema.parse(undefined),
      ...definedOnly({ seed, heldOutFraction }),
    });
  }

  const output: JsonlOutput = out !== undefined ? await fileOutput(out) : streamOutput(io.stdout);
  try {
    for (const profile of profiles) await output.write(profile.toJSON());
  } catch (error) {
    await output.abort();
    throw error;
  }
  await output.close();
  for (const line of dataNotes) io.stderr.write(`${line}\n`);
  return 0;
}
