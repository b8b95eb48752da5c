/**
 * End to end: the bundled dist/index.js, run as the runner runs it, on real git repositories,
 * against a GitHub API on 127.0.0.1 that validates every request and response against GitHub's
 * OpenAPI description.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_FILTER } from '../../src/diff/affected.js'
import { commentKey, marker } from '../../src/report/comment.js'
import {
  DIST,
  TOKEN,
  fullCheckout,
  prFiles,
  prPayload,
  runBundledAction,
  shallowCheckout,
  treeContents,
} from '../helpers/action-run.js'
import { CMARK_AVAILABLE, renderGfm } from '../helpers/cmark.js'
import { makeRepo, type FileSpec, type TestRepo } from '../helpers/git-repo.js'
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../support/github-server.js'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
beforeAll(() => {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run npm run bundle')
})

const UNIT = (extra = '') =>
  `[Unit]\nDescription=api\n\n[Service]\nExecStart=/usr/bin/api\nUser=api\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n${extra}`

interface Pr {
  origin: TestRepo
  /** The base branch's tip (the event's pull_request.base.sha). */
  base: string
  /** Where the PR branched off main: `base` unless main moved on after it. */
  mergeBase: string
  head: string
  workspace: string
  server: GitHubServer
}

/**
 * A pull request from `feature`, branched off main at `baseFiles`; `mainAfter` is a commit main
 * gets after the branch point (main moved on), so base.sha is no longer the merge base.
 */
async function openPr(
  baseFiles: Record<string, FileSpec>,
  headFiles: Record<string, FileSpec>,
  server: Partial<GitHubServerOptions> = {},
  mainAfter?: Record<string, string | null>,
): Promise<Pr> {
  const origin = makeRepo()
  cleanups.push(() => origin.cleanup())
  const mergeBase = origin.commit(baseFiles, 'base')
  origin.git('checkout', '-q', '-b', 'feature')
  const head = origin.commit(headFiles, 'head')
  let base = mergeBase
  if (mainAfter) {
    origin.git('checkout', '-q', 'main')
    base = origin.commit(mainAfter, 'main moves on')
    origin.git('checkout', '-q', 'feature')
  }
  const workspace = shallowCheckout(origin, head)
  cleanups.push(() => rmSync(workspace, { recursive: true, force: true }))
  const gh = await startGitHubServer({
    owner: 'octo',
    repo: 'units',
    token: TOKEN,
    pulls: [
      {
        number: 7,
        base: { sha: base },
        head: { sha: head },
        mergeBase: { sha: mergeBase, behindBy: base === mergeBase ? 0 : 1 },
        files: prFiles(origin, base, head),
      },
    ],
    ...server,
  })
  cleanups.push(() => gh.close())
  // File contents for the no-checkout path (the API's trees and blobs).
  for (const sha of new Set([mergeBase, base, head]))
    for (const [p, c] of Object.entries(treeContents(origin, sha))) gh.state.setFile(sha, p, c)
  return { origin, base, mergeBase, head, workspace, server: gh }
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
  runBundledAction({
    workspace: pr.workspace,
    apiUrl: pr.server.url,
    event: 'pull_request',
    payload: prPayload(7, pr.base, pr.head),
    ...extra,
  })

/** Markdown with its code spans taken out. */
const outsideCodeSpans = (markdown: string) => markdown.replace(/(`+)[^`][\s\S]*?\1/g, ' ')

const comments = (pr: Pr) => [...pr.server.state.comments.values()].filter((c) => c.issueNumber === 7)

describe('the action on a pull request', () => {
  it('creates one comment, edits it on re-runs, turns it resolved when fixed; exit code = verdict', async () => {
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_NET_ADMIN\nCapabilityBoundingSet=CAP_NET_ADMIN\n') },
    )
    const first = await run(pr)
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(
      /::error::systemd-exposure: api\.service now holds CAP_NET_ADMIN at start \(AmbientCapabilities=, units\/api\.service:9\)/,
    )
    expect(first.outputs).toMatchObject({ verdict: 'fail', 'services-changed': '1', 'capabilities-widened': '1' })
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0]!.body).toMatch(/^<!-- systemd-exposure:comment [0-9a-f]{12} -->/)
    expect(comments(pr)[0]!.body).toContain('CAP_NET_ADMIN')
    expect(first.summary).toContain('Privileges widened')
    // The annotation points at the line in the checkout.
    expect(first.stdout).toContain(
      '::error title=api.service now holds CAP_NET_ADMIN at start,file=units/api.service,line=9::new ambient capabilities',
    )

    // The comment names the head it reviewed, in its text and its state marker.
    expect(comments(pr)[0]!.body).toContain(`<!-- systemd-exposure:state fail head=${pr.head} -->`)
    expect(comments(pr)[0]!.body).toContain(
      `Reviewed [\`${pr.head.slice(0, 12)}\`](https://github.com/octo/units/commit/${pr.head}), compared with [\`${pr.base.slice(0, 12)}\``,
    )
    // Four requests: compare (merge base and files), list the comments, the PR's head (still the
    // one reviewed), create. Who the token is is asked only once a comment carries the marker.
    expect(pr.server.requests.map((q) => q.operationId)).toEqual([
      'repos/compare-commits',
      'issues/list-comments',
      'pulls/get',
      'issues/create-comment',
    ])

    const again = await run(pr)
    expect(again.code).toBe(1)
    expect(comments(pr)).toHaveLength(1)
    // The same report again: the comment is found and left as it is.
    expect(pr.server.requests.slice(4).map((q) => q.operationId)).toEqual([
      'repos/compare-commits',
      'issues/list-comments',
      'users/get-authenticated',
    ])

    push(pr, { 'units/api.service': UNIT('PrivateTmp=yes\n') })
    const fixed = await run(pr)
    expect(pr.server.requests.slice(7).map((q) => q.operationId)).toEqual([
      'repos/compare-commits',
      'issues/list-comments',
      'users/get-authenticated',
      'pulls/get',
      'issues/update-comment',
    ])
    expect(fixed.code).toBe(0)
    expect(fixed.outputs['verdict']).toBe('pass')
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0]!.body).toMatch(/Resolved/)
    expect(comments(pr)[0]!.body).not.toContain('CAP_NET_ADMIN')
    pr.server.assertNoViolations()
  })

  it('writes SARIF for code scanning when asked, paths from the workspace root', async () => {
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_NET_ADMIN\nCapabilityBoundingSet=CAP_NET_ADMIN\n') },
    )
    const r = await run(pr, { inputs: { 'sarif-file': 'reports/exposure.sarif', comment: 'off' } })
    expect(r.code).toBe(1)
    const log = JSON.parse(readFileSync(join(pr.workspace, 'reports/exposure.sarif'), 'utf8'))
    expect(log.version).toBe('2.1.0')
    const held = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'capability/held')
    expect(held).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'units/api.service' }, region: { startLine: 9 } } }],
    })
    pr.server.assertNoViolations()
  })

  it('with a systemd-version range, fails on a widening only newer versions show, naming them everywhere', async () => {
    // An unterminated quote in a capability list: 252 stops reading the line at it, 254+ read on
    // (systemd-analyze security of 262 shows CAP_SYS_ADMIN in the bounding set, 252 does not).
    const root = `[Unit]\nDescription=api\n\n[Service]\nExecStart=/usr/bin/api\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE`
    const pr = await openPr({ 'units/api.service': `${root}\n` }, { 'units/api.service': `${root} "CAP_SYS_ADMIN\n` })
    const r = await run(pr, { inputs: { 'systemd-version': '252-262', 'sarif-file': 'exposure.sarif' } })
    expect(r.code).toBe(1)
    expect(r.outputs['verdict']).toBe('fail')
    expect(r.stdout).toContain(
      '::error::systemd-exposure: api.service now holds CAP_SYS_ADMIN at start (on systemd 254, 257 and 262) (CapabilityBoundingSet=, units/api.service:6)',
    )
    expect(r.stdout).toContain(
      // Workflow-command properties escape commas.
      '::error title=api.service now holds CAP_SYS_ADMIN at start (on systemd 254%2C 257 and 262),file=units/api.service,line=6::',
    )
    const text = (markdown: string) => markdown.replace(/\\(.)/g, '$1')
    expect(text(comments(pr)[0]!.body)).toContain('(on systemd 254, 257 and 262)')
    expect(text(r.summary)).toContain('capabilities checked on systemd 252, 254, 257 and 262')
    expect(r.report).toMatchObject({ systemdVersion: '252', systemdTarget: { text: '252-262' } })
    expect(readFileSync(join(pr.workspace, 'exposure.sarif'), 'utf8')).toContain('(on systemd 254, 257 and 262)')

    // One version checks that version alone: 252 reads no CAP_SYS_ADMIN.
    const single = await run(pr, { inputs: { 'systemd-version': '252', comment: 'off' } })
    expect(single.code).toBe(0)
    pr.server.assertNoViolations()
  })

  it('never writes SARIF through a link the pull request checks in; the verdict stands', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'sdx-outside-'))
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }))
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      {
        'units/api.service': UNIT('AmbientCapabilities=CAP_NET_ADMIN\nCapabilityBoundingSet=CAP_NET_ADMIN\n'),
        reports: { link: outside },
      },
    )
    const r = await run(pr, { inputs: { 'sarif-file': 'reports/exposure.sarif', comment: 'off' } })
    expect(r.code).toBe(1)
    expect(existsSync(join(outside, 'exposure.sarif'))).toBe(false)
    expect(r.stdout).toMatch(
      /::warning::could not write the SARIF file reports\/exposure\.sarif: reports\/exposure\.sarif leads through a symbolic link \(reports\)/,
    )
    const bad = await run(pr, { inputs: { 'sarif-file': '../exposure.sarif' } })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain("input 'sarif-file' must be a path inside the workspace")
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
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n') },
      { permissions: 'read' },
    )
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
    pr.server.fail('repos/compare-commits', 502, { times: 1 })
    pr.server.fail('issues/create-comment', 'secondary-rate-limit', { retryAfter: 1, times: 1 })
    const r = await run(pr)
    expect(r.code).toBe(0)
    expect(pr.server.count('repos/compare-commits')).toBe(2)
    expect(pr.server.count('issues/create-comment')).toBe(2)
    expect(comments(pr)).toHaveLength(1)
    pr.server.assertNoViolations()
  })

  it("trims a huge report under GitHub's comment limit and points to the summary", async () => {
    const head: Record<string, string> = {}
    for (let i = 0; i < 400; i++)
      head[`fleet/svc-${String(i).padStart(3, '0')}.service`] =
        `[Service]\nExecStart=/usr/bin/svc${i}\nUser=svc${i}\nAmbientCapabilities=CAP_NET_RAW\n`
    const pr = await openPr({ 'README.md': 'x\n' }, head)
    const r = await run(pr)
    expect(r.code).toBe(1)
    const body = comments(pr)[0]!.body
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toMatch(/job summary/)
    expect(r.summary.length).toBeGreaterThan(body.length)
    pr.server.assertNoViolations()
  })

  it('clips a huge value an error echoes: the comment keeps the self-waiver mark, the summary stays under 1 MiB', async () => {
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      {
        'units/api.service': UNIT(
          '# systemd-exposure: allow ALL -- temporary, tracked in the ops board\nAmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
        ),
        'units/zz-wip.service': `[Service]\nExecStart=todo/${'&'.repeat(300_000)}\n`,
      },
    )
    const r = await run(pr)
    expect(r.code).toBe(0)
    const body = comments(pr)[0]!.body
    for (const text of [body, r.summary]) {
      expect(text).toContain(
        'It passes because this pull request adds a waiver for CAP_SYS_ADMIN at `units/api.service:9`.',
      )
      expect(text).toContain('(waiver added by this change)')
      expect(text).toContain('### Units that could not be assessed')
    }
    expect(Buffer.byteLength(r.summary)).toBeLessThan(64 * 1024)
    expect(r.stdout.length).toBeLessThan(64 * 1024)
    pr.server.assertNoViolations()
  })

  it('reads the change from git, whatever GitHub lists (4,000 files)', async () => {
    const head: Record<string, string> = {}
    for (let i = 0; i < 3999; i++) head[`docs/page-${String(i).padStart(4, '0')}.md`] = `${i}\n`
    head['zz/api.service'] = UNIT('AmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n')
    const pr = await openPr({ 'zz/api.service': UNIT() }, head)
    const r = await run(pr)
    expect(r.stdout).toContain(
      "systemd-exposure: 4000 files changed, as git lists them (GitHub's comparison listed only its first 300 files)",
    )
    expect(pr.server.count('pulls/list-files')).toBe(0)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
  })

  it('works without a checkout, from the API', async () => {
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n') },
    )
    rmSync(`${pr.workspace}/.git`, { recursive: true, force: true })
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
    // Through GraphQL: both commits with their roots, the changed directory on both sides, both
    // versions of the unit (no merge commit in this payload: api-mode.test.ts and
    // merge-result.test.ts count the rest).
    expect(pr.server.requests.map((q) => q.operationId)).toEqual([
      'repos/compare-commits',
      'graphql',
      'graphql',
      'graphql',
      'issues/list-comments',
      // The pull request's head now: a stale run leaves the comment alone.
      'pulls/get',
      'issues/create-comment',
    ])
    pr.server.assertNoViolations()
  })

  it('without a checkout, follows links through the API and reads only the link targets units need', async () => {
    const base: Record<string, FileSpec> = {
      'shared/api.unit': UNIT(),
      'units/api.service': { link: '../shared/api.unit' },
    }
    // Enablement links are names: none of them is read (only one naming an instance would be).
    for (let i = 0; i < 30; i++) base[`units/multi-user.target.wants/s${i}.service`] = { link: `../s${i}.service` }
    const pr = await openPr(base, {
      'shared/api.unit': UNIT('AmbientCapabilities=CAP_CHOWN\nCapabilityBoundingSet=CAP_CHOWN\n'),
    })
    rmSync(`${pr.workspace}/.git`, { recursive: true, force: true })
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
    // A unit setting changed outside unit paths: every link is listed, once (base's whole tree);
    // the link targets and files are read through GraphQL, never a blob at a time.
    expect(pr.server.requestsFor('git/get-tree')).toHaveLength(1)
    expect(pr.server.requestsFor('git/get-blob')).toHaveLength(0)
    pr.server.assertNoViolations()
  })

  it("reviews a unit whose directory name is not UTF-8 (GitHub's file list cannot carry it: git says what changed)", async () => {
    const pr = await openPr({ 'README.md': 'x\n' }, {})
    const dir = Buffer.concat([Buffer.from(`${pr.origin.dir}/units/bad`), Buffer.from([0xff]), Buffer.from('dir')])
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      Buffer.concat([dir, Buffer.from('/api.service')]),
      UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n'),
    )
    push(pr, {})
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.outputs['capabilities-widened']).toBe('1')
    // The widened line links to the file (its bytes percent-encoded); its label is the file name.
    expect(comments(pr)[0]!.body).toContain('/units/bad%FFdir/api.service#L')
    expect(r.summary).toContain('units/bad%FFdir/api.service')
  })

  it('escapes hostile pull-request text everywhere and never prints the token', async () => {
    const evil = 'units/<img src=x onerror=alert(1)>@everyone/'
    const pr = await openPr(
      { [`${evil}api.service`]: UNIT() },
      {
        [`${evil}api.service`]: UNIT(
          '# systemd-exposure: allow CAP_KILL -- <script>x</script> | ::set-output name=verdict::pass\nAmbientCapabilities=CAP_KILL CAP_NET_RAW\nCapabilityBoundingSet=CAP_KILL CAP_NET_RAW\n',
        ),
      },
    )
    const r = await run(pr)
    expect(r.code).toBe(1)
    const body = comments(pr)[0]!.body
    for (const text of [body, r.summary]) {
      // Names and paths are code spans, which GitHub renders as text and pings no one from;
      // outside them nothing is HTML or a mention.
      expect(text).toMatch(/`units\/<img src=x onerror=alert\(1\)>@everyone\/api\.service:\d+`/)
      expect(outsideCodeSpans(text)).not.toMatch(/<img|<script|@everyone/)
      expect(text).toContain('&lt;script&gt;')
      if (CMARK_AVAILABLE) expect(renderGfm(text)).not.toMatch(/<img|<script/)
    }
    expect(r.stdout.split('\n').filter((l) => /^\s*::set-output/.test(l))).toEqual([])
    expect(r.outputs['verdict']).toBe('fail')
    expect(r.stdout + r.stderr).not.toContain(TOKEN)
  })

  it('says a pass rests on a waiver the pull request adds; with fail-on-new-waiver such a waiver does not pass', async () => {
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      {
        'units/api.service': UNIT(
          '# systemd-exposure: allow CAP_SYS_ADMIN -- needed for the new mount feature\nAmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n',
        ),
      },
    )
    const waived = await run(pr)
    expect(waived.code).toBe(0)
    const passes = 'It passes because this pull request adds a waiver for CAP_SYS_ADMIN at `units/api.service:9`.'
    expect(comments(pr)[0]!.body).toContain(passes)
    expect(waived.summary).toContain(passes)
    expect(waived.stdout).toMatch(
      /^::warning title=api\.service now holds CAP_SYS_ADMIN at start,file=units\/api\.service,line=10::new ambient capabilities \(accepted only by a waiver this pull request adds/m,
    )

    const refused = await run(pr, { inputs: { 'fail-on-new-waiver': 'true' } })
    expect(refused.code).toBe(1)
    expect(refused.outputs['verdict']).toBe('fail')
    expect(refused.stdout).toMatch(
      /::error::systemd-exposure: .*api\.service now holds CAP_SYS_ADMIN at start \(AmbientCapabilities=, units\/api\.service:10\): accepted only by a waiver this change adds, at units\/api\.service:9/,
    )
    pr.server.assertNoViolations()
  })

  it('writes no terminal escape sequence or bidi override from the pull request to the log', async () => {
    const dir = 'units/\x1b[32m✔ approved\x1b[8m \u202egnp.exe\u202c'
    const pr = await openPr(
      { [`${dir}/api.service`]: UNIT() },
      { [`${dir}/api.service`]: UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n') },
    )
    const r = await run(pr)
    expect(r.code).toBe(1)
    const log = r.stdout + r.stderr
    expect(log).not.toMatch(/[\x1b\u202e\u202c]/)
    // The failure names the path escaped; the annotation cannot name the file, so its title does.
    expect(r.stdout).toContain('units/\\x1b[32m✔ approved\\x1b[8m \\u{202e}gnp.exe\\u{202c}/api.service:9')
    expect(r.stdout).toMatch(
      /^::error title=units\/\\x1b\[32m✔ approved\\x1b\[8m \\u\{202e\}gnp\.exe\\u\{202c\}\/api\.service%3A api\.service now holds CAP_KILL at start::/m,
    )
  })
})

describe('the commit a pull request is compared with', () => {
  // main moved on after the pull request branched off: it dropped api.service's CAP_NET_ADMIN
  // (hardening) and gave db.service CAP_SYS_ADMIN. The pull request only added PrivateTmp= to
  // api.service, and gave db.service CAP_SYS_ADMIN too. Compared with main's tip, the PR would
  // widen api.service and leave db.service alone; from the merge base it is the other way round.
  const NET_ADMIN = UNIT('AmbientCapabilities=CAP_NET_ADMIN\nCapabilityBoundingSet=CAP_NET_ADMIN\n')
  const SYS_ADMIN = UNIT('AmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n')
  /** The commits the first GraphQL request read (the API review starts with the two it compares). */
  const commitsReadThroughApi = (pr: Pr) => {
    const vars = (pr.server.requestsFor('graphql')[0]?.body as { variables?: Record<string, unknown> }).variables ?? {}
    return [vars['o0'], vars['o1']]
  }
  const mainMovedOn = (server: Partial<GitHubServerOptions> = {}) =>
    openPr(
      { 'units/api.service': NET_ADMIN, 'units/db.service': UNIT() },
      { 'units/api.service': `${NET_ADMIN}PrivateTmp=yes\n`, 'units/db.service': SYS_ADMIN },
      server,
      { 'units/api.service': UNIT(), 'units/db.service': SYS_ADMIN },
    )
  const expectOnlyThePrsChange = (pr: Pr, r: Awaited<ReturnType<typeof run>>) => {
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::systemd-exposure: db\.service now holds CAP_SYS_ADMIN at start/)
    expect(r.stdout).not.toMatch(/api\.service now holds/)
    expect(r.outputs['capabilities-widened']).toBe('1')
    expect(r.stdout).toContain(
      `systemd-exposure: comparing ${pr.mergeBase} (the merge base of the base ${pr.base} and the head) with the head ${pr.head}`,
    )
  }
  const inCheckout = (pr: Pr, sha: string) => {
    try {
      execFileSync('git', ['-C', pr.workspace, 'cat-file', '-e', `${sha}^{commit}`], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  }

  it('is the merge base when main moved on; a shallow checkout fetches just what it lacks, at once', async () => {
    const pr = await mainMovedOn()
    const r = await run(pr)
    expectOnlyThePrsChange(pr, r)
    // The merge base, and main's tip to build the merge result with (merge-result.test.ts).
    expect(r.stdout).toContain(`fetching ${pr.mergeBase}, ${pr.base} (not in the checkout)`)
    expect(inCheckout(pr, pr.mergeBase)).toBe(true)
    expect(inCheckout(pr, pr.base)).toBe(true)
    // One request gave the merge base and the changed files.
    expect(pr.server.count('repos/compare-commits')).toBe(1)
    expect(pr.server.count('pulls/list-files')).toBe(0)
    expect(comments(pr)[0]!.body).toContain('CAP_SYS_ADMIN')
    pr.server.assertNoViolations()
  })

  it("is the merge base's tree when there is no checkout", async () => {
    const pr = await mainMovedOn()
    rmSync(`${pr.workspace}/.git`, { recursive: true, force: true })
    const r = await run(pr)
    expectOnlyThePrsChange(pr, r)
    expect(commitsReadThroughApi(pr)).toEqual([pr.mergeBase, pr.head])
    pr.server.assertNoViolations()
  })

  it('is read through the API when a shallow checkout cannot fetch it', async () => {
    const pr = await mainMovedOn()
    execFileSync('git', ['-C', pr.workspace, 'remote', 'remove', 'origin'])
    const r = await run(pr)
    expectOnlyThePrsChange(pr, r)
    expect(r.stdout).toContain(`could not fetch ${pr.mergeBase}`)
    expect(r.stdout).toContain('reading the change through the GitHub API instead')
    expect(commitsReadThroughApi(pr)).toEqual([pr.mergeBase, pr.head])
  })

  it("comes from the checkout's history when the compare API fails and the history is whole", async () => {
    const pr = await mainMovedOn()
    rmSync(pr.workspace, { recursive: true, force: true })
    pr.workspace = fullCheckout(pr.origin, pr.head)
    pr.server.fail('repos/compare-commits', 404)
    const r = await run(pr)
    expectOnlyThePrsChange(pr, r)
    expect(r.stdout).toMatch(
      /compare API failed \(404: Not Found.*\); the merge base comes from the checkout's history/,
    )
    expect(r.stdout).not.toContain('fetching')
  })

  it('cannot be had from a shallow checkout when the compare API fails: the step fails naming the fix', async () => {
    const pr = await mainMovedOn()
    pr.server.fail('repos/compare-commits', 404)
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::systemd-exposure cannot find where this pull request branched off its base: GitHub's compare API failed \(404: .*\) and the checkout is shallow\. Check out the whole history \(actions\/checkout with fetch-depth: 0\)/,
    )
    expect(r.outputs['verdict']).toBeUndefined()
    expect(comments(pr)).toHaveLength(0)
  })
})

describe('the sticky comment shows the current head, once', () => {
  const MARKER = marker(commentKey('harden', 'exposure', [...DEFAULT_FILTER.include, ...DEFAULT_FILTER.exclude]))
  const SYS_ADMIN = UNIT('PrivateTmp=yes\nAmbientCapabilities=CAP_SYS_ADMIN\nCapabilityBoundingSet=CAP_SYS_ADMIN\n')

  it('a run for an older head that finishes last leaves the comment alone; its own verdict stands', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('PrivateTmp=yes\n') })
    const older = pr.head
    // The older head's run has its own checkout (with history: GitHub compares only the PR's head).
    const olderWorkspace = fullCheckout(pr.origin, older)
    cleanups.push(() => rmSync(olderWorkspace, { recursive: true, force: true }))
    push(pr, { 'units/api.service': SYS_ADMIN })
    const newer = await run(pr)
    expect(newer.code).toBe(1)
    const before = comments(pr)[0]!.body
    expect(before).toContain(`head=${pr.head}`)

    const stale = await run(pr, { workspace: olderWorkspace, payload: prPayload(7, pr.base, older) })
    expect(stale.code).toBe(0)
    expect(stale.outputs['verdict']).toBe('pass')
    expect(stale.stdout).toContain(
      `::notice::systemd-exposure reviewed ${older}, but the pull request's head is now ${pr.head}: the comment is left to the run for that commit`,
    )
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0]!.body).toBe(before)
    expect(pr.server.count('issues/update-comment') + pr.server.count('issues/create-comment')).toBe(1)
  })

  it('of several own comments (two runs raced), the newest is edited and the others deleted', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': SYS_ADMIN })
    const first = pr.server.state.addComment({
      issueNumber: 7,
      body: `${MARKER}\n<!-- systemd-exposure:state pass -->\nrun A`,
    })
    const second = pr.server.state.addComment({
      issueNumber: 7,
      body: `${MARKER}\n<!-- systemd-exposure:state pass -->\nrun B`,
    })
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(comments(pr).map((c) => c.id)).toEqual([second.id])
    expect(comments(pr)[0]!.body).toContain('CAP_SYS_ADMIN')
    expect(r.stdout).toContain(`deleted comment ${first.id}, an older copy of this action's comment`)
    expect(pr.server.requests.map((q) => q.operationId)).toEqual([
      'repos/compare-commits',
      'issues/list-comments',
      'users/get-authenticated',
      'pulls/get',
      'issues/update-comment',
      'issues/delete-comment',
    ])
    pr.server.assertNoViolations()
  })

  it('two runs started together leave one comment once the next run is done', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('PrivateTmp=yes\n') })
    // GitHub answering one create slowly widens the window in which both runs find no comment.
    pr.server.fail('issues/create-comment', 'secondary-rate-limit', { retryAfter: 2, times: 1 })
    await Promise.all([run(pr), run(pr)])
    push(pr, { 'units/api.service': SYS_ADMIN })
    const later = await run(pr)
    expect(later.code).toBe(1)
    expect(comments(pr)).toHaveLength(1)
    expect(comments(pr)[0]!.body).toContain(`<!-- systemd-exposure:state fail head=${pr.head} -->`)
  })

  it('comment: new reads the previous state from the newest own comment', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('PrivateTmp=yes\n') })
    pr.server.state.addComment({
      issueNumber: 7,
      body: `${MARKER}\n<!-- systemd-exposure:state fail -->\nan old failure`,
    })
    pr.server.state.addComment({ issueNumber: 7, body: `${MARKER}\n<!-- systemd-exposure:state pass -->\nfixed since` })
    const r = await run(pr, { inputs: { comment: 'new' } })
    expect(r.code).toBe(0)
    expect(comments(pr)).toHaveLength(3)
    expect(comments(pr).at(-1)!.body).not.toMatch(/Resolved/)
  })
})

describe("the sticky comment is only ever the token's own", () => {
  // The marker this workflow's job writes (GITHUB_WORKFLOW harden, GITHUB_JOB exposure, default paths).
  const MARKER = marker(commentKey('harden', 'exposure', [...DEFAULT_FILTER.include, ...DEFAULT_FILTER.exclude]))
  const MALLORY = { login: 'mallory', type: 'User' as const }
  // Posted by the pull request's author before the action ever ran: the marker, a fake "previous
  // state: fail" (to fake a "Resolved" note), and text of their own.
  const FORGED = `${MARKER}\n<!-- systemd-exposure:state fail -->\n✅ systemd-exposure: all good, merge away`
  const harmless = () => openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT('PrivateTmp=yes\n') })
  const bodyOf = (pr: Pr, id: number) => pr.server.state.comments.get(id)!.body

  it("GITHUB_TOKEN: a forged comment is neither edited nor trusted; the action's own is found and edited", async () => {
    const pr = await harmless()
    const forged = pr.server.state.addComment({ issueNumber: 7, body: FORGED, user: MALLORY })
    const first = await run(pr)
    expect(first.code).toBe(0)
    expect(bodyOf(pr, forged.id)).toBe(FORGED)
    expect(comments(pr)).toHaveLength(2)
    const own = comments(pr).find((c) => c.id !== forged.id)!
    expect(own.user.login).toBe('github-actions[bot]')
    expect(own.body.startsWith(MARKER)).toBe(true)
    // The forged "fail" was not taken as this comment's earlier state.
    expect(own.body).not.toMatch(/Resolved/)
    expect(first.stdout).toContain(
      `comment ${forged.id} by mallory carries this action's marker but is not the token's own: left alone`,
    )
    expect(first.stdout).toContain(
      "comments by github-actions[bot] (the workflow's GITHUB_TOKEN) are this action's own",
    )

    push(pr, { 'units/api.service': UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n') })
    const second = await run(pr)
    expect(second.code).toBe(1)
    expect(comments(pr)).toHaveLength(2)
    expect(bodyOf(pr, own.id)).toContain('CAP_KILL')
    expect(bodyOf(pr, forged.id)).toBe(FORGED)
    pr.server.assertNoViolations()
  })

  it("a personal access token: only its user's comment is the action's own (not github-actions[bot]'s, not the forger's)", async () => {
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('PrivateTmp=yes\n') },
      { actor: { login: 'exposure-bot' } },
    )
    const forged = pr.server.state.addComment({ issueNumber: 7, body: FORGED, user: MALLORY })
    const byActions = pr.server.state.addComment({
      issueNumber: 7,
      body: `${MARKER}\n<!-- systemd-exposure:state fail -->\nfrom GITHUB_TOKEN days`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    })
    const own = pr.server.state.addComment({
      issueNumber: 7,
      body: `${MARKER}\n<!-- systemd-exposure:state pass -->\nold report`,
      user: { login: 'exposure-bot' },
    })
    const r = await run(pr)
    expect(r.code).toBe(0)
    expect(bodyOf(pr, forged.id)).toBe(FORGED)
    expect(comments(pr)).toHaveLength(3)
    expect(bodyOf(pr, own.id)).toContain(`<!-- systemd-exposure:state pass head=${pr.head} -->\n`)
    expect(bodyOf(pr, own.id)).not.toMatch(/old report/)
    expect(bodyOf(pr, own.id)).not.toMatch(/Resolved/)
    expect(bodyOf(pr, byActions.id)).toMatch(/from GITHUB_TOKEN days$/)
    expect(pr.server.count('users/get-authenticated')).toBe(1)
    expect(r.stdout).toContain("comments by exposure-bot (the token's account) are this action's own")
    pr.server.assertNoViolations()
  })

  it("a GitHub App's token: its bot cannot be proven the action's own, so it adds a comment and says why", async () => {
    const app = { login: 'exposure-app[bot]', type: 'Bot' as const }
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('PrivateTmp=yes\n') },
      { actor: app },
    )
    const forged = pr.server.state.addComment({ issueNumber: 7, body: FORGED, user: MALLORY })
    const earlier = pr.server.state.addComment({
      issueNumber: 7,
      body: `${MARKER}\n<!-- systemd-exposure:state fail -->\nan earlier run`,
      user: app,
    })
    const r = await run(pr)
    expect(r.code).toBe(0)
    expect(comments(pr)).toHaveLength(3)
    expect(bodyOf(pr, forged.id)).toBe(FORGED)
    expect(bodyOf(pr, earlier.id)).toMatch(/an earlier run$/)
    const added = comments(pr).at(-1)!
    expect(added.user.login).toBe('exposure-app[bot]')
    expect(added.body).not.toMatch(/Resolved/)
    expect(r.stdout).toMatch(
      /::warning::systemd-exposure wrote its comment as exposure-app\[bot\], a GitHub App's bot\..*Use the workflow's GITHUB_TOKEN or a personal access token/,
    )
    pr.server.assertNoViolations()
  })
})

describe('the action on other events', () => {
  it('gates a push without commenting, and ignores events it cannot review', async () => {
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_BPF\nCapabilityBoundingSet=CAP_BPF\n') },
    )
    const r = await run(pr, { event: 'push', payload: { before: pr.base, after: pr.head } })
    expect(r.code).toBe(1)
    expect(pr.server.requests).toHaveLength(0)
    // A push compares the branch's two states, a merge group the base its head is built on.
    expect(r.stdout).toContain(`systemd-exposure: comparing ${pr.base} (the branch before the push) with ${pr.head}`)
    const queued = await run(pr, {
      event: 'merge_group',
      payload: { merge_group: { base_sha: pr.base, head_sha: pr.head } },
    })
    expect(queued.code).toBe(1)
    expect(queued.stdout).toContain(`systemd-exposure: comparing ${pr.base} (the merge group's base) with ${pr.head}`)
    const other = await run(pr, { event: 'issues', payload: {} })
    expect(other.code).toBe(0)
    expect(other.stdout).toMatch(/::notice::/)
  })

  it('takes the boolean words the CLI takes', async () => {
    const pr = await openPr(
      { 'units/api.service': UNIT() },
      { 'units/api.service': UNIT('AmbientCapabilities=CAP_KILL\nCapabilityBoundingSet=CAP_KILL\n') },
    )
    const r = await run(pr, {
      event: 'push',
      payload: { before: pr.base, after: pr.head },
      inputs: { 'fail-on-capability-widening': 'no', 'fail-on-invalid-unit': 'Yes' },
    })
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'capabilities-widened': '1' })
  })

  it('fails with a clear message on a bad input', async () => {
    const pr = await openPr({ 'units/api.service': UNIT() }, { 'units/api.service': UNIT() })
    const r = await run(pr, { inputs: { 'max-exposure': 'high' } })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::input 'max-exposure' must be an exposure score/)
  })
})
