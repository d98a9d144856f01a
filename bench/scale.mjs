// Benchmark: large template runs through the BUILT command line, `icer generate --out`.
//
//   npm run build && node bench/scale.mjs [--sizes 10000,100000,1000000] [--strict]
//
// The sizes default to 10,000 and 100,000 (a million takes minutes and 5 GB of disk: ask for it with --sizes).
// For each size, runs `icer generate --count N --out FILE` in a fresh process (all cores: the default) and prints
// the wall time, the rate and the process's peak RSS (worker threads included), so that time can be seen to grow
// linearly past a fixed start-up and warm-up (estimated from the smallest and largest runs) and memory to stay flat.
// 100,000 dialogues is also run with --workers 1, for the speed-up in the same run (these machines are shared:
// compare ratios, not absolute figures). Then, in this process on one thread, it splits the time of 2,000 dialogues
// between making the users, simulating (policy, user, bookkeeping), wording (templates, which vet their own
// candidates), checking (the tracker) and serialising (JSON).
// Targets: 100,000 dialogues in < 20 s with peak RSS < 300 MB. --strict exits 1 when one is missed.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, importBuilt } from './bench-support.mjs';

const TARGET_SECONDS = 20;
const TARGET_COUNT = 100_000;
const TARGET_RSS_MB = 300;
const SPLIT_DIALOGUES = 2_000;

const { strict } = benchArgs();
const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg >= 0 ? process.argv[sizesArg + 1] : '10000,100000').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('scale: --sizes takes whole numbers ≥ 1, separated by commas.');
  process.exit(1);
}

const icer = await importBuilt('scale');
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// The child reports its own peak RSS as it exits: threads share the process, so they are counted.
const reportRss = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nscale-rss '+process.resourceUsage().maxRSS+'\\n'))`;
const dir = mkdtempSync(join(tmpdir(), 'icer-scale-'));

/** One `icer generate --out` run in a fresh process: seconds, dialogues per second, peak RSS in MB, output bytes. */
function generate(count, extra = []) {
  const out = join(dir, `run-${count}.jsonl`);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      reportRss,
      cli,
      'generate',
      '--count',
      String(count),
      '--seed',
      'scale',
      '--quiet',
      '--out',
      out,
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(
      `scale: icer generate --count ${count} failed (${result.signal ?? `exit ${result.status}`}):\n${result.stderr}`,
    );
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  }
  const rss = Number(/scale-rss (\d+)/.exec(result.stderr)?.[1]) / 1024;
  const bytes = statSync(out).size;
  rmSync(out);
  rmSync(`${out}.icer-run.json`, { force: true });
  return { seconds, rate: count / seconds, rss, bytes };
}

const fmt = (value, digits = 0) =>
  value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(`icer generate --out, template mode, ${availableParallelism()} cores (default --workers)`);
console.log('  dialogues      time        rate       peak RSS   output');
const runs = new Map();
for (const size of sizes) {
  const run = generate(size);
  runs.set(size, run);
  console.log(
    `  ${fmt(size).padStart(9)}  ${fmt(run.seconds, 1).padStart(7)} s  ${fmt(run.rate).padStart(7)}/s  ${fmt(run.rss, 1).padStart(7)} MB  ${fmt(run.bytes / 1e9, 2)} GB`,
  );
}
const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
if (sizes.length > 1) {
  const [a, b] = [runs.get(smallest), runs.get(largest)];
  console.log(
    `  ${fmt(largest)} vs ${fmt(smallest)}: time ×${fmt(b.seconds / a.seconds, 1)} for ×${fmt(largest / smallest)} the dialogues, peak RSS ×${fmt(b.rss / a.rss, 2)}`,
  );
  // Time is linear past a fixed cost (starting the threads, and their first dialogues, run before V8 has optimised
  // them): the rate between the two sizes, and what is left of the smaller run's time at that rate.
  const rate = (largest - smallest) / (b.seconds - a.seconds);
  console.log(
    `  from ${fmt(smallest)} to ${fmt(largest)}: ${fmt(rate)}/s; start-up and warm-up take about ${fmt(Math.max(0, a.seconds - smallest / rate), 1)} s of each run`,
  );
}
const target = runs.get(TARGET_COUNT) ?? generate(TARGET_COUNT);
const single = generate(TARGET_COUNT, ['--workers', '1']);
console.log(
  `  ${fmt(TARGET_COUNT)} on one thread (--workers 1): ${fmt(single.seconds, 1)} s, ${fmt(single.rate)}/s, ${fmt(single.rss, 1)} MB; all cores are ×${fmt(single.seconds / target.seconds, 2)} faster`,
);
rmSync(dir, { recursive: true, force: true });

// Where one thread's time goes: the library's own classes, timed where the generator calls them.
const { ConsistencyTracker, DialogueGenerator, TemplateAdapter, builtinCatalog, syntheticProfiles } = icer;
const spent = { users: 0, wording: 0, checking: 0, serialising: 0 };
const timed = (prototype, name, bucket) => {
  const original = prototype[name];
  prototype[name] = function (...args) {
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      spent[bucket] += performance.now() - started;
    }
  };
};
// The generator words a template turn through verbalizeSync (the async verbalize only wraps it), so that is timed.
timed(TemplateAdapter.prototype, 'verbalizeSync', 'wording');
for (const name of ['checkActs', 'checkText', 'commit']) timed(ConsistencyTracker.prototype, name, 'checking');
const catalog = builtinCatalog();
const split = async () => {
  for (const key of Object.keys(spent)) spent[key] = 0;
  const started = performance.now();
  let at = performance.now();
  const profiles = [...syntheticProfiles(catalog, { count: SPLIT_DIALOGUES, seed: 'split' })];
  spent.users = performance.now() - at;
  for await (const record of new DialogueGenerator({ catalog, seed: 'split' }).generateMany(profiles)) {
    at = performance.now();
    JSON.stringify(record);
    spent.serialising += performance.now() - at;
  }
  return performance.now() - started;
};
await split(); // warm-up
const total = await split();
// A bucket that timed nothing means its hook no longer sits on the generator's path: the split would be wrong.
for (const [bucket, ms] of Object.entries(spent)) {
  if (ms === 0) {
    console.error(`scale: the split timed no ${bucket}; its hook missed the generator's path.`);
    process.exit(1);
  }
}
const simulating = total - spent.users - spent.wording - spent.checking - spent.serialising;
const share = (ms) =>
  `${fmt((100 * ms) / total, 0).padStart(3)}%  ${fmt((1000 * ms) / SPLIT_DIALOGUES, 0).padStart(4)} µs per dialogue`;
console.log(`\nwhere one thread's time goes (${fmt(SPLIT_DIALOGUES)} dialogues, warm, ${fmt(total / 1000, 2)} s):`);
console.log(`  users        ${share(spent.users)}   (synthetic profiles)`);
console.log(`  simulating   ${share(simulating)}   (policy, user simulator, records)`);
console.log(`  wording      ${share(spent.wording)}   (templates, vetting their own candidates)`);
console.log(`  checking     ${share(spent.checking)}   (consistency tracker)`);
console.log(`  serialising  ${share(spent.serialising)}   (JSON.stringify)`);

const met = target.seconds < TARGET_SECONDS && target.rss < TARGET_RSS_MB;
console.log('\ntargets');
console.log(
  `  ${fmt(TARGET_COUNT)} dialogues < ${TARGET_SECONDS} s   ${target.seconds < TARGET_SECONDS ? 'OK  ' : 'MISS'}  (${fmt(target.seconds, 1)} s)`,
);
console.log(
  `  peak RSS < ${TARGET_RSS_MB} MB          ${target.rss < TARGET_RSS_MB ? 'OK  ' : 'MISS'}  (${fmt(target.rss, 1)} MB)`,
);
if (strict && !met) process.exit(1);
