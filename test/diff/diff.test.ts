import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { diffSnapshots, type DiffSettings } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import type { DiffReport } from '../../src/diff/report.js'
import { GitRepo } from '../../src/git/git.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

const repos: TestRepo[] = []
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()))

function repoWith(files: Record<string, string | Uint8Array>): { repo: TestRepo; base: string } {
  const repo = makeRepo()
  repos.push(repo)
  return { repo, base: repo.commit(files, 'base') }
}

function diff(repo: TestRepo, base: string, head: string | null, settings: Partial<DiffSettings> = {}): DiffReport {
  const input = snapshotsFromGit(new GitRepo(repo.dir), base, head)
  return diffSnapshots(input.base, input.head, input.changes, { version: '252', gate: DEFAULT_GATE, ...settings })
}

/** `unit level [root] CAPS file:line`, CAPS spelled out up to three, else counted. */
const widened = (r: DiffReport) =>
  r.services.flatMap((s) =>
    s.capabilities.widened.map((w) => {
      const caps = w.capabilities.length <= 3 ? w.capabilities.join(',') : `${w.capabilities.length}caps`
      return `${s.unit} ${w.level}${w.root ? ' root' : ''} ${caps} ${w.file}:${w.line}${w.removedLine ? ' (removed)' : ''}`
    }),
  )

const UNIT = (extra = '') => `[Unit]\nDescription=web\n\n[Service]\nExecStart=/usr/bin/web --port 8080\n${extra}`

describe('diff: capability widening', () => {
  it('passes pure hardening, with before/after exposure as systemd-analyze 252 gives', () => {
    const { repo, base } = repoWith({ 'units/web.service': UNIT() })
    const head = repo.commit({ 'units/web.service': UNIT('NoNewPrivileges=yes\nPrivateTmp=yes\nProtectHome=yes\n') })
    const r = diff(repo, base, head)
    expect(r.verdict).toBe('pass')
    expect(r.services).toHaveLength(1)
    // systemd-analyze 252 (../shared/oracle): 9.6 UNSAFE → 9.0 UNSAFE.
    expect(r.services[0]).toMatchObject({
      unit: 'web.service',
      status: 'modified',
      before: { exposure: 9.6 },
      after: { exposure: 9.0, verdict: 'UNSAFE' },
      delta: -0.6,
    })
    expect(r.services[0]!.improvements.map((i) => i.id)).toEqual(['PrivateTmp=', 'ProtectHome=', 'NoNewPrivileges='])
  })

  it('catches an added capability, with its line', () => {
    const { repo, base } = repoWith({ 'u/web.service': UNIT('CapabilityBoundingSet=CAP_NET_BIND_SERVICE\n') })
    const head = repo.commit({ 'u/web.service': UNIT('CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_SYS_ADMIN\n') })
    const r = diff(repo, base, head)
    expect(r.verdict).toBe('fail')
    expect(widened(r)).toEqual(['web.service held CAP_SYS_ADMIN u/web.service:6'])
    expect(r.failures[0]).toMatchObject({ kind: 'capability-widening', unit: 'web.service' })
    expect(r.failures[0]!.message).toBe(
      'web.service now holds CAP_SYS_ADMIN at start (CapabilityBoundingSet=, u/web.service:6)',
    )
  })

  it('blames the line that took effect, not a look-alike systemd ignores', () => {
    const { repo, base } = repoWith({ 'u/web.service': UNIT('CapabilityBoundingSet=CAP_NET_BIND_SERVICE\n') })
    // Moved into [Unit], where systemd ignores it: the bounding set is full again.
    const head = repo.commit({
      'u/web.service':
        '[Unit]\nDescription=web\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n\n[Service]\nExecStart=/usr/bin/web --port 8080\n',
    })
    const r = diff(repo, base, head)
    expect(r.verdict).toBe('fail')
    expect(widened(r)).toEqual(['web.service held 40caps u/web.service:6 (removed)'])
    expect(r.services[0]!.capabilities.widened[0]!.capabilities).toContain('CAP_SYS_ADMIN')
  })

  it('catches a shrunk ~ list and a deleted CapabilityBoundingSet= line', () => {
    const { repo, base } = repoWith({
      'u/a.service': UNIT('CapabilityBoundingSet=~CAP_SYS_ADMIN CAP_NET_ADMIN\n'),
      'u/b.service': UNIT('CapabilityBoundingSet=CAP_CHOWN\n'),
    })
    const head = repo.commit({ 'u/a.service': UNIT('CapabilityBoundingSet=~CAP_SYS_ADMIN\n'), 'u/b.service': UNIT() })
    const r = diff(repo, base, head)
    expect(widened(r)).toEqual([
      'a.service held CAP_NET_ADMIN u/a.service:6',
      'b.service held 40caps u/b.service:6 (removed)',
    ])
  })

  it('catches User= moving to root, a removed NoNewPrivileges= and new ambient capabilities', () => {
    const hardenedUser = 'User=web\nNoNewPrivileges=yes\n'
    const { repo, base } = repoWith({
      'u/root.service': UNIT(hardenedUser),
      'u/nnp.service': UNIT(hardenedUser),
      'u/amb.service': UNIT(hardenedUser),
    })
    const head = repo.commit({
      'u/root.service': UNIT('NoNewPrivileges=yes\n'),
      'u/nnp.service': UNIT('User=web\n'),
      'u/amb.service': UNIT(hardenedUser + 'AmbientCapabilities=CAP_NET_BIND_SERVICE\n'),
    })
    const r = diff(repo, base, head)
    expect(widened(r)).toEqual([
      'amb.service held CAP_NET_BIND_SERVICE u/amb.service:8',
      'nnp.service reachable root 41caps u/nnp.service:7 (removed)',
      'root.service held root 41caps u/root.service:6 (removed)',
    ])
    const by = (u: string) => r.services.find((s) => s.unit === u)!.capabilities
    expect(by('root.service').widened[0]!.cause).toMatch(/runs as root/)
    expect(by('nnp.service').widened[0]!.cause).toMatch(/NoNewPrivileges= is no longer in force/)
    expect(by('nnp.service').after).toMatchObject({ held: [], noNewPrivileges: null, root: false })
  })

  it('catches a new + prefix and a new drop-in', () => {
    const safe = 'User=web\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n'
    const { repo, base } = repoWith({ 'u/p.service': UNIT(safe), 'u/d.service': UNIT(safe) })
    const head = repo.commit({
      'u/p.service': UNIT(safe + 'ExecStartPre=+/usr/bin/setup\n'),
      'u/d.service.d/override.conf': '[Service]\nUser=root\nCapabilityBoundingSet=CAP_SYS_PTRACE\n',
    })
    const r = diff(repo, base, head)
    expect(widened(r)).toEqual([
      'd.service held root CAP_SYS_PTRACE u/d.service.d/override.conf:2',
      'p.service command root 41caps u/p.service:9',
    ])
    const p = r.services.find((s) => s.unit === 'p.service')!
    expect(p.capabilities.widened[0]!.command).toMatchObject({
      directive: 'ExecStartPre',
      text: '+/usr/bin/setup',
      kind: 'full-privileges',
    })
    const d = r.services.find((s) => s.unit === 'd.service')!
    expect(d.changedFiles).toEqual(['u/d.service.d/override.conf'])
  })

  it('accepts a widening waived with a reason, and rejects a waiver without one', () => {
    const { repo, base } = repoWith({
      'u/a.service': UNIT('CapabilityBoundingSet=\n'),
      'u/b.service': UNIT('CapabilityBoundingSet=\n'),
    })
    const head = repo.commit({
      'u/a.service': UNIT('# systemd-exposure: allow CAP_NET_RAW -- ICMP probes\nCapabilityBoundingSet=CAP_NET_RAW\n'),
      'u/b.service': UNIT('# systemd-exposure: allow CAP_NET_RAW\nCapabilityBoundingSet=CAP_NET_RAW\n'),
    })
    const r = diff(repo, base, head)
    const a = r.services.find((s) => s.unit === 'a.service')!
    expect(a.capabilities.widened[0]!.accepted).toEqual([
      {
        privilege: 'CAP_NET_RAW',
        by: 'waiver',
        reason: 'ICMP probes',
        file: 'u/a.service',
        line: 6,
        addedInChange: true,
      },
    ])
    expect(a.capabilities.widened[0]!.unaccepted).toEqual([])
    const b = r.services.find((s) => s.unit === 'b.service')!
    expect(b.capabilities.widened[0]!.accepted).toEqual([])
    expect(b.capabilities.widened[0]!.unaccepted).toEqual(['CAP_NET_RAW'])
    expect(b.warnings.some((w) => /no reason/.test(w.message))).toBe(true)
    expect(r.failures.map((f) => f.unit)).toEqual(['b.service'])
  })

  it('honours the allow-list for one unit or all', () => {
    const { repo, base } = repoWith({ 'u/a.service': UNIT('CapabilityBoundingSet=\n') })
    const head = repo.commit({ 'u/a.service': UNIT('CapabilityBoundingSet=CAP_KILL\n') })
    expect(diff(repo, base, head, { allow: [{ unit: 'a.service', capability: 'CAP_KILL' }] }).verdict).toBe('pass')
    expect(diff(repo, base, head, { allow: [{ unit: 'other.service', capability: 'CAP_KILL' }] }).verdict).toBe('fail')
  })
})

describe('diff: which services', () => {
  it('sees an edited drop-in as a change of its unchanged unit, and a template drop-in of the template', () => {
    const { repo, base } = repoWith({
      'u/web.service': UNIT(),
      'u/web.service.d/a.conf': '[Service]\nPrivateTmp=yes\n',
      'u/worker@.service': UNIT(),
      'u/worker@.service.d/a.conf': '[Service]\nPrivateTmp=yes\n',
      'u/other.service': UNIT(),
    })
    const head = repo.commit({
      'u/web.service.d/a.conf': '[Service]\nPrivateTmp=yes\nPrivateNetwork=yes\n',
      'u/worker@.service.d/a.conf': '[Service]\nPrivateNetwork=yes\n',
    })
    const r = diff(repo, base, head)
    expect(r.services.map((s) => [s.unit, s.status, s.path])).toEqual([
      ['web.service', 'modified', 'u/web.service'],
      ['worker@i.service', 'modified', 'u/worker@.service'],
    ])
  })

  it('keeps the baseline through renames and moves, and catches what they widen', () => {
    const { repo, base } = repoWith({
      'a/web.service': UNIT('CapabilityBoundingSet=CAP_CHOWN\n'),
      'a/job.service': UNIT('CapabilityBoundingSet=\n'),
    })
    repo.write({ 'b/.keep': '' })
    repo.git('mv', 'a/web.service', 'b/web2.service')
    repo.write({ 'a/job.service': null })
    const head = repo.commit({
      'c/job.service': '# moved\n' + UNIT('CapabilityBoundingSet=CAP_SYS_ADMIN\nPrivateTmp=yes\nProtectHome=yes\n'),
    })
    const r = diff(repo, base, head)
    const web = r.services.find((s) => s.path === 'b/web2.service')!
    expect(web).toMatchObject({ status: 'renamed', basePath: 'a/web.service', delta: 0 })
    expect(web.capabilities.widened).toEqual([])
    const job = r.services.find((s) => s.path === 'c/job.service')!
    expect(job).toMatchObject({ status: 'renamed', basePath: 'a/job.service' })
    expect(job.capabilities.widened.map((w) => [w.level, w.capabilities])).toEqual([['held', ['CAP_SYS_ADMIN']]])
  })

  it('lends one base unit to one head unit only: a rename plus a re-add elsewhere leaves a new unit', () => {
    const setup = UNIT('Type=oneshot\n')
    const { repo, base } = repoWith({ 'units/disk-setup.service': setup })
    repo.git('mv', 'units/disk-setup.service', 'units/shipper.service')
    repo.write({ 'units/shipper.service': setup.replace('/usr/bin/web --port 8080', '/usr/bin/web --port 8081') })
    const head = repo.commit({ 'aaa/disk-setup.service': '[Service]\nExecStart=/usr/bin/other\n' })
    const r = diff(repo, base, head)
    expect(r.services.map((s) => [s.path, s.status, s.basePath]).sort()).toEqual([
      ['aaa/disk-setup.service', 'added', null],
      ['units/shipper.service', 'renamed', 'units/disk-setup.service'],
    ])
    expect(r.failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/^disk-setup\.service is new and runs as root/),
    ])
  })

  it('judges a new service against nothing: everything it can hold is new', () => {
    const { repo, base } = repoWith({ 'README.md': 'x\n' })
    const head = repo.commit({
      'u/root.service': UNIT(),
      'u/tight.service': UNIT('DynamicUser=yes\nCapabilityBoundingSet=\n'),
    })
    const r = diff(repo, base, head)
    expect(widened(r)).toEqual(['root.service held root 41caps u/root.service:5'])
    expect(r.failures.map((f) => f.message)).toEqual([
      'root.service is new and runs as root: its full bounding set, all 41 capabilities (ExecStart=, u/root.service:5)',
    ])
    expect(r.services.find((s) => s.unit === 'tight.service')!.capabilities.after).toMatchObject({
      held: [],
      reachable: [],
      noNewPrivileges: 'dynamic-user',
    })
  })

  it('reports removed services and ignores unrelated changes', () => {
    const { repo, base } = repoWith({ 'u/a.service': UNIT(), 'u/b.service': UNIT(), 'src/app.c': 'int main(){}\n' })
    const head = repo.commit({ 'u/a.service': null, 'src/app.c': 'int main(){return 1;}\n', 'u/notes.txt': 'x' })
    const r = diff(repo, base, head)
    expect(r.services.map((s) => [s.unit, s.status, s.before?.exposure, s.after])).toEqual([
      ['a.service', 'removed', 9.6, null],
    ])
    expect(r.verdict).toBe('pass')
  })

  it('sees units in ordinary *.d directories, and drop-ins only in <unit>.d and <type>.d', () => {
    const { repo, base } = repoWith({ 'deploy/units.d/keep.service': UNIT('CapabilityBoundingSet=\n') })
    const head = repo.commit({
      'deploy/units.d/evil.service': UNIT(),
      'deploy/units.d/keep.service.d/x.conf': '[Service]\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
    })
    const r = diff(repo, base, head)
    expect(r.services.map((s) => [s.unit, s.status]).sort()).toEqual([
      ['evil.service', 'added'],
      ['keep.service', 'modified'],
    ])
    expect(widened(r)).toContain('keep.service held CAP_SYS_ADMIN deploy/units.d/keep.service.d/x.conf:2')
    expect(r.verdict).toBe('fail')
  })

  it('reports a service renamed away from a service name, or out of scope, as removed', () => {
    const { repo, base } = repoWith({ 'u/web.service': UNIT(), 'u/api.service': UNIT() })
    repo.git('mv', 'u/web.service', 'u/web.service.disabled')
    mkdirSync(join(repo.dir, 'vendor'))
    repo.git('mv', 'u/api.service', 'vendor/api.service')
    const head = repo.commit({})
    const r = diff(repo, base, head)
    expect(r.services.map((s) => [s.unit, s.status, s.path]).sort()).toEqual([
      ['api.service', 'removed', 'u/api.service'],
      ['web.service', 'removed', 'u/web.service'],
    ])
  })

  it('reports a binary or malformed unit by path without touching other services', () => {
    const { repo, base } = repoWith({ 'u/a.service': UNIT(), 'u/b.service': UNIT() })
    const binary = new Uint8Array(4096).map((_, i) => (i * 131) & 0xff)
    const head = repo.commit({
      'u/a.service': binary,
      'u/b.service': UNIT('PrivateNetwork=yes\n'),
      'u/c.service': '[Service\nExecStart=/x\n',
    })
    const r = diff(repo, base, head)
    const a = r.services.find((s) => s.unit === 'a.service')!
    expect(a.after).toBeNull()
    expect(a.errors.after).toMatch(/binary/)
    expect(a.warnings[0]).toMatchObject({ file: 'u/a.service' })
    expect(r.services.find((s) => s.unit === 'b.service')!.after!.exposure).toBe(9.1)
    expect(r.services.find((s) => s.unit === 'c.service')!.errors.after).toMatch(/bad unit file/)
    expect(r.verdict).toBe('pass')
    expect(diff(repo, base, head, { gate: { ...DEFAULT_GATE, failOnInvalidUnit: true } }).verdict).toBe('fail')
  })

  it('diffs against the work tree, untracked files included', () => {
    const { repo, base } = repoWith({ 'u/a.service': UNIT('CapabilityBoundingSet=\n') })
    repo.write({ 'u/a.service.d/new.conf': '[Service]\nCapabilityBoundingSet=CAP_BPF\n' })
    const r = diff(repo, base, null)
    expect(r.head.rev).toBeNull()
    expect(widened(r)).toEqual(['a.service held CAP_BPF u/a.service.d/new.conf:2'])
  })

  it('sees a unit deleted from the work tree but not staged as removed', () => {
    const { repo, base } = repoWith({ 'u/a.service': UNIT(), 'u/b.service': UNIT() })
    rmSync(join(repo.dir, 'u/a.service'))
    const r = diff(repo, base, null)
    expect(r.services.map((s) => [s.unit, s.status])).toEqual([['a.service', 'removed']])
  })
})

describe('diff: gate settings', () => {
  it('fails on maximum exposure, exposure increase and regressions only when asked', () => {
    const { repo, base } = repoWith({ 'u/a.service': UNIT('PrivateNetwork=yes\nCapabilityBoundingSet=\n') })
    const head = repo.commit({ 'u/a.service': UNIT('CapabilityBoundingSet=\n') })
    expect(diff(repo, base, head).verdict).toBe('pass')
    const fail = (gate: Partial<typeof DEFAULT_GATE>) =>
      diff(repo, base, head, { gate: { ...DEFAULT_GATE, ...gate } }).failures.map((f) => f.kind)
    expect(fail({ maxExposure: 5.0 })).toEqual(['max-exposure'])
    expect(fail({ maxExposureIncrease: 0.3 })).toEqual(['exposure-increase'])
    expect(fail({ maxExposureIncrease: 0.5 })).toEqual([])
    expect(fail({ failOnRegression: true })).toEqual(['regression'])
  })
})
