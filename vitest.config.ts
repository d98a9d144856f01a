import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Seeds every fast-check property: FC_SEED=<n> replays a failure, CI runs a fixed seed (see the file).
    setupFiles: ['test/helpers/fast-check-setup.ts'],
    testTimeout: 60_000,
  },
});
