/**
 * One side of a diff: the set of files of a repository at a revision (or in the work tree), and
 * a UnitSource reading them. Paths are repository-relative with `/` separators.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { TreeEntry } from '../git/git.js'
import { MAX_UNIT_FILE_BYTES, UnitFileTooLarge } from '../unit/fs-source.js'
import { basename, dirname, type UnitSource } from '../unit/source.js'

export interface Snapshot {
  /** The commit, or null for the work tree. */
  readonly rev: string | null
  readonly paths: ReadonlySet<string>
  readonly source: UnitSource
}

/** Directory → entry names, derived from a list of file paths. */
export function directoryIndex(paths: Iterable<string>): Map<string, Set<string>> {
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
  return dirs
}

/** A snapshot over files already read into memory (used for git revisions). */
export function memorySnapshot(rev: string | null, files: ReadonlyMap<string, Uint8Array | null>): Snapshot {
  const paths = new Set(files.keys())
  const dirs = directoryIndex(paths)
  return {
    rev,
    paths,
    source: {
      read: (p) => files.get(normalize(p)) ?? null,
      list: (d) => {
        const e = dirs.get(normalize(d) || '.')
        return e ? [...e] : null
      },
    },
  }
}

function normalize(p: string): string {
  return p.startsWith('./') ? p.slice(2) : p
}

/**
 * Reads the blobs a revision's snapshot needs (those `wanted` selects) through the batch reader.
 * Symbolic links are followed inside the tree; one to /dev/null masks, as on a real system.
 */
export function gitSnapshot(
  rev: string,
  tree: ReadonlyMap<string, TreeEntry>,
  blobs: ReadonlyMap<string, Uint8Array>,
  wanted: (path: string) => boolean,
): Snapshot {
  const files = new Map<string, Uint8Array | null>()
  const resolveLink = (path: string, depth: number): Uint8Array | null => {
    const entry = tree.get(path)
    if (!entry) return null
    const content = blobs.get(entry.sha) ?? null
    if (entry.mode !== '120000' || content === null) return content
    const target = Buffer.from(content).toString('utf8')
    if (target === '/dev/null') return new Uint8Array(0)
    if (depth > 8 || target.startsWith('/')) return null
    return resolveLink(normalizeJoin(dirname(path), target), depth + 1)
  }
  for (const path of tree.keys()) files.set(path, wanted(path) ? resolveLink(path, 0) : null)
  return memorySnapshot(rev, files)
}

/** Blob ids a git snapshot will read, symbolic-link targets included. */
export function wantedBlobs(tree: ReadonlyMap<string, TreeEntry>, wanted: (path: string) => boolean): string[] {
  const out: string[] = []
  for (const [path, e] of tree) if (wanted(path) || e.mode === '120000') out.push(e.sha)
  return out
}

function normalizeJoin(dir: string, rel: string): string {
  const parts = (dir === '.' ? [] : dir.split('/')).concat(rel.split('/'))
  const out: string[] = []
  for (const p of parts) {
    if (p === '' || p === '.') continue
    if (p === '..') out.pop()
    else out.push(p)
  }
  return out.join('/')
}

/** The work tree: files git tracks or would track, read from disk on demand. */
export function worktreeSnapshot(root: string, paths: readonly string[]): Snapshot {
  const set = new Set(paths)
  const dirs = directoryIndex(set)
  return {
    rev: null,
    paths: set,
    source: {
      read(p) {
        const rel = normalize(p)
        if (!set.has(rel)) return null
        const full = join(root, rel)
        try {
          const st = statSync(full)
          if (st.isCharacterDevice()) return new Uint8Array(0)
          if (!st.isFile()) return null
          if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(rel, st.size)
          return readFileSync(full)
        } catch (e) {
          if (e instanceof UnitFileTooLarge) throw e
          return null
        }
      },
      list: (d) => {
        const e = dirs.get(normalize(d) || '.')
        return e ? [...e] : null
      },
    },
  }
}

