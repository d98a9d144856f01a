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

import { spawnSync } from 'node:child_process';
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
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const TIMEOUT_MS = 60_000;
const MOVIELENS = resolve(root, '..', 'shared', 'data', 'movielens-latest-small');

/** README.md and every docs/**\/*.md, in a stable order. */
export function docFiles() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path);
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

/**
 * Runs every runnable block of the given docs; calls `report({ name, ok, skipped, detail, output })` for each.
 * Returns the counts.
 */
export function runDocSnippets(files = docFiles(), report = printReport) {
  // Inside the repository (gitignored), so that `import 'icer'` resolves; emptied first, kept after for a look.
  const scratch = join(root, '.snippets');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const sandboxRoot = mkdtempSync(join(tmpdir(), 'icer-snippets-'));
  const bin = shim(sandboxRoot);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    for (const file of files) {
      const doc = relative(root, file);
      const blocks = runnableBlocks(readFileSync(file, 'utf8'));
      if (blocks.length === 0) continue;
      const cwd = mkdtempSync(join(sandboxRoot, 'doc-'));
      if (existsSync(MOVIELENS)) symlinkSync(MOVIELENS, join(cwd, 'ml-latest-small'), 'dir');
      for (const block of blocks) {
        const name = `${doc}:${block.line} (${block.kind})`;
        if (block.code.includes('ml-latest-small') && !existsSync(MOVIELENS)) {
          counts.skipped++;
          report({ name, ok: true, skipped: true, detail: `no MovieLens data at ${MOVIELENS}` });
          continue;
        }
        const env = {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          NO_COLOR: '1',
          DO_NOT_TRACK: '1',
          // No key reaches a snippet: a block that needs one must not be marked to run.
          OPENAI_API_KEY: '',
          ANTHROPIC_API_KEY: '',
        };
        let command;
        let args;
        if (block.kind === 'js') {
          const script = join(scratch, `${doc.replace(/[/\\.]/g, '-')}-${block.line}.mjs`);
          writeFileSync(script, block.code);
          command = process.execPath;
          args = [script];
        } else {
          command = 'bash';
          args = ['-e', '-o', 'pipefail', '-c', block.code];
        }
        const started = Date.now();
        const child = spawnSync(command, args, {
          cwd,
          env,
          encoding: 'utf8',
          timeout: TIMEOUT_MS,
          maxBuffer: 256 * 1024 * 1024, // a block may print a few thousand records
        });
        const ms = Date.now() - started;
        const ok = child.status === 0 && !child.error && !child.signal;
        let detail = `[${ms} ms]`;
        if (!ok) {
          if (child.error?.code === 'ETIMEDOUT') detail = `timed out after ${TIMEOUT_MS} ms`;
          else if (child.error) detail = String(child.error.message);
          else detail = child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`;
        }
        ok ? counts.passed++ : counts.failed++;
        report({
          name,
          ok,
          skipped: false,
          detail,
          output: ok ? '' : tail(`${child.stdout ?? ''}${child.stderr ?? ''}`),
        });
      }
    }
  } finally {
    rmSync(sandboxRoot, { recursive: true, force: true });
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
  const { passed, failed, skipped } = runDocSnippets(files.length > 0 ? files : docFiles());
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed === 0 ? 0 : 1;
}
