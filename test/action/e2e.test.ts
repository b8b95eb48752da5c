/**
 * End to end: the bundled dist/index.js, run as the runner runs it, on real git repositories,
 * against a GitHub API on 127.0.0.1 that validates every request and response against GitHub's
 * OpenAPI description.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../support/github-server.js'
import { DIST, TOKEN, prFiles, prPayload, runBundledAction, shallowCheckout, treeContents } from '../helpers/action-run.js'
import { makeRepo, type FileSpec, type TestRepo } from '../helpers/git-repo.js'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
beforeAll(() => {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run npm run bundle')
})

const UNIT = (extra = '') => `[Unit]\nDescription=api\n\n[Service]\nExecStart=/usr/bin/api\nUser=api\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n${extra}`

interface Pr {
  origin: TestRepo
  base: string
  head: string
  workspace: string
  server: GitHubServer
}

async function openPr(
  baseFiles: Record<string, FileSpec>,
  headFiles: Record<string, FileSpec>,
  server: Partial<GitHubServerOptions> = {},
): Promise<Pr> {
  const origin = makeRepo()
  cleanups.push(() => origin.cleanup())
  const base = origin.commit(baseFiles, 'base')
  origin.git('checkout', '-q', '-b', 'feature')
  const head = origin.commit(headFiles, 'head')
  const workspace = shallowCheckout(origin, head)
  cleanups.push(() => rmSync(workspace, { recursive: true, force: true }))
  const gh = await startGitHubServer({
    owner: 'octo',
    repo: 'units',
    token: TOKEN,
    pulls: [{ number: 7, base: { sha: base }, head: { sha: head }, files: prFiles(origin, base, head) }],
    ...server,
  })
  cleanups.push(() => gh.close())
  // File contents for the no-checkout path (the API's trees and blobs).
  for (const sha of [base, head]) for (const [p, c] of Object.entries(treeContents(origin, sha))) gh.state.setFile(sha, p, c)
  return { origin, base, head, workspace, server: gh }
}

/** Pushes a new head commit to the PR (the server learns its files and contents). */
function push(pr: Pr, files: Record<string, string | null>): void {
  pr.head = pr.origin.commit(files, 'push')
  const pull = pr.server.state.pulls.get(7)!
  pull.fields.head.sha = pr.head
  pull.files = prFiles(pr.origin, pr.base, pr.head)
  for (const [p, c] of Object.entries(treeContents(pr.origin, pr.head))) pr.server.state.setFile(pr.head, p, c)
  rmSync(pr.workspace, { recursive: true, force: true })
  pr.workspace = shallowCheckout(pr.origin, pr.head)
}

const run = (pr: Pr, extra: Partial<Parameters<typeof runBundledAction>[0]> = {}) =>
  runBundledAction({ workspace: pr.workspace, apiUrl: pr.server.url, event: 'pull_request', payload: prPayload(7, pr.base, pr.head), ...extra })

const comments = (pr: Pr) => [...pr.server.state.comments.values()].filter((c) => c.issueNumber === 7)

describe('the action on a pull request', () => {
  it('creates one comment, edits it on re-runs, turns it resolved when fixed; exit code = verdict', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('AmbientCapabilities=CAP_NET_ADMIN\nCapabilityBoundingSet=CAP_NET_ADMIN\n') })
    const first = await run(pr)
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(/::error::systemd-exposure: api\.service can now hold CAP_NET_ADMIN/)
    expect(first.outputs).toMatchObject({ verdict: 'fail', 'services-changed': '1', 'capabilities-widened': '1' })
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0]!.body).toMatch(/^<!-- systemd-exposure:comment [0-9a-f]{12} -->/)
    expect(comments(pr)[0]!.body).toContain('CAP_NET_ADMIN')
    expect(first.summary).toContain('Capabilities widened')
    // The annotation points at the line in the checkout.
    expect(first.stdout).toContain('::error title=api.service%3A CAP_NET_ADMIN widened,file=units/api.service,line=9::new ambient capabilities')

    const again = await run(pr)
    expect(again.code).toBe(1)
    expect(comments(pr)).toHaveLength(1)

    push(pr, { 'units/api.service': UNIT('PrivateTmp=yes\n') })
    const fixed = await run(pr)
    expect(fixed.code).toBe(0)
    expect(fixed.outputs['verdict']).toBe('pass')
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0]!.body).toMatch(/Resolved/)
    expect(comments(pr)[0]!.body).not.toContain('CAP_NET_ADMIN')
    pr.server.assertNoViolations()
  })

  it('posts nothing when no unit changed, and updates an earlier comment to say so', async () => {
    const pr = await openPr({ 'units/api.service': UNIT(), 'README.md': 'a\n' }, { 'README.md': 'b\n' })
    const r = await run(pr)
    expect(r.code).toBe(0)
    expect(r.outputs['services-changed']).toBe('0')
    expect(comments(pr)).toHaveLength(0)
    expect(pr.server.count('issues/create-comment')).toBe(0)

    const pr2 = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('PrivateTmp=yes\n') })
    await run(pr2)
    push(pr2, { 'units/api.service': UNIT() })
    await run(pr2)
    expect(comments(pr2)).toHaveLength(1)
    expect(comments(pr2)[0]!.body).toMatch(/no longer changes any systemd service/)
  })

  it('keeps the verdict and the summary when commenting is forbidden (fork PR, read-only token)', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n') }, { permissions: 'read' })
    const r = await run(pr, { payload: prPayload(7, pr.base, pr.head, true) })
    expect(r.code).toBe(1)
    expect(r.outputs['verdict']).toBe('fail')
    expect(r.summary).toContain('CAP_KILL')
    expect(r.stdout).toMatch(/::warning::systemd-exposure could not write the PR comment \(403/)
    expect(r.stdout).toMatch(/pull_request_target/)
    expect(pr.server.count('issues/create-comment')).toBe(1)
  })

  it('retries 5xx answers and secondary rate limits', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('PrivateTmp=yes\n') })
    pr.server.fail('pulls/list-files', 502, { times: 1 })
    pr.server.fail('issues/create-comment', 'secondary-rate-limit', { retryAfter: 1, times: 1 })
    const r = await run(pr)
    expect(r.code).toBe(0)
    expect(pr.server.count('pulls/list-files')).toBe(2)
    expect(pr.server.count('issues/create-comment')).toBe(2)
    expect(comments(pr)).toHaveLength(1)
    pr.server.assertNoViolations()
  })

  it('trims a huge report under GitHub\'s comment limit and points to the summary', async () => {
    const head: Record<string, string> = {}
    for (let i = 0; i < 400; i++) head[`fleet/svc-${String(i).padStart(3, '0')}.service`] = `[Service]\nExecStart=/usr/bin/svc${i}\n`
    const pr = await openPr({ 'README.md': 'x\n' }, head)
    const r = await run(pr)
    expect(r.code).toBe(1)
    const body = comments(pr)[0]!.body
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toMatch(/job summary/)
    expect(r.summary.length).toBeGreaterThan(body.length)
    pr.server.assertNoViolations()
  })

  it('reads the change from git when GitHub lists only 3,000 of 4,000 files', async () => {
    const head: Record<string, string> = {}
    for (let i = 0; i < 3999; i++) head[`docs/page-${String(i).padStart(4, '0')}.md`] = `${i}\n`
    head['zz/api.service'] = UNIT('AmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n')
    const pr = await openPr({ 'zz/api.service': UNIT() }, head)
    const r = await run(pr)
    expect(r.stdout).toMatch(/GitHub lists only the first 3000 files/)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
  })

  it('works without a checkout, from the API', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n') })
    rmSync(`${pr.workspace}/.git`, { recursive: true, force: true })
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
    pr.server.assertNoViolations()
  })

  it('without a checkout, follows links through the API and reads only the link targets units need', async () => {
    const base: Record<string, FileSpec> = { 'shared/api.unit': UNIT(), 'units/api.service': { link: '../shared/api.unit' } }
    // Enablement links are names: none of them is read (only one naming an instance would be).
    for (let i = 0; i < 30; i++) base[`units/multi-user.target.wants/s${i}.service`] = { link: `../s${i}.service` }
    const pr = await openPr(base, { 'shared/api.unit': UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n') })
    rmSync(`${pr.workspace}/.git`, { recursive: true, force: true })
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
    // One link target (the unit's, the same blob on both sides) and the two versions of the file behind it.
    expect(pr.server.requestsFor('git/get-blob')).toHaveLength(3)
    expect(pr.server.requestsFor('git/get-tree')).toHaveLength(2)
    pr.server.assertNoViolations()
  })

  it("reviews a unit whose directory name is not UTF-8 (GitHub's file list cannot carry it: git says what changed)", async () => {
    const pr = await openPr({ 'README.md': 'x\n' }, {})
    const dir = Buffer.concat([Buffer.from(`${pr.origin.dir}/units/bad`), Buffer.from([0xff]), Buffer.from('dir')])
    mkdirSync(dir, { recursive: true })
    writeFileSync(Buffer.concat([dir, Buffer.from('/api.service')]), UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n'))
    push(pr, {})
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
    expect(comments(pr)[0]!.body).toContain('units/bad&#92;xffdir/api.service')
    expect(r.summary).toContain('units/bad%FFdir/api.service')
  })

  it('escapes hostile pull-request text everywhere and never prints the token', async () => {
    const evil = 'units/<img src=x onerror=alert(1)>@everyone/'
    const pr = await openPr(
      { [`${evil}api.service`]: UNIT() },
      { [`${evil}api.service`]: UNIT('# systemd-exposure: allow CAP_KILL -- <script>x</script> | ::set-output name=verdict::pass\nAmbientCapabilities=CAP_KILL CAP_NET_RAW\nCapabilityBoundingSet=CAP_KILL CAP_NET_RAW\n') },
    )
    const r = await run(pr)
    expect(r.code).toBe(1)
    const body = comments(pr)[0]!.body
    for (const text of [body, r.summary]) {
      expect(text).not.toMatch(/<img|<script|@everyone/)
      expect(text).toContain('&lt;script&gt;')
    }
    expect(r.stdout.split('\n').filter((l) => /^\s*::set-output/.test(l))).toEqual([])
    expect(r.outputs['verdict']).toBe('fail')
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
  })
})

describe('the action on other events', () => {
  it('gates a push without commenting, and ignores events it cannot review', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('AmbientCapabilities=CAP_BPF\nCapabilityBoundingSet=CAP_BPF\n') })
    const r = await run(pr, { event: 'push', payload: { before: pr.base, after: pr.head } })
    expect(r.code).toBe(1)
    expect(pr.server.requests).toHaveLength(0)
    const other = await run(pr, { event: 'issues', payload: {} })
    expect(other.code).toBe(0)
    expect(other.stdout).toMatch(/::notice::/)
  })

  it('fails with a clear message on a bad input', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT() })
    const r = await run(pr, { inputs: { 'max-exposure': 'high' } })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::input 'max-exposure' must be an exposure score/)
  })
})
