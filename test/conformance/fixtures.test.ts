/**
 * The engine against goldens the real systemd-analyze 252, 254, 257 and 262 produced for the
 * project's own test units (test/fixtures/units, made by scripts/goldens/make-goldens.sh): every
 * assessor in every branch, the syntax rules, drop-ins, templates, aliases and links, refusals,
 * triggered units and policies — standard output, and standard error line by line.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SYSTEMD_VERSIONS, type SystemdVersion } from '../../src/model/versions.js'
import { cli } from '../helpers/cli.js'

const targets = readFileSync('test/fixtures/units/TARGETS.tsv', 'utf8').trim().split('\n').length - 1

/**
 * Targets whose standard error is known to differ from systemd-analyze's, and why. The test fails
 * when one of them starts to match too, so that the list shrinks as the gaps close.
 */
const KNOWN_STDERR_GAPS: Readonly<Record<string, readonly SystemdVersion[]>> = {
  // systemd reports every rejected link of the unit's directory, in the order the directory lists
  // them (the file system's, not reproducible); we report those about the unit.
  'aliases/rejected/bad.service': SYSTEMD_VERSIONS,
  'aliases/rejected/t.service': SYSTEMD_VERSIONS,
  'aliases/rejected/tmpl@.service': SYSTEMD_VERSIONS,
  // An invalid --threshold and unreadable policies are refused in our words (JSON positions differ).
  'cli/threshold-invalid.service': SYSTEMD_VERSIONS,
  'policy/invalid-json.service': SYSTEMD_VERSIONS,
  'policy/missing-file.service': SYSTEMD_VERSIONS,
  'policy/nonobject.service': ['262'],
  // Our own notice that a file holds NUL bytes (no text unit file), which systemd reads on silently.
  'syntax/crlf-nul-continuation.service': SYSTEMD_VERSIONS,
  'syntax/eol-runs.service': SYSTEMD_VERSIONS,
  'syntax/lfcr-nul-continuation.service': SYSTEMD_VERSIONS,
  'syntax/line-endings.service': SYSTEMD_VERSIONS,
  'syntax/nul-byte.service': SYSTEMD_VERSIONS,
  'syntax/nul-continuation.service': SYSTEMD_VERSIONS,
}

describe.each(SYSTEMD_VERSIONS)('systemd %s', (version) => {
  it(`matches systemd-analyze on all ${targets} fixture targets`, async () => {
    const r = await cli([
      'conformance',
      '--systemd-version',
      version,
      '--goldens',
      'test/fixtures/golden',
      '--verbose',
      'test/fixtures/units',
    ])
    const mismatches = r.stdout.split('\n').filter((l) => l.startsWith('MISMATCH'))
    expect(mismatches.filter((l) => !/^MISMATCH \S+ \S+: stderr /.test(l))).toEqual([])
    const known = Object.keys(KNOWN_STDERR_GAPS).filter((t) => KNOWN_STDERR_GAPS[t]!.includes(version))
    const stderrGaps = mismatches.map((l) => /^MISMATCH \S+ (\S+): stderr /.exec(l)![1]!)
    expect(stderrGaps.sort()).toEqual(known.sort())
    // --verbose lists the identical targets too.
    expect(r.stdout.split('\n').filter((l) => l.startsWith(`identical ${version} `))).toHaveLength(
      targets - known.length,
    )
    expect(r.stdout).toContain(`(stdout ${targets}/${targets}, stderr ${targets - known.length}/${targets})`)
    expect(r.code).toBe(known.length === 0 ? 0 : 1)
  })
})
