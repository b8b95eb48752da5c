import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import type { SystemdVersion } from '../../src/model/versions.js'
import { imagePolicyFailure } from '../../src/service/image-policy.js'
import { memorySource } from '../../src/unit/source.js'

const HARDENING = 'User=app\nNoNewPrivileges=yes\n'

/** A drop-in `line` then the hardening: the user the unit ends up with and the error, if any. */
function dropIn(line: string, version: SystemdVersion) {
  const files = {
    'd/a.service': '[Service]\nExecStart=/bin/true\n',
    'd/a.service.d/50.conf': `[Service]\n${line}\n${HARDENING}`,
  }
  const r = assessUnitFile(memorySource(files), 'd/a.service', { version })
  if (!r.ok) throw new Error(r.error)
  return { user: r.service.state.user, error: r.diagnostics.find((d) => d.severity === 'error')?.message }
}

/** The same line in the fragment: null when it loads, else why not. */
function fragment(line: string, version: SystemdVersion): string | null {
  const r = assessUnitFile(
    memorySource({ 'd/a.service': `[Service]\nExecStart=/bin/true\n${line}\n${HARDENING}` }),
    'd/a.service',
    { version },
  )
  return r.ok ? null : r.error
}

describe('settings the engine ignores but whose parser fails fatally (attack1 B8)', () => {
  it.each(['AppArmorProfile', 'SELinuxContext', 'SmackProcessLabel'])(
    '%s= with a specifier that does not resolve ends the drop-in, unless it starts with -',
    (key) => {
      for (const v of ['252', '262'] as const) {
        expect(dropIn(`${key}=app-%z`, v)).toEqual({
          user: null,
          error: "Failed to resolve unit specifiers in 'app-%z': Invalid slot",
        })
        expect(dropIn(`${key}=-app-%z`, v)).toEqual({ user: 'app', error: undefined })
        expect(dropIn(`${key}=app-%n`, v).user).toBe('app')
      }
    },
  )

  it('PIDFile= fails on `..` (all versions) and below /proc, /sys, /dev from 257 on, though systemd says "ignoring"', () => {
    expect(dropIn('PIDFile=/run/app/../app.pid', '252')).toEqual({
      user: null,
      error: 'PIDFile= path is not normalized, ignoring: /run/app/../app.pid',
    })
    expect(fragment('PIDFile=/proc/app.pid', '254')).toBeNull()
    expect(fragment('PIDFile=/proc/app.pid', '257')).toMatch(
      /PIDFile= path is below API VFS, ignoring: \/proc\/app\.pid/,
    )
    // Relative paths go below /run; a specifier that does not resolve is only a warning.
    expect(fragment('PIDFile=app/./x//app.pid', '262')).toBeNull()
    expect(fragment('PIDFile=../dev/x.pid', '262')).toMatch(
      /PIDFile= path is not normalized, ignoring: \/run\/..\/dev\/x.pid/,
    )
    expect(dropIn('PIDFile=/run/%z.pid', '252').user).toBe('app')
  })

  it('262: RootMStack= is a fatal path (config_parse_unit_path_printf() with ltype 1); older versions do not know it', () => {
    expect(dropIn('RootMStack=/a/../b', '262')).toEqual({
      user: null,
      error: 'RootMStack= path is not normalized: /a/../b',
    })
    expect(fragment('RootMStack=rel', '262')).toMatch(/RootMStack= path is not absolute: rel/)
    expect(fragment('RootMStack=/proc/x', '262')).toBeNull()
    expect(dropIn('RootMStack=/a/../b', '257').user).toBe('app')
  })

  it('image policies: 254/257 refuse unknown partitions and flags, 262 skips them; syntax errors fail everywhere', () => {
    const value = 'root=verity+signed:usr=bogus'
    expect(dropIn(`RootImagePolicy=${value}`, '257')).toEqual({
      user: null,
      error: `Unknown partition policy flag in image policy, refusing: ${value}`,
    })
    expect(dropIn(`RootImagePolicy=${value}`, '262').user).toBe('app')
    expect(dropIn(`RootImagePolicy=${value}`, '252').user).toBe('app')
    expect(imagePolicyFailure('bogus=open', false)).toMatch(/^Unknown partition type/)
    expect(imagePolicyFailure('bogus=open', true)).toBeUndefined()
    for (const skip of [false, true]) {
      expect(imagePolicyFailure('root=open:usr=verity:root=open', skip)).toMatch(/^Duplicate rule/)
      expect(imagePolicyFailure('=open:=open', skip)).toMatch(/^Duplicate rule/)
      for (const bad of ['root=verity:', 'root=open::usr=open', 'root', ':', '%z', 'rel/ative', '"unbalanced']) {
        expect(imagePolicyFailure(bad, skip)).toMatch(/^Failed to parse image policy/)
      }
      for (const good of [
        '-',
        '*',
        '~',
        'root=',
        '=verity',
        'root =open',
        'root=verity+ signed',
        'root=-',
        'root=read-only-on+growfs-off',
      ]) {
        expect(imagePolicyFailure(good, skip)).toBeUndefined()
      }
    }
    expect(imagePolicyFailure('root=verity++signed', false)).toMatch(/^Unknown partition policy flag/)
    expect(imagePolicyFailure('root=verity++signed', true)).toBeUndefined()
  })
})

describe("a socket's SocketUser=/SocketGroup= (config_parse_user_group_compat())", () => {
  it('refuses the socket on a specifier that does not resolve or an invalid name, as User= does', () => {
    const load = (line: string) => {
      const r = assessUnitFile(
        memorySource({ 'd/s.socket': `[Socket]\nListenStream=/run/s.sock\n${line}\n` }),
        'd/s.socket',
        { version: '257' },
      )
      return r.ok ? null : r.error
    }
    expect(load('SocketUser=%z')).toMatch(/Failed to resolve unit specifiers in %z: Invalid slot/)
    expect(load('SocketGroup=bad:name')).toMatch(/Invalid user\/group name or numeric ID: bad:name/)
    expect(load('SocketUser=app\nSocketGroup=0')).toBeNull()
  })
})

describe('Delegate= (config_parse_delegate())', () => {
  it('ignores a controller list with an unbalanced quote, on every version', () => {
    for (const v of ['252', '262'] as const) {
      const r = assessUnitFile(
        memorySource({ 'd/a.service': '[Service]\nExecStart=/bin/true\nDelegate=cpu "unbalanced\n' }),
        'd/a.service',
        { version: v },
      )
      if (!r.ok) throw new Error(r.error)
      expect(r.service.state.delegate).toBe(false)
      expect(r.diagnostics.map((d) => d.message)).toEqual(['Invalid syntax, ignoring: cpu "unbalanced'])
    }
  })

  it('applies only to services and scopes (can_delegate): a mount, socket or slice ignores it', () => {
    for (const [path, text] of [
      ['d/srv-deleg.mount', '[Mount]\nWhat=/dev/sdb1\nWhere=/srv/deleg\nDelegate=yes\n'],
      ['d/deleg.socket', '[Socket]\nListenStream=/run/deleg.sock\nDelegate=yes\n'],
      ['d/deleg.slice', '[Slice]\nDelegate=yes\n'],
    ] as const) {
      const r = assessUnitFile(memorySource({ [path]: text }), path, { version: '252' })
      if (!r.ok) throw new Error(r.error)
      expect(r.service.state.delegate).toBe(false)
      expect(r.diagnostics.map((d) => d.message)).toContain(
        'Delegate= setting not supported for this unit type, ignoring.',
      )
    }
  })
})
