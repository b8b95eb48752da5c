import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { treeChanges } from '../../src/diff/tree-changes.js'
import { diffTrees, type Listing } from '../../src/diff/tree-diff.js'
import { GitRepo } from '../../src/git/git.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

let repo: TestRepo
afterEach(() => repo?.cleanup())

/** diffTrees as the API review runs it: listings read a round at a time, from git here. */
function diffInRounds(git: GitRepo, base: string, head: string) {
  const listings = new Map<string, Listing>()
  const baseRoot = git.run(['rev-parse', `${base}^{tree}`]).trim()
  const headRoot = git.run(['rev-parse', `${head}^{tree}`]).trim()
  const read: string[][] = []
  for (;;) {
    const r = diffTrees(baseRoot, headRoot, listings)
    if (r.kind === 'done') return { ...r, read }
    read.push([...r.trees])
    for (const t of r.trees) listings.set(t, git.directory(t)!)
  }
}

describe('diffTrees', () => {
  it('finds what git diff finds, listing only the directories on the changed paths', () => {
    repo = makeRepo()
    const files: Record<string, string> = {}
    for (let i = 0; i < 30; i++) files[`pkg${i}/sub/deep/file${i}.txt`] = `${i}\n`
    const base = repo.commit({
      ...files,
      'units/a.service': '[Service]\nExecStart=/bin/a\n',
      'units/a.service.d/x.conf': '[Service]\nUser=a\n',
      'units/b.service': '[Service]\nExecStart=/bin/b\n',
      'units/link.service': { link: 'a.service' },
      'gone/dir/file.service': '[Service]\n',
      'becomes-dir': 'a file\n',
      'exec.sh': '#!/bin/sh\n',
    })
    repo.git('update-index', '--chmod=+x', 'exec.sh')
    repo.git('commit', '-q', '-m', 'mode')
    const base2 = repo.git('rev-parse', 'HEAD')
    const head = repo.commit({
      'units/a.service.d/x.conf': '[Service]\nUser=root\n',
      'units/b.service': null,
      'units/c.service': '[Service]\nExecStart=/bin/b\n',
      'units/link.service': { link: 'c.service' },
      'gone/dir/file.service': null,
      'becomes-dir': null,
      'becomes-dir/inner.service': '[Service]\n',
      'pkg7/sub/deep/file7.txt': 'seven\n',
    })
    void base
    const git = GitRepo.open(repo.dir)!
    const r = diffInRounds(git, base2, head)
    const ours = treeChanges(r.base, r.head)
    const theirs = git.changes(base2, head)
    const key = (c: { status: string; path: string; oldPath?: string }) => `${c.status} ${c.oldPath ?? ''} ${c.path}`
    expect(ours.map(key).sort()).toEqual(theirs.map(key).sort())
    // Levels: root; units, gone, becomes-dir, pkg7; their subdirectories; pkg7/sub/deep.
    expect(r.read.length).toBe(4)
    // The 29 unchanged pkg directories are never listed.
    expect(r.read.flat().length).toBeLessThan(20)
  })

  it('tells a mode change and a link that replaces a file', () => {
    repo = makeRepo()
    const base = repo.commit({ 'u/a.service': '[Service]\n', 'u/tool': '#!/bin/sh\n' })
    chmodSync(join(repo.dir, 'u/tool'), 0o755)
    const head = repo.commit({ 'u/a.service': { link: '/dev/null' } })
    const git = GitRepo.open(repo.dir)!
    const r = diffInRounds(git, base, head)
    expect(treeChanges(r.base, r.head)).toEqual([
      { status: 'type-changed', path: 'u/a.service' },
      { status: 'modified', path: 'u/tool' },
    ])
  })

  it('answers nothing for two equal trees without reading them', () => {
    expect(diffTrees('t1', 't1', new Map())).toEqual({ kind: 'done', base: new Map(), head: new Map() })
  })
})
