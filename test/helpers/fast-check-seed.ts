// Which seed the property suites run with. FC_SEED=<integer> replays a run: fast-check's failure report begins
// with `{ seed: N, path: "…" }`, and `FC_SEED=N npx vitest run <file>` fails the same way again (the path is not
// needed: with the seed, every property draws the same values in the same order).

/** The seed CI runs with, so that a red CI run is red for everyone. Any fixed integer would do. */
export const CI_SEED = 20_251_130;

/** The seed of a run and why it was chosen. */
export interface PropertySeed {
  seed: number;
  source: 'FC_SEED' | 'CI' | 'random';
}

/** FC_SEED when set; else a fixed seed under CI (`CI` set and not "false" or "0"); else a fresh random seed. */
export function propertySeed(env: Readonly<Record<string, string | undefined>>): PropertySeed {
  const given = env.FC_SEED?.trim();
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) {
      throw new Error(`FC_SEED must be an integer (as fast-check prints it, e.g. -497582220), not "${given}".`);
    }
    return { seed, source: 'FC_SEED' };
  }
  const ci = env.CI?.trim().toLowerCase();
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') return { seed: CI_SEED, source: 'CI' };
  return { seed: Math.floor(Math.random() * 0x7fffffff), source: 'random' };
}
