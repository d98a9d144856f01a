// Profiles of real users from a MovieLens directory.
// Run: npm run build && node examples/movielens-profiles.mjs [path/to/ml-latest-small]

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadMovieLens } from 'icer';

const dir = process.argv[2] ?? fileURLToPath(new URL('../../shared/data/movielens-latest-small/', import.meta.url));
if (!existsSync(dir)) {
  console.log(`No MovieLens data at ${dir}; pass the path of ml-latest-small as the first argument.`);
  process.exit(0);
}

const dataset = await loadMovieLens(dir);
console.log(`${dataset.catalog.size} movies, ${dataset.userCount} users, ${dataset.ratingCount} ratings`);

const user = dataset.profile('1', { seed: 1 });
console.log(`user 1: ${user.liked.length} liked (+${user.heldOut.length} held out), ${user.disliked.length} disliked`);
console.log(user.toText(dataset.catalog));
console.log(
  'top genres:',
  user
    .topAffinities('positive')
    .filter((a) => a.key.startsWith('genre:'))
    .slice(0, 3),
);
