import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../../src/engine.js'
import { SYSTEMD_VERSIONS, type SystemdVersion } from '../../../src/model/versions.js'
import type { ExecCommand } from '../../../src/service/state.js'
import { memorySource } from '../../../src/unit/source.js'

interface Loaded {
  readonly outcome: 'loaded' | 'refused'
  readonly commands: readonly Pick<ExecCommand, 'path' | 'fullyPrivileged' | 'noSetuid' | 'ambientMagic' | 'viaShell'>[]
  readonly messages: readonly string[]
}

function load(execStart: string, version: SystemdVersion): Loaded {
  const r = assessUnitFile(
    memorySource({ 'e.service': `[Service]\nType=oneshot\nExecStart=${execStart}\n` }),
    'e.service',
    { version },
  )
  const messages = r.diagnostics.map((d) => d.message)
  if (!r.ok) return { outcome: 'refused', commands: [], messages }
  const commands = r.service.state.exec['ExecStart']!.map(
    ({ path, fullyPrivileged, noSetuid, ambientMagic, viaShell }) => ({
      path,
      fullyPrivileged,
      noSetuid,
      ambientMagic,
      viaShell,
    }),
  )
  return { outcome: 'loaded', commands, messages }
}

const plain = { fullyPrivileged: false, noSetuid: false, ambientMagic: false, viaShell: false }
const OLD: SystemdVersion[] = ['252', '254', '257']

describe('the | prefix (262)', () => {
  it('runs the command through the shell in 262; older versions refuse |/path', () => {
    expect(load('|/bin/true', '262')).toEqual({
      outcome: 'loaded',
      commands: [{ ...plain, path: '/bin/sh', viaShell: true }],
      messages: [],
    })
    for (const v of OLD) {
      expect(load('|/bin/true', v)).toEqual({
        outcome: 'refused',
        commands: [],
        messages: ['Neither a valid executable name nor an absolute path: |/bin/true'],
      })
    }
  })

  it('is a file name of its own before 262: | alone and |true are executables named so', () => {
    for (const v of OLD) {
      expect(load('|', v).commands).toEqual([{ ...plain, path: '|' }])
      expect(load('|true', v).commands).toEqual([{ ...plain, path: '|true' }])
    }
    expect(load('|', '262').commands).toEqual([{ ...plain, path: '/bin/sh', viaShell: true }])
  })

  it('combines with @ - : + ! in any order in 262; the shell command is not checked as an executable', () => {
    expect(load('+|/bin/true', '262').commands).toEqual([
      { ...plain, path: '/bin/sh', viaShell: true, fullyPrivileged: true },
    ])
    expect(load('|!/bin/true', '262').commands).toEqual([{ ...plain, path: '/bin/sh', viaShell: true, noSetuid: true }])
    for (const cmd of [
      '@|/bin/true x',
      '|@/bin/true x',
      '-|/bin/false',
      ':|/bin/true',
      '|/usr/bin/',
      '|%e',
      '@|',
      '||/bin/true',
    ]) {
      expect(load(cmd, '262').outcome, cmd).toBe('loaded')
    }
    // Arguments are still expanded.
    expect(load('|/bin/true %e', '262').outcome).toBe('refused')
  })
})

describe('!! and privilege prefixes', () => {
  it('!! is ambient magic in 252–257; 262 ignores it with a notice', () => {
    for (const v of OLD)
      expect(load('!!/bin/true', v)).toEqual({
        outcome: 'loaded',
        commands: [{ ...plain, path: '/bin/true', ambientMagic: true }],
        messages: [],
      })
    expect(load('!!/bin/true', '262')).toEqual({
      outcome: 'loaded',
      commands: [{ ...plain, path: '/bin/true' }],
      messages: [
        'The !! modifier for ExecStart= lines is no longer supported and is now ignored. Please update your unit files and remove the modifier.',
      ],
    })
  })

  it('+ and ! exclude each other: the second becomes part of the executable name', () => {
    for (const v of SYSTEMD_VERSIONS) {
      expect(load('+!/bin/true', v).messages).toContain(
        'Neither a valid executable name nor an absolute path: !/bin/true',
      )
      expect(load('!+/bin/true', v).messages).toContain(
        'Neither a valid executable name nor an absolute path: +/bin/true',
      )
      expect(load('!!!/bin/true', v).messages).toContain(
        'Neither a valid executable name nor an absolute path: !/bin/true',
      )
      expect(load('@-/bin/true x', v).outcome).toBe('loaded')
      expect(load('@@/bin/true x', v).messages).toContain(
        'Neither a valid executable name nor an absolute path: @/bin/true',
      )
    }
  })
})

describe('command-line words', () => {
  it('keeps an unknown escape with a warning, as extract_first_word_and_warn() retries', () => {
    for (const v of SYSTEMD_VERSIONS) {
      expect(load('/bin/echo \\q', v)).toMatchObject({
        outcome: 'loaded',
        messages: ['Ignoring unknown escape sequences: "\\q"'],
      })
      expect(load('/bin/ech\\q', v).outcome).toBe('refused')
    }
  })

  it('an unbalanced quote ends the line: not fatal in the first word, fatal in an argument unless -', () => {
    expect(load('"/bin/echo\nExecStart=/bin/true', '252')).toMatchObject({
      outcome: 'loaded',
      messages: ['Unbalanced quoting, ignoring: ""/bin/echo"'],
    })
    expect(load('/bin/echo "x', '252').outcome).toBe('refused')
    expect(load('-/bin/echo "x\nExecStart=/bin/true', '252').outcome).toBe('loaded')
  })

  it('words the path checks per version', () => {
    expect(load('-@', '252').messages).toEqual(["Empty path in command line, ignoring: '-@'"])
    expect(load('-@', '257').messages).toEqual(['Empty path in command line, ignoring: -@'])
    expect(load('/usr/bin/.', '254').outcome).toBe('loaded')
    expect(load('/usr/bin/.', '257').messages).toEqual(['Executable path specifies a directory: /usr/bin/.'])
    expect(load('/bin/a\\x27b', '252').messages).toEqual(["Executable name contains special characters: /bin/a'b"])
    expect(load('/bin/a\\x27b', '262').messages).toEqual(["Executable path contains special characters: /bin/a'b"])
  })

  it('quotes what follows the previous command in messages about a later one', () => {
    expect(load('/bin/true ; @/bin/true', '252').messages).toEqual([
      'Empty executable name or zeroeth argument: @/bin/true',
    ])
  })
})
