import { describe, expect, it } from 'vitest'
import type { CliIO } from '../../src/cli/io.js'
import { recommendCommand } from '../../src/cli/recommend.js'
import { UsageError } from '../../src/cli/usage.js'
import { memorySource } from '../../src/unit/source.js'

function run(args: string[], files: Record<string, string>): { rc: number; out: string; err: string } {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdout: (t) => void (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    stderr: (t) => void (err += t),
    readTextFile: () => '',
    source: memorySource(files),
    env: {},
    cwd: '/',
  }
  return { rc: recommendCommand(args, io), out, err }
}

const FILES = {
  'u/web.service': '[Unit]\nAfter=network-online.target\n[Service]\nExecStart=/usr/sbin/nginx\n',
  'u/app.service': '[Service]\nUser=app\nExecStart=/usr/bin/node /srv/app.js\n',
}

describe('systemd-exposure recommend', () => {
  it('refuses other unit types with a clear message (its drop-ins are [Service] sections)', () => {
    const { rc, out } = run(['--format', 'json', 'u/web.socket'], { 'u/web.socket': '[Socket]\nListenStream=80\n' })
    expect(rc).toBe(1)
    expect(JSON.parse(out)).toEqual([
      { path: 'u/web.socket', error: 'recommend supports .service units only, not .socket' },
    ])
  })

  it('prints one JSON document: an array with one object per unit file, in argument order', () => {
    const { rc, out } = run(
      ['--format', 'json', '--systemd-version', '257', 'u/web.service', 'u/missing.service', 'u/app.service'],
      FILES,
    )
    expect(rc).toBe(1)
    const doc = JSON.parse(out) as Record<string, unknown>[]
    expect(doc).toHaveLength(3)
    expect(doc[0]).toMatchObject({ unit: 'web.service', path: 'u/web.service', systemdVersion: '257' })
    expect(doc[1]).toEqual({ path: 'u/missing.service', error: expect.stringMatching(/not found/) })
    expect(doc[2]).toMatchObject({ unit: 'app.service' })
    const first = doc[0] as {
      exposure: number
      predicted: number
      phases: { name: string; directives: unknown[]; risk: string; exposure: number }[]
      dropin: { path: string; content: string }
    }
    expect(typeof first.exposure).toBe('number')
    expect(first.predicted).toBeLessThan(first.exposure)
    expect(first.phases[0]).toMatchObject({ name: 'Low-risk trio', risk: 'low' })
    expect(first.phases[0]!.directives[0]).toEqual({
      directive: 'NoNewPrivileges',
      value: 'yes',
      risk: 'low',
      reason: expect.any(String),
      protects: expect.any(String),
      breaks: expect.any(String),
    })
    expect(first.dropin.path).toBe('web.service.d/hardening.conf')
    expect(out.trim().split('\n')).toHaveLength(1)
  })

  it('prints a readable plan with the drop-in', () => {
    const { rc, out } = run(['u/web.service'], FILES)
    expect(rc).toBe(0)
    expect(out).toMatch(/^web\.service \(u\/web\.service\), systemd 252\n/)
    expect(out).toMatch(/Phase 1: Low-risk trio, risk low: 9\.6 → \d\.\d/)
    expect(out).toContain('Drop-in web.service.d/hardening.conf:')
    expect(out).toContain('    [Service]')
  })

  it('rejects bad usage', () => {
    expect(() => run([], FILES)).toThrow(UsageError)
    expect(() => run(['--format', 'yaml', 'u/web.service'], FILES)).toThrow(UsageError)
    expect(() => run(['--systemd-version', '249', 'u/web.service'], FILES)).toThrow(UsageError)
  })
})
