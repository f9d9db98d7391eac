import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Two cores here: one worker leaves room for the machine and keeps runs predictable.
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
