import { afterEach, describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { mergeOnlyWidenings, withMergeResult } from '../../src/diff/merge-check.js'
import type { DiffReport } from '../../src/diff/report.js'
import { GitRepo } from '../../src/git/git.js'
import { headline } from '../../src/report/headline.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { makeRepo, type FileSpec, type TestRepo } from '../helpers/git-repo.js'

const repos: TestRepo[] = []
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()))

const NETD = (caps: string) =>
  `[Service]\nExecStart=/usr/bin/netd\nUser=netd\nNoNewPrivileges=yes\nCapabilityBoundingSet=${caps}\nAmbientCapabilities=${caps}\n`
const DROP_IN = (caps: string) => `[Service]\nCapabilityBoundingSet=${caps}\nAmbientCapabilities=${caps}\n`

/**
 * main at `base`, then `main` (main moves on) and, from `base`, the pull request `pr`: the
 * pull request's own change (merge base → head) and its merge result (main's tip → merge).
 */
function views(
  base: Record<string, FileSpec>,
  main: Record<string, FileSpec>,
  pr: Record<string, FileSpec>,
): { change: DiffReport; merged: DiffReport; tip: string } {
  const repo = makeRepo()
  repos.push(repo)
  const mergeBase = repo.commit(base, 'base')
  repo.git('checkout', '-q', '-b', 'feature')
  const head = repo.commit(pr, 'pr')
  repo.git('checkout', '-q', 'main')
  const tip = repo.commit(main, 'main moves on')
  repo.git('merge', '-q', '--no-edit', 'feature')
  const merge = repo.git('rev-parse', 'HEAD')
  const diff = (from: string, to: string) => {
    const input = snapshotsFromGit(new GitRepo(repo.dir), from, to)
    return diffSnapshots(input.base, input.head, input.changes, {
      version: '252',
      gate: DEFAULT_GATE,
      recommend: false,
    })
  }
  return { change: diff(mergeBase, head), merged: diff(tip, merge), tip }
}

describe("the merge result against the pull request's own change", () => {
  it("finds a capability main removed that the pull request's drop-in brings back", () => {
    const { change, merged, tip } = views(
      { 'u/netd.service': NETD('CAP_NET_ADMIN CAP_SYS_ADMIN') },
      { 'u/netd.service': NETD('CAP_NET_ADMIN') },
      { 'u/netd.service.d/10-tuning.conf': DROP_IN('CAP_SYS_ADMIN') },
    )
    expect(change.verdict).toBe('pass')
    const found = mergeOnlyWidenings(change, merged)
    expect(found.map((m) => [m.unit, m.path, m.widening.level, m.privileges])).toEqual([
      ['netd.service', 'u/netd.service', 'held', ['CAP_SYS_ADMIN']],
    ])

    const compared = { from: change.base.rev!, to: change.head.rev!, what: 'merge-base' }
    const check = {
      checked: true as const,
      from: tip,
      to: merged.head.rev!,
      how: 'merge-commit' as const,
      widened: found,
    }
    const report = withMergeResult(change, compared, check, 'main (0123456789ab)', DEFAULT_GATE)
    expect(report.verdict).toBe('fail')
    expect(report.failures).toEqual([
      {
        kind: 'merge-widening',
        unit: 'netd.service',
        path: 'u/netd.service',
        message:
          'netd.service now holds CAP_SYS_ADMIN at start (AmbientCapabilities=, u/netd.service.d/10-tuning.conf:3) once merged into main (0123456789ab)',
      },
    ])
    expect(report.summary.capabilitiesWidened).toBe(1)
    expect(report.comparisons).toEqual({ change: compared, mergeResult: check })
    // With the widening gate off it is reported, and passes.
    const off = withMergeResult(change, compared, check, 'main', { ...DEFAULT_GATE, failOnCapabilityWidening: false })
    expect(off.verdict).toBe('pass')
    expect(off.comparisons?.mergeResult).toEqual(check)
  })

  it("adds nothing the pull request's own change already reports, and no more than is new", () => {
    const both = views(
      { 'u/netd.service': NETD('CAP_NET_ADMIN') },
      { 'README.md': 'x\n' },
      { 'u/netd.service': NETD('CAP_NET_ADMIN CAP_KILL') },
    )
    expect(both.change.failures.map((f) => f.kind)).toEqual(['capability-widening'])
    expect(mergeOnlyWidenings(both.change, both.merged)).toEqual([])

    // The pull request adds CAP_KILL; main had removed CAP_SYS_ADMIN, which its drop-in keeps.
    const part = views(
      { 'u/netd.service': NETD('CAP_NET_ADMIN'), 'u/netd.service.d/10-tuning.conf': DROP_IN('CAP_SYS_ADMIN') },
      { 'u/netd.service.d/10-tuning.conf': DROP_IN('') },
      { 'u/netd.service.d/20-kill.conf': DROP_IN('CAP_SYS_ADMIN CAP_KILL') },
    )
    const found = mergeOnlyWidenings(part.change, part.merged)
    expect(found.map((m) => m.privileges)).toEqual([['CAP_SYS_ADMIN']])
    const report = withMergeResult(
      part.change,
      { from: '', to: '', what: 'merge-base' },
      { checked: true, from: part.tip, to: '', how: 'merge-commit', widened: found },
      'main',
      DEFAULT_GATE,
    )
    expect(report.failures.map((f) => f.kind)).toEqual(['capability-widening', 'merge-widening'])
    expect(report.failures[1]!.message).toMatch(
      /once merged into main \(CAP_SYS_ADMIN not in the pull request's own change\)$/,
    )
    expect(report.summary.capabilitiesWidened).toBe(2)
  })

  it('a merge-widening fails a change that shows no unit: the headline and the Markdown say why', () => {
    const drop = views(
      { 'u/netd.service': NETD('CAP_NET_ADMIN CAP_SYS_ADMIN') },
      { 'u/netd.service': NETD('CAP_NET_ADMIN') },
      { 'u/netd.service.d/10-tuning.conf': DROP_IN('CAP_SYS_ADMIN') },
    )
    const docs = views({ 'u/netd.service': NETD('CAP_NET_ADMIN') }, { 'README.md': 'x\n' }, { 'docs/netd.md': 'y\n' })
    expect(docs.change.services).toEqual([])
    const check = {
      checked: true as const,
      from: docs.tip,
      to: '',
      how: 'merge-commit' as const,
      widened: mergeOnlyWidenings(drop.change, drop.merged),
    }
    const report = withMergeResult(docs.change, { from: 'a', to: 'b', what: 'merge-base' }, check, 'main', DEFAULT_GATE)
    expect(report.verdict).toBe('fail')
    expect(headline(report)).toMatch(
      /^❌ \*\*systemd-exposure: fail\*\* — 1 gate failure: netd\\\.service now holds CAP\\_SYS\\_ADMIN .* once merged into main$/,
    )
    expect(renderMarkdown(report)).not.toContain('no systemd service changed')
  })

  it('says why the merge result was not checked, and changes nothing else', () => {
    const { change } = views(
      { 'u/netd.service': NETD('CAP_NET_ADMIN') },
      { 'README.md': 'x\n' },
      { 'u/netd.service': NETD('CAP_NET_ADMIN') + 'PrivateTmp=yes\n' },
    )
    const check = { checked: false as const, why: 'base and head conflict' }
    const report = withMergeResult(change, { from: 'a', to: 'b', what: 'merge-base' }, check, 'main', DEFAULT_GATE)
    expect(report).toEqual({
      ...change,
      comparisons: { change: { from: 'a', to: 'b', what: 'merge-base' }, mergeResult: check },
    })
  })
})
