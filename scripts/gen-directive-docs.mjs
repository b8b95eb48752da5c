#!/usr/bin/env node
// Writes docs/directives.md from the directive catalogue (src/recommend/catalogue.ts), so the
// docs and the recommender read one source. `npm run gen:docs`; a test fails when it is stale.
import { writeFileSync, mkdirSync, rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const dir = mkdtempSync(join(tmpdir(), 'gen-directive-docs-'))
try {
  const out = join(dir, 'docs.mjs')
  await build({
    entryPoints: ['src/recommend/docs.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  })
  const { renderDirectiveDocs } = await import(pathToFileURL(out).href)
  mkdirSync('docs', { recursive: true })
  writeFileSync('docs/directives.md', renderDirectiveDocs())
  console.log('wrote docs/directives.md')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
