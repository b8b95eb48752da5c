/**
 * One side of a diff: the set of files of a repository at a revision (or in the work tree), and
 * a UnitSource reading them. Paths are repository-relative with `/` separators.
 */
import { readlinkSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import type { TreeEntry } from '../git/git.js'
import { fileSystemSource, MAX_UNIT_FILE_BYTES, UnitFileTooLarge } from '../unit/fs-source.js'
import { basename, dirname, type UnitSource } from '../unit/source.js'

export interface Snapshot {
  /** The commit, or null for the work tree. */
  readonly rev: string | null
  readonly paths: ReadonlySet<string>
  readonly source: UnitSource
}

/** Directory → entry names, derived from a list of file paths. */
function directoryIndex(paths: Iterable<string>): Map<string, string[]> {
  const dirs = new Map<string, Set<string>>()
  for (const p of paths) {
    let child = p
    for (let dir = dirname(p); ; dir = dirname(dir)) {
      let entries = dirs.get(dir)
      if (!entries) dirs.set(dir, (entries = new Set()))
      entries.add(basename(child))
      if (dir === '.' || dir === '/') break
      child = dir
    }
  }
  // Arrays, made once: the loader lists a directory for every unit in it.
  return new Map([...dirs].map(([d, names]) => [d, [...names]]))
}

/** UnitSource.list over a directory index (repository-relative paths). */
function lister(paths: Iterable<string>): UnitSource['list'] {
  const dirs = directoryIndex(paths)
  return (d) => dirs.get(normalize(d) || '.') ?? null
}

/**
 * A snapshot over files already read into memory (used for git revisions). Paths in `tooLarge`
 * (with their size) were not read: reading one refuses that unit with a clear message.
 */
function memorySnapshot(
  rev: string | null,
  files: ReadonlyMap<string, Uint8Array | null>,
  tooLarge: ReadonlyMap<string, number>,
  links: ReadonlyMap<string, string>,
): Snapshot {
  const paths = new Set(files.keys())
  return {
    rev,
    paths,
    source: {
      read: (p) => {
        const size = tooLarge.get(normalize(p))
        if (size !== undefined) throw new UnitFileTooLarge(normalize(p), size)
        return files.get(normalize(p)) ?? null
      },
      list: lister(paths),
      link: (p) => links.get(normalize(p)) ?? null,
    },
  }
}

function normalize(p: string): string {
  return p.startsWith('./') ? p.slice(2) : p
}

/**
 * Reads the blobs a revision's snapshot needs (those `wanted` selects) through the batch reader.
 * Symbolic links are followed inside the tree; one to /dev/null masks, as on a real system; one
 * that leaves the tree reads as nothing.
 */
export function gitSnapshot(
  rev: string,
  tree: ReadonlyMap<string, TreeEntry>,
  blobs: ReadonlyMap<string, Uint8Array>,
  wanted: (path: string) => boolean,
): Snapshot {
  const files = new Map<string, Uint8Array | null>()
  const tooLarge = new Map<string, number>()
  const links = new Map<string, string>()
  /** The content behind `path` (links followed), or the size of a file too large to read. */
  const contentOf = (path: string, depth: number): Uint8Array | number | null => {
    const entry = tree.get(path)
    if (!entry) return null
    if (entry.mode !== '120000') return entry.size > MAX_UNIT_FILE_BYTES ? entry.size : (blobs.get(entry.sha) ?? null)
    const link = blobs.get(entry.sha)
    if (link === undefined) return null
    const target = Buffer.from(link).toString('utf8')
    if (target === '/dev/null') return new Uint8Array(0)
    if (depth > 8 || target.startsWith('/')) return null
    const resolved = normalizeJoin(dirname(path), target)
    return resolved === null ? null : contentOf(resolved, depth + 1)
  }
  for (const [path, entry] of tree) {
    const content = wanted(path) ? contentOf(path, 0) : null
    if (typeof content === 'number') tooLarge.set(path, content)
    files.set(path, typeof content === 'number' ? null : content)
    if (entry.mode === '120000') {
      const target = blobs.get(entry.sha)
      if (target !== undefined) links.set(path, Buffer.from(target).toString('utf8'))
    }
  }
  return memorySnapshot(rev, files, tooLarge, links)
}

/** Blob ids a git snapshot will read, symbolic-link targets included; none too large for a unit. */
export function wantedBlobs(tree: ReadonlyMap<string, TreeEntry>, wanted: (path: string) => boolean): string[] {
  const out: string[] = []
  for (const [path, e] of tree) if ((wanted(path) || e.mode === '120000') && e.size <= MAX_UNIT_FILE_BYTES) out.push(e.sha)
  return out
}

/** `dir/rel` with `.` and `..` resolved; null when it climbs out of the repository. */
function normalizeJoin(dir: string, rel: string): string | null {
  const parts = (dir === '.' ? [] : dir.split('/')).concat(rel.split('/'))
  const out: string[] = []
  for (const p of parts) {
    if (p === '' || p === '.') continue
    if (p === '..') {
      if (out.length === 0) return null
      out.pop()
    } else out.push(p)
  }
  return out.join('/')
}

/**
 * The work tree: files git tracks or would track, read from disk on demand with the CLI's own
 * reader (regular files, links to devices mask, the size limit). A link that resolves outside
 * the repository reads as nothing, as it does in a git tree, unless it points at /dev/null.
 */
export function worktreeSnapshot(root: string, paths: readonly string[]): Snapshot {
  const set = new Set(paths)
  const disk = fileSystemSource()
  let realRoot: string | undefined
  return {
    rev: null,
    paths: set,
    source: {
      read(p) {
        const rel = normalize(p)
        if (!set.has(rel)) return null
        const full = join(root, rel)
        let real: string
        try {
          real = realpathSync.native(full)
        } catch {
          return null
        }
        realRoot ??= realpathSync.native(root)
        if (real !== '/dev/null' && !real.startsWith(`${realRoot}/`)) return null
        try {
          return disk.read(full)
        } catch (e) {
          // The message names the path as the repository knows it.
          if (e instanceof UnitFileTooLarge) throw new UnitFileTooLarge(rel, e.size)
          throw e
        }
      },
      list: lister(set),
      link(p) {
        const rel = normalize(p)
        if (!set.has(rel)) return null
        try {
          return readlinkSync(join(root, rel), 'utf8')
        } catch {
          return null
        }
      },
    },
  }
}
