/**
 * Drop-ins for units the repository does not ship (a distribution's sshd.service, every service
 * through service.d/): reviewed against assumed unit files, since systemd applies them on the
 * host. What adds a privilege fails; what only configures or hardens passes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import type { DiffReport } from '../../src/diff/report.js'
import { GitRepo } from '../../src/git/git.js'
import { makeRepo, type FileSpec, type TestRepo } from '../helpers/git-repo.js'

const repos: TestRepo[] = []
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()))

function pr(
  base: Record<string, FileSpec>,
  head: Record<string, FileSpec>,
  version: '252' | '262' = '252',
): DiffReport {
  const repo = makeRepo()
  repos.push(repo)
  const b = repo.commit({ 'README.md': 'x\n', ...base }, 'base')
  const h = repo.commit(head, 'head')
  const input = snapshotsFromGit(new GitRepo(repo.dir), b, h)
  return diffSnapshots(input.base, input.head, input.changes, { version, gate: DEFAULT_GATE, recommend: false })
}

const findings = (r: DiffReport): string[] =>
  r.services.flatMap((s) =>
    s.capabilities.widened.map(
      (w) =>
        `${s.unit} ${w.level}${w.root ? ' root' : ''} ${w.capabilities.length > 3 ? `${w.capabilities.length}caps` : w.capabilities.join(',')} @${w.file}:${w.line}`,
    ),
  )

describe('drop-ins for units the repository does not ship', () => {
  it('a new elevated command for the distribution sshd fails; the report says the unit file is assumed', () => {
    const r = pr(
      {},
      { 'etc/systemd/system/sshd.service.d/override.conf': '[Service]\nExecStartPre=+/usr/local/bin/fetch-keys\n' },
    )
    expect(r.verdict).toBe('fail')
    expect(findings(r)).toEqual(['sshd.service command root 41caps @etc/systemd/system/sshd.service.d/override.conf:2'])
    const s = r.services[0]!
    expect(s).toMatchObject({
      unit: 'sshd.service',
      status: 'modified',
      path: 'etc/systemd/system/sshd.service.d',
      before: null,
      after: null,
    })
    expect(s.assumedUnitFile).toMatch(
      /^sshd\.service is not in this repository: its drop-ins were applied to a root unit/,
    )
    expect(s.capabilities.widened[0]!.what).toMatch(
      /\(if its unit file is a unit with User= and NoNewPrivileges=yes\)$/,
    )
  })

  it('User=root, new ambient capabilities and a type-wide service.d drop-in fail', () => {
    const r = pr(
      {},
      {
        'etc/systemd/system/docker.service.d/user.conf': '[Service]\nUser=root\n',
        'etc/systemd/system/chronyd.service.d/caps.conf': '[Service]\nAmbientCapabilities=CAP_SYS_ADMIN\n',
        'etc/systemd/system/service.d/10-all.conf': '[Service]\nPermissionsStartOnly=yes\n',
      },
    )
    expect(r.services.map((s) => s.unit)).toEqual(['chronyd.service', 'docker.service', 'every .service unit'])
    // The type-wide drop-in applies to the directory's other units too.
    expect(findings(r)).toEqual([
      'chronyd.service held CAP_SYS_ADMIN @etc/systemd/system/chronyd.service.d/caps.conf:2',
      'chronyd.service command root 41caps @etc/systemd/system/service.d/10-all.conf:2',
      'docker.service held root 41caps @etc/systemd/system/docker.service.d/user.conf:2',
      'docker.service command root 41caps @etc/systemd/system/service.d/10-all.conf:2',
      'every .service unit command root 41caps @etc/systemd/system/service.d/10-all.conf:2',
    ])
  })

  it('a type-wide drop-in is reviewed for the host units it reaches even when a unit of the repository reads it', () => {
    // app.service runs as root with its full bounding set: a + command adds nothing to it, but
    // every user service of the host gains a fully privileged command.
    const r = pr(
      { 'etc/systemd/system/app.service': '[Service]\nExecStart=/usr/bin/app\n' },
      { 'etc/systemd/system/service.d/10-pre.conf': '[Service]\nExecStartPre=+/usr/local/bin/pre\n' },
    )
    expect(r.services.map((s) => [s.unit, s.capabilities.widened.length])).toEqual([
      ['app.service', 0],
      ['every .service unit', 1],
    ])
    expect(r.verdict).toBe('fail')
  })

  it('removing NoNewPrivileges=yes from a drop-in widens what the unit can reach', () => {
    const dropIn = 'etc/systemd/system/web.service.d/hardening.conf'
    const r = pr(
      { [dropIn]: '[Service]\nNoNewPrivileges=yes\nProtectSystem=strict\n' },
      { [dropIn]: '[Service]\nProtectSystem=strict\n' },
    )
    expect(findings(r)).toEqual([`web.service reachable root 41caps @${dropIn}:2`])
  })

  it('configuring, overriding ExecStart= without a prefix, and hardening pass', () => {
    const r = pr(
      { 'etc/systemd/system/nginx.service.d/limits.conf': '[Service]\nLimitNOFILE=4096\n' },
      {
        'etc/systemd/system/nginx.service.d/limits.conf': '[Service]\nLimitNOFILE=65536\nEnvironment=A=1\n',
        'etc/systemd/system/nginx.service.d/exec.conf':
          '[Service]\nExecStart=\nExecStart=/usr/sbin/nginx -g "daemon off;"\n',
        'etc/systemd/system/redis.service.d/hardening.conf':
          '[Service]\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\nNoNewPrivileges=yes\nProtectSystem=strict\nPrivateTmp=yes\n',
      },
    )
    expect(r.services.map((s) => s.unit)).toEqual(['nginx.service', 'redis.service'])
    expect(findings(r)).toEqual([])
    expect(r.verdict).toBe('pass')
  })

  it('a waiver in the drop-in accepts what it adds', () => {
    const r = pr(
      {},
      {
        'etc/systemd/system/ntpd.service.d/time.conf':
          '# systemd-exposure: allow CAP_SYS_TIME -- sets the clock\n[Service]\nAmbientCapabilities=CAP_SYS_TIME\n',
      },
    )
    expect(r.verdict).toBe('pass')
    expect(r.services[0]!.capabilities.widened[0]!.accepted[0]).toMatchObject({
      privilege: 'CAP_SYS_TIME',
      by: 'waiver',
    })
  })

  it('a drop-in that is a link, or a drop-in directory that is a link: a change of what they lead to is a change', () => {
    const plus = '[Service]\nExecStartPre=+/bin/sh -c "cp /var/tmp/x /etc/sudoers.d/x"\n'
    const r = pr(
      {
        'common/tuning.conf': '[Service]\nEnvironment=A=1\n',
        'units/sshd.service.d/tuning.conf': { link: '../../common/tuning.conf' },
        'common/ssh.d/a.conf': '[Service]\nEnvironment=A=1\n',
        'units/ssh.service.d': { link: '../common/ssh.d' },
      },
      { 'common/tuning.conf': plus, 'common/ssh.d/zz.conf': plus },
    )
    expect(r.services.map((s) => [s.unit, s.changedFiles])).toEqual([
      ['ssh.service', ['common/ssh.d/zz.conf']],
      ['sshd.service', ['common/tuning.conf']],
    ])
    expect(r.services.map((s) => s.capabilities.widened.some((w) => w.command !== null))).toEqual([true, true])
    expect(r.verdict).toBe('fail')
  })

  it('a drop-in for a unit the change deletes from the repository is reviewed against the assumed unit files', () => {
    const r = pr(
      { 'units/app.service': '[Service]\nUser=app\nNoNewPrivileges=yes\nExecStart=/usr/bin/app\n' },
      { 'units/app.service': null, 'units/app.service.d/override.conf': '[Service]\nUser=root\n' },
    )
    expect(r.services.map((s) => [s.unit, s.status, s.path])).toEqual([
      ['app.service', 'removed', 'units/app.service'],
      ['app.service', 'modified', 'units/app.service.d'],
    ])
    expect(findings(r)).toEqual(['app.service held root 41caps @units/app.service.d/override.conf:2'])
    expect(r.skipped).toEqual([])
  })

  it('a command added to a socket fails: the distribution socket may run none', () => {
    const r = pr({}, { 'units/ssh.socket.d/hook.conf': '[Socket]\nExecStartPost=/usr/local/lib/ssh/socket-hook\n' })
    expect(r.services[0]!.capabilities.widened.map((w) => w.what)).toEqual([
      'now runs as root: all 41 capabilities at start (if its unit file is a root unit that runs no command of its own)',
    ])
    expect(r.verdict).toBe('fail')
  })

  it('undoing what the distribution unit may restrict fails: a bounding-set reset, PrivateUsers=no, a seccomp reset (252)', () => {
    const dir = 'etc/systemd/system/systemd-logind.service.d'
    for (const reset of ['CapabilityBoundingSet=~', 'CapabilityBoundingSet=~CAP_BOGUS']) {
      const r = pr(
        { [`${dir}/site.conf`]: '[Service]\nLimitNOFILE=16384\n' },
        { [`${dir}/site.conf`]: `[Service]\nLimitNOFILE=16384\n${reset}\n` },
      )
      expect(r.services[0]!.capabilities.widened.map((w) => w.what)).toEqual([
        'now holds 40 capabilities at start (if its unit file is a root unit with a restricted bounding set)',
      ])
    }
    const users = pr({}, { 'etc/systemd/system/redis.service.d/override.conf': '[Service]\nPrivateUsers=no\n' })
    // Under PrivateUsers=yes the root unit already kept CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and
    // CAP_FOWNER over the files its user namespace maps: 38 are new on the host.
    expect(users.services[0]!.capabilities.widened.map((w) => w.what)).toEqual([
      'now holds 38 capabilities at start (if its unit file is a root unit with PrivateUsers=yes)',
    ])
    const seccomp = { 'etc/systemd/system/redis.service.d/override.conf': '[Service]\nSystemCallFilter=\n' }
    expect(pr({}, seccomp).verdict).toBe('fail')
    expect(pr({}, seccomp, '262').verdict).toBe('pass')
    // Hardening that names the same settings passes.
    expect(
      pr(
        {},
        {
          'etc/systemd/system/redis.service.d/h.conf':
            '[Service]\nPrivateUsers=yes\nSystemCallFilter=@system-service\nCapabilityBoundingSet=~CAP_SYS_ADMIN\n',
        },
      ).verdict,
    ).toBe('pass')
  })
})
