/**
 * Root file systems a repository ships (`rootfs/etc/systemd/system/`, `rootfs/usr/lib/systemd/system/`
 * under one prefix): systemd reads their unit directories as one search path (systemd.unit(5),
 * "Unit File Load Path"), so a unit kept in one of them is loaded by name from all of them, as
 * `systemd-analyze --root=<prefix>` does — the fragment from the first directory that has the
 * name, the drop-ins of every name from every directory.
 */
import { unitNameKind } from '../unit/names.js'
import { normalize } from '../unit/source-view.js'
import { basename, dirname, joinPath } from '../unit/source.js'
import type { SearchRoot } from '../unit/unit-files.js'

/** A root's system unit search path, in priority order (the directories systemd 252 searches). */
const SEARCH_PATH = [
  'etc/systemd/system.control',
  'run/systemd/system.control',
  'etc/systemd/system',
  'etc/systemd/system.attached',
  'run/systemd/system',
  'run/systemd/system.attached',
  'usr/local/lib/systemd/system',
  'usr/lib/systemd/system',
  'lib/systemd/system',
] as const

/** The unit directories that mark a root file system (longest first: `usr/lib/…` before `lib/…`). */
const MARKERS = [
  'usr/local/lib/systemd/system',
  'usr/lib/systemd/system',
  'etc/systemd/system',
  'run/systemd/system',
  'lib/systemd/system',
] as const

const cache = new Map<string, SearchRoot | null>()

/** The root file system whose system unit directory `dir` is, or null. */
export function searchRootOf(dir: string): SearchRoot | null {
  let r = cache.get(dir)
  if (r !== undefined) return r
  r = null
  for (const m of MARKERS) {
    let prefix: string | null = null
    if (dir === m) prefix = '.'
    else if (dir.endsWith(`/${m}`)) prefix = dir.slice(0, -(m.length + 1))
    if (prefix === null) continue
    const p = prefix
    r = { prefix: p, dirs: SEARCH_PATH.map((d) => (p === '.' ? d : `${p}/${d}`)) }
    break
  }
  if (cache.size > 10_000) cache.clear()
  cache.set(dir, r)
  return r
}

/** How to load a unit kept at `loadPath`: from its root file system's search path when it has one. */
export function rootLocation(loadPath: string): { searchRoot?: SearchRoot } {
  const root = searchRootOf(dirname(loadPath))
  return root === null ? {} : { searchRoot: root }
}

/** `dirs` with every unit directory of the root file systems among them. */
export function withRootDirectories(dirs: Iterable<string>): Set<string> {
  const out = new Set(dirs)
  for (const d of [...out]) for (const x of searchRootOf(d)?.dirs ?? []) out.add(x)
  return out
}

/**
 * Where a link of a root file system's unit directory leads when it is an alias — its target in
 * one of that root's unit directories (an absolute target is a path of the root) — as a path of
 * the repository; null for anything else (a linked unit file, a mask, a target above the root).
 */
export function rootAliasTarget(link: string, target: string): string | null {
  const root = searchRootOf(dirname(link))
  if (root === null) return null
  let to: string
  if (target.startsWith('/')) {
    const rel = normalize(target)
    if (rel === '/dev/null') return null
    to = root.prefix === '.' ? rel.slice(1) : `${root.prefix}${rel}`
  } else {
    to = normalize(joinPath(dirname(link), target))
    if (to.startsWith('../') || to === '..') return null
  }
  return root.dirs.includes(dirname(to)) && unitNameKind(basename(to)) !== null ? to : null
}
