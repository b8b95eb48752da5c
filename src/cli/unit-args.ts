/**
 * The unit files `score` and `recommend` take: each argument as given, except a directory, which
 * stands for the unit files under it — those the diff would review there (unit-paths.ts): files
 * named like units of a type that starts processes, in directories whose entries are units (not
 * drop-in or enablement directories), outside vendored code. Aliases (links to a unit name) are
 * left out: their unit is listed under its own name.
 */
import { isUnitDirectory, REVIEWED_TYPES } from '../diff/unit-paths.js'
import { unitNameKind, unitType } from '../unit/names.js'
import { normalize } from '../unit/source-view.js'
import { basename, joinPath, type UnitSource } from '../unit/source.js'

/**
 * Directories never descended into: the diff's default exclusions (DEFAULT_FILTER in
 * diff/affected.ts, which `score` does not load; a test keeps the two the same), as paths ending
 * a directory's path.
 */
export const SKIPPED_DIRECTORIES: readonly string[] = [
  'node_modules',
  '.git',
  'vendor',
  'third_party',
  'Godeps/_workspace',
]
const skipped = (path: string): boolean => SKIPPED_DIRECTORIES.some((s) => path === s || path.endsWith(`/${s}`))

/**
 * Entries listed under one directory argument before the walk gives up: a directory that large
 * (`/`, a home directory) is a mistake, not a set of units, and walking it would take minutes
 * and all the memory there is.
 */
export const MAX_LISTED_ENTRIES = 200_000

export interface UnitArguments {
  readonly paths: string[]
  /** A line for each directory argument that gave no unit file, saying why. */
  readonly problems: string[]
}

export function unitArguments(
  source: UnitSource,
  args: readonly string[],
  maxEntries = MAX_LISTED_ENTRIES,
): UnitArguments {
  const paths: string[] = []
  const problems: string[] = []
  for (const arg of args) {
    // An argument named like a unit is taken as a unit file without asking: thousands of unit
    // files cost no directory listing each.
    if (unitNameKind(basename(arg)) !== null || source.list(arg) === null) {
      paths.push(arg)
      continue
    }
    const found = unitFilesUnder(source, arg.length > 1 ? arg.replace(/\/+$/, '') : arg, maxEntries)
    if (found === null)
      problems.push(
        `${arg}: more than ${maxEntries} entries under this directory; name the directory that holds the units, or the unit files`,
      )
    else if (found.length === 0)
      problems.push(
        `${arg}: no unit files under this directory (services, sockets, mounts and swaps named like units, outside drop-in directories)`,
      )
    else paths.push(...found)
  }
  return { paths, problems }
}

/**
 * Unit files under `root`, depth first, in byte order of names (the same on every machine); null
 * past `maxEntries` entries listed. A link to a directory is followed only when it leads to a directory
 * under `root` not walked yet, so that each directory is walked once and links to `/`, `/proc` or
 * an ancestor cannot multiply the walk.
 */
function unitFilesUnder(source: UnitSource, root: string, maxEntries: number): string[] | null {
  const out: string[] = []
  // By normalized path: `./tree/a` and the `tree/a` a link resolves to are one directory.
  const walked = new Set<string>()
  let listed = 0
  const walk = (d: string): boolean => {
    const names = source.list(d)
    const key = normalize(d)
    if (names === null || walked.has(key)) return true
    walked.add(key)
    listed += names.length
    if (listed > maxEntries) return false
    const unitDir = isUnitDirectory(d)
    for (const name of [...names].sort()) {
      const path = joinPath(d, name)
      const target = source.link(path)
      if (source.list(path) !== null) {
        if (skipped(path)) continue
        if (target === null) {
          if (!walk(path)) return false
        } else {
          const real = linkedDirectory(root, d, target)
          if (real !== null && !walk(real)) return false
        }
        continue
      }
      if (!unitDir || unitNameKind(name) === null || !REVIEWED_TYPES.includes(unitType(name))) continue
      if (target !== null && unitNameKind(basename(target)) !== null && !target.includes('/')) continue
      out.push(path)
    }
    return true
  }
  return walk(root) ? out : null
}

/**
 * The directory a relative link in `dir` names, as a path under `root`; null when the target is
 * absolute or climbs out of `root`. Resolved by its text: a link inside the target is followed
 * when the walk meets it.
 */
function linkedDirectory(root: string, dir: string, target: string): string | null {
  if (target.startsWith('/')) return null
  const real = normalize(joinPath(dir, target))
  const top = normalize(root)
  const inside =
    top === '/' || (top === '.' ? real !== '..' && !real.startsWith('../') : real === top || real.startsWith(`${top}/`))
  return inside ? real : null
}
