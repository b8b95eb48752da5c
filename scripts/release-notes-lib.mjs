// The release notes of a version, taken from the changelog text (scripts/release-notes.mjs
// reads the files; test/repo/release-notes.test.ts runs this on texts of its own).

/**
 * @param {string} tag the pushed tag, vX.Y.Z
 * @param {{ changelog: string, packageVersion: string, toolVersion: string }} sources
 * @returns {{ notes: string } | { error: string }}
 */
export function releaseNotes(tag, { changelog, packageVersion, toolVersion }) {
  const match = /^v(\d+\.\d+\.\d+)$/.exec(tag)
  if (!match) return { error: `'${tag}' is not a release tag: tags are vX.Y.Z (v1.2.3)` }
  const version = match[1]
  if (packageVersion !== version)
    return {
      error: `package.json says version ${packageVersion}, the tag ${tag}: set "version": "${version}" and tag again`,
    }
  if (toolVersion !== version)
    return {
      error: `src/version.ts says ${toolVersion}, the tag ${tag}: set TOOL_VERSION = '${version}' and tag again`,
    }
  const lines = changelog.split(/\r?\n/)
  const escaped = version.replaceAll('.', '\\.')
  const start = lines.findIndex((l) => new RegExp(`^## \\[${escaped}\\](?:\\s|$)`).test(l))
  if (start < 0) return { error: `CHANGELOG.md has no section '## [${version}]': rename '## [Unreleased]' to it` }
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l))
  if (end < 0) end = lines.length
  // Link reference definitions at the end of the file belong to no section.
  const body = lines.slice(start + 1, end).filter((l) => !/^\[[^\]]+\]: \S+$/.test(l))
  const notes = body.join('\n').trim()
  if (notes === '') return { error: `CHANGELOG.md's section '## [${version}]' is empty: say what changed` }
  return { notes: `${notes}\n` }
}
