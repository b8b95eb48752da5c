// The systemd versions the engine reproduces and the default target, read from their one
// declaration (src/model/versions.ts), so that no script keeps a list of its own. Run directly,
// it prints the versions separated by spaces, for shell scripts:
//   versions=$(node scripts/lib/systemd-versions.mjs)
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const source = fileURLToPath(new URL('../../src/model/versions.ts', import.meta.url))
const { outputFiles } = await build({
  entryPoints: [source],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'error',
})
const module = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`)

/** @type {readonly string[]} */
export const SYSTEMD_VERSIONS = module.SYSTEMD_VERSIONS
/** @type {string} */
export const DEFAULT_SYSTEMD_VERSION = module.DEFAULT_SYSTEMD_VERSION

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${SYSTEMD_VERSIONS.join(' ')}\n`)
