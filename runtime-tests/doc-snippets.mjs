// The docs' runnable code blocks, run against the BUILT package. A fenced block claims to run when its info string
// is `js run` or `sh run`:
//
//   ```js run     JavaScript (ESM) importing 'icer': written to .snippets/<doc>-<line>.mjs inside the repository, so
//                 that `import 'icer'` resolves through the package's self-reference, and run with node.
//   ```sh run     shell commands (bash, -e -o pipefail) with `icer` on PATH as `node dist/cli.js`.
//
// The blocks of one doc run in order, in one fresh temporary directory (their cwd), as a reader would follow the
// page: a later block may read the files an earlier one wrote. Each has a timeout, no API key, and nothing is
// fetched. A block that names `ml-latest-small` finds MovieLens there (a link to
// ../shared/data/movielens-latest-small), and is skipped, saying so, when that data is absent. Every other block is
// documentation only and is never run.
//
// Usage: npm run build && node runtime-tests/doc-snippets.mjs [doc.md …]   (run-all.mjs runs it over every doc)

import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const TIMEOUT_MS = 60_000;
const MOVIELENS = resolve(root, '..', 'shared', 'data', 'movielens-latest-small');

// Generated, not written: TypeDoc's reference (gitignored).
const GENERATED = new Set([join(root, 'docs', 'api')]);

/** README.md and every docs/**\/*.md, in a stable order. */
export function docFiles() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return GENERATED.has(path) ? [] : walk(path);
        return entry.name.endsWith('.md') ? [path] : [];
      });
  return [join(root, 'README.md'), ...walk(join(root, 'docs'))];
}

/**
 * The fenced blocks of a Markdown text that claim to run: `{ kind: 'js' | 'sh', line, code }`, `line` being the
 * opening fence's (1-based). Fences may be indented (inside a list item); the indentation is removed from the code.
 */
export function runnableBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const open = /^( *)(`{3,}|~{3,})\s*(.*)$/.exec(lines[index]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body = [];
    let end = index + 1;
    while (end < lines.length && !new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`).test(lines[end])) {
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end].trimStart());
      end++;
    }
    const words = info.trim().split(/\s+/);
    if (words[1] === 'run' && (words[0] === 'js' || words[0] === 'sh')) {
      blocks.push({ kind: words[0], line: index + 1, code: `${body.join('\n')}\n` });
    }
    index = end;
  }
  return blocks;
}

function shim(dir) {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'icer'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'dist', 'cli.js')}" "$@"\n`, {
    mode: 0o755,
  });
  return bin;
}

// One block as a child process, keeping the end of its output (a block may print thousands of records). On timeout
// the whole process group goes: bash and the icer commands it started.
function runBlock(command, args, options) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-64 * 1024);
    };
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, 'SIGKILL');
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ ok: false, detail: String(error.message), output, ms: Date.now() - started });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      if (status === 0) done({ ok: true, detail: `[${ms} ms]`, output: '', ms });
      else if (timedOut) done({ ok: false, detail: `timed out after ${TIMEOUT_MS} ms`, output, ms });
      else done({ ok: false, detail: signal ? `killed by ${signal}` : `exit code ${status}`, output, ms });
    });
  });
}

// The blocks of one page, in order, in one directory of their own.
async function runPage(file, { scratch, sandboxRoot, bin }) {
  const doc = relative(root, file);
  const blocks = runnableBlocks(readFileSync(file, 'utf8'));
  const results = [];
  if (blocks.length === 0) return results;
  const cwd = mkdtempSync(join(sandboxRoot, 'doc-'));
  if (existsSync(MOVIELENS)) symlinkSync(MOVIELENS, join(cwd, 'ml-latest-small'), 'dir');
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    NO_COLOR: '1',
    DO_NOT_TRACK: '1',
    // No key reaches a snippet: a block that needs one must not be marked to run.
    OPENAI_API_KEY: '',
    ANTHROPIC_API_KEY: '',
  };
  for (const block of blocks) {
    const name = `${doc}:${block.line} (${block.kind})`;
    if (block.code.includes('ml-latest-small') && !existsSync(MOVIELENS)) {
      results.push({ name, ok: true, skipped: true, detail: `no MovieLens data at ${MOVIELENS}` });
      continue;
    }
    let command = 'bash';
    let args = ['-e', '-o', 'pipefail', '-c', block.code];
    if (block.kind === 'js') {
      const script = join(scratch, `${doc.replace(/[/\\.]/g, '-')}-${block.line}.mjs`);
      writeFileSync(script, block.code);
      command = process.execPath;
      args = [script];
    }
    const { ok, detail, output } = await runBlock(command, args, { cwd, env });
    results.push({ name, ok, skipped: false, detail, output: ok ? '' : tail(output) });
  }
  return results;
}

/**
 * Runs every runnable block of the given docs, several pages at once (each page's blocks in order), then calls
 * `report({ name, ok, skipped, detail, output })` for each block in page order. Returns the counts.
 */
export async function runDocSnippets(files = docFiles(), report = printReport) {
  // Inside the repository (gitignored), so that `import 'icer'` resolves; emptied first, kept after for a look.
  const scratch = join(root, '.snippets');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const sandboxRoot = mkdtempSync(join(tmpdir(), 'icer-snippets-'));
  const context = { scratch, sandboxRoot, bin: shim(sandboxRoot) };
  const pages = new Array(files.length);
  try {
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const index = next++;
        pages[index] = await runPage(files[index], context);
      }
    };
    await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  } finally {
    rmSync(sandboxRoot, { recursive: true, force: true });
  }
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const result of pages.flat()) {
    if (result.skipped) counts.skipped++;
    else if (result.ok) counts.passed++;
    else counts.failed++;
    report(result);
  }
  return counts;
}

// The end of a failed block's output, where the error is; long lines (JSON records) cut short.
function tail(output, lines = 30, width = 300) {
  return output
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => (line.length > width ? `${line.slice(0, width)}…` : line))
    .join('\n');
}

function printReport({ name, ok, skipped, detail, output }) {
  console.log(`${skipped ? 'skip' : ok ? 'ok  ' : 'FAIL'} snippet ${name}  ${detail}`);
  if (output?.trim()) {
    console.log(
      output
        .trimEnd()
        .split('\n')
        .map((line) => `       | ${line}`)
        .join('\n'),
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = ['dist/index.js', 'dist/cli.js'].filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    console.log(
      `FAIL dist: missing ${missing.join(', ')}: run \`npm run build\` first (snippets use the built package).`,
    );
    process.exit(1);
  }
  const files = process.argv.slice(2).map((file) => resolve(file));
  const { passed, failed, skipped } = await runDocSnippets(files.length > 0 ? files : docFiles());
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed === 0 ? 0 : 1;
}
