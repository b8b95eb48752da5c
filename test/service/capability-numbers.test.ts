import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import { capabilityFromName } from '../../src/model/linux-names.js'
import { safeAtoi } from '../../src/model/safe-atoi.js'
import { SYSTEMD_VERSIONS, VERSION_TRAITS, type SystemdVersion } from '../../src/model/versions.js'
import { memorySource } from '../../src/unit/source.js'

const rules = (v: SystemdVersion) => ({
  max: VERSION_TRAITS[v].maxCapabilityNumber,
  binaryPrefix: VERSION_TRAITS[v].strtolBinaryPrefix,
})

/** What systemd-analyze 252/254/257/262 made of each word (observed): the capability, or null. */
const OBSERVED: [string, number | null, number | null, number | null, number | null][] = [
  ['21', 21, 21, 21, 21],
  ['0x15', 21, 21, 21, 21],
  ['0X15', 21, 21, 21, 21],
  ['025', 21, 21, 21, 21],
  ['0o25', 21, 21, 21, 21],
  ['0O25', 21, 21, 21, 21],
  ['0b10101', 21, 21, 21, 21],
  ['0B10101', 21, 21, 21, 21],
  ['+21', 21, 21, 21, 21],
  ['+0x15', 21, 21, 21, 21],
  ['0b+10101', 21, 21, 21, 21],
  ['0o+25', 21, 21, 21, 21],
  ['00021', 17, 17, 17, 17],
  ['0x0000000000000015', 21, 21, 21, 21],
  ['-0', 0, 0, 0, 0],
  ['-0x0', 0, 0, 0, 0],
  [' 21', 21, 21, 21, 21],
  ['\t21', 21, 21, 21, 21],
  [' 0b10101', 21, 21, 21, 21],
  ['0b 10101', 21, 21, 21, 21],
  ['0o 25', 21, 21, 21, 21],
  ['0o-0', 0, 0, 0, 0],
  // C23 strtol() (257's glibc) takes 0b after a sign, and again after mangle_base()'s 0b.
  ['+0b10101', null, null, 21, null],
  ['-0b0', null, null, 0, null],
  ['0b0b10101', null, null, 21, null],
  ['08', null, null, null, null],
  ['0x', null, null, null, null],
  ['0X', null, null, null, null],
  ['0b', null, null, null, null],
  ['0o', null, null, null, null],
  ['0x+15', null, null, null, null],
  ['0x 15', null, null, null, null],
  ['+ 21', null, null, null, null],
  ['0b-1', null, null, null, null],
  ['0o 0x15', null, null, null, null],
  ['21 ', null, null, null, null],
  ['21.0', null, null, null, null],
  ['1_0', null, null, null, null],
  ['1e1', null, null, null, null],
  ['21L', null, null, null, null],
  ['0x1g', null, null, null, null],
  ['-1', null, null, null, null],
  ['64', null, null, null, null],
  ['0x40', null, null, null, null],
  ['4294967317', null, null, null, null],
  ['99999999999999999999', null, null, null, null],
  ['-4294967296', null, null, null, null],
  ['63', 63, null, null, null],
  ['62', 62, 62, 62, 62],
  ['CAP_SYS_ADMIN', 21, 21, 21, 21],
  ['cap_sys_admin', 21, 21, 21, 21],
  ['SYS_ADMIN', null, null, null, null],
]

describe('capability_from_name()', () => {
  it.each(OBSERVED)('%j', (word, ...expected) => {
    expect(SYSTEMD_VERSIONS.map((v) => capabilityFromName(word, rules(v)))).toEqual(expected)
  })

  it('safe_atoi() refuses what does not fit an int', () => {
    expect(safeAtoi('2147483647', { binaryPrefix: false })).toBe(2147483647)
    expect(safeAtoi('2147483648', { binaryPrefix: false })).toBeNull()
    expect(safeAtoi('-2147483648', { binaryPrefix: false })).toBe(-2147483648)
    expect(safeAtoi('0x7fffffffffffffffff', { binaryPrefix: false })).toBeNull()
  })
})

describe('capability lines', () => {
  const badCapabilities = (line: string, version: SystemdVersion): string[] => {
    const files = { 'c.service': `[Service]\nExecStart=/bin/true\n${line}\n` }
    const r = assessUnitFile(memorySource(files), 'c.service', { version })
    if (!r.ok) throw new Error(r.error)
    return r.rows.filter((row) => row.set === false && row.id.startsWith(line.split('=')[0]!)).map((row) => row.id)
  }

  it('AmbientCapabilities=0x15 is CAP_SYS_ADMIN, not a typo that leaves the set empty', () => {
    for (const v of SYSTEMD_VERSIONS)
      expect(badCapabilities('AmbientCapabilities=0x15', v)).toEqual(['AmbientCapabilities='])
  })

  it('252 stops at an unterminated quote; 254+ read it to the end of the line', () => {
    const line = 'CapabilityBoundingSet=CAP_KILL "0x15'
    expect(badCapabilities(line, '252')).toEqual(['CapabilityBoundingSet=~CAP_KILL'])
    expect(badCapabilities(line, '254')).toEqual([
      'CapabilityBoundingSet=~CAP_KILL',
      'CapabilityBoundingSet=~CAP_SYS_ADMIN',
    ])
  })
})
