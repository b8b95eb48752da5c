/**
 * The review without a checkout reads GitHub's GraphQL API a directory level and a draft at a
 * time; with a checkout, git reads everything at once. Both must give the same report: here
 * each scenario runs both ways on one real repository, the API side through the production
 * client against the local GitHub API (every GraphQL query validated against GitHub's schema).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ApiObjects } from '../../src/action/api-objects.js'
import { reviewThroughApi } from '../../src/action/api-review.js'
import { gitHubApi } from '../../src/action/github.js'
import { reviewInCheckout } from '../../src/action/sources.js'
import type { DiffSettings } from '../../src/diff/diff.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { GitRepo, type FileChange } from '../../src/git/git.js'
import { TOKEN, treeContents } from '../helpers/action-run.js'
import { makeRepo, type FileSpec, type TestRepo } from '../helpers/git-repo.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

const SETTINGS: DiffSettings = { version: '252', gate: DEFAULT_GATE }
const UNIT = (extra = '') =>
  `[Service]\nExecStart=/usr/bin/api\nUser=api\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n${extra}`
const WIDEN = 'AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

interface Both {
  readonly checkout: ReturnType<typeof reviewInCheckout>
  readonly api: Awaited<ReturnType<typeof reviewThroughApi>>
  readonly server: GitHubServer
}

async function reviewBothWays(
  base: Record<string, FileSpec>,
  head: Record<string, FileSpec>,
  budget?: number,
  prepare: (server: GitHubServer) => void = () => {},
  withHints: boolean | readonly FileChange[] = false,
  prefix?: string,
): Promise<Both> {
  const repo: TestRepo = makeRepo()
  cleanups.push(() => repo.cleanup())
  const from = repo.commit(base, 'base')
  const to = repo.commit(head, 'head')
  const server = await startGitHubServer({ owner: 'octo', repo: 'units', token: TOKEN, ...(prefix ? { prefix } : {}) })
  cleanups.push(() => server.close())
  for (const sha of [from, to]) {
    server.state.addCommit({ sha, message: sha, parents: [] })
    for (const [p, c] of Object.entries(treeContents(repo, sha))) server.state.setFile(sha, p, c)
  }
  prepare(server)
  const api = gitHubApi(TOKEN, server.url, { owner: 'octo', repo: 'units' }, () => {})
  const checkout = reviewInCheckout(GitRepo.open(repo.dir)!, from, to, SETTINGS)
  // GitHub's list of the changed files, as its compare API gives it (git's, with renames).
  const hints = withHints === true ? GitRepo.open(repo.dir)!.changes(from, to) : withHints === false ? [] : withHints
  const viaApi = await reviewThroughApi(new ApiObjects(api, () => {}, budget), from, to, hints, SETTINGS)
  return { checkout, api: viaApi, server }
}

function expectSameReport({ checkout, api, server }: Both): void {
  if ('error' in api) throw new Error(api.error)
  if ('error' in checkout) throw new Error(checkout.error)
  expect(api.report).toEqual(checkout.report)
  expect(api.changed).toBe(checkout.changed)
  // Each object is asked for once: of GraphQL, and of REST when its text was not its bytes.
  const asked = server.requestsFor('graphql').flatMap((q) =>
    Object.entries((q.body as { variables?: Record<string, string> }).variables ?? {})
      .filter(([k]) => /^o\d+$/.test(k))
      .map(([, v]) => v),
  )
  expect(asked.length).toBe(new Set(asked).size)
  const rest = server.requestsFor('git/get-blob').map((q) => q.pathParams['file_sha'])
  expect(rest.length).toBe(new Set(rest).size)
  server.assertNoViolations()
}

describe("the review through the API gives the checkout's report", () => {
  const crowd: Record<string, FileSpec> = {}
  for (let i = 0; i < 40; i++) crowd[`units/s${i}.service`] = `[Service]\nExecStart=/usr/bin/s${i}\n`

  it.each<[string, Record<string, FileSpec>, Record<string, FileSpec>]>([
    ['a unit in a crowded directory', { ...crowd, 'units/api.service': UNIT() }, { 'units/api.service': UNIT(WIDEN) }],
    [
      'a drop-in, beside others',
      { 'units/api.service': UNIT(), 'units/api.service.d/10-a.conf': '[Service]\nUser=a\n' },
      { 'units/api.service.d/20-caps.conf': `[Service]\n${WIDEN}` },
    ],
    [
      'an alias link in the touched directory',
      { 'units/api.service': UNIT(), 'units/alias.service': { link: 'api.service' } },
      { 'units/api.service': UNIT(WIDEN) },
    ],
    [
      'a unit file outside unit directories, loaded through a link',
      { 'shared/api.unit': UNIT(), 'units/api.service': { link: '../shared/api.unit' } },
      { 'shared/api.unit': UNIT(WIDEN) },
    ],
    [
      'a binary file outside unit directories, loaded through a link',
      { 'config/api.bin': UNIT(), 'units/api.service': { link: '../config/api.bin' } },
      { 'config/api.bin': Buffer.concat([Buffer.from(UNIT(WIDEN)), Buffer.from([0, 0x0a])]) },
    ],
    [
      'a unit directory replaced by a link to another',
      { 'units/api.service': UNIT(), 'other/api.service': UNIT(WIDEN) },
      { 'units/api.service': null, units: { link: 'other' } },
    ],
    [
      'a drop-in directory that is a link elsewhere',
      {
        'units/api.service': UNIT(),
        'units/api.service.d': { link: '../shared/dropins' },
        'shared/dropins/a.conf': '[Service]\nUser=a\n',
      },
      { 'shared/dropins/caps.conf': `[Service]\n${WIDEN}` },
    ],
    [
      'a deployment link switched to another version',
      { 'deploy/v1/api.service': UNIT(), 'deploy/v2/api.service': UNIT(WIDEN), 'deploy/current': { link: 'v1' } },
      { 'deploy/current': { link: 'v2' } },
    ],
    [
      'a template and its enabled instance',
      { 'units/app@.service': UNIT(), 'units/multi-user.target.wants/app@main.service': { link: '../app@.service' } },
      { 'units/app@main.service.d/caps.conf': `[Service]\n${WIDEN}` },
    ],
    [
      'a unit deleted, one renamed, one masked',
      { 'units/a.service': UNIT(), 'units/b.service': UNIT('Nice=1\n'), 'units/c.service': UNIT('Nice=2\n') },
      {
        'units/a.service': null,
        'units/b.service': null,
        'units/moved/b.service': UNIT('Nice=1\n'),
        'units/c.service': { link: '/dev/null' },
      },
    ],
    [
      'a root file system with an absolute link',
      {
        'rootfs/usr/lib/systemd/system/api.service': UNIT(),
        'rootfs/etc/systemd/system/multi-user.target.wants/api.service': {
          link: '/usr/lib/systemd/system/api.service',
        },
      },
      { 'rootfs/etc/systemd/system/api.service.d/caps.conf': `[Service]\n${WIDEN}` },
    ],
    [
      'a unit that is not UTF-8, and a binary one',
      { 'units/a.service': UNIT(), 'units/b.service': UNIT() },
      {
        'units/a.service': Buffer.concat([Buffer.from(UNIT('Description=caf')), Buffer.from([0xe9, 0x0a])]),
        'units/b.service': Buffer.concat([Buffer.from(UNIT(WIDEN)), Buffer.from([0, 0x0a])]),
      },
    ],
    [
      'a directory that becomes a file, and a deep new tree',
      { 'units/x/a.service': UNIT(), 'units/x/b.service': UNIT() },
      // (Content unlike the deleted units': git's rename detection, which the API review has only
      // as GitHub's hints, would pair them.)
      {
        'units/x/a.service': null,
        'units/x/b.service': null,
        'units/x': UNIT(),
        'new/a/b/c/d/api.service': `[Service]\nExecStart=/opt/new\n${WIDEN}`,
      },
    ],
  ])('%s', async (_what, base, head) => {
    expectSameReport(await reviewBothWays(base, head))
    // With GitHub's list of the changed files, whose directories are read first: the same report.
    expectSameReport(await reviewBothWays(base, head, undefined, undefined, true))
  })

  it("reads the directories on the paths of GitHub's list in one request, and still walks by id", async () => {
    const base = { 'a/b/c/d/units/api.service': UNIT(), 'a/b/c/d/units/db.service': UNIT() }
    const head = { 'a/b/c/d/units/api.service': UNIT(WIDEN) }
    const walked = await reviewBothWays(base, head)
    const guided = await reviewBothWays(base, head, undefined, undefined, true)
    expectSameReport(guided)
    // The commits, five levels, the unit's versions — against the commits, one guess, the versions.
    expect(walked.server.count('graphql')).toBe(7)
    expect(guided.server.count('graphql')).toBe(3)
    // A list that names something else costs the walk, not the change: the guess helps where
    // it is right (a/ and a/b/), the walk by id does the rest.
    const misled = await reviewBothWays(base, head, undefined, undefined, [
      { status: 'modified', path: 'a/x/other.service' },
      { status: 'renamed', path: 'nowhere/b.service', oldPath: 'a/b/gone.service' },
    ])
    expectSameReport(misled)
    expect(misled.server.count('graphql')).toBe(6)
  })
})

describe('links it does not see, and its budget', () => {
  it('does not see a link elsewhere to a changed unit file, and says which links it followed', async () => {
    // deploy/api.service loads units/api.service under its own drop-ins: only a checkout sees it.
    const { checkout, api } = await reviewBothWays(
      {
        'units/api.service': UNIT(),
        'units/api.service.d/lock.conf': '[Service]\nCapabilityBoundingSet=\nAmbientCapabilities=\n',
        'deploy/api.service': { link: '../units/api.service' },
      },
      { 'units/api.service': UNIT(WIDEN) },
    )
    if ('error' in api || 'error' in checkout) throw new Error('no report')
    expect(checkout.linksFollowed).toBe('everywhere')
    expect(checkout.report.summary.capabilitiesWidened).toBe(1)
    expect(api.linksFollowed).toBe('directories-read')
    expect(api.report.summary.capabilitiesWidened).toBe(0)
  })

  it('lists every link when a changed file outside unit paths has unit settings, even under another name', async () => {
    const both = await reviewBothWays(
      { 'units/api.service': { link: '../config/api.txt' }, 'config/api.txt': UNIT() },
      { 'config/api.txt': UNIT(WIDEN) },
    )
    expectSameReport(both)
    if ('error' in both.api) return
    expect(both.api.linksFollowed).toBe('everywhere')
    expect(both.server.count('git/get-tree')).toBe(1)
  })

  it('lists no links for a change outside unit paths without unit settings', async () => {
    const both = await reviewBothWays(
      { 'units/api.service': UNIT(), 'src/main.c': 'int main(void) { return 0; }\n', 'docs/a.md': 'x\n' },
      { 'src/main.c': 'int main(void) { return 1; }\n', 'docs/a.md': '[Service] is a section\n' },
    )
    expectSameReport(both)
    expect(both.server.count('git/get-tree')).toBe(0)
  })

  it('lists the links instead of reading a large change outside unit paths', async () => {
    const vendored: Record<string, FileSpec> = {}
    for (let i = 0; i < 150; i++) vendored[`vendor/lib${i}/x.c`] = `int x${i};\n`
    const gone = Object.fromEntries(Object.keys(vendored).map((p) => [p, null]))
    const both = await reviewBothWays(
      { ...vendored, 'units/api.service': UNIT() },
      { ...gone, 'units/api.service': UNIT(WIDEN) },
    )
    expectSameReport(both)
    expect(both.server.count('git/get-tree')).toBe(1)
    // The commits, the tree levels (vendor's 150 directories in two requests), the unit's versions.
    expect(both.server.count('graphql')).toBeLessThanOrEqual(7)
  })

  it('a listing GitHub fails to give stops the review, naming the fix', async () => {
    const { api } = await reviewBothWays(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT(WIDEN) },
      undefined,
      (s) => s.fail('graphql', 'integration-forbidden', { times: Infinity }),
    )
    expect(api).toEqual({
      error: expect.stringMatching(
        /^systemd-exposure could not read the two commits of \w+ and \w+ through the GitHub API \(GraphQL: Resource not accessible by integration\): give the token 'contents: read', or add actions\/checkout before this step\.$/,
      ),
    })
  })

  it('a blob GitHub fails to give leaves its unit unreadable, which fails the gate', async () => {
    // Not UTF-8, so read through REST, which fails (after the client's retries).
    const latin1 = Buffer.concat([Buffer.from(UNIT('Description=caf')), Buffer.from([0xe9, 0x0a])])
    const { api, server } = await reviewBothWays(
      { 'units/api.service': UNIT() },
      { 'units/api.service': latin1 },
      undefined,
      (s) => s.fail('git/get-blob', 404, { times: Infinity }),
    )
    if ('error' in api) throw new Error(api.error)
    expect(server.count('git/get-blob')).toBe(1)
    expect(api.report.verdict).toBe('fail')
    expect(api.report.summary.unreadable).toBe(1)
  })

  it('reads GitHub Enterprise Server, whose GraphQL lives beside its REST API (/api/graphql)', async () => {
    const both = await reviewBothWays(
      { 'shared/api.unit': UNIT(), 'units/api.service': { link: '../shared/api.unit' } },
      { 'shared/api.unit': UNIT(WIDEN) },
      undefined,
      undefined,
      true,
      '/api/v3',
    )
    expectSameReport(both)
    expect(new Set(both.server.requests.map((q) => q.url.replace(/\?.*/, '').replace(/[0-9a-f]{40}/, 'SHA')))).toEqual(
      new Set(['/api/graphql', '/api/v3/repos/octo/units/git/trees/SHA']),
    )
  })

  it('stops past its budget, saying what it would need', async () => {
    const { api } = await reviewBothWays(
      { 'units/a/b/c/api.service': UNIT() },
      { 'units/a/b/c/api.service': UNIT(WIDEN) },
      3,
    )
    expect(api).toEqual({
      error: expect.stringMatching(
        /^systemd-exposure would need 1 more requests to read the directories this change touches through the GitHub API to review this change without a checkout, past its budget of 3 requests a run \(3 made\): add actions\/checkout before this step/,
      ),
    })
  })
})
