/**
 * The git edge: revisions, changed files with rename detection, trees and blobs. Every blob a
 * diff needs is read through ONE `git cat-file --batch` process.
 */
import { isUtf8 } from 'node:buffer'
import { execFileSync, spawnSync } from 'node:child_process'
import { decodePath, splitNulPaths } from './path-bytes.js'

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
  private topLevelDir: string | undefined

  constructor(readonly dir: string) {}

  /**
   * The repository `dir` is in, or null when it is in none. Any other failure (git missing, a
   * repository git refuses to read, such as one owned by another user) is a GitError that says
   * so: it must not pass for "no checkout".
   */
  static open(dir: string): GitRepo | null {
    const repo = new GitRepo(dir)
    try {
      repo.topLevel()
      return repo
    } catch (e) {
      if (e instanceof GitError && /not a git repository/i.test(e.message)) return null
      throw e
    }
  }

  run(args: readonly string[], input?: string, env?: NodeJS.ProcessEnv): string {
    return this.runBytes(args, input, env).toString('utf8')
  }

  /** Raw output: paths in it are bytes, not necessarily UTF-8 (see path-bytes.ts). */
  runBytes(args: readonly string[], input?: string, env?: NodeJS.ProcessEnv): Buffer {
    try {
      return execFileSync('git', ['-C', this.dir, ...args], {
        maxBuffer: MAX_BUFFER,
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(input !== undefined ? { input } : {}),
        ...(env !== undefined ? { env: { ...process.env, ...env } } : {}),
      })
    } catch (e) {
      const err = e as { stderr?: Buffer | string; message: string }
      throw new GitError(`git ${args[0]} failed: ${(String(err.stderr ?? '') || err.message).trim()}`)
    }
  }

  topLevel(): string {
    if (this.topLevelDir !== undefined) return this.topLevelDir
    // Only the final newline is git's: a directory name may end in one.
    const out = this.runBytes(['rev-parse', '--show-toplevel'])
    this.topLevelDir = decodePath(out.subarray(0, out.length > 0 && out[out.length - 1] === 0x0a ? -1 : out.length))
    return this.topLevelDir
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

  /**
   * A commit's parents, from the commit object itself: a shallow checkout's history stops at
   * the commit (`rev^2` fails there), but the object still names them.
   */
  parents(commit: string): string[] {
    const text = this.run(['cat-file', 'commit', commit])
    const end = text.indexOf('\n\n')
    const headers = end < 0 ? text : text.slice(0, end)
    return [...headers.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]!)
  }

  /** git's version as [major, minor]. */
  version(): [number, number] {
    const m = /(\d+)\.(\d+)/.exec(this.run(['version']))
    return m ? [Number(m[1]), Number(m[2])] : [0, 0]
  }

  /** Fetches commits from origin, just them (depth 1): one round trip for them all. */
  fetchCommits(shas: readonly string[]): void {
    this.run(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', ...shas])
  }

  /**
   * The merge of `head` into `base`, as a tree (`git merge-tree --write-tree`, git 2.38+), with
   * `mergeBase` as the merge base — which a shallow history cannot find on its own: two
   * stand-in commits with base's and head's trees and the merge base as their one parent make it
   * the merge base merge-tree finds (git 2.40's --merge-base does the same; this works on
   * 2.38 too). They are written to the object store, referenced by nothing.
   * Returns the conflicting paths instead when the two do not merge cleanly.
   */
  mergeTree(mergeBase: string, base: string, head: string): { readonly tree: string } | { readonly conflicts: readonly string[] } {
    // Fixed names and dates: the same merge gives the same stand-ins.
    const env = {
      GIT_AUTHOR_NAME: 'systemd-exposure',
      GIT_AUTHOR_EMAIL: 'systemd-exposure@invalid',
      GIT_AUTHOR_DATE: '1970-01-01T00:00:00Z',
      GIT_COMMITTER_NAME: 'systemd-exposure',
      GIT_COMMITTER_EMAIL: 'systemd-exposure@invalid',
      GIT_COMMITTER_DATE: '1970-01-01T00:00:00Z',
    }
    const standIn = (rev: string): string => this.run(['commit-tree', '-p', mergeBase, '-m', 'systemd-exposure: merge side', '--end-of-options', `${rev}^{tree}`], undefined, env).trim()
    const [ours, theirs] = [standIn(base), standIn(head)]
    const r = spawnSync('git', ['-C', this.dir, 'merge-tree', '--write-tree', '--name-only', '-z', '--no-messages', ours, theirs], { maxBuffer: MAX_BUFFER })
    if (r.error) throw new GitError(`git merge-tree failed: ${r.error.message}`)
    // Exit status 0: merged; 1: conflicts; anything else: it could not merge at all.
    if (r.status !== 0 && r.status !== 1) throw new GitError(`git merge-tree failed: ${r.stderr.toString().trim()}`)
    const fields = r.stdout.toString('utf8').split('\0')
    const tree = fields[0]!.trim()
    if (r.status === 0) return { tree }
    const conflicts: string[] = []
    for (const f of fields.slice(1)) {
      if (f === '') break
      conflicts.push(f)
    }
    return { conflicts: [...new Set(conflicts)] }
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
    const out = parseNameStatus(this.runBytes(args))
    if (head === null) {
      const untracked = this.runBytes(['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs])
      for (const p of splitNulPaths(untracked)) out.push({ status: 'added', path: p })
    }
    return out
  }

  /** Every file of a revision's tree, with mode and blob id. */
  tree(rev: string, pathspecs: readonly string[] = []): Map<string, TreeEntry> {
    const out = this.runBytes(['ls-tree', '-r', '-z', '-l', '--full-tree', rev, '--', ...pathspecs])
    const map = new Map<string, TreeEntry>()
    if (isUtf8(out)) {
      // Nearly always: one decode, records split as text.
      for (const rec of out.toString('utf8').split('\0')) {
        const tab = rec.indexOf('\t')
        if (tab < 0) continue
        const [mode, type, sha, size] = rec.slice(0, tab).split(/ +/) as [string, string, string, string]
        if (type === 'blob') map.set(rec.slice(tab + 1), { mode, sha, size: Number(size) })
      }
      return map
    }
    for (let at = 0; at < out.length; ) {
      let end = out.indexOf(0, at)
      if (end < 0) end = out.length
      const tab = out.indexOf(0x09, at)
      if (tab > at && tab < end) {
        // "<mode> <type> <sha> <size, right-aligned>\t<path>": the header is ASCII, the path bytes.
        const [mode, type, sha, size] = out.subarray(at, tab).toString('latin1').split(/ +/) as [string, string, string, string]
        if (type === 'blob') map.set(decodePath(out.subarray(tab + 1, end)), { mode, sha, size: Number(size) })
      }
      at = end + 1
    }
    return map
  }

  /** Files of the work tree that git tracks or would track (not ignored), and that exist. */
  worktreeFiles(pathspecs: readonly string[] = []): string[] {
    const listed = this.runBytes(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...pathspecs])
    // Tracked files deleted from disk but not yet staged are gone from the work tree.
    const deleted = new Set(splitNulPaths(this.runBytes(['ls-files', '-z', '--deleted', '--', ...pathspecs])))
    return [...new Set(splitNulPaths(listed).filter((p) => !deleted.has(p)))]
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

function parseNameStatus(out: Uint8Array): FileChange[] {
  const fields = splitNulPaths(out)
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
