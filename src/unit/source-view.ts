/**
 * A UnitSource as offline systemd-analyze sees the machine it runs on: a clean one. The system
 * unit directories of the search path exist but are empty (the reference runs hide the host's
 * with empty tmpfs mounts), and paths are resolved through symbolic links as chase() does.
 *
 * Paths stay in the source's frame: relative to its working directory unless absolute. When the
 * absolute path of that directory is known (`root`, the CLI's cwd), a `..` that climbs above it
 * and an absolute link target that points back into it are understood too.
 */
import { basename, dirname, joinPath, type UnitSource } from './source.js'

/**
 * The system-scope unit search path after the unit's own directory, as the reference runs have
 * it (generator and transient directories live in a private temporary directory there). A link
 * into one of these is an alias; one elsewhere links a unit file. /lib/systemd/system is where
 * a merged-/usr Debian resolves /usr/lib/systemd/system from.
 */
export const SYSTEM_UNIT_PATH = [
  '/etc/systemd/system.control',
  '/run/systemd/system.control',
  '/etc/systemd/system',
  '/etc/systemd/system.attached',
  '/run/systemd/system',
  '/run/systemd/system.attached',
  '/usr/local/lib/systemd/system',
  '/usr/lib/systemd/system',
  '/lib/systemd/system',
] as const

/** Where the system unit directories are: an absolute path starting otherwise is in none of them. */
const SYSTEM_ROOTS = ['/etc/systemd/', '/run/systemd/', '/usr/', '/lib/']

/**
 * Paths every machine has, whatever the source holds: the unit directories of a clean Debian
 * system (the others of the search path do not exist there) and /dev/null.
 */
const ALWAYS_THERE = ['/etc/systemd/system', '/run/systemd/system', '/usr/lib/systemd/system', '/dev/null']

/** What chase() allows: CHASE_NOFOLLOW (keep a final link) and CHASE_NONEXISTENT (missing tail). */
export interface ChaseOptions {
  readonly followLast: boolean
  readonly nonexistent: boolean
}

/** A symbolic link met on the way, with its stored target. */
export interface FollowedLink {
  readonly path: string
  readonly target: string
}

export type Chased = { readonly path: string; readonly links: readonly FollowedLink[] } | { readonly error: string }

const CHASE_SYMLINKS_MAX = 32
const NO_SUCH_FILE = 'No such file or directory'

/** Directory listings as sets, shared by every view of a source (units of a directory share them). */
const listingsBySource = new WeakMap<UnitSource, Map<string, ReadonlySet<string> | null>>()

/** The entries of a directory of the source as a set (cached for the source's lifetime). */
export function listingOf(source: UnitSource, dir: string): ReadonlySet<string> | null {
  let listings = listingsBySource.get(source)
  if (!listings) listingsBySource.set(source, (listings = new Map<string, ReadonlySet<string> | null>()))
  let l = listings.get(dir)
  if (l === undefined) {
    const names = source.list(dir)
    listings.set(dir, (l = names === null ? null : new Set(names)))
  }
  return l
}

const EMPTY: ReadonlySet<string> = new Set()

export class SourceView {
  /**
   * @param root absolute path of the source's working directory, when known
   * @param ownDir the unit's directory: never hidden, even when it is a system unit directory
   */
  /** The unit's directory, absolute when it can be (worked out when first needed). */
  private ownAbsolute: string | undefined
  /** Relative paths can reach a system unit directory (the working directory is near one). */
  private relativeMayHide: boolean | undefined

  /** The root file system's path components (rootPrefix split). */
  private readonly rootParts: readonly string[] | null

  /**
   * @param rootPrefix a root file system the source ships (a path of the source, '.' for its
   *   top): absolute paths and link targets are looked up under it, `..` stops at it, and no
   *   system unit directory is hidden (its own are the search path). /dev/null stays /dev/null.
   */
  constructor(
    readonly source: UnitSource,
    private readonly root: string | undefined,
    private readonly ownDir: string,
    readonly rootPrefix?: string,
  ) {
    this.rootParts = rootPrefix === undefined ? null : parts(rootPrefix)
  }

  /** Entries of a directory (links followed), or null when it is none here. */
  entries(dir: string): ReadonlySet<string> | null {
    const hidden = this.hidden(dir)
    if (hidden) return hidden === 'empty' ? EMPTY : null
    return listingOf(this.source, dir)
  }

  /** The stored target of a link, or null. */
  link(path: string): string | null {
    return this.hidden(path) ? null : this.source.link(path)
  }

  /** A file's bytes, links followed (to /dev/null: empty, it masks). */
  read(path: string): Uint8Array | null {
    if (path === '/dev/null') return new Uint8Array(0)
    if (this.source.link(path) === null) {
      // The unit's own files are never hidden.
      if (dirname(path) !== this.ownDir && this.hidden(path)) return null
      return this.source.read(path)
    }
    if (this.hidden(path)) return null
    // A link: where it leads may be hidden, or outside what the source reads by itself.
    const c = this.chase(path, { followLast: true, nonexistent: false })
    if ('error' in c) return null
    if (c.path === '/dev/null') return new Uint8Array(0)
    return this.hidden(c.path) ? null : this.source.read(c.path)
  }

  /** The entry exists (a final link is not followed). */
  has(path: string): boolean {
    if (path === '/' || path === '.' || path === '') return true
    if (path.startsWith('/') && ALWAYS_THERE.some((d) => d === path || d.startsWith(path + '/'))) return true
    return this.entries(dirname(path))?.has(basename(path)) ?? false
  }

  /** access(F_OK): the path exists, links followed. */
  exists(path: string): boolean {
    const c = this.chase(path, { followLast: true, nonexistent: false })
    return !('error' in c)
  }

  /** is_dir(): a directory, links followed. */
  isDirectory(path: string): boolean {
    const c = this.chase(path, { followLast: true, nonexistent: false })
    return !('error' in c) && this.entries(c.path) !== null
  }

  /**
   * chase(): `path` with `.`, `..` and symbolic links resolved component by component, `..`
   * going up from where the links led. With `nonexistent`, a missing component ends the
   * lookup and the rest is kept as it is, unless it climbs with `..` (then it fails).
   */
  chase(path: string, opts: ChaseOptions): Chased {
    let absolute = path.startsWith('/')
    let done: string[] = []
    let todo = parts(path)
    const rootParts = this.rootParts
    // Under a shipped root file system: absolute paths are its paths (/dev/null excepted).
    const intoRoot = (p: string): boolean => rootParts !== null && normalize(p) !== '/dev/null'
    if (absolute && intoRoot(path)) {
      absolute = false
      todo = [...rootParts!, ...todo]
    }
    const links: FollowedLink[] = []
    let hops = 0
    let missing = false
    while (todo.length > 0) {
      const c = todo.shift()!
      if (missing) {
        done.push(c)
        continue
      }
      if (c === '..') {
        // The root file system's `..` is itself (chase() with a root).
        if (rootParts !== null && !absolute && done.length <= rootParts.length) continue
        if (done.length > 0 && done[done.length - 1] !== '..') done.pop()
        else if (!absolute && this.root !== undefined) {
          // Above the source's working directory: continue from its absolute path.
          absolute = true
          done = parts(this.root)
          done.pop()
        } else if (!absolute) done.push('..')
        continue
      }
      const p = render(absolute, [...done, c])
      if (!this.has(p)) {
        if (!opts.nonexistent || todo.includes('..')) return { error: NO_SUCH_FILE }
        missing = true
        done.push(c)
        continue
      }
      const target = todo.length === 0 && !opts.followLast ? null : this.link(p)
      if (target === null) {
        done.push(c)
        continue
      }
      if (++hops > CHASE_SYMLINKS_MAX) return { error: 'Too many levels of symbolic links' }
      links.push({ path: p, target })
      if (target.startsWith('/') && intoRoot(target)) {
        absolute = false
        done = [...rootParts!]
      } else if (target.startsWith('/')) {
        absolute = true
        done = []
      }
      todo = [...parts(target), ...todo]
    }
    return { path: this.inFrame(render(absolute, done)), links }
  }

  /** An absolute path under the source's working directory, written relative to it again. */
  inFrame(path: string): string {
    if (this.root === undefined || !path.startsWith('/')) return path
    if (path === this.root) return '.'
    return path.startsWith(this.root + '/') ? path.slice(this.root.length + 1) : path
  }

  /** The absolute form of a path when it can be known, else the path (relative to the source). */
  absolute(path: string): string {
    const p = path.startsWith('/') || this.root === undefined ? path : joinPath(this.root, path)
    // Most paths need no normalizing: no `.`/`..` components, no repeated or trailing slash.
    return /\/\.|\/\/|\/$|^\.\.?(\/|$)/.test(p) ? normalize(p) : p
  }

  /** Hidden system unit directories read as empty; what is in them does not exist. */
  private hidden(path: string): 'empty' | 'inside' | null {
    if (this.rootParts !== null) return null
    // (Called for every read and listing: the common paths are settled without string work.)
    if (path.startsWith('/')) {
      if (!SYSTEM_ROOTS.some((r) => path.startsWith(r)) && !path.includes('/.')) return null
    } else {
      const root = this.root
      if (root === undefined) return null
      this.relativeMayHide ??= SYSTEM_UNIT_PATH.some(
        (d) => root === '/' || d === root || d.startsWith(root + '/') || root.startsWith(d + '/'),
      )
      if (!this.relativeMayHide && !path.startsWith('..')) return null
    }
    const abs = this.absolute(path)
    if (!abs.startsWith('/')) return null
    const own = (this.ownAbsolute ??= this.absolute(this.ownDir))
    if (abs === own || abs.startsWith(own + '/')) return null
    for (const dir of SYSTEM_UNIT_PATH) {
      if (abs === dir) return 'empty'
      if (abs.startsWith(dir + '/')) return 'inside'
    }
    return null
  }
}

function parts(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.')
}

function render(absolute: boolean, parts: readonly string[]): string {
  if (absolute) return '/' + parts.join('/')
  return parts.length === 0 ? '.' : parts.join('/')
}

/** `.` components and repeated slashes removed; `..` resolved textually (no links involved). */
export function normalize(path: string): string {
  const absolute = path.startsWith('/')
  const out: string[] = []
  for (const p of parts(path)) {
    if (p === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
    else if (p !== '..' || !absolute) out.push(p)
  }
  return render(absolute, out)
}
