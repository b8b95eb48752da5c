/**
 * The git edge: revisions, changed files with rename detection, trees and blobs. Every blob a
 * diff needs is read through ONE `git cat-file --batch` process.
 */
import { execFileSync, spawnSync } from 'node:child_process'

export class GitError extends Error {}

export interface TreeEntry {
  readonly mode: string
  readonly sha: string
  /** The blob's size in bytes: files too large for a unit are never read. */
  readonly size: number
}

/** One changed path between two revisions (git's name-status letters, renames paired). */
export interface FileChange {
  readonly status: 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed'
  readonly path: string
  /** The base path of a rename or copy. */
  readonly oldPath?: string
}

const MAX_BUFFER = 1 << 30

export class GitRepo {
  constructor(readonly dir: string) {}

  run(args: readonly string[], input?: string): string {
    try {
      return execFileSync('git', ['-C', this.dir, ...args], {
        encoding: 'utf8',
        maxBuffer: MAX_BUFFER,
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(input !== undefined ? { input } : {}),
      })
    } catch (e) {
      const err = e as { stderr?: string; message: string }
      throw new GitError(`git ${args[0]} failed: ${(err.stderr || err.message).trim()}`)
    }
  }

  topLevel(): string {
    return this.run(['rev-parse', '--show-toplevel']).trim()
  }

  resolve(rev: string): string {
    return this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).trim()
  }

  /** A shallow clone's history stops at its shallow commits: `git merge-base` could miss the real one. */
  isShallow(): boolean {
    return this.run(['rev-parse', '--is-shallow-repository']).trim() === 'true'
  }

  mergeBase(a: string, b: string): string {
    return this.run(['merge-base', a, b]).trim()
  }

  /** The remote's default branch (origin/HEAD), else a local main or master. */
  defaultBranch(): string {
    const candidates = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master']
    for (const c of candidates) {
      try {
        this.resolve(c)
        return c
      } catch {
        // try the next one
      }
    }
    throw new GitError('cannot find the default branch (no origin/HEAD, main or master): pass --base')
  }

  /** Changed files from base to head (null head = the work tree, untracked files included). */
  changes(base: string, head: string | null, pathspecs: readonly string[] = []): FileChange[] {
    // Rename detection with git's default similarity, so a moved service keeps its baseline.
    const args = ['diff', '--no-ext-diff', '--no-color', '-M', '-z', '--name-status', base]
    if (head !== null) args.push(head)
    args.push('--', ...pathspecs)
    const out = parseNameStatus(this.run(args))
    if (head === null) {
      const untracked = this.run(['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs])
      for (const p of untracked.split('\0')) if (p !== '') out.push({ status: 'added', path: p })
    }
    return out
  }

  /** Every file of a revision's tree, with mode and blob id. */
  tree(rev: string, pathspecs: readonly string[] = []): Map<string, TreeEntry> {
    const out = this.run(['ls-tree', '-r', '-z', '-l', '--full-tree', rev, '--', ...pathspecs])
    const map = new Map<string, TreeEntry>()
    for (const rec of out.split('\0')) {
      if (rec === '') continue
      const tab = rec.indexOf('\t')
      // "<mode> <type> <sha> <size, right-aligned>\t<path>"
      const [mode, type, sha, size] = rec.slice(0, tab).split(/ +/) as [string, string, string, string]
      if (type === 'blob') map.set(rec.slice(tab + 1), { mode, sha, size: Number(size) })
    }
    return map
  }

  /** Files of the work tree that git tracks or would track (not ignored), and that exist. */
  worktreeFiles(pathspecs: readonly string[] = []): string[] {
    const listed = this.run(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...pathspecs])
    // Tracked files deleted from disk but not yet staged are gone from the work tree.
    const deleted = new Set(this.run(['ls-files', '-z', '--deleted', '--', ...pathspecs]).split('\0'))
    return [...new Set(listed.split('\0').filter((p) => p !== '' && !deleted.has(p)))]
  }

  /** Contents of many blobs through one `git cat-file --batch`. */
  readBlobs(shas: readonly string[]): Map<string, Uint8Array> {
    const unique = [...new Set(shas)]
    const result = new Map<string, Uint8Array>()
    if (unique.length === 0) return result
    const r = spawnSync('git', ['-C', this.dir, 'cat-file', '--batch'], {
      input: unique.join('\n') + '\n',
      maxBuffer: MAX_BUFFER,
    })
    if (r.error) throw new GitError(`git cat-file failed: ${r.error.message}`)
    if (r.status !== 0) throw new GitError(`git cat-file failed: ${r.stderr.toString().trim()}`)
    const buf = r.stdout
    let at = 0
    for (const sha of unique) {
      const nl = buf.indexOf(0x0a, at)
      const header = buf.subarray(at, nl).toString()
      at = nl + 1
      const parts = header.split(' ')
      if (parts[1] === 'missing' || parts.length < 3) continue
      const size = Number(parts[2])
      result.set(sha, buf.subarray(at, at + size))
      at += size + 1
    }
    return result
  }
}

function parseNameStatus(out: string): FileChange[] {
  const fields = out.split('\0')
  const changes: FileChange[] = []
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]
    if (!code) continue
    const letter = code[0]
    if (letter === 'R' || letter === 'C') {
      const oldPath = fields[i++]!
      const path = fields[i++]!
      changes.push(letter === 'R' ? { status: 'renamed', path, oldPath } : { status: 'added', path })
      continue
    }
    const path = fields[i++]!
    const status = letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : letter === 'T' ? 'type-changed' : 'modified'
    changes.push({ status, path })
  }
  return changes
}
