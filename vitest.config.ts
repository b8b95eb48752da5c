import { defineConfig } from 'vitest/config'

/**
 * Two projects, together the whole suite (`npm test`):
 * - fast: the engine, loader, recommender, renderers and options, in process (`npm run test:fast`,
 *   the inner loop: a few seconds);
 * - full: everything else — real git repositories, the local GitHub API, the bundled dist/ run as
 *   the runner runs it (rebuilt first, test/setup/bundle-dist.ts).
 */
const FAST = [
  'test/model/**/*.test.ts',
  'test/unit/**/*.test.ts',
  'test/service/**/*.test.ts',
  'test/engine/**/*.test.ts',
  'test/report/**/*.test.ts',
  'test/options/**/*.test.ts',
  'test/conformance/**/*.test.ts',
  'test/architecture/layers.test.ts',
  'test/recommend/{catalogue,context,recommend,regression}.test.ts',
  'test/cli/{command-line,usage}.test.ts',
]

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'fast', include: FAST, pool: 'threads', isolate: false } },
      {
        extends: true,
        test: {
          name: 'full',
          include: ['test/**/*.test.ts'],
          exclude: FAST,
          globalSetup: ['test/setup/bundle-dist.ts'],
        },
      },
    ],
  },
})
