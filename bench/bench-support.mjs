// What every benchmark needs: its flags, the built package (or a clear exit when it is missing), and where the
// shared MovieLens data would be.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where ml-latest-small sits beside the project (never inside it: its license forbids copying). */
export const dataDir = fileURLToPath(new URL('../../shared/data/movielens-latest-small/', import.meta.url));

/** True when the MovieLens data is present. */
export const hasMovieLens = () => existsSync(`${dataDir}movies.csv`) && existsSync(`${dataDir}ratings.csv`);

/** The benchmark's command-line flags. */
export function benchArgs() {
  const args = process.argv.slice(2);
  return {
    isChild: args.includes('--child'),
    strict: args.includes('--strict'),
    number: (name, fallback) => {
      const at = args.indexOf(name);
      return at >= 0 ? Number(args[at + 1]) : fallback;
    },
  };
}

/** Imports the built package; exits 1 with what to do when it has not been built. */
export async function importBuilt(benchName) {
  const entry = new URL('../dist/index.js', import.meta.url);
  if (!existsSync(entry)) {
    console.error(`${benchName}: the built package is missing (${fileURLToPath(entry)}). Run \`npm run build\` first.`);
    process.exit(1);
  }
  return import(entry.href);
}
