/**
 * The end-to-end tests run dist/ as the runner and users run it, so dist/ must be what src/
 * builds: it is rebuilt before they start (a second or two; unchanged files stay unchanged for
 * git). CI then fails when the rebuilt dist/ differs from the committed one.
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

export default function bundleDist(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], {
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: 'inherit',
  })
}
