import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import { SYSTEMD_VERSIONS, type SystemdVersion } from '../../src/model/versions.js'
import { CATALOGUE, honouredBy } from '../../src/recommend/catalogue.js'
import { recommendUnitFile } from '../../src/recommend/recommend.js'
import { memorySource } from '../../src/unit/source.js'
import { lines, recommend, skipReason, suggested, unit, verifyPredictions, type Files } from './helpers.js'

/** Realistic units, as packages ship them. */
const UNITS: Record<string, { files: Files; path: string }> = {
  'unhardened network daemon (nginx-like)': {
    path: 'lib/nginx.service',
    files: {
      'lib/nginx.service': `[Unit]
Description=A high performance web server and a reverse proxy server
After=network-online.target remote-fs.target nss-lookup.target
Wants=network-online.target

[Service]
Type=forking
PIDFile=/run/nginx.pid
ExecStartPre=/usr/sbin/nginx -t -q -g 'daemon on; master_process on;'
ExecStart=/usr/sbin/nginx -g 'daemon on; master_process on;'
ExecReload=/usr/sbin/nginx -g 'daemon on; master_process on;' -s reload
ExecStop=-/sbin/start-stop-daemon --quiet --stop --retry QUIT/5 --pidfile /run/nginx.pid
TimeoutStopSec=5
KillMode=mixed

[Install]
WantedBy=multi-user.target
`,
    },
  },
  'mail transfer agent (postfix-like, chroot)': {
    path: 'lib/postfix.service',
    files: {
      'lib/postfix.service': `[Unit]
Description=Postfix Mail Transport Agent
After=network-online.target nss-lookup.target
Wants=network-online.target

[Service]
Type=forking
PIDFile=/var/spool/postfix/pid/master.pid
ExecStart=/usr/sbin/postfix start
ExecStop=/usr/sbin/postfix stop
ExecReload=/usr/sbin/postfix reload
`,
    },
  },
  'node app with its own user': {
    path: 'etc/nodeapp.service',
    files: {
      'etc/nodeapp.service': `[Unit]
Description=Node application
After=network.target

[Service]
User=app
Group=app
WorkingDirectory=/srv/nodeapp
Environment=NODE_ENV=production PORT=3000
ExecStart=/usr/bin/node /srv/nodeapp/server.js
Restart=on-failure
`,
    },
  },
  'java app': {
    path: 'etc/jenkins.service',
    files: {
      'etc/jenkins.service': `[Unit]
Description=Jenkins
After=network.target

[Service]
Type=notify
User=jenkins
Environment=JENKINS_HOME=/var/lib/jenkins
ExecStart=/usr/bin/java -Djava.awt.headless=true -jar /usr/share/java/jenkins.war --httpPort=8080
`,
    },
  },
  'root daemon on ports 80 and 443': {
    path: 'etc/webd.service',
    files: {
      'etc/webd.service': `[Unit]
Description=Web daemon
After=network-online.target

[Service]
ExecStart=/usr/local/bin/webd --http :80 --https 0.0.0.0:443 --data-dir /var/lib/webd --log /var/log/webd/access.log
Restart=on-failure
`,
    },
  },
  'time daemon': {
    path: 'lib/chrony.service',
    files: {
      'lib/chrony.service': `[Unit]
Description=chrony, an NTP client/server
After=network.target

[Service]
Type=forking
PIDFile=/run/chrony/chronyd.pid
EnvironmentFile=-/etc/default/chrony
ExecStart=/usr/sbin/chronyd $DAEMON_OPTS
`,
    },
  },
  'template unit': {
    path: 'lib/worker@.service',
    files: {
      'lib/worker@.service': `[Unit]
Description=Queue worker %i
After=network-online.target

[Service]
User=worker
ExecStart=/usr/bin/queue-worker --queue %i --state /var/lib/worker/%i
`,
    },
  },
  'already hardened unit': {
    path: 'lib/systemd-timesyncd.service',
    files: {
      'lib/systemd-timesyncd.service': `[Unit]
Description=Network Time Synchronization
DefaultDependencies=no

[Service]
AmbientCapabilities=CAP_SYS_TIME
BusName=org.freedesktop.timesync1
CapabilityBoundingSet=CAP_SYS_TIME
ExecStart=!!/lib/systemd/systemd-timesyncd
LockPersonality=yes
MemoryDenyWriteExecute=yes
NoNewPrivileges=yes
PrivateDevices=yes
PrivateTmp=yes
ProtectProc=invisible
ProtectControlGroups=yes
ProtectHome=yes
ProtectHostname=yes
ProtectKernelLogs=yes
ProtectKernelModules=yes
ProtectKernelTunables=yes
ProtectSystem=strict
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RuntimeDirectory=systemd/timesync
StateDirectory=systemd/timesync
SystemCallArchitectures=native
SystemCallErrorNumber=EPERM
SystemCallFilter=@system-service @clock
Type=notify
User=systemd-timesync
`,
    },
  },
  'unit with drop-ins of its own': {
    path: 'lib/redis-server.service',
    files: {
      'lib/redis-server.service': `[Unit]
Description=Advanced key-value store
After=network.target

[Service]
Type=notify
ExecStart=/usr/bin/redis-server /etc/redis/redis.conf --supervised systemd --daemonize no
User=redis
Group=redis
RuntimeDirectory=redis
UMask=007
PrivateTmp=yes
`,
      'lib/redis-server.service.d/10-limits.conf': '[Service]\nLimitNOFILE=65535\nNoNewPrivileges=yes\n',
      'lib/redis-server.service.d/override.conf': '[Service]\nProtectSystem=full\n',
      'lib/service.d/hardening.conf': '[Service]\nLockPersonality=yes\n',
    },
  },
}

describe('recommendations: predicted scores', () => {
  for (const [name, { files, path }] of Object.entries(UNITS)) {
    it(`predicts exactly what the engine scores with the drop-in, per phase, for a ${name}`, () => {
      for (const v of SYSTEMD_VERSIONS) verifyPredictions(files, path, recommend(files, path, v), v)
    })
  }

  it("takes a typical unhardened network daemon from UNSAFE to OK or better, stating each step's risk", () => {
    for (const key of [
      'unhardened network daemon (nginx-like)',
      'root daemon on ports 80 and 443',
      'mail transfer agent (postfix-like, chroot)',
    ]) {
      const { files, path } = UNITS[key]!
      for (const v of SYSTEMD_VERSIONS) {
        const r = recommend(files, path, v)
        expect(r.verdict).toBe('UNSAFE')
        expect(['OK', 'SAFE', 'PERFECT']).toContain(r.predictedVerdict)
        for (const p of r.phases) expect(['low', 'medium', 'high']).toContain(p.risk)
        expect(r.dropin.content).toMatch(/# Phase 1: Low-risk trio \(risk: low\) → \d\.\d [A-Z]+\n/)
      }
    }
  })

  it('orders the phases by rollout and keeps each phase to what the unit lacks', () => {
    const { files, path } = UNITS['unhardened network daemon (nginx-like)']!
    const r = recommend(files, path)
    expect(r.phases.map((p) => p.id)).toEqual(['basics', 'kernel', 'filesystem', 'privileges', 'network'])
    expect(r.phases[0]!.directives.map((d) => d.directive)).toEqual(['NoNewPrivileges', 'PrivateTmp', 'ProtectHome'])
    expect(r.phases[1]!.directives.map((d) => d.directive)).toEqual([
      'ProtectKernelTunables',
      'ProtectKernelModules',
      'ProtectKernelLogs',
      'ProtectControlGroups',
      'ProtectClock',
      'ProtectHostname',
      'RestrictSUIDSGID',
      'RestrictRealtime',
      'LockPersonality',
      'SystemCallArchitectures',
    ])
    for (const d of r.phases.flatMap((p) => p.directives)) {
      expect(d.protects.length).toBeGreaterThan(0)
      expect(d.breaks.length).toBeGreaterThan(0)
      expect(d.reason.length).toBeGreaterThan(0)
    }
  })
})

describe('recommendations: never what is in effect, never too new, never ignored', () => {
  it('suggests nothing an already hardened unit has, and says what is in effect', () => {
    const { files, path } = UNITS['already hardened unit']!
    for (const v of SYSTEMD_VERSIONS) {
      const r = recommend(files, path, v)
      const offered = new Set(r.phases.flatMap((p) => p.directives.map((d) => d.directive)))
      for (const d of [
        'NoNewPrivileges',
        'PrivateTmp',
        'ProtectHome',
        'ProtectSystem',
        'RestrictNamespaces',
        'SystemCallFilter',
        'MemoryDenyWriteExecute',
        'CapabilityBoundingSet',
      ]) {
        expect(offered.has(d), d).toBe(false)
      }
      expect(r.inEffect).toEqual(
        expect.arrayContaining(['NoNewPrivileges', 'ProtectSystem', 'RestrictNamespaces', 'SystemCallFilter']),
      )
    }
  })

  it('judges "in effect" on the effective service, not on the text', () => {
    // DynamicUser= implies NoNewPrivileges=, PrivateTmp=, ProtectSystem=strict and RestrictSUIDSGID=.
    const files = { 'u/d.service': '[Service]\nExecStart=/usr/bin/d\nDynamicUser=yes\n' }
    const r = recommend(files, 'u/d.service')
    for (const d of ['NoNewPrivileges', 'PrivateTmp', 'ProtectSystem', 'RestrictSUIDSGID', 'DynamicUser', 'User']) {
      expect(suggested(r, d), d).toBeUndefined()
    }
    // …and a line systemd ignores does not count: PrivateTmp=disconnected means nothing to 252.
    const ignored = { 'u/t.service': '[Service]\nUser=t\nExecStart=/usr/bin/t\nPrivateTmp=disconnected\n' }
    expect(suggested(recommend(ignored, 'u/t.service', '252'), 'PrivateTmp')).toBe('yes')
    expect(suggested(recommend(ignored, 'u/t.service', '257'), 'PrivateTmp')).toBeUndefined()
  })

  it('only uses values the target systemd honours', () => {
    for (const [, { files, path }] of Object.entries(UNITS)) {
      for (const v of SYSTEMD_VERSIONS) {
        const r = recommend(files, path, v)
        for (const line of lines(r)) {
          const [directive] = line.split('=')
          const entries = CATALOGUE.filter((e) => e.directive === directive)
          expect(
            entries.some((e) => honouredBy(e, v)),
            `${v} ${line}`,
          ).toBe(true)
        }
        if (Number(v) < 257) expect(r.dropin.content).not.toContain('PrivateTmp=disconnected')
      }
    }
    const { files, path } = UNITS['node app with its own user']!
    expect(suggested(recommend(files, path, '254'), 'PrivateTmp')).toBe('yes')
    expect(suggested(recommend(files, path, '257'), 'PrivateTmp')).toBe('disconnected')
  })

  it('loads the drop-in without a single warning in every version', () => {
    for (const [, { files, path }] of Object.entries(UNITS)) {
      for (const v of SYSTEMD_VERSIONS) {
        const r = recommend(files, path, v)
        const at = `${path.slice(0, path.lastIndexOf('/'))}/${r.dropin.path}`
        const a = assessUnitFile(memorySource({ ...files, [at]: r.dropin.content }), path, { version: v })
        expect(a.ok && a.diagnostics.filter((d) => d.file === at)).toEqual([])
      }
    }
  })
})

describe('recommendations: where the drop-in goes', () => {
  it("puts a template's drop-in in foo@.service.d, which systemd reads for every instance", () => {
    const { files, path } = UNITS['template unit']!
    for (const v of ['252', '257'] as SystemdVersion[]) {
      const r = recommend(files, path, v)
      expect(r.unit).toBe(v === '252' ? 'worker@i.service' : 'worker@test_instance.service')
      expect(r.dropin.path).toBe('worker@.service.d/hardening.conf')
      expect(r.dropin.content).toContain("systemctl restart 'worker@*.service'")
    }
    // An instance file gets its own, more specific directory.
    const instance = recommend({ 'lib/worker@.service': files['lib/worker@.service']! }, 'lib/worker@a.service')
    expect(instance.dropin.path).toBe('worker@a.service.d/hardening.conf')
  })

  it("keeps the unit's own drop-ins, picks a free name, and drops what a later drop-in overrides", () => {
    const { files, path } = UNITS['unit with drop-ins of its own']!
    const r = recommend(files, path)
    // service.d/hardening.conf already applies to every service: ours must not shadow it.
    expect(r.dropin.path).toBe('redis-server.service.d/hardening-2.conf')
    // override.conf sorts after ours and sets ProtectSystem=full.
    expect(suggested(r, 'ProtectSystem')).toBeUndefined()
    expect(skipReason(r, 'ProtectSystem')).toMatch(/override\.conf/)
    expect(suggested(r, 'NoNewPrivileges')).toBeUndefined()
    expect(suggested(r, 'LockPersonality')).toBeUndefined()
    expect(r.inEffect).toEqual(expect.arrayContaining(['NoNewPrivileges', 'PrivateTmp', 'LockPersonality']))
  })

  it('leaves out the write locations of a ProtectSystem=strict a later drop-in overrides', () => {
    const files = {
      'u/d.service': '[Service]\nUser=d\nExecStart=/usr/bin/d --data /var/lib/d\n',
      'u/d.service.d/zz-local.conf': '[Service]\nProtectSystem=full\n',
    }
    const r = recommend(files, 'u/d.service')
    expect(suggested(r, 'ProtectSystem')).toBeUndefined()
    expect(suggested(r, 'StateDirectory')).toBeUndefined()
    expect(skipReason(r, 'StateDirectory')).toMatch(/goes with ProtectSystem=strict/)
    verifyPredictions(files, 'u/d.service', r, '252')
  })

  it('ends with a rollback note and comments every phase with its risk and score', () => {
    const { files, path } = UNITS['root daemon on ports 80 and 443']!
    const r = recommend(files, path)
    expect(r.dropin.path).toBe('webd.service.d/hardening.conf')
    expect(r.dropin.content).toContain(
      "# Rollback, one command: rm /etc/systemd/system/webd.service.d/hardening.conf && systemctl daemon-reload && systemctl restart 'webd.service'",
    )
    expect(r.rollback).toBe(
      "rm /etc/systemd/system/webd.service.d/hardening.conf && systemctl daemon-reload && systemctl restart 'webd.service'",
    )
    expect(r.dropin.content.match(/^# Phase \d+: .* \(risk: (low|medium|high)\) → \d\.\d [A-Z]+$/gm)).toHaveLength(
      r.phases.length,
    )
    expect(r.dropin.content).toContain('[Service]')
  })

  it('reports a unit that cannot be loaded instead of throwing', () => {
    const r = recommendUnitFile(memorySource({ 'u/x.service': '[Service]\nType=simple\n' }), 'u/x.service', {
      version: '252',
    })
    expect(r).toMatchObject({ ok: false, path: 'u/x.service' })
    expect(recommendUnitFile(memorySource({}), 'u/missing.service', { version: '252' }).ok).toBe(false)
  })
})

/** Debian's chrony.service (chrony 4.3): `User=_chrony` with `ExecStart=!`, so RemoveIPC= applies but lowers no score. */
const CHRONY = `[Unit]
Description=chrony, an NTP client/server
Documentation=man:chronyd(8) man:chronyc(1) man:chrony.conf(5)
Conflicts=openntpd.service ntp.service ntpsec.service
Wants=time-sync.target
Before=time-sync.target
After=network.target
ConditionCapability=CAP_SYS_TIME

[Service]
Type=forking
PIDFile=/run/chrony/chronyd.pid
EnvironmentFile=-/etc/default/chrony
User=_chrony
# Daemon is started as root, but still sandboxed
ExecStart=!/usr/sbin/chronyd $DAEMON_OPTS

CapabilityBoundingSet=~CAP_AUDIT_CONTROL CAP_AUDIT_READ CAP_AUDIT_WRITE
CapabilityBoundingSet=~CAP_BLOCK_SUSPEND CAP_KILL CAP_LEASE CAP_LINUX_IMMUTABLE
CapabilityBoundingSet=~CAP_MAC_ADMIN CAP_MAC_OVERRIDE CAP_MKNOD CAP_SYS_ADMIN
CapabilityBoundingSet=~CAP_SYS_BOOT CAP_SYS_CHROOT CAP_SYS_MODULE CAP_SYS_PACCT
CapabilityBoundingSet=~CAP_SYS_PTRACE CAP_SYS_RAWIO CAP_SYS_TTY_CONFIG CAP_WAKE_ALARM
DeviceAllow=char-pps rw
DeviceAllow=char-ptp rw
DeviceAllow=char-rtc rw
DevicePolicy=closed
LockPersonality=yes
MemoryDenyWriteExecute=yes
NoNewPrivileges=yes
PrivateTmp=yes
ProcSubset=pid
ProtectControlGroups=yes
ProtectHome=yes
ProtectHostname=yes
ProtectKernelLogs=yes
ProtectKernelModules=yes
ProtectKernelTunables=yes
ProtectProc=invisible
ProtectSystem=strict
# Used for gps refclocks
ReadWritePaths=/run
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
RestrictNamespaces=yes
RestrictSUIDSGID=yes
SystemCallArchitectures=native
SystemCallFilter=~@cpu-emulation @debug @module @mount @obsolete @raw-io @reboot @swap

ConfigurationDirectory=chrony
RuntimeDirectory=chrony
RuntimeDirectoryMode=0700
# See dumpdir in chrony.conf(5)
RuntimeDirectoryPreserve=restart
StateDirectory=chrony
StateDirectoryMode=0750
LogsDirectory=chrony
LogsDirectoryMode=0750

# Adjust restrictions for /usr/sbin/sendmail (mailonchange directive)
NoNewPrivileges=no
ReadWritePaths=-/var/spool
RestrictAddressFamilies=AF_NETLINK

[Install]
Alias=chronyd.service
WantedBy=multi-user.target
`

describe('phases that change nothing', () => {
  it("are not offered: a phase that lowers no score is left out and says why (Debian's chrony.service)", () => {
    const r = recommend(unit('chrony.service', CHRONY), 'u/chrony.service')
    let previous = r.exposure
    for (const p of r.phases) {
      expect(p.exposure, p.id).toBeLessThan(previous)
      previous = p.exposure
    }
    expect(r.phases.map((p) => p.id)).toEqual(['filesystem'])
    expect(skipReason(r, 'RemoveIPC')).toBe('it lowers no score on its own')
  })
})
