// Benchmark: generate template dialogues with the BUILT package.
//
//   npm run build && node bench/generate-dialogues.mjs [--count N] [--concurrency N] [--strict]
//
// Generates N (default 10,000) dialogues for synthetic users of the built-in catalog (balanced policy, template
// adapter, no network) and prints dialogues and turns per second against the target (≥ 2,000 dialogues/s), peak
// memory against the target (< 200 MB), and where the time per turn goes:
//   (a) the whole pipeline (policy, simulator, template adapter, tracker, records),
//   (b) the template adapter alone, re-rendering the very same turns with the same random streams,
//   (c) generator + tracker overhead = a − b, and within it the tracker alone (auditing the same dialogues).
// Peak RSS only ever grows within a process, so memory is measured in a fresh child process (this script with
// --child) that generates the same dialogues once, cold, without keeping them; times are measured here after a
// warm-up. When MovieLens ml-latest-small is present, 100 dialogues of MovieLens users are timed too.
// --strict exits 1 when a target is missed.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchArgs, dataDir, hasMovieLens, importBuilt } from './bench-support.mjs';

const TARGET_RATE = 2000; // dialogues per second
const TARGET_RSS_MB = 200;
const MOVIELENS_DIALOGUES = 100;

const { isChild, strict, number: numberArg } = benchArgs();
const count = numberArg('--count', 10_000);
const concurrency = numberArg('--concurrency', 8);

for (const [name, value] of [
  ['--count', count],
  ['--concurrency', concurrency],
]) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`generate-dialogues: ${name} takes a whole number ≥ 1.`);
    process.exit(1);
  }
}

const icer = await importBuilt('generate-dialogues');
const {
  DialogueGenerator,
  SeededRandom,
  TemplateAdapter,
  auditDialogue,
  builtinCatalog,
  loadMovieLens,
  syntheticProfiles,
} = icer;

const catalog = builtinCatalog();
const SEED = 'bench';
const mb = (bytes) => bytes / (1024 * 1024);

/** Generates dialogues for the profiles; keeps the records only when asked (memory is measured without them). */
async function run(profiles, { keep, generatorCatalog = catalog, seed = SEED } = {}) {
  const generator = new DialogueGenerator({ seed, catalog: generatorCatalog });
  const records = [];
  let dialogues = 0;
  let turns = 0;
  let peakHeap = 0;
  const t0 = performance.now();
  for await (const record of generator.generateMany(profiles, { concurrency })) {
    dialogues++;
    turns += record.turns.length;
    if (keep) records.push(record);
    if (dialogues % 500 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - t0;
  return { ms, dialogues, turns, records, peakHeap: Math.max(peakHeap, process.memoryUsage().heapUsed) };
}

if (isChild) {
  // A fresh process: one cold run over lazily drawn users, records dropped as they come (as a JSONL writer would).
  const baselineRss = process.memoryUsage().rss;
  const result = await run(syntheticProfiles(catalog, { count, seed: SEED }), { keep: false });
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ ms: result.ms, dialogues: result.dialogues, turns: result.turns, peakHeap: result.peakHeap, baselineRss, maxRssBytes })}\n`,
  );
  process.exit(0);
}

const child = spawnSync(
  process.execPath,
  [fileURLToPath(import.meta.url), '--child', '--count', String(count), '--concurrency', String(concurrency)],
  {
    encoding: 'utf8',
  },
);
if (child.status !== 0) {
  console.error(`generate-dialogues: the measuring child process failed (exit ${child.status}).\n${child.stderr}`);
  process.exit(1);
}
const cold = JSON.parse(child.stdout.trim().split('\n').pop());

// Users first (timed apart: drawing them is not dialogue generation), then a warm-up, then the measured run.
let t = performance.now();
const profiles = [...syntheticProfiles(catalog, { count, seed: SEED })];
const profilesMs = performance.now() - t;
// V8 needs a few thousand dialogues to compile the hot paths fully: after 500 the rate is still climbing.
await run(profiles.slice(0, Math.min(3000, count)), { keep: false, seed: 'warm-up' });
// Timed without keeping records (keeping 10,000 of them slows the run down through GC); the breakdown below re-runs
// the first SAMPLE users keeping theirs (same seed, so the same dialogues as in the timed run).
const measured = await run(profiles, { keep: false });
const SAMPLE = Math.min(2000, count);
const { records } = await run(profiles.slice(0, SAMPLE), { keep: true });

// (b) The template adapter alone over the same turns: same acts, same history, same persona, same random stream
// (the generator renders turn i with fork("turn/i") of the dialogue's seed), so it does exactly the adapter's work.
// Synthetic users carry every persona trait, so the persona passed is the one the generator passed.
const template = new TemplateAdapter();
let rendered = 0;
let identical = 0;
t = performance.now();
for (const record of records) {
  const root = new SeededRandom(record.seed);
  const history = [];
  for (const turn of record.turns) {
    const text = template.verbalizeSync({
      speaker: turn.speaker,
      acts: turn.acts,
      history,
      catalog,
      random: root.fork(`turn/${turn.index}`),
      ...(turn.speaker === 'user' && record.user.persona ? { persona: record.user.persona } : {}),
    });
    rendered++;
    if (text === turn.text) identical++;
    history.push(turn);
  }
}
const templateMs = performance.now() - t;

// The tracker alone: a fresh audit of every dialogue (acts and text rules, as during generation).
const profileById = new Map(profiles.map((p) => [p.id, p]));
t = performance.now();
let audited = 0;
for (const record of records) audited += auditDialogue(record.turns, catalog, profileById.get(record.user.id)).length;
const trackerMs = performance.now() - t;

// MovieLens users: a catalog of 9,742 films makes every ranking step ~30x larger.
let movieLens;
if (hasMovieLens()) {
  const dataset = await loadMovieLens(dataDir);
  const users = [...dataset.profiles({ seed: SEED })].slice(0, MOVIELENS_DIALOGUES);
  await run(users.slice(0, 10), { keep: false, generatorCatalog: dataset.catalog, seed: 'warm-up' });
  movieLens = await run(users, { keep: false, generatorCatalog: dataset.catalog });
}

const rate = (measured.dialogues / measured.ms) * 1000;
const turnRate = (measured.turns / measured.ms) * 1000;
const coldRate = (cold.dialogues / cold.ms) * 1000;
const perTurn = (ms, turns) => (ms * 1000) / turns;
const whole = perTurn(measured.ms, measured.turns);
const adapter = perTurn(templateMs, rendered);
const tracker = perTurn(trackerMs, rendered);
const peakRssMb = mb(cold.maxRssBytes);
const rateOk = rate >= TARGET_RATE;
const rssOk = peakRssMb < TARGET_RSS_MB;
const us = (x) => `${x.toFixed(1).padStart(6)} µs`;

console.log(
  `generate-dialogues: ${count.toLocaleString('en')} dialogues, synthetic users of the built-in catalog (${catalog.size} films), ` +
    `balanced policy, template adapter, concurrency ${concurrency}, Node ${process.version}`,
);
console.log(`  users drawn in ${profilesMs.toFixed(0)} ms (not counted below)`);
console.log(`  generation (after a warm-up)  ${(measured.ms / 1000).toFixed(2)} s`);
console.log(
  `    dialogues per second       ${rate.toFixed(0).padStart(6)}   (cold, fresh process, users drawn lazily: ${coldRate.toFixed(0)})`,
);
console.log(
  `    turns per second           ${turnRate.toFixed(0).padStart(6)}   (${(measured.turns / measured.dialogues).toFixed(1)} turns per dialogue)`,
);
console.log('  time per turn');
console.log(`    (a) whole pipeline         ${us(whole)}`);
console.log(
  `    (b) template adapter alone ${us(adapter)}   (the ${rendered.toLocaleString('en')} turns of the first ${SAMPLE.toLocaleString('en')} dialogues re-rendered, ` +
    `${identical === rendered ? 'all' : identical.toLocaleString('en')} identical to the generated text)`,
);
console.log(`    (c) generator + tracker    ${us(whole - adapter)}   (a − b)`);
console.log(
  `        of which tracker       ${us(tracker)}   (fresh audit of the same dialogues: ${audited} violations)`,
);
console.log(`        policy, simulator, rest${us(whole - adapter - tracker)}`);
console.log('  memory (fresh process, one cold run, records not kept)');
console.log(
  `    peak RSS (maxRSS)          ${peakRssMb.toFixed(1)} MB   (node baseline: ${mb(cold.baselineRss).toFixed(1)} MB)`,
);
console.log(
  `    heap used, peak sampled    ${mb(cold.peakHeap).toFixed(1)} MB   (sampled every 500 dialogues and at the end)`,
);
if (movieLens) {
  const mlRate = (movieLens.dialogues / movieLens.ms) * 1000;
  console.log(
    `  MovieLens users (ml-latest-small, 9,742 films): ${movieLens.dialogues} dialogues in ${(movieLens.ms / 1000).toFixed(2)} s = ` +
      `${mlRate.toFixed(0)} dialogues/s, ${((movieLens.turns / movieLens.ms) * 1000).toFixed(0)} turns/s, ${perTurn(movieLens.ms, movieLens.turns).toFixed(0)} µs per turn`,
  );
} else {
  console.log(
    `  MovieLens users: SKIPPED — ml-latest-small not found at ${dataDir} (not shipped with icer: GroupLens license).`,
  );
}
console.log('  targets');
console.log(
  `    ≥ ${TARGET_RATE} dialogues/s      ${rateOk ? 'OK  ' : 'MISS'}  (${rate.toFixed(0)}/s warm, ${coldRate.toFixed(0)}/s cold)`,
);
console.log(`    peak RSS < ${TARGET_RSS_MB} MB        ${rssOk ? 'OK  ' : 'MISS'}  (${peakRssMb.toFixed(1)} MB)`);

if (strict && !(rateOk && rssOk)) process.exit(1);
