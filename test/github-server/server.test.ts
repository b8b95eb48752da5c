/**
 * Tests of the fake GitHub server itself (test/support/github-server.ts): its OpenAPI
 * validation, pagination, faults, and how the real octokit stack the action uses
 * (`@actions/github` getOctokit + plugin-retry + plugin-throttling) behaves against it.
 * Everything runs on 127.0.0.1.
 */
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeRepo } from '../helpers/git-repo.js'
import {
  fakeSha,
  gitBlobSha,
  githubBase64,
  type DiffEntry,
  type FileSeed,
  type IssueComment,
} from '../support/github-fixtures.js'
import { indexGitTree, loadGitHubGraphQLSchema } from '../support/github-graphql.js'
import { acceptIsGitHub, loadGitHubOpenApi, parseLinkHeader, requestedMediaFormat } from '../support/github-openapi.js'
import {
  fastOctokitOptions,
  startGitHubServer,
  symlink,
  type GitHubServer,
  type GitHubServerOptions,
} from '../support/github-server.js'

const TOKEN = 'ghs_fake0123456789'
const AUTH = {
  authorization: `token ${TOKEN}`,
  accept: 'application/vnd.github+json',
  'user-agent': 'systemd-exposure-test',
}

const servers: GitHubServer[] = []
async function start(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const s = await startGitHubServer({ token: TOKEN, ...options })
  servers.push(s)
  return s
}
afterEach(async () => {
  // close() throws on violations: every test must leave none unless it cleared them.
  while (servers.length > 0) await servers.pop()!.close()
})

function files(n: number, prefix = 'units/s'): FileSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    filename: `${prefix}${String(i).padStart(4, '0')}.service`,
    status: 'modified' as const,
    patch: '@@ -1,2 +1,2 @@\n [Service]\n-User=root\n+DynamicUser=yes',
  }))
}

function octokitFor(server: GitHubServer, extra: Parameters<typeof fastOctokitOptions>[1] = {}) {
  return getOctokit(TOKEN, fastOctokitOptions(server.url, extra), retry, throttling)
}

let loadMs = 0
beforeAll(() => {
  const t0 = performance.now()
  loadGitHubOpenApi()
  loadMs = performance.now() - t0
}, 60_000)
afterAll(() => {
  const { compileMs, compiledValidators, translatedSchemas } = loadGitHubOpenApi().stats
  console.info(
    `[github-openapi] compiled ${compiledValidators} validators (${translatedSchemas} component schemas) in ${compileMs.toFixed(0)} ms`,
  )
})

describe('OpenAPI description', () => {
  it('loads lazily once and reports timings', () => {
    const api = loadGitHubOpenApi()
    expect(loadGitHubOpenApi()).toBe(api)
    expect(api.stats.operations).toBeGreaterThan(1000)
    expect(api.stats.descriptionVersion).toMatch(/^\d+\.\d+\.\d+$/)
    console.info(
      `[github-openapi] load ${loadMs.toFixed(0)} ms (read+parse ${api.stats.readParseMs.toFixed(0)} ms, ` +
        `${api.stats.fromCache ? 'trimmed cache' : 'package file, cache written'}; index ${api.stats.indexMs.toFixed(0)} ms), ` +
        `description ${api.stats.descriptionVersion}`,
    )
  })

  it('documents the facts the action relies on', () => {
    const api = loadGitHubOpenApi()
    const listFiles = api.resolveRoute('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')!
    expect(listFiles.operationId).toBe('pulls/list-files')
    const perPage = listFiles.parameters.find((p) => p.name === 'per_page')!
    expect(perPage.schema).toMatchObject({ type: 'integer', default: 30 })
    // The 100 maximum is only prose: GitHub clamps larger values instead of rejecting them.
    expect(perPage.schema).not.toHaveProperty('maximum')
    const create = api.operation('issues/create-comment')!
    expect(Object.keys(create.raw['responses'] as object).sort()).toEqual(['201', '403', '404', '410', '422'])
    // update-comment documents no 403/404, although GitHub sends both: the fake treats them
    // as "ambient" statuses (see AMBIENT_ERROR_STATUSES).
    expect(Object.keys(api.operation('issues/update-comment')!.raw['responses'] as object).sort()).toEqual([
      '200',
      '422',
    ])
    expect(
      api.resolveRoute('GET /repos/{owner}/{repo}/contents/{path}')!.parameters.find((p) => p.name === 'path'),
    ).toMatchObject({
      'x-multi-segment': true,
    })
  })

  it('matches paths to operations, most literal first, multi-segment params included', () => {
    const api = loadGitHubOpenApi()
    expect(api.match('GET', '/repos/o/r/issues/comments')?.operation.operationId).toBe('issues/list-comments-for-repo')
    expect(api.match('GET', '/repos/o/r/issues/12/comments')?.operation.operationId).toBe('issues/list-comments')
    expect(api.match('PATCH', '/repos/o/r/issues/comments/5')?.operation.operationId).toBe('issues/update-comment')
    expect(api.match('GET', '/repos/o/r/contents/a/b%20c.service')?.pathParams['path']).toBe('a/b c.service')
    expect(api.match('GET', '/repos/o/r/contents/a%2Fb.service')?.pathParams['path']).toBe('a/b.service')
    expect(api.match('GET', '/repos/o/r/compare/main...feature/x')?.pathParams['basehead']).toBe('main...feature/x')
    expect(api.match('GET', '/repos/o/r/no-such-thing')).toBeUndefined()
  })

  it("understands GitHub's media types", () => {
    expect(acceptIsGitHub('application/vnd.github.v3+json')).toBe(true)
    expect(acceptIsGitHub('application/vnd.github+json')).toBe(true)
    expect(acceptIsGitHub('*/*')).toBe(true)
    expect(acceptIsGitHub('text/html')).toBe(false)
    expect(requestedMediaFormat('application/vnd.github.v3+json')).toBeUndefined()
    expect(requestedMediaFormat('application/vnd.github+json')).toBeUndefined()
    expect(requestedMediaFormat('application/vnd.github.raw+json')).toBe('raw+json')
    expect(requestedMediaFormat('application/vnd.github.v3.diff')).toBe('diff')
  })
})

describe('fixtures validate against the description', () => {
  it("every builder's output is a valid instance of its schema", async () => {
    const server = await start({
      pulls: [{ number: 3, files: files(1), head: { forkOwner: 'contributor' } }],
      comments: [{ issueNumber: 3, body: 'hi', user: { login: 'octocat' } }],
      contents: { main: { 'a.service': '[Service]\n' } },
    })
    const api = server.openapi
    const base = server.url
    const get = (path: string) => fetch(`${base}${path}`, { headers: AUTH }).then((r) => r.json())
    expect(api.validateComponent('pull-request', await get('/repos/octo-org/hello-world/pulls/3'))).toEqual([])
    const simple = (await get('/repos/octo-org/hello-world/pulls?state=all')) as unknown[]
    expect(api.validateComponent('pull-request-simple', simple[0])).toEqual([])
    const list = (await get('/repos/octo-org/hello-world/pulls/3/files')) as unknown[]
    expect(api.validateComponent('diff-entry', list[0])).toEqual([])
    const comments = (await get('/repos/octo-org/hello-world/issues/3/comments')) as unknown[]
    expect(api.validateComponent('issue-comment', comments[0])).toEqual([])
    expect(api.validateComponent('full-repository', await get('/repos/octo-org/hello-world'))).toEqual([])
    expect(
      api.validateComponent('content-file', await get('/repos/octo-org/hello-world/contents/a.service?ref=main')),
    ).toEqual([])
    expect(
      api.validateComponent(
        'commit-comparison',
        await get(`/repos/octo-org/hello-world/compare/main...contributor:pr-3`),
      ),
    ).toEqual([])
    server.state.addCommit({ sha: fakeSha('m'), message: 'Merge', parents: [fakeSha('base:3'), fakeSha('head:3')] })
    expect(
      api.validateComponent('git-commit', await get(`/repos/octo-org/hello-world/git/commits/${fakeSha('m')}`)),
    ).toEqual([])
    // And a broken object is caught, with a readable message.
    expect(api.validateComponent('diff-entry', { ...(list[0] as DiffEntry), status: 'moved' })).toEqual([
      `diff-entry/status: must be equal to one of the allowed values (["added","removed","modified","renamed","copied","changed","unchanged"])`,
    ])
  })
})

describe('plain fetch', () => {
  it('serves a pull request and its files, validated both ways', async () => {
    const server = await start({
      pulls: [
        {
          number: 7,
          title: 'Harden units',
          files: [
            { filename: 'units/new.service', status: 'added', patch: '@@ -0,0 +1 @@\n+[Service]' },
            {
              filename: 'units/old name.service',
              status: 'renamed',
              previous_filename: 'units/older.service',
              patch: '',
            },
            { filename: 'units/gone.service', status: 'removed', patch: '@@ -1 +0,0 @@\n-[Service]' },
            { filename: 'units/blob.bin', status: 'modified' },
          ],
        },
      ],
    })
    const pr = await fetch(`${server.url}/repos/octo-org/hello-world/pulls/7`, { headers: AUTH })
    expect(pr.status).toBe(200)
    expect(pr.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const prBody = (await pr.json()) as { changed_files: number; additions: number; head: { sha: string } }
    expect(prBody).toMatchObject({ changed_files: 4, additions: 1, head: { sha: fakeSha('head:7') } })

    const res = await fetch(`${server.url}/repos/octo-org/hello-world/pulls/7/files`, { headers: AUTH })
    expect(res.headers.get('link')).toBeNull()
    const list = (await res.json()) as DiffEntry[]
    expect(list.map((f) => [f.status, f.filename, f.previous_filename])).toEqual([
      ['added', 'units/new.service', undefined],
      ['renamed', 'units/old name.service', 'units/older.service'],
      ['removed', 'units/gone.service', undefined],
      ['modified', 'units/blob.bin', undefined],
    ])
    expect(list[1]!.blob_url).toContain('/units/old%20name.service')
    expect(list[3]).not.toHaveProperty('patch')
    expect(server.requests.map((r) => r.operationId)).toEqual(['pulls/get', 'pulls/list-files'])
    expect(server.violations).toEqual([])
  })

  it("paginates pull request files with GitHub's Link header", async () => {
    const server = await start({ pulls: [{ number: 1, files: files(250) }] })
    const url = (q: string) => `${server.url}/repos/octo-org/hello-world/pulls/1/files?${q}`

    const p1 = await fetch(url('per_page=100'), { headers: AUTH })
    expect((await p1.json()) as unknown[]).toHaveLength(100)
    expect(p1.headers.get('link')).toBe(
      `<${url('per_page=100&page=2')}>; rel="next", <${url('per_page=100&page=3')}>; rel="last"`,
    )
    const p2 = await fetch(url('per_page=100&page=2'), { headers: AUTH })
    expect(parseLinkHeader(p2.headers.get('link'))).toEqual({
      prev: url('per_page=100&page=1'),
      next: url('per_page=100&page=3'),
      last: url('per_page=100&page=3'),
      first: url('per_page=100&page=1'),
    })
    const p3 = await fetch(url('per_page=100&page=3'), { headers: AUTH })
    const last = (await p3.json()) as DiffEntry[]
    expect(last).toHaveLength(50)
    expect(last.at(-1)!.filename).toBe('units/s0249.service')
    expect(Object.keys(parseLinkHeader(p3.headers.get('link')))).toEqual(['prev', 'first'])

    // Default page size 30; per_page above 100 is clamped, not rejected.
    const dflt = await fetch(url(''), { headers: AUTH })
    expect((await dflt.json()) as unknown[]).toHaveLength(30)
    expect(parseLinkHeader(dflt.headers.get('link'))['last']).toBe(url('page=9'))
    const big = await fetch(url('per_page=1000'), { headers: AUTH })
    expect((await big.json()) as unknown[]).toHaveLength(100)
  })

  it('lists at most 3000 files of a pull request, like GitHub', async () => {
    const server = await start({ pulls: [{ number: 2, files: files(3005) }] })
    const url = (page: number) => `${server.url}/repos/octo-org/hello-world/pulls/2/files?per_page=100&page=${page}`
    const p30 = await fetch(url(30), { headers: AUTH })
    expect((await p30.json()) as unknown[]).toHaveLength(100)
    expect(parseLinkHeader(p30.headers.get('link'))['next']).toBeUndefined()
    const p31 = await fetch(url(31), { headers: AUTH })
    expect(await p31.json()).toEqual([])
    // The pull request itself still counts every file: compare to detect truncation.
    const pr = (await (await fetch(`${server.url}/repos/octo-org/hello-world/pulls/2`, { headers: AUTH })).json()) as {
      changed_files: number
    }
    expect(pr.changed_files).toBe(3005)
  })

  it('creates, updates and deletes a comment', async () => {
    const server = await start({ pulls: [{ number: 4 }] })
    const comments = `${server.url}/repos/octo-org/hello-world/issues/4/comments`
    const post = await fetch(comments, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ body: '<!-- systemd-exposure -->\nfirst' }),
    })
    expect(post.status).toBe(201)
    const created = (await post.json()) as IssueComment
    expect(post.headers.get('location')).toBe(created.url)
    expect(created).toMatchObject({
      body: '<!-- systemd-exposure -->\nfirst',
      user: { login: 'github-actions[bot]', type: 'Bot' },
    })

    const patch = await fetch(created.url, { method: 'PATCH', headers: AUTH, body: JSON.stringify({ body: 'second' }) })
    expect(patch.status).toBe(200)
    expect(server.state.comments.get(Number(created.id))!.body).toBe('second')

    const del = await fetch(created.url, { method: 'DELETE', headers: AUTH })
    expect(del.status).toBe(204)
    expect(await del.text()).toBe('')
    expect(server.state.comments.size).toBe(0)
    const again = await fetch(created.url, { method: 'DELETE', headers: AUTH })
    expect(again.status).toBe(404)
    // `fetch` sends text/plain for a string body; GitHub's description only has application/json.
    expect(server.clearViolations().map((v) => v.message)).toEqual([
      'header content-type: "text/plain" is not one of application/json',
    ])
  })

  it("rejects a comment body over GitHub's 65536-character limit with 422 (limit not in the description)", async () => {
    const server = await start({ pulls: [{ number: 4 }] })
    const res = await fetch(`${server.url}/repos/octo-org/hello-world/issues/4/comments`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'x'.repeat(65537) }),
    })
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [{ message: 'Body is too long (maximum is 65536 characters)' }],
    })
    // The limit counts characters, not UTF-16 units: 65536 emoji are accepted.
    const ok = await fetch(`${server.url}/repos/octo-org/hello-world/issues/4/comments`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ body: '🛡'.repeat(65536) }),
    })
    expect(ok.status).toBe(201)
  })

  it('serves file contents by ref as base64, raw, and as blobs', async () => {
    const unit = '[Unit]\nDescription=demo\n\n[Service]\nExecStart=/bin/true\n'.repeat(3)
    const headSha = fakeSha('head:9')
    const server = await start({
      pulls: [{ number: 9, files: [{ filename: 'units/demo.service', status: 'modified' }] }],
      contents: { [headSha]: { 'units/demo.service': unit }, main: { 'units/demo.service': '[Service]\n' } },
    })
    const base = `${server.url}/repos/octo-org/hello-world`
    const res = await fetch(`${base}/contents/units/demo.service?ref=${headSha}`, { headers: AUTH })
    const file = (await res.json()) as { content: string; encoding: string; sha: string; size: number }
    expect(file.encoding).toBe('base64')
    expect(file.content).toBe(githubBase64(Buffer.from(unit)))
    expect(file.content).toContain('\n') // GitHub wraps base64 at 60 columns
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe(unit)
    expect(file.sha).toBe(gitBlobSha(unit))

    // The PR's diff entry carries the blob SHA of the head version.
    const [entry] = (await (await fetch(`${base}/pulls/9/files`, { headers: AUTH })).json()) as DiffEntry[]
    expect(entry!.sha).toBe(gitBlobSha(unit))
    const blobRes = await fetch(`${base}/git/blobs/${entry!.sha}`, { headers: AUTH })
    expect(Buffer.from(((await blobRes.json()) as { content: string }).content, 'base64').toString()).toBe(unit)

    // Branch names resolve too; the raw media type returns the bytes.
    const raw = await fetch(`${base}/contents/units%2Fdemo.service?ref=main`, {
      headers: { ...AUTH, accept: 'application/vnd.github.raw+json' },
    })
    expect(await raw.text()).toBe('[Service]\n')

    const dir = (await (await fetch(`${base}/contents/units?ref=main`, { headers: AUTH })).json()) as {
      name: string
      type: string
    }[]
    expect(dir).toEqual([expect.objectContaining({ name: 'demo.service', type: 'file' })])

    const missing = await fetch(`${base}/contents/units/nope.service?ref=main`, { headers: AUTH })
    expect(missing.status).toBe(404)
    const badRef = await fetch(`${base}/contents/units/demo.service?ref=nope`, { headers: AUTH })
    expect(await badRef.json()).toMatchObject({ message: 'No commit found for the ref nope' })
  })

  it('compares base...head with files on the first page only', async () => {
    const server = await start({
      pulls: [{ number: 5, base: { ref: 'main' }, head: { ref: 'feature/x' }, files: files(3) }],
    })
    const cmp = (q = '') =>
      fetch(`${server.url}/repos/octo-org/hello-world/compare/main...feature/x${q}`, { headers: AUTH }).then((r) =>
        r.json(),
      ) as Promise<{ files?: unknown[]; status: string; ahead_by: number }>
    expect(await cmp()).toMatchObject({ status: 'ahead', ahead_by: 1, files: expect.any(Array) })
    expect((await cmp('?per_page=1&page=2')).files).toBeUndefined()
  })

  it('compares from the merge base when base moved on since head branched off', async () => {
    const mergeBase = fakeSha('merge-base:6')
    const server = await start({ pulls: [{ number: 6, files: files(2), mergeBase: { sha: mergeBase, behindBy: 3 } }] })
    const res = await fetch(
      `${server.url}/repos/octo-org/hello-world/compare/${fakeSha('base:6')}...${fakeSha('head:6')}?per_page=1`,
      { headers: AUTH },
    )
    const body = (await res.json()) as {
      status: string
      behind_by: number
      ahead_by: number
      base_commit: { sha: string }
      merge_base_commit: { sha: string }
      files: unknown[]
    }
    expect(body).toMatchObject({
      status: 'diverged',
      behind_by: 3,
      ahead_by: 1,
      base_commit: { sha: fakeSha('base:6') },
      merge_base_commit: { sha: mergeBase },
    })
    expect(body.files).toHaveLength(2)
    expect(server.openapi.validateComponent('commit-comparison', body)).toEqual([])
  })

  it('answers a seeded comparison of any two commits, with its first 300 files or none', async () => {
    const server = await start()
    const [a, b, c] = [fakeSha('a'), fakeSha('b'), fakeSha('c')]
    server.state.addComparison({ base: a, head: b, mergeBase: c, aheadBy: 2, behindBy: 1, files: files(301) })
    server.state.addComparison({ base: a, head: c, omitFiles: true })
    const cmp = (basehead: string) =>
      fetch(`${server.url}/repos/octo-org/hello-world/compare/${basehead}?per_page=1`, { headers: AUTH }).then((r) =>
        r.json(),
      ) as Promise<{ files?: unknown[]; status: string; merge_base_commit: { sha: string } }>
    const listed = await cmp(`${a}...${b}`)
    expect(listed).toMatchObject({ status: 'diverged', merge_base_commit: { sha: c } })
    expect(listed.files).toHaveLength(300)
    const bare = await cmp(`${a}...${c}`)
    expect(bare).toMatchObject({ status: 'ahead', merge_base_commit: { sha: a } })
    expect(bare).not.toHaveProperty('files')
    expect(server.violations).toEqual([])
  })

  it("serves a commit's parents and tree from the Git database API", async () => {
    const server = await start()
    const [merge, base, head] = [fakeSha('merge'), fakeSha('base'), fakeSha('head')]
    server.state.addCommit({ sha: merge, message: 'Merge head into base', parents: [base, head] })
    server.state.setFile(merge, 'units/a.service', '[Service]\n')
    const got = (await fetch(`${server.url}/repos/octo-org/hello-world/git/commits/${merge}`, { headers: AUTH }).then(
      (r) => r.json(),
    )) as { parents: { sha: string }[]; tree: { sha: string } }
    expect(got.parents.map((p) => p.sha)).toEqual([base, head])
    const tree = (await fetch(`${server.url}/repos/octo-org/hello-world/git/trees/${got.tree.sha}?recursive=1`, {
      headers: AUTH,
    }).then((r) => r.json())) as { tree: { path: string }[] }
    expect(tree.tree.map((e) => e.path)).toEqual(['units', 'units/a.service'])
    expect(
      (await fetch(`${server.url}/repos/octo-org/hello-world/git/commits/${base}`, { headers: AUTH })).status,
    ).toBe(404)
    expect(server.violations).toEqual([])
  })

  it('slow() holds answers, and each request records how many of its operation overlapped', async () => {
    const server = await start()
    server.slow('repos/get', 100)
    const get = () => fetch(`${server.url}/repos/octo-org/hello-world`, { headers: AUTH })
    await Promise.all([get(), get(), get()])
    await get()
    expect(server.requests.map((r) => r.concurrent)).toEqual([1, 2, 3, 1])
    expect(server.requests[3]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(90)
  })

  it('answers GET /user with the user a token names, and 403 to an installation token (a bot)', async () => {
    const pat = await start({ actor: { login: 'exposure-bot' } })
    const me = await fetch(`${pat.url}/user`, { headers: AUTH })
    expect(me.status).toBe(200)
    const user = (await me.json()) as { login: string; type: string; id: number }
    expect(user).toMatchObject({ login: 'exposure-bot', type: 'User' })
    expect(pat.openapi.validateComponent('public-user', user)).toEqual([])

    for (const actor of [undefined, { login: 'exposure-app[bot]' }]) {
      const installation = await start(actor ? { actor } : {})
      const res = await fetch(`${installation.url}/user`, { headers: AUTH })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ message: 'Resource not accessible by integration' })
    }
  })

  it('answers 401 for a wrong token', async () => {
    const server = await start()
    const res = await fetch(`${server.url}/repos/octo-org/hello-world`, {
      headers: { ...AUTH, authorization: 'token wrong' },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ message: 'Bad credentials' })
  })
})

describe('violations', () => {
  it("flags requests GitHub's description forbids and answers like GitHub", async () => {
    const server = await start({ pulls: [{ number: 4 }] })
    const base = `${server.url}/repos/octo-org/hello-world`
    const json = { ...AUTH, 'content-type': 'application/json' }
    // Body without the required `body` field.
    const noBody = await fetch(`${base}/issues/4/comments`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: 'hi' }),
    })
    expect(noBody.status).toBe(422)
    // A route GitHub does not have.
    expect((await fetch(`${base}/pulls/4/exposure`, { headers: AUTH })).status).toBe(404)
    // Query parameter of the wrong type, and one the operation does not take.
    await fetch(`${base}/pulls/4/files?per_page=lots&sort=name`, { headers: AUTH })
    // Path parameter of the wrong type.
    expect((await fetch(`${base}/pulls/four`, { headers: AUTH })).status).toBe(404)
    // No authentication, and a malformed one.
    await fetch(`${base}/pulls/4`, { headers: { accept: AUTH.accept, 'user-agent': 't' } })
    await fetch(`${base}/pulls/4`, { headers: { ...AUTH, authorization: TOKEN } })
    // An Accept GitHub does not serve.
    await fetch(`${base}/pulls/4`, { headers: { ...AUTH, accept: 'text/html' } })
    // An API version GitHub does not have.
    await fetch(`${base}/pulls/4`, { headers: { ...AUTH, 'x-github-api-version': '2021-01-01' } })

    const messages = server.violations.map((v) => `${v.where}: ${v.message}`)
    expect(messages).toEqual([
      "request: request body: must have required property 'body'",
      "route: GET /repos/octo-org/hello-world/pulls/4/exposure is no operation in GitHub's REST description",
      'request: query parameters: must NOT have additional properties (sort)',
      'request: query parameters/per_page: must be integer',
      'request: path parameters/pull_number: must be integer',
      'request: header authorization: missing (the action must authenticate)',
      'request: header authorization: "ghs_fake01…" is not "token <t>" or "Bearer <t>"',
      'request: header accept: "text/html" names no media type GitHub\'s REST API serves',
      'request: header x-github-api-version: "2021-01-01" is not one of 2022-11-28',
    ])
    expect(() => server.assertNoViolations()).toThrowError(
      /recorded 9 OpenAPI violation\(s\):\n {2}#0 POST \/repos\/octo-org\/hello-world\/issues\/4\/comments \[issues\/create-comment\] request: request body: must have required property 'body'/,
    )
    server.clearViolations()
  })

  it('flags a documented operation the fake does not implement', async () => {
    const server = await start({ pulls: [{ number: 4 }] })
    const res = await fetch(`${server.url}/repos/octo-org/hello-world/issues/4/labels`, { headers: AUTH })
    expect(res.status).toBe(404)
    expect(server.clearViolations().map((v) => `${v.where}: ${v.message}`)).toEqual([
      'fake: issues/list-labels-on-issue (GET /repos/{owner}/{repo}/issues/{issue_number}/labels) is documented but not implemented by the fake',
    ])
  })

  it('close() fails the test when a violation was recorded', async () => {
    const server = await startGitHubServer()
    await fetch(`${server.url}/nope`, { headers: AUTH })
    await expect(server.close()).rejects.toThrow(/is no operation in GitHub's REST description/)
  })

  it("validates the fake's own responses (a seed GitHub could not send is caught)", async () => {
    const server = await start({
      pulls: [{ number: 1, files: [{ filename: 'a', status: 'moved' as never }] }],
    })
    await fetch(`${server.url}/repos/octo-org/hello-world/pulls/1/files`, { headers: AUTH })
    expect(server.clearViolations().map((v) => `${v.where}: ${v.message}`)).toEqual([
      `response: response 200 body/0/status: must be equal to one of the allowed values (["added","removed","modified","renamed","copied","changed","unchanged"])`,
    ])
  })

  it('refuses to inject a status the operation could never return', async () => {
    const server = await start()
    expect(() => server.fail('pulls/get', 422)).toThrow(/pulls\/get does not document status 422/)
    expect(() => server.fail('pulls/nonsense', 500)).toThrow(/unknown route/)
  })
})

describe('with @actions/github getOctokit + retry + throttling', () => {
  it('paginates pull files and comments with octokit.paginate', async () => {
    const server = await start({
      pulls: [{ number: 12, files: files(3050) }],
      comments: Array.from({ length: 45 }, (_, i) => ({
        issueNumber: 12,
        body: `c${i}`,
        user: { login: i % 2 ? 'octocat' : 'someone' },
      })),
    })
    const octokit = octokitFor(server)
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: 'octo-org',
      repo: 'hello-world',
      pull_number: 12,
      per_page: 100,
    })
    expect(all).toHaveLength(3000)
    expect(server.count('pulls/list-files')).toBe(30)
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'octo-org',
      repo: 'hello-world',
      issue_number: 12,
      per_page: 20,
    })
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 45 }, (_, i) => `c${i}`))
    expect(server.count('issues/list-comments')).toBe(3)
    const first = server.requestsFor('issues/list-comments')[0]!
    expect(first.headers['authorization']).toBe(`token ${TOKEN}`)
    expect(first.headers['accept']).toBe('application/vnd.github.v3+json')
  })

  it('finds the pull request of a commit and filters comments by since', async () => {
    const server = await start({
      pulls: [
        { number: 21, head: { ref: 'feature', sha: fakeSha('c21') } },
        { number: 22, state: 'closed' },
      ],
      comments: [
        { issueNumber: 21, body: 'old', createdAt: '2024-01-01T00:00:00Z' },
        { issueNumber: 21, body: 'new', createdAt: '2024-03-01T00:00:00Z' },
      ],
    })
    const octokit = octokitFor(server)
    const repo = { owner: 'octo-org', repo: 'hello-world' }
    const prs = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: fakeSha('c21') })
    expect(prs.data.map((p) => p.number)).toEqual([21])
    const open = await octokit.rest.pulls.list({ ...repo, head: 'octo-org:feature' })
    expect(open.data.map((p) => p.number)).toEqual([21])
    const all = await octokit.rest.pulls.list({ ...repo, state: 'all' })
    expect(all.data.map((p) => p.number)).toEqual([22, 21])
    const since = await octokit.rest.issues.listComments({ ...repo, issue_number: 21, since: '2024-02-01T00:00:00Z' })
    expect(since.data.map((c) => c.body)).toEqual(['new'])
  })

  it('runs a sticky-comment flow: find by marker, update, else create', async () => {
    const marker = '<!-- systemd-exposure -->'
    const server = await start({
      pulls: [{ number: 3 }],
      comments: [
        { issueNumber: 3, body: 'LGTM', user: { login: 'octocat' } },
        { issueNumber: 3, body: `${marker}\nold report` },
      ],
    })
    const octokit = octokitFor(server)
    const repo = { owner: 'octo-org', repo: 'hello-world' }
    const upsert = async (body: string) => {
      const existing = (
        await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 3, per_page: 100 })
      ).find((c) => c.user?.type === 'Bot' && c.body?.startsWith(marker))
      if (existing) return (await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body })).data
      return (await octokit.rest.issues.createComment({ ...repo, issue_number: 3, body })).data
    }
    const updated = await upsert(`${marker}\nnew report`)
    expect(updated.body).toBe(`${marker}\nnew report`)
    expect(server.state.commentsOn(3).map((c) => c.body)).toEqual(['LGTM', `${marker}\nnew report`])
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: updated.id })
    await upsert(`${marker}\nthird`)
    expect(server.state.commentsOn(3).map((c) => c.body)).toEqual(['LGTM', `${marker}\nthird`])
    expect(server.requests.map((r) => `${r.method} ${r.operationId} ${r.status}`)).toEqual([
      'GET issues/list-comments 200',
      'PATCH issues/update-comment 200',
      'DELETE issues/delete-comment 204',
      'GET issues/list-comments 200',
      'POST issues/create-comment 201',
    ])
  })

  it('reads contents with a path containing slashes (octokit sends %2F)', async () => {
    const server = await start({ contents: { main: { 'units/a b.service': '[Service]\n' } } })
    const octokit = octokitFor(server)
    const res = await octokit.rest.repos.getContent({
      owner: 'octo-org',
      repo: 'hello-world',
      path: 'units/a b.service',
      ref: 'main',
    })
    expect(server.requests[0]!.url).toBe('/repos/octo-org/hello-world/contents/units%2Fa%20b.service?ref=main')
    expect(Array.isArray(res.data) ? null : res.data.type).toBe('file')
  })

  it('lists trees (recursive, truncated, subtrees) and serves their blobs', async () => {
    const head = fakeSha('head:1')
    const server = await start({
      pulls: [{ number: 1 }],
      maxTreeEntries: 7,
      contents: {
        [head]: {
          'units/a.service': '[Service]\nExecStart=/bin/a\n',
          'units/b.service': { content: '#!/bin/sh\n', mode: '100755' },
          'units/masked.service': symlink('/dev/null'),
          'units/alias.service': symlink('a.service'),
          'units/drop/a.service.d/override.conf': '[Service]\nUser=nobody\n',
          'README.md': '# demo\n',
        },
      },
    })
    const octokit = octokitFor(server)
    const repo = { owner: 'octo-org', repo: 'hello-world' }
    const top = await octokit.rest.git.getTree({ ...repo, tree_sha: head })
    expect(top.data.tree.map((e) => `${e.type} ${e.mode} ${e.path}`)).toEqual([
      'blob 100644 README.md',
      'tree 040000 units',
    ])
    expect(top.data.truncated).toBe(false)

    const sub = await octokit.rest.git.getTree({ ...repo, tree_sha: top.data.tree[1]!.sha, recursive: 'true' })
    expect(sub.data.tree.map((e) => `${e.type} ${e.mode} ${e.path}`)).toEqual([
      'blob 100644 a.service',
      'blob 120000 alias.service',
      'blob 100755 b.service',
      'tree 040000 drop',
      'tree 040000 drop/a.service.d',
      'blob 100644 drop/a.service.d/override.conf',
      'blob 120000 masked.service',
    ])
    expect(sub.data.truncated).toBe(false)
    // 9 entries from the root > maxTreeEntries 7 (GitHub: 100,000 entries or 7 MB).
    const whole = await octokit.rest.git.getTree({ ...repo, tree_sha: head, recursive: 'true' })
    expect(whole.data.truncated).toBe(true)
    expect(whole.data.tree).toHaveLength(7)

    const link = sub.data.tree.find((e) => e.path === 'alias.service')!
    const linkBlob = await octokit.rest.git.getBlob({ ...repo, file_sha: link.sha })
    expect(Buffer.from(linkBlob.data.content, 'base64').toString()).toBe('a.service')

    // The contents API follows a link to a file in the repository, and describes any other link.
    const alias = await octokit.rest.repos.getContent({ ...repo, path: 'units/alias.service', ref: head })
    expect(alias.data).toMatchObject({ type: 'file', path: 'units/a.service' })
    const masked = await octokit.rest.repos.getContent({ ...repo, path: 'units/masked.service', ref: head })
    expect(masked.data).toMatchObject({ type: 'symlink', target: '/dev/null' })

    expect(
      (await octokit.rest.git.getTree({ ...repo, tree_sha: fakeSha('unknown') }).catch((e: { status: number }) => e))
        .status,
    ).toBe(404)
  })

  it('the retry plugin retries 500 and 502', async () => {
    const server = await start({ pulls: [{ number: 1, files: files(2) }] })
    const fault = server.fail('pulls/list-files', 502, { times: 2 })
    server.fail('pulls/get', 500)
    const octokit = octokitFor(server)
    const res = await octokit.rest.pulls.listFiles({ owner: 'octo-org', repo: 'hello-world', pull_number: 1 })
    expect(res.data).toHaveLength(2)
    expect(fault.hits).toBe(2)
    expect(server.requestsFor('pulls/list-files').map((r) => r.status)).toEqual([502, 502, 200])
    await octokit.rest.pulls.get({ owner: 'octo-org', repo: 'hello-world', pull_number: 1 })
    expect(server.requestsFor('pulls/get').map((r) => r.status)).toEqual([500, 200])
  })

  it('the retry plugin gives up after 3 retries', async () => {
    const server = await start({ pulls: [{ number: 1 }] })
    server.fail('pulls/get', 503, { times: Infinity })
    const octokit = octokitFor(server)
    await expect(
      octokit.rest.pulls.get({ owner: 'octo-org', repo: 'hello-world', pull_number: 1 }),
    ).rejects.toMatchObject({ status: 503 })
    expect(server.count('pulls/get')).toBe(4)
  })

  it('the throttling plugin honours a secondary rate limit (403 + retry-after)', async () => {
    const server = await start({ pulls: [{ number: 1, files: files(1) }] })
    server.fail('pulls/list-files', 'secondary-rate-limit', { retryAfter: 1 })
    server.fail('issues/create-comment', 'secondary-rate-limit', { retryAfter: 1 })
    const seen: string[] = []
    const octokit = octokitFor(server, { onLimit: (kind, after, count) => seen.push(`${kind} ${after}s #${count}`) })
    await octokit.rest.pulls.listFiles({ owner: 'octo-org', repo: 'hello-world', pull_number: 1 })
    await octokit.rest.issues.createComment({ owner: 'octo-org', repo: 'hello-world', issue_number: 1, body: 'x' })
    expect(seen).toEqual(['secondary 1s #0', 'secondary 1s #0'])
    const faulted = server.requests.find((r) => r.fault === 'secondary-rate-limit')!
    expect(faulted.status).toBe(403)
    expect(faulted.responseHeaders['retry-after']).toBe('1')
    expect(faulted.responseBody).toMatchObject({
      message: expect.stringMatching(/^You have exceeded a secondary rate limit/),
    })
    expect(server.requests.map((r) => `${r.operationId} ${r.status}`)).toEqual([
      'pulls/list-files 403',
      'pulls/list-files 200',
      'issues/create-comment 403',
      'issues/create-comment 201',
    ])
  })

  it('the throttling plugin honours a primary rate limit (403 + x-ratelimit-remaining: 0)', async () => {
    const server = await start({ pulls: [{ number: 1 }] })
    server.fail('pulls/get', 'rate-limit', { retryAfter: 0 })
    const seen: string[] = []
    const octokit = octokitFor(server, { onLimit: (kind) => seen.push(kind) })
    await octokit.rest.pulls.get({ owner: 'octo-org', repo: 'hello-world', pull_number: 1 })
    expect(seen).toEqual(['primary'])
    expect(server.requestsFor('pulls/get').map((r) => r.status)).toEqual([403, 200])
  })

  it("a read-only token gets 403 'Resource not accessible by integration' on comment writes, not retried", async () => {
    const server = await start({ pulls: [{ number: 8, head: { forkOwner: 'contributor' } }], permissions: 'read' })
    const seen: string[] = []
    const octokit = octokitFor(server, { onLimit: (kind) => seen.push(kind) })
    const err = await octokit.rest.issues
      .createComment({ owner: 'octo-org', repo: 'hello-world', issue_number: 8, body: 'report' })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    })
    expect(server.count('issues/create-comment')).toBe(1)
    expect(seen).toEqual([])
    // Reads still work with that token.
    await octokit.rest.pulls.get({ owner: 'octo-org', repo: 'hello-world', pull_number: 8 })

    // The same as an injected fault on a writable token, for update too.
    server.state.permissions = 'write'
    const c = server.state.addComment({ issueNumber: 8, body: 'old' })
    server.fail('issues/update-comment', 'integration-forbidden')
    await expect(
      octokit.rest.issues.updateComment({ owner: 'octo-org', repo: 'hello-world', comment_id: c.id, body: 'new' }),
    ).rejects.toMatchObject({ status: 403 })
    expect(server.state.comments.get(c.id)!.body).toBe('old')
  })

  it('works under a GHES-style /api/v3 prefix and flags requests outside it', async () => {
    const server = await start({ prefix: '/api/v3', pulls: [{ number: 1, files: files(40) }] })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    const octokit = octokitFor(server)
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: 'octo-org',
      repo: 'hello-world',
      pull_number: 1,
      per_page: 25,
    })
    expect(all).toHaveLength(40)
    expect(all[0]!.contents_url).toMatch(/\/api\/v3\/repos\/octo-org\/hello-world\/contents\//)
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v3/repos/octo-org/hello-world/pulls/1/files?per_page=25',
      '/api/v3/repos/octo-org/hello-world/pulls/1/files?per_page=25&page=2',
    ])
    const origin = new URL(server.url).origin
    expect((await fetch(`${origin}/repos/octo-org/hello-world/pulls/1`, { headers: AUTH })).status).toBe(404)
    expect(server.clearViolations().map((v) => v.message)).toEqual([
      'path /repos/octo-org/hello-world/pulls/1 is outside the API prefix "/api/v3" (wrong baseUrl?)',
    ])
  })
})

describe('graphql', () => {
  const repo = { owner: 'octo-org', name: 'hello-world' }
  const BASE = fakeSha('base:1')
  const HEAD = fakeSha('head:1')
  const ELF = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff])
  const baseFiles = {
    'README.md': '# demo\n',
    'bin/tool': ELF,
    'units/a.service': '[Service]\nExecStart=/bin/a\n',
    'units/b.service': { content: '#!/bin/sh\n', mode: '100755' as const },
    'units/masked.service': symlink('/dev/null'),
    'units/alias.service': symlink('a.service'),
    'units/drop/a.service.d/override.conf': '[Service]\nUser=nobody\n',
    'vendor/lib.service': '[Service]\n',
  }
  const headFiles = { ...baseFiles, 'units/a.service': '[Service]\nExecStart=/bin/a --changed\n' }
  const seeded = () => start({ pulls: [{ number: 1 }], contents: { [BASE]: baseFiles, [HEAD]: headFiles } })

  // The shape the action sends: aliases and variables, many objects per request.
  const OBJECTS = `query($owner: String!, $name: String!, $o0: GitObjectID!, $o1: GitObjectID!) {
  repository(owner: $owner, name: $name) {
    o0: object(oid: $o0) { __typename oid ... on Commit { tree { oid } } ... on Tree { entries { name nameRaw type mode oid object { ... on Blob { byteSize } } } } ... on Blob { byteSize isBinary isTruncated text } }
    o1: object(oid: $o1) { __typename oid ... on Commit { tree { oid } } ... on Tree { entries { name nameRaw type mode oid object { ... on Blob { byteSize } } } } ... on Blob { byteSize isBinary isTruncated text } }
  }
}`
  interface Entry {
    name: string
    nameRaw: string
    type: 'blob' | 'tree'
    mode: number
    oid: string
    object: { byteSize?: number }
  }
  interface GitObject {
    __typename: 'Commit' | 'Tree' | 'Blob'
    oid: string
    tree?: { oid: string }
    entries?: Entry[]
    byteSize?: number
    isBinary?: boolean | null
    isTruncated?: boolean
    text?: string | null
  }
  type Objects = { repository: { o0: GitObject | null; o1: GitObject | null } }

  async function objects(server: GitHubServer, o0: string, o1: string): Promise<[GitObject | null, GitObject | null]> {
    const res = await octokitFor(server).graphql<Objects>(OBJECTS, { ...repo, o0, o1 })
    return [res.repository.o0, res.repository.o1]
  }
  const listing = (tree: GitObject | null) => tree!.entries!.map((e) => `${e.type} ${e.mode.toString(8)} ${e.name}`)
  const entry = (tree: GitObject | null, name: string) => tree!.entries!.find((e) => e.name === name)!

  it('builds the official schema once per process', () => {
    const { schema, stats } = loadGitHubGraphQLSchema()
    expect(loadGitHubGraphQLSchema().schema).toBe(schema)
    expect(stats.schemaVersion).toBe('15.26.1')
    expect(schema.getType('TreeEntry')).toBeDefined()
    console.info(
      `[github-graphql] schema ${stats.schemaVersion} built in ${stats.buildMs.toFixed(0)} ms; ` +
        `duplicate fields dropped: ${stats.duplicateFields.join(', ') || 'none'}`,
    )
  })

  it("answers the action's query: a commit's root tree, its entries with modes, and a blob", async () => {
    const server = await seeded()
    const [commit, readme] = await objects(server, HEAD, gitBlobSha('# demo\n'))
    expect(commit).toMatchObject({
      __typename: 'Commit',
      oid: HEAD,
      tree: { oid: expect.stringMatching(/^[0-9a-f]{40}$/) },
    })
    expect(readme).toEqual({
      __typename: 'Blob',
      oid: gitBlobSha('# demo\n'),
      byteSize: 7,
      isBinary: false,
      isTruncated: false,
      text: '# demo\n',
    })
    expect(server.count('graphql')).toBe(1)

    const [root, units] = await objects(server, commit!.tree!.oid, fakeSha('nothing'))
    expect(units).toBeNull()
    expect(root!.__typename).toBe('Tree')
    expect(listing(root)).toEqual(['blob 100644 README.md', 'tree 40000 bin', 'tree 40000 units', 'tree 40000 vendor'])
    expect(entry(root, 'README.md')).toEqual({
      name: 'README.md',
      nameRaw: Buffer.from('README.md').toString('base64'),
      type: 'blob',
      mode: 33188,
      oid: gitBlobSha('# demo\n'),
      object: { byteSize: 7 },
    })
    expect(entry(root, 'units')).toMatchObject({ mode: 16384, object: {} })

    const [unitsTree] = await objects(server, entry(root, 'units').oid, HEAD)
    expect(listing(unitsTree)).toEqual([
      'blob 100644 a.service',
      'blob 120000 alias.service',
      'blob 100755 b.service',
      'tree 40000 drop',
      'blob 120000 masked.service',
    ])
    expect(unitsTree!.entries!.map((e) => e.mode)).toEqual([33188, 40960, 33261, 16384, 40960])
    expect(server.count('graphql')).toBe(3)
    expect(server.requestsFor('graphql').map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /graphql 200',
      'POST /graphql 200',
      'POST /graphql 200',
    ])
  })

  it('finds a subdirectory by oid and by expression, with paths from where it was reached', async () => {
    const server = await seeded()
    const octokit = octokitFor(server)
    const query = `query($owner: String!, $name: String!, $expr: String!, $oid: GitObjectID!) {
      repository(owner: $owner, name: $name) {
        byExpression: object(expression: $expr) { oid ... on Tree { entries { name path pathRaw } } }
        byOid: object(oid: $oid) { oid ... on Tree { entries { name path } } }
      }
    }`
    type Found = { oid: string; entries: { name: string; path: string; pathRaw?: string }[] }
    const first = await octokit.graphql<{ repository: { byExpression: Found; byOid: Found | null } }>(query, {
      ...repo,
      expr: `${HEAD}:units/drop`,
      oid: HEAD,
    })
    const drop = first.repository.byExpression
    expect(drop.entries).toEqual([
      {
        name: 'a.service.d',
        path: 'units/drop/a.service.d',
        pathRaw: Buffer.from('units/drop/a.service.d').toString('base64'),
      },
    ])
    const second = await octokit.graphql<{ repository: { byExpression: Found; byOid: Found } }>(query, {
      ...repo,
      expr: 'pr-1:units/drop/',
      oid: drop.oid,
    })
    // A ref names the same snapshot; a tree named by oid does not know where it sits.
    expect(second.repository.byExpression.oid).toBe(drop.oid)
    expect(second.repository.byOid).toEqual({ oid: drop.oid, entries: [{ name: 'a.service.d', path: 'a.service.d' }] })
    const nested = await octokit.graphql<{ repository: { object: { entries: { object: Found }[] } } }>(
      `query { repository(owner: "octo-org", name: "hello-world") {
        object(expression: "${BASE}:units") { ... on Tree { entries { object { ... on Tree { oid entries { path } } } } } }
      } }`,
    )
    expect(nested.repository.object.entries.find((e) => e.object.oid === drop.oid)!.object.entries).toEqual([
      { path: 'units/drop/a.service.d' },
    ])
  })

  it('does not follow symbolic links: the entry has mode 120000 and its blob holds the target', async () => {
    const server = await seeded()
    const res = await octokitFor(server).graphql<{
      repository: { link: GitObject; masked: GitObject; viaLink: GitObject | null; commit: GitObject }
    }>(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {
        link: object(expression: "${HEAD}:units/alias.service") { __typename oid ... on Blob { text byteSize } }
        masked: object(expression: "${HEAD}:units/masked.service") { ... on Blob { text } }
        viaLink: object(expression: "${HEAD}:units/alias.service/x") { oid }
        commit: object(expression: "pr-1") { __typename oid }
      } }`,
      repo,
    )
    expect(res.repository.link).toEqual({
      __typename: 'Blob',
      oid: gitBlobSha('a.service'),
      text: 'a.service',
      byteSize: 9,
    })
    expect(res.repository.masked).toEqual({ text: '/dev/null' })
    expect(res.repository.viaLink).toBeNull()
    expect(res.repository.commit).toEqual({ __typename: 'Commit', oid: HEAD })
    const [, link] = await objects(server, HEAD, gitBlobSha('a.service'))
    expect(link).toMatchObject({ __typename: 'Blob', text: 'a.service' })
  })

  it('serves a binary blob without text', async () => {
    const server = await seeded()
    const [tool] = await objects(server, gitBlobSha(ELF), HEAD)
    expect(tool).toEqual({
      __typename: 'Blob',
      oid: gitBlobSha(ELF),
      byteSize: ELF.length,
      isBinary: true,
      isTruncated: false,
      text: null,
    })
  })

  it('gives equal subtrees of two refs one oid, and a changed one a new oid', async () => {
    const server = await seeded()
    const [base, head] = await objects(server, BASE, HEAD)
    const [baseRoot, headRoot] = await objects(server, base!.tree!.oid, head!.tree!.oid)
    expect(baseRoot!.oid).not.toBe(headRoot!.oid)
    expect(entry(baseRoot, 'vendor').oid).toBe(entry(headRoot, 'vendor').oid)
    expect(entry(baseRoot, 'bin').oid).toBe(entry(headRoot, 'bin').oid)
    expect(entry(baseRoot, 'units').oid).not.toBe(entry(headRoot, 'units').oid)
    const [baseUnits, headUnits] = await objects(server, entry(baseRoot, 'units').oid, entry(headRoot, 'units').oid)
    expect(entry(baseUnits, 'drop').oid).toBe(entry(headUnits, 'drop').oid)
    expect(entry(baseUnits, 'a.service').oid).not.toBe(entry(headUnits, 'a.service').oid)

    // setFile re-indexes: the changed subtree gets the old oid back.
    server.state.setFile(HEAD, 'units/a.service', baseFiles['units/a.service'])
    const [again] = await objects(server, HEAD, HEAD)
    expect(again!.tree!.oid).toBe(base!.tree!.oid)
  })

  it("hashes trees as git does (compared with a real repository's)", async () => {
    const files: Record<string, string | Uint8Array> = {
      'a.b': 'dot\n',
      'a/x': 'in a\n',
      'a-b': 'dash\n',
      a0: 'zero\n',
      'ab/c/d.service': '[Service]\n',
      'run.sh': '#!/bin/sh\n',
      'é.conf': 'non-ASCII name\n',
      'bin/blob': ELF,
    }
    const git = makeRepo()
    try {
      git.write({ ...files, 'a/link': { link: '../a.b' } })
      chmodSync(join(git.dir, 'run.sh'), 0o755)
      const sha = git.commit({})
      const server = await start({
        contents: {
          [sha]: { ...files, 'a/link': symlink('../a.b'), 'run.sh': { content: '#!/bin/sh\n', mode: '100755' } },
        },
      })
      const res = await octokitFor(server).graphql<{
        repository: {
          root: { oid: string }
          a: { oid: string }
          ab: { oid: string }
          commit: { tree: { oid: string } }
        }
      }>(
        `query($owner: String!, $name: String!, $sha: GitObjectID!) { repository(owner: $owner, name: $name) {
          root: object(expression: "${sha}:") { oid }
          a: object(expression: "${sha}:a") { oid }
          ab: object(expression: "${sha}:ab") { oid }
          commit: object(oid: $sha) { ... on Commit { tree { oid } } }
        } }`,
        { ...repo, sha },
      )
      expect(res.repository.root.oid).toBe(git.git('rev-parse', 'HEAD^{tree}'))
      expect(res.repository.commit.tree.oid).toBe(git.git('rev-parse', 'HEAD^{tree}'))
      expect(res.repository.a.oid).toBe(git.git('rev-parse', 'HEAD:a'))
      expect(res.repository.ab.oid).toBe(git.git('rev-parse', 'HEAD:ab'))
    } finally {
      git.cleanup()
    }
  })

  it('indexes a tree of 100,000 files in one pass (well under a second)', () => {
    const files = new Map<string, { bytes: Buffer; mode: string }>()
    for (let i = 0; i < 100_000; i++) {
      const path = `units/d${String(i % 100).padStart(3, '0')}/s${String(Math.floor(i / 100)).padStart(4, '0')}.service`
      files.set(path, { bytes: Buffer.from(`[Service]\nExecStart=/bin/s${i}\n`), mode: '100644' })
    }
    const t0 = performance.now()
    const index = indexGitTree(files)
    const ms = performance.now() - t0
    console.info(`[github-graphql] indexed 100,000 files (${index.trees.size} trees) in ${ms.toFixed(0)} ms`)
    expect(index.blobs.size).toBe(100_000)
    expect(index.trees.size).toBe(102)
    // ≈ 0.5 s cold on a 2-vCPU runner, half of it Node's per-call cost of 100,000 SHA-1s; the
    // bound is loose so a busy machine does not fail it, and a walk per directory (quadratic)
    // would still blow it by far.
    expect(ms).toBeLessThan(1500)
  })

  it('answers null for an unknown oid, expression, ref or path', async () => {
    const server = await seeded()
    const res = await octokitFor(server).graphql<{ repository: Record<string, unknown> }>(
      `query { repository(owner: "octo-org", name: "hello-world") {
        oid: object(oid: "${fakeSha('unknown')}") { oid }
        short: object(oid: "abc") { oid }
        ref: object(expression: "no-such-branch:units") { oid }
        path: object(expression: "${HEAD}:units/none.service") { oid }
        underFile: object(expression: "${HEAD}:README.md/x") { oid }
      } }`,
    )
    expect(res.repository).toEqual({ oid: null, short: null, ref: null, path: null, underFile: null })
  })

  it('flags a query that does not validate, and answers it as GitHub does: 200 with errors', async () => {
    const server = await seeded()
    const err = await octokitFor(server)
      .graphql(`query { repository(owner: "octo-org", name: "hello-world") { nope } }`)
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      name: 'GraphqlResponseError',
      errors: [
        {
          message: 'Cannot query field "nope" on type "Repository". Did you mean "name"?',
          locations: [{ line: 1, column: 62 }],
        },
      ],
    })
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query { repository(owner: "o" { id } }' }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/^Syntax Error/) }] })
    expect(server.clearViolations().map((v) => `${v.where}: ${v.message}`)).toEqual([
      'request: query: Cannot query field "nope" on type "Repository". Did you mean "name"?',
      'request: query: Syntax Error: Expected Name, found "{".',
    ])
  })

  it('requires variables to coerce to their declared types', async () => {
    const server = await seeded()
    const octokit = octokitFor(server)
    const missing = await octokit.graphql(OBJECTS, { ...repo, o0: HEAD }).catch((e: unknown) => e)
    expect(missing).toMatchObject({
      name: 'GraphqlResponseError',
      errors: [{ message: 'Variable "$o1" of required type "GitObjectID!" was not provided.' }],
    })
    await octokit.graphql(OBJECTS, { ...repo, owner: 5, o0: HEAD, o1: HEAD }).catch((e: unknown) => e)
    expect(server.clearViolations().map((v) => `${v.where}: ${v.message}`)).toEqual([
      'request: variables: Variable "$o1" of required type "GitObjectID!" was not provided.',
      'request: variables: Variable "$owner" got invalid value 5; String cannot represent a non string value: 5',
    ])
  })

  it('answers another repository with null and a NOT_FOUND error, as GitHub does', async () => {
    const server = await seeded()
    const err = await octokitFor(server)
      .graphql(OBJECTS, { owner: 'octo-org', name: 'other', o0: HEAD, o1: HEAD })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      name: 'GraphqlResponseError',
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [{ line: 2, column: 3 }],
          message: "Could not resolve to a Repository with the name 'octo-org/other'.",
        },
      ],
    })
    expect(server.violations).toEqual([])
  })

  it('flags fields the fake does not implement when GitHub would never answer null', async () => {
    const server = await seeded()
    const octokit = octokitFor(server)
    // A nullable field it does not implement is null.
    const res = await octokit.graphql<{ repository: { object: { entries: { lineCount: number | null }[] } } }>(
      `query { repository(owner: "octo-org", name: "hello-world") {
        object(expression: "${HEAD}:") { ... on Tree { entries { lineCount } } }
      } }`,
    )
    expect(res.repository.object.entries[0]).toEqual({ lineCount: null })
    const message = await octokit
      .graphql(
        `query { repository(owner: "octo-org", name: "hello-world") {
        object(oid: "${HEAD}") { ... on Commit { message } } } }`,
      )
      .catch((e: unknown) => e)
    expect(message).toMatchObject({
      name: 'GraphqlResponseError',
      data: { repository: { object: null } },
      errors: [
        { path: ['repository', 'object', 'message'], message: 'the fake GitHub does not implement Commit.message' },
      ],
    })
    // A top-level field it does not implement is an error even where nullable.
    await octokit.graphql(`query { rateLimit { remaining } }`).catch((e: unknown) => e)
    expect(server.clearViolations().map((v) => `${v.where}: ${v.message}`)).toEqual([
      'fake: the fake GitHub does not implement Commit.message',
      'fake: the fake GitHub does not implement Query.rateLimit',
    ])
  })

  it('checks authentication and the request body like the REST side', async () => {
    const server = await seeded()
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers, body })
    const json = { ...AUTH, 'content-type': 'application/json' }
    const anonymous = await post(
      { 'user-agent': 't', 'content-type': 'application/json' },
      '{"query":"{ __typename }"}',
    )
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ message: 'This endpoint requires you to be authenticated.' })
    expect((await post({ ...json, authorization: 'token wrong' }, '{"query":"{ __typename }"}')).status).toBe(401)
    expect((await post(json, '{"query": ')).status).toBe(400)
    expect(await (await post(json, '{"variables": {}}')).json()).toEqual({
      errors: [{ message: 'A query attribute must be specified and must be a string.' }],
    })
    expect(await (await post(json, '{"query": "{ __typename }", "extra": 1}')).json()).toEqual({
      data: { __typename: 'Query' },
    })
    expect((await fetch(`${server.url}/graphql`, { headers: AUTH })).status).toBe(404)
    expect(server.clearViolations().map((v) => `${v.where}: ${v.message}`)).toEqual([
      'request: header authorization: missing (the action must authenticate)',
      'request: request body: not valid JSON',
      'request: request body: query is missing or not a string',
      'request: request body: extra is none of query, variables, operationName',
      "route: GET /graphql: GitHub's GraphQL endpoint takes POST",
    ])
  })

  it('injects faults as GitHub answers them, and the retry and throttling plugins recover', async () => {
    const server = await seeded()
    const seen: string[] = []
    const octokit = octokitFor(server, { onLimit: (kind) => seen.push(kind) })
    const ask = () => octokit.graphql<Objects>(OBJECTS, { ...repo, o0: HEAD, o1: BASE })

    const bad = server.fail('graphql', 502)
    expect((await ask()).repository.o0!.oid).toBe(HEAD)
    expect(bad.hits).toBe(1)
    expect(server.requestsFor('graphql').map((r) => `${r.status} ${r.fault ?? ''}`)).toEqual(['502 502', '200 '])

    server.fail('graphql', 'rate-limit', { retryAfter: 0 })
    await ask()
    const limited = server.requestsFor('graphql')[2]!
    expect(limited.status).toBe(200)
    expect(limited.responseHeaders['x-ratelimit-remaining']).toBe('0')
    expect(limited.responseBody).toMatchObject({ errors: [{ type: 'RATE_LIMITED' }] })

    server.fail('graphql', 'secondary-rate-limit', { retryAfter: 1 })
    await ask()
    expect(seen).toEqual(['primary', 'secondary'])

    server.fail('graphql', 'integration-forbidden')
    const forbidden = await ask().catch((e: unknown) => e)
    expect(forbidden).toMatchObject({
      errors: [{ type: 'FORBIDDEN', path: ['repository'], message: 'Resource not accessible by integration' }],
    })
    expect(server.count('graphql')).toBe(7)

    expect(() => server.fail('graphql', 404)).toThrow(/GraphQL endpoint does not answer 404/)
    // A fault for every route passes GraphQL by when GraphQL could not answer it so.
    server.fail('*', 404)
    await ask()
    expect(server.requestsFor('graphql').at(-1)!.status).toBe(200)
    server.fail('*', 500)
    await ask()
    expect(
      server
        .requestsFor('graphql')
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([500, 200])
    expect(server.count('graphql')).toBe(10)
    expect(server.count()).toBe(10)
  })

  it('posts to /api/graphql under a GHES /api/v3 prefix, as octokit does', async () => {
    const server = await start({ prefix: '/api/v3', contents: { [HEAD]: headFiles } })
    const [commit] = await objects(server, HEAD, HEAD)
    expect(commit!.oid).toBe(HEAD)
    expect(server.requests.map((r) => r.url)).toEqual(['/api/graphql'])
  })
})
