import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import { SYSTEMD_VERSIONS, type SystemdVersion } from '../../src/model/versions.js'
import { memorySource } from '../../src/unit/source.js'

/** How systemd-analyze ends with a unit: its score, or "refused"; and the messages about the line. */
function load(text: string, version: SystemdVersion, name = 'sp.service'): { outcome: string; messages: string[] } {
  const r = assessUnitFile(memorySource({ [name]: `[Service]\n${text}\n` }), name, { version })
  const messages = r.diagnostics.map((d) => d.message)
  return { outcome: r.ok ? 'loaded' : 'refused', messages }
}

// Logged about the unit (its name), not a line: "sp.service: Specifier '%c' used …".
const DEPRECATED = (c: string) =>
  `sp.service: Specifier '%${c}' used in unit configuration, which is deprecated. Please update your unit file, as it does not work as intended.`

describe('specifiers in Exec*= lines (observed on 252, 254, 257, 262)', () => {
  it('%c, %r and %R are kept, with the deprecation warning', () => {
    for (const v of SYSTEMD_VERSIONS) {
      for (const c of ['c', 'r', 'R']) {
        expect(load(`ExecStart=/bin/echo %${c}`, v)).toEqual({ outcome: 'loaded', messages: [DEPRECATED(c)] })
        expect(load(`ExecStart=-/usr/bin/x%${c}`, v)).toEqual({ outcome: 'loaded', messages: [DEPRECATED(c)] })
      }
    }
  })

  it('%D is an invalid slot in 252/254 (fatal, or the line dropped with -) and /usr/share from 257', () => {
    expect(load('ExecStart=/bin/echo %D', '252')).toEqual({
      outcome: 'refused',
      messages: ['Failed to resolve unit specifiers in %D: Invalid slot'],
    })
    expect(load('ExecStart=-/bin/echo %D\nExecStart=/bin/true', '254')).toEqual({
      outcome: 'loaded',
      messages: ['Failed to resolve unit specifiers in %D, ignoring: Invalid slot'],
    })
    expect(load('ExecStart=/bin/echo %D', '257')).toEqual({ outcome: 'loaded', messages: [] })
    expect(load('ExecStart=%D/x', '262')).toEqual({ outcome: 'loaded', messages: [] })
  })

  it('unknown letters and digits fail; other characters after % and a trailing % stay literal', () => {
    for (const v of SYSTEMD_VERSIONS) {
      for (const c of ['e', 'k', 'x', 'z', 'F', 'K', 'O', 'Q', 'X', 'Z', '0', '9'])
        expect(load(`ExecStart=/bin/echo %${c}`, v).outcome).toBe('refused')
      for (const word of ['%-', '%/', '%_', '%.', '%@', '%~', '%', 'x%', '%%'])
        expect(load(`ExecStart=/bin/echo ${word}`, v)).toEqual({ outcome: 'loaded', messages: [] })
      expect(load('ExecStart=/usr/bin/x%', v).outcome).toBe('loaded')
    }
  })

  it('quotes the failing argument from 257 on, the executable always', () => {
    expect(load('ExecStart=/bin/echo %e', '254').messages).toEqual([
      'Failed to resolve unit specifiers in %e: Invalid slot',
    ])
    expect(load('ExecStart=/bin/echo %e', '257').messages).toEqual([
      "Failed to resolve unit specifiers in '%e': Invalid slot",
    ])
    expect(load('ExecStart=/usr/bin/x%e', '252').messages).toEqual([
      "Failed to resolve unit specifiers in '/usr/bin/x%e': Invalid slot",
    ])
  })

  it('%f fails on names that do not unescape to a normalized path', () => {
    for (const name of ['foo-.service', '-foo.service', 'a--b.service'])
      expect(load('ExecStart=/bin/echo %f', '252', name).outcome).toBe('refused')
    expect(load('ExecStart=/bin/echo %f', '252', '-.service').outcome).toBe('loaded')
  })
})

describe('specifiers in other settings', () => {
  it('User= resolving to a path is invalid; %U and %u are root', () => {
    expect(load('ExecStart=/bin/true\nUser=%c', '252')).toEqual({
      outcome: 'refused',
      messages: [DEPRECATED('c'), 'Invalid user/group name or numeric ID: /sp.service'],
    })
    for (const spec of ['%u', '%U', '%g', '%G']) {
      const r = assessUnitFile(
        memorySource({ 'u.service': `[Service]\nExecStart=/bin/true\nUser=${spec}\n` }),
        'u.service',
        { version: '257' },
      )
      expect(r.ok && r.rows.find((row) => row.id === 'User=/DynamicUser=')?.set).toBe(false)
    }
  })

  it('each parser words its specifier failure as systemd does, fatal or not', () => {
    expect(load('ExecStart=/bin/true\nRootDirectory=/x%e', '252')).toEqual({
      outcome: 'refused',
      messages: ["Failed to resolve unit specifiers in '/x%e': Invalid slot"],
    })
    expect(load('ExecStart=/bin/true\nWorkingDirectory=-/x%e', '252')).toEqual({
      outcome: 'loaded',
      messages: ["Failed to resolve unit specifiers in working directory path '/x%e', ignoring: Invalid slot"],
    })
    expect(load('ExecStart=/bin/true\nDeviceAllow=/dev/x%e rw', '262')).toEqual({
      outcome: 'loaded',
      messages: ["Failed to resolve unit specifiers in '/dev/x%e', ignoring: Invalid slot"],
    })
    expect(load('ExecStart=/bin/true\nIPIngressFilterPath=/sys/fs/bpf/%e', '254')).toEqual({
      outcome: 'loaded',
      messages: ["Failed to resolve unit specifiers in '/sys/fs/bpf/%e', ignoring: Invalid slot"],
    })
    expect(load('ExecStart=/bin/true\nUser=nobody\nSupplementaryGroups=x%cy', '252')).toEqual({
      outcome: 'refused',
      // As systemd: User=nobody is warned about first (golden specifiers/supplementary-deprecated).
      messages: [
        'Special user nobody configured, this is not safe!',
        DEPRECATED('c'),
        'Invalid user/group name or numeric ID: x/sp.servicey',
      ],
    })
  })
})
