import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import { formatExposure } from '../../src/model/exposure.js'
import { SYSTEMD_VERSIONS, type SystemdVersion } from '../../src/model/versions.js'
import { memorySource } from '../../src/unit/source.js'

function exposure(files: Record<string, string>, path: string, version: SystemdVersion): string {
  const r = assessUnitFile(memorySource(files), path, { version })
  if (!r.ok) throw new Error(r.error)
  return `${r.unit} ${formatExposure(r.exposure)} ${r.verdict}`
}

describe('engine', () => {
  it('scores a bare root daemon 9.6 on 252 and 9.4 from 254 on (PrivateMounts)', () => {
    const files = { 'd/a.service': '[Service]\nExecStart=/bin/true\n' }
    expect(SYSTEMD_VERSIONS.map((v) => exposure(files, 'd/a.service', v))).toEqual([
      'a.service 9.6 UNSAFE',
      'a.service 9.4 UNSAFE',
      'a.service 9.4 UNSAFE',
      'a.service 9.4 UNSAFE',
    ])
  })

  it("analyses templates under each version's instance name and applies drop-ins", () => {
    const files = {
      'd/t@.service': '[Service]\nExecStart=/bin/true\nUser=%i\n',
      'd/t@.service.d/10-net.conf': '[Service]\nPrivateNetwork=yes\n',
    }
    expect(exposure(files, 'd/t@.service', '252')).toBe('t@i.service 8.7 EXPOSED')
    expect(exposure(files, 'd/t@.service', '257')).toBe('t@test_instance.service 8.6 EXPOSED')
  })

  it('scores a unit whose file and drop-in carry 300,000 warnings each', () => {
    const junk = 'foo\n'.repeat(300_000)
    const files = {
      'd/a.service': `[Service]\nExecStart=/bin/true\n${junk}`,
      'd/a.service.d/x.conf': `[Service]\n${junk}`,
    }
    const r = assessUnitFile(memorySource(files), 'd/a.service', { version: '252' })
    expect(r.ok).toBe(true)
    expect(r.diagnostics).toHaveLength(600_000)
    expect(r.diagnostics[0]).toMatchObject({ file: 'd/a.service', line: 3, message: "Missing '=', ignoring line." })
  })

  it("records a socket's ExecStopPre= with its other commands; a service has none (systemd warns)", () => {
    const files = {
      'd/x.socket':
        '[Socket]\nListenStream=/run/x.sock\nExecStartPre=/bin/setup\nExecStopPre=+/bin/teardown\nExecStopPost=/bin/cleanup\n',
      'd/x.service': '[Service]\nExecStart=/bin/true\nExecStopPre=/bin/false\n',
    }
    const socket = assessUnitFile(memorySource(files), 'd/x.socket', { version: '252' })
    if (!socket.ok) throw new Error(socket.error)
    const exec = socket.service.state.exec
    expect([exec['ExecStartPre']!.length, exec['ExecStopPre']!.length, exec['ExecStopPost']!.length]).toEqual([1, 1, 1])
    expect(exec['ExecStopPre']![0]!.fullyPrivileged).toBe(true)
    const service = assessUnitFile(memorySource(files), 'd/x.service', { version: '252' })
    if (!service.ok) throw new Error(service.error)
    expect(service.service.state.exec['ExecStopPre']).toEqual([])
    expect(service.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/Unknown key.*'ExecStopPre'/)])
  })

  it('loads a missing instance file from its template', () => {
    const files = { 'd/t@.service': '[Service]\nExecStart=/bin/true\n' }
    expect(exposure(files, 'd/t@web.service', '252')).toBe('t@web.service 9.6 UNSAFE')
  })

  it('refuses units systemd refuses, with its reason', () => {
    const refuse = (text: string) => {
      const r = assessUnitFile(memorySource({ 'x.service': text }), 'x.service', { version: '252' })
      return r.ok ? 'scored' : r.error
    }
    expect(refuse('[Service]\nType=simple\n')).toMatch(/no ExecStart=/)
    expect(refuse('[Service]\nExecStart=/a\nExecStart=/b\n')).toMatch(/more than one ExecStart/)
    expect(refuse('[Service]\nExecStart=/a\nUser=a:b\n')).toMatch(/bad unit file setting/)
    expect(refuse('')).toMatch(/masked/)
    expect(refuse('[Service\nExecStart=/a\n')).toMatch(/bad unit file/)
  })

  it('never throws on binary garbage', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) & 0xff)
    const r = assessUnitFile(memorySource({ 'bin.service': bytes }), 'bin.service', { version: '262' })
    expect(r.ok).toBe(false)
  })
})
