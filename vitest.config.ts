import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'ingest/**/*.test.ts'],
    // LadybugDB takes a file lock per database directory and kuromoji costs ~1 s to load: forks keep them isolated.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
