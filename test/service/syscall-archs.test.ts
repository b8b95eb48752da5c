import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import { SYSTEMD_VERSIONS } from '../../src/model/versions.js'
import { memorySource } from '../../src/unit/source.js'

/** The SystemCallArchitectures= row's description and the unit's warnings. */
function archs(value: string, version: (typeof SYSTEMD_VERSIONS)[number]) {
  const r = assessUnitFile(
    memorySource({ 'd/a.service': `[Service]\nExecStart=/bin/true\nSystemCallArchitectures=${value}\n` }),
    'd/a.service',
    { version },
  )
  if (!r.ok) throw new Error(r.error)
  return {
    row: r.rows.find((w) => w.jsonField === 'SystemCallArchitectures')!.description,
    warnings: r.diagnostics.map((d) => d.message),
  }
}

describe('SystemCallArchitectures= names (seccomp_arch_from_string(), attack1 B12)', () => {
  it.each(SYSTEMD_VERSIONS)("%s: systemd spells little-endian MIPS mips-le, not libseccomp's mipsel", (v) => {
    expect(archs('mips-le mips64-le mips64-le-n32', v)).toEqual({
      row: 'Service may execute system calls with multiple ABIs',
      warnings: [],
    })
    const libseccomp = archs('mipsel mipsel64 mipsel64-n32', v)
    // Nothing parsed: the set stays empty, as if the setting were absent.
    expect(libseccomp.row).toBe('Service may execute system calls with all ABIs')
    expect(libseccomp.warnings).toEqual(
      ['mipsel', 'mipsel64', 'mipsel64-n32'].map(
        (n) => `Failed to parse system call architecture "${n}", ignoring: Invalid argument`,
      ),
    )
  })
})
