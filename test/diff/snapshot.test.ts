import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gitSnapshot, wantedBlobs, worktreeSnapshot } from '../../src/diff/snapshot.js'
import { assessUnitFile } from '../../src/engine.js'
import type { TreeEntry } from '../../src/git/git.js'
import { MAX_UNIT_FILE_BYTES } from '../../src/unit/fs-source.js'

const unit = Buffer.from('[Service]\nExecStart=/bin/true\n')
const blob = (sha: string, size = unit.length, mode = '100644'): TreeEntry => ({ sha, size, mode })

describe('gitSnapshot', () => {
  const tree = new Map<string, TreeEntry>([
    ['u/ok.service', blob('a')],
    ['u/huge.service', blob('b', MAX_UNIT_FILE_BYTES + 1)],
    ['u/to-huge.service', blob('c', 14, '120000')],
    ['u/escape.service', blob('d', 17, '120000')],
    ['u/masked.service', blob('e', 9, '120000')],
  ])
  const blobs = new Map<string, Uint8Array>([
    ['a', unit],
    ['c', Buffer.from('huge.service')],
    ['d', Buffer.from('../../x.service')],
    ['e', Buffer.from('/dev/null')],
  ])
  const snap = gitSnapshot('rev', tree, blobs, () => true)

  it('never asks for a blob too large for a unit file, and refuses such a unit by name', () => {
    expect(wantedBlobs(tree, () => true)).not.toContain('b')
    for (const path of ['u/huge.service', 'u/to-huge.service']) {
      const r = assessUnitFile(snap.source, path, { version: '252' })
      expect(r.ok).toBe(false)
      expect(!r.ok && r.error).toMatch(/larger than the 67108864-byte limit/)
    }
    expect(assessUnitFile(snap.source, 'u/ok.service', { version: '252' }).ok).toBe(true)
  })

  it('reads a link that climbs out of the repository as nothing; /dev/null masks', () => {
    expect(snap.source.read('u/escape.service')).toBeNull()
    expect(snap.source.read('u/masked.service')).toEqual(new Uint8Array(0))
  })

  it('shows links with their stored target', () => {
    expect(snap.source.link('u/escape.service')).toBe('../../x.service')
    expect(snap.source.link('./u/masked.service')).toBe('/dev/null')
    expect(snap.source.link('u/ok.service')).toBeNull()
  })
})

describe('worktreeSnapshot', () => {
  const root = mkdtempSync(join(tmpdir(), 'sdx-wt-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('does not follow a link out of the repository, except to /dev/null', () => {
    const outside = mkdtempSync(join(tmpdir(), 'sdx-outside-'))
    writeFileSync(join(outside, 'secret.service'), unit)
    writeFileSync(join(root, 'ok.service'), unit)
    symlinkSync(join(outside, 'secret.service'), join(root, 'out.service'))
    symlinkSync('/dev/null', join(root, 'masked.service'))
    symlinkSync('ok.service', join(root, 'alias.service'))
    const snap = worktreeSnapshot(root, ['ok.service', 'out.service', 'masked.service', 'alias.service'])
    expect(snap.source.read('out.service')).toBeNull()
    expect(snap.source.read('masked.service')).toEqual(new Uint8Array(0))
    expect(Buffer.from(snap.source.read('alias.service')!).equals(unit)).toBe(true)
    expect(snap.source.list('.')).toEqual(['ok.service', 'out.service', 'masked.service', 'alias.service'])
    expect(snap.source.link('alias.service')).toBe('ok.service')
    expect(snap.source.link('ok.service')).toBeNull()
    rmSync(outside, { recursive: true, force: true })
  })
})
