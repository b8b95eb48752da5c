/**
 * What a diff reads from git: in a touched directory only unit files, drop-ins and the files
 * links lead to — never the other files beside them (archives, images, source code).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { diffSnapshots } from '../../src/diff/diff.js'
import { snapshotsFromGit } from '../../src/diff/from-git.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { GitRepo } from '../../src/git/git.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

/** The real repository, noting every blob read. */
class ObservedRepo extends GitRepo {
  readonly read = new Set<string>()
  override readBlobs(shas: readonly string[]): Map<string, Uint8Array> {
    for (const s of shas) this.read.add(s)
    return super.readBlobs(shas)
  }
}

let repo: TestRepo
afterEach(() => repo.cleanup())

describe('blobs read by a diff', () => {
  it('are the unit files, drop-ins and link targets of touched directories, nothing else there', () => {
    repo = makeRepo()
    const big = new Uint8Array(2 << 20).fill(7)
    const base = repo.commit({
      'deploy/web.service': '[Service]\nExecStart=/usr/bin/web\nDynamicUser=yes\n',
      'deploy/web.service.d/10-limits.conf': '[Service]\nLimitNOFILE=4096\n',
      'deploy/alias.service': { link: 'web.service' },
      'deploy/linked.service': { link: '../shared/linked.service' },
      'shared/linked.service': '[Service]\nExecStart=/usr/bin/linked\n',
      'deploy/bundle.tar.gz': big,
      'deploy/logo.png': big.subarray(1),
      'deploy/main.go': 'package main\n',
    })
    const head = repo.commit({
      'deploy/web.service': '[Service]\nExecStart=/usr/bin/web\nDynamicUser=yes\nAmbientCapabilities=CAP_NET_RAW\n',
      'deploy/logo.png': big.subarray(2),
    })
    const git = new ObservedRepo(repo.dir)
    const input = snapshotsFromGit(git, base, head)
    const report = diffSnapshots(input.base, input.head, input.changes, { version: '252', gate: DEFAULT_GATE })
    expect(report.verdict).toBe('fail')
    const blob = (rev: string, path: string): string => repo.git('rev-parse', `${rev}:${path}`)
    for (const rev of [base, head]) {
      for (const path of ['deploy/web.service', 'deploy/web.service.d/10-limits.conf', 'shared/linked.service'])
        expect(git.read, `${rev} ${path}`).toContain(blob(rev, path))
      for (const path of ['deploy/bundle.tar.gz', 'deploy/logo.png', 'deploy/main.go'])
        expect(git.read, `${rev} ${path}`).not.toContain(blob(rev, path))
    }
  })
})
