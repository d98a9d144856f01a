// Benchmark: `icer stats` and `icer report` on a large file (issue 11), end to end through the built command line.
//
//   npm run build && node bench/quality.mjs [--count N] [--strict]
//
// Writes --count template dialogues (default 100,000; built-in catalog, seed 0) to a temporary JSON Lines file, then
// times `icer stats FILE --json` and `icer report FILE --out page.html` in child processes and prints each one's
// time, rate and peak memory, and the page's size. Target: 100,000 dialogues in under 30 s each. --strict exits 1
// when one is missed. The files are removed afterwards.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, importBuilt } from './bench-support.mjs';

const { strict, number } = benchArgs();
const count = number('--count', 100_000);
const TARGET_SECONDS_PER_100K = 30;
const { DialogueGenerator, builtinCatalog, syntheticProfiles } = await importBuilt('quality');

const dir = mkdtempSync(join(tmpdir(), 'icer-stats-bench-'));
try {
  const file = join(dir, 'dialogues.jsonl');
  const t = performance.now();
  const out = createWriteStream(file);
  const catalog = builtinCatalog();
  const generator = new DialogueGenerator({ seed: 0, catalog });
  for await (const record of generator.generateMany(syntheticProfiles(catalog, { count, seed: 0 }))) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  const megabytes = statSync(file).size / 1e6;
  console.log(
    `quality: ${count.toLocaleString('en')} dialogues written (${megabytes.toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  // The child reports its own peak memory on stderr when it exits, so the figure is the command's alone.
  const probe = "process.on('exit', () => process.stderr.write('peak-rss ' + process.resourceUsage().maxRSS + '\\n'));";
  let missed = false;
  const timed = (name, args) => {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, cli, ...args],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) {
      console.error(`${name}: failed (${result.signal ?? `exit ${result.status}`}):\n${result.stderr}`);
      process.exit(1);
    }
    const peak = Number(/peak-rss (\d+)/.exec(result.stderr)?.[1] ?? 0) / 1024;
    const per100k = (seconds * 100_000) / count;
    const met = per100k < TARGET_SECONDS_PER_100K;
    missed ||= !met;
    console.log(
      `${name}: ${count.toLocaleString('en')} dialogues in ${seconds.toFixed(1)} s ` +
        `(${Math.round(count / seconds).toLocaleString('en')} dialogues/s, ${(megabytes / seconds).toFixed(0)} MB/s), peak RSS ${peak.toFixed(0)} MB — ` +
        `${per100k.toFixed(1)} s per 100,000 (target < ${TARGET_SECONDS_PER_100K} s) ${met ? 'OK' : 'MISS'}`,
    );
    return result;
  };
  const stats = JSON.parse(timed('icer stats', ['stats', file, '--json']).stdout).corpora[0];
  if (stats.dialogues !== count) throw new Error(`icer stats read ${stats.dialogues} dialogues, not ${count}`);
  const page = join(dir, 'report.html');
  if (existsSync(fileURLToPath(new URL('../node_modules/vega/package.json', import.meta.url)))) {
    timed('icer report', ['report', file, '--out', page]);
    console.log(`icer report: the page is ${(statSync(page).size / 1e6).toFixed(1)} MB`);
  } else {
    console.log('icer report: SKIPPED — vega is not installed (npm install vega vega-lite).');
  }
  if (strict && missed) process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
