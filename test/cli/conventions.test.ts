/** CLI conventions: directories as arguments, warnings per unit, the staged change, errors that name the fix. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { SKIPPED_DIRECTORIES, unitArguments } from '../../src/cli/unit-args.js'
import { DEFAULT_FILTER } from '../../src/diff/affected.js'
import { memorySource } from '../../src/unit/source.js'
import { cli } from '../helpers/cli.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

const dir = mkdtempSync(join(tmpdir(), 'sdx-conventions-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}

const SERVICE = '[Service]\nExecStart=/usr/bin/daemon\n'

describe('a directory given to score and recommend', () => {
  it('stands for the unit files under it, in name order, without drop-ins, aliases or vendored code', async () => {
    write({
      'tree/b/web.service': SERVICE,
      'tree/a/db.service': SERVICE,
      'tree/a/db.socket': '[Socket]\nListenStream=5432\n',
      'tree/a/db.timer': '[Timer]\nOnCalendar=daily\n',
      'tree/a/db.service.d/harden.conf': '[Service]\nPrivateTmp=yes\n',
      'tree/a/multi-user.target.wants/db.service': SERVICE,
      'tree/a/notes.txt': 'not a unit',
      'tree/node_modules/pkg/evil.service': SERVICE,
      'tree/vendor/x.service': SERVICE,
      'tree/Godeps/_workspace/src/y.service': SERVICE,
    })
    symlinkSync('db.service', join(dir, 'tree/a/database.service'))
    const r = await cli(['score', '--format', 'json', join(dir, 'tree')])
    expect(r.stderr).toBe('')
    const paths = (JSON.parse(r.stdout) as { path: string }[]).map((u) => u.path.slice(dir.length + 1))
    expect(paths).toEqual(['tree/a/db.service', 'tree/a/db.socket', 'tree/b/web.service'])
    const recommend = await cli(['recommend', '--format', 'json', join(dir, 'tree/b')])
    expect(recommend.code).toBe(0)
    expect(recommend.stdout).toContain('web.service')
  })

  it('without unit files is an error naming the directory', async () => {
    write({ 'empty/README': 'nothing here' })
    const r = await cli(['score', join(dir, 'empty')])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      `${join(dir, 'empty')}: no unit files under this directory (services, sockets, mounts and swaps named like units, outside drop-in directories)\n`,
    )
  })

  it('walks each directory once: links to an ancestor, to / or out of it are not followed', async () => {
    write({ 'linked/units/web.service': SERVICE, 'linked/other/db.service': SERVICE })
    symlinkSync('..', join(dir, 'linked/units/up'))
    symlinkSync('/', join(dir, 'linked/units/root'))
    symlinkSync('../other', join(dir, 'linked/units/other'))
    symlinkSync('../../..', join(dir, 'linked/units/out'))
    const r = await cli(['score', '--format', 'json', join(dir, 'linked')])
    expect(r.stderr).toBe('')
    const paths = (JSON.parse(r.stdout) as { path: string }[]).map((u) => u.path.slice(dir.length + 1))
    expect(paths).toEqual(['linked/other/db.service', 'linked/units/web.service'])
  })

  it('walks a directory given as ./DIR once, when a link leads back to it', () => {
    const source = memorySource({ 'tree/a/up': { link: '..' }, 'tree/a/web.service': SERVICE })
    expect(unitArguments(source, ['./tree']).paths).toEqual(['./tree/a/web.service'])
  })

  it('follows a link to a directory under it that the walk has not reached', () => {
    const source = memorySource({
      'tree/a/link': { link: '../z/units' },
      'tree/z/units/web.service': SERVICE,
    })
    expect(unitArguments(source, ['tree'])).toEqual({ paths: ['tree/z/units/web.service'], problems: [] })
  })

  it('gives up on a directory too large to hold only units, naming it', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 30; i++) files[`big/d${i}/f${i}.txt`] = ''
    files['big/units/web.service'] = SERVICE
    const source = memorySource(files)
    expect(unitArguments(source, ['big'], 40)).toEqual({
      paths: [],
      problems: [
        'big: more than 40 entries under this directory; name the directory that holds the units, or the unit files',
      ],
    })
    expect(unitArguments(source, ['big'], 100).paths).toEqual(['big/units/web.service'])
  })

  it('a unit path ending in / is what systemd-analyze makes of it: refused by 252, a bare name after', async () => {
    write({ 'slash/x.service': SERVICE })
    const path = `${join(dir, 'slash/x.service')}/`
    // As the real systemd-analyze of each version prints them.
    const printed: Record<string, string> = {
      '252': `Failed to prepare filename ${path}: Invalid argument\n`,
      '254': 'Unit x.service not found.\n',
      '262': 'Unit x.service not found.\n',
    }
    for (const [version, stderr] of Object.entries(printed)) {
      const r = await cli(['score', '--systemd-version', version, path])
      expect([r.code, r.stderr]).toEqual([1, stderr])
    }
  })

  it('skips what the diff skips by default', () => {
    expect(DEFAULT_FILTER.exclude).toEqual(
      SKIPPED_DIRECTORIES.map((d) => `**/${d}/**`).sort(
        (a, b) => DEFAULT_FILTER.exclude.indexOf(a) - DEFAULT_FILTER.exclude.indexOf(b),
      ),
    )
  })
})

describe('score warnings', () => {
  it("come before each unit's report on a terminal, not all at the end", async () => {
    write({ 'warn/a.service': `${SERVICE}Bogus=1\n`, 'warn/b.service': `${SERVICE}Other=1\n` })
    const lines: string[] = []
    const { runCli } = await import('../../src/cli/main.js')
    const { fileSystemSource } = await import('../../src/unit/fs-source.js')
    const utf8 = new TextDecoder()
    await runCli(['score', join(dir, 'warn/a.service'), join(dir, 'warn/b.service')], {
      stdout: (t) =>
        lines.push(
          `out:${(typeof t === 'string' ? t : utf8.decode(t)).includes('Overall exposure level for a.service') ? 'a' : 'b'}`,
        ),
      stderr: (t) => lines.push(`err:${t.includes('Bogus') ? 'a' : 'b'}`),
      readTextFile: () => '',
      source: fileSystemSource(),
      env: {},
      cwd: dir,
      terminal: { stdout: true, stderr: true },
    })
    expect(lines).toEqual(['err:a', 'out:a', 'err:b', 'out:b'])
  })
})

describe('diff', () => {
  let repo: TestRepo
  afterEach(() => repo.cleanup())

  it('--staged reviews the index against HEAD, not the work tree', async () => {
    repo = makeRepo()
    repo.commit({ 'units/web.service': `${SERVICE}CapabilityBoundingSet=\n` })
    repo.write({ 'units/web.service': `${SERVICE}AmbientCapabilities=CAP_NET_RAW\n` })
    repo.git('add', 'units/web.service')
    // Unstaged edits and untracked files are not part of the commit being made.
    repo.write({
      'units/web.service': `${SERVICE}CapabilityBoundingSet=\n`,
      'units/new.service': `${SERVICE}AmbientCapabilities=CAP_SYS_ADMIN\n`,
    })
    const staged = await cli(['diff', '--staged', '--format', 'json'], { cwd: repo.dir })
    expect(staged.code).toBe(1)
    expect(staged.stdout).toContain('CAP_NET_RAW')
    expect(staged.stdout).not.toContain('new.service')
    // Nothing was committed or staged by the review.
    expect(repo.git('status', '--porcelain')).toBe('MM units/web.service\n?? units/new.service')
    expect((await cli(['diff', '--staged', '--head', 'HEAD'], { cwd: repo.dir })).code).toBe(2)
  })

  it('a --base or --head that names no commit says so and what it takes', async () => {
    repo = makeRepo()
    repo.commit({ 'a.service': SERVICE })
    const r = await cli(['diff', '--base', 'mian'], { cwd: repo.dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^systemd-exposure: --base mian: no such commit in .+ \(give a branch, tag or commit id, e\.g\. --base main or --base HEAD~1; a remote branch needs 'git fetch' first\)\n$/,
    )
    expect((await cli(['diff', '--base', 'HEAD', '--head', 'nope'], { cwd: repo.dir })).stderr).toMatch(
      /^systemd-exposure: --head nope: no such commit/,
    )
  })

  it('outside a git repository says how to name one, naming --repo when it was given', async () => {
    repo = makeRepo()
    const outside = join(dir, 'no-repo')
    mkdirSync(outside, { recursive: true })
    expect(await cli(['diff'], { cwd: outside })).toMatchObject({
      code: 2,
      stderr: `systemd-exposure: ${outside} is not inside a git repository (run diff in one, or pass --repo DIR)\n`,
    })
    expect(await cli(['diff', '--repo', outside], { cwd: repo.dir })).toMatchObject({
      code: 2,
      stderr: `systemd-exposure: --repo ${outside}: not a directory inside a git repository (give the path of a clone or one of its directories)\n`,
    })
  })
})
