/**
 * The action's shallow-checkout path against real git remotes (file://, protocol v2): the
 * commits a checkout lacks come without blobs and with only the trees that differ from the
 * checkout's, then only the blobs the review reads — and the review is the same as with
 * everything at hand, links anywhere in the repository included.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fetchAbsent } from '../../src/action/checkout-fetch.js'
import { prepareCheckout } from '../../src/action/merge-target.js'
import { reviewInCheckout } from '../../src/action/sources.js'
import { diffSnapshots } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import type { DiffReport } from '../../src/diff/report.js'
import { GitRepo } from '../../src/git/git.js'
import { fullCheckout, shallowCheckout } from '../helpers/action-run.js'
import { makeRepo, type FileSpec, type TestRepo } from '../helpers/git-repo.js'

const SETTINGS = { version: '252', gate: DEFAULT_GATE, recommend: false } as const
const unit = (name: string, extra = '') =>
  `[Service]\nExecStart=/usr/bin/${name}\nUser=${name}\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n${extra}`
const WIDEN = 'AmbientCapabilities=CAP_NET_ADMIN\nCapabilityBoundingSet=CAP_NET_ADMIN\n'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

function origin(filter = true): TestRepo {
  const repo = makeRepo()
  cleanups.push(() => repo.cleanup())
  if (filter) repo.git('config', 'uploadpack.allowFilter', 'true')
  return repo
}

function checkout(from: TestRepo, sha: string, shallow = true): GitRepo {
  const ws = shallow ? shallowCheckout(from, sha) : fullCheckout(from, sha)
  cleanups.push(() => rmSync(ws, { recursive: true, force: true }))
  return new GitRepo(ws)
}

/** The objects the checkout holds (listing them fetches nothing). */
function present(repo: GitRepo): Set<string> {
  const out = execFileSync('git', ['-C', repo.dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname)'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  return new Set(out.split('\n').filter((l) => l !== ''))
}

const blobAt = (repo: TestRepo, rev: string, path: string): string => repo.git('rev-parse', `${rev}:${path}`)

/** The rows that matter of a report: unit, status, widening. */
const rows = (r: DiffReport) =>
  r.services.map((s) => ({
    unit: s.path,
    status: s.status,
    widened: [...new Set(s.capabilities.widened.flatMap((w) => w.capabilities))],
  }))

/** A repository of many directories, where head changes one unit and unrelated files elsewhere. */
function monorepo(o: TestRepo, extra: { base?: Record<string, FileSpec>; head?: Record<string, FileSpec> } = {}) {
  const files: Record<string, FileSpec> = {}
  for (let d = 0; d < 12; d++) {
    files[`svc/d${d}/u${d}.service`] = unit(`u${d}`)
    files[`svc/d${d}/src/main.go`] = `package u${d}\n`
  }
  files['docs/notes.txt'] = 'notes\n'
  const base = o.commit({ ...files, ...extra.base }, 'base')
  const head = o.commit(
    {
      'svc/d0/u0.service': unit('u0', WIDEN),
      'docs/notes.txt': 'notes, edited\n',
      'svc/d5/src/main.go': 'package five\n',
      ...extra.head,
    },
    'head',
  )
  return { base, head }
}

describe("the shallow checkout's fetch of a commit it lacks", () => {
  it('brings the commit and only the trees that differ from the checkout, no blob', () => {
    const o = origin()
    const { base, head } = monorepo(o)
    const repo = checkout(o, head)
    const before = present(repo)
    expect(fetchAbsent(repo, [base], () => {}).size).toBe(0)
    const fetched = [...present(repo)].filter((x) => !before.has(x)).sort()
    // base's commit, its root tree, and the trees of the directories head changed (svc,
    // svc/d0, svc/d5, svc/d5/src); docs/ is a tree of one file, whose blob differs: its tree too.
    const trees = ['', 'svc', 'svc/d0', 'svc/d5', 'svc/d5/src', 'docs'].map((p) => o.git('rev-parse', `${base}:${p}`))
    expect(fetched).toEqual([base, ...trees].sort())
  })

  it('then reads only the blobs of the touched unit directories, and reviews as a full checkout does', () => {
    const o = origin()
    const { base, head } = monorepo(o)
    const repo = checkout(o, head)
    fetchAbsent(repo, [base], () => {})
    const review = reviewInCheckout(repo, base, head, SETTINGS)
    if ('error' in review) throw new Error(review.error)
    expect(rows(review.report)).toEqual([{ unit: 'svc/d0/u0.service', status: 'modified', widened: ['CAP_NET_ADMIN'] }])
    const have = present(repo)
    expect(have.has(blobAt(o, base, 'svc/d0/u0.service'))).toBe(true)
    // Changed files no unit reads: their base blobs stay on the server.
    expect(have.has(blobAt(o, base, 'docs/notes.txt'))).toBe(false)
    expect(have.has(blobAt(o, base, 'svc/d5/src/main.go'))).toBe(false)

    const full = checkout(o, head, false)
    const whole = reviewInCheckout(full, base, head, SETTINGS)
    if ('error' in whole) throw new Error(whole.error)
    expect(review.report.services).toEqual(whole.report.services)
  })

  it('still follows links anywhere in the repository: an unchanged alias elsewhere, a link whose target changed', () => {
    const o = origin()
    const { base, head } = monorepo(o, {
      base: {
        'deploy/api.service': { link: '../svc/d0/u0.service' },
        'deploy/web.service': { link: '../svc/d1/u1.service' },
      },
      head: { 'deploy/web.service': { link: '../svc/d0/u0.service' } },
    })
    const repo = checkout(o, head)
    fetchAbsent(repo, [base], () => {})
    const review = reviewInCheckout(repo, base, head, SETTINGS)
    if ('error' in review) throw new Error(review.error)
    const full = checkout(o, head, false)
    const whole = reviewInCheckout(full, base, head, SETTINGS)
    if ('error' in whole) throw new Error(whole.error)
    expect(review.report.services).toEqual(whole.report.services)
    // The alias reads the widened unit; the retargeted link now leads to it.
    expect(rows(review.report).map((r) => r.unit)).toEqual(
      expect.arrayContaining(['deploy/api.service', 'deploy/web.service', 'svc/d0/u0.service']),
    )
    expect(rows(review.report).every((r) => r.widened.includes('CAP_NET_ADMIN'))).toBe(true)
  })

  it('reads a touched unit directory whole: a drop-in added beside an unchanged unit in base', () => {
    const o = origin()
    const { base, head } = monorepo(o, { head: { 'svc/d3/u3.service.d/caps.conf': `[Service]\n${WIDEN}` } })
    const repo = checkout(o, head)
    fetchAbsent(repo, [base], () => {})
    const review = reviewInCheckout(repo, base, head, SETTINGS)
    if ('error' in review) throw new Error(review.error)
    expect(rows(review.report)).toEqual([
      { unit: 'svc/d0/u0.service', status: 'modified', widened: ['CAP_NET_ADMIN'] },
      { unit: 'svc/d3/u3.service', status: 'modified', widened: ['CAP_NET_ADMIN'] },
    ])
  })

  it('works the same with a server that does not filter (everything comes at once)', () => {
    const o = origin(false)
    const { base, head } = monorepo(o)
    const repo = checkout(o, head)
    expect(fetchAbsent(repo, [base], () => {}).size).toBe(0)
    const review = reviewInCheckout(repo, base, head, SETTINGS)
    if ('error' in review) throw new Error(review.error)
    expect(rows(review.report)).toEqual([{ unit: 'svc/d0/u0.service', status: 'modified', widened: ['CAP_NET_ADMIN'] }])
  })

  it("a pull request: GitHub's merge commit checked out, merge base, head and base tip fetched, merge result checked", () => {
    const o = origin()
    const { base: mergeBase, head } = monorepo(o)
    o.git('checkout', '-q', '-b', 'main-tip', mergeBase)
    const tip = o.commit({ 'svc/d7/u7.service': unit('u7', 'ProtectSystem=strict\n') }, 'main moves on')
    o.git('merge', '-q', '--no-ff', '--no-edit', '-m', 'merge', head)
    const merge = o.git('rev-parse', 'HEAD')
    const repo = checkout(o, merge)
    const pr = {
      kind: 'pull_request' as const,
      name: 'pull_request',
      number: 7,
      base: tip,
      head,
      baseRef: 'main',
      fork: false,
      mergeCommits: [merge],
    }
    const prepared = prepareCheckout(repo, pr, mergeBase, head, () => {})
    expect(prepared).toEqual({ unfetched: null, merge: { from: tip, to: merge, how: 'merge-commit' } })
    const change = reviewInCheckout(repo, mergeBase, head, SETTINGS)
    const result = reviewInCheckout(repo, tip, merge, SETTINGS)
    if ('error' in change || 'error' in result) throw new Error('review failed')
    expect(rows(change.report)).toEqual([{ unit: 'svc/d0/u0.service', status: 'modified', widened: ['CAP_NET_ADMIN'] }])
    expect(rows(result.report)).toEqual([{ unit: 'svc/d0/u0.service', status: 'modified', widened: ['CAP_NET_ADMIN'] }])
    expect(present(repo).has(blobAt(o, mergeBase, 'docs/notes.txt'))).toBe(false)
  })
})

describe('a checkout that is a partial clone already (actions/checkout with filter: blob:none)', () => {
  it('is reviewed the same, its missing blobs fetched in one request, not one by one', () => {
    const o = origin()
    const { base, head } = monorepo(o, {
      base: { 'svc/d0/u0.service.d/a.conf': '[Service]\nPrivateTmp=yes\n' },
      head: { 'svc/d0/u0.service.d/a.conf': '[Service]\nPrivateTmp=no\n' },
    })
    const ws = mkdtempSync(join(tmpdir(), 'sdx-ws-'))
    cleanups.push(() => rmSync(ws, { recursive: true, force: true }))
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', ws, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    // A blobless checkout of head (checkout fetches its work tree's blobs), and base fetched
    // blobless too: base's versions of the files head changed are not there.
    git('init', '-q')
    git('remote', 'add', 'origin', `file://${o.dir}`)
    git('fetch', '-q', '--no-tags', '--depth=1', '--filter=blob:none', 'origin', head)
    git('checkout', '-q', '--detach', head)
    git('fetch', '-q', '--no-tags', '--depth=1', '--filter=blob:none', 'origin', base)
    git('config', 'gc.auto', '0')
    const repo = new GitRepo(ws)
    expect(repo.promisorRemote()).toBe('origin')
    // Each fetch from a promisor remote leaves a pack marked `.promisor`.
    const fetches = () => readdirSync(join(ws, '.git/objects/pack')).filter((f) => f.endsWith('.promisor')).length
    const before = fetches()
    const review = reviewInCheckout(repo, base, head, SETTINGS)
    if ('error' in review) throw new Error(review.error)
    expect(rows(review.report)).toEqual([{ unit: 'svc/d0/u0.service', status: 'modified', widened: ['CAP_NET_ADMIN'] }])
    expect(fetches() - before).toBe(1)
  })
})

describe('the tree of a partial clone', () => {
  it('is listed without sizes (which would fetch every blob); a file no plan foresaw is fetched when read', () => {
    const o = origin()
    const { base, head } = monorepo(o)
    const repo = checkout(o, head)
    fetchAbsent(repo, [base], () => {})
    const before = present(repo).size
    const tree = repo.tree(base)
    expect(tree.get('svc/d0/u0.service')).toMatchObject({ size: null })
    expect(present(repo).size).toBe(before)
    const input = snapshotsFromGit(repo, base, head)
    expect(Buffer.from(input.base.source.read('svc/d5/src/main.go')!).toString()).toBe('package u5\n')
    expect(rows(diffSnapshots(input.base, input.head, input.changes, SETTINGS)).length).toBe(1)
  })
})
