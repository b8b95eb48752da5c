import { afterEach, describe, expect, it } from 'vitest'
import { ListedStore, noWants } from '../../src/diff/listed-store.js'
import { RepoTree } from '../../src/diff/repo-tree.js'
import type { Listing } from '../../src/diff/tree-diff.js'
import { GitRepo } from '../../src/git/git.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

let repo: TestRepo
afterEach(() => repo?.cleanup())

/** Resolves a path as a draft would, reading what the store asks for until it asks for nothing. */
function resolveInRounds(git: GitRepo, rev: string, path: string) {
  const root = git.run(['rev-parse', `${rev}^{tree}`]).trim()
  const listings = new Map<string, Listing>()
  const blobs = new Map<string, Uint8Array>()
  const rounds: { trees: number; blobs: number }[] = []
  for (;;) {
    const wants = noWants()
    const store = new ListedStore(root, listings, blobs, wants)
    const r = new RepoTree(store).resolve(path)
    if (wants.trees.size === 0 && wants.blobs.size === 0) return { r, rounds, store }
    rounds.push({ trees: wants.trees.size, blobs: wants.blobs.size })
    for (const t of wants.trees) listings.set(t, git.directory(t)!)
    for (const [id, b] of git.readBlobs([...wants.blobs])) blobs.set(id, b)
  }
}

describe('ListedStore', () => {
  it('resolves through links by asking for the directories and targets on the way, nothing else', () => {
    repo = makeRepo()
    const files: Record<string, string | { link: string }> = {
      'etc/systemd/system/api.service': { link: '../../../srv/current/api.service' },
      'srv/current': { link: 'v2' },
      'srv/v2/api.service': '[Service]\n',
    }
    for (let i = 0; i < 20; i++) files[`other${i}/deep/file`] = 'x\n'
    const head = repo.commit(files)
    const git = GitRepo.open(repo.dir)!
    const { r, rounds } = resolveInRounds(git, head, 'etc/systemd/system/api.service')
    expect(r).toEqual({
      kind: 'file',
      path: 'srv/v2/api.service',
      links: ['etc/systemd/system/api.service', 'srv/current'],
    })
    // Root, etc, etc/systemd, etc/systemd/system, srv, srv/v2: never the other20 directories.
    const listed = rounds.reduce((n, x) => n + x.trees, 0)
    expect(listed).toBe(6)
    expect(rounds.reduce((n, x) => n + x.blobs, 0)).toBe(2)
  })

  it('answers a path not listed yet as absent, and says it wants it', () => {
    repo = makeRepo()
    const head = repo.commit({ 'units/a.service': '[Service]\n' })
    const git = GitRepo.open(repo.dir)!
    const root = git.run(['rev-parse', `${head}^{tree}`]).trim()
    const wants = noWants()
    const store = new ListedStore(root, new Map(), new Map(), wants)
    expect(store.isDir('units')).toBe(false)
    expect([...wants.trees]).toEqual([root])
  })

  it('knows every link without listing its directory when given them', () => {
    const wants = noWants()
    const links = new Map([['deploy/api.service', 'f'.repeat(40)]])
    const store = new ListedStore('r'.repeat(40), new Map(), new Map(), wants, links)
    expect(store.links()).toEqual(['deploy/api.service'])
    expect(store.link('deploy/api.service')).toEqual({ kind: 'link', target: null })
    // Its target is wanted; its directory is not.
    expect([...wants.blobs]).toEqual(['f'.repeat(40)])
    expect(wants.trees.size).toBe(0)
  })
})
