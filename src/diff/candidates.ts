/**
 * Which units of the touched directories are worth loading: those whose own file, links, names
 * or drop-ins (as the loader's findDropIns finds them) reach a changed path. Loading is what
 * decides (load-unit.ts); this only spares loading units no change can reach. A changed drop-in
 * that no unit claims this way makes every unit of its directory a candidate: the loader may know
 * more names for a unit than its file name (aliases) and read it after all.
 */
import type { VersionTraits } from '../model/versions.js'
import { dirname } from '../unit/source.js'
import { resolveUnitFiles } from '../unit/unit-files.js'
import { rootLocation, withRootDirectories } from './rootfs.js'
import type { Snapshot } from './snapshot.js'
import { linksReachingChanges } from './touched.js'
import { isDropInDirectory } from './unit-paths.js'
import type { UnitRef } from './units.js'

export interface Side {
  readonly snapshot: Snapshot
  readonly units: ReadonlyMap<string, UnitRef>
}

/** Ids of the units to load, over both sides. */
export function candidateUnits(
  sides: readonly Side[],
  changed: ReadonlySet<string>,
  traits: VersionTraits,
): Set<string> {
  // Directories where a drop-in (or a link where drop-ins are) changed: only their units'
  // drop-ins need looking up.
  // (A drop-in in any unit directory of a root file system is one of every unit of that root.)
  const where = (p: string): string | null =>
    isDropInDirectory(dirname(p)) ? dirname(dirname(p)) : isDropInDirectory(p) ? dirname(p) : null
  const reaching = sides.map(({ snapshot }) => linksReachingChanges(snapshot.tree, changed))
  const changedDirs: string[] = []
  for (const p of [...changed, ...reaching.flat()]) {
    const d = where(p)
    if (d !== null) changedDirs.push(d)
  }
  const dropInChanged = withRootDirectories(changedDirs)

  const out = new Set<string>()
  const claimed = new Set<string>()
  for (const { snapshot, units } of sides) {
    for (const ref of units.values()) {
      const complete = visitReaches(snapshot, ref, traits, dropInChanged.has(dirname(ref.loadPath)), (p) => {
        claimed.add(p)
        if (changed.has(p)) out.add(ref.id)
      })
      if (!complete) out.add(ref.id)
    }
  }
  // Changed drop-ins (and links into changes that sit where drop-ins do) nobody claimed.
  const unclaimed: string[] = []
  for (const p of [...changed, ...reaching.flat()]) {
    const d = where(p)
    if (d !== null && !claimed.has(p)) unclaimed.push(d)
  }
  const dirs = withRootDirectories(unclaimed)
  if (dirs.size > 0) {
    for (const { units } of sides)
      for (const ref of units.values()) if (dirs.has(dirname(ref.loadPath))) out.add(ref.id)
  }
  return out
}

/**
 * Visits the paths a unit reads by its names alone; false when they cannot all be listed (then
 * the unit is loaded, and the load says what it reads).
 */
function visitReaches(
  snapshot: Snapshot,
  ref: UnitRef,
  traits: VersionTraits,
  withDropIns: boolean,
  visit: (p: string) => void,
): boolean {
  const add = (p: string): void => {
    const r = snapshot.tree.resolve(ref.view.origin(p))
    for (const l of r.links) visit(l)
    if (r.kind === 'file' || r.kind === 'missing') visit(r.path)
  }
  add(ref.loadPath)
  if (ref.file !== ref.loadPath) add(ref.file)
  for (const p of ref.namedBy) add(p)
  if (!withDropIns) return true
  try {
    // What the loader reads for the unit under every name it has (aliases included), also with
    // its drop-in directory links resolved from their own directory (the gate's other reading).
    const root = rootLocation(ref.loadPath)
    for (const d of resolveUnitFiles(ref.view.source, ref.loadPath, traits.templateInstance, root).involved) add(d)
    for (const d of resolveUnitFiles(ref.view.source, ref.loadPath, traits.templateInstance, {
      ...root,
      followDropInDirectoryLinks: true,
    }).involved)
      add(d)
  } catch {
    return false
  }
  return true
}
