/**
 * Nothing the repository ships is invisible to the diff: units and drop-ins behind symbolic
 * links, instances and aliases, every unit type that starts processes, build templates, paths of
 * any bytes — and what cannot be read fails closed, while files that are no units raise nothing.
 * Real git repositories, built partly from real upstream files (test/fixtures/upstream/).
 */
import { mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { diffSnapshots, type DiffSettings } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import type { DiffReport, ServiceReport } from '../../src/diff/report.js'
import { GitRepo } from '../../src/git/git.js'
import { capabilityBit } from '../../src/model/linux-names.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { makeRepo, type FileSpec, type TestRepo } from '../helpers/git-repo.js'

const repos: TestRepo[] = []
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()))

const UPSTREAM = resolve(import.meta.dirname, '../fixtures/upstream')
const upstream = (p: string): string => readFileSync(join(UPSTREAM, p), 'utf8')

function repoWith(files: Record<string, FileSpec>): { repo: TestRepo; base: string } {
  const repo = makeRepo()
  repos.push(repo)
  return { repo, base: repo.commit(files, 'base') }
}

function diff(repo: TestRepo, base: string, head: string | null, settings: Partial<DiffSettings> = {}): DiffReport {
  const input = snapshotsFromGit(new GitRepo(repo.dir), base, head)
  return diffSnapshots(input.base, input.head, input.changes, {
    version: '252',
    gate: DEFAULT_GATE,
    recommend: false,
    ...settings,
  })
}

const summary = (r: DiffReport) => r.services.map((s) => [s.unit, s.status, s.path])
const widened = (r: DiffReport) => r.services.flatMap((s) => added(s).map((c) => `${s.unit} ${c}`))
/** Every capability new at any level, once, in number order. */
const added = (s: ServiceReport): string[] =>
  [...new Set(s.capabilities.widened.flatMap((w) => w.capabilities))].sort((a, b) =>
    Number(capabilityBit(a)! - capabilityBit(b)!),
  )

/** A service that holds nothing: its widening shows every new capability by name. */
const TIGHT =
  '[Service]\nExecStart=/usr/bin/web\nUser=web\nNoNewPrivileges=yes\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n'
const WIDE = TIGHT.replace(/CAP_NET_BIND_SERVICE/g, 'CAP_NET_BIND_SERVICE CAP_SYS_ADMIN')

describe('links are followed, in git revisions and in the work tree', () => {
  it('sees a unit that is a link to a file elsewhere, and an edit of only that file', () => {
    const { repo, base } = repoWith({ 'shared/web.unit': TIGHT, 'units/web.service': { link: '../shared/web.unit' } })
    const head = repo.commit({ 'shared/web.unit': WIDE })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['web.service', 'modified', 'units/web.service']])
    expect(r.services[0]!.changedFiles).toEqual(['shared/web.unit'])
    expect(widened(r)).toEqual(['web.service CAP_SYS_ADMIN'])
    expect(r.verdict).toBe('fail')
    // The work tree: the same edit, not committed.
    repo.write({ 'shared/web.unit': WIDE })
    expect(widened(diff(repo, base, null))).toEqual(['web.service CAP_SYS_ADMIN'])
  })

  it('sees a drop-in that is a link, and a drop-in directory that is a link, when only the target changes', () => {
    const { repo, base } = repoWith({
      'units/a.service': TIGHT,
      'units/a.service.d/caps.conf': { link: '../../common/caps.conf' },
      'common/caps.conf': '[Service]\nPrivateTmp=yes\n',
      'units/b.service': TIGHT,
      'units/b.service.d': { link: '../common/b.d' },
      'common/b.d/10-tmp.conf': '[Service]\nPrivateTmp=yes\n',
    })
    const head = repo.commit({
      'common/caps.conf': '[Service]\nCapabilityBoundingSet=CAP_SYS_PTRACE\nAmbientCapabilities=CAP_SYS_PTRACE\n',
      'common/b.d/20-new.conf': '[Service]\nCapabilityBoundingSet=CAP_BPF\nAmbientCapabilities=CAP_BPF\n',
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([
      ['a.service', 'modified', 'units/a.service'],
      ['b.service', 'modified', 'units/b.service'],
    ])
    expect(widened(r)).toEqual(['a.service CAP_SYS_PTRACE', 'b.service CAP_BPF'])
    expect(r.services[1]!.changedFiles).toEqual(['common/b.d/20-new.conf'])
    repo.git('reset', '-q', '--hard', base)
    repo.write({ 'common/b.d/20-new.conf': '[Service]\nCapabilityBoundingSet=CAP_BPF\nAmbientCapabilities=CAP_BPF\n' })
    expect(widened(diff(repo, base, null))).toEqual(['b.service CAP_BPF'])
  })

  it('treats a unit turned into a link to /dev/null (or emptied) as removed, and a masked drop-in as gone', () => {
    const { repo, base } = repoWith({
      'units/old.service': TIGHT,
      'units/emptied.service.in': TIGHT,
      'units/web.service': '[Service]\nExecStart=/usr/bin/web\n',
      'units/web.service.d/caps.conf': '[Service]\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n',
    })
    const head = repo.commit({
      'units/old.service': { link: '/dev/null' },
      'units/emptied.service.in': '',
      'units/web.service.d/caps.conf': { link: '/dev/null' },
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([
      ['web.service', 'modified', 'units/web.service'],
      ['emptied.service', 'removed', 'units/emptied.service.in'],
      ['old.service', 'removed', 'units/old.service'],
    ])
    expect(widened(r)).toContain('web.service CAP_SYS_ADMIN')
  })

  it('fails closed on a unit or drop-in that is a link out of the repository', () => {
    const { repo, base } = repoWith({ 'units/web.service': TIGHT })
    const head = repo.commit({
      'units/web.service.d/caps.conf': { link: '/etc/systemd/caps.conf' },
      'units/api.service': { link: '../../../outside/api.service' },
    })
    const r = diff(repo, base, head)
    expect(r.failures.map((f) => [f.kind, f.unit])).toEqual([
      ['unreadable-unit', 'api.service'],
      ['unreadable-unit', 'web.service'],
    ])
    expect(r.services.find((s) => s.unit === 'web.service')!.unreadable.after).toMatch(
      /caps\.conf.*leaves the repository/,
    )
    expect(r.verdict).toBe('fail')
    expect(renderMarkdown(r)).toMatch(/Units that could not be assessed/)
    // Turned off, the gate passes what it cannot read (still reported).
    expect(diff(repo, base, head, { gate: { ...DEFAULT_GATE, failOnUnreadableUnit: false } }).verdict).toBe('pass')
  })

  it('fails closed on a link loop, and reads long chains and thousands of links', () => {
    const files: Record<string, FileSpec> = { 'units/web.service': TIGHT }
    for (let i = 0; i < 2000; i++) {
      files[`units/multi-user.target.wants/w${i}.service`] = { link: `../w${i}.service` }
      files[`units/w${i}.service`] = { link: 'web.service' }
    }
    for (let i = 0; i < 60; i++) files[`chain/c${i}`] = { link: `c${i + 1}` }
    files['chain/c60'] = { link: '../units/web.service' }
    const { repo, base } = repoWith(files)
    const head = repo.commit({
      'units/web.service': WIDE,
      'units/loop.service': { link: 'loop2.service' },
      'units/loop2.service': { link: 'loop.service' },
      'units/deep.service': { link: '../chain/c0' },
    })
    // How fast this is, is measured by npm run bench, not here.
    const r = diff(repo, base, head)
    expect(summary(r).map(([u, s]) => `${u} ${s}`)).toEqual([
      'deep.service added',
      'loop.service added',
      'loop2.service added',
      'web.service modified',
    ])
    expect(r.services.find((s) => s.unit === 'loop.service')!.unreadable.after).toMatch(
      /too many levels of symbolic links/,
    )
    expect(r.services.find((s) => s.unit === 'deep.service')!.unreadable.after).toMatch(
      /too many levels of symbolic links/,
    )
    expect(r.failures.filter((f) => f.kind === 'unreadable-unit').map((f) => f.unit)).toEqual([
      'deep.service',
      'loop.service',
      'loop2.service',
    ])
    expect(widened(r)).toEqual(['web.service CAP_SYS_ADMIN'])
  })
})

describe('names are not units', () => {
  const flatcar = (): Record<string, FileSpec> => {
    const files: Record<string, FileSpec> = {}
    for (const f of [
      'virtfs@.service',
      'sshd-keygen.service',
      'media.mount',
      'boot.automount',
      'motdgen.path',
      'issuegen.service',
      'remount-root.service',
    ]) {
      files[`systemd/system/${f}`] = upstream(`flatcar-init/${f}`)
    }
    files['systemd/system/multi-user.target.wants/issuegen.service'] = { link: '../issuegen.service' }
    files['systemd/system/multi-user.target.wants/sshd-keygen.service'] = { link: '../sshd-keygen.service' }
    files['systemd/system/multi-user.target.wants/motdgen.path'] = { link: '../motdgen.path' }
    files['systemd/system/local-fs.target.wants/media.mount'] = { link: '../media.mount' }
    files['systemd/system/local-fs.target.wants/remount-root.service'] = { link: '../remount-root.service' }
    return files
  }

  it('flatcar/init: enablement links are names of the unit they point to, never new services', () => {
    const { repo, base } = repoWith(flatcar())
    const head = repo.commit({
      'systemd/system/issuegen.service': upstream('flatcar-init/issuegen.service') + 'PrivateTmp=yes\n',
      'systemd/system/multi-user.target.wants/remount-root.service': { link: '../remount-root.service' },
      'systemd/system/sysinit.target.wants/ensure-sysext.service': {
        link: '/usr/lib/systemd/system/ensure-sysext.service',
      },
      'systemd/system/multi-user.target.requires/sshd-keygen.service': { link: '../sshd-keygen.service' },
      'systemd/system/dbus-org.example.issue.service': { link: 'issuegen.service' },
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['issuegen.service', 'modified', 'systemd/system/issuegen.service']])
    expect(r.services[0]!.changedFiles).toEqual(['systemd/system/issuegen.service'])
    expect(r.verdict).toBe('pass')
  })

  it('an enablement link naming an instance makes that instance a unit, assessed from its template', () => {
    const { repo, base } = repoWith(flatcar())
    const head = repo.commit({
      'systemd/system/multi-user.target.wants/virtfs@share.service': { link: '../virtfs@.service' },
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['virtfs@share.service', 'added', 'systemd/system/virtfs@.service']])
    expect(r.services[0]!.changedFiles).toEqual(['systemd/system/multi-user.target.wants/virtfs@share.service'])
    // Its baseline is the template as base analyses it: an instance of an unchanged template adds
    // nothing that does not depend on its name.
    expect(r.services[0]!.basePath).toBe('systemd/system/virtfs@.service')
    expect(added(r.services[0]!)).toEqual([])
    expect(r.verdict).toBe('pass')
    // Editing the template changes both the template as analysed and the named instance.
    const edit = repo.commit({
      'systemd/system/virtfs@.service':
        upstream('flatcar-init/virtfs@.service') + 'CapabilityBoundingSet=CAP_SYS_ADMIN\n',
    })
    expect(summary(diff(repo, head, edit))).toEqual([
      ['virtfs@i.service', 'modified', 'systemd/system/virtfs@.service'],
      ['virtfs@share.service', 'modified', 'systemd/system/virtfs@.service'],
    ])
  })

  it('skips D-Bus activation files and Avahi service definitions, with a note; a [Service] section still makes a unit', () => {
    const { repo, base } = repoWith({ 'README.md': 'x\n' })
    const head = repo.commit({
      'data/dbus-1/services/org.cockpit_project.CockpitClient.service': upstream(
        'cockpit/org.cockpit_project.CockpitClient.service',
      ),
      'avahi/services/ssh.service':
        '<?xml version="1.0" standalone=\'no\'?>\n<service-group>\n  <name replace-wildcards="yes">%h</name>\n  <service><type>_ssh._tcp</type><port>22</port></service>\n</service-group>\n',
      'data/dbus-1/system-services/org.example.Sneaky.service':
        '[D-BUS Service]\nName=org.example.Sneaky\nExec=/usr/bin/sneaky\n\n[Service]\nExecStart=/usr/bin/sneaky\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([
      ['org.example.Sneaky.service', 'added', 'data/dbus-1/system-services/org.example.Sneaky.service'],
    ])
    expect(r.skipped).toEqual([
      {
        path: 'avahi/services/ssh.service',
        reason: 'an XML file (such as an Avahi service definition), not a systemd unit',
      },
      {
        path: 'data/dbus-1/services/org.cockpit_project.CockpitClient.service',
        reason: 'a D-Bus activation file ([D-BUS Service]), not a systemd unit',
      },
    ])
    expect(renderMarkdown(r)).toMatch(/Changed files not reviewed as units/)
  })
})

describe('changed files that are no units are listed, with the reason', () => {
  it('lists drop-ins no unit loads, files systemd ignores in drop-in directories, and files in enablement directories', () => {
    const { repo, base } = repoWith({ 'u/web.service': TIGHT, 'u/job.timer': '[Timer]\nOnCalendar=daily\n' })
    const head = repo.commit({
      'u/web.service.d/README': 'notes\n',
      // flatcar/init ships this drop-in for the distribution's sshd@.service.
      'u/sshd@.service.d/keygen.conf': '[Unit]\nWants=sshd-keygen.service\nAfter=sshd-keygen.service\n',
      'u/job.timer.d/when.conf': '[Timer]\nOnCalendar=hourly\n',
      'u/multi-user.target.wants/web.service': TIGHT,
    })
    const r = diff(repo, base, head)
    // The drop-in for the distribution's sshd@.service is reviewed on its own (test/diff/foreign-units.test.ts).
    expect(r.services.map((s) => [s.unit, s.status, s.path, s.capabilities.widened.length])).toEqual([
      ['sshd@.service', 'modified', 'u/sshd@.service.d', 0],
    ])
    expect(r.skipped).toEqual([
      {
        path: 'u/job.timer.d/when.conf',
        reason: 'drop-in for job.timer, a .timer unit that starts no process of its own',
      },
      {
        path: 'u/multi-user.target.wants/web.service',
        reason:
          'a file in the enablement directory multi-user.target.wants: systemd takes only its name from there, never its content',
      },
      {
        path: 'u/web.service.d/README',
        reason: 'in the drop-in directory of web.service, but not a .conf drop-in: systemd ignores it',
      },
    ])
    expect(r.verdict).toBe('pass')
  })
})

describe('instances and aliases', () => {
  it('sees a drop-in of an instance as a change of that instance, run from its template', () => {
    const { repo, base } = repoWith({ 'units/app@.service': TIGHT })
    const head = repo.commit({
      'units/app@main.service.d/caps.conf':
        '[Service]\nCapabilityBoundingSet=CAP_SYS_ADMIN\nAmbientCapabilities=CAP_SYS_ADMIN\n',
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['app@main.service', 'added', 'units/app@.service']])
    // Compared with the template as base analyses it: only what the drop-in adds is new.
    expect(added(r.services[0]!)).toEqual(['CAP_SYS_ADMIN'])
    expect(r.verdict).toBe('fail')
    // Once the instance exists on both sides, an edit of its drop-in is a modification.
    const edit = repo.commit({
      'units/app@main.service.d/caps.conf':
        '[Service]\nCapabilityBoundingSet=CAP_SYS_ADMIN CAP_BPF\nAmbientCapabilities=CAP_SYS_ADMIN CAP_BPF\n',
    })
    const r2 = diff(repo, head, edit)
    expect(summary(r2)).toEqual([['app@main.service', 'modified', 'units/app@.service']])
    expect(widened(r2)).toEqual(['app@main.service CAP_BPF'])
  })

  it('lists a drop-in under an alias name instead of dropping it silently', () => {
    const { repo, base } = repoWith({ 'units/foo.service': TIGHT, 'units/bar.service': { link: 'foo.service' } })
    const head = repo.commit({
      'units/bar.service.d/caps.conf':
        '[Service]\nCapabilityBoundingSet=CAP_SYS_ADMIN\nAmbientCapabilities=CAP_SYS_ADMIN\n',
    })
    const r = diff(repo, base, head)
    const reported =
      r.services.some((s) => s.unit === 'foo.service') ||
      r.skipped.some((f) => f.path === 'units/bar.service.d/caps.conf')
    expect(reported).toBe(true)
  })

  // The loader's alias rules: drop-ins in bar.service.d/ apply to foo.service when bar.service is
  // a link to it in the same directory (checked with systemd-analyze).
  it('a drop-in under an alias name is a change of the unit the alias points to', () => {
    const { repo, base } = repoWith({ 'units/foo.service': TIGHT, 'units/bar.service': { link: 'foo.service' } })
    const head = repo.commit({
      'units/bar.service.d/caps.conf':
        '[Service]\nCapabilityBoundingSet=CAP_SYS_ADMIN\nAmbientCapabilities=CAP_SYS_ADMIN\n',
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['foo.service', 'modified', 'units/foo.service']])
    expect(r.services[0]!.changedFiles).toEqual(['units/bar.service.d/caps.conf'])
    expect(widened(r)).toEqual(['foo.service CAP_SYS_ADMIN'])
    expect(r.skipped).toEqual([])
  })

  it('a drop-in under an [Install] Alias= name applies once the unit is enabled: the gate reads it so', () => {
    const { repo, base } = repoWith({ 'units/foo.service': `${TIGHT}\n[Install]\nAlias=bar.service\n` })
    const head = repo.commit({
      'units/bar.service.d/caps.conf':
        '[Service]\nCapabilityBoundingSet=CAP_SYS_ADMIN\nAmbientCapabilities=CAP_SYS_ADMIN\n',
    })
    const r = diff(repo, base, head)
    const foo = r.services.find((s) => s.unit === 'foo.service')!
    expect(foo.changedFiles).toEqual(['units/bar.service.d/caps.conf'])
    // systemd-analyze does not read it (no link yet): the score is unchanged; the gate fails.
    expect(foo.delta).toBe(0)
    expect(foo.capabilities.widened.map((w) => [w.level, w.capabilities, w.what.replace(/.*\(if /, '(if ')])).toEqual([
      ['held', ['CAP_SYS_ADMIN'], '(if it is enabled: [Install] Alias=bar.service makes their drop-ins apply)'],
    ])
    expect(r.verdict).toBe('fail')
  })
})

describe('a link systemd loads as a unit is a unit, at its own path', () => {
  const ROOT = '[Service]\nExecStart=/usr/bin/web\n'
  const TO_ROOT = '[Service]\nUser=root\n'

  it('a linked unit file elsewhere (another name or the same) reads its own drop-ins', () => {
    const { repo, base } = repoWith({
      'units/app.service': TIGHT,
      'units/extra/app-legacy.service': { link: '../app.service' },
      'units/extra/app.service': { link: '../app.service' },
    })
    const head = repo.commit({
      'units/extra/app-legacy.service.d/compat.conf': TO_ROOT,
      'units/extra/app.service.d/compat.conf': TO_ROOT,
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([
      ['app-legacy.service', 'modified', 'units/extra/app-legacy.service'],
      ['app.service', 'modified', 'units/extra/app.service'],
    ])
    expect(r.services.every((s) => s.capabilities.widened.some((w) => w.root))).toBe(true)
    expect(r.skipped).toEqual([])
    expect(r.verdict).toBe('fail')
  })

  it('an edit of a file that a linked unit file also loads is reported once; units that differ are all kept', () => {
    const { repo, base } = repoWith({
      'units/app.service': TIGHT,
      'deploy/app.service': { link: '../units/app.service' },
      'deploy/app.service.d/x.conf': '[Unit]\nDescription=x\n',
    })
    const head = repo.commit({ 'units/app.service': TIGHT + 'PrivateTmp=yes\n' })
    expect(summary(diff(repo, base, head))).toEqual([
      ['app.service', 'modified', 'deploy/app.service'],
      ['app.service', 'modified', 'units/app.service'],
    ])
    const { repo: repo2, base: base2 } = repoWith({
      'units/app.service': TIGHT,
      'deploy/app.service': { link: '../units/app.service' },
    })
    const head2 = repo2.commit({ 'units/app.service': TIGHT + 'PrivateTmp=yes\n' })
    const r2 = diff(repo2, base2, head2)
    expect(summary(r2)).toEqual([['app.service', 'modified', 'units/app.service']])
    expect(r2.verdict).toBe('pass')
  })

  it('a unit file turned into a link to another file, or into an alias of another unit, is modified, compared with what it was', () => {
    const { repo, base } = repoWith({
      'units/app.service': TIGHT,
      'units/multi-user.target.wants/app.service': { link: '../app.service' },
      'units/app-debug.service': ROOT,
      'units/job.service': TIGHT,
      'shared/job-v2.service': ROOT,
    })
    const head = repo.commit({
      'units/app.service': { link: 'app-debug.service' },
      'units/job.service': { link: '../shared/job-v2.service' },
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([
      ['app-debug.service', 'modified', 'units/app.service'],
      ['job.service', 'modified', 'units/job.service'],
    ])
    expect(r.services.map((s) => s.capabilities.widened.some((w) => w.root))).toEqual([true, true])
    expect(r.verdict).toBe('fail')
  })

  it('a link into vendor/ is reviewed where it is loaded; a unit under a linked directory, when the link is switched', () => {
    const { repo, base } = repoWith({
      'vendor/acme/acme.service': TIGHT,
      'deploy/acme.service': { link: '../vendor/acme/acme.service' },
      'deploy/v1/app.service': TIGHT,
      'deploy/v2/app.service': ROOT,
      'deploy/current': { link: 'v1' },
    })
    const head = repo.commit({
      'vendor/acme/acme.service': ROOT,
      'deploy/current': { link: 'v2' },
      'vendor/acme/new.service': ROOT,
      'deploy/new.service': { link: '../vendor/acme/new.service' },
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([
      ['acme.service', 'modified', 'deploy/acme.service'],
      ['app.service', 'modified', 'deploy/current/app.service'],
      ['new.service', 'added', 'deploy/new.service'],
    ])
    expect(r.services.map((s) => s.unreadable.after)).toEqual([null, null, null])
    expect(r.services.map((s) => s.capabilities.widened.some((w) => w.root))).toEqual([true, true, true])
  })
})

describe('instances named anywhere in the units', () => {
  const BACKUP =
    '[Service]\nType=oneshot\nUser=backup\nNoNewPrivileges=yes\nExecStartPre=+/usr/bin/chown -R backup:backup %f\nExecStart=/usr/bin/backup\n[Install]\nWantedBy=multi-user.target\nDefaultInstance=srv-backup\n'

  it('DefaultInstance=, Unit= of a timer and Wants= name instances: reviewed, with what the instance name changes', () => {
    const { repo, base } = repoWith({ 'units/backup@.service': BACKUP })
    for (const change of <Record<string, FileSpec>[]>[
      { 'units/backup@.service': BACKUP.replace('srv-backup', 'etc') },
      { 'units/backup-etc.timer': '[Timer]\nOnCalendar=daily\nUnit=backup@etc.service\n' },
      { 'units/sync.service': '[Unit]\nWants=backup@etc.service\n[Service]\nExecStart=/usr/bin/sync\nUser=sync\n' },
    ]) {
      repo.git('reset', '-q', '--hard', base)
      const r = diff(repo, base, repo.commit(change))
      const etc = r.services.find((s) => s.unit === 'backup@etc.service')!
      expect(etc.status).toBe('added')
      expect(etc.capabilities.widened.map((w) => w.command?.text)).toEqual(['+/usr/bin/chown -R backup:backup %f'])
      expect(r.verdict).toBe('fail')
    }
  })

  it('a new instance of an unchanged template, and an instance drop-in that only describes it, pass', () => {
    const { repo, base } = repoWith({
      'units/backup@.service': BACKUP,
      'units/multi-user.target.wants/backup@srv-backup.service': { link: '../backup@.service' },
      'units/wg@.service': ROOT_TEMPLATE,
    })
    const head = repo.commit({
      'units/multi-user.target.wants/wg@wg1.service': { link: '../wg@.service' },
      'units/wg@wg0.service.d/description.conf': '[Unit]\nDescription=office tunnel\n',
      'units/multi-user.target.wants/backup@srv-data.service': { link: '../backup@.service' },
    })
    const r = diff(repo, base, head)
    expect(
      r.services
        .filter((s) => s.status === 'added')
        .map((s) => s.unit)
        .sort(),
    ).toEqual(['backup@srv-data.service', 'wg@wg0.service', 'wg@wg1.service'])
    // backup@srv-data chowns /srv/data instead of /srv/i: a path the template as analysed does not name.
    expect(r.failures.map((f) => f.unit)).toEqual(['backup@srv-data.service'])
    const { repo: repo2, base: base2 } = repoWith({ 'units/wg@.service': ROOT_TEMPLATE })
    expect(
      diff(
        repo2,
        base2,
        repo2.commit({ 'units/wg@wg0.service.d/description.conf': '[Unit]\nDescription=office tunnel\n' }),
      ).verdict,
    ).toBe('pass')
  })
})

const ROOT_TEMPLATE = '[Service]\nType=oneshot\nExecStart=/usr/bin/wg-quick up %i\n'

describe('every unit type that starts processes', () => {
  const SOCKET =
    '[Unit]\nDescription=app socket\n\n[Socket]\nListenStream=/run/app.sock\nExecStartPost=/usr/bin/app-setup\nUser=app\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n'
  const MOUNT = upstream('flatcar-init/media.mount')
  // systemd-analyze security --offline=true of each version (../shared/oracle):
  // app.socket, media.mount before → after, swapfile.swap.
  const ORACLE = {
    '252': { socket: 6.7, mount: [9.7, 7.0], swap: 9.8 },
    '254': { socket: 6.5, mount: [9.5, 6.8], swap: 9.6 },
    '257': { socket: 6.5, mount: [9.5, 6.8], swap: 9.6 },
    '262': { socket: 6.5, mount: [9.5, 6.8], swap: 9.6 },
  } as const

  for (const version of ['252', '254', '257', '262'] as const) {
    it(`reviews sockets, mounts and swaps with scores as systemd ${version} gives them`, () => {
      const { repo, base } = repoWith({ 'units/app.socket': SOCKET, 'units/media.mount': MOUNT })
      const head = repo.commit({
        // A socket's own commands run as root by default: a `+` one runs with every capability.
        'units/app.socket': SOCKET + 'ExecStopPre=+/usr/bin/teardown\n',
        'units/media.mount': MOUNT + 'CapabilityBoundingSet=CAP_SYS_ADMIN\nPrivateDevices=yes\n',
        'units/swapfile.swap': '[Swap]\nWhat=/swapfile\n',
      })
      const r = diff(repo, base, head, { version })
      const o = ORACLE[version]
      expect(r.services.map((s) => [s.unit, s.status, s.before?.exposure ?? null, s.after?.exposure ?? null])).toEqual([
        ['app.socket', 'modified', o.socket, o.socket],
        ['media.mount', 'modified', o.mount[0], o.mount[1]],
        ['swapfile.swap', 'added', null, o.swap],
      ])
      const socket = r.services[0]!
      expect(added(socket)).toHaveLength(41)
      expect(socket.capabilities.widened[0]).toMatchObject({ file: 'units/app.socket', line: 10 })
      // The mount helper runs as root: narrowing its bounding set is no widening; a new swap runs swapon as root.
      expect(r.services[1]!.capabilities.widened).toEqual([])
      expect(added(r.services[2]!)).toHaveLength(41)
      expect(r.failures.map((f) => f.unit)).toEqual(['app.socket', 'swapfile.swap'])
    })
  }

  it('lists timers, paths, targets, slices and automounts as changed files that start no process of their own', () => {
    const { repo, base } = repoWith({
      'systemd/boot.automount': upstream('flatcar-init/boot.automount'),
      'systemd/motdgen.path': upstream('flatcar-init/motdgen.path'),
    })
    const head = repo.commit({
      'systemd/boot.automount': upstream('flatcar-init/boot.automount') + 'TimeoutIdleSec=10\n',
      'systemd/motdgen.path': null,
      'systemd/job.timer': '[Timer]\nOnCalendar=daily\n',
      'systemd/app.slice': '[Slice]\nMemoryMax=1G\n',
    })
    const r = diff(repo, base, head)
    expect(r.services).toEqual([])
    expect(r.skipped.map((f) => [f.path, f.reason])).toEqual([
      ['systemd/app.slice', 'a .slice unit starts no process of its own'],
      ['systemd/boot.automount', 'a .automount unit starts no process of its own'],
      ['systemd/job.timer', 'a .timer unit starts no process of its own'],
      ['systemd/motdgen.path', 'a .path unit starts no process of its own'],
    ])
  })
})

describe('build templates', () => {
  const UNBOUND = upstream('unbound/unbound.service.in')
  const stripped = UNBOUND.replace(/^CapabilityBoundingSet=.*\n/m, '').replace(/^NoNewPrivileges=.*\n/m, '')

  for (const [version, before, after] of [
    ['252', 3.5, 4.8],
    ['254', 3.3, 4.6],
    ['257', 3.3, 4.6],
    ['262', 3.3, 4.6],
  ] as const) {
    it(`NLnetLabs/unbound: a PR stripping the bounding set and NoNewPrivileges= from unbound.service.in is reviewed as systemd ${version} scores it`, () => {
      const { repo, base } = repoWith({
        'contrib/unbound.service.in': UNBOUND,
        'contrib/unbound.socket.in': upstream('unbound/unbound.socket.in'),
      })
      const head = repo.commit({ 'contrib/unbound.service.in': stripped })
      const r = diff(repo, base, head, { version })
      // Scores: systemd-analyze of the generated file (placeholders as below) on each version.
      expect(r.services.map((s) => [s.unit, s.status, s.path, s.before?.exposure, s.after?.exposure])).toEqual([
        ['unbound.service', 'modified', 'contrib/unbound.service.in', before, after],
      ])
      const s0 = r.services[0]!
      // Every row the two lines held regressed, each traced to the template's removed line.
      const rows = new Map(s0.regressions.map((x) => [x.id, x]))
      expect(rows.get('NoNewPrivileges=')).toMatchObject({
        file: 'contrib/unbound.service.in',
        line: 64,
        removedLine: true,
      })
      expect(rows.get('CapabilityBoundingSet=~CAP_SYS_ADMIN')).toMatchObject({
        file: 'contrib/unbound.service.in',
        line: 62,
        removedLine: true,
      })
      expect(
        s0.warnings.filter((w) => w.file === 'contrib/unbound.service.in').map((w) => `${w.line} ${w.message}`),
      ).toContain('59 build template: unknown placeholder taken as a path: @UNBOUND_SBIN_DIR@ as /UNBOUND_SBIN_DIR')
      expect(s0.unreadable.after).toBeNull()
      // (ExecReload=+… already runs with every capability: whether capabilities widen is the
      // capability model's call; the regressions and the score are this change's evidence.)
      expect(
        diff(repo, base, head, { version, gate: { ...DEFAULT_GATE, maxExposureIncrease: 0.5 } }).failures.map(
          (f) => f.kind,
        ),
      ).toContain('exposure-increase')
    })
  }

  it('an unknown placeholder in User= or a whole-line placeholder cannot be resolved: assessed as root, and fails closed', () => {
    const unit = (extra: string) =>
      `[Service]\nExecStart=@bindir@/app\nNoNewPrivileges=yes\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n${extra}`
    const { repo, base } = repoWith({ 'a/app.service.in': unit('User=app\n'), 'b/job.service.in': unit('') })
    const head = repo.commit({
      'a/app.service.in': unit('User=@user@\n'),
      'b/job.service.in': unit('@dynamic_options@\n'),
    })
    const r = diff(repo, base, head)
    const app = r.services.find((s) => s.unit === 'app.service')!
    expect(app.unreadable.after).toMatch(/@user@ in User= cannot be resolved; assessed as if the line were absent/)
    // Root with NoNewPrivileges=: the whole bounding set is held — never "non-root".
    expect(app.capabilities.widened.flatMap((w) => w.capabilities)).toEqual(['CAP_NET_BIND_SERVICE'])
    expect(r.services.find((s) => s.unit === 'job.service')!.unreadable.after).toMatch(
      /b\/job\.service\.in:5: @dynamic_options@ stands for text the build puts here/,
    )
    expect(r.failures.filter((f) => f.kind === 'unreadable-unit').map((f) => f.unit)).toEqual([
      'app.service',
      'job.service',
    ])
    // A value for the placeholder resolves it.
    const resolved = diff(repo, base, head, {
      templatePlaceholders: { user: 'app', dynamic_options: 'PrivateTmp=yes' },
    })
    expect(resolved.failures).toEqual([])
  })

  it('jinja: the first branch of an {% if %} block is scored with a warning; the gate reads every branch', () => {
    const { repo, base } = repoWith({
      'units/x.service.in': '[Service]\nExecStart={{LIBEXECDIR}}/x\nUser=x\nNoNewPrivileges=yes\n',
    })
    const head = repo.commit({
      'units/x.service.in':
        '[Service]\nExecStart={{LIBEXECDIR}}/x\nUser=x\nNoNewPrivileges=yes\n{% if ENABLE_NSCD %}\nPrivateTmp=yes\n{% else %}\nPrivateTmp=no\n{% endif %}\n',
      'units/y.service.in':
        '[Service]\nExecStart={{BINDIR}}/y\nNoNewPrivileges=yes\n{% if HAVE_USER %}\nUser=y\n{% endif %}\n{{SERVICE_WATCHDOG}}\n',
    })
    const r = diff(repo, base, head)
    const x = r.services.find((s) => s.unit === 'x.service')!
    expect(x.unreadable.after).toBeNull()
    expect(x.improvements.map((i) => i.id)).toEqual(['PrivateTmp='])
    expect(x.capabilities.widened).toEqual([])
    expect(x.warnings.map((w) => w.message)).toContain(
      'build template: build options are unknown: scored with the first branch of each {% if %} block; the capability gate reads the 1 other branch too (a block without {% else %} also as skipped)',
    )
    // A new unit: what it can do in a build without HAVE_USER is new too, and says so.
    const y = r.services.find((s) => s.unit === 'y.service')!
    expect(y.unreadable.after).toBeNull()
    expect(y.after?.exposure).toBeDefined()
    expect(y.capabilities.after?.root).toBe(false)
    expect(y.capabilities.widened.map((w) => w.what)).toContainEqual(
      expect.stringMatching(/runs as root.*\(if the build takes \{% else %\} of \{% if HAVE_USER %\}\)$/),
    )
  })

  it('jinja: a branch the build may take that runs a command with full privileges, or drops PrivateUsers=, is a widening', () => {
    const { repo, base } = repoWith({
      'units/app.service.in':
        '[Service]\nUser=app\nNoNewPrivileges=yes\nExecStartPre=/usr/lib/app/setup\nExecStart={{BINDIR}}/app\n',
      'units/indexer.service.in': '[Service]\nPrivateUsers=yes\nExecStart=@bindir@/indexer\n',
    })
    const head = repo.commit({
      'units/app.service.in':
        '[Service]\nUser=app\nNoNewPrivileges=yes\n{% if ENABLE_QUOTA %}\nExecStartPre=/usr/lib/app/setup\n{% elif LEGACY %}\nExecStartPre=/usr/lib/app/setup --legacy\n{% else %}\nExecStartPre=+/usr/lib/app/setup --as-root\n{% endif %}\nExecStart={{BINDIR}}/app\n',
      'units/indexer.service.in':
        '[Service]\n{% if ENABLE_USERNS %}\nPrivateUsers=yes\n{% endif %}\nExecStart=@bindir@/indexer\n',
    })
    const r = diff(repo, base, head)
    expect(r.verdict).toBe('fail')
    const app = r.services.find((s) => s.unit === 'app.service')!
    // The score and the profile stay the first branch's.
    expect(app.capabilities.after?.root).toBe(false)
    expect(app.capabilities.widened.map((w) => [w.what, w.line])).toEqual([
      [
        expect.stringMatching(
          /^runs ExecStartPre=\+\/usr\/lib\/app\/setup --as-root with full privileges.*\(if the build takes \{% else %\} of \{% if ENABLE_QUOTA %\}\)$/,
        ),
        9,
      ],
    ])
    const indexer = r.services.find((s) => s.unit === 'indexer.service')!
    expect(indexer.capabilities.widened.map((w) => w.what)).toEqual([
      expect.stringMatching(/\(if the build takes \{% else %\} of \{% if ENABLE_USERNS %\}\)$/),
    ])
    expect(r.failures.filter((f) => f.kind === 'capability-widening').map((f) => f.unit)).toEqual([
      'app.service',
      'indexer.service',
    ])
  })

  it('jinja: an edit of a template with {% if %} blocks that widens nothing in any branch passes; each branch is compared with the same branch of base', () => {
    const unit = (description: string, tmp: string) =>
      `[Unit]\nDescription=${description}\n[Service]\nUser=app\nNoNewPrivileges=yes\n{% if ENABLE_USERNS %}\nPrivateUsers=yes\n{% endif %}\n{% if ENABLE_QUOTA %}\nExecStartPre=/usr/lib/app/setup\n{% else %}\nExecStartPre=+/usr/lib/app/setup --as-root\nPrivateTmp=${tmp}\n{% endif %}\nExecStart=@UNBOUND_SBIN_DIR@/app -d\nExecReload=@bindir@/kill -HUP $MAINPID\n`
    const { repo, base } = repoWith({ 'units/app.service.in': unit('App', 'no') })
    const head = repo.commit({ 'units/app.service.in': unit('The app', 'yes') })
    const r = diff(repo, base, head)
    expect(r.services.map((s) => s.capabilities.widened)).toEqual([[]])
    expect(r.services[0]!.unreadable.after).toBeNull()
    expect(r.verdict).toBe('pass')
  })

  it('jinja: comments, also over lines, are removed before the unit is read; in a template with no other jinja they may be text', () => {
    const { repo, base } = repoWith({
      'units/app.service.in': '[Service]\nUser=app\nNoNewPrivileges=yes\nExecStart={{BINDIR}}/app\n',
      'units/web.service.in': '[Service]\nUser=web\nNoNewPrivileges=yes\nExecStart=@bindir@/web\n',
      'units/job.service.in': '[Service]\nUser=job\nNoNewPrivileges=yes\nExecStart=@bindir@/job\n',
    })
    const head = repo.commit({
      'units/app.service.in': '[Service]\n{#\n  User=app\n  NoNewPrivileges=yes\n#}\nExecStart={{BINDIR}}/app\n',
      'units/web.service.in': '[Service]\n{# User=web #}\nNoNewPrivileges=yes\nExecStart=@bindir@/web\n',
      'units/job.service.in':
        '[Service]\nUser=job\nNoNewPrivileges=yes\nExecStart=@bindir@/job\n{#\nExecStartPre=+/usr/bin/setup\n#}\n',
    })
    const r = diff(repo, base, head)
    const app = r.services.find((s) => s.unit === 'app.service')!
    expect(app.capabilities.after?.root).toBe(true)
    expect(app.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/Missing '='/))
    expect(r.services.find((s) => s.unit === 'web.service')!.capabilities.after?.root).toBe(true)
    // Without other jinja, the build may be autotools, where {# is text: the command runs then.
    const job = r.services.find((s) => s.unit === 'job.service')!
    expect(job.capabilities.after?.elevated).toEqual([])
    expect(job.capabilities.widened.map((w) => w.what)).toEqual([
      expect.stringMatching(/^runs ExecStartPre=\+\/usr\/bin\/setup .*\(if the build does not use jinja/),
    ])
    expect(r.failures.filter((f) => f.kind === 'capability-widening').map((f) => f.unit)).toEqual([
      'app.service',
      'job.service',
      'web.service',
    ])
  })

  it('an unknown placeholder that begins a command line may be an exec prefix: a widening when it is new; a known one is a path', () => {
    const { repo, base } = repoWith({
      'units/app.service.in':
        '[Service]\nUser=app\nNoNewPrivileges=yes\nExecStartPre=@libexecdir@/app/setup\nExecStart=@bindir@/app\n',
    })
    const head = repo.commit({
      'units/app.service.in':
        '[Service]\nUser=app\nNoNewPrivileges=yes\nExecStartPre=@SETUP_PREFIX@@libexecdir@/app/setup\nExecStart=@bindir@/app --verbose\n',
    })
    const r = diff(repo, base, head)
    const s0 = r.services[0]!
    expect(s0.capabilities.after?.elevated).toEqual([])
    expect(s0.capabilities.widened.map((w) => [w.what, w.line])).toEqual([
      [
        expect.stringMatching(
          /^runs ExecStartPre=\+\/usr\/libexec\/app\/setup with full privileges.*\(if @SETUP_PREFIX@ is the exec prefix \+\)$/,
        ),
        4,
      ],
    ])
    expect(r.verdict).toBe('fail')
    // A value for the placeholder resolves it.
    expect(diff(repo, base, head, { templatePlaceholders: { SETUP_PREFIX: '' } }).verdict).toBe('pass')
  })

  it('Ansible, Salt, chezmoi: .j2, .jinja, .jinja2 and .tmpl are build templates; a removed User={{ app_user }} is a widening', () => {
    const unit = (user: string) => `[Service]\n${user}NoNewPrivileges=yes\nExecStart=/usr/bin/app\n`
    const { repo, base } = repoWith({
      'roles/app/templates/app.service.j2': unit('User={{ app_user }}\n'),
      'salt/web.service.jinja': unit('User=web\n'),
      'salt/job.service.jinja2': unit('User=job\n'),
      'dot/tool.service.tmpl': unit('User=tool\n'),
    })
    const head = repo.commit({
      'roles/app/templates/app.service.j2': unit(''),
      'salt/web.service.jinja': unit('User={{ web_user | default("web") }}\n'),
      'salt/job.service.jinja2': unit('User=job\nPrivateTmp=yes\n'),
      'dot/tool.service.tmpl': unit('User=tool\nPrivateTmp=yes\n'),
    })
    const r = diff(repo, base, head)
    expect(r.skipped).toEqual([])
    expect(
      summary(r)
        .map(([u]) => u)
        .sort(),
    ).toEqual(['app.service', 'job.service', 'tool.service', 'web.service'])
    const app = r.services.find((s) => s.unit === 'app.service')!
    // Base's User= is unknown: it may be any user, so its removal runs as root where it did not.
    expect(app.capabilities.widened.map((w) => w.what)).toContainEqual(expect.stringMatching(/runs as root/))
    // A jinja expression is an unknown placeholder: in User=, assessed as root and unresolvable.
    expect(r.failures.map((f) => `${f.kind} ${f.unit}`).sort()).toEqual([
      'capability-widening app.service',
      'capability-widening web.service',
      'unreadable-unit web.service',
    ])
  })

  it('an unknown placeholder in User= of a branch the score does not read still cannot be resolved', () => {
    const { repo, base } = repoWith({ 'units/app.service.in': '[Service]\nUser=app\nExecStart=@bindir@/app\n' })
    const head = repo.commit({
      'units/app.service.in':
        '[Service]\n{% if A %}\nUser=app\n{% else %}\nUser=@user@\n{% endif %}\nExecStart=@bindir@/app\n',
    })
    const r = diff(repo, base, head)
    expect(r.services[0]!.unreadable.after).toMatch(
      /units\/app\.service\.in:5: @user@ in User= cannot be resolved; assessed as if the line were absent \(if the build takes \{% else %\} of \{% if A %\}\)/,
    )
    expect(r.failures.map((f) => f.kind)).toContain('unreadable-unit')
  })

  it('eclipse/mosquitto: other suffixes are build templates when the settings say so; else they are listed as not reviewed', () => {
    const files = {
      'service/systemd/mosquitto.service.notify': upstream('mosquitto/mosquitto.service.notify'),
      'service/systemd/mosquitto.service.simple': upstream('mosquitto/mosquitto.service.simple'),
    }
    const { repo, base } = repoWith(files)
    const head = repo.commit({
      'service/systemd/mosquitto.service.notify': files['service/systemd/mosquitto.service.notify'].replace(
        '[Service]\n',
        '[Service]\nAmbientCapabilities=CAP_NET_ADMIN\n',
      ),
    })
    const plain = diff(repo, base, head)
    expect(plain.services).toEqual([])
    expect(plain.skipped).toEqual([
      {
        path: 'service/systemd/mosquitto.service.notify',
        reason:
          'named like the unit mosquitto.service with the suffix .notify, which is not a build-template suffix: not reviewed',
      },
    ])
    const r = diff(repo, base, head, { templateSuffixes: ['.in', '.notify', '.simple'] })
    expect(summary(r)).toEqual([['mosquitto.service', 'modified', 'service/systemd/mosquitto.service.notify']])
    expect(r.skipped).toEqual([])
  })

  it('a drop-in kept as a build template (override.conf.in) is applied as the drop-in it generates', () => {
    const { repo, base } = repoWith({
      'u/web.service': TIGHT,
      'u/web.service.d/caps.conf.in': '[Service]\nExecStartPre=@bindir@/prepare\n',
    })
    const head = repo.commit({ 'u/web.service.d/caps.conf.in': '[Service]\nExecStartPre=+@bindir@/prepare\n' })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['web.service', 'modified', 'u/web.service']])
    expect(r.services[0]!.changedFiles).toEqual(['u/web.service.d/caps.conf.in'])
    expect(r.services[0]!.capabilities.widened[0]).toMatchObject({ file: 'u/web.service.d/caps.conf.in', line: 2 })
  })

  it('a template and the file generated from it, both in the repository, are reviewed as two units', () => {
    const { repo, base } = repoWith({
      'u/web.service.in': '[Service]\nExecStart=@bindir@/web\n',
      'u/web.service': '[Service]\nExecStart=/usr/bin/web\n',
    })
    const head = repo.commit({
      'u/web.service.in': '[Service]\nExecStart=@bindir@/web\nPrivateTmp=yes\n',
      'u/web.service': '[Service]\nExecStart=/usr/bin/web\nProtectHome=yes\n',
    })
    const r = diff(repo, base, head)
    expect(r.services.map((s) => [s.unit, s.path, s.improvements.map((i) => i.id).join()])).toEqual([
      ['web.service', 'u/web.service', 'ProtectHome='],
      ['web.service', 'u/web.service.in', 'PrivateTmp='],
    ])
  })
})

describe('a root file system the repository ships is one search path', () => {
  // systemd.unit(5), "Unit File Load Path": rootfs/etc/systemd/system, rootfs/run/systemd/system,
  // rootfs/usr/lib/systemd/system, … are read as one search path, as `systemd-analyze --root=rootfs`
  // reads them (scores checked against it on 252 and 262).
  const APP = '[Service]\nUser=app\nNoNewPrivileges=yes\nExecStart=/usr/bin/app\n'
  const ROOT_DROP_IN = '[Service]\nUser=root\nExecStartPre=+/bin/sh -c "echo hi"\n'
  const HARDENED = '[Unit]\nDescription=App\n[Service]\nExecStart=/usr/bin/app\n[Install]\nWantedBy=multi-user.target\n'
  const HARDENING = '[Service]\nUser=app\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n'

  it('a drop-in under an /etc alias of a /usr/lib unit applies to that unit', () => {
    const { repo, base } = repoWith({
      'rootfs/usr/lib/systemd/system/app.service': APP,
      'rootfs/etc/systemd/system/app-legacy.service': { link: '/usr/lib/systemd/system/app.service' },
    })
    const head = repo.commit({ 'rootfs/etc/systemd/system/app-legacy.service.d/compat.conf': ROOT_DROP_IN })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['app.service', 'modified', 'rootfs/usr/lib/systemd/system/app.service']])
    expect(r.services[0]!.changedFiles).toEqual(['rootfs/etc/systemd/system/app-legacy.service.d/compat.conf'])
    expect(r.services[0]!.capabilities.widened.map((w) => w.what)).toContain(
      'now runs as root: all 41 capabilities at start',
    )
    expect([r.services[0]!.before?.exposure, r.services[0]!.after?.exposure]).toEqual([9.0, 9.4])
    expect(r.skipped).toEqual([])
    expect(r.verdict).toBe('fail')
    expect([
      diff(repo, base, head, { version: '262' }).services[0]!.before?.exposure,
      diff(repo, base, head, { version: '262' }).services[0]!.after?.exposure,
    ]).toEqual([8.8, 9.2])
  })

  it('the recommendation reads the unit where the score does: an /etc drop-in counts, and its setting is not suggested again', () => {
    const { repo, base } = repoWith({
      'rootfs/usr/lib/systemd/system/a.service': '[Service]\nExecStart=/usr/bin/a\nPrivateTmp=yes\n',
      'rootfs/etc/systemd/system/a.service.d/override.conf': '[Service]\nProtectSystem=strict\n',
    })
    const head = repo.commit({
      'rootfs/usr/lib/systemd/system/a.service': '[Service]\nExecStart=/usr/bin/a\nPrivateTmp=no\nProtectHome=yes\n',
    })
    const s = diff(repo, base, head, { recommend: true }).services[0]!
    // systemd-analyze --root=rootfs (252) counts the override: ProtectSystem= is set, 9.2.
    expect(s.after).toEqual({ exposure: 9.2, verdict: 'UNSAFE' })
    const dropin = s.recommendation!.dropin.content
    expect(dropin).toContain('9.2 UNSAFE now')
    expect(dropin).not.toMatch(/^#?\s*ProtectSystem=/m)
  })

  it('a drop-in under an /etc alias of a distribution unit the repository does not ship is a drop-in of that unit', () => {
    const { repo, base } = repoWith({
      'rootfs/etc/systemd/system/README': 'x\n',
      'rootfs/etc/systemd/system/sshd.service': { link: '/lib/systemd/system/ssh.service' },
    })
    const head = repo.commit({
      'rootfs/etc/systemd/system/sshd.service.d/compat.conf': '[Service]\nExecStartPre=+/bin/sh -c "echo hi"\n',
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['ssh.service', 'modified', 'rootfs/etc/systemd/system/sshd.service.d']])
    expect(r.services[0]!.assumedUnitFile).toMatch(/^ssh\.service is not in this repository/)
    expect(r.services[0]!.unreadable).toEqual({ before: null, after: null })
    expect(r.skipped).toEqual([])
    expect(r.verdict).toBe('fail')
  })

  it('an /etc drop-in named like a /usr/lib hardening drop-in replaces it: a comment-only file or a link to /dev/null', () => {
    for (const shadow of ['# Local site overrides for app.service (none yet).\n', { link: '/dev/null' }] as const) {
      const { repo, base } = repoWith({
        'rootfs/usr/lib/systemd/system/app.service': HARDENED,
        'rootfs/usr/lib/systemd/system/app.service.d/hardening.conf': HARDENING,
      })
      const head = repo.commit({ 'rootfs/etc/systemd/system/app.service.d/hardening.conf': shadow })
      const r = diff(repo, base, head)
      expect(summary(r)).toEqual([['app.service', 'modified', 'rootfs/usr/lib/systemd/system/app.service']])
      expect(r.services[0]!.capabilities.widened.map((w) => w.what)).toContain(
        'now runs as root: all 41 capabilities at start',
      )
      expect([r.services[0]!.before?.exposure, r.services[0]!.after?.exposure]).toEqual([6.5, 9.6])
      expect(r.verdict).toBe('fail')
      const r262 = diff(repo, base, head, { version: '262' })
      expect([r262.services[0]!.before?.exposure, r262.services[0]!.after?.exposure]).toEqual([6.4, 9.4])
    }
  })

  it('an /etc drop-in that only describes a /usr/lib unit, or hardens it, passes', () => {
    const { repo, base } = repoWith({
      'rootfs/usr/lib/systemd/system/app.service': HARDENED,
      'rootfs/usr/lib/systemd/system/app.service.d/hardening.conf': HARDENING,
      'rootfs/etc/systemd/system/app-legacy.service': { link: '/usr/lib/systemd/system/app.service' },
    })
    const head = repo.commit({
      'rootfs/etc/systemd/system/app.service.d/description.conf': '[Unit]\nDescription=App on this site\n',
      'rootfs/etc/systemd/system/app-legacy.service.d/harden.conf': '[Service]\nProtectSystem=strict\nPrivateTmp=yes\n',
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['app.service', 'modified', 'rootfs/usr/lib/systemd/system/app.service']])
    expect(r.services[0]!.changedFiles).toEqual([
      'rootfs/etc/systemd/system/app-legacy.service.d/harden.conf',
      'rootfs/etc/systemd/system/app.service.d/description.conf',
    ])
    expect([r.services[0]!.before?.exposure, r.services[0]!.after?.exposure]).toEqual([6.5, 6.2])
    expect(r.services[0]!.capabilities.widened).toEqual([])
    expect(r.verdict).toBe('pass')
    const r262 = diff(repo, base, head, { version: '262' })
    expect([r262.services[0]!.before?.exposure, r262.services[0]!.after?.exposure]).toEqual([6.4, 6.0])
    expect(r262.verdict).toBe('pass')
  })
})

describe('every path byte', () => {
  it('reviews units under a directory with a newline or bytes that are not UTF-8, in the work tree and in commits', () => {
    const { repo, base } = repoWith({ 'README.md': 'x\n' })
    const nl = 'odd\nname/nl.service'
    const bad = 'bad\udcffdir/bad.service'
    mkdirBytes(repo.dir, 'odd\nname')
    mkdirBytes(repo.dir, Buffer.from([0x62, 0x61, 0x64, 0xff, 0x64, 0x69, 0x72]))
    writeFileSync(join(repo.dir, nl), WIDE)
    writeFileSync(
      Buffer.concat([Buffer.from(`${repo.dir}/bad`), Buffer.from([0xff]), Buffer.from('dir/bad.service')]),
      WIDE,
    )
    const work = diff(repo, base, null)
    expect(summary(work)).toEqual([
      ['bad.service', 'added', bad],
      ['nl.service', 'added', nl],
    ])
    expect(work.services.every((s) => s.errors.after === null && s.after !== null)).toBe(true)
    const md = renderMarkdown(work)
    expect(md).toContain('odd\\nname/nl.service')
    expect(md).toContain('bad\\xffdir/bad.service')
    repo.git('add', '-A')
    repo.git('commit', '-q', '-m', 'odd names')
    expect(summary(diff(repo, base, repo.git('rev-parse', 'HEAD')))).toEqual(summary(work))
  })
})

describe('fail closed', () => {
  it('fails on a unit over the size limit (systemd would load it), without reading it', () => {
    const { repo, base } = repoWith({ 'units/web.service': TIGHT })
    writeFileSync(join(repo.dir, 'units/big.service'), '')
    truncateSync(join(repo.dir, 'units/big.service'), 100 * 1024 * 1024)
    const r = diff(repo, base, null)
    expect(r.failures).toEqual([expect.objectContaining({ kind: 'unreadable-unit', unit: 'big.service' })])
    expect(r.services[0]!.unreadable.after).toMatch(/104857600 bytes, larger than the 67108864-byte limit/)
  })

  it('a unit already unreadable (a type-wide drop-in directory out of the repository) still fails when its own drop-in changes', () => {
    const { repo, base } = repoWith({
      'u/web.service': TIGHT,
      'u/web.service.d/a.conf': '[Service]\nPrivateTmp=yes\n',
      'u/service.d': { link: '/etc/systemd/system/service.d' },
    })
    const head = repo.commit({
      'u/web.service.d/a.conf': '[Service]\nCapabilityBoundingSet=CAP_SYS_ADMIN\nAmbientCapabilities=CAP_SYS_ADMIN\n',
    })
    const r = diff(repo, base, head)
    expect(summary(r)).toEqual([['web.service', 'modified', 'u/web.service']])
    expect(r.services[0]!.changedFiles).toEqual(['u/web.service.d/a.conf'])
    // What it can read still widens; what it cannot read fails closed.
    expect(r.failures.map((f) => f.kind)).toEqual(['capability-widening', 'unreadable-unit'])
    expect(r.services[0]!.unreadable.after).toMatch(
      /u\/service\.d -> \/etc\/systemd\/system\/service\.d leaves the repository/,
    )
  })

  it('fails on a unit kept in Git LFS (only its pointer is in the repository)', () => {
    const { repo, base } = repoWith({ 'README.md': 'x\n' })
    const head = repo.commit({
      'u/web.service':
        'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
    })
    const r = diff(repo, base, head)
    expect(r.failures.map((f) => [f.kind, f.unit])).toEqual([['unreadable-unit', 'web.service']])
    expect(r.services[0]!.unreadable.after).toMatch(/Git LFS pointer/)
  })

  it('fails on a unit git cannot read (a missing object)', () => {
    const { repo, base } = repoWith({ 'units/web.service': TIGHT })
    const head = repo.commit({ 'units/web.service': WIDE + '# the blob that goes missing\n' })
    const sha = repo.git('rev-parse', `${head}:units/web.service`)
    rmSync(join(repo.dir, '.git/objects', sha.slice(0, 2), sha.slice(2)))
    const r = diff(repo, base, head)
    expect(r.failures.map((f) => f.kind)).toEqual(['unreadable-unit'])
    expect(r.services[0]!.unreadable.after).toMatch(/git has no blob/)
  })
})

function mkdirBytes(root: string, name: string | Buffer): void {
  mkdirSync(Buffer.concat([Buffer.from(`${root}/`), typeof name === 'string' ? Buffer.from(name) : name]))
}
