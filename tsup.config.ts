import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM: the library and the CLI share one chunk, so the CLI ships no second copy of the library.
    entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
    splitting: true,
    clean: true,
    target: 'node20',
    treeshake: true,
  },
  {
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    target: 'node20',
    treeshake: true,
  },
]);
