import { describe, expect, it } from 'vitest'
import { assessUnitFile, type ServiceAssessment } from '../../src/engine.js'
import type { SystemdVersion } from '../../src/model/versions.js'
import { suggestRegressionFix } from '../../src/recommend/recommend.js'
import { rowCapabilities } from '../../src/recommend/regression.js'
import { memorySource } from '../../src/unit/source.js'

/** The unit loaded and scored, as the diff hands it over. */
function load(files: Record<string, string>, path: string, version: SystemdVersion = '252'): ServiceAssessment {
  const r = assessUnitFile(memorySource(files), path, { version })
  if (!r.ok) throw new Error(r.error)
  return r
}

const unitWith = (body: string): Record<string, string> => ({
  'u/a.service': `[Service]\nExecStart=/usr/bin/a\n${body}\n`,
})

describe('targeted fixes for regressed rows', () => {
  it('expands capability row ids into their capabilities', () => {
    const names = (id: string): number => [...rowCapabilities(id).toString(2)].filter((b) => b === '1').length
    expect(names('CapabilityBoundingSet=~CAP_SET(UID|GID|PCAP)')).toBe(3)
    expect(names('CapabilityBoundingSet=~CAP_(DAC_*|FOWNER|IPC_OWNER)')).toBe(4)
    expect(names('CapabilityBoundingSet=~CAP_AUDIT_*')).toBe(3)
    expect(rowCapabilities('CapabilityBoundingSet=~CAP_SYS_ADMIN')).toBe(1n << 21n)
  })

  it('suggests a single capability instead of a widened set', () => {
    for (const v of ['252', '262'] as SystemdVersion[]) {
      const base = load(unitWith('CapabilityBoundingSet=CAP_NET_BIND_SERVICE'), 'u/a.service', v)
      const head = load(
        unitWith('CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_NET_ADMIN CAP_SYS_ADMIN'),
        'u/a.service',
        v,
      )
      const fix = suggestRegressionFix({ base, head, rowId: 'CapabilityBoundingSet=~CAP_SYS_ADMIN', version: v })!
      expect(fix.kind).toBe('narrow')
      expect(fix.lines).toEqual(['CapabilityBoundingSet=', 'CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_NET_ADMIN'])
      expect(fix.verified).toBe(true)
      expect(fix.badness).toEqual({ base: 0, head: 1, fixed: 0 })
    }
  })

  it('restores the base set when the head dropped the bounding set altogether', () => {
    const base = load(unitWith('CapabilityBoundingSet=CAP_NET_BIND_SERVICE'), 'u/a.service')
    const head = load(unitWith(''), 'u/a.service')
    const fix = suggestRegressionFix({ base, head, rowId: 'CapabilityBoundingSet=~CAP_SYS_PTRACE', version: '252' })!
    expect(fix.kind).toBe('restore')
    expect(fix.lines).toEqual(['CapabilityBoundingSet=', 'CapabilityBoundingSet=CAP_NET_BIND_SERVICE'])
    expect(fix.verified).toBe(true)
  })

  it('restores the base line of a weakened scalar', () => {
    const base = load(unitWith('ProtectSystem=strict'), 'u/a.service')
    const head = load(unitWith('ProtectSystem=full'), 'u/a.service')
    const fix = suggestRegressionFix({ base, head, rowId: 'ProtectSystem=', version: '252' })!
    expect(fix).toMatchObject({ kind: 'restore', lines: ['ProtectSystem=strict'], verified: true })
  })

  it('points at the head line to remove when the base relied on the default', () => {
    const base = load(unitWith(''), 'u/a.service')
    const head = load({ ...unitWith(''), 'u/a.service.d/x.conf': '[Service]\nNotifyAccess=all\n' }, 'u/a.service')
    const fix = suggestRegressionFix({ base, head, rowId: 'NotifyAccess=', version: '252' })!
    expect(fix.kind).toBe('remove')
    expect(fix.remove).toEqual([{ file: 'u/a.service.d/x.conf', line: 2, text: 'NotifyAccess=all' }])
    expect(fix.verified).toBe(true)
  })

  it('restores a list the head reset', () => {
    const base = load(unitWith('SystemCallFilter=@system-service\nSystemCallFilter=~@privileged'), 'u/a.service')
    const head = load(
      {
        ...unitWith('SystemCallFilter=@system-service\nSystemCallFilter=~@privileged'),
        'u/a.service.d/r.conf': '[Service]\nSystemCallFilter=\n',
      },
      'u/a.service',
    )
    const fix = suggestRegressionFix({ base, head, rowId: 'SystemCallFilter=~@mount', version: '252' })!
    expect(fix.kind).toBe('restore')
    expect(fix.lines).toEqual([
      'SystemCallFilter=',
      'SystemCallFilter=@system-service',
      'SystemCallFilter=~@privileged',
    ])
    expect(fix.verified).toBe(true)
  })

  it('traces a capability row back to the sandboxing option that used to drop it', () => {
    const base = load(unitWith('ProtectClock=yes'), 'u/a.service')
    const head = load(unitWith(''), 'u/a.service')
    const fix = suggestRegressionFix({ base, head, rowId: 'CapabilityBoundingSet=~CAP_SYS_TIME', version: '252' })!
    expect(fix.lines).toEqual(['ProtectClock=yes'])
    expect(fix.verified).toBe(true)
  })

  it('returns null for rows that did not regress or do not exist', () => {
    const s = load(unitWith(''), 'u/a.service')
    expect(suggestRegressionFix({ base: s, head: s, rowId: 'ProtectSystem=', version: '252' })).toBeNull()
    expect(suggestRegressionFix({ base: s, head: s, rowId: 'NoSuchRow=', version: '252' })).toBeNull()
  })
})
