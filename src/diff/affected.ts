/**
 * Which services a change affects. A service is a unit file; it is affected when its file or any
 * drop-in that applies to it changed on either side — an edited drop-in affects its unchanged
 * unit, a template drop-in affects the template. Drop-ins resolve against the units of the same
 * directory, as systemd's search path does. Renames pair a service with its base; a service
 * deleted in one directory and added under the same name in another is paired as a move, so a
 * pull request cannot escape the comparison by moving a file.
 */
import picomatch from 'picomatch'
import type { FileChange } from '../git/git.js'
import type { VersionTraits } from '../model/versions.js'
import { UNIT_TYPES, unitNameKind, unitType, withInstance } from '../unit/names.js'
import { basename, dirname } from '../unit/source.js'
import { resolveUnitFiles } from '../unit/unit-files.js'
import type { Snapshot } from './snapshot.js'

export interface PathFilter {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
}

export const DEFAULT_FILTER: PathFilter = {
  include: ['**'],
  exclude: ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/third_party/**'],
}

export type ServiceStatus = 'added' | 'removed' | 'modified' | 'renamed'

export interface AffectedService {
  readonly status: ServiceStatus
  /** Path in head (null when removed). */
  readonly headPath: string | null
  /** Path in base (null when added). */
  readonly basePath: string | null
  /** Changed files that make this service affected. */
  readonly causes: readonly string[]
}

/**
 * A directory systemd reads drop-ins from: `<unit name>.d` (templates and dash prefixes such as
 * `foo-.service` are unit names too) or `<type>.d`. Any other `*.d` directory (`units.d/`,
 * `conf.d/`) is an ordinary directory, and the unit files in it are units.
 */
function isDropInDirectory(dir: string): boolean {
  const name = basename(dir)
  if (!name.endsWith('.d')) return false
  const stem = name.slice(0, -2)
  return unitNameKind(stem) !== null || (UNIT_TYPES as readonly string[]).includes(stem)
}

/** The file is a unit file systemd would load as a service. */
export function isServiceUnitPath(path: string): boolean {
  const name = basename(path)
  return unitType(name) === 'service' && unitNameKind(name) !== null && !isDropInDirectory(dirname(path))
}

/** The file sits in a drop-in directory: a candidate drop-in of its parent directory's units. */
function dropInParentDir(path: string): string | null {
  const dir = dirname(path)
  return isDropInDirectory(dir) ? dirname(dir) : null
}

/** Directories whose units a change can affect: those of changed units and changed drop-ins. */
export function touchedDirectories(changes: readonly FileChange[]): Set<string> {
  const dirs = new Set<string>()
  for (const c of changes) {
    for (const p of c.oldPath !== undefined ? [c.path, c.oldPath] : [c.path]) {
      if (isServiceUnitPath(p)) dirs.add(dirname(p))
      const parent = dropInParentDir(p)
      if (parent !== null) dirs.add(parent)
    }
  }
  return dirs
}

/** Files a diff needs to read in a touched directory: its units and its drop-in directories' files. */
export function isInTouchedDirectory(path: string, dirs: ReadonlySet<string>): boolean {
  const dir = dirname(path)
  return dirs.has(dir) || (isDropInDirectory(dir) && dirs.has(dirname(dir)))
}

/** The unit name systemd loads a unit file as (templates are analysed as an instance). */
export function loadedName(path: string, traits: VersionTraits): string {
  const name = basename(path)
  return unitNameKind(name) === 'template' ? withInstance(name, traits.templateInstance) : name
}

export function affectedServices(
  base: Snapshot,
  head: Snapshot,
  changes: readonly FileChange[],
  traits: VersionTraits,
  filter: PathFilter = DEFAULT_FILTER,
): AffectedService[] {
  const included = picomatch([...filter.include], { dot: true })
  const excluded = picomatch([...filter.exclude], { dot: true })
  const inScope = (p: string): boolean => included(p) && !excluded(p)

  const changed = new Set(changes.flatMap((c) => (c.oldPath !== undefined ? [c.path, c.oldPath] : [c.path])))
  const touchedDirs = touchedDirectories(changes)

  // Candidate units: every service unit file in a touched directory, on either side.
  const candidates = new Set<string>()
  for (const snap of [base, head]) {
    for (const dir of touchedDirs) {
      for (const name of snap.source.list(dir) ?? []) {
        const p = dir === '.' ? name : `${dir}/${name}`
        if (snap.paths.has(p) && isServiceUnitPath(p) && inScope(p)) candidates.add(p)
      }
    }
  }

  const causesOf = (path: string): string[] => {
    const causes = new Set<string>()
    if (changed.has(path)) causes.add(path)
    for (const snap of [base, head]) {
      if (!snap.paths.has(path)) continue
      // Every file that decides the unit: its fragment, drop-ins (of every alias), and the links to them.
      for (const p of resolveUnitFiles(snap.source, path, traits.templateInstance).involved) if (changed.has(p)) causes.add(p)
    }
    return [...causes].sort()
  }

  const renamedFrom = new Map<string, string>()
  for (const c of changes) if (c.status === 'renamed' && c.oldPath !== undefined) renamedFrom.set(c.path, c.oldPath)

  const headSide: string[] = []
  const baseOnly: string[] = []
  for (const p of [...candidates].sort()) {
    const causes = causesOf(p)
    if (causes.length === 0) continue
    if (head.paths.has(p)) headSide.push(p)
    else baseOnly.push(p)
  }
  // Renamed-away base paths are accounted for by their head counterpart.
  for (const to of renamedFrom.keys()) if (isServiceUnitPath(to) && inScope(to) && !headSide.includes(to)) headSide.push(to)

  const out: AffectedService[] = []
  const pairedBase = new Set<string>()
  for (const p of headSide.sort()) {
    const from = renamedFrom.get(p)
    let basePath: string | null = base.paths.has(p) ? p : null
    let status: ServiceStatus = basePath ? 'modified' : 'added'
    if (!basePath && from !== undefined && base.paths.has(from) && isServiceUnitPath(from)) {
      basePath = from
      status = 'renamed'
    }
    if (!basePath) {
      // A delete plus an add under the same unit name elsewhere is a move, not a new service.
      const moved = baseOnly.find((b) => !pairedBase.has(b) && basename(b) === basename(p))
      if (moved) {
        basePath = moved
        status = 'renamed'
      }
    }
    if (basePath) pairedBase.add(basePath)
    out.push({ status, headPath: p, basePath, causes: [...new Set([...causesOf(p), ...(basePath && basePath !== p ? causesOf(basePath) : [])])].sort() })
  }
  // A base service not paired above is gone from the review's view, whether deleted or renamed
  // to a name (or into a directory) that is no service: either way it is reported as removed.
  for (const b of baseOnly) {
    if (pairedBase.has(b)) continue
    out.push({ status: 'removed', headPath: null, basePath: b, causes: causesOf(b) })
  }
  return out
}
