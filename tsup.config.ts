import { defineConfig } from 'tsup';

// `ai` and the AI SDK providers are the user's own install (peer dependencies): bundling them would pin a second
// copy of the SDK inside icer and break `instanceof`/`isInstance` checks against the user's.
const external = ['ai', /^@ai-sdk\//];

export default defineConfig([
  {
    // ESM: the library, the AI SDK adapter and the CLI share chunks, so no entry ships a second copy of the library.
    entry: { index: 'src/index.ts', ai: 'src/ai/index.ts', cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts', ai: 'src/ai/index.ts' } },
    splitting: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    external,
  },
  {
    entry: { index: 'src/index.ts', ai: 'src/ai/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts', ai: 'src/ai/index.ts' } },
    target: 'node20',
    treeshake: true,
    external,
  },
]);
