#!/usr/bin/env node
// Benchmark of cost against repository size: generated monorepos of 100, 10,000 and 100,000
// files (one unit per 30 files, a drop-in for every fourth, an alias link for every hundredth)
// where a pull request changes one unit. For each size, against a local bare remote (file://,
// git's protocol v2, uploadpack.allowFilter as on GitHub):
//   - the CLI's `diff` of base and head in a full clone (objects packed, as a clone has them);
//   - the bundled action on a shallow checkout of GitHub's merge commit (actions/checkout's
//     default): bytes it fetches (GIT_TRACE_PACKFILE) and wall time;
//   - the bundled action without a checkout (API-only mode) against the local OpenAPI-validated
//     GitHub API: requests and wall time.
// BENCH_SIZES=100,10000 picks sizes. Prints a table; the README's speed section quotes it.
import { build } from 'esbuild'
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '../..')
const SIZES = (process.env.BENCH_SIZES ?? '100,10000,100000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const TOKEN = 'ghs_bench'
const ident = {
  GIT_AUTHOR_NAME: 'b',
  GIT_AUTHOR_EMAIL: 'b@b.invalid',
  GIT_COMMITTER_NAME: 'b',
  GIT_COMMITTER_EMAIL: 'b@b.invalid',
}
const git = (dir, args, input) =>
  execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    input,
    env: { ...process.env, ...ident },
    stdio: ['pipe', 'pipe', 'pipe'],
  }).trim()

const unit = (u, extra = '') =>
  `[Unit]\nDescription=Service ${u}\n\n[Service]\nExecStart=/usr/bin/svc-${u}\nUser=svc${u}\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n${extra}`

/** The files of the base commit: path → content or { link }. */
function monorepo(files) {
  const out = new Map()
  const units = Math.max(1, Math.round(files / 30))
  for (let u = 0; u < units && out.size < files; u++) {
    const dir = `services/team${u % 50}/svc${u}`
    out.set(`${dir}/svc${u}.service`, unit(u))
    if (u % 4 === 0) out.set(`${dir}/svc${u}.service.d/10-limits.conf`, '[Service]\nLimitNOFILE=65536\n')
    if (u % 100 === 0) out.set(`${dir}/svc${u}-alias.service`, { link: `svc${u}.service` })
  }
  for (let k = 0; out.size < files; k++) {
    const u = k % units
    out.set(
      `services/team${u % 50}/svc${u}/src/file${k}.go`,
      `package svc${u}\n\n// file ${k}\nfunc F${k}() int { return ${k} }\n`,
    )
  }
  return out
}

/**
 * A bare origin: main's base commit, a feature branch changing one unit, main moved on (a
 * README), and GitHub's merge of the two as refs/pull/1/merge. Written by git fast-import.
 */
function makeOrigin(dir, files) {
  mkdirSync(dir)
  git(dir, ['init', '-q', '--bare', '-b', 'main'])
  git(dir, ['config', 'uploadpack.allowFilter', 'true'])
  const lines = []
  const data = (s) => {
    const b = Buffer.from(s)
    lines.push(`data ${b.length}\n`, b, '\n')
  }
  const commit = (ref, mark, message, from, merge, entries) => {
    lines.push(`commit ${ref}\nmark :${mark}\ncommitter b <b@b.invalid> 1700000000 +0000\n`)
    data(message)
    if (from) lines.push(`from :${from}\n`)
    if (merge) lines.push(`merge :${merge}\n`)
    for (const [path, content] of entries) {
      const isLink = typeof content === 'object'
      lines.push(`M ${isLink ? 120000 : 100644} inline ${path}\n`)
      data(isLink ? content.link : content)
    }
  }
  const base = monorepo(files)
  const changed = ['services/team0/svc0/svc0.service', unit(0, 'ProtectSystem=strict\n')]
  const readme = ['README.md', 'main moved on\n']
  commit('refs/heads/main', 1, 'base', null, null, base)
  commit('refs/heads/feature', 2, 'harden svc0', 1, null, [changed])
  commit('refs/heads/main', 3, 'main moves on', 1, null, [readme])
  commit('refs/pull/1/merge', 4, 'Merge feature into main', 3, 2, [changed])
  git(dir, ['fast-import', '--quiet'], Buffer.concat(lines.map((l) => (typeof l === 'string' ? Buffer.from(l) : l))))
  git(dir, ['repack', '-adq'])
  const rev = (r) => git(dir, ['rev-parse', r])
  return {
    mergeBase: rev('main~1'),
    base: rev('main'),
    head: rev('feature'),
    merge: rev('refs/pull/1/merge'),
    changedPath: changed[0],
  }
}

/** A shallow checkout of `sha` as actions/checkout makes it; answers the bytes it fetched. */
function shallowCheckout(ws, origin, sha) {
  mkdirSync(ws)
  git(ws, ['init', '-q'])
  git(ws, ['remote', 'add', 'origin', `file://${origin}`])
  const trace = `${ws}.pack`
  execFileSync('git', ['-C', ws, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', sha], {
    env: { ...process.env, GIT_TRACE_PACKFILE: trace },
  })
  git(ws, ['checkout', '-q', '--detach', 'FETCH_HEAD'])
  const bytes = existsSync(trace) ? statSync(trace).size : 0
  rmSync(trace, { force: true })
  return bytes
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const kib = (n) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KiB`

const work = mkdtempSync(join(tmpdir(), 'sdx-bench-mono-'))
const rows = []
try {
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

  for (const size of SIZES) {
    const dir = join(work, String(size))
    mkdirSync(dir)
    const origin = join(dir, 'origin.git')
    const c = makeOrigin(origin, size)

    // The CLI in a full clone.
    const clone = join(dir, 'clone')
    git(dir, ['clone', '-q', '--no-local', origin, clone])
    const cli = []
    for (let r = 0; r < RUNS; r++) {
      const t = process.hrtime.bigint()
      const out = spawnSync(
        process.execPath,
        [join(root, 'dist/cli.js'), 'diff', '--base', c.mergeBase, '--head', c.head, '--format', 'json'],
        { cwd: clone, encoding: 'utf8', maxBuffer: 1 << 30 },
      )
      cli.push(Number(process.hrtime.bigint() - t) / 1e6)
      const report = JSON.parse(out.stdout)
      if (report.services.length !== 1)
        throw new Error(`CLI diff at ${size} files: ${report.services.length} services, expected 1`)
    }

    // The GitHub API, seeded with the commits and their files.
    const diffFiles = [{ filename: c.changedPath, status: 'modified' }]
    const gh = await startGitHubServer({
      owner: 'octo',
      repo: 'units',
      token: TOKEN,
      pulls: [
        {
          number: 1,
          base: { sha: c.base },
          head: { sha: c.head },
          mergeBase: { sha: c.mergeBase, behindBy: 1 },
          files: diffFiles,
          mergeCommit: c.merge,
        },
      ],
    })
    gh.state.addCommit({ sha: c.mergeBase, message: 'base', parents: [] })
    gh.state.addCommit({ sha: c.head, message: 'head', parents: [c.mergeBase] })
    gh.state.addCommit({ sha: c.base, message: 'main moves on', parents: [c.mergeBase] })
    gh.state.addCommit({ sha: c.merge, message: 'merge', parents: [c.base, c.head] })
    for (const sha of [c.mergeBase, c.base, c.head, c.merge]) seedTree(gh, origin, sha)
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
    const event = join(dir, 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        number: 1,
        pull_request: {
          number: 1,
          merge_commit_sha: c.merge,
          base: { sha: c.base, ref: 'main', repo: { full_name: 'octo/units' } },
          head: { sha: c.head, repo: { full_name: 'octo/units' } },
        },
      }),
    )
    const runAction = async (ws, trace) => {
      writeFileSync(join(dir, 'out'), '')
      writeFileSync(join(dir, 'summary'), '')
      const env = {
        PATH: process.env.PATH,
        HOME: dir,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_SHA: c.merge,
        GITHUB_OUTPUT: join(dir, 'out'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        GITHUB_WORKSPACE: ws,
        GITHUB_REPOSITORY: 'octo/units',
        GITHUB_API_URL: gh.url,
        RUNNER_TEMP: dir,
        'INPUT_GITHUB-TOKEN': TOKEN,
        INPUT_COMMENT: 'off',
        ...(trace ? { GIT_TRACE_PACKFILE: trace } : {}),
      }
      const before = gh.requests.length
      const t = process.hrtime.bigint()
      const r = await new Promise((done) =>
        execFile(process.execPath, [join(root, 'dist/index.js')], { cwd: ws, env, maxBuffer: 1 << 28 }, (e, stdout) =>
          done({ code: e ? e.code : 0, stdout }),
        ),
      )
      const wall = Number(process.hrtime.bigint() - t) / 1e6
      const bytes = trace && existsSync(trace) ? statSync(trace).size : 0
      if (trace) rmSync(trace, { force: true })
      const error = /::error::(.*)/.exec(r.stdout)?.[1] ?? null
      // What GitHub would send: the bodies of the run's answers.
      const answered = gh.requests
        .slice(before)
        .reduce((n, q) => n + Buffer.byteLength(JSON.stringify(q.responseBody ?? '')), 0)
      return { wall, bytes, requests: gh.requests.length - before, answered, code: r.code, error }
    }

    // The action on a shallow checkout of the merge commit: a fresh checkout for each run.
    const checkout = []
    let checkoutBytes = 0
    for (let r = 0; r < RUNS; r++) {
      const ws = join(dir, `ws${r}`)
      checkoutBytes = shallowCheckout(ws, origin, c.merge)
      const m = await runAction(ws, join(dir, 'action.pack'))
      if (m.error) throw new Error(`action at ${size} files: ${m.error}`)
      checkout.push(m)
      rmSync(ws, { recursive: true, force: true })
    }

    // API-only mode: no checkout.
    const api = []
    const none = join(dir, 'none')
    mkdirSync(none)
    for (let r = 0; r < RUNS; r++) api.push(await runAction(none, null))
    gh.assertNoViolations()
    await gh.close()

    rows.push({ size, cli: median(cli), checkoutBytes, checkout, api })
    rmSync(dir, { recursive: true, force: true })
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

console.log('monorepo: one unit changed in a pull request (median of %d runs; a fresh shallow checkout each)', RUNS)
console.log(
  '| files | CLI diff | checkout (actions/checkout) | action: fetched | action: wall | API mode: requests | API mode: answers | API mode: wall |',
)
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const r of rows) {
  const apiError = r.api.find((m) => m.error)?.error
  const apiCells = apiError
    ? `fails: ${apiError.slice(0, 60)}… | — | — `
    : `${median(r.api.map((m) => m.requests))} | ${kib(median(r.api.map((m) => m.answered)))} | ${median(r.api.map((m) => m.wall)).toFixed(0)} ms`
  console.log(
    `| ${r.size.toLocaleString('en')} | ${r.cli.toFixed(0)} ms | ${kib(r.checkoutBytes)} | ${kib(median(r.checkout.map((m) => m.bytes)))} | ${median(r.checkout.map((m) => m.wall)).toFixed(0)} ms | ${apiCells} |`,
  )
}

if (rows.length > 1) {
  // The goal: one changed unit costs the same whatever the repository's size, within noise.
  const [small, large] = [rows[0], rows[rows.length - 1]]
  const wall = (r) => median(r.checkout.map((m) => m.wall))
  console.log(
    `\n${large.size.toLocaleString('en')} files against ${small.size.toLocaleString('en')}: CLI diff ${(large.cli / small.cli).toFixed(2)}×, the action's wall time ${(wall(large) / wall(small)).toFixed(2)}×, bytes it fetches ${(median(large.checkout.map((m) => m.bytes)) / median(small.checkout.map((m) => m.bytes))).toFixed(2)}×`,
  )
  const api = (r, key) => median(r.api.map((m) => m[key]))
  if (!large.api.some((m) => m.error) && !small.api.some((m) => m.error))
    console.log(
      `API-only mode: requests ${api(large, 'requests')} against ${api(small, 'requests')}, answers ${(api(large, 'answered') / api(small, 'answered')).toFixed(2)}×, wall time ${(api(large, 'wall') / api(small, 'wall')).toFixed(2)}×`,
    )
}

/** Every file of a commit into the API server (one ls-tree and one cat-file). */
function seedTree(gh, repoDir, sha) {
  const listed = git(repoDir, ['ls-tree', '-r', '-z', sha])
    .split('\0')
    .filter((e) => e !== '')
    .map((e) => {
      const tab = e.indexOf('\t')
      const [mode, , blob] = e.slice(0, tab).split(' ')
      return { mode, blob, path: e.slice(tab + 1) }
    })
  const out = execFileSync('git', ['-C', repoDir, 'cat-file', '--batch'], {
    input: listed.map((e) => e.blob).join('\n') + '\n',
    maxBuffer: 1 << 30,
  })
  let at = 0
  for (const { path, mode } of listed) {
    const nl = out.indexOf(0x0a, at)
    const size = Number(out.subarray(at, nl).toString().split(' ')[2])
    gh.state.setFile(sha, path, { content: out.subarray(nl + 1, nl + 1 + size), mode })
    at = nl + 1 + size + 1
  }
}
