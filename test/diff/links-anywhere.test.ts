/**
 * A diff of two commits reads only the directories a change involves, yet a symbolic link
 * anywhere in the repository that leads a unit to a changed file still makes that unit affected.
 * Each case is checked against the work tree as head too, whose side is built from every entry
 * of the checkout: both must find the same units.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import type { DiffReport } from '../../src/diff/report.js'
import { GitRepo } from '../../src/git/git.js'
import { makeRepo, type FileSpec, type TestRepo } from '../helpers/git-repo.js'

const repos: TestRepo[] = []
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()))

const UNIT = (extra = '') => `[Service]\nExecStart=/usr/bin/web\nDynamicUser=yes\n${extra}`

/** Directories of other services around, so that the touched ones are a few among many. */
function filler(): Record<string, FileSpec> {
  const out: Record<string, FileSpec> = {}
  for (let i = 0; i < 20; i++) {
    out[`services/s${i}/s${i}.service`] = UNIT()
    out[`services/s${i}/src/main.go`] = `package s${i}\n`
  }
  return out
}

/** `unit status widened-capabilities` of each service. */
function rows(r: DiffReport): string[] {
  return r.services
    .map((s) => `${s.unit} ${s.status} ${s.capabilities.widened.flatMap((w) => w.capabilities).join(',')}`)
    .sort()
}

/** The diff of base and head as commits, and with head checked out as the work tree: the same rows. */
function review(base: Record<string, FileSpec>, change: Record<string, FileSpec>): string[] {
  const repo = makeRepo()
  repos.push(repo)
  const b = repo.commit({ ...filler(), ...base }, 'base')
  const h = repo.commit(change, 'head')
  const git = new GitRepo(repo.dir)
  const run = (head: string | null): string[] => {
    const input = snapshotsFromGit(git, b, head)
    return rows(diffSnapshots(input.base, input.head, input.changes, { version: '252', gate: DEFAULT_GATE }))
  }
  const commits = run(h)
  expect(run(null), 'the work tree as head').toEqual(commits)
  return commits
}

describe('links outside the touched directories', () => {
  it('a link named like a unit, far from the file it leads to, makes its unit affected when that file changes', () => {
    expect(
      review(
        { 'deploy/prod/web.service': { link: '../../vendor/web/unit.conf' }, 'vendor/web/unit.conf': UNIT() },
        { 'vendor/web/unit.conf': UNIT('AmbientCapabilities=CAP_NET_ADMIN\n') },
      ),
    ).toEqual(['web.service modified CAP_NET_ADMIN'])
  })

  it('a chain of directory links leads a unit to the changed file', () => {
    expect(
      review(
        {
          'units/app.service': { link: '../deploy/current/app.unit' },
          'deploy/current': { link: '../releases/latest' },
          'releases/latest': { link: 'v2' },
          'releases/v2/app.unit': UNIT(),
        },
        { 'releases/v2/app.unit': UNIT('AmbientCapabilities=CAP_SYS_PTRACE\n') },
      ),
    ).toEqual(['app.service modified CAP_SYS_PTRACE'])
  })

  it('a link the change adds or removes is a unit added or removed', () => {
    const unchanged = { 'vendor/web/unit.conf': UNIT('AmbientCapabilities=CAP_NET_RAW\n') }
    expect(review(unchanged, { 'deploy/web.service': { link: '../vendor/web/unit.conf' } })).toEqual([
      'web.service added CAP_NET_RAW',
    ])
    expect(
      review(
        { ...unchanged, 'deploy/web.service': { link: '../vendor/web/unit.conf' } },
        { 'deploy/web.service': null },
      ),
    ).toEqual(['web.service removed '])
  })

  it('a drop-in directory that is a link brings the drop-ins it leads to', () => {
    expect(
      review(
        {
          'deploy/web.service': UNIT(),
          'deploy/web.service.d': { link: '../shared/web-dropins' },
          'shared/web-dropins/10-limits.conf': '[Service]\nLimitNOFILE=4096\n',
        },
        { 'shared/web-dropins/20-caps.conf': '[Service]\nAmbientCapabilities=CAP_NET_ADMIN\n' },
      ),
    ).toEqual(['web.service modified CAP_NET_ADMIN'])
  })

  it('a link that changes where a directory link leads is a change of the units under it', () => {
    expect(
      review(
        {
          'units/app.service': { link: '../deploy/current/app.unit' },
          'deploy/current': { link: '../releases/v1' },
          'releases/v1/app.unit': UNIT(),
          'releases/v2/app.unit': UNIT('AmbientCapabilities=CAP_SYS_ADMIN\n'),
        },
        { 'deploy/current': { link: '../releases/v2' } },
      ),
    ).toEqual(['app.service modified CAP_SYS_ADMIN'])
  })
})

describe('directories the change empties or replaces', () => {
  it('a unit whose whole directory is deleted is removed; a file where a directory was is read as a file', () => {
    expect(
      review(
        { 'old/web.service': UNIT(), 'old/web.service.d/10-caps.conf': '[Service]\nLimitNOFILE=1\n' },
        { 'old/web.service': null, 'old/web.service.d/10-caps.conf': null },
      ),
    ).toEqual(['web.service removed '])
    expect(
      review(
        { 'units/web.service/readme.txt': 'a directory named like a unit\n' },
        {
          'units/web.service/readme.txt': null,
          'units/web.service': UNIT('AmbientCapabilities=CAP_NET_ADMIN\n'),
        },
      ),
    ).toEqual(['web.service added CAP_NET_ADMIN'])
  })
})

describe('a second diff in the same repository', () => {
  it('takes its base layout from the first diff and the changes between them, and finds what a fresh one finds', () => {
    const repo = makeRepo()
    repos.push(repo)
    const b = repo.commit({ ...filler(), 'vendor/web/unit.conf': UNIT(), 'other/x/y.txt': 'y\n' }, 'base')
    const h1 = repo.commit({ 'other/x/y.txt': null, 'services/s1/s1.service': UNIT('PrivateTmp=yes\n') }, 'one')
    // Not read by the first diff: its layout comes from h1's and the changes from h1.
    const h2 = repo.commit({ 'deploy/web.service': { link: '../vendor/web/unit.conf' }, 'other/x': 'a file\n' }, 'two')
    const h3 = repo.commit({ 'vendor/web/unit.conf': UNIT('AmbientCapabilities=CAP_NET_ADMIN\n') }, 'three')
    const run = (git: GitRepo, from: string, to: string): string[] => {
      const input = snapshotsFromGit(git, from, to)
      return rows(diffSnapshots(input.base, input.head, input.changes, { version: '252', gate: DEFAULT_GATE }))
    }
    const shared = new GitRepo(repo.dir)
    expect(run(shared, b, h1)).toEqual(['s1.service modified '])
    expect(run(shared, h2, h3)).toEqual(['web.service modified CAP_NET_ADMIN'])
    expect(run(new GitRepo(repo.dir), h2, h3)).toEqual(['web.service modified CAP_NET_ADMIN'])
  })
})
