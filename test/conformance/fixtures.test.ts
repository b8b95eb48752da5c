/**
 * The engine against goldens the real systemd-analyze 252, 254, 257 and 262 produced for the
 * project's own test units (test/fixtures/units, made by scripts/goldens/make-goldens.sh): every
 * assessor in every branch, the syntax rules, drop-ins, templates, aliases and links, refusals
 * and policies; and the messages about specifiers, command lines and links (--warnings).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SYSTEMD_VERSIONS } from '../../src/model/versions.js'
import { cli } from '../helpers/cli.js'

const targets = readFileSync('test/fixtures/units/TARGETS.tsv', 'utf8').trim().split('\n').length - 1

describe.each(SYSTEMD_VERSIONS)('systemd %s', (version) => {
  it(`matches systemd-analyze on all ${targets} fixture targets`, async () => {
    const r = await cli([
      'conformance',
      '--warnings',
      '--systemd-version',
      version,
      '--goldens',
      'test/fixtures/golden',
      '--verbose',
      'test/fixtures/units',
    ])
    expect(r.stdout.split('\n').filter((l) => l.startsWith('MISMATCH'))).toEqual([])
    // --verbose lists the identical targets too.
    expect(r.stdout.split('\n').filter((l) => l.startsWith(`identical ${version} `))).toHaveLength(targets)
    expect(r.stdout).toContain(`systemd ${version}: ${targets}/${targets} identical`)
    expect(r.code).toBe(0)
  })
})
