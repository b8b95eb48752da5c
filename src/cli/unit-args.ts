/**
 * The unit files `score` and `recommend` take: each argument as given, except a directory, which
 * stands for the unit files under it — those the diff would review there (unit-paths.ts): files
 * named like units of a type that starts processes, in directories whose entries are units (not
 * drop-in or enablement directories), outside vendored code. Aliases (links to a unit name) are
 * left out: their unit is listed under its own name.
 */
import { isUnitDirectory, REVIEWED_TYPES } from '../diff/unit-paths.js'
import { unitNameKind, unitType } from '../unit/names.js'
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

export interface UnitArguments {
  readonly paths: string[]
  /** Directories given that hold no unit file. */
  readonly empty: string[]
}

export function unitArguments(source: UnitSource, args: readonly string[]): UnitArguments {
  const paths: string[] = []
  const empty: string[] = []
  for (const arg of args) {
    // An argument named like a unit is taken as a unit file without asking: thousands of unit
    // files cost no directory listing each.
    if (unitNameKind(basename(arg)) !== null || source.list(arg) === null) {
      paths.push(arg)
      continue
    }
    const found = unitFilesUnder(source, arg.length > 1 ? arg.replace(/\/+$/, '') : arg)
    if (found.length === 0) empty.push(arg)
    paths.push(...found)
  }
  return { paths, empty }
}

/** Unit files under `dir`, depth first, in byte order of names (the same on every machine). */
function unitFilesUnder(source: UnitSource, dir: string): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  const walk = (d: string, depth: number): void => {
    const names = source.list(d)
    // Links to directories are followed like directories; a depth cap ends link loops.
    if (names === null || depth > 40 || seen.has(d)) return
    seen.add(d)
    const unitDir = isUnitDirectory(d)
    for (const name of [...names].sort()) {
      const path = joinPath(d, name)
      if (source.list(path) !== null) {
        if (!skipped(path)) walk(path, depth + 1)
        continue
      }
      if (!unitDir || unitNameKind(name) === null || !REVIEWED_TYPES.includes(unitType(name))) continue
      const target = source.link(path)
      if (target !== null && unitNameKind(basename(target)) !== null && !target.includes('/')) continue
      out.push(path)
    }
  }
  walk(dir, 0)
  return out
}
