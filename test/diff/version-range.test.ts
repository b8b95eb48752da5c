/**
 * A fleet range (`252-262`) in the gate, on real git repositories: the privilege widenings of
 * every supported version of the range count, scores stay the oldest version's.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { diffSnapshots, type DiffSettings } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import type { DiffReport, PrivilegeWidening } from '../../src/diff/report.js'
import { mergeVersionWidenings } from '../../src/diff/version-range.js'
import { GitRepo } from '../../src/git/git.js'
import { parseSystemdTarget } from '../../src/model/versions.js'
import { renderCodeQuality } from '../../src/report/codequality.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderSarif } from '../../src/report/sarif.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

const repos: TestRepo[] = []
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()))

/** A pull request reviewed for `target` (a version or a range), as the CLI and the action read it. */
function pr(
  base: Record<string, string>,
  head: Record<string, string>,
  target: string,
  more: Partial<DiffSettings> = {},
): DiffReport {
  const repo = makeRepo()
  repos.push(repo)
  const b = repo.commit(base, 'base')
  const h = repo.commit(head, 'head')
  const input = snapshotsFromGit(new GitRepo(repo.dir), b, h)
  const t = parseSystemdTarget(target)!
  return diffSnapshots(input.base, input.head, input.changes, {
    version: t.versions[0]!,
    target: t,
    gate: DEFAULT_GATE,
    recommend: false,
    ...more,
  })
}

const svc = (body: string): string => `[Unit]\nDescription=t\n\n[Service]\nExecStart=/usr/bin/daemon\n${body}`

// A unit that is not root, with a seccomp-based setting and NoNewPrivileges=yes. Up to 254 the
// seccomp filter forces NoNewPrivileges= on such a unit, so dropping the line changes nothing;
// from 255 on systemd keeps the privilege to install the filter instead, and the unit can gain
// root through set-user-ID programs (VersionTraits.seccompKeepsPrivileges).
const SECCOMP_BASE = svc('User=app\nProtectClock=yes\nNoNewPrivileges=yes\n')
const SECCOMP_HEAD = svc('User=app\nProtectClock=yes\n')

// A root unit's capability list with an unterminated quote: 252 stops reading the line at the
// quote, 254+ read on (EXTRACT_RELAX). systemd-analyze security shows it: 252 "Service has no
// administrator privileges", 262 "Service has administrator privileges".
const QUOTE_BASE = svc('CapabilityBoundingSet=CAP_NET_BIND_SERVICE\n')
const QUOTE_HEAD = svc('CapabilityBoundingSet=CAP_NET_BIND_SERVICE "CAP_SYS_ADMIN\n')

describe('a widening that holds only on newer versions of the range', () => {
  it('fails the gate with the range and says on which versions', () => {
    const r = pr({ 'units/app.service': SECCOMP_BASE }, { 'units/app.service': SECCOMP_HEAD }, '252-262')
    expect(r.verdict).toBe('fail')
    expect(r.systemdVersion).toBe('252')
    expect(r.systemdTarget).toEqual({ text: '252-262', versions: ['252', '254', '257', '262'] })
    const [w, ...rest] = r.services[0]!.capabilities.widened
    expect(rest).toEqual([])
    expect(w).toMatchObject({ level: 'reachable', root: true, versions: ['257', '262'] })
    expect(w!.what).toMatch(/ \(on systemd 257 and 262\)$/)
    expect(r.failures.map((f) => f.kind)).toEqual(['capability-widening'])
    expect(r.failures[0]!.message).toMatch(
      /^app\.service can now gain .* \(on systemd 257 and 262\) \(NoNewPrivileges=/,
    )
    expect(r.summary.capabilitiesWidened).toBeGreaterThan(0)
  })

  it('passes with a single version: only that version is checked', () => {
    const r = pr({ 'units/app.service': SECCOMP_BASE }, { 'units/app.service': SECCOMP_HEAD }, '252')
    expect(r.verdict).toBe('pass')
    expect(r.services[0]!.capabilities.widened).toEqual([])
    expect(r.systemdTarget).toBeUndefined()
  })

  it('checks only the supported versions inside the range (254-257: 257 widens)', () => {
    const r = pr({ 'units/app.service': SECCOMP_BASE }, { 'units/app.service': SECCOMP_HEAD }, '254-257')
    expect(r.systemdVersion).toBe('254')
    expect(r.systemdTarget).toEqual({ text: '254-257', versions: ['254', '257'] })
    expect(r.failures[0]!.message).toMatch(/\(on systemd 257\)/)
  })

  it('an unterminated quote in a capability list widens a root unit from 254 on', () => {
    const range = pr({ 'app.service': QUOTE_BASE }, { 'app.service': QUOTE_HEAD }, '252-262')
    expect(range.verdict).toBe('fail')
    expect(range.services[0]!.capabilities.widened).toEqual([
      expect.objectContaining({
        level: 'held',
        capabilities: ['CAP_SYS_ADMIN'],
        unaccepted: ['CAP_SYS_ADMIN'],
        versions: ['254', '257', '262'],
        file: 'app.service',
        line: 6,
      }),
    ])
    expect(range.failures[0]!.message).toMatch(/CAP_SYS_ADMIN at start \(on systemd 254, 257 and 262\)/)
    // Scores stay the oldest version's: 252 reads no CAP_SYS_ADMIN, so no row changed.
    expect(range.services[0]!.regressions).toEqual([])
    expect(pr({ 'app.service': QUOTE_BASE }, { 'app.service': QUOTE_HEAD }, '252').verdict).toBe('pass')
  })
})

describe('a widening on every version', () => {
  it('is reported once, as it is, without versions', () => {
    const base = svc('User=app\nNoNewPrivileges=yes\n')
    const head = svc('User=app\nNoNewPrivileges=yes\nAmbientCapabilities=CAP_NET_RAW\n')
    const range = pr({ 'app.service': base }, { 'app.service': head }, '252-262')
    const single = pr({ 'app.service': base }, { 'app.service': head }, '252')
    expect(range.services[0]!.capabilities.widened).toEqual(single.services[0]!.capabilities.widened)
    expect(range.services[0]!.capabilities.widened).toHaveLength(1)
    expect(range.services[0]!.capabilities.widened[0]!.versions).toBeUndefined()
    expect(range.failures).toEqual(single.failures)
    expect(range.summary).toEqual(single.summary)
  })
})

describe('waivers and the allow-list on every version alike', () => {
  it('a waiver base already had accepts the widening on the versions it holds on', () => {
    const waiver = '# systemd-exposure: allow CAP_SYS_ADMIN -- the helper mounts images\n'
    const r = pr({ 'app.service': waiver + QUOTE_BASE }, { 'app.service': waiver + QUOTE_HEAD }, '252-262')
    expect(r.verdict).toBe('pass')
    const [w] = r.services[0]!.capabilities.widened
    expect(w).toMatchObject({ unaccepted: [], versions: ['254', '257', '262'] })
    expect(w!.accepted).toEqual([expect.objectContaining({ privilege: 'CAP_SYS_ADMIN', by: 'waiver' })])
  })

  it('allow-capabilities accepts it on every version', () => {
    const r = pr({ 'app.service': QUOTE_BASE }, { 'app.service': QUOTE_HEAD }, '252-262', {
      allow: [{ unit: 'app.service', capability: 'CAP_SYS_ADMIN' }],
    })
    expect(r.verdict).toBe('pass')
    expect(r.services[0]!.capabilities.widened[0]!.accepted).toEqual([expect.objectContaining({ by: 'allow-list' })])
  })
  it("an allow-list entry naming a template's instance as the report names it applies on every version", () => {
    // 252 and 254 analyse a template as the instance `i`, 257 and 262 as `test_instance`.
    const r = pr({ 'app@.service': QUOTE_BASE }, { 'app@.service': QUOTE_HEAD }, '252-262', {
      allow: [{ unit: 'app@i.service', capability: 'CAP_SYS_ADMIN' }],
    })
    expect(r.services[0]!.unit).toBe('app@i.service')
    expect(r.verdict).toBe('pass')
    expect(r.services[0]!.capabilities.widened).toEqual([
      expect.objectContaining({ unaccepted: [], versions: ['254', '257', '262'] }),
    ])
  })
})

describe('every output format names the versions', () => {
  it('Markdown (failure and footer), SARIF, Code Quality', () => {
    const r = pr({ 'app.service': QUOTE_BASE }, { 'app.service': QUOTE_HEAD }, '252-262')
    // Markdown escapes punctuation: read it as text.
    const md = renderMarkdown(r).replace(/\\(.)/g, '$1')
    expect(md).toMatch(/on systemd 254, 257 and 262/)
    expect(md).toMatch(
      /systemd 252 computes them \(the oldest of the range 252-262\); capabilities checked on systemd 252, 254, 257 and 262/,
    )
    const sarif = JSON.parse(renderSarif(r))
    expect(sarif.runs[0].properties.systemdTarget).toEqual(r.systemdTarget)
    expect(
      sarif.runs[0].results.some((x: { message: { text: string } }) => /on systemd 254/.test(x.message.text)),
    ).toBe(true)
    const cq = JSON.parse(renderCodeQuality(r))
    expect(cq.some((x: { description: string }) => /on systemd 254, 257 and 262/.test(x.description))).toBe(true)
  })

  it('a single version keeps the footer as it was', () => {
    const r = pr({ 'app.service': QUOTE_BASE }, { 'app.service': QUOTE_HEAD }, '252')
    expect(renderMarkdown(r)).not.toMatch(/range|capabilities checked/)
  })
})

describe('mergeVersionWidenings', () => {
  const held = (caps: string[]): PrivilegeWidening => ({
    level: 'held',
    capabilities: caps,
    root: false,
    command: null,
    what: `now holds ${caps.join(', ')} at start`,
    cause: 'new ambient capabilities',
    file: 'a.service',
    line: 5,
    removedLine: false,
    directive: 'AmbientCapabilities=',
    accepted: [],
    unaccepted: caps,
  })

  it('keeps what a version names beyond another, and marks the rest on the versions that show it', () => {
    const merged = mergeVersionWidenings([
      { version: '252', widened: [held(['CAP_NET_RAW'])] },
      { version: '254', widened: [held(['CAP_NET_RAW'])] },
      { version: '262', widened: [held(['CAP_NET_RAW', 'CAP_SYS_ADMIN'])] },
    ])
    expect(merged.map((w) => [w.what, w.versions])).toEqual([
      ['now holds CAP_NET_RAW at start', undefined],
      ['now holds CAP_NET_RAW, CAP_SYS_ADMIN at start (on systemd 262)', ['262']],
    ])
  })

  it('what one version leaves unaccepted is not hidden by the same finding accepted on another', () => {
    const accepted: PrivilegeWidening = {
      ...held(['CAP_NET_RAW']),
      accepted: [{ privilege: 'CAP_NET_RAW', by: 'allow-list', reason: 'allowed', addedInChange: false }],
      unaccepted: [],
    }
    const merged = mergeVersionWidenings([
      { version: '252', widened: [accepted] },
      { version: '262', widened: [held(['CAP_NET_RAW'])] },
    ])
    expect(merged.map((w) => [w.unaccepted, w.versions])).toEqual([
      [[], undefined],
      [['CAP_NET_RAW'], ['262']],
    ])
  })

  it('a finding shown only by the oldest version says so', () => {
    const merged = mergeVersionWidenings([
      { version: '252', widened: [held(['CAP_NET_RAW'])] },
      { version: '262', widened: [] },
    ])
    expect(merged.map((w) => w.what)).toEqual(['now holds CAP_NET_RAW at start (on systemd 252)'])
  })
})

describe('drop-ins for a unit the repository does not ship', () => {
  it('are checked on every version of the range too', () => {
    const dir = 'etc/systemd/system/sshd.service.d/override.conf'
    const base = { 'README.md': 'x\n', [dir]: '[Service]\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n' }
    const head = { [dir]: '[Service]\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE "CAP_SYS_ADMIN\n' }
    const range = pr(base, head, '252-262')
    const single = pr(base, head, '252')
    expect(single.verdict).toBe('pass')
    expect(range.verdict).toBe('fail')
    expect(range.failures.map((f) => f.message)).toEqual([
      'sshd.service now holds CAP_SYS_ADMIN at start (if its unit file is a root unit with its full bounding set) (on systemd 254, 257 and 262) (CapabilityBoundingSet=, etc/systemd/system/sshd.service.d/override.conf:2)',
      'sshd.service can now gain CAP_SYS_ADMIN through set-user-ID or file-capability programs (if its unit file is a unit with User=) (on systemd 254, 257 and 262) (CapabilityBoundingSet=, etc/systemd/system/sshd.service.d/override.conf:2)',
    ])
  })
})
