/**
 * Advice that does not break the service (issue 11): each class of breakage found on real
 * upstream units, with a unit written here. Directives whose safety the unit cannot show are
 * deferred (commented out with a question), and no predicted score counts them.
 */
import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import { formatExposure } from '../../src/model/exposure.js'
import { SYSTEMD_VERSIONS, type SystemdVersion } from '../../src/model/versions.js'
import { recommendUnitFile } from '../../src/recommend/recommend.js'
import { memorySource } from '../../src/unit/source.js'
import { deferredLines, lines, question, recommend, skipReason, suggested, unit, verifyPredictions } from './helpers.js'

const service = (body: string, extra = ''): string =>
  `[Unit]\nDescription=test\nAfter=network-online.target\n${extra}\n[Service]\n${body}\n`

describe('advice: write locations that live in configuration files', () => {
  const files = unit(
    'kvstore.service',
    service('ExecStart=/usr/bin/kvstore --config /etc/kvstore/kvstore.conf\nRuntimeDirectory=kvstore'),
  )

  it('defers ProtectSystem=strict when the unit names only /run, asking which directories it writes', () => {
    const r = recommend(files, 'u/kvstore.service')
    expect(suggested(r, 'ProtectSystem')).toBe('full')
    expect(deferredLines(r)).toContain('ProtectSystem=strict')
    expect(question(r, 'ProtectSystem')).toMatch(/which directories does it write.*ReadWritePaths=.*uncomment/)
    // No guarantee it cannot give: the reason of the active line says what strict waits for.
    for (const d of r.phases.flatMap((p) => p.directives)) expect(d.reason).not.toMatch(/stay writable/)
  })

  it('proposes the conventional data, cache and log directories of the name, commented out with the reason', () => {
    const r = recommend(files, 'u/kvstore.service')
    const usual = r.phases.flatMap((p) => p.deferred).find((d) => d.directive === 'ReadWritePaths')!
    expect(usual.value).toBe('-/var/lib/kvstore -/var/cache/kvstore -/var/log/kvstore')
    expect(usual.reason).toMatch(/conventionally/)
    expect(r.dropin.content).toMatch(/^#ProtectSystem=strict$/m)
    expect(r.dropin.content).toMatch(/^#ReadWritePaths=-\/var\/lib\/kvstore /m)
  })

  it('keeps strict active when the unit names where the service keeps its data', () => {
    const r = recommend(unit('kv.service', service('User=kv\nExecStart=/usr/bin/kv --dir /var/lib/kv')), 'u/kv.service')
    expect(suggested(r, 'ProtectSystem')).toBe('strict')
    expect(suggested(r, 'StateDirectory')).toBe('kv')
    expect(r.phases.flatMap((p) => p.directives).find((d) => d.directive === 'ProtectSystem')!.reason).toMatch(
      /\/var\/lib\/kv/,
    )
  })

  it('classifies paths built on directory specifiers (%C, %S) like any other path', () => {
    const r = recommend(
      unit('ci.service', service('User=ci\nExecStart=/usr/bin/ci-web --webroot=%C/ci/war --home %S/ci')),
      'u/ci.service',
    )
    expect(lines(r)).toEqual(expect.arrayContaining(['ProtectSystem=strict', 'StateDirectory=ci', 'CacheDirectory=ci']))
  })
})

describe('advice: data and sockets in /tmp', () => {
  it('defers PrivateTmp= for a daemon whose default configuration keeps its socket or data in /tmp', () => {
    for (const [name, about] of [
      ['pgbouncer', /unix_socket_dir/],
      ['loki', /path_prefix/],
    ] as const) {
      const r = recommend(
        unit(`${name}.service`, service(`User=${name}\nExecStart=/usr/bin/${name} /etc/${name}/${name}.conf`)),
        `u/${name}.service`,
      )
      expect(suggested(r, 'PrivateTmp')).toBeUndefined()
      expect(deferredLines(r)).toContain('PrivateTmp=yes')
      expect(question(r, 'PrivateTmp')).toMatch(about)
    }
  })

  it('says what it looked for when it does suggest PrivateTmp=', () => {
    const r = recommend(unit('q.service', service('User=q\nExecStart=/usr/bin/q')), 'u/q.service')
    const d = r.phases.flatMap((p) => p.directives).find((x) => x.directive === 'PrivateTmp')!
    expect(d.reason).toMatch(/shows no \/tmp/)
  })
})

describe("advice: services that launch other people's workloads", () => {
  it('defers everything a job inherits for a known workload launcher', () => {
    const r = recommend(
      unit('nomad.service', service('ExecStart=/usr/bin/nomad agent -config /etc/nomad.d')),
      'u/nomad.service',
    )
    expect(lines(r)).toEqual([])
    expect(deferredLines(r)).toEqual(
      expect.arrayContaining(['NoNewPrivileges=yes', 'SystemCallFilter=@system-service', 'MemoryDenyWriteExecute=yes']),
    )
    expect(question(r, 'NoNewPrivileges')).toMatch(/nomad.*inherits these settings ? .*sudo/)
    expect(r.predicted).toBe(r.exposure)
    expect(r.predictedIfAnswered).toBeLessThan(r.exposure)
  })

  it('reads KillMode=process as a launcher whose children outlive it, whatever the program', () => {
    const r = recommend(
      unit('orch.service', service('ExecStart=/opt/orch/bin/orchd\nKillMode=process\nTasksMax=infinity')),
      'u/orch.service',
    )
    expect(suggested(r, 'NoNewPrivileges')).toBeUndefined()
    expect(question(r, 'NoNewPrivileges')).toMatch(/KillMode=process/)
  })

  it('reads the unit\'s own comments: "required for plugins" makes what plugins inherit wait', () => {
    const text = `[Unit]\nDescription=agent\n[Service]\nUser=agent\nExecStart=/opt/agent/bin/agentd\n# The agent runs check plugins, some through sudo; ${'x'.repeat(400)}\n`
    const r = recommend(unit('agentd.service', text), 'u/agentd.service')
    expect(suggested(r, 'NoNewPrivileges')).toBeUndefined()
    expect(question(r, 'NoNewPrivileges')).toMatch(
      /the unit's comment "The agent runs check plugins, some through sudo; x+\.\.\."/,
    )
    const plain = recommend(
      unit('agentd.service', text.replace(/# The agent.*\n/, '# Maintained by the ops team\n')),
      'u/agentd.service',
    )
    expect(suggested(plain, 'NoNewPrivileges')).toBe('yes')
  })

  it('defers what plugins inherit for a plugin-running monitoring agent', () => {
    const r = recommend(
      unit(
        'telegraf.service',
        service('User=telegraf\nExecStart=/usr/bin/telegraf -config /etc/telegraf/telegraf.conf'),
      ),
      'u/telegraf.service',
    )
    for (const d of ['NoNewPrivileges', 'PrivateDevices', 'SystemCallFilter']) {
      expect(suggested(r, d)).toBeUndefined()
      expect(question(r, d)).toMatch(/plugins inherit/)
    }
  })
})

describe('advice: privileges a root daemon needs before it drops them', () => {
  it('keeps low ports and chroot for a proxy that binds and chroots per its configuration', () => {
    const r = recommend(
      unit('haproxy.service', service('ExecStart=/usr/sbin/haproxy -Ws -f /etc/haproxy/haproxy.cfg\nType=notify')),
      'u/haproxy.service',
    )
    const caps = suggested(r, 'CapabilityBoundingSet')!.split(' ')
    expect(caps).toEqual(expect.arrayContaining(['CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_SETUID', 'CAP_SETGID']))
    expect(suggested(r, 'SystemCallFilter')).toMatch(/\bchroot\b/)
  })

  it('keeps CAP_NET_BIND_SERVICE for any privilege-dropping daemon that uses the network', () => {
    const r = recommend(
      unit('squid.service', service('ExecStart=/usr/sbin/squid --foreground -sYC')),
      'u/squid.service',
    )
    expect(suggested(r, 'CapabilityBoundingSet')!.split(' ')).toContain('CAP_NET_BIND_SERVICE')
  })

  it('allows chroot() in the filter when the unit itself keeps CAP_SYS_CHROOT', () => {
    const r = recommend(
      unit(
        'vpn2.service',
        service(
          'ExecStart=/usr/sbin/vpn2d --config /etc/vpn2.conf\nCapabilityBoundingSet=CAP_NET_ADMIN CAP_SETUID CAP_SETGID CAP_SYS_CHROOT',
        ),
      ),
      'u/vpn2.service',
    )
    expect(suggested(r, 'SystemCallFilter')).toMatch(/\bchroot\b/)
  })
})

describe('advice: devices and kernel interfaces', () => {
  it('never hides /dev/net/tun from a VPN daemon', () => {
    const r = recommend(unit('tincd.service', service('ExecStart=/usr/sbin/tincd -n net -D')), 'u/tincd.service')
    expect(suggested(r, 'PrivateDevices')).toBeUndefined()
  })

  it("asks about perf, eBPF and IPMI before filtering a monitoring agent's system calls or devices", () => {
    const r = recommend(
      unit('node_exporter.service', service('User=node_exporter\nExecStart=/usr/bin/node_exporter')),
      'u/node_exporter.service',
    )
    expect(suggested(r, 'SystemCallFilter')).toBeUndefined()
    expect(question(r, 'SystemCallFilter')).toMatch(/perf_event_open.*bpf/)
    expect(question(r, 'PrivateDevices')).toMatch(/ipmi/)
  })

  it('keeps CAP_SYS_RAWIO, CAP_PERFMON and CAP_BPF for a root monitoring agent', () => {
    const r = recommend(unit('collectd.service', service('ExecStart=/usr/sbin/collectd -f')), 'u/collectd.service')
    // collectd runs plugins: the bounding set waits for the question instead of guessing.
    expect(suggested(r, 'CapabilityBoundingSet')).toBeUndefined()
    const agent = recommend(unit('cadvisor.service', service('ExecStart=/usr/bin/cadvisor')), 'u/cadvisor.service')
    const denied = suggested(agent, 'CapabilityBoundingSet')!
    for (const k of ['CAP_SYS_RAWIO', 'CAP_PERFMON', 'CAP_BPF']) expect(denied).not.toMatch(new RegExp(`\\b${k}\\b`))
  })
})

describe('advice: text that agrees with itself and the facts', () => {
  it('does not claim to keep a capability another line of the drop-in removes', () => {
    const r = recommend(unit('zebra.service', service('ExecStart=/usr/sbin/zebra -u frr')), 'u/zebra.service')
    expect(suggested(r, 'ProtectKernelModules')).toBe('yes')
    const caps = r.phases.flatMap((p) => p.directives).find((d) => d.directive === 'CapabilityBoundingSet')
    expect(caps?.value ?? '').not.toMatch(/CAP_SYS_MODULE/)
    expect(caps?.reason ?? '').not.toMatch(/CAP_SYS_MODULE/)
  })

  it('does not call a script "not a script"', () => {
    const r = recommend(unit('py.service', service('User=py\nExecStart=/usr/local/bin/report.py')), 'u/py.service')
    const mdwe = r.phases
      .flatMap((p) => [...p.directives, ...p.deferred])
      .find((d) => d.directive === 'MemoryDenyWriteExecute')!
    expect(mdwe.reason).toMatch(/report\.py/)
    expect(mdwe.reason).not.toMatch(/not a known/)
    const bin = recommend(unit('bin.service', service('User=bin2\nExecStart=/usr/local/bin/tool')), 'u/bin.service')
    const native = bin.phases.flatMap((p) => p.directives).find((d) => d.directive === 'MemoryDenyWriteExecute')!
    expect(native.reason).toMatch(/nothing in the unit shows/)
  })
})

describe('advice: observe first, rings, rollback', () => {
  it('starts with observation steps for the service and ends with rings and a one-command rollback', () => {
    const r = recommend(unit('kvstore.service', service('ExecStart=/usr/bin/kvstore')), 'u/kvstore.service')
    expect(r.observe.some((o) => o.startsWith('writes: strace'))).toBe(true)
    expect(r.dropin.content).toMatch(
      /^# Observe first, on one host running it: PID=\$\(systemctl show -P MainPID kvstore\.service\)$/m,
    )
    expect(r.dropin.content).toMatch(/^# Roll out in rings\. .*canary/m)
    expect(r.rollback).toBe(
      "rm /etc/systemd/system/kvstore.service.d/hardening.conf && systemctl daemon-reload && systemctl restart 'kvstore.service'",
    )
    expect(r.dropin.content).toMatch(/the \d+ commented-out lines are not counted \(with them too: \d\.\d [A-Z]+\)/)
  })

  it('predicts the active lines exactly, and the deferred ones once uncommented, on every version', () => {
    const cases = [
      unit('kvstore.service', service('ExecStart=/usr/bin/kvstore\nRuntimeDirectory=kvstore')),
      unit('nomad.service', service('ExecStart=/usr/bin/nomad agent')),
      unit('pgbouncer.service', service('User=postgres\nExecStart=/usr/bin/pgbouncer /etc/pgbouncer.ini')),
    ]
    for (const files of cases) {
      const path = Object.keys(files)[0]!
      for (const v of SYSTEMD_VERSIONS) {
        const r = recommend(files, path, v)
        verifyPredictions(files, path, r, v)
        const uncommented = r.dropin.content.replace(/^#([A-Z][A-Za-z]+=)/gm, '$1')
        verifyPredictions(
          files,
          path,
          { ...r, dropin: { ...r.dropin, content: uncommented }, predicted: r.predictedIfAnswered, phases: [] },
          v,
        )
      }
    }
  })
})

describe('advice: socket activation', () => {
  const nginx = service('ExecStart=/usr/sbin/nginx -g "daemon off;"')

  it('does not keep CAP_NET_BIND_SERVICE for a port the socket unit next to it binds', () => {
    const alone = recommend(unit('web.service', nginx), 'u/web.service')
    expect(suggested(alone, 'CapabilityBoundingSet')!.split(' ')).toContain('CAP_NET_BIND_SERVICE')
    const files = {
      ...unit('web.service', nginx),
      'u/web.socket': '[Socket]\nListenStream=80\nListenStream=[::]:443\n',
    }
    const r = recommend(files, 'u/web.service')
    expect(suggested(r, 'CapabilityBoundingSet')!.split(' ')).not.toContain('CAP_NET_BIND_SERVICE')
    expect(r.notes.join('\n')).toMatch(/web\.socket listens on 80, \[::\]:443/)
    verifyPredictions(files, 'u/web.service', r, '252')
  })

  it('reads the sockets Sockets= names, and ignores a socket file it cannot parse', () => {
    const files = {
      ...unit('web.service', `${nginx}Sockets=front.socket\n`),
      'u/front.socket': '[Socket]\nListenStream=0.0.0.0:80\n',
      'u/web.socket': '[Socket]\nListenStream=/run/web.sock\n',
    }
    expect(recommend(files, 'u/web.service').notes.join('\n')).toMatch(/front\.socket listens on 0\.0\.0\.0:80/)
    const binary = { ...unit('web.service', nginx), 'u/web.socket': '[Socket]\nListenStream=80\n\xff\xfe\x00' }
    expect(() => recommend(binary, 'u/web.service')).not.toThrow()
  })
})

describe('advice: the range of systemd a fleet runs', () => {
  const files = unit('q.service', service('User=q\nExecStart=/usr/bin/q --data /var/lib/q'))
  const fleet = (text: string, versions: SystemdVersion[]) => {
    const r = recommendUnitFile(memorySource(files), 'u/q.service', {
      version: versions[0]!,
      fleet: { text, oldest: Number(text.slice(0, 3)), versions },
    })
    if (!r.ok) throw new Error(r.error)
    return r
  }

  it('uses only values the oldest release honours: PrivateTmp=yes for 252-257, disconnected for 257-262', () => {
    expect(suggested(recommend(files, 'u/q.service', '257'), 'PrivateTmp')).toBe('disconnected')
    expect(suggested(fleet('252-257', ['252', '254', '257']), 'PrivateTmp')).toBe('yes')
    expect(suggested(fleet('257-262', ['257', '262']), 'PrivateTmp')).toBe('disconnected')
  })

  it('shows the scores of each version in the range, each as the engine computes it', () => {
    const r = fleet('252-257', ['252', '254', '257'])
    expect(r.scores.map((s) => s.version)).toEqual(['252', '254', '257'])
    expect(r.dropin.content).toMatch(/^# Per version: 252: .*; 254: .*; 257: .*\.$/m)
    for (const s of r.scores) {
      const a = assessUnitFile(memorySource({ ...files, [`u/${r.dropin.path}`]: r.dropin.content }), 'u/q.service', {
        version: s.version,
      })
      expect(a.ok && Number(formatExposure(a.exposure))).toBe(s.predicted)
      expect(a.ok && a.diagnostics.filter((d) => d.file === `u/${r.dropin.path}`)).toEqual([])
    }
  })
})

describe('advice: IP filtering waits for the peers', () => {
  it('offers IPAddressDeny=any with IPAddressAllow=localhost for a service told to listen on loopback only, commented out', () => {
    const r = recommend(
      unit('lo.service', service('User=lo\nExecStart=/usr/bin/lo --listen 127.0.0.1:8080 --config /etc/lo.conf')),
      'u/lo.service',
    )
    expect(deferredLines(r)).toEqual(expect.arrayContaining(['IPAddressDeny=any', 'IPAddressAllow=localhost']))
    expect(question(r, 'IPAddressDeny')).toMatch(/only the loopback address 127\.0\.0\.1.*which IP peers/)
  })

  it('never denies IP traffic in an active line, not even where the unit shows no network use', () => {
    const quiet = unit('batch.service', '[Service]\nUser=batch\nExecStart=/usr/bin/batch\n')
    const r = recommend(quiet, 'u/batch.service')
    expect(suggested(r, 'IPAddressDeny')).toBeUndefined()
    expect(suggested(r, 'RestrictAddressFamilies')).toBeUndefined()
    expect(deferredLines(r)).toEqual(
      expect.arrayContaining([
        'IPAddressDeny=any',
        'IPAddressAllow=localhost',
        'RestrictAddressFamilies=AF_UNIX AF_NETLINK',
      ]),
    )
    const remote = recommend(
      unit(
        'lo.service',
        service('User=lo\nExecStart=/usr/bin/lo --listen 127.0.0.1:8080 --upstream db.example.org:5432'),
      ),
      'u/lo.service',
    )
    expect(skipReason(remote, 'IPAddressDeny')).toMatch(/uses the network/)
  })
})

describe('advice: monitoring agents see every mount', () => {
  it('keeps home directories visible (read-only) to a monitoring agent', () => {
    const r = recommend(
      unit('node_exporter.service', service('User=node_exporter\nExecStart=/usr/bin/node_exporter')),
      'u/node_exporter.service',
    )
    expect(suggested(r, 'ProtectHome')).toBe('read-only')
  })
})
