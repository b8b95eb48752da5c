/** scripts/release-notes: the section of the tag's version, and a refusal naming the fix. */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { releaseNotes } from '../../scripts/release-notes-lib.mjs'
import { TOOL_VERSION } from '../../src/version.js'

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

- next

## [1.2.3] - 2027-01-02

### Fixed

- a thing (1.2.30 is not this)

## [1.2.0] - 2026-12-01

- older

[1.2.3]: https://example.invalid/compare/v1.2.0...v1.2.3
`
const sources = { changelog: CHANGELOG, packageVersion: '1.2.3', toolVersion: '1.2.3' }

describe('release notes', () => {
  it("are the version's section, without its heading", () => {
    expect(releaseNotes('v1.2.3', sources)).toEqual({ notes: '### Fixed\n\n- a thing (1.2.30 is not this)\n' })
    expect(releaseNotes('v1.2.0', { ...sources, packageVersion: '1.2.0', toolVersion: '1.2.0' })).toEqual({
      notes: '- older\n',
    })
  })

  it('are refused, naming the fix, for a wrong tag, disagreeing versions, or no section', () => {
    expect(releaseNotes('1.2.3', sources)).toEqual({ error: expect.stringContaining('tags are vX.Y.Z') })
    expect(releaseNotes('v1.2.3', { ...sources, packageVersion: '1.2.2' })).toEqual({
      error: expect.stringContaining('"version": "1.2.3"'),
    })
    expect(releaseNotes('v1.2.3', { ...sources, toolVersion: '1.2.2' })).toEqual({
      error: expect.stringContaining("TOOL_VERSION = '1.2.3'"),
    })
    const missing = { changelog: CHANGELOG, packageVersion: '1.2.4', toolVersion: '1.2.4' }
    expect(releaseNotes('v1.2.4', missing)).toEqual({ error: expect.stringContaining("rename '## [Unreleased]'") })
    const empty = { changelog: '## [1.2.4]\n\n## [1.2.3]\n- x\n', packageVersion: '1.2.4', toolVersion: '1.2.4' }
    expect(releaseNotes('v1.2.4', empty)).toEqual({ error: expect.stringContaining('is empty') })
  })

  it("the script reads this repository's files: the current version has its section", () => {
    const notes = execFileSync(process.execPath, ['scripts/release-notes.mjs', `v${TOOL_VERSION}`], {
      cwd: new URL('../../', import.meta.url),
      encoding: 'utf8',
    })
    expect(notes.length).toBeGreaterThan(20)
  })
})
