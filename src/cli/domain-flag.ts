import { type BuiltinDomain, BuiltinDomainSchema } from '../data/builtin/builtin-domains.js';
import { UsageError } from './cli-io.js';
import { parseChoice } from './parse-values.js';
import { choicesText } from './schema-facts.js';

/** Help line for `--domain`. */
export const DOMAIN_HELP = `  --domain NAME          the built-in catalog: ${choicesText(BuiltinDomainSchema)} (default: movies)\n`;

/**
 * `--domain NAME`: which built-in catalog the users and dialogues come from. Refused beside a flag that brings a
 * catalog of its own (`--movielens`, `--items`, `--catalog`).
 */
export function domainFlag(values: {
  domain?: string | undefined;
  movielens?: string | undefined;
  items?: string | undefined;
  catalog?: string | undefined;
}): BuiltinDomain {
  if (values.domain === undefined) return 'movies';
  const own = (['movielens', 'items', 'catalog'] as const).find((flag) => values[flag] !== undefined);
  if (own !== undefined) throw new UsageError(`--domain picks a built-in catalog; --${own} brings its own: give one.`);
  return parseChoice(values.domain, '--domain', BuiltinDomainSchema);
}
