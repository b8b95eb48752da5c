/**
 * Where unit files come from: the file system, a git tree, an in-memory map. The loader only
 * asks for a file's bytes and a directory's entries, so it stays pure and testable.
 */
export interface UnitSource {
  /** The file's bytes, or null when there is no such regular file. */
  read(path: string): Uint8Array | null
  /** Names of the entries of a directory, or null when it is not one. */
  list(dir: string): readonly string[] | null
  /**
   * The target of the symbolic link at `path`, as stored in the link; null when `path` is not a
   * symbolic link. systemd gives links meaning (aliases, masks, linked unit files), so the loader
   * and the diff need to see them, not only the bytes behind them.
   */
  link(path: string): string | null
}

/**
 * A file the source cannot give: too large, a link out of the repository or in a loop, an I/O or
 * git error. Thrown (never read as "no such file"), so that the unit is reported as unreadable
 * and the review fails closed instead of judging a unit without part of its configuration.
 */
export class UnreadableFile extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`)
  }
}

/** A symbolic link in an in-memory source: `{ link: '../foo.service' }`. */
export interface MemoryLink {
  readonly link: string
}

/**
 * An in-memory source, for tests and for files that come from git. Links resolve inside the map
 * (relative to the link's directory); a link to /dev/null reads as empty, as it masks.
 */
export function memorySource(files: Readonly<Record<string, string | Uint8Array | MemoryLink>>): UnitSource {
  const enc = new TextEncoder()
  const map = new Map<string, Uint8Array | MemoryLink>()
  for (const [p, c] of Object.entries(files)) map.set(normalize(p), typeof c === 'string' ? enc.encode(c) : c)
  const read = (p: string, depth: number): Uint8Array | null => {
    const entry = map.get(normalize(p))
    if (entry === undefined) return null
    if (entry instanceof Uint8Array) return entry
    if (entry.link === '/dev/null') return new Uint8Array(0)
    if (depth > 8 || entry.link.startsWith('/')) return null
    return read(joinPath(dirname(normalize(p)), entry.link), depth + 1)
  }
  return {
    read: (p) => read(p, 0),
    link: (p) => {
      const entry = map.get(normalize(p))
      return entry !== undefined && !(entry instanceof Uint8Array) ? entry.link : null
    },
    list: (dir) => {
      const d = normalize(dir)
      // '/' normalizes to '': the root of absolute paths, not the relative top level.
      const prefix = dir.startsWith('/') && d === '' ? '/' : d === '' ? '' : d + '/'
      const names = new Set<string>()
      for (const p of map.keys()) {
        if (!p.startsWith(prefix)) continue
        const name = p.slice(prefix.length).split('/')[0]!
        if (name !== '') names.add(name)
      }
      return names.size > 0 ? [...names] : null
    },
  }
}

function normalize(p: string): string {
  const parts: string[] = []
  for (const part of p.replace(/\/+/g, '/').split('/')) {
    if (part === '.' || (part === '' && parts.length > 0)) continue
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '')
      parts.pop()
    else parts.push(part)
  }
  return parts.join('/').replace(/\/$/, '')
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/')
  if (i < 0) return '.'
  return i === 0 ? '/' : p.slice(0, i)
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1)
}

export function joinPath(dir: string, name: string): string {
  if (dir === '.' || dir === '') return name
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`
}

/**
 * `base` with files added on top (or replaced): for predicting a unit with one more drop-in while
 * everything else — links, aliases, other drop-ins — reads as before.
 */
export function overlaySource(base: UnitSource, files: Readonly<Record<string, string>>): UnitSource {
  const enc = new TextEncoder()
  const added = new Map(Object.entries(files).map(([p, text]) => [p, enc.encode(text)] as const))
  const childrenOf = (dir: string): string[] => {
    const prefix = dir === '.' || dir === '' ? '' : dir.endsWith('/') ? dir : `${dir}/`
    const names: string[] = []
    for (const p of added.keys()) if (p.startsWith(prefix)) names.push(p.slice(prefix.length).split('/')[0]!)
    return names
  }
  return {
    read: (p) => added.get(p) ?? base.read(p),
    link: (p) => (added.has(p) ? null : base.link(p)),
    list: (dir) => {
      const extra = childrenOf(dir)
      const own = base.list(dir)
      if (extra.length === 0) return own
      return [...new Set([...(own ?? []), ...extra])]
    },
  }
}
