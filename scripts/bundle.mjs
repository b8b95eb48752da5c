// Builds the committed dist/: dist/cli.js (the bin) and, once the action exists, dist/index.js.
// Deterministic output (no timestamps, no absolute paths) so CI can check dist/ is current.
import { build } from 'esbuild'
import { existsSync, rmSync, mkdirSync } from 'node:fs'

const entries = [
  { in: 'src/cli.ts', out: 'cli' },
  { in: 'src/index.ts', out: 'index' },
].filter((e) => existsSync(e.in))

rmSync('dist', { recursive: true, force: true })
mkdirSync('dist')
await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
})
