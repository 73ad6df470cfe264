import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/helpers/setup.ts'],
    globalSetup: ['test/helpers/global-lab.ts'],
    testTimeout: 20_000,
    hookTimeout: 90_000,
    restoreMocks: true,
    unstubEnvs: true,
  },
});
