import { describe, expect, it } from 'vitest'
import { readFacts } from '../../src/recommend/facts.js'
import { pathsIn, writeTargetOf } from '../../src/recommend/paths.js'
import { programName } from '../../src/recommend/programs.js'
import { contextOf, deferredLines, lines, recommend, skipReason, suggested, unit } from './helpers.js'

const service = (body: string, extra = ''): string => `[Unit]\nDescription=test\n${extra}\n[Service]\n${body}\n`

describe('context: runtimes', () => {
  it.each([
    ['java', '/usr/bin/java -jar /srv/app/app.jar'],
    ['node', '/usr/bin/node /srv/app/server.js'],
    ['dotnet', '/usr/bin/dotnet /srv/app/App.dll'],
    ['php-fpm', '/usr/sbin/php-fpm8.2 --nodaemonize'],
    ['erlang', '/usr/lib/erlang/erts-13.1/bin/beam.smp -- -root /usr/lib/erlang'],
    ['erl', '/usr/bin/erl -noshell'],
    ['pypy', '/usr/bin/pypy3 /srv/app/main.py'],
    ['luajit', '/usr/bin/luajit /srv/app/main.lua'],
    ['mono', '/usr/bin/mono /srv/app/app.exe'],
    ['a JIT behind a shell', "/bin/sh -c 'exec /usr/bin/java -Xmx1g -jar /srv/app/app.jar'"],
    ['a jar through env', '/usr/bin/env JAVA_OPTS=-Xmx1g java -jar app.jar'],
  ])('gives no MemoryDenyWriteExecute= to %s', (_what, cmd) => {
    const r = recommend(unit('app.service', service(`User=app\nExecStart=${cmd}`)), 'u/app.service')
    expect(suggested(r, 'MemoryDenyWriteExecute')).toBeUndefined()
    expect(skipReason(r, 'MemoryDenyWriteExecute')).toMatch(/JIT|runtime|script/)
  })

  it('suggests MemoryDenyWriteExecute= for a native daemon, and with a high risk for an interpreter', () => {
    const native = recommend(unit('n.service', service('User=n\nExecStart=/usr/sbin/thttpd -D')), 'u/n.service')
    expect(suggested(native, 'MemoryDenyWriteExecute')).toBe('yes')
    const py = recommend(unit('p.service', service('User=p\nExecStart=/usr/bin/python3 /srv/p/main.py')), 'u/p.service')
    const d = py.phases.flatMap((p) => p.directives).find((x) => x.directive === 'MemoryDenyWriteExecute')!
    expect(d.risk).toBe('high')
    expect(d.reason).toMatch(/python/)
  })

  it('normalises program names: versions and directories go', () => {
    expect(['/usr/sbin/php-fpm8.2', '/usr/bin/python3.11', '/usr/sbin/kea-dhcp4', 'exim4'].map(programName)).toEqual([
      'php-fpm',
      'python',
      'kea-dhcp',
      'exim',
    ])
  })
})

describe('context: root and non-root capability advice', () => {
  it('empties the bounding set of a non-root service', () => {
    const r = recommend(unit('n.service', service('User=n\nExecStart=/usr/bin/ndaemon')), 'u/n.service')
    expect(suggested(r, 'CapabilityBoundingSet')).toBe('')
  })

  it('gives a root daemon that drops privileges an allow-list that keeps setuid/setgid', () => {
    const r = recommend(
      unit('nginx.service', service('Type=forking\nPIDFile=/run/nginx.pid\nExecStart=/usr/sbin/nginx')),
      'u/nginx.service',
    )
    const caps = suggested(r, 'CapabilityBoundingSet')!.split(' ')
    expect(caps).toEqual(expect.arrayContaining(['CAP_SETUID', 'CAP_SETGID', 'CAP_NET_BIND_SERVICE']))
    expect(caps).not.toContain('CAP_SYS_ADMIN')
  })

  it('gives an unknown root daemon a deny-list of rarely needed capabilities', () => {
    const r = recommend(unit('r.service', service('ExecStart=/usr/sbin/rootd')), 'u/r.service')
    const value = suggested(r, 'CapabilityBoundingSet')!
    expect(value.startsWith('~')).toBe(true)
    expect(value).toContain('CAP_SYS_ADMIN')
    expect(value).not.toContain('CAP_NET_BIND_SERVICE')
  })

  it('keeps the starting-as-root privileges of ExecStart=! even with User=', () => {
    const c = contextOf(unit('c.service', service('User=_chrony\nExecStart=!/usr/sbin/chronyd')), 'u/c.service')
    expect(c.startsAsRootDespiteUser).toMatch(/switches to User= itself/)
  })

  it('does not narrow a bounding set the unit already chose', () => {
    const r = recommend(
      unit('c.service', service('ExecStart=/usr/sbin/x\nCapabilityBoundingSet=CAP_NET_ADMIN CAP_SYS_ADMIN')),
      'u/c.service',
    )
    expect(suggested(r, 'CapabilityBoundingSet')).toBeUndefined()
    expect(skipReason(r, 'CapabilityBoundingSet')).toMatch(/already limits/)
  })
})

describe('context: privileged ports', () => {
  it.each([
    ['--port 80', 'ExecStart=/usr/bin/srv --port 80'],
    ['--port=443', 'ExecStart=/usr/bin/srv --port=443'],
    [':443', 'ExecStart=/usr/bin/srv --listen [::]:443'],
    ['host:80', 'ExecStart=/usr/bin/srv 0.0.0.0:80'],
    ['Listen 80', "ExecStart=/usr/bin/srv -C 'Listen 80'"],
    ['PORT=80', 'Environment=PORT=80\nExecStart=/usr/bin/srv'],
    ['a known daemon', 'ExecStart=/usr/sbin/lighttpd -D -f /etc/lighttpd/lighttpd.conf'],
  ])('keeps CAP_NET_BIND_SERVICE for %s', (_what, body) => {
    const c = contextOf(unit('s.service', service(body)), 'u/s.service')
    expect(c.privilegedPorts.length).toBeGreaterThan(0)
    const r = recommend(unit('s.service', service(body)), 'u/s.service')
    const caps = suggested(r, 'CapabilityBoundingSet') ?? ''
    if (caps.startsWith('~')) expect(caps).not.toContain('CAP_NET_BIND_SERVICE')
    else expect(caps).toContain('CAP_NET_BIND_SERVICE')
  })

  it('ignores unprivileged ports', () => {
    const c = contextOf(
      unit('s.service', service('ExecStart=/usr/bin/srv --port 8080 --listen 127.0.0.1:9000')),
      'u/s.service',
    )
    expect(c.privilegedPorts).toEqual([])
  })

  it('grants CAP_NET_BIND_SERVICE as an ambient capability when the service leaves root', () => {
    const r = recommend(
      unit(
        'w.service',
        service('ExecStart=/usr/bin/webd --http :80 --data /var/lib/webd', 'After=network-online.target'),
      ),
      'u/w.service',
    )
    expect(suggested(r, 'DynamicUser')).toBe('yes')
    expect(suggested(r, 'AmbientCapabilities')).toBe('CAP_NET_BIND_SERVICE')
    expect(suggested(r, 'CapabilityBoundingSet')).toBe('CAP_NET_BIND_SERVICE')
  })
})

describe('context: kinds of daemons', () => {
  it('keeps AF_NETLINK, CAP_NET_ADMIN and writable tunables for network managers', () => {
    const r = recommend(unit('nm.service', service('ExecStart=/usr/sbin/NetworkManager --no-daemon')), 'u/nm.service')
    expect(suggested(r, 'RestrictAddressFamilies')).toBeUndefined()
    expect(skipReason(r, 'RestrictAddressFamilies')).toMatch(/network/)
    expect(skipReason(r, 'ProtectKernelTunables')).toMatch(/proc\/sys/)
    expect(suggested(r, 'CapabilityBoundingSet') ?? '').not.toContain('CAP_NET_ADMIN')
  })

  it('always keeps AF_NETLINK in the families it suggests', () => {
    const r = recommend(unit('d.service', service('User=d\nExecStart=/usr/bin/d --listen 0.0.0.0:8080')), 'u/d.service')
    expect(suggested(r, 'RestrictAddressFamilies')).toBe('AF_UNIX AF_NETLINK AF_INET AF_INET6')
  })

  it('leaves container managers (Delegate=) alone, with a reason for each directive', () => {
    const r = recommend(unit('c.service', service('ExecStart=/usr/bin/myruntime\nDelegate=yes')), 'u/c.service')
    expect(r.phases).toEqual([])
    expect(skipReason(r, 'ProtectControlGroups')).toMatch(/Delegate=/)
    expect(r.skipped.length).toBeGreaterThan(20)
  })

  it('keeps devices for device daemons and units naming /dev paths', () => {
    const udev = recommend(unit('udevd.service', service('ExecStart=/lib/systemd/systemd-udevd')), 'u/udevd.service')
    expect(skipReason(udev, 'PrivateDevices')).toMatch(/device/)
    const dev = recommend(
      unit('g.service', service('User=g\nExecStart=/usr/bin/gpsreader /dev/ttyUSB0')),
      'u/g.service',
    )
    expect(suggested(dev, 'PrivateDevices')).toBeUndefined()
    expect(skipReason(dev, 'PrivateDevices')).toMatch(/\/dev\/ttyUSB0/)
  })

  it('keeps CAP_SYS_TIME, @clock and realtime for time daemons', () => {
    const r = recommend(unit('ntp.service', service('ExecStart=/usr/sbin/ntpd -n -g')), 'u/ntp.service')
    expect(skipReason(r, 'ProtectClock')).toMatch(/time daemon/)
    expect(skipReason(r, 'RestrictRealtime')).toMatch(/time daemon/)
    expect(suggested(r, 'SystemCallFilter')).toBe('@system-service @clock chroot')
    expect(suggested(r, 'CapabilityBoundingSet')).toContain('CAP_SYS_TIME')
    for (const v of ['timesyncd', 'chronyd']) {
      const t = recommend(
        unit('t.service', service(`ExecStart=/usr/sbin/${v === 'timesyncd' ? 'systemd-timesyncd' : v}`)),
        'u/t.service',
      )
      expect(suggested(t, 'ProtectClock')).toBeUndefined()
    }
  })

  it('skips NoNewPrivileges= for units running setuid helpers, and softens it for mail senders', () => {
    const sudo = recommend(
      unit('s.service', service('User=s\nExecStart=/usr/bin/sudo -u backup /usr/bin/rsync -a /a /b')),
      'u/s.service',
    )
    expect(skipReason(sudo, 'NoNewPrivileges')).toMatch(/sudo/)
    const smart = recommend(unit('smartd.service', service('ExecStart=/usr/sbin/smartd -n')), 'u/smartd.service')
    const nnp = smart.phases[0]!.directives.find((d) => d.directive === 'NoNewPrivileges')!
    expect(nnp.risk).toBe('medium')
    expect(nnp.reason).toMatch(/sendmail/)
  })

  it('respects settings the unit turns off on purpose', () => {
    const r = recommend(
      unit('x.service', service('User=x\nExecStart=/usr/bin/x\nNoNewPrivileges=no\nPrivateTmp=no\nProtectSystem=no')),
      'u/x.service',
    )
    for (const d of ['NoNewPrivileges', 'PrivateTmp', 'ProtectSystem']) {
      expect(suggested(r, d)).toBeUndefined()
      expect(skipReason(r, d)).toMatch(/on purpose/)
    }
  })
})

describe('context: /tmp and /home', () => {
  it('warns about PrivateTmp= when the unit mentions /tmp paths', () => {
    const r = recommend(
      unit('u.service', service('User=u\nExecStart=/usr/bin/uwsgi --socket /tmp/app.sock')),
      'u/u.service',
    )
    const d = r.phases[0]!.directives.find((x) => x.directive === 'PrivateTmp')!
    expect(d.risk).toBe('high')
    expect(d.reason).toMatch(/\/tmp\/app\.sock/)
  })

  it('skips PrivateTmp= when the PID file lives in /tmp', () => {
    const r = recommend(
      unit('p.service', service('Type=forking\nPIDFile=/tmp/p.pid\nExecStart=/usr/sbin/pd')),
      'u/p.service',
    )
    expect(skipReason(r, 'PrivateTmp')).toMatch(/PID file/)
  })

  it('keeps home directories readable for units that live there', () => {
    const r = recommend(
      unit(
        'bot.service',
        service('User=bot\nWorkingDirectory=/home/bot/app\nExecStart=/usr/bin/python3 /home/bot/app/bot.py'),
      ),
      'u/bot.service',
    )
    expect(suggested(r, 'ProtectHome')).toBe('read-only')
    expect(lines(r)).toContain('ReadWritePaths=-/home/bot/app')
  })
})

describe('context: write locations for ProtectSystem=strict', () => {
  it('finds paths in option values, unix: URLs and -prefixed lists', () => {
    expect(pathsIn('--data=/var/lib/x')).toEqual(['/var/lib/x'])
    expect(pathsIn('unix:/run/x/x.sock')).toEqual(['/run/x/x.sock'])
    expect(pathsIn('-/etc/default/x')).toEqual(['/etc/default/x'])
    expect(pathsIn('http://example.com/a')).toEqual([])
  })

  it('maps paths to the directory systemd can manage, a path, or a blocker', () => {
    expect(writeTargetOf('/var/lib/foo/db')).toEqual({
      kind: 'directory',
      directive: 'StateDirectory',
      name: 'foo',
      path: '/var/lib/foo',
    })
    expect(writeTargetOf('/var/log/foo/a.log')).toMatchObject({ directive: 'LogsDirectory', name: 'foo' })
    expect(writeTargetOf('/var/cache/foo')).toMatchObject({ directive: 'CacheDirectory', name: 'foo' })
    expect(writeTargetOf('/run/foo/foo.pid')).toMatchObject({ directive: 'RuntimeDirectory', name: 'foo' })
    expect(writeTargetOf('/run/foo.pid')).toEqual({ kind: 'blocker', path: '/run/foo.pid', parent: '/run' })
    expect(writeTargetOf('/var/spool/foo/q')).toEqual({ kind: 'path', path: '/var/spool/foo' })
    expect(writeTargetOf('/srv/www/site')).toEqual({ kind: 'path', path: '/srv/www' })
    expect(writeTargetOf('/run/systemd/journal/socket')).toBeNull()
    expect(writeTargetOf('/etc/foo.conf')).toBeNull()
  })

  it('uses directory directives for a service with its own user, ReadWritePaths= for root', () => {
    const body =
      'ExecStart=/usr/bin/d --state /var/lib/d --log /var/log/d/d.log --cache /var/cache/d --sock /run/d/d.sock --spool /var/spool/d'
    const own = recommend(unit('d.service', service(`User=d\n${body}`)), 'u/d.service')
    expect(lines(own)).toEqual(
      expect.arrayContaining([
        'ProtectSystem=strict',
        'StateDirectory=d',
        'LogsDirectory=d',
        'CacheDirectory=d',
        'RuntimeDirectory=d',
        'ReadWritePaths=-/var/spool/d',
      ]),
    )
    const root = recommend(unit('d.service', service(`Type=forking\n${body}`)), 'u/d.service')
    expect(lines(root)).toEqual(
      expect.arrayContaining(['ReadWritePaths=-/var/lib/d', 'ReadWritePaths=-/var/log/d', 'ReadWritePaths=-/run/d']),
    )
    expect(skipReason(root, 'DynamicUser')).toBeDefined()
  })

  it('falls back to ProtectSystem=full when a file sits directly in /run', () => {
    const r = recommend(
      unit('n.service', service('Type=forking\nPIDFile=/run/n.pid\nExecStart=/usr/sbin/n')),
      'u/n.service',
    )
    const d = r.phases.flatMap((p) => p.directives).find((x) => x.directive === 'ProtectSystem')!
    expect(d.value).toBe('full')
    expect(d.reason).toMatch(/\/run\/n\.pid/)
  })

  it('reads the facts with their evidence', () => {
    const f = readFacts(contextOf(unit('f.service', service('ExecStart=/usr/sbin/chronyd -d')), 'u/f.service').service)
    expect(f.categories.get('time')).toMatch(/chronyd, a time daemon/)
    expect(f.runsAsRoot).toBe(true)
  })
})

describe('context: more adjustments', () => {
  it('keeps /run/<name> across stops when it suggests RuntimeDirectory=', () => {
    const r = recommend(unit('s.service', service('User=s\nExecStart=/usr/bin/s --pid /run/s/s.pid')), 'u/s.service')
    // Only /run is named, so strict and its write locations wait for the question.
    expect(deferredLines(r)).toEqual(
      expect.arrayContaining(['ProtectSystem=strict', 'RuntimeDirectory=s', 'RuntimeDirectoryPreserve=yes']),
    )
    const data = recommend(
      unit('s.service', service('User=s\nExecStart=/usr/bin/s --pid /run/s/s.pid --data /var/lib/s')),
      'u/s.service',
    )
    expect(lines(data)).toEqual(
      expect.arrayContaining(['ProtectSystem=strict', 'RuntimeDirectory=s', 'RuntimeDirectoryPreserve=yes']),
    )
  })

  it('prefers ProtectSystem=full for services that write wherever their configuration says', () => {
    const r = recommend(unit('dovecot.service', service('ExecStart=/usr/sbin/dovecot -F')), 'u/dovecot.service')
    const d = r.phases.flatMap((p) => p.directives).find((x) => x.directive === 'ProtectSystem')!
    expect(d.value).toBe('full')
    expect(d.reason).toMatch(/dovecot/)
  })

  it('does not upgrade a chosen ProtectSystem=full to strict without knowing where the service writes', () => {
    const r = recommend(unit('p.service', service('User=p\nExecStart=/usr/bin/p\nProtectSystem=full')), 'u/p.service')
    expect(suggested(r, 'ProtectSystem')).toBeUndefined()
    expect(skipReason(r, 'ProtectSystem')).toMatch(/names none of the locations/)
    const known = recommend(
      unit('p.service', service('User=p\nExecStart=/usr/bin/p --data /var/lib/p\nProtectSystem=full')),
      'u/p.service',
    )
    expect(suggested(known, 'ProtectSystem')).toBe('strict')
  })

  it('leaves the capabilities of a root shell script alone', () => {
    const r = recommend(
      unit('m.service', service('Type=oneshot\nExecStart=/usr/share/m/maintenance.sh')),
      'u/m.service',
    )
    expect(skipReason(r, 'CapabilityBoundingSet')).toMatch(/script/)
    expect(skipReason(r, 'MemoryDenyWriteExecute')).toMatch(/script/)
  })

  it('ignores %i paths in a plain unit, where %i is empty', () => {
    const plain = contextOf(unit('p.service', service('ExecStart=/usr/bin/p --state /var/lib/%i')), 'u/p.service')
    expect(plain.writeTargets).toEqual([])
    const template = contextOf(
      unit('p@.service', service('ExecStart=/usr/bin/p --state /var/lib/p/%i')),
      'u/p@.service',
    )
    expect(template.writeTargets).toEqual([
      { kind: 'directory', directive: 'StateDirectory', name: 'p', path: '/var/lib/p' },
    ])
  })

  it("never makes the directory of the service's own executable writable", () => {
    const c = contextOf(
      unit('a.service', service('User=a\nWorkingDirectory=/opt/app\nExecStart=/opt/app/bin/app')),
      'u/a.service',
    )
    expect(c.writeTargets).toEqual([])
  })

  it('sets up no mount namespace for a working directory below /proc, /sys or /dev', () => {
    const files = unit('w.service', service('User=w\nWorkingDirectory=/sys/kernel\nExecStart=/usr/bin/w'))
    const r = recommend(files, 'u/w.service', '262')
    for (const d of ['PrivateTmp', 'ProtectHome', 'ProtectSystem', 'ProtectKernelTunables', 'PrivateDevices']) {
      expect(suggested(r, d), d).toBeUndefined()
      expect(skipReason(r, d)).toMatch(/systemd 262 refuses/)
    }
    // Only 262 refuses it (VERSION_TRAITS): older targets keep the suggestions.
    expect(suggested(recommend(files, 'u/w.service', '257'), 'ProtectHome')).toBe('yes')
  })

  it('notes commands that run outside the sandbox', () => {
    const r = recommend(
      unit('x.service', service('User=x\nExecStartPre=+/usr/bin/setup\nExecStart=/usr/bin/x')),
      'u/x.service',
    )
    expect(r.notes).toEqual([expect.stringMatching(/ExecStartPre=\+\/usr\/bin\/setup runs with full privileges/)])
  })
})
