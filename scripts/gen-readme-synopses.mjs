#!/usr/bin/env node
// Rewrites the command synopses in README.md from the option table (src/options/option-table.ts)
// and the format tables, as the usage text shows them. `npm run gen:docs`; a test fails when
// they are stale.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const dir = mkdtempSync(join(tmpdir(), 'gen-readme-synopses-'))
try {
  const out = join(dir, 'synopses.mjs')
  await build({
    entryPoints: ['src/cli/readme-synopses.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  })
  const { withCurrentSynopses } = await import(pathToFileURL(out).href)
  const readme = readFileSync('README.md', 'utf8')
  const updated = withCurrentSynopses(readme)
  if (updated !== readme) writeFileSync('README.md', updated)
  console.log(updated === readme ? 'README.md synopses are current' : 'rewrote the synopses in README.md')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
