// dist/ must be what src/ builds: the action and the bin run dist/. Rebuilds it and fails,
// naming the files, when that changed anything (CI, the release workflow and .ci/run run this).
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, stdio: 'inherit' })
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { cwd: root, encoding: 'utf8' })
if (changed !== '') {
  process.stderr.write(`dist/ is stale: 'npm run bundle' changed it. Rebuild and commit dist/.\n${changed}`)
  process.exit(1)
}
