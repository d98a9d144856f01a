// Runtime smoke tests of the BUILT package (dist/), one child process per runtime:
//
//   node-esm  node runtime-tests/node-esm.mjs            import 'icer' (self-reference, "import" condition)
//   node-cjs  node runtime-tests/node-cjs.cjs            require('icer') (self-reference, "require" condition)
//   deno      deno run --allow-read … runtime-tests/deno.mjs
//   bun       bun --no-install runtime-tests/bun.mjs
//   cli       node dist/cli.js …                          the `icer` executable
//   examples  node examples/*.{mjs,cjs}                   every example runs to completion (ESM and CommonJS)
//             deno run --allow-read … / bun --no-install    the portable examples again in Deno and Bun (below)
//   snippets  runtime-tests/doc-snippets.mjs              every `js run` / `sh run` block of README.md and docs/
//
// Each runtime prints one JSON line { runtime, catalogSize, digest }; the digests must be identical (same seed,
// same bytes, on every runtime). The last line is "N passed, N failed"; the exit code is non-zero on any failure.
//
// Usage: npm run build && node runtime-tests/run-all.mjs   (npm run test:runtimes)

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDocSnippets } from './doc-snippets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const TIMEOUT_MS = 120_000;

const results = [];
function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `  ${detail}` : ''}`);
}

function indent(text) {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `       | ${line}`)
    .join('\n');
}

function finish() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// --- dist/ must exist: these tests are about the built package, not src/. ---------------------------------------
const distFiles = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js'];
const missing = distFiles.filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  record(
    'dist',
    false,
    `missing ${missing.join(', ')}: run \`npm run build\` first (runtime tests import the built package).`,
  );
  finish();
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const baseEnv = {
  ...process.env,
  NO_COLOR: '1',
  // Nothing may be fetched at run time: no update checks, no telemetry.
  DENO_NO_UPDATE_CHECK: '1',
  DENO_NO_PROMPT: '1',
  DO_NOT_TRACK: '1',
};

function run(command, args, options = {}) {
  const started = Date.now();
  const child = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    env: baseEnv,
    ...options,
  });
  return { ...child, ms: Date.now() - started };
}

function describeExit(child) {
  if (child.error)
    return child.error.code === 'ETIMEDOUT' ? `timed out after ${TIMEOUT_MS} ms` : String(child.error.message);
  if (child.signal) return `killed by ${child.signal}`;
  return `exit code ${child.status}`;
}

// --- one child process per runtime ---------------------------------------------------------------------------
const runtimes = [
  { name: 'node-esm', command: process.execPath, args: ['runtime-tests/node-esm.mjs'] },
  { name: 'node-cjs', command: process.execPath, args: ['runtime-tests/node-cjs.cjs'] },
  {
    name: 'deno',
    command: bin('deno'),
    // --allow-read: the package reads the fixture files (and only reads); no other permission is granted.
    // --no-remote: never fetch http(s) modules (deno.land, jsr); --node-modules-dir=manual: resolve bare and
    // npm imports only from the existing node_modules/ (no npm install, no registry); --no-prompt: a missing
    // permission fails instead of waiting on a TTY.
    args: ['run', '--allow-read', '--no-remote', '--no-prompt', '--node-modules-dir=manual', 'runtime-tests/deno.mjs'],
  },
  {
    name: 'bun',
    command: bin('bun'),
    // --no-install: never auto-install a missing package from the registry; resolve from node_modules/ only.
    args: ['--no-install', 'runtime-tests/bun.mjs'],
  },
];

const reports = [];
for (const runtime of runtimes) {
  if (runtime.command !== process.execPath && !existsSync(runtime.command)) {
    record(
      runtime.name,
      false,
      `${relative(root, runtime.command)} not found: run \`npm install\` (deno and bun are devDependencies).`,
    );
    continue;
  }
  const child = run(runtime.command, runtime.args);
  const lines = (child.stdout ?? '').split('\n').filter((line) => line.trim() !== '');
  let parsed;
  let problem;
  if (lines.length !== 1) {
    problem = `expected one line of JSON on stdout, got ${lines.length}`;
  } else {
    try {
      parsed = JSON.parse(lines[0]);
    } catch {
      problem = `stdout is not JSON: ${lines[0]}`;
    }
  }
  if (parsed) {
    if (parsed.runtime !== runtime.name) problem ??= `reported runtime ${JSON.stringify(parsed.runtime)}`;
    if (!/^[0-9a-f]{64}$/.test(String(parsed.digest))) problem ??= `no digest (${parsed.digest})`;
    if (!(parsed.catalogSize > 250)) problem ??= `catalogSize ${parsed.catalogSize}`;
    reports.push(parsed);
  }
  if (child.status !== 0 || child.error || child.signal)
    problem = `${describeExit(child)}${problem ? `; ${problem}` : ''}`;
  const summary = parsed ? `catalogSize=${parsed.catalogSize} digest=${parsed.digest}` : '';
  record(runtime.name, !problem, `${summary}${problem ? `  (${problem})` : ''}  [${child.ms} ms]`);
  if (problem) {
    const output = `${child.stdout ?? ''}${child.stderr ?? ''}`;
    if (output.trim()) console.log(indent(output));
  }
}

// --- the CLI --------------------------------------------------------------------------------------------------
{
  const problems = [];
  const cli = (...args) => run(process.execPath, ['dist/cli.js', ...args]);

  const profiles = cli('profiles', '--count', '2', '--seed', '1');
  if (profiles.status !== 0) problems.push(`profiles: ${describeExit(profiles)}: ${profiles.stderr.trim()}`);
  const lines = profiles.stdout.split('\n').filter((line) => line !== '');
  if (lines.length !== 2) problems.push(`profiles --count 2 printed ${lines.length} lines, expected 2`);
  for (const [index, line] of lines.entries()) {
    try {
      const profile = JSON.parse(line);
      for (const key of ['id', 'liked', 'affinities']) {
        if (!(key in profile)) problems.push(`profile line ${index + 1} lacks "${key}"`);
      }
      if (!Array.isArray(profile.liked)) problems.push(`profile line ${index + 1}: liked is not an array`);
    } catch {
      problems.push(`profile line ${index + 1} is not JSON: ${line.slice(0, 80)}`);
    }
  }
  const again = cli('profiles', '--count', '2', '--seed', '1');
  if (again.stdout !== profiles.stdout) problems.push('profiles --seed 1 is not deterministic across runs');

  const dialogues = cli('generate', '--count', '3', '--seed', '2');
  const dialogueLines = dialogues.stdout.split('\n').filter((line) => line !== '');
  if (dialogues.status !== 0 || dialogueLines.length !== 3) {
    problems.push(
      `generate --count 3: ${describeExit(dialogues)}, ${dialogueLines.length} lines: ${dialogues.stderr.trim()}`,
    );
  }
  for (const [index, line] of dialogueLines.entries()) {
    try {
      const record = JSON.parse(line);
      for (const key of ['id', 'seed', 'domain', 'user', 'turns', 'outcome', 'consistency', 'generator']) {
        if (!(key in record)) problems.push(`dialogue line ${index + 1} lacks "${key}"`);
      }
      if (record.consistency?.violations?.length !== 0) problems.push(`dialogue line ${index + 1} has violations`);
    } catch {
      problems.push(`dialogue line ${index + 1} is not JSON: ${line.slice(0, 80)}`);
    }
  }
  if (cli('generate', '--count', '3', '--seed', '2').stdout !== dialogues.stdout)
    problems.push('generate --seed 2 is not deterministic across runs');

  const version = cli('--version');
  if (version.status !== 0 || version.stdout.trim() !== pkg.version) {
    problems.push(
      `--version printed ${JSON.stringify(version.stdout.trim())} (${describeExit(version)}), package.json says ${pkg.version}`,
    );
  }

  const bad = cli('profiles', '--no-such-flag');
  if (bad.status !== 2) problems.push(`a bad flag exited with ${describeExit(bad)}, expected exit code 2`);
  if (/\n\s+at /.test(bad.stderr) || /node:internal|Error:\s.*\n.*at /.test(bad.stderr)) {
    problems.push(`a bad flag printed a stack trace: ${bad.stderr.trim()}`);
  }
  if (bad.stderr.trim() === '') problems.push('a bad flag printed nothing on stderr');
  if (bad.stdout.trim() !== '') problems.push('a bad flag printed something on stdout');

  const badCommand = cli('--no-such-flag');
  if (badCommand.status !== 2 || /\n\s+at /.test(badCommand.stderr)) {
    problems.push(
      `icer --no-such-flag: ${describeExit(badCommand)}, stderr ${JSON.stringify(badCommand.stderr.trim())}; expected exit 2, no stack`,
    );
  }

  const missingData = cli('profiles', '--movielens', '/nonexistent');
  if (
    missingData.status !== 1 ||
    !missingData.stderr.includes('FILE_NOT_FOUND') ||
    /\n\s+at /.test(missingData.stderr)
  ) {
    problems.push(
      `profiles --movielens /nonexistent: ${describeExit(missingData)}, stderr ${JSON.stringify(missingData.stderr.trim())}; expected exit 1 with one FILE_NOT_FOUND line`,
    );
  }

  const fixture = cli('profiles', '--movielens', 'runtime-tests/fixtures/mini-movielens', '--seed', '3');
  const fixtureLines = fixture.stdout.split('\n').filter((line) => line !== '');
  if (fixture.status !== 0 || fixtureLines.length !== 3) {
    problems.push(
      `profiles --movielens fixture: ${describeExit(fixture)}, ${fixtureLines.length} lines: ${fixture.stderr.trim()}`,
    );
  }

  record(
    'cli',
    problems.length === 0,
    problems.length === 0 ? 'generate, profiles, --version, bad flag (exit 2), missing data (exit 1)' : '',
  );
  for (const problem of problems) console.log(indent(problem));
}

// --- the examples: each must run to completion against the built package ----------------------------------------
// Every file in examples/, so that a new example cannot be left out: .mjs through import, .cjs through require().
const examples = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.mjs') || name.endsWith('.cjs'))
  .sort();
function runExample(name, command, args) {
  const child = run(command, args);
  const ok = child.status === 0 && child.stdout.trim() !== '' && child.stderr.trim() === '';
  record(name, ok, ok ? `[${child.ms} ms]` : describeExit(child));
  if (!ok) console.log(indent(`${child.stdout ?? ''}${child.stderr ?? ''}`));
}
for (const example of examples) runExample(`example ${example}`, process.execPath, [join('examples', example)]);

// The portable examples again in Deno and Bun: those that use no Node module beyond node:url (to find a file
// beside them), so that Deno needs no permission but --allow-read. The others write temporary files (node:fs,
// node:os) or start a local HTTP stand-in (node:http); fetch-adapter.mjs runs in both below, with the network
// permission it needs.
const portable = [];
const nodeOnly = [];
for (const example of examples.filter((name) => name.endsWith('.mjs'))) {
  const source = readFileSync(join(root, 'examples', example), 'utf8');
  const modules = [...source.matchAll(/from '(node:[^']+)'/g)].map((match) => match[1]).filter((m) => m !== 'node:url');
  if (modules.length === 0) portable.push(example);
  else if (example !== 'fetch-adapter.mjs') nodeOnly.push(`${example} (${[...new Set(modules)].join(', ')})`);
}
for (const example of portable) {
  runExample(`example ${example} (deno)`, bin('deno'), [
    'run',
    '--allow-read',
    '--no-remote',
    '--no-prompt',
    '--node-modules-dir=manual',
    join('examples', example),
  ]);
  runExample(`example ${example} (bun)`, bin('bun'), ['--no-install', join('examples', example)]);
}
// CommonJS examples in Bun too (Deno runs ES modules only, unless told otherwise by a package.json "type").
for (const example of examples.filter((name) => name.endsWith('.cjs'))) {
  runExample(`example ${example} (bun)`, bin('bun'), ['--no-install', join('examples', example)]);
}
console.log(`     Node only (Deno and Bun skip them): ${nodeOnly.join(', ')}`);
{
  // The examples' index must name every example, so that a reader finds it.
  const index = readFileSync(join(root, 'examples', 'README.md'), 'utf8');
  const unlisted = examples.filter((example) => !index.includes(`](${example})`));
  record(
    'examples/README.md lists every example',
    unlisted.length === 0,
    unlisted.length === 0 ? '' : `missing: ${unlisted.join(', ')}`,
  );
}

// --- icer/ai in every runtime, and the fetch-based custom adapter example in Deno and Bun -------------------------
{
  const denoArgs = (file, extra) => [
    'run',
    '--allow-read',
    '--allow-env',
    ...extra,
    '--no-remote',
    '--no-prompt',
    '--node-modules-dir=manual',
    file,
  ];
  const checks = [
    // The AI SDK reads the host name when it loads (for its own user agent): Deno must allow exactly that.
    { name: 'icer/ai node-esm', command: process.execPath, args: ['runtime-tests/ai-entry.mjs'] },
    { name: 'icer/ai node-cjs', command: process.execPath, args: ['runtime-tests/ai-entry.cjs'] },
    {
      name: 'icer/ai deno',
      command: bin('deno'),
      args: denoArgs('runtime-tests/ai-entry.mjs', ['--allow-sys=hostname']),
    },
    { name: 'icer/ai bun', command: bin('bun'), args: ['--no-install', 'runtime-tests/ai-entry.mjs'] },
    {
      name: 'example fetch-adapter.mjs (deno)',
      command: bin('deno'),
      args: denoArgs('examples/fetch-adapter.mjs', ['--allow-net=127.0.0.1']),
    },
    {
      name: 'example fetch-adapter.mjs (bun)',
      command: bin('bun'),
      args: ['--no-install', 'examples/fetch-adapter.mjs'],
    },
  ];
  for (const check of checks) {
    const child = run(check.command, check.args);
    const out = child.stdout ?? '';
    const ok =
      child.status === 0 &&
      (check.name.startsWith('icer/ai')
        ? /"promptVersion":"icer-prompts\/\d+"/.test(out)
        : /, 0 violations, /.test(out));
    record(check.name, ok, ok ? `[${child.ms} ms]` : describeExit(child));
    if (!ok) console.log(indent(`${out}${child.stderr ?? ''}`));
  }
}

// --- the docs' runnable code blocks (`js run`, `sh run`) ----------------------------------------------------------
{
  const { passed, failed, skipped } = await runDocSnippets(undefined, ({ name, ok, skipped, detail, output }) => {
    if (skipped) console.log(`skip snippet ${name}  ${detail}`);
    else record(`snippet ${name}`, ok, detail);
    if (output?.trim()) console.log(indent(output));
  });
  if (skipped > 0) console.log(`     ${skipped} snippet(s) skipped: they need MovieLens data`);
  // A parser that finds nothing would pass silently: the docs do hold runnable blocks.
  if (passed + failed + skipped === 0)
    record('snippets', false, 'no `js run` or `sh run` block found in README.md or docs/');
}

// --- every runtime must produce the same bytes -----------------------------------------------------------------
{
  const digests = new Set(reports.map((r) => r.digest));
  const sizes = new Set(reports.map((r) => r.catalogSize));
  const complete = reports.length === runtimes.length;
  const ok = complete && digests.size === 1 && sizes.size === 1;
  let detail;
  if (!complete) detail = `only ${reports.length} of ${runtimes.length} runtimes reported a digest`;
  else if (ok) detail = `all ${reports.length} runtimes: catalogSize=${[...sizes][0]} digest=${[...digests][0]}`;
  else detail = 'runtimes disagree';
  record('same digest and catalogSize on every runtime', ok, detail);
  if (!ok)
    for (const r of reports)
      console.log(indent(`${r.runtime.padEnd(8)} catalogSize=${r.catalogSize} digest=${r.digest}`));
}

finish();
