import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests import the domain package from source, so `npm test` needs no build step.
const alias = { '@huiyin/domain': fileURLToPath(new URL('./packages/domain/src/index.ts', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['packages/*/src/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: {
          name: 'sqlite',
          include: ['packages/server/test/**/*.test.ts'],
          env: { HUIYIN_TEST_DB: 'sqlite' },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'postgres',
          include: ['packages/server/test/**/*.test.ts'],
          env: { HUIYIN_TEST_DB: 'postgres' },
        },
      },
    ],
  },
});
