/**
 * One side of a diff: the repository's tree at a revision (or in the work tree) and a UnitSource
 * reading it, with symbolic links followed inside the repository in every component of a path.
 * Paths are repository-relative with `/` separators.
 *
 * What a source cannot give is never silently "no such file": a link out of the repository or
 * in a loop, a dangling link, a file over the size limit, a Git LFS pointer, a read that failed —
 * each throws UnreadableFile, so the unit that needs it is reported as unreadable (and the gate
 * fails closed).
 * A link to /dev/null reads as empty: it masks, as on a real system.
 */
import { LINK_MODE, type TreeEntry } from '../git/git.js'
import { MAX_UNIT_FILE_BYTES, UnitFileTooLarge } from '../unit/fs-source.js'
import { basename, dirname, joinPath, UnreadableFile, type UnitSource } from '../unit/source.js'
import { linkTargetOf, MAX_LINK_TARGET_BYTES, RepoTree, type RepoEntry, type Resolution } from './repo-tree.js'

export interface Snapshot {
  /** The commit, or null for the work tree. */
  readonly rev: string | null
  readonly tree: RepoTree
  readonly source: UnitSource
}

const EMPTY = new Uint8Array(0)

/** The start of a Git LFS pointer: the file itself is stored elsewhere. */
const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1\n')

function isLfsPointer(bytes: Uint8Array): boolean {
  return (
    bytes.length < 1024 &&
    bytes.length >= LFS_POINTER.length &&
    Buffer.from(bytes.buffer, bytes.byteOffset, LFS_POINTER.length).equals(LFS_POINTER)
  )
}

/** Why a resolution gives no content, as the reason of an UnreadableFile (null: none needed). */
export function unreadableReason(r: Resolution): string | null {
  switch (r.kind) {
    case 'outside':
      return `symbolic link ${r.link} -> ${r.target} leaves the repository`
    case 'loop':
      return `too many levels of symbolic links (at ${r.link})`
    case 'unread':
      return `the target of symbolic link ${r.link} was not read`
    case 'missing':
      return r.links.length > 0 && r.dangling !== false
        ? `symbolic link ${r.links[r.links.length - 1]} points to ${r.path}, which is not in the repository`
        : null
    default:
      return null
  }
}

/**
 * A snapshot over a tree. `content` gives the bytes of a regular file of the tree (by its
 * resolved path); it may throw UnreadableFile.
 */
export function treeSnapshot(rev: string | null, tree: RepoTree, content: (path: string) => Uint8Array): Snapshot {
  const read = (p: string): Uint8Array | null => {
    const path = normalize(p)
    const r = tree.resolve(path)
    if (r.kind === 'file') {
      const e = tree.entry(r.path) as { size: number | null }
      if (e.size !== null && e.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, e.size)
      const bytes = content(r.path)
      // A size not known from the tree is known now.
      if (bytes.length > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, bytes.length)
      if (isLfsPointer(bytes))
        throw new UnreadableFile(path, 'a Git LFS pointer: the file itself is not in the repository')
      return bytes
    }
    if (r.kind === 'mask') return EMPTY
    const why = unreadableReason(r)
    if (why !== null) throw new UnreadableFile(path, why)
    return null
  }
  const list = (d: string): readonly string[] | null => {
    const dir = normalize(d)
    const r = tree.resolve(dir)
    if (r.kind === 'dir') return tree.listDir(r.path)
    const why = unreadableReason(r)
    if (why !== null) throw new UnreadableFile(dir, why)
    return null
  }
  const link = (p: string): string | null => {
    const path = normalize(p)
    const parent = tree.resolve(dirname(path))
    if (parent.kind !== 'dir') return null
    const e = tree.entry(joinPath(parent.path, basename(path)))
    return e?.kind === 'link' ? e.target : null
  }
  return { rev, tree, source: { read, list, link } }
}

function normalize(p: string): string {
  return p.startsWith('./') ? p.slice(2) : p === '' ? '.' : p
}

/** A git tree's entries as a RepoTree: links carry their target when its blob was read. */
export function gitRepoTree(
  tree: ReadonlyMap<string, TreeEntry>,
  linkBlobs: ReadonlyMap<string, Uint8Array>,
): RepoTree {
  const entries = new Map<string, RepoEntry>()
  for (const [path, e] of tree) {
    if (e.mode === LINK_MODE) {
      const blob = linkBlobs.get(e.sha)
      entries.set(path, {
        kind: 'link',
        target: linkTargetOf(blob),
      })
    } else entries.set(path, { kind: 'file', size: e.size })
  }
  return new RepoTree(entries)
}

/**
 * Blob ids of a git tree's symbolic links (their targets; a valid one is under 4 KiB, and one of
 * unknown size is read: a link's blob holds just its target).
 */
export function linkBlobIds(tree: ReadonlyMap<string, TreeEntry>): string[] {
  const out: string[] = []
  for (const e of tree.values())
    if (e.mode === LINK_MODE && (e.size === null || e.size <= MAX_LINK_TARGET_BYTES)) out.push(e.sha)
  return out
}

/**
 * A git revision's snapshot. `blob` gives a blob's bytes (prefetched in one batch, or read on
 * demand; it throws UnreadableFile when it cannot).
 */
export function gitSnapshot(
  rev: string,
  tree: ReadonlyMap<string, TreeEntry>,
  repoTree: RepoTree,
  blob: (sha: string, path: string) => Uint8Array,
): Snapshot {
  return treeSnapshot(rev, repoTree, (path) => {
    const e = tree.get(path)
    if (!e) throw new UnreadableFile(path, 'not in the tree')
    return blob(e.sha, path)
  })
}
