/**
 * End to end: a pull request's merge result is checked too (red team A02). A pull request that
 * branched off before main removed CAP_SYS_ADMIN from netd.service can bring it back — in a new
 * drop-in, or in lines of the unit file that merge without a conflict — while its own change,
 * compared from the merge base, shows nothing new. The merge result, compared with main's tip,
 * shows it, and fails as `merge-widening`: from GitHub's merge commit (actions/checkout on
 * pull_request), from the merge git builds (pull_request_target checks out the base), or
 * through the API (no checkout).
 */
import { existsSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DIST } from '../helpers/action-run.js'
import type { FileSpec } from '../helpers/git-repo.js'
import {
  commentsOn,
  openPullRequest,
  pullRequestPayload,
  runOn,
  type PullRequestOptions,
  type TestPullRequest,
} from '../helpers/pull-request.js'

let pr: TestPullRequest | undefined
afterEach(async () => {
  await pr?.cleanup()
  pr = undefined
})
beforeAll(() => {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run npm run bundle')
})

const NETD = (caps: string, extra = '') =>
  `[Unit]\nDescription=netd\n\n[Service]\nExecStart=/usr/bin/netd\nUser=netd\nNoNewPrivileges=yes\nAmbientCapabilities=${caps}\nCapabilityBoundingSet=${caps}\nRestart=always\n${extra}\n[Install]\nWantedBy=multi-user.target\n`
const WIDE = NETD('CAP_NET_ADMIN CAP_SYS_ADMIN')
/** What main did after the pull request branched off: netd.service lost CAP_SYS_ADMIN. */
const HARDENED = { 'units/netd.service': NETD('CAP_NET_ADMIN') }
const TUNING = {
  'units/netd.service.d/10-tuning.conf':
    '[Service]\nLimitNOFILE=65536\nAmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
}

/** The pull request that undoes main's hardening with a new drop-in. */
const undoing = (headFiles: Record<string, FileSpec> = TUNING, options: PullRequestOptions = {}) =>
  openPullRequest({ 'units/netd.service': WIDE }, headFiles, { mainAfter: HARDENED, ...options })

const short = (sha: string) => sha.slice(0, 12)

function failsOnceMerged(
  pr: TestPullRequest,
  r: Awaited<ReturnType<typeof runOn>>,
  at = 'units/netd.service.d/10-tuning.conf:3',
) {
  expect(r.code).toBe(1)
  expect(r.outputs).toMatchObject({ verdict: 'fail', 'capabilities-widened': '1' })
  expect(r.stdout).toContain(
    `::error::systemd-exposure: netd.service now holds CAP_SYS_ADMIN at start (AmbientCapabilities=, ${at}) once merged into main (${short(pr.base)})`,
  )
  const failures = r.report!['failures'] as { kind: string }[]
  expect(failures.map((f) => f.kind)).toEqual(['merge-widening'])
}

describe('the merge result', () => {
  it("GitHub's merge commit (pull_request's checkout): one fetch, and the report names every commit compared", async () => {
    pr = await undoing(TUNING, { checkout: 'merge' })
    const r = await runOn(pr)
    failsOnceMerged(pr, r)
    // The pull request's own change shows nothing new.
    expect(r.stdout).toMatch(/netd\.service: 7\.\d → 7\.\d \(modified\)/)
    expect(r.stdout).toContain(
      `comparing the merge result ${pr.merge} (GitHub's merge commit) with the base branch's tip ${pr.base}`,
    )
    // What the checkout of the merge commit lacks, in one fetch: the merge base, the head, main's tip.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('fetching'))).toEqual([
      `fetching ${pr.mergeBase}, ${pr.head}, ${pr.base} (not in the checkout)`,
    ])
    expect(r.report!['comparisons']).toMatchObject({
      change: { from: pr.mergeBase, to: pr.head, what: 'merge-base' },
      mergeResult: {
        checked: true,
        from: pr.base,
        to: pr.merge,
        how: 'merge-commit',
        widened: [{ unit: 'netd.service', path: 'units/netd.service', privileges: ['CAP_SYS_ADMIN'] }],
      },
    })
    expect(r.summary).toContain(
      `Its merge result: \`${pr.base}\` (the base branch's tip) → \`${pr.merge}\` (GitHub's merge commit): 1 widening the change does not show.`,
    )
    expect(commentsOn(pr)[0]!.body).toContain('once merged into main')
    expect(pr.server.requests.map((q) => q.operationId)).toEqual([
      'repos/compare-commits',
      'issues/list-comments',
      'pulls/get',
      'issues/create-comment',
    ])
    pr.server.assertNoViolations()
  })

  it('lines of the unit file that merge without a conflict', async () => {
    pr = await undoing(
      {
        'units/netd.service': NETD(
          'CAP_NET_ADMIN CAP_SYS_ADMIN',
          'LimitNOFILE=65536\nAmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
        ),
      },
      { checkout: 'merge' },
    )
    const r = await runOn(pr)
    failsOnceMerged(pr, r, 'units/netd.service:12')
  })

  it('the merge git builds when the checkout has no merge commit (pull_request_target)', async () => {
    pr = await undoing(TUNING, { checkout: 'base' })
    const payload = { ...(pullRequestPayload(pr) as { pull_request: object }), action: 'synchronize' }
    ;(payload.pull_request as Record<string, unknown>)['merge_commit_sha'] = null
    const r = await runOn(pr, { event: 'pull_request_target', payload, env: { GITHUB_SHA: pr.base } })
    failsOnceMerged(pr, r)
    const check = (r.report!['comparisons'] as { mergeResult: { how: string; to: string } }).mergeResult
    expect(check.how).toBe('merge-tree')
    // The tree git built is the tree of GitHub's merge commit.
    expect(check.to).toBe(pr.origin.git('rev-parse', `${pr.merge}^{tree}`))
    expect(r.stdout).toContain(
      `comparing the merge result ${check.to} (the merge git built) with the base branch's tip ${pr.base}`,
    )
  })

  it("GitHub's merge commit through the API when there is no checkout", async () => {
    pr = await undoing(TUNING, { checkout: 'none' })
    const r = await runOn(pr)
    failsOnceMerged(pr, r)
    expect(pr.server.requests.map((q) => q.operationId)).toEqual([
      'repos/compare-commits',
      // The change (GraphQL): both commits with their roots; the directories on the paths GitHub
      // lists; the unit (the same on both sides) and the new drop-in.
      'graphql',
      'graphql',
      'graphql',
      // The merge result: the merge commit's parents; main's tip and the merge commit; the
      // subtrees that differ; main's version of the unit.
      'git/get-commit',
      'graphql',
      'graphql',
      'graphql',
      'issues/list-comments',
      'pulls/get',
      'issues/create-comment',
    ])
    pr.server.assertNoViolations()
  })
})

describe('what the merge result does not change', () => {
  // Main moved on after the branch point: it hardened db.service and widened cache.service
  // itself. Neither is the pull request's, which only hardens netd.service.
  const behind = (checkout: PullRequestOptions['checkout']) =>
    openPullRequest(
      { 'units/netd.service': WIDE, 'units/db.service': NETD('CAP_KILL'), 'units/cache.service': NETD('') },
      { 'units/netd.service': NETD('CAP_NET_ADMIN CAP_SYS_ADMIN', 'PrivateTmp=yes\n') },
      {
        mainAfter: { 'units/db.service': NETD('', 'ProtectHome=yes\n'), 'units/cache.service': NETD('CAP_NET_RAW') },
        checkout,
      },
    )

  it("a pull request that is only behind main passes: main's own changes are not blamed on it", async () => {
    pr = await behind('merge')
    const r = await runOn(pr)
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'capabilities-widened': '0' })
    expect(r.report!['failures']).toEqual([])
    expect((r.report!['comparisons'] as { mergeResult: unknown }).mergeResult).toMatchObject({
      checked: true,
      how: 'merge-commit',
      widened: [],
    })
    // Only the pull request's own unit is reviewed; main's units are in neither comparison's findings.
    expect((r.report!['services'] as { unit: string }[]).map((s) => s.unit)).toEqual(['netd.service'])
    expect(r.summary).toContain("(GitHub's merge commit): it widens nothing the change does not show.")
    expect(r.stdout).not.toContain('cache.service')
    pr.server.assertNoViolations()
  })

  it('the same through the merge git builds (pull_request_target) and through the API', async () => {
    pr = await behind('base')
    const built = await runOn(pr, { event: 'pull_request_target', env: { GITHUB_SHA: pr.base } })
    expect(built.code).toBe(0)
    expect((built.report!['comparisons'] as { mergeResult: unknown }).mergeResult).toMatchObject({
      checked: true,
      how: 'merge-tree',
      widened: [],
    })
    await pr.cleanup()

    pr = await behind('none')
    const api = await runOn(pr)
    expect(api.code).toBe(0)
    expect((api.report!['comparisons'] as { mergeResult: unknown }).mergeResult).toMatchObject({
      checked: true,
      how: 'merge-commit',
      widened: [],
    })
    pr.server.assertNoViolations()
  })

  it('says when it was not checked: a conflict, or no merge commit without a checkout', async () => {
    pr = await openPullRequest(
      { 'units/netd.service': WIDE },
      { 'units/netd.service': NETD('CAP_NET_ADMIN CAP_SYS_ADMIN CAP_KILL') },
      { mainAfter: HARDENED },
    )
    expect(pr.merge).toBeNull()
    const conflict = await runOn(pr)
    // The pull request's own change still fails on its own.
    expect(conflict.code).toBe(1)
    expect(conflict.stdout).toContain(
      `::warning::systemd-exposure did not check the merge result: the head does not merge into ${pr.base} without conflicts (in units/netd.service); GitHub cannot merge it either until they are resolved, which is a new head to review.`,
    )
    expect((conflict.report!['comparisons'] as { mergeResult: unknown }).mergeResult).toEqual({
      checked: false,
      why: expect.stringContaining('without conflicts'),
    })
    expect(conflict.summary).toContain('Its merge result was **not checked**: the head does not merge into')
    await pr.cleanup()

    pr = await undoing(TUNING, { checkout: 'none' })
    const payload = pullRequestPayload(pr) as { pull_request: Record<string, unknown> }
    payload.pull_request['merge_commit_sha'] = null
    const none = await runOn(pr, { payload, env: { GITHUB_SHA: '' } })
    expect(none.code).toBe(0)
    expect(none.stdout).toContain(
      "::warning::systemd-exposure did not check the merge result: without a checkout only GitHub's merge commit can show it, and the event names no merge commit (GitHub has none while the head conflicts with the base).",
    )
  })
})
