/**
 * Where unit files come from: the file system, a git tree, an in-memory map. The loader only
 * asks for a file's bytes and a directory's entries, so it stays pure and testable.
 */
export interface UnitSource {
  /** The file's bytes, or null when there is no such regular file. */
  read(path: string): Uint8Array | null
  /** Names of the entries of a directory, or null when it is not one. */
  list(dir: string): readonly string[] | null
}

/** An in-memory source, for tests and for files that come from git. */
export function memorySource(files: Readonly<Record<string, string | Uint8Array>>): UnitSource {
  const enc = new TextEncoder()
  const map = new Map<string, Uint8Array>()
  for (const [p, c] of Object.entries(files)) map.set(normalize(p), typeof c === 'string' ? enc.encode(c) : c)
  return {
    read: (p) => map.get(normalize(p)) ?? null,
    list: (dir) => {
      const prefix = normalize(dir) === '' ? '' : normalize(dir) + '/'
      const names = new Set<string>()
      for (const p of map.keys()) {
        if (!p.startsWith(prefix)) continue
        names.add(p.slice(prefix.length).split('/')[0]!)
      }
      return names.size > 0 ? [...names] : null
    },
  }
}

function normalize(p: string): string {
  return p.replace(/\/+/g, '/').replace(/^\.\//, '').replace(/\/$/, '')
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
