// Prints the release notes of a tag vX.Y.Z: the `## [X.Y.Z]` section of CHANGELOG.md, without
// its heading. Refuses (exit 1, saying what to fix) when the tag, package.json and
// src/version.ts disagree, or the changelog has no section or an empty one for the version.
//
// usage: node scripts/release-notes.mjs vX.Y.Z
import { readFileSync } from 'node:fs'
import { releaseNotes } from './release-notes-lib.mjs'

const tag = process.argv[2] ?? ''
const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
const result = releaseNotes(tag, {
  changelog: read('CHANGELOG.md'),
  packageVersion: JSON.parse(read('package.json')).version,
  toolVersion: /TOOL_VERSION = '([^']*)'/.exec(read('src/version.ts'))?.[1] ?? '',
})
if ('error' in result) {
  process.stderr.write(`release-notes: ${result.error}\n`)
  process.exit(1)
}
process.stdout.write(result.notes)
