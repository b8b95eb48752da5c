/**
 * End to end, without a checkout: what a review costs in GitHub API requests. One changed unit
 * costs the same in any repository and any directory: the directories on its path and its own
 * files and drop-ins, many objects a GraphQL request (red team A12: every file of a touched
 * directory was one request; then every link, and the whole tree). api-review.test.ts has the
 * budget.
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

const operations = (pr: TestPullRequest) => pr.server.requests.map((q) => q.operationId ?? `${q.method} ${q.path}`)

/** GraphQL requests, and the git objects each asked for. */
function objectReads(pr: TestPullRequest): number[] {
  return pr.server.requestsFor('graphql').map((q) => {
    const vars = (q.body as { variables?: Record<string, unknown> }).variables ?? {}
    return Object.keys(vars).filter((k) => /^o\d+$/.test(k)).length
  })
}

/** `n` directories of other services, each with a few files: the rest of a monorepo. */
function monorepo(n: number): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = {}
  for (let i = 0; i < n; i++) {
    files[`services/team${i}/src/main.go`] = `package main // ${i}\n`
    files[`services/team${i}/deploy/team${i}.service`] = `[Service]\nExecStart=/usr/bin/t${i}\nDynamicUser=yes\n`
  }
  return files
}

it('one changed unit costs the same in a small and a large repository, and in a crowded directory', async () => {
  const cost = async (others: Record<string, FileSpec>) => {
    pr = await openPullRequest(
      { ...others, 'services/api/deploy/api.service': UNIT() },
      { 'services/api/deploy/api.service': UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n') },
      { checkout: 'none' },
    )
    const r = await runOn(pr)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
    expect(r.stdout).not.toContain('git/get-tree')
    const out = { reads: objectReads(pr), operations: operations(pr), stdout: r.stdout }
    pr.server.assertNoViolations()
    await pr.cleanup()
    pr = undefined
    return out
  }
  const small = await cost(monorepo(3))
  const large = await cost(monorepo(300))
  const crowdedDir = await cost({ ...monorepo(3), ...crowded(200) })
  // Neither the repository's size nor the directory's neighbours add a request or an object read.
  expect(large.reads).toEqual(small.reads)
  expect(large.operations).toEqual(small.operations)
  expect(crowdedDir.reads).toEqual(small.reads)
  expect(small.operations).toEqual([
    'repos/compare-commits',
    // The two commits with their roots; the directories on the paths GitHub lists (services/,
    // api/, deploy/, both sides), which the walk by id then finds at hand; the unit's versions.
    'graphql',
    'graphql',
    'graphql',
    // The merge result: GitHub's merge commit's parents; both commits; nothing else is new.
    'git/get-commit',
    'graphql',
    'issues/list-comments',
    'pulls/get',
    'issues/create-comment',
  ])
  expect(small.stdout).toContain('systemd-exposure: 4 requests for git objects through the GitHub API (budget 100)')
})

it("a changed drop-in reads the unit's file and its drop-ins, each version once, in one request", async () => {
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
  // Commits; units/ and units/api.service.d/ on both sides (the paths GitHub lists); then
  // api.service, 10-user.conf (the same on both sides), both versions of 20-caps.conf, and the
  // drop-in directories of the directory's other units (any of them could claim a changed
  // drop-in; here all ten are one tree); the merge commit.
  expect(objectReads(pr)).toEqual([2, 4, 5, 1])
  pr.server.assertNoViolations()
})

it('says in the job summary which links it could not see, and lists every link when content outside unit paths changed', async () => {
  // A unit file kept outside unit directories, loaded through a link that the change does not touch.
  pr = await openPullRequest(
    { ...monorepo(5), 'shared/api.unit': UNIT(), 'units/api.service': { link: '../shared/api.unit' } },
    { 'shared/api.unit': UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n') },
    { checkout: 'none' },
  )
  const r = await runOn(pr)
  expect(r.code).toBe(1)
  expect(r.outputs['capabilities-widened']).toBe('1')
  // One recursive listing, for its links (of base; head's follow from the change).
  expect(pr.server.count('git/get-tree')).toBe(1)
  expect(r.summary).not.toContain('symbolic links were followed in the directories the review read')
  pr.server.assertNoViolations()
  await pr.cleanup()

  // A change to a unit in a unit directory: no listing of the whole tree, and the summary says
  // what that leaves out.
  pr = await openPullRequest(
    { ...monorepo(5), 'units/api.service': UNIT() },
    {
      'units/api.service': UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n'),
      'docs/x.md': 'a [Service] note\n',
    },
    { checkout: 'none' },
  )
  const r2 = await runOn(pr)
  expect(r2.code).toBe(1)
  expect(pr.server.count('git/get-tree')).toBe(0)
  expect(r2.summary).toContain('symbolic links were followed in the directories the review read, not elsewhere')
  pr.server.assertNoViolations()
})

it('reads a unit that is not UTF-8, or binary, byte for byte', async () => {
  const latin1 = Buffer.concat([Buffer.from(UNIT('Description=caf')), Buffer.from([0xe9]), Buffer.from('\n')])
  const binary = Buffer.concat([
    Buffer.from(UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n')),
    Buffer.from([0]),
  ])
  pr = await openPullRequest(
    { 'units/a.service': UNIT(), 'units/b.service': UNIT() },
    { 'units/a.service': latin1, 'units/b.service': binary },
    { checkout: 'none' },
  )
  const r = await runOn(pr)
  // GraphQL's text of either is not its bytes: both are read again through REST.
  expect(pr.server.count('git/get-blob')).toBe(2)
  expect(r.stdout).toContain('b.service now holds CAP_KILL')
  pr.server.assertNoViolations()
})
