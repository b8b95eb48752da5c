/**
 * End to end, without a checkout: what a review costs in GitHub API requests. One changed unit
 * costs its own files and drop-ins, whatever its directory holds (red team A12: every file of a
 * touched directory was one request); blobs are read a few at a time; past the run's budget the
 * review fails closed, saying what it would need.
 */
import { existsSync } from 'node:fs'
import { afterEach, beforeAll, expect, it } from 'vitest'
import { DIST } from '../helpers/action-run.js'
import type { FileSpec } from '../helpers/git-repo.js'
import { UNIT, openPullRequest, runOn, type TestPullRequest } from '../helpers/pull-request.js'

let pr: TestPullRequest | undefined
afterEach(async () => {
  await pr?.cleanup()
  pr = undefined
})
beforeAll(() => {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run npm run bundle')
})

/** A directory of `n` other services, a tenth of them with a drop-in. */
function crowded(n: number): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = {}
  for (let i = 0; i < n; i++) {
    files[`units/s${i}.service`] = `[Service]\nExecStart=/usr/bin/s${i}\nDynamicUser=yes\n`
    if (i % 10 === 0) files[`units/s${i}.service.d/10-limits.conf`] = '[Service]\nLimitNOFILE=4096\n'
  }
  return files
}

const operations = (pr: TestPullRequest) => pr.server.requests.map((q) => q.operationId)

it('one changed unit costs its two versions, whatever its directory holds', async () => {
  pr = await openPullRequest(
    { ...crowded(200), 'units/api.service': UNIT() },
    { 'units/api.service': UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n') },
    { checkout: 'none' },
  )
  const r = await runOn(pr)
  expect(r.code).toBe(1)
  expect(r.outputs['capabilities-widened']).toBe('1')
  expect(operations(pr)).toEqual([
    'repos/compare-commits',
    // The change: both trees, both versions of the unit.
    'git/get-tree',
    'git/get-tree',
    'git/get-blob',
    'git/get-blob',
    // The merge result: GitHub's merge commit's parents and both trees; its blobs are read already.
    'git/get-commit',
    'git/get-tree',
    'git/get-tree',
    'issues/list-comments',
    'pulls/get',
    'issues/create-comment',
  ])
  expect(r.stdout).toContain('systemd-exposure: 2 blob requests through the GitHub API (budget 100)')
  pr.server.assertNoViolations()
})

it("a changed drop-in costs the unit's file and its drop-ins, each version once", async () => {
  const dropIns = {
    'units/api.service.d/10-user.conf': '[Service]\nUser=api\n',
    'units/api.service.d/20-caps.conf': '[Service]\nCapabilityBoundingSet=\n',
  }
  pr = await openPullRequest(
    { ...crowded(100), 'units/api.service': UNIT(), ...dropIns },
    { 'units/api.service.d/20-caps.conf': '[Service]\nAmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n' },
    { checkout: 'none' },
  )
  const r = await runOn(pr)
  expect(r.code).toBe(1)
  expect(r.stdout).toMatch(
    /::error::systemd-exposure: api\.service now holds CAP_KILL at start \(AmbientCapabilities=, units\/api\.service\.d\/20-caps\.conf:2\)/,
  )
  // api.service and 10-user.conf (the same on both sides), both versions of 20-caps.conf.
  expect(pr.server.count('git/get-blob')).toBe(4)
  pr.server.assertNoViolations()
})

it('reads blobs four at a time', async () => {
  const head: Record<string, string> = {}
  for (let i = 0; i < 12; i++) head[`units/n${i}.service`] = `[Service]\nExecStart=/usr/bin/n${i}\nDynamicUser=yes\n`
  pr = await openPullRequest({ 'README.md': 'x\n' }, head, { checkout: 'none' })
  pr.server.slow('git/get-blob', 150)
  const r = await runOn(pr)
  expect(r.code).toBe(0)
  const blobs = pr.server.requestsFor('git/get-blob')
  expect(blobs).toHaveLength(12)
  expect(Math.max(...blobs.map((q) => q.concurrent))).toBe(4)
})

it('fails closed past the budget, before reading any file', async () => {
  const head: Record<string, string> = {}
  for (let i = 0; i < 150; i++) head[`units/n${i}.service`] = `[Service]\nExecStart=/usr/bin/n${i}\nDynamicUser=yes\n`
  pr = await openPullRequest({ 'units/api.service': UNIT() }, head, { checkout: 'none' })
  const r = await runOn(pr)
  expect(r.code).toBe(1)
  expect(r.stdout).toContain(
    '::error::systemd-exposure would need 150 more files through the GitHub API to review this change without a checkout, past its budget of 100 requests a run (0 made): add actions/checkout before this step (git reads them all at once).',
  )
  expect(r.outputs['verdict']).toBeUndefined()
  expect(operations(pr)).toEqual(['repos/compare-commits', 'git/get-tree', 'git/get-tree'])
  pr.server.assertNoViolations()
})
