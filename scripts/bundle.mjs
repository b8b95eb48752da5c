// Builds the committed dist/: dist/cli.js (the bin, with the commands it loads on demand under
// dist/chunks/) and dist/index.js (the action, one file).
// Deterministic output (no timestamps, no absolute paths) so CI can check dist/ is current.
import { build } from 'esbuild'
import { existsSync, rmSync, mkdirSync } from 'node:fs'

const common = {
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
}

rmSync('dist', { recursive: true, force: true })
mkdirSync('dist')
// The CLI is split: `score` loads only the engine, the other commands load theirs when run.
await build({ ...common, entryPoints: { cli: 'src/cli.ts' }, splitting: true, chunkNames: 'chunks/[name]-[hash]' })
if (existsSync('src/index.ts')) await build({ ...common, entryPoints: { index: 'src/index.ts' } })
