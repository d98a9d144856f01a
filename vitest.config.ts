import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// src/version.ts reads the version from package.json, as the build does (tsup.config.ts).
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __ICER_VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    // Seeds every fast-check property: FC_SEED=<n> replays a failure, CI runs a fixed seed (see the file).
    setupFiles: ['test/helpers/fast-check-setup.ts'],
    testTimeout: 60_000,
    // Two test files at once even on two cores (vitest would run one): the CLI, queue and resume tests spend much of
    // their time waiting on child processes and servers, so the suite takes about three quarters of the time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
