/**
 * The git edge: revisions, changed files with rename detection, trees and blobs. Every blob a
 * diff needs is read through ONE `git cat-file --batch` process.
 *
 * A partial clone (a shallow checkout whose compared commits were fetched without blobs) lacks
 * most blobs, and git fetches a missing blob on its own, one request each, whenever a command
 * needs it — `ls-tree -l` for its size, `cat-file` for its content. So in a partial clone the
 * tree is listed without sizes, and the blobs a diff will read are fetched first, in one request
 * (`prefetch`).
 */
import { isUtf8 } from 'node:buffer'
import { execFileSync, spawnSync } from 'node:child_process'
import { decodePath, splitNulPaths } from './path-bytes.js'

export class GitError extends Error {}

export interface TreeEntry {
  readonly mode: string
  readonly sha: string
  /**
   * The blob's size in bytes, so that files too large for a unit are never read; null when it
   * is not known without fetching the blob (a partial clone).
   */
  readonly size: number | null
}

/** One changed path between two revisions (git's name-status letters, renames paired). */
export interface FileChange {
  readonly status: 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed'
  readonly path: string
  /** The base path of a rename or copy. */
  readonly oldPath?: string
}

/** A change with both sides' modes and object ids (zeros and 000000 on a side that has none). */
export interface RawChange extends FileChange {
  readonly oldMode: string
  readonly newMode: string
  readonly oldSha: string
  readonly newSha: string
}

/** Git's mode of a symbolic link: its blob holds the target. */
export const LINK_MODE = '120000'

/** An entry of one directory of a tree. */
export interface DirEntry extends TreeEntry {
  readonly type: 'blob' | 'tree'
}

const STATUS: Record<string, FileChange['status']> = {
  A: 'added',
  D: 'deleted',
  T: 'type-changed',
  M: 'modified',
}

const MAX_BUFFER = 1 << 30

export class GitRepo {
  private topLevelDir: string | undefined
  private promisor: string | null | undefined
  private readonly listings = new Map<
    string,
    {
      readonly tracked: readonly string[]
      readonly untracked: readonly string[]
      readonly deleted: ReadonlySet<string>
    }
  >()

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

  /**
   * Fetches commits from origin, just them (depth 1), in a few requests whose size follows what
   * the commits changed, not the repository: the commits alone, then their trees a level at a
   * time — only those that differ from the checkout's HEAD at the same path (the rest are there
   * already) — and no blobs. The checkout becomes a partial clone; the blobs a diff reads come
   * with `prefetch`. (A server that does not filter sends everything at once: slower, the same.)
   */
  fetchCommits(shas: readonly string[]): void {
    const fetch = (filter: string): string =>
      this.run([
        'fetch',
        '--no-tags',
        '--quiet',
        // Else git reads the whole index, looking for submodules to fetch into.
        '--recurse-submodules=no',
        '--depth=1',
        `--filter=${filter}`,
        'origin',
        ...shas,
      ])
    try {
      fetch('tree:0')
    } catch {
      // A server may allow some filters only (uploadpack.filter.<kind>.allow) and refuse this
      // one: the commits with all their trees, still no blob. (Not reproduced with git 2.39's
      // own server, which let tree:0 through with only blob:none allowed.)
      fetch('blob:none')
    }
    this.promisor = undefined
    let reference: string | null = null
    try {
      reference = this.run(['rev-parse', '--verify', '--quiet', 'HEAD^{tree}']).trim() || null
    } catch {
      // no HEAD: every tree is fetched
    }
    // Object ids of 20 bytes (SHA-1) or 32 (SHA-256).
    const idBytes = this.run(['rev-parse', '--show-object-format']).trim() === 'sha256' ? 32 : 20
    const roots = this.readObjects(shas, 'commit')
    let level: { readonly tree: string; readonly ref: string | null }[] = []
    for (const c of roots.values()) {
      const m = /^tree ([0-9a-f]+)$/m.exec(Buffer.from(c).toString('latin1'))
      if (m) level.push({ tree: m[1]!, ref: reference })
    }
    // A tree equal to the reference's at its path is there, with everything under it.
    for (let depth = 0; level.length > 0 && depth < MAX_TREE_DEPTH; depth++) {
      const todo = level.filter((p) => p.tree !== p.ref)
      this.prefetch(
        todo.map((p) => p.tree),
        'tree:0',
      )
      const trees = this.readObjects(
        [...todo.map((p) => p.tree), ...todo.flatMap((p) => (p.ref === null ? [] : [p.ref]))],
        'tree',
      )
      const next = new Map<string, { readonly tree: string; readonly ref: string | null }>()
      for (const p of todo) {
        const mine = trees.get(p.tree)
        if (mine === undefined) continue
        const theirs = p.ref === null ? undefined : trees.get(p.ref)
        const theirSubtrees = theirs === undefined ? null : subtrees(theirs, idBytes)
        for (const [name, tree] of subtrees(mine, idBytes)) {
          const ref = theirSubtrees?.get(name) ?? null
          next.set(`${tree} ${ref}`, { tree, ref })
        }
      }
      level = [...next.values()]
    }
  }

  /**
   * The remote a partial clone fetches its missing objects from, or null when the repository is
   * whole (nothing to fetch: every object of its commits is there).
   */
  promisorRemote(): string | null {
    if (this.promisor === undefined) {
      let config = ''
      try {
        config = this.run(['config', '-z', '--get-regexp', '^(remote\\..*\\.promisor|extensions\\.partialclone)$'])
      } catch {
        // exit status 1: no such setting
      }
      this.promisor = null
      for (const rec of config.split('\0')) {
        if (rec === '') continue
        // `key\nvalue`, or just `key` for a boolean set without a value (true).
        const nl = rec.indexOf('\n')
        const [key, value] = nl < 0 ? [rec, 'true'] : [rec.slice(0, nl), rec.slice(nl + 1)]
        if (key.toLowerCase() === 'extensions.partialclone' && value !== '') this.promisor = value
        else if (this.promisor === null && /^remote\..*\.promisor$/i.test(key) && /^(true|yes|on|1)$/i.test(value))
          this.promisor = key.slice('remote.'.length, -'.promisor'.length)
      }
    }
    return this.promisor
  }

  /**
   * Fetches, in one request, those of these objects a partial clone lacks (git leaves out the
   * ones it has, and does not connect when it has them all); nothing in a whole repository. An
   * object the remote will not give stays missing: reading it fails, and the unit that needs it
   * is unreadable.
   */
  prefetch(oids: readonly string[], filter: 'blob:none' | 'tree:0' = 'blob:none'): void {
    const remote = this.promisorRemote()
    if (remote === null || oids.length === 0) return
    // As git's own fetch of missing objects: no negotiation (these are blobs or trees), nothing
    // written to FETCH_HEAD. `tree:0`: a tree without the trees under it.
    try {
      this.run(
        [
          '-c',
          'fetch.negotiationAlgorithm=noop',
          'fetch',
          '--quiet',
          '--no-tags',
          '--no-write-fetch-head',
          '--recurse-submodules=no',
          `--filter=${filter}`,
          '--stdin',
          remote,
        ],
        [...new Set(oids)].join('\n') + '\n',
      )
    } catch {
      // One object the remote will not give fails the whole fetch: each read then asks git for
      // its own, and says which failed.
    }
  }

  /**
   * The merge of `head` into `base`, as a tree (`git merge-tree --write-tree`, git 2.38+), with
   * `mergeBase` as the merge base — which a shallow history cannot find on its own: two
   * stand-in commits with base's and head's trees and the merge base as their one parent make it
   * the merge base merge-tree finds (git 2.40's --merge-base does the same; this works on
   * 2.38 too). They are written to the object store, referenced by nothing.
   * Returns the conflicting paths instead when the two do not merge cleanly.
   */
  mergeTree(
    mergeBase: string,
    base: string,
    head: string,
  ): { readonly tree: string } | { readonly conflicts: readonly string[] } {
    // Fixed names and dates: the same merge gives the same stand-ins.
    const env = {
      GIT_AUTHOR_NAME: 'systemd-exposure',
      GIT_AUTHOR_EMAIL: 'systemd-exposure@invalid',
      GIT_AUTHOR_DATE: '1970-01-01T00:00:00Z',
      GIT_COMMITTER_NAME: 'systemd-exposure',
      GIT_COMMITTER_EMAIL: 'systemd-exposure@invalid',
      GIT_COMMITTER_DATE: '1970-01-01T00:00:00Z',
    }
    const standIn = (rev: string): string =>
      this.run(
        ['commit-tree', '-p', mergeBase, '-m', 'systemd-exposure: merge side', '--end-of-options', `${rev}^{tree}`],
        undefined,
        env,
      ).trim()
    const [ours, theirs] = [standIn(base), standIn(head)]
    const r = spawnSync(
      'git',
      ['-C', this.dir, 'merge-tree', '--write-tree', '--name-only', '-z', '--no-messages', ours, theirs],
      { maxBuffer: MAX_BUFFER },
    )
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
    if (head === null) for (const p of this.worktreeListing(pathspecs).untracked) out.push({ status: 'added', path: p })
    return out
  }

  /** Every file of a revision's tree, with mode and blob id (and size, unless a partial clone). */
  tree(rev: string, pathspecs: readonly string[] = []): Map<string, TreeEntry> {
    // `-l` reads every blob's size: in a partial clone, a fetch of every blob missing.
    const sized = this.promisorRemote() === null
    const out = this.runBytes(['ls-tree', '-r', '-z', ...(sized ? ['-l'] : []), '--full-tree', rev, '--', ...pathspecs])
    const size = (s: string | undefined): number | null => (sized ? Number(s) : null)
    const map = new Map<string, TreeEntry>()
    if (isUtf8(out)) {
      // Nearly always: one decode, records split as text.
      for (const rec of out.toString('utf8').split('\0')) {
        const tab = rec.indexOf('\t')
        if (tab < 0) continue
        const [mode, type, sha, blobSize] = rec.slice(0, tab).split(/ +/) as [
          string,
          string,
          string,
          string | undefined,
        ]
        if (type === 'blob') map.set(rec.slice(tab + 1), { mode, sha, size: size(blobSize) })
      }
      return map
    }
    for (let at = 0; at < out.length;) {
      let end = out.indexOf(0, at)
      if (end < 0) end = out.length
      const tab = out.indexOf(0x09, at)
      if (tab > at && tab < end) {
        // "<mode> <type> <sha> <size, right-aligned>\t<path>": the header is ASCII, the path bytes.
        const [mode, type, sha, blobSize] = out.subarray(at, tab).toString('latin1').split(/ +/) as [
          string,
          string,
          string,
          string | undefined,
        ]
        if (type === 'blob') map.set(decodePath(out.subarray(tab + 1, end)), { mode, sha, size: size(blobSize) })
      }
      at = end + 1
    }
    return map
  }

  /**
   * The changes from one commit to another with both sides' modes and blob ids (`git diff
   * --raw`, renames paired as `changes` pairs them, unless `renames` is false: then no blob is
   * compared): what a side's tree differs by, read in time that follows the change (git skips
   * the subtrees the two commits share).
   */
  rawChanges(base: string, head: string, renames = true): RawChange[] {
    const out = this.runBytes([
      'diff',
      '--no-ext-diff',
      '--no-color',
      '--raw',
      '--no-abbrev',
      renames ? '-M' : '--no-renames',
      '-z',
      base,
      head,
      '--',
    ])
    const fields = splitNulPaths(out)
    const changes: RawChange[] = []
    for (let i = 0; i < fields.length;) {
      const header = fields[i++]!
      // ":<old mode> <new mode> <old id> <new id> <letter>[score]"
      const [oldMode, newMode, oldSha, newSha, code] = header.slice(1).split(' ') as [
        string,
        string,
        string,
        string,
        string,
      ]
      const letter = code[0]
      const ids = { oldMode, newMode, oldSha, newSha }
      if (letter === 'R' || letter === 'C') {
        const oldPath = fields[i++]!
        const path = fields[i++]!
        changes.push(letter === 'R' ? { status: 'renamed', path, oldPath, ...ids } : { status: 'added', path, ...ids })
        continue
      }
      const path = fields[i++]!
      changes.push({ status: STATUS[letter ?? ''] ?? 'modified', path, ...ids })
    }
    return changes
  }

  /**
   * Every directory and every symbolic link of a revision (`ls-tree -r -t`), the links with their
   * blob ids. The one listing whose size follows the repository's: a link anywhere can lead a unit
   * to a changed file. Only the records of directories and links become strings; the others (the
   * files, nearly all of them) are skipped where they lie in git's output.
   */
  dirsAndLinks(rev: string): { readonly dirs: Set<string>; readonly links: Map<string, string> } {
    const out = this.runBytes(['ls-tree', '-r', '-t', '-z', '--full-tree', rev])
    const dirs = new Set<string>(['.'])
    const links = new Map<string, string>()
    for (let at = 0; at < out.length;) {
      let end = out.indexOf(0, at)
      if (end < 0) end = out.length
      // "<mode> <type> <id>", a tab, the path: 040000 a tree, 120000 a link.
      const tree = out[at] === 0x30 && out[at + 1] === 0x34
      const link = out[at] === 0x31 && out[at + 1] === 0x32
      if (tree || link) {
        const tab = out.indexOf(0x09, at)
        const path = decodePath(out.subarray(tab + 1, end))
        if (tree) dirs.add(path)
        else links.set(path, out.toString('latin1', at + 12, tab))
      }
      at = end + 1
    }
    return { dirs, links }
  }

  /**
   * The entries of one directory (not recursive), given as a tree-ish (`rev^{tree}`, `rev:dir`
   * or a tree's id): name → mode, type and object id (and size, unless a partial clone). Null
   * when there is no such tree.
   */
  directory(treeish: string): Map<string, DirEntry> | null {
    const sized = this.promisorRemote() === null
    let out: Buffer
    try {
      out = this.runBytes(['ls-tree', '-z', ...(sized ? ['-l'] : []), '--end-of-options', treeish])
    } catch {
      return null
    }
    const map = new Map<string, DirEntry>()
    for (const rec of splitNulPaths(out)) {
      const tab = rec.indexOf('\t')
      if (tab < 0) continue
      const [mode, type, sha, blobSize] = rec.slice(0, tab).split(/ +/) as [string, string, string, string | undefined]
      if (type !== 'blob' && type !== 'tree') continue
      map.set(rec.slice(tab + 1), { mode, type, sha, size: sized && type === 'blob' ? Number(blobSize) : null })
    }
    return map
  }

  /** Files of the work tree that git tracks or would track (not ignored), and that exist. */
  worktreeFiles(pathspecs: readonly string[] = []): string[] {
    const { tracked, untracked, deleted } = this.worktreeListing(pathspecs)
    // Tracked files deleted from disk but not yet staged are gone from the work tree.
    return [...new Set([...tracked, ...untracked].filter((p) => !deleted.has(p)))]
  }

  /**
   * The work tree's files as git sees them, from one `ls-files` run per set of pathspecs (a
   * diff of the work tree asks for the untracked ones twice: as changes, and as files).
   */
  private worktreeListing(pathspecs: readonly string[]): {
    readonly tracked: readonly string[]
    readonly untracked: readonly string[]
    readonly deleted: ReadonlySet<string>
  } {
    const key = pathspecs.join('\0')
    let listing = this.listings.get(key)
    if (listing === undefined) {
      // `-t` tags each path: `?` untracked, `R` deleted from disk, anything else tracked.
      const out = this.runBytes([
        'ls-files',
        '-z',
        '-t',
        '--cached',
        '--deleted',
        '--others',
        '--exclude-standard',
        '--',
        ...pathspecs,
      ])
      const tracked: string[] = []
      const untracked: string[] = []
      const deleted = new Set<string>()
      for (const rec of splitNulPaths(out)) {
        const path = rec.slice(2)
        if (rec[0] === '?') untracked.push(path)
        else if (rec[0] === 'R') deleted.add(path)
        else tracked.push(path)
      }
      this.listings.set(key, (listing = { tracked, untracked, deleted }))
    }
    return listing
  }

  /** Sizes of many blobs through one `git cat-file --batch-check` (missing ones left out). */
  blobSizes(shas: readonly string[]): Map<string, number> {
    const unique = [...new Set(shas)]
    const out = new Map<string, number>()
    if (unique.length === 0) return out
    for (const line of this.run(['cat-file', '--batch-check'], unique.join('\n') + '\n').split('\n')) {
      const [sha, type, size] = line.split(' ')
      if (type === 'blob' && sha !== undefined) out.set(sha, Number(size))
    }
    return out
  }

  /** Contents of many blobs through one `git cat-file --batch`. */
  readBlobs(shas: readonly string[]): Map<string, Uint8Array> {
    return this.readObjects(shas, 'blob')
  }

  /** Contents of many objects of one type through one `git cat-file --batch` (others left out). */
  private readObjects(shas: readonly string[], type: 'blob' | 'tree' | 'commit'): Map<string, Uint8Array> {
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
      if (parts[1] === type) result.set(sha, buf.subarray(at, at + size))
      at += size + 1
    }
    return result
  }
}

/** Deeper trees than this are not fetched ahead: git fetches what it misses on its own. */
const MAX_TREE_DEPTH = 64

/** The subdirectories of a raw tree object: name → tree id (`<mode> <name>\0<id bytes>` entries). */
function subtrees(raw: Uint8Array, idBytes: number): Map<string, string> {
  const out = new Map<string, string>()
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
  for (let at = 0; at < buf.length;) {
    const space = buf.indexOf(0x20, at)
    const nul = buf.indexOf(0, space)
    if (space < 0 || nul < 0) break
    if (buf.toString('latin1', at, space) === '40000')
      out.set(buf.toString('latin1', space + 1, nul), buf.toString('hex', nul + 1, nul + 1 + idBytes))
    at = nul + 1 + idBytes
  }
  return out
}

function parseNameStatus(out: Uint8Array): FileChange[] {
  const fields = splitNulPaths(out)
  const changes: FileChange[] = []
  for (let i = 0; i < fields.length;) {
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
