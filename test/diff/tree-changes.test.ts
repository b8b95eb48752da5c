import { describe, expect, it } from 'vitest'
import { treeChanges } from '../../src/diff/tree-changes.js'
import type { TreeEntry } from '../../src/git/git.js'

const tree = (files: Record<string, string>): Map<string, TreeEntry> =>
  new Map(
    Object.entries(files).map(([path, spec]) => {
      const [sha, mode = '100644'] = spec.split(' ')
      return [path, { sha: sha!, mode, size: 10 }]
    }),
  )

describe('treeChanges', () => {
  it('lists what git lists: added, deleted, modified, mode and type changes', () => {
    const base = tree({ 'a.service': 'aa', 'b.service': 'bb', 'c.sh': 'cc', 'd.service': 'dd', 'same.service': 'ss' })
    const head = tree({
      'a.service': 'a2',
      'c.sh': 'cc 100755',
      'd.service': 'dd 120000',
      'e.service': 'ee',
      'same.service': 'ss',
    })
    expect(treeChanges(base, head)).toEqual([
      { status: 'modified', path: 'a.service' },
      { status: 'deleted', path: 'b.service' },
      { status: 'modified', path: 'c.sh' },
      { status: 'type-changed', path: 'd.service' },
      { status: 'added', path: 'e.service' },
    ])
  })

  it('pairs a rename with edits only where a hint names it and the trees bear it out', () => {
    const base = tree({ 'old/api.service': 'v1', 'x.service': 'xx' })
    const head = tree({ 'new/api.service': 'v2', 'y.service': 'yy' })
    expect(treeChanges(base, head)).toEqual([
      { status: 'added', path: 'new/api.service' },
      { status: 'deleted', path: 'old/api.service' },
      { status: 'deleted', path: 'x.service' },
      { status: 'added', path: 'y.service' },
    ])
    const hints = [
      { status: 'renamed' as const, path: 'new/api.service', oldPath: 'old/api.service' },
      // Of another head: y.service is not where x.service went in these trees.
      { status: 'renamed' as const, path: 'z.service', oldPath: 'x.service' },
    ]
    expect(treeChanges(base, head, hints)).toEqual([
      { status: 'renamed', path: 'new/api.service', oldPath: 'old/api.service' },
      { status: 'deleted', path: 'x.service' },
      { status: 'added', path: 'y.service' },
    ])
  })

  it('pairs a file moved unchanged with its source, the same name first', () => {
    const base = tree({ 'a/one.service': 'same', 'b/two.service': 'same', 'c/link.service': 'ln 120000' })
    const head = tree({ 'z/two.service': 'same', 'z/link.service': 'ln' })
    expect(treeChanges(base, head)).toEqual([
      { status: 'deleted', path: 'a/one.service' },
      { status: 'deleted', path: 'c/link.service' },
      { status: 'added', path: 'z/link.service' },
      { status: 'renamed', path: 'z/two.service', oldPath: 'b/two.service' },
    ])
  })
})
