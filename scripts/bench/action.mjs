#!/usr/bin/env node
// Benchmark of the bundled action (dist/index.js) on a pull request that changes 300 unit files,
// against the local OpenAPI-validated GitHub API (test/support/github-server.ts, bundled here on
// the fly with esbuild). Reports the number of API requests and the wall time of the run.
import { build } from 'esbuild'
import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'sdx-bench-action-'))
const TOKEN = 'ghs_bench'
const git = (dir, ...args) =>
  execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@b.invalid',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@b.invalid',
    },
  }).trim()

try {
  // Inside the project, so the bundle's external packages resolve from node_modules.
  const serverModule = join(root, 'node_modules/.cache/systemd-exposure-bench/github-server.mjs')
  await build({
    entryPoints: [join(root, 'test/support/github-server.ts')],
    outfile: serverModule,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  })
  const { startGitHubServer } = await import(pathToFileURL(serverModule).href)

  // origin: 300 services, each hardened in base; the PR widens every one of them.
  const origin = join(work, 'origin')
  mkdirSync(origin)
  git(origin, 'init', '-q', '-b', 'main')
  const unit = (i, extra) =>
    `[Service]\nExecStart=/usr/bin/svc-${i}\nUser=svc${i}\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n${extra}`
  for (let i = 0; i < 300; i++) {
    mkdirSync(join(origin, `fleet/g${i % 10}`), { recursive: true })
    writeFileSync(join(origin, `fleet/g${i % 10}/svc-${i}.service`), unit(i, ''))
  }
  git(origin, 'add', '-A')
  git(origin, 'commit', '-q', '-m', 'base')
  const base = git(origin, 'rev-parse', 'HEAD')
  for (let i = 0; i < 300; i++)
    writeFileSync(
      join(origin, `fleet/g${i % 10}/svc-${i}.service`),
      unit(i, 'AmbientCapabilities=CAP_NET_BIND_SERVICE\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n'),
    )
  git(origin, 'commit', '-q', '-am', 'head')
  const head = git(origin, 'rev-parse', 'HEAD')
  const files = git(origin, 'diff', '--name-only', base, head)
    .split('\n')
    .map((filename) => ({ filename, status: 'modified' }))

  // The checkout: shallow, as actions/checkout makes it.
  const ws = join(work, 'ws')
  mkdirSync(ws)
  git(ws, 'init', '-q')
  git(ws, 'remote', 'add', 'origin', `file://${origin}`)
  git(ws, 'fetch', '-q', '--depth=1', 'origin', head)
  git(ws, 'checkout', '-q', '--detach', 'FETCH_HEAD')

  const gh = await startGitHubServer({
    owner: 'octo',
    repo: 'units',
    token: TOKEN,
    pulls: [{ number: 1, base: { sha: base }, head: { sha: head }, files }],
  })
  const event = join(work, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      number: 1,
      pull_request: {
        number: 1,
        base: { sha: base, repo: { full_name: 'octo/units' } },
        head: { sha: head, repo: { full_name: 'octo/units' } },
      },
    }),
  )
  writeFileSync(join(work, 'out'), '')
  writeFileSync(join(work, 'summary'), '')
  const env = {
    PATH: process.env.PATH,
    HOME: work,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_OUTPUT: join(work, 'out'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: 'octo/units',
    GITHUB_API_URL: gh.url,
    RUNNER_TEMP: work,
    'INPUT_GITHUB-TOKEN': TOKEN,
    INPUT_COMMENT: process.env.BENCH_COMMENT ?? 'update',
  }
  // Warm the server up (it loads and compiles GitHub's OpenAPI description on first use), so the
  // time measured is the action's.
  for (const path of ['pulls/1/files?per_page=1', 'issues/1/comments?per_page=1']) {
    await fetch(`${gh.url}/repos/octo/units/${path}`, {
      headers: {
        authorization: `token ${TOKEN}`,
        accept: 'application/vnd.github+json',
        'user-agent': 'bench',
        'x-github-api-version': '2022-11-28',
      },
    })
  }
  const warmup = gh.requests.length
  const started = process.hrtime.bigint()
  const code = await new Promise((done) =>
    execFile(
      process.execPath,
      [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof4'] : []), join(root, 'dist/index.js')],
      { cwd: ws, env, maxBuffer: 1 << 28 },
      (e) => done(e ? e.code : 0),
    ),
  )
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  const requests = gh.requests.slice(warmup)
  const byRoute = {}
  for (const r of requests) byRoute[r.operation ?? r.url] = (byRoute[r.operation ?? r.url] ?? 0) + 1
  console.log(`action: PR with ${files.length} changed unit files, exit ${code}`)
  console.log(
    `  ${requests.length} API requests (${Object.entries(byRoute)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), wall ${wall.toFixed(0)} ms`,
  )
  gh.assertNoViolations()
  await gh.close()
} finally {
  rmSync(work, { recursive: true, force: true })
}
