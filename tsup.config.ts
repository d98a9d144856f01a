import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// `ai` and the AI SDK providers are the user's own install (peer dependencies): bundling them would pin a second
// copy of the SDK inside icer and break `instanceof`/`isInstance` checks against the user's. vega and vega-lite,
// the report's chart renderers, are peer dependencies too: large, and only `icer/report` needs them. So are bullmq
// and its Redis driver ioredis, which only `icer/queue` (and `icer generate --queue`, `icer worker`) load.
const external = ['ai', /^@ai-sdk\//, 'vega', 'vega-lite', 'bullmq', 'ioredis'];

// src/version.ts reads the version from here, so a release changes it in one place.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __ICER_VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    // ESM: the library, the AI SDK adapter, the report and the CLI share chunks, so no entry ships a second copy of
    // the library. The report is ESM only: vega is.
    // The generate worker is the CLI's own: `icer generate --workers N` starts it as a thread beside cli.js.
    entry: {
      index: 'src/index.ts',
      ai: 'src/ai/index.ts',
      report: 'src/report/index.ts',
      queue: 'src/queue/index.ts',
      cli: 'src/cli/main.ts',
      'generate-worker': 'src/cli/generate-worker.ts',
    },
    format: ['esm'],
    dts: {
      entry: {
        index: 'src/index.ts',
        ai: 'src/ai/index.ts',
        report: 'src/report/index.ts',
        queue: 'src/queue/index.ts',
      },
    },
    splitting: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    external,
    define,
  },
  {
    entry: { index: 'src/index.ts', ai: 'src/ai/index.ts', queue: 'src/queue/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts', ai: 'src/ai/index.ts', queue: 'src/queue/index.ts' } },
    target: 'node20',
    treeshake: true,
    external,
    define,
  },
]);
