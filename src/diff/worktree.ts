/**
 * The work tree as a diff side: the files git tracks or would track, with symbolic links as
 * links (their targets read with readlink, never followed by the kernel) and regular files read
 * from disk on demand. Paths go to the file system as the bytes git gave (path-bytes.ts), so a
 * directory named with a newline or with bytes that are not UTF-8 is read like any other.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs'
import { decodePath, encodePath } from '../git/path-bytes.js'
import { errorMessage } from '../text/error-message.js'
import { MAX_UNIT_FILE_BYTES, UnitFileTooLarge } from '../unit/fs-source.js'
import { dirname, UnreadableFile } from '../unit/source.js'
import { RepoTree, type RepoEntry } from './repo-tree.js'
import { treeSnapshot, type Snapshot } from './snapshot.js'

/**
 * The work tree's entries. A path unchanged since `base` has base's entry (git compared it), so
 * only changed and untracked paths are looked at on disk: one lstat() each.
 */
export function worktreeTree(
  root: string,
  paths: readonly string[],
  base: RepoTree,
  changed: ReadonlySet<string>,
): RepoTree {
  const rootBytes = encodePath(root)
  const entries = new Map<string, RepoEntry>()
  for (const p of paths) {
    const known = changed.has(p) ? undefined : base.entry(p)
    if (known !== undefined) {
      entries.set(p, known)
      continue
    }
    const onDisk = diskEntry(fullPath(rootBytes, p))
    if (onDisk !== null) entries.set(p, onDisk)
  }
  return new RepoTree(entries)
}

function diskEntry(full: Buffer): RepoEntry | null {
  let st
  try {
    st = lstatSync(full)
  } catch {
    return null // gone since git listed it
  }
  if (st.isSymbolicLink()) {
    try {
      return { kind: 'link', target: decodePath(readlinkSync(full, { encoding: 'buffer' })) }
    } catch {
      return { kind: 'link', target: null }
    }
  }
  if (st.isDirectory()) return null // a submodule: not part of this repository's files
  // A FIFO, socket or device is an entry too: reading it fails (below), as it should.
  return { kind: 'file', size: st.isFile() ? st.size : 0 }
}

function fullPath(rootBytes: Buffer, rel: string): Buffer {
  return Buffer.concat([rootBytes, Buffer.from('/'), encodePath(rel)])
}

export function worktreeSnapshot(root: string, tree: RepoTree): Snapshot {
  const rootBytes = encodePath(root)
  let realRoot: Buffer | undefined
  return treeSnapshot(null, tree, (path) => {
    const full = fullPath(rootBytes, path)
    // The tree says every directory on the way is a directory; make sure the disk agrees (a
    // directory replaced by a link since git listed it must not lead out of the repository).
    try {
      realRoot ??= realpathSync.native(rootBytes, { encoding: 'buffer' })
      const realDir = realpathSync.native(fullPath(rootBytes, dirname(path)), { encoding: 'buffer' })
      const inside =
        realDir.equals(realRoot) ||
        (realDir.length > realRoot.length &&
          realDir.subarray(0, realRoot.length).equals(realRoot) &&
          realDir[realRoot.length] === 0x2f)
      if (!inside) throw new UnreadableFile(path, 'its directory now leads out of the repository')
    } catch (e) {
      if (e instanceof UnreadableFile) throw e
      throw new UnreadableFile(path, `cannot be read: ${errorMessage(e)}`)
    }
    return readRegular(full, path)
  })
}

/** A regular file's bytes (never following a link, never blocking on a FIFO), within the size limit. */
function readRegular(full: Buffer, path: string): Uint8Array {
  let fd: number
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (e) {
    throw new UnreadableFile(path, `cannot be read: ${errorMessage(e)}`)
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new UnreadableFile(path, 'not a regular file')
    if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, st.size)
    const chunks: Buffer[] = []
    let total = 0
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size + 1, 4096), 1 << 20))
    for (;;) {
      const got = readSync(fd, chunk, 0, chunk.length, null)
      if (got === 0) break
      total += got
      // The file can grow while it is read: the limit holds.
      if (total > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, total)
      chunks.push(Buffer.from(chunk.subarray(0, got)))
    }
    return Buffer.concat(chunks, total)
  } catch (e) {
    if (e instanceof UnreadableFile) throw e
    throw new UnreadableFile(path, `cannot be read: ${errorMessage(e)}`)
  } finally {
    closeSync(fd)
  }
}
