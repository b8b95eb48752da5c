/**
 * The npm package as a user gets it: `npm pack`, the tarball installed into an empty directory
 * with an empty cache and no network (it must need nothing but itself), and its bin run on real
 * files and a real git repository. Runs the committed dist/ (npm run bundle after changing src/).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

const ROOT = new URL('../../', import.meta.url).pathname
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
const dir = mkdtempSync(join(tmpdir(), 'sdx-package-'))
const app = join(dir, 'app')
const bin = join(app, 'node_modules', '.bin', 'systemd-exposure')
// npm run by `npm test` passes its own settings down as npm_config_*: the install must not see them.
const env = { PATH: process.env['PATH'] ?? '', HOME: dir }
let files: string[] = []
let repo: TestRepo

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { cwd, env, encoding: 'utf8' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as [
    { filename: string; files: { path: string }[] },
  ]
  files = packed[0].files.map((f) => f.path).sort()
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true}\n')
  npm(
    ['install', '--offline', '--no-audit', '--no-fund', '--cache', join(dir, 'cache'), join(dir, packed[0].filename)],
    app,
  )
  repo = makeRepo()
}, 120_000)
afterAll(() => {
  repo?.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

const UNIT = '[Service]\nExecStart=/usr/bin/web\nDynamicUser=yes\nCapabilityBoundingSet=\n'
const WIDENED =
  '[Service]\nExecStart=/usr/bin/web\nDynamicUser=yes\nCapabilityBoundingSet=CAP_NET_RAW\nAmbientCapabilities=CAP_NET_RAW\n'

describe('the npm package', () => {
  it('ships only what runs: the bin, its bundle and the documents', () => {
    expect(files).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'SECURITY.md',
      'dist/cli.cjs',
      'dist/cli.js',
      'package.json',
    ])
  })

  it('installs from the tarball alone and runs --version and help', () => {
    expect(run(['--version'], app)).toMatchObject({ code: 0, stdout: `${PACKAGE.version}\n` })
    expect(run(['help'], app).stdout).toContain('Usage: systemd-exposure COMMAND')
  })

  it('runs score and recommend on unit files', () => {
    const unit = join(dir, 'web.service')
    writeFileSync(unit, UNIT)
    const score = run(['score', '--format', 'json', unit], app)
    expect(score.code).toBe(0)
    expect(JSON.parse(score.stdout)).toMatchObject([{ unit: 'web.service', verdict: expect.any(String) }])
    const recommend = run(['recommend', unit], app)
    expect(recommend.code).toBe(0)
    expect(recommend.stdout).toContain('web.service')
  })

  it('runs diff in a git repository, failing the widening', () => {
    const base = repo.commit({ 'units/web.service': UNIT })
    repo.commit({ 'units/web.service': WIDENED })
    const diff = run(['diff', '--base', base, '--head', 'HEAD', '--format', 'json'], repo.dir)
    expect(diff.code).toBe(1)
    expect(JSON.parse(diff.stdout)).toMatchObject({ verdict: 'fail' })
    expect(diff.stdout).toContain('CAP_NET_RAW')
  })

  it("runs the pre-commit hook's command on a staged change", () => {
    const entry = /^ {2}entry: systemd-exposure (.*)$/m
      .exec(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'))![1]!
      .split(' ')
    repo.commit({ 'units/web.service': UNIT })
    repo.write({ 'units/web.service': WIDENED })
    expect(run(entry, repo.dir).code).toBe(0) // nothing staged yet
    repo.git('add', 'units/web.service')
    const hook = run(entry, repo.dir)
    expect(hook.code).toBe(1)
    expect(hook.stdout).toContain('CAP\\_NET\\_RAW')
  })
})
