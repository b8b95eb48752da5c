/**
 * A git revision's tree as a RepoTree store that costs what the change costs, not what the
 * repository holds: every directory and link of the revision is known from the start (a link
 * anywhere can lead a unit to a changed file, touched.ts), and a directory's files are read when
 * a path in it is first asked about — the directories a change touches and those links lead
 * through. Pure: `readDir` reads a directory (from git, in from-git.ts).
 *
 * The head revision's layout comes from base's and the changes between them (`headLayout`), so
 * only one side's directories and links are listed in full.
 */
import { LINK_MODE, type DirEntry, type RawChange } from '../git/git.js'
import { dirname, basename } from '../unit/source.js'
import { linkTargetOf, type RepoEntry, type TreeStore } from './repo-tree.js'

/** A byte of a path that is not UTF-8, as path-bytes.ts escapes it. */
const NOT_UTF8 = /[\udc80-\udcff]/

/** Every directory and link (path → blob id) of a revision. */
export interface RevisionLayout {
  readonly dirs: ReadonlySet<string>
  readonly links: ReadonlyMap<string, string>
  /** Directories of `dirs` that may be gone (everything under them deleted): asked of their parent. */
  readonly maybeGone?: ReadonlySet<string>
}

/**
 * The head side's layout: base's, with the changed paths taken out and put back as head has
 * them. A directory whose files were all deleted is gone (also when a file takes its place: its
 * files are deleted then); every directory a deletion leaves may be, and is checked when asked
 * about.
 */
export function headLayout(base: RevisionLayout, changes: readonly RawChange[]): RevisionLayout {
  const dirs = new Set(base.dirs)
  const links = new Map(base.links)
  const maybeGone = new Set(base.maybeGone)
  const ancestors = function* (p: string): Generator<string> {
    for (let d = dirname(p); d !== '.' && d !== '/'; d = dirname(d)) yield d
  }
  for (const c of changes) {
    const gone = c.oldPath ?? (c.status === 'deleted' ? c.path : null)
    if (gone !== null) {
      links.delete(gone)
      for (const d of ancestors(gone)) maybeGone.add(d)
    }
    if (c.status === 'deleted') continue
    links.delete(c.path)
    if (c.newMode === LINK_MODE) links.set(c.path, c.newSha)
    for (const d of ancestors(c.path)) {
      dirs.add(d)
      maybeGone.delete(d)
    }
  }
  return { dirs, links, maybeGone }
}

export class RevisionStore implements TreeStore {
  readonly whole = false
  private readonly loaded = new Map<string, ReadonlyMap<string, DirEntry> | null>()
  private readonly names = new Map<string, readonly string[] | null>()
  private linkList: string[] | null = null

  /**
   * @param targets link blobs by id (a link whose blob is absent or too long has no target read)
   * @param readDir a directory's entries, null when the revision has none there; `treeId` is
   *   given for a path whose bytes are not UTF-8 (which cannot be passed to git as text)
   */
  constructor(
    private readonly layout: RevisionLayout,
    private readonly targets: ReadonlyMap<string, Uint8Array>,
    private readonly readDir: (dir: string, treeId?: string) => ReadonlyMap<string, DirEntry> | null,
  ) {}

  private dir(dir: string): ReadonlyMap<string, DirEntry> | null {
    if (!this.isDir(dir)) return null
    let d = this.loaded.get(dir)
    if (d === undefined) {
      const id = NOT_UTF8.test(dir) ? this.dir(dirname(dir))?.get(basename(dir))?.sha : undefined
      this.loaded.set(dir, (d = this.readDir(dir, id)))
    }
    return d
  }

  isDir(path: string): boolean {
    if (path === '.' || path === '') return true
    if (!this.layout.dirs.has(path)) return false
    if (this.layout.maybeGone?.has(path) !== true) return true
    return this.dir(dirname(path))?.get(basename(path))?.type === 'tree'
  }

  link(path: string): (RepoEntry & { readonly kind: 'link' }) | undefined {
    const sha = this.layout.links.get(path)
    return sha === undefined ? undefined : this.linkEntry(sha)
  }

  private linkEntry(sha: string): RepoEntry & { readonly kind: 'link' } {
    const blob = this.targets.get(sha)
    return {
      kind: 'link',
      target: linkTargetOf(blob),
    }
  }

  entry(path: string): RepoEntry | undefined {
    const link = this.link(path)
    if (link !== undefined) return link
    const e = this.fileEntry(path)
    if (e === undefined) return undefined
    return e.mode === LINK_MODE ? this.linkEntry(e.sha) : { kind: 'file', size: e.size }
  }

  /** The blob of a regular file or link at a path, as its directory lists it. */
  fileEntry(path: string): DirEntry | undefined {
    if (path === '.' || path === '') return undefined
    const e = this.dir(dirname(path))?.get(basename(path))
    return e?.type === 'blob' ? e : undefined
  }

  list(dir: string): readonly string[] | null {
    let n = this.names.get(dir)
    if (n === undefined) {
      const d = this.dir(dir)
      this.names.set(dir, (n = d === null ? null : [...d.keys()]))
    }
    return n
  }

  links(): readonly string[] {
    this.linkList ??= [...this.layout.links.keys()]
    return this.linkList
  }
}
