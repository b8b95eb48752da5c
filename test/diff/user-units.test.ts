/**
 * User units (history survey FA-1: podman, syncthing): a unit kept under `…/systemd/user/` runs
 * in a user's own service manager, as that user — no privilege to widen. The same unit under
 * `…/systemd/system/` is a root service.
 */
import { describe, expect, it } from 'vitest'
import { review } from '../helpers/review.js'

const PODMAN =
  '[Unit]\nDescription=Podman API Service\n\n[Service]\nDelegate=true\nType=exec\nKillMode=process\nExecStart=/usr/bin/podman $LOGGING system service\n\n[Install]\nWantedBy=default.target\n'

describe('user units', () => {
  it('a new user unit without User= runs as the user who starts it, not as root; the same file as a system unit does', () => {
    const user = review({}, { 'contrib/systemd/user/podman.service': PODMAN })
    expect(user.verdict).toBe('pass')
    expect(user.services[0]!.capabilities.after).toMatchObject({ root: false, held: [], reachable: [], elevated: [] })
    // Still scored, and listed.
    expect(user.services[0]!.after).not.toBeNull()
    const system = review({}, { 'contrib/systemd/system/podman.service': PODMAN })
    expect(system.verdict).toBe('fail')
    expect(system.failures[0]!.message).toMatch(/podman\.service is new and runs as root/)
  })

  it('a + command or removed NoNewPrivileges= in a user unit grants nothing', () => {
    const base = {
      'etc/systemd/user/syncthing.service': '[Service]\nExecStart=/usr/bin/syncthing serve\nNoNewPrivileges=true\n',
    }
    const r = review(base, {
      'etc/systemd/user/syncthing.service':
        '[Service]\nExecStartPre=+/usr/bin/setup\nExecStart=/usr/bin/syncthing serve\n',
    })
    expect(r.verdict).toBe('pass')
    expect(r.services[0]!.capabilities.widened).toEqual([])
  })

  it("vendored Go dependencies (Godeps/_workspace) are not the repository's units", () => {
    const r = review({}, { 'Godeps/_workspace/src/github.com/x/y/y.service': '[Service]\nExecStart=/usr/bin/y\n' })
    expect(r.services).toEqual([])
  })
})

describe('build-template variants', () => {
  it('a template named for one build system or version is the same unit (history survey M-2: pdns.service.meson.in, netdata.service.v235.in)', () => {
    const r = review(
      {},
      {
        'pdns/pdns.service.meson.in':
          '[Service]\nExecStart=@sbindir@/pdns_server\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n',
      },
    )
    expect(r.services.map((s) => [s.unit, s.path])).toEqual([['pdns.service', 'pdns/pdns.service.meson.in']])
    expect(r.verdict).toBe('fail')
    const v = review(
      {
        'system/netdata.service.v235.in':
          '[Service]\nExecStart=@sbindir_POST@/netdata\nUser=netdata\nNoNewPrivileges=yes\n',
      },
      { 'system/netdata.service.v235.in': '[Service]\nExecStart=@sbindir_POST@/netdata\nUser=netdata\n' },
    )
    expect(v.verdict).toBe('fail')
  })
})

describe('renames git does not see', () => {
  const helper = (name: string, comment: string) =>
    `${comment}[Unit]\nDescription=${name}\n\n[Service]\nType=dbus\nBusName=org.freedesktop.${name}\nExecStart=/usr/libexec/${name}\nCapabilityBoundingSet=CAP_DAC_OVERRIDE\nPrivateTmp=yes\nProtectSystem=strict\nProtectHome=yes\nNoNewPrivileges=yes\nRestrictRealtime=yes\n\n[Install]\nAlias=dbus-org.freedesktop.${name}.service\n`
  const longComment = Array.from({ length: 40 }, (_, i) => `# note ${i}: how this helper came to be\n`).join('')

  it('a unit renamed while its comments went and a few settings changed keeps its baseline (history survey FA-5: NetworkManager nm-sudo → nm-priv-helper)', () => {
    const r = review(
      { 'data/nm-sudo.service': helper('nm-sudo', longComment) },
      { 'data/nm-sudo.service': null, 'data/nm-priv-helper.service': helper('nm-priv-helper', '') },
    )
    expect(r.services.map((s) => [s.unit, s.status, s.basePath])).toEqual([
      ['nm-priv-helper.service', 'renamed', 'data/nm-sudo.service'],
    ])
    expect(r.verdict).toBe('pass')
  })

  it('a root unit deleted and an unrelated one added are still a new root unit', () => {
    const other = '[Service]\nExecStart=/usr/bin/other --daemon\nType=forking\nPIDFile=/run/other.pid\nRestart=always\n'
    const r = review(
      { 'data/nm-sudo.service': helper('nm-sudo', '') },
      { 'data/nm-sudo.service': null, 'data/other.service': other },
    )
    expect(r.verdict).toBe('fail')
    expect(r.failures[0]!.message).toMatch(/other\.service is new and runs as root/)
  })
})

describe('files named like units that are source code', () => {
  it('an Angular user.service.ts is not listed as a unit not reviewed; mosquitto.service.notify still is (history survey R-6: syncthing)', () => {
    const r = review(
      {},
      {
        'web/app/user.service.ts': 'export class UserService {}\n',
        'service/mosquitto.service.notify': '[Service]\nExecStart=/usr/sbin/mosquitto\n',
      },
    )
    expect(r.skipped.map((s) => s.path)).toEqual(['service/mosquitto.service.notify'])
  })
})
