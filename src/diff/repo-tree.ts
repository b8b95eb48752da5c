/**
 * One side of a diff as a tree of files and symbolic links (a git revision or the work tree),
 * and path resolution inside it, as the kernel resolves paths — but rooted at the repository:
 * a link may point to a file, to a directory (then the rest of the path continues there), to
 * /dev/null (a mask), or out of the repository. Pure: the entries come from git or the disk.
 *
 * Links are followed at most MAX_LINKS times per path (Linux's limit), so loops and long chains
 * end, and resolving a path costs at most that many steps per component: linear in the input.
 */
import { decodePath } from '../git/path-bytes.js'
import { basename, dirname } from '../unit/source.js'

/**
 * A regular file (with its size; null when not known before it is read: a blob a partial clone
 * has not fetched) or a symbolic link (with its stored target; null when unread).
 */
export type RepoEntry =
  { readonly kind: 'file'; readonly size: number | null } | { readonly kind: 'link'; readonly target: string | null }

/** What a path leads to. `links` are the links followed on the way, in order. */
export type Resolution =
  | { readonly kind: 'file'; readonly path: string; readonly links: readonly string[] }
  | { readonly kind: 'dir'; readonly path: string; readonly links: readonly string[] }
  /** A link to /dev/null: systemd reads it as an empty, masked file. */
  | { readonly kind: 'mask'; readonly links: readonly string[] }
  /**
   * Nothing there; `path` is where the lookup ended. `dangling`: the name missing came from a
   * link's target (a dangling link), not from the path asked for (a name missing in a directory
   * a link led to).
   */
  | { readonly kind: 'missing'; readonly path: string; readonly links: readonly string[]; readonly dangling?: boolean }
  /** A link whose target is not in the repository (absolute, or `..` above the root). */
  | { readonly kind: 'outside'; readonly link: string; readonly target: string; readonly links: readonly string[] }
  /** More than MAX_LINKS links (a loop or a chain too long), as the kernel's ELOOP. */
  | { readonly kind: 'loop'; readonly link: string; readonly links: readonly string[] }
  /** A link whose target was never read (the GitHub API path reads only the links it needs). */
  | { readonly kind: 'unread'; readonly link: string; readonly links: readonly string[] }

export const MAX_LINKS = 40

const NO_LINKS: readonly string[] = Object.freeze([])

/** Linux's PATH_MAX: no link can hold a longer target, so a longer one is not read. */
export const MAX_LINK_TARGET_BYTES = 4095

/** A link's target from its blob: null when not read, or longer than a target can be. */
export function linkTargetOf(blob: Uint8Array | undefined): string | null {
  return blob === undefined || blob.length > MAX_LINK_TARGET_BYTES ? null : decodePath(blob)
}

/**
 * Unit search paths where an absolute link means a path of the same root file system: in a
 * repository that ships a root file system (`rootfs/etc/systemd/system/x.service ->
 * /usr/lib/systemd/system/x.service`), the target is looked up under that root.
 */
const ROOTFS_MARKERS = ['etc/systemd/', 'usr/lib/systemd/', 'lib/systemd/', 'usr/local/lib/systemd/', 'run/systemd/']

/**
 * Where a RepoTree's entries come from: a map of every entry (the work tree, GitHub's tree API),
 * or a store that reads a directory when it is first asked about (a git revision: mapStore is
 * the former, from-git.ts the latter).
 */
export interface TreeStore {
  /** The file or link at a path; undefined for a directory or nothing. */
  entry(path: string): RepoEntry | undefined
  /** The link at a path, known without reading its directory. */
  link(path: string): (RepoEntry & { readonly kind: 'link' }) | undefined
  /** Whether a real (not linked) directory is at the path. */
  isDir(path: string): boolean
  /** Entry names of a real directory, or null when there is none. */
  list(dir: string): readonly string[] | null
  /** Paths of every symbolic link. */
  links(): readonly string[]
  /** Whether every entry is in memory (then nothing is read when a path is resolved). */
  readonly whole: boolean
}

/** A store of every entry of a tree. */
export function mapStore(entries: ReadonlyMap<string, RepoEntry>): TreeStore {
  const sets = new Map<string, Set<string>>()
  for (const p of entries.keys()) {
    let child = p
    for (let dir = dirname(p); ; dir = dirname(dir)) {
      let names = sets.get(dir)
      const fresh = names === undefined
      if (!names) sets.set(dir, (names = new Set()))
      names.add(basename(child))
      // Ancestors were added with an earlier path: stop climbing.
      if (!fresh || dir === '.' || dir === '/') break
      child = dir
    }
  }
  // Arrays, made once: the loader lists a directory for every unit in it.
  const dirs = new Map<string, string[]>()
  for (const [d, names] of sets) dirs.set(d, [...names])
  let linkList: string[] | null = null
  return {
    whole: true,
    entry: (path) => entries.get(path),
    link: (path) => {
      const e = entries.get(path)
      return e?.kind === 'link' ? e : undefined
    },
    isDir: (path) => dirs.has(path),
    list: (dir) => dirs.get(dir) ?? null,
    links: () => {
      if (linkList === null) {
        linkList = []
        for (const [p, e] of entries) if (e.kind === 'link') linkList.push(p)
      }
      return linkList
    },
  }
}

export class RepoTree {
  private readonly store: TreeStore
  /** Resolutions already made: the diff asks about the same links in several passes. */
  private readonly resolved = new Map<string, Resolution>()
  private readonly routed = new Map<string, Resolution>()

  constructor(entries: ReadonlyMap<string, RepoEntry> | TreeStore) {
    this.store = entries instanceof Map ? mapStore(entries) : (entries as TreeStore)
  }

  entry(path: string): RepoEntry | undefined {
    return this.store.entry(path)
  }

  /** Entry names of a real (not linked) directory of the tree. */
  listDir(dir: string): readonly string[] | null {
    return this.store.list(dir === '' ? '.' : dir)
  }

  /**
   * Entry names of a directory, also when the path reaches it through a link (a linked
   * directory, `deploy/current -> v2`): what systemd lists there.
   */
  listing(dir: string): readonly string[] | null {
    const own = this.listDir(dir)
    if (own !== null) return own
    const r = this.resolve(dir === '' ? '.' : dir)
    return r.kind === 'dir' ? this.listDir(r.path) : null
  }

  /**
   * The entry a path names, also under a linked directory (its parent resolved, the path's own
   * last component not followed).
   */
  entryAt(path: string): RepoEntry | undefined {
    const own = this.store.entry(path)
    if (own !== undefined) return own
    const parent = this.resolve(dirname(path))
    if (parent.kind !== 'dir' || parent.links.length === 0) return undefined
    return this.store.entry(parent.path === '.' ? basename(path) : `${parent.path}/${basename(path)}`)
  }

  /** Paths of every symbolic link in the tree. */
  links(): readonly string[] {
    return this.store.links()
  }

  /**
   * Where a path leads, as `resolve` says, except that a path ending at neither a directory nor
   * a link is a 'file' whether or not a file is there: what a path passes through and where it
   * ends, known without reading the directory it ends in. Enough to say whether a link reaches
   * a changed path (the changed path is there on one side or the other).
   */
  route(path: string): Resolution {
    if (this.store.whole) return this.resolve(path)
    let r = this.routed.get(path)
    if (r === undefined) this.routed.set(path, (r = this.walk(path, false)))
    return r
  }

  /** Resolves a repository path, following links in every component. */
  resolve(path: string): Resolution {
    // An entry of the tree has real directories above it (git stores nothing under a link).
    if (this.store.isDir(path) && this.store.link(path) === undefined) return { kind: 'dir', path, links: NO_LINKS }
    const direct = this.store.entry(path)
    if (direct?.kind === 'file') return { kind: 'file', path, links: NO_LINKS }
    let r = this.resolved.get(path)
    if (r === undefined) this.resolved.set(path, (r = this.walk(path, true)))
    return r
  }

  /** `exact`: whether a path ending at neither a directory nor a link is looked up (route()). */
  private walk(path: string, exact: boolean): Resolution {
    const links: string[] = []
    // Components still to walk, last first (so that a link's target is pushed in front cheaply).
    const todo = splitPath(path).reverse()
    const at: string[] = []
    let hops = 0
    // The bottom `tail` components of `todo` are the path's own (not pushed by a link).
    let tail = todo.length
    let own: boolean
    while (todo.length > 0) {
      own = todo.length <= tail
      const part = todo.pop()!
      if (own) tail = todo.length
      if (part === '.' || part === '') continue
      if (part === '..') {
        if (at.length === 0) {
          // Above the root: only a link's target can lead there (a directory link, then `..`).
          const last = links[links.length - 1]
          if (last === undefined) return { kind: 'missing', path: '..', links }
          return { kind: 'outside', link: last, target: this.store.link(last)!.target!, links }
        }
        at.pop()
        continue
      }
      const here = at.length === 0 ? part : `${at.join('/')}/${part}`
      // Links and directories are known without reading the directory they are in.
      let e: RepoEntry | undefined = this.store.link(here)
      if (e === undefined) {
        if (this.store.isDir(here)) {
          at.push(part)
          continue
        }
        if (exact) e = this.store.entry(here)
      }
      if (e === undefined) {
        if (!exact && !todo.some((p) => p !== '' && p !== '.')) return { kind: 'file', path: here, links }
        return { kind: 'missing', path: [here, ...todo.slice().reverse()].join('/'), links, dangling: !own }
      }
      if (e.kind === 'file') {
        if (todo.some((p) => p !== '' && p !== '.'))
          return { kind: 'missing', path: [here, ...todo.slice().reverse()].join('/'), links }
        return { kind: 'file', path: here, links }
      }
      links.push(here)
      if (++hops > MAX_LINKS) return { kind: 'loop', link: here, links }
      if (e.target === null) return { kind: 'unread', link: here, links }
      const target = e.target
      if (target.startsWith('/')) {
        if (normalizeAbsolute(target) === '/dev/null') {
          if (todo.some((p) => p !== '' && p !== '.'))
            return { kind: 'missing', path: [here, ...todo.slice().reverse()].join('/'), links }
          return { kind: 'mask', links }
        }
        const root = rootfsOf(here)
        if (root === null) return { kind: 'outside', link: here, target, links }
        // Re-walk from the root file system the repository ships; `..` above it leaves it.
        const rootParts = root === '' ? [] : root.split('/')
        const rel = splitPath(target.slice(1))
        if (climbsAbove(rel)) return { kind: 'outside', link: here, target, links }
        at.length = 0
        for (let i = rel.length - 1; i >= 0; i--) todo.push(rel[i]!)
        for (let i = rootParts.length - 1; i >= 0; i--) todo.push(rootParts[i]!)
        continue
      }
      // Relative: from the link's directory. `..` above the repository leaves it.
      const rel = splitPath(target)
      let depth = at.length
      for (const p of rel) {
        if (p === '..') {
          if (--depth < 0) return { kind: 'outside', link: here, target, links }
        } else if (p !== '.' && p !== '') depth++
      }
      for (let i = rel.length - 1; i >= 0; i--) todo.push(rel[i]!)
    }
    return { kind: 'dir', path: at.join('/') || '.', links }
  }

  /**
   * The paths whose change changes what `path` reads: the links followed and the file reached
   * (or the path where the lookup failed, which a change can fill). A directory reached is
   * returned too: any change under it counts.
   */
  reaches(path: string): { readonly paths: readonly string[]; readonly dir: string | null } {
    const r = this.resolve(path)
    switch (r.kind) {
      case 'file':
        return { paths: [...r.links, r.path], dir: null }
      case 'missing':
        return { paths: [...r.links, r.path], dir: null }
      case 'dir':
        return { paths: r.links, dir: r.path }
      default:
        return { paths: r.links, dir: null }
    }
  }
}

function splitPath(p: string): string[] {
  return p.split('/')
}

function normalizeAbsolute(p: string): string {
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return '/' + out.join('/')
}

function climbsAbove(parts: readonly string[]): boolean {
  let depth = 0
  for (const p of parts) {
    if (p === '..') {
      if (--depth < 0) return true
    } else if (p !== '.' && p !== '') depth++
  }
  return false
}

/** The root file system a path of a unit search path lies in ('' for the repository root), or null. */
function rootfsOf(path: string): string | null {
  for (const m of ROOTFS_MARKERS) {
    if (path.startsWith(m)) return ''
    const i = path.indexOf(`/${m}`)
    if (i >= 0) return path.slice(0, i)
  }
  return null
}
