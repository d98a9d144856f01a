// Runs every benchmark in bench/ (each *.mjs except this file), one fresh Node process each, in name order.
// Arguments after `--` are passed to every benchmark (e.g. `npm run bench -- --strict`). Exits 1 if any fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== self && name !== 'bench-support.mjs')
  .sort();

if (benches.length === 0) {
  console.log('bench: no benchmarks found in bench/.');
  process.exit(0);
}

const failed = [];
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, [join(here, name), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${name} (${result.signal ?? `exit ${result.status}`})`);
}

console.log(
  `\nbench: ${benches.length - failed.length}/${benches.length} passed${failed.length ? `; failed: ${failed.join(', ')}` : ''}.`,
);
process.exit(failed.length > 0 ? 1 : 0);
