import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests import the domain package from source, so `npm test` needs no build step.
// Setting up an app hashes a dozen scrypt passwords: slow on purpose, slower on a busy machine.
const timeouts = { hookTimeout: 60_000, testTimeout: 30_000 };

const alias = { '@huiyin/domain': fileURLToPath(new URL('./packages/domain/src/index.ts', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { ...timeouts, name: 'unit', include: ['packages/*/src/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: {
          ...timeouts,
          name: 'sqlite',
          include: ['packages/server/test/**/*.test.ts'],
          env: { HUIYIN_TEST_DB: 'sqlite' },
        },
      },
      {
        resolve: { alias },
        test: {
          ...timeouts,
          name: 'postgres',
          include: ['packages/server/test/**/*.test.ts'],
          env: { HUIYIN_TEST_DB: 'postgres' },
        },
      },
    ],
  },
});
