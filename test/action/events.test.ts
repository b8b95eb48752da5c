/**
 * End to end: which events the action reviews as a pull request, which fail, and which have
 * nothing to compare. A run that ends green says the change passed, so every event that belongs
 * to a pull request must either review it or fail (red team A14b); only events with nothing to
 * compare end with a notice (A14d: a push that deletes the branch).
 */
import { existsSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DIST } from '../helpers/action-run.js'
import {
  UNIT,
  commentsOn,
  openPullRequest,
  pullRequestPayload,
  runOn,
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

/** A pull request whose head gives api.service CAP_SYS_ADMIN. */
const widening = () =>
  openPullRequest(
    { 'units/api.service': UNIT() },
    { 'units/api.service': UNIT('AmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n') },
  )

const failsOnTheWidening = (r: Awaited<ReturnType<typeof runOn>>) => {
  expect(r.code).toBe(1)
  expect(r.outputs['verdict']).toBe('fail')
  expect(r.stdout).toMatch(/::error::systemd-exposure: api\.service now holds CAP_SYS_ADMIN at start/)
}

const notices = (r: Awaited<ReturnType<typeof runOn>>) => r.stdout.split('\n').filter((l) => l.startsWith('::notice::'))

describe('events that carry a pull request are reviewed as that pull request', () => {
  it('pull_request_review, pull_request_review_comment and pull_request of any activity type', async () => {
    pr = await widening()
    const payload = pullRequestPayload(pr) as Record<string, unknown>
    for (const [event, extra] of [
      ['pull_request_review', { action: 'submitted', review: { id: 1, state: 'commented', body: 'LGTM' } }],
      ['pull_request_review_comment', { action: 'created', comment: { id: 2, body: 'nit' } }],
      ['pull_request', { action: 'labeled', label: { name: 'ready' } }],
      ['pull_request', { action: 'edited', changes: { base: { ref: { from: 'release' } } } }],
    ] as const) {
      const r = await runOn(pr, { event, payload: { ...payload, ...extra } })
      failsOnTheWidening(r)
    }
    // One comment, edited by the later runs.
    expect(commentsOn(pr)).toHaveLength(1)
    pr.server.assertNoViolations()
  })

  it('issue_comment on a pull request: the pull request is fetched and reviewed at its current head', async () => {
    pr = await widening()
    // issue_comment runs on the default branch: the checkout is main's, GITHUB_SHA main's tip.
    const r = await runOn(pr, {
      event: 'issue_comment',
      payload: {
        action: 'created',
        issue: { number: 7, pull_request: { url: `${pr.server.url}/repos/octo/units/pulls/7` } },
        comment: { id: 3, body: '/recheck' },
      },
      env: { GITHUB_SHA: pr.base },
    })
    failsOnTheWidening(r)
    expect(r.stdout).toContain(
      `this issue_comment event belongs to pull request #7, reviewed at its current head ${pr.head}`,
    )
    // Once for the event's pull request, once before commenting (a push during the run makes it stale).
    expect(pr.server.requestsFor('pulls/get')).toHaveLength(2)
    pr.server.assertNoViolations()
  })

  it('issue_comment on a pull request that cannot be read fails, naming the fix', async () => {
    pr = await widening()
    pr.server.fail('pulls/get', 404)
    const r = await runOn(pr, {
      event: 'issue_comment',
      payload: { action: 'created', issue: { number: 7, pull_request: { url: 'x' } } },
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::systemd-exposure: this issue_comment event belongs to pull request #7, which could not be read from GitHub \(404: Not Found/,
    )
  })

  it("workflow_run of a pull request: the run's pull request; none listed (a fork's) fails; a push's has nothing to compare", async () => {
    pr = await widening()
    const side = (sha: string, id: number) => ({
      ref: 'x',
      sha,
      repo: { id, url: 'https://api.github.com/repos/octo/units', name: 'units' },
    })
    const run = (workflowRun: object) =>
      runOn(pr!, { event: 'workflow_run', payload: { action: 'completed', workflow_run: workflowRun } })

    const ofPr = await run({
      event: 'pull_request',
      head_sha: pr.head,
      pull_requests: [
        {
          id: 1,
          number: 7,
          url: 'https://api.github.com/repos/octo/units/pulls/7',
          head: side(pr.head, 1),
          base: side(pr.base, 1),
        },
      ],
    })
    failsOnTheWidening(ofPr)

    const ofFork = await run({ event: 'pull_request', head_sha: pr.head, pull_requests: [] })
    expect(ofFork.code).toBe(1)
    expect(ofFork.stdout).toMatch(
      /::error::systemd-exposure cannot review this workflow_run event: this workflow_run ran for a pull request, but its payload names none whose head is [0-9a-f]{40} \(GitHub leaves out pull requests from forks\)/,
    )

    const ofPush = await run({ event: 'push', head_sha: pr.head, pull_requests: [] })
    expect(ofPush.code).toBe(0)
    expect(notices(ofPush)).toEqual([
      '::notice::systemd-exposure has nothing to compare on this workflow_run event (this workflow_run belongs to no pull request), so it does nothing.',
    ])
  })
})

describe('events with nothing to compare end with a notice', () => {
  it('workflow_dispatch, schedule, issue_comment on an issue, a push that creates or deletes a branch', async () => {
    pr = await widening()
    const ZERO = '0'.repeat(40)
    const cases: [string, object, string][] = [
      ['workflow_dispatch', { inputs: {} }, 'it is not about a pull request, a merge group or a push'],
      ['schedule', { schedule: '0 0 * * *' }, 'it is not about a pull request, a merge group or a push'],
      [
        'issue_comment',
        { action: 'created', issue: { number: 3 }, comment: { id: 4 } },
        'it is not about a pull request, a merge group or a push',
      ],
      ['push', { before: pr.head, after: ZERO, deleted: true }, 'the push deleted the branch'],
      [
        'push',
        { before: ZERO, after: pr.head, created: true },
        'the push created the branch, so there is no earlier state of it to compare with',
      ],
    ]
    for (const [event, payload, why] of cases) {
      const r = await runOn(pr, { event, payload })
      expect(r.code, event).toBe(0)
      expect(notices(r)).toEqual([
        `::notice::systemd-exposure has nothing to compare on this ${event} event (${why}), so it does nothing.`,
      ])
      expect(r.outputs['verdict']).toBeUndefined()
    }
    expect(pr.server.requests).toHaveLength(0)
  })
})
