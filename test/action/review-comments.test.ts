/**
 * Inline review comments: on the changed lines that widen a privilege or make a setting worse,
 * with a one-click fix where one is safe; everything else in the sticky comment. End to end with
 * the bundled dist/index.js run as the runner runs it, and in process through ActionPorts, on real
 * git repositories, against the local GitHub API that checks every request and response against
 * GitHub's OpenAPI description.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { rightSideLines } from '../../src/action/patch-lines.js'
import type { DiffReport } from '../../src/diff/report.js'
import { plannedComments } from '../../src/report/review-comments.js'
import { DIST, prFiles, treeContents } from '../helpers/action-run.js'
import { CMARK_AVAILABLE, filteredText, GITHUB_TEXT_PATTERNS, renderGfm } from '../helpers/cmark.js'
import { runInProcessOn } from '../helpers/in-process.js'
import {
  UNIT,
  commentsOn,
  openPullRequest,
  pullRequestPayload,
  runOn as runWith,
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

/** The bundled action on the pull request, review comments on (action.yml's default). */
const runOn = (p: TestPullRequest, extra: Parameters<typeof runWith>[1] = {}) =>
  runWith(p, { ...extra, inputs: { 'review-comments': 'true', ...extra.inputs } })

const reviewComments = (p: TestPullRequest) =>
  [...p.server.state.reviewComments.values()].filter((c) => c.pullNumber === 7).sort((a, b) => a.id - b.id)
const operations = (p: TestPullRequest) => p.server.requests.map((q) => q.operationId)

/** Pushes a new head to the pull request: git, the API's files, patches and trees, a new checkout. */
function push(p: TestPullRequest, files: Record<string, string | null>): void {
  const head = p.origin.commit(files, 'push')
  const pull = p.server.state.pulls.get(7)!
  pull.fields.head.sha = head
  pull.commits.push({ sha: head, message: 'push', parents: [p.head] })
  pull.files = prFiles(p.origin, p.mergeBase, head)
  p.server.state.addCommit({ sha: head, message: 'push', parents: [p.head] })
  for (const [path, c] of Object.entries(treeContents(p.origin, head))) p.server.state.setFile(head, path, c)
  ;(p as { head: string }).head = head
  p.origin.git('checkout', '-q', '--detach', head)
  rmSync(p.workspace, { recursive: true, force: true })
  p.workspace = mkdtempSync(join(tmpdir(), 'sdx-ws-'))
  p.origin.git('worktree', 'add', '-q', '--detach', p.workspace, head)
}

// The pull request most tests use: a granted capability (a widening and a regression on one added
// line, which removing undoes), a wider bounding set (a list: no one-line fix), a removed line
// (PrivateTmp=), and a drop-in renamed without a change — which reorders the drop-ins so a setting
// gets worse, blamed on a line the pull request's diff does not show (a pure rename has no hunk).
const BASE = {
  'units/api.service': UNIT('PrivateTmp=yes\n'),
  'units/api.service.d/20-net.conf': '[Service]\nPrivateNetwork=no\n',
  'units/api.service.d/50-net.conf': '[Service]\nPrivateNetwork=yes\n',
}
const HEAD = {
  'units/api.service': UNIT('AmbientCapabilities=CAP_NET_ADMIN\nCapabilityBoundingSet=CAP_NET_ADMIN\n'),
  'units/api.service.d/20-net.conf': null,
  'units/api.service.d/90-net.conf': '[Service]\nPrivateNetwork=no\n',
}

describe('review comments, the bundled action', () => {
  it('comment the changed lines, a one-click fix where it is safe; lines outside the hunks and removed lines stay in the sticky comment', async () => {
    pr = await openPullRequest(BASE, HEAD)
    const r = await runOn(pr)
    expect(r.code).toBe(1) // the verdict: the widening fails the gate
    const posted = reviewComments(pr)
    expect(posted.map((c) => `${c.path}:${c.line}`)).toEqual(['units/api.service:9', 'units/api.service:10'])
    expect(pr.server.state.reviews).toHaveLength(1)
    expect(pr.server.state.reviews[0]!.commitId).toBe(pr.head)

    const [ambient, bounding] = posted
    expect(ambient!.body).toMatch(/^<!-- systemd-exposure:review [0-9a-f]{12} -->\n/)
    expect(ambient!.body).toContain('**Privilege widened** (held at start)')
    expect(ambient!.body).toContain('This fails the check.')
    // The row in systemd-analyze security's terms, as the sticky comment has it: text and exposure.
    expect(ambient!.body).toMatch(
      /\*\*`AmbientCapabilities=` got worse\*\* in `api\.service` \(\d\.\d → \d\.\d [A-Z]+\) — systemd-analyze security says: .+ \(exposure — → 0\.\d\)\./,
    )
    // Removing the added line is the fix the engine checked: an empty suggestion deletes it.
    expect(ambient!.body).toContain('Fix: remove this line.')
    expect(ambient!.body).toMatch(/\n```suggestion\n```\n$/)
    // Emptying the bounding set is the fix checked as a drop-in, after every line; in place it
    // could be undone by a later line: the fix in words only.
    expect(bounding!.body).toContain('`CapabilityBoundingSet=~CAP_NET_ADMIN` got worse')
    expect(bounding!.body).toContain('Fix: set back to `CapabilityBoundingSet=`.')
    expect(bounding!.body).not.toContain('suggestion')

    // The sticky comment still has everything, the removed line and the renamed drop-in's line too.
    const sticky = commentsOn(pr)[0]!.body
    expect(sticky).toContain('`PrivateTmp=`')
    expect(sticky).toContain('`PrivateNetwork=`')
    expect(sticky).toContain('90-net.conf:2')
    expect(r.stdout).toContain(
      '2 review comments posted, 0 already there, 0 marked as no longer applying, 1 findings outside the diff',
    )
    expect(operations(pr)).toEqual([
      'repos/compare-commits',
      'issues/list-comments',
      'pulls/get',
      'issues/create-comment',
      'pulls/list-review-comments',
      'pulls/list-files',
      'pulls/get',
      'pulls/create-review',
    ])
    pr.server.assertNoViolations()
  })

  it('do not repeat a finding on a re-run, and mark one that a later push fixed', async () => {
    pr = await openPullRequest(BASE, HEAD)
    await runOn(pr)
    const first = reviewComments(pr)
    expect(first).toHaveLength(2)
    const before = pr.server.requests.length

    const again = await runOn(pr)
    expect(again.code).toBe(1)
    expect(reviewComments(pr)).toEqual(first)
    expect(pr.server.state.reviews).toHaveLength(1)
    // Listed, found the same on the same lines: nothing written.
    expect(
      operations(pr)
        .slice(before)
        .filter((o) => o!.startsWith('pulls/')),
    ).toEqual(['pulls/list-review-comments', 'pulls/list-files'])
    expect(again.stdout).toContain('0 review comments posted, 2 already there')

    // The author drops the capability: the bounding set stays wider, the ambient line is gone.
    push(pr, { 'units/api.service': UNIT('CapabilityBoundingSet=CAP_NET_ADMIN\n') })
    const fixed = await runOn(pr)
    const after = reviewComments(pr)
    const old = after.find((c) => c.id === first[0]!.id)!
    expect(old.body).toMatch(
      /^<!-- systemd-exposure:review [0-9a-f]{12} settled -->\n✅ \*\*No longer applies\*\* as of `[0-9a-f]{12}`/,
    )
    expect(old.body).not.toContain('```suggestion')
    // The bounding set's line moved up one: a new comment there; the old one is settled too.
    const current = after.filter((c) => !c.body.includes(' settled -->'))
    expect(current.map((c) => `${c.path}:${c.line}`)).toEqual(['units/api.service:9'])
    expect(fixed.stdout).toMatch(/1 review comments posted, 0 already there, 2 marked as no longer applying/)

    // Settled comments stay settled: a re-run writes nothing.
    const settledRun = pr.server.requests.length
    await runOn(pr)
    expect(operations(pr).slice(settledRun)).not.toContain('pulls/update-review-comment')
    expect(operations(pr).slice(settledRun)).not.toContain('pulls/create-review')
    pr.server.assertNoViolations()
  })

  it('from a fork on pull_request: no review is tried, the verdict and the sticky comment stand', async () => {
    pr = await openPullRequest(BASE, HEAD)
    const r = await runOn(pr, { payload: pullRequestPayload(pr, { fork: true }) })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('a pull request from a fork gets a read-only token on pull_request')
    expect(operations(pr).filter((o) => o!.includes('review') || o === 'pulls/list-files')).toEqual([])
    pr.server.assertNoViolations()
  })

  it('with a read-only token: the refusal is a notice, the verdict stands', async () => {
    pr = await openPullRequest(BASE, HEAD, { server: { permissions: 'read' } })
    const r = await runOn(pr)
    expect(r.code).toBe(1)
    expect(r.outputs['verdict']).toBe('fail')
    expect(r.stdout).toMatch(
      /::notice::systemd-exposure could not write its review comments \(403: Resource not accessible by integration/,
    )
    expect(reviewComments(pr)).toEqual([])
    pr.server.assertNoViolations()
  })

  it('review-comments: false asks nothing about reviews', async () => {
    pr = await openPullRequest(BASE, HEAD)
    const r = await runOn(pr, { inputs: { 'review-comments': 'false' } })
    expect(r.code).toBe(1)
    expect(operations(pr)).toEqual([
      'repos/compare-commits',
      'issues/list-comments',
      'pulls/get',
      'issues/create-comment',
    ])
    pr.server.assertNoViolations()
  })
})

/** The action in this process, through ActionPorts, with review comments on. */
const runInProcess = (p: TestPullRequest, inputs: Record<string, string> = {}) =>
  runInProcessOn(p, { inputs: { 'review-comments': 'true', ...inputs } })

describe('review comments, in process', () => {
  it('a setting turned back in place is a one-line suggestion; a continued line gets none', async () => {
    pr = await openPullRequest(
      { 'units/api.service': UNIT('PrivateNetwork=yes\nProtectSystem=strict\nExecStartPre=/bin/true\n') },
      { 'units/api.service': UNIT('PrivateNetwork=no\nProtectSystem=\\\n  false\nExecStartPre=/bin/true\n') },
    )
    const { outputs } = await runInProcess(pr, { 'fail-on-regression': 'true' })
    expect(outputs['verdict']).toBe('fail')
    const posted = reviewComments(pr)
    const network = posted.find((c) => c.line === 9)!
    expect(network.body).toContain('`PrivateNetwork=` got worse')
    expect(network.body).toContain('Fix: set back to `PrivateNetwork=yes`.')
    expect(network.body).toMatch(/\n```suggestion\nPrivateNetwork=yes\n```\n$/)
    // ProtectSystem= continues from the line before (the assignment is blamed on its last line):
    // replacing that one line would leave "ProtectSystem=\" to swallow the next.
    const system = posted.find((c) => c.line === 11)!
    expect(system.body).toContain('`ProtectSystem=` got worse')
    expect(system.body).not.toContain('suggestion')
    pr.server.assertNoViolations()
  })

  it('name a unit in code (no mention, no suggestion in a template instance) and fence a suggestion its text cannot close', async () => {
    pr = await openPullRequest(
      { 'units/web@octocat.service': UNIT() },
      { 'units/web@octocat.service': UNIT('AmbientCapabilities=CAP_NET_ADMIN\n') },
    )
    const { report } = await runInProcess(pr)
    const [posted] = reviewComments(pr)
    expect(posted!.line).toBe(9)
    // The name is a code span: GitHub's mention filter skips code.
    expect(posted!.body).toContain('`web@octocat.service`')
    expect(posted!.body.replace(/`[^`]*`/g, '')).not.toContain('@octocat')
    expect(posted!.body).not.toContain('suggestion')
    if (CMARK_AVAILABLE) expect(filteredText(renderGfm(posted!.body))).not.toMatch(GITHUB_TEXT_PATTERNS['mention']!)

    // The report's fix, spelled with a fence in its value: the suggestion's fence is longer.
    const fenced = report!
    const s = fenced.services[0]!
    const row = s.regressions.find((r) => r.line === 9)!
    const withFence: DiffReport = {
      ...fenced,
      services: [
        {
          ...s,
          path: 'units/web.service',
          capabilities: { ...s.capabilities, widened: [] },
          regressions: [
            {
              ...row,
              file: 'units/web.service',
              fix: { kind: 'restore', lines: ['AmbientCapabilities=```x'], remove: [], reason: 'test', verified: true },
            },
          ],
        },
      ],
    }
    const lines = new Map([['units/web.service', rightSideLines('@@ -8,0 +9 @@\n+AmbientCapabilities=CAP_NET_ADMIN')]])
    // A line whose neighbour above is not in the hunk is not known to be a line of its own: no suggestion.
    expect(plannedComments(withFence, lines, 'k')[0]!.suggestion).toBe(false)
    const withContext = new Map([
      [
        'units/web.service',
        rightSideLines('@@ -8,1 +8,2 @@\n CapabilityBoundingSet=\n+AmbientCapabilities=CAP_NET_ADMIN'),
      ],
    ])
    const [planned] = plannedComments(withFence, withContext, 'k')
    expect(planned!.suggestion).toBe(true)
    expect(planned!.body).toMatch(/\n````suggestion\nAmbientCapabilities=```x\n````\n$/)
    pr.server.assertNoViolations()
  })
})

describe('review comments, whose', () => {
  it("a marker comment by anyone else is not the action's: never edited, never taken for its own", async () => {
    pr = await openPullRequest(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_NET_ADMIN\n') },
    )
    await runInProcess(pr)
    const [first] = reviewComments(pr)
    // Someone else wrote that very comment, marker and all (as anyone can).
    first!.user = { login: 'mallory', id: 666, type: 'User' }
    const before = pr.server.requests.length
    const { log } = await runInProcess(pr)
    const after = reviewComments(pr)
    expect(after).toHaveLength(2)
    expect(after[0]!.body).toBe(first!.body) // left alone
    expect(after[1]!.user.login).toBe('github-actions[bot]')
    expect(after[1]!.body).toBe(first!.body)
    expect(
      log.some((l) =>
        l.message.includes(`comment ${first!.id} by mallory carries this action's marker but is not the token's own`),
      ),
    ).toBe(true)
    // Who the token is, asked once for the sticky comment and the review comments together.
    expect(
      operations(pr)
        .slice(before)
        .filter((o) => o === 'users/get-authenticated'),
    ).toHaveLength(1)
    pr.server.assertNoViolations()
  })
})

describe('the lines a review comment may sit on', () => {
  it('are the added and context lines of the hunks, numbered in head', () => {
    const lines = rightSideLines(
      '@@ -1,3 +1,4 @@\n [Service]\n-User=api\n+User=root\n+AmbientCapabilities=CAP_NET_ADMIN\n ExecStart=/bin/x\n@@ -20 +21 @@\n-a\n+b\n\\ No newline at end of file',
    )
    expect([...lines]).toEqual([
      [1, { text: '[Service]', added: false }],
      [2, { text: 'User=root', added: true }],
      [3, { text: 'AmbientCapabilities=CAP_NET_ADMIN', added: true }],
      [4, { text: 'ExecStart=/bin/x', added: false }],
      [21, { text: 'b', added: true }],
    ])
  })

  it('stop where a patch stops making sense (GitHub cut it short)', () => {
    expect([...rightSideLines('@@ -1,2 +1,3 @@\n a\n+b\n')].map(([n]) => n)).toEqual([1, 2])
    expect([...rightSideLines('not a patch\n+x')]).toEqual([])
  })
})
