// Benchmark: the generic ratings loader (loadRatings) against loadMovieLens, on the same files.
//
//   npm run build && node bench/load-ratings.mjs [--iterations N]
//
// Loads MovieLens ml-latest-small through loadRatings, its columns mapped (movieId, title, genres split by '|';
// userId, movieId, rating, timestamp), and through loadMovieLens without tags (the one file loadRatings does not
// read), and prints the median load time of each and their ratio: the generic loader streams the same files with
// the same CSV reader and should be as fast. Skips (exit 0) when the data is absent.

import { join } from 'node:path';
import { benchArgs, dataDir, hasMovieLens, importBuilt } from './bench-support.mjs';

const { number } = benchArgs();
const iterations = number('--iterations', 5);

if (!hasMovieLens()) {
  console.log(`load-ratings: SKIPPED — MovieLens ml-latest-small not found at ${dataDir}.`);
  process.exit(0);
}
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error('load-ratings: --iterations takes a whole number ≥ 1.');
  process.exit(1);
}

const { loadMovieLens, loadRatings } = await importBuilt('load-ratings');
if (typeof loadRatings !== 'function') {
  console.log('load-ratings: SKIPPED — the built package has no loadRatings; run `npm run build` first.');
  process.exit(0);
}

const options = {
  items: join(dataDir, 'movies.csv'),
  ratings: join(dataDir, 'ratings.csv'),
  itemColumns: { id: 'movieId', title: 'title' },
  facets: { genre: 'genres' },
  ratingColumns: { user: 'userId', item: 'movieId', rating: 'rating', timestamp: 'timestamp' },
  domain: 'movies',
};

async function time(load) {
  const t0 = performance.now();
  const dataset = await load();
  const ms = performance.now() - t0;
  if (dataset.catalog.size !== 9742 || dataset.ratingCount !== 100_836) {
    throw new Error(`unexpected data: ${dataset.catalog.size} items, ${dataset.ratingCount} ratings`);
  }
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const loaders = {
  loadRatings: () => loadRatings(options),
  'loadMovieLens (no tags)': () => loadMovieLens(dataDir, { tags: false }),
};
const medians = {};
for (const [name, load] of Object.entries(loaders)) {
  await time(load); // warm-up
  const runs = [];
  for (let i = 0; i < iterations; i++) runs.push(await time(load));
  medians[name] = median(runs);
}

console.log(`load-ratings: ml-latest-small (9,742 items, 100,836 ratings), Node ${process.version}`);
console.log(`  load time, median of ${iterations} runs after a warm-up`);
for (const [name, ms] of Object.entries(medians)) console.log(`  ${name.padEnd(24)} ${ms.toFixed(0).padStart(5)} ms`);
const ratio = medians.loadRatings / medians['loadMovieLens (no tags)'];
console.log(`  loadRatings / loadMovieLens: ${ratio.toFixed(2)}`);
