import { describe, expect, it } from 'vitest'
import { gitRepoTree } from '../../src/diff/snapshot.js'
import { treeSnapshots } from '../../src/diff/tree-snapshots.js'
import type { TreeEntry } from '../../src/git/git.js'
import { UnreadableFile } from '../../src/unit/source.js'

const entry = (sha: string, size: number | null = 10): TreeEntry => ({ sha, size, mode: '100644' })

describe('treeSnapshots: git trees and one store of blobs, however both were obtained', () => {
  const base = new Map([
    ['u/a.service', entry('a1')],
    ['u/b.service', entry('b1')],
  ])
  const head = new Map([
    ['u/a.service', entry('a2')],
    ['u/b.service', entry('b1')],
    ['u/c.service', entry('c1', null)],
  ])
  const sides = [
    { rev: 'base-rev', entries: base, repo: gitRepoTree(base, new Map()) },
    { rev: 'head-rev', entries: head, repo: gitRepoTree(head, new Map()) },
  ] as const

  it('reads a blob at hand from the store for either side, and asks for any other once per read', () => {
    const store = new Map([
      ['a1', Buffer.from('[Service]\nUser=a\n')],
      ['a2', Buffer.from('[Service]\nUser=b\n')],
      ['b1', Buffer.from('[Service]\n')],
    ])
    const asked: string[] = []
    const [b, h] = treeSnapshots(sides, store, (sha, path) => {
      asked.push(`${sha} ${path}`)
      return Buffer.from('# stand-in\n')
    })
    expect([b.rev, h.rev]).toEqual(['base-rev', 'head-rev'])
    expect(Buffer.from(b.source.read('u/a.service')!).toString()).toBe('[Service]\nUser=a\n')
    expect(Buffer.from(h.source.read('./u/a.service')!).toString()).toBe('[Service]\nUser=b\n')
    expect(Buffer.from(h.source.read('u/b.service')!)).toEqual(Buffer.from(b.source.read('u/b.service')!))
    expect(asked).toEqual([])
    expect(Buffer.from(h.source.read('u/c.service')!).toString()).toBe('# stand-in\n')
    expect(asked).toEqual(['c1 u/c.service'])
    expect(b.source.read('u/c.service')).toBeNull()
    expect(h.source.list('u')).toEqual(['a.service', 'b.service', 'c.service'])
  })

  it('lets the caller refuse a blob it has not read, naming the file', () => {
    const [, h] = treeSnapshots(sides, new Map(), (_sha, path) => {
      throw new UnreadableFile(path, 'not read')
    })
    expect(() => h.source.read('u/a.service')).toThrow(UnreadableFile)
    expect(() => h.source.read('u/a.service')).toThrow(/u\/a\.service/)
  })
})
