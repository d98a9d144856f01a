// Benchmark: load MovieLens ml-latest-small with the BUILT package and build every user's profile.
//
//   npm run build && node bench/load-movielens.mjs [--iterations N] [--strict]
//
// Prints wall time for loading, for building the 610 profiles and in total, and peak memory (max RSS and heap
// used) against the targets: under 1 s in total and under 150 MB. Peak RSS only ever grows within a process, so it
// is measured in a fresh child process (this same script with --child) that does one cold run; times are the
// median of N in-process runs after a warm-up, and the child's cold run is shown beside them.
// --strict exits 1 when a target is missed. Skips (exit 0) when the data is absent.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchArgs, dataDir, hasMovieLens, importBuilt } from './bench-support.mjs';

const TARGET_TOTAL_MS = 1000;
const TARGET_RSS_MB = 150;

const { isChild, strict, number } = benchArgs();
const iterations = number('--iterations', 5);

if (!hasMovieLens()) {
  console.log(
    `load-movielens: SKIPPED — MovieLens ml-latest-small not found at ${dataDir}. ` +
      'It is not shipped with icer (GroupLens license); put the release there to run this benchmark.',
  );
  process.exit(0);
}
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error('load-movielens: --iterations takes a whole number ≥ 1.');
  process.exit(1);
}

const { loadMovieLens } = await importBuilt('load-movielens');

/** One run: load, then build and keep every profile (as a dataset generator would). */
async function runOnce() {
  const t0 = performance.now();
  const dataset = await loadMovieLens(dataDir);
  const t1 = performance.now();
  const profiles = [...dataset.profiles()];
  const t2 = performance.now();
  if (dataset.catalog.size !== 9742 || profiles.length !== 610 || dataset.ratingCount !== 100_836) {
    throw new Error(
      `unexpected data: ${dataset.catalog.size} movies, ${profiles.length} profiles, ${dataset.ratingCount} ratings`,
    );
  }
  // Heap while the dataset and all profiles are still alive.
  const heapUsed = process.memoryUsage().heapUsed;
  return { loadMs: t1 - t0, profilesMs: t2 - t1, totalMs: t2 - t0, heapUsed, keep: [dataset, profiles] };
}

const mb = (bytes) => bytes / (1024 * 1024);

if (isChild) {
  // A fresh process: one cold run, then report what the OS saw as the peak (maxRSS is in kilobytes).
  const baselineRss = process.memoryUsage().rss;
  const { loadMs, profilesMs, totalMs, heapUsed } = await runOnce();
  const usage = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({ loadMs, profilesMs, totalMs, heapUsed, baselineRss, maxRssBytes: usage.maxRSS * 1024 })}\n`,
  );
  process.exit(0);
}

// Memory (and a cold run) from a fresh child process.
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' });
if (child.status !== 0) {
  console.error(`load-movielens: the measuring child process failed (exit ${child.status}).\n${child.stderr}`);
  process.exit(1);
}
const cold = JSON.parse(child.stdout.trim().split('\n').pop());

// Times in this process: one warm-up, then the measured iterations.
await runOnce();
const runs = [];
for (let i = 0; i < iterations; i++) {
  const { loadMs, profilesMs, totalMs } = await runOnce();
  runs.push({ loadMs, profilesMs, totalMs });
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stat = (key) => {
  const values = runs.map((r) => r[key]);
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
};
const fmt = (ms) => `${ms.toFixed(0).padStart(5)} ms`;
const row = (label, key) => {
  const s = stat(key);
  return `  ${label.padEnd(18)} ${fmt(s.median)}  (min ${fmt(s.min).trim()}, max ${fmt(s.max).trim()})   cold ${fmt(cold[key]).trim()}`;
};

const totalMedian = stat('totalMs').median;
const peakRssMb = mb(cold.maxRssBytes);
const timeOk = totalMedian < TARGET_TOTAL_MS && cold.totalMs < TARGET_TOTAL_MS;
const rssOk = peakRssMb < TARGET_RSS_MB;

console.log(`load-movielens: ml-latest-small (9,742 movies, 100,836 ratings, 610 users), Node ${process.version}`);
console.log(`  wall time, median of ${iterations} runs after a warm-up; "cold" = first run in a fresh process`);
console.log(row('load', 'loadMs'));
console.log(row('build 610 profiles', 'profilesMs'));
console.log(row('total', 'totalMs'));
console.log('  memory (fresh process, one run)');
console.log(
  `    peak RSS (maxRSS)  ${peakRssMb.toFixed(1)} MB   (node baseline before loading: ${mb(cold.baselineRss).toFixed(1)} MB)`,
);
console.log(`    heap used          ${mb(cold.heapUsed).toFixed(1)} MB   (dataset and all profiles alive)`);
console.log('  targets');
console.log(
  `    total < ${TARGET_TOTAL_MS} ms     ${timeOk ? 'OK  ' : 'MISS'}  (median ${totalMedian.toFixed(0)} ms, cold ${cold.totalMs.toFixed(0)} ms)`,
);
console.log(`    peak RSS < ${TARGET_RSS_MB} MB  ${rssOk ? 'OK  ' : 'MISS'}  (${peakRssMb.toFixed(1)} MB)`);

if (strict && !(timeOk && rssOk)) process.exit(1);
