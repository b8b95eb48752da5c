import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { blobIds } from '../../src/diff/from-git.js'
import { RepoTree } from '../../src/diff/repo-tree.js'
import { gitRepoTree, gitSnapshot, linkBlobIds } from '../../src/diff/snapshot.js'
import { worktreeSnapshot, worktreeTree } from '../../src/diff/worktree.js'
import { assessUnitFile } from '../../src/engine.js'
import type { TreeEntry } from '../../src/git/git.js'
import { MAX_UNIT_FILE_BYTES } from '../../src/unit/fs-source.js'
import { UnreadableFile } from '../../src/unit/source.js'

const unit = Buffer.from('[Service]\nExecStart=/bin/true\n')
const blob = (sha: string, size = unit.length, mode = '100644'): TreeEntry => ({ sha, size, mode })

describe('gitSnapshot', () => {
  const tree = new Map<string, TreeEntry>([
    ['u/ok.service', blob('a')],
    ['u/huge.service', blob('b', MAX_UNIT_FILE_BYTES + 1)],
    ['u/to-huge.service', blob('c', 14, '120000')],
    ['u/escape.service', blob('d', 17, '120000')],
    ['u/masked.service', blob('e', 9, '120000')],
    ['u/dangling.service', blob('f', 12, '120000')],
    ['u/loop-a.service', blob('g', 14, '120000')],
    ['u/loop-b.service', blob('h', 14, '120000')],
    ['u/conf', blob('i', 9, '120000')],
    ['shared/x.conf', blob('a')],
  ])
  const blobs = new Map<string, Uint8Array>([
    ['a', unit],
    ['c', Buffer.from('huge.service')],
    ['d', Buffer.from('../../x.service')],
    ['e', Buffer.from('/dev/null')],
    ['f', Buffer.from('gone.service')],
    ['g', Buffer.from('loop-b.service')],
    ['h', Buffer.from('loop-a.service')],
    ['i', Buffer.from('../shared')],
  ])
  const repoTree = gitRepoTree(tree, blobs)
  const snap = gitSnapshot('rev', tree, repoTree, (sha) => blobs.get(sha)!)

  it('never asks for a blob too large for a unit file, and refuses such a unit by name', () => {
    expect(blobIds(tree, tree.keys())).not.toContain('b')
    expect(linkBlobIds(tree)).toEqual(['c', 'd', 'e', 'f', 'g', 'h', 'i'])
    for (const path of ['u/huge.service', 'u/to-huge.service']) {
      const r = assessUnitFile(snap.source, path, { version: '252' })
      expect(r.ok).toBe(false)
      expect(!r.ok && r.error).toMatch(/larger than the 67108864-byte limit/)
    }
    expect(assessUnitFile(snap.source, 'u/ok.service', { version: '252' }).ok).toBe(true)
  })

  it('refuses to read a link out of the repository, a dangling link or a loop; /dev/null masks', () => {
    expect(() => snap.source.read('u/escape.service')).toThrow(/leaves the repository/)
    expect(() => snap.source.read('u/dangling.service')).toThrow(UnreadableFile)
    expect(() => snap.source.read('u/loop-a.service')).toThrow(/too many levels/)
    expect(snap.source.read('u/masked.service')).toEqual(new Uint8Array(0))
    expect(snap.source.read('u/none.service')).toBeNull()
  })

  it('follows a link to a directory in every component', () => {
    expect(snap.source.list('u/conf')).toEqual(['x.conf'])
    expect(Buffer.from(snap.source.read('u/conf/x.conf')!).equals(unit)).toBe(true)
    expect(repoTree.reaches('u/conf/x.conf').paths).toEqual(['u/conf', 'shared/x.conf'])
  })

  it('shows links with their stored target', () => {
    expect(snap.source.link('u/escape.service')).toBe('../../x.service')
    expect(snap.source.link('./u/masked.service')).toBe('/dev/null')
    expect(snap.source.link('u/ok.service')).toBeNull()
  })
})

describe('RepoTree', () => {
  it('resolves an absolute link of a shipped root file system under that root', () => {
    const t = new RepoTree(
      new Map([
        ['rootfs/usr/lib/systemd/system/a.service', { kind: 'file', size: 1 }],
        ['rootfs/etc/systemd/system/alias.service', { kind: 'link', target: '/usr/lib/systemd/system/a.service' }],
        ['rootfs/etc/systemd/system/out.service', { kind: 'link', target: '/../etc/passwd' }],
        ['other/b.service', { kind: 'link', target: '/usr/lib/systemd/system/a.service' }],
      ] as const),
    )
    expect(t.resolve('rootfs/etc/systemd/system/alias.service')).toMatchObject({
      kind: 'file',
      path: 'rootfs/usr/lib/systemd/system/a.service',
    })
    expect(t.resolve('rootfs/etc/systemd/system/out.service').kind).toBe('outside')
    expect(t.resolve('other/b.service').kind).toBe('outside')
  })

  it('resolves a long chain of links and stops at 40 links', () => {
    const entries = new Map<string, { kind: 'link'; target: string } | { kind: 'file'; size: number }>()
    for (let i = 0; i < 5000; i++) entries.set(`l/${i}.service`, { kind: 'link', target: `${i + 1}.service` })
    entries.set('l/5000.service', { kind: 'file', size: 1 })
    const t = new RepoTree(entries)
    // Linear, not quadratic: npm run bench measures it; here every link of the chain resolves.
    for (let i = 0; i < 5000; i++) expect(t.resolve(`l/${i}.service`).kind).toBe(i < 4960 ? 'loop' : 'file')
    expect(t.resolve('l/4980.service')).toMatchObject({ kind: 'file', path: 'l/5000.service' })
    expect(t.resolve('l/0.service').kind).toBe('loop')
  })
})

describe('worktreeSnapshot', () => {
  const root = mkdtempSync(join(tmpdir(), 'sdx-wt-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('does not follow a link out of the repository; /dev/null masks; links inside are followed', () => {
    const outside = mkdtempSync(join(tmpdir(), 'sdx-outside-'))
    writeFileSync(join(outside, 'secret.service'), unit)
    writeFileSync(join(root, 'ok.service'), unit)
    mkdirSync(join(root, 'd'))
    writeFileSync(join(root, 'd/real.conf'), unit)
    symlinkSync(join(outside, 'secret.service'), join(root, 'out.service'))
    symlinkSync('/dev/null', join(root, 'masked.service'))
    symlinkSync('ok.service', join(root, 'alias.service'))
    symlinkSync('d', join(root, 'ok.service.d'))
    const paths = ['ok.service', 'out.service', 'masked.service', 'alias.service', 'ok.service.d', 'd/real.conf']
    const snap = worktreeSnapshot(root, worktreeTree(root, paths, new RepoTree(new Map()), new Set(paths)))
    expect(() => snap.source.read('out.service')).toThrow(/leaves the repository/)
    expect(snap.source.read('masked.service')).toEqual(new Uint8Array(0))
    expect(Buffer.from(snap.source.read('alias.service')!).equals(unit)).toBe(true)
    expect(Buffer.from(snap.source.read('ok.service.d/real.conf')!).equals(unit)).toBe(true)
    expect(snap.source.list('.')).toEqual([
      'ok.service',
      'out.service',
      'masked.service',
      'alias.service',
      'ok.service.d',
      'd',
    ])
    expect(snap.source.link('alias.service')).toBe('ok.service')
    expect(snap.source.link('ok.service')).toBeNull()
    rmSync(outside, { recursive: true, force: true })
  })
})
