/**
 * Which units a change affects. A unit is affected when a file its load read on either side
 * changed: its own file, a drop-in, a build template, a symbolic link on the way or the file a
 * link leads to (load-unit.ts). Renames pair a unit with its base; a unit deleted in one
 * directory and added under the same name in another is paired as a move, so a pull request
 * cannot escape the comparison by moving a file.
 *
 * Changed files that look like units but are none (D-Bus activation files, timers, drop-ins no
 * unit of the repository reads) are listed with the reason, so that nothing changes unseen.
 */
import picomatch from 'picomatch'
import type { FileChange } from '../git/git.js'
import type { VersionTraits } from '../model/versions.js'
import { UNIT_TYPES, unitType } from '../unit/names.js'
import { basename, dirname, joinPath } from '../unit/source.js'
import type { BuildSettings } from './build-view.js'
import { candidateUnits } from './candidates.js'
import { foreignUnits, type ForeignUnit } from './foreign-units.js'
import { loadUnit, type UnitLoad } from './load-unit.js'
import { renamedBySettings } from './similar-units.js'
import type { Snapshot } from './snapshot.js'
import { changedPaths, linksReachingChanges, touchedDirectories } from './touched.js'
import { dropInDirectoryUnit, isEnablementDirectory, REVIEWED_TYPES } from './unit-paths.js'
import { foreignIn, unitsOf, type UnitRef } from './units.js'

export { loadedName } from './load-unit.js'

export interface PathFilter {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
}

export const DEFAULT_FILTER: PathFilter = {
  include: ['**'],
  exclude: ['**/node_modules/**', '**/.git/**', '**/vendor/**', '**/third_party/**', '**/Godeps/_workspace/**'],
}

export type ServiceStatus = 'added' | 'removed' | 'modified' | 'renamed'

export interface AffectedUnit {
  readonly status: ServiceStatus
  readonly head: UnitLoad | null
  readonly base: UnitLoad | null
  /** Changed files that make this unit affected. */
  readonly causes: readonly string[]
}

/** A changed file that is not reviewed as a unit, and why. */
export interface SkippedFile {
  readonly path: string
  readonly reason: string
}

export interface AffectedResult {
  readonly units: readonly AffectedUnit[]
  /** Drop-ins for units the repository does not ship, reviewed against assumed unit files. */
  readonly foreign: readonly ForeignUnit[]
  readonly skipped: readonly SkippedFile[]
}

export function affectedUnits(
  base: Snapshot,
  head: Snapshot,
  changes: readonly FileChange[],
  traits: VersionTraits,
  build: BuildSettings,
  filter: PathFilter = DEFAULT_FILTER,
): AffectedResult {
  // The `s` flag: `**` matches names with a newline in them too.
  const included = picomatch([...filter.include], { dot: true, flags: 's' })
  const excluded = picomatch([...filter.exclude], { dot: true, flags: 's' })
  const inScope = (p: string): boolean => included(p) && !excluded(p)

  const changed = changedPaths(changes)
  const dirs = touchedDirectories([base.tree, head.tree], changes)
  const found = [base, head].map((snapshot) => {
    const u = unitsOf(snapshot, dirs, build)
    return { snapshot, units: new Map(u.units), aliases: u.aliases, notUnits: u.notUnits }
  })
  // A path that is a unit on one side and an alias on the other (a file turned into an alias of
  // another unit): what runs under that path changed, so the alias is loaded as the unit there.
  for (const [i, side] of found.entries()) {
    const other = found[1 - i]!
    for (const id of other.units.keys()) {
      const alias = side.aliases.get(id)
      if (alias !== undefined && !side.units.has(id)) side.units.set(id, alias)
    }
  }
  const candidates = candidateUnits(found, changed, traits)
  const sides = found.map(({ snapshot, units, notUnits }) => {
    const loads = new Map<string, UnitLoad>()
    for (const [id, ref] of units) {
      if (!candidates.has(id) || !inScope(ref.file)) continue
      // A D-Bus activation file or an XML file named like a unit is none (nor are its instances).
      const foreign = foreignIn(snapshot.source, ref.file, unitType(basename(ref.loadPath)))
      if (foreign !== null) {
        notUnits.set(ref.file, foreign)
        continue
      }
      loads.set(id, loadUnit(snapshot, ref, traits))
    }
    return { units: loads, notUnits }
  })
  const [b, h] = sides as [(typeof sides)[0], (typeof sides)[0]]

  // The changed files a load read: asked of every unit on both sides, worked out once each.
  const causeLists = new Map<UnitLoad, string[]>()
  const causesOf = (load: UnitLoad): string[] => {
    let list = causeLists.get(load)
    if (list === undefined) causeLists.set(load, (list = [...load.reaches].filter((p) => changed.has(p))))
    return list
  }
  const renamedFrom = new Map<string, string>()
  for (const c of changes) if (c.status === 'renamed' && c.oldPath !== undefined) renamedFrom.set(c.path, c.oldPath)

  // A unit is affected when its load read a changed file on either side (a deleted drop-in is
  // read only by base's load).
  const touched = (l: UnitLoad): boolean =>
    causesOf(l).length > 0 || (b.units.has(l.ref.id) && causesOf(b.units.get(l.ref.id)!).length > 0)
  const headSide = [...h.units.values()].filter(touched).sort(byId)
  const baseOnly = [...b.units.values()].filter((l) => causesOf(l).length > 0 && !h.units.has(l.ref.id)).sort(byId)

  // Each base unit pairs with at most one head unit, so one base unit cannot lend its baseline
  // to two head units (a rename plus a re-add elsewhere): the same unit first, then git's
  // renames, then moves (the same unit name in another directory), then renames by settings.
  const pairedBase = new Set<string>()
  const baseOf = new Map<string, UnitLoad>()
  const pair = (hl: UnitLoad, bl: UnitLoad | null | undefined): void => {
    if (!bl || pairedBase.has(bl.ref.id) || baseOf.has(hl.ref.id)) return
    pairedBase.add(bl.ref.id)
    baseOf.set(hl.ref.id, bl)
  }
  for (const hl of headSide) pair(hl, b.units.get(hl.ref.id))
  for (const hl of headSide) pair(hl, renamedBase(hl.ref, renamedFrom, b.units))
  for (const hl of headSide)
    pair(
      hl,
      baseOnly.find((x) => !pairedBase.has(x.ref.id) && basename(x.ref.id) === basename(hl.ref.id)),
    )
  // Last, renames git's similarity missed: half the settings kept, comments aside (similar-units.ts).
  // Instances are not renamed files: a new instance is compared with its template (below).
  const isFile = (l: UnitLoad): boolean => l.ref.id === l.ref.file
  for (const hl of headSide) {
    if (!baseOf.has(hl.ref.id) && !b.units.has(hl.ref.id) && isFile(hl))
      pair(
        hl,
        renamedBySettings(
          hl,
          baseOnly.filter((x) => !pairedBase.has(x.ref.id) && isFile(x)),
        ),
      )
  }
  const out: AffectedUnit[] = []
  const causes = (...loads: (UnitLoad | null)[]): string[] =>
    [...new Set(loads.flatMap((l) => (l ? causesOf(l) : [])))].sort()
  const baseUnits = found[0]!.units
  for (const hl of headSide) {
    const bl = baseOf.get(hl.ref.id) ?? null
    if (bl === null) {
      // A new instance of a template base has (under its path, or the path git renamed it
      // from): its baseline is base's template as analysed, so that only what depends on the
      // instance name (and what else changed) can be new.
      const from = renamedFrom.get(hl.ref.file)
      const template =
        hl.ref.id !== hl.ref.file
          ? (baseUnits.get(hl.ref.file) ?? (from !== undefined ? baseUnits.get(from) : undefined))
          : undefined
      const tl =
        template !== undefined && inScope(template.file)
          ? (b.units.get(template.id) ?? loadUnit(base, template, traits))
          : null
      out.push({ status: 'added', head: hl, base: tl, causes: causes(hl, tl) })
      continue
    }
    const status: AffectedUnit['status'] = bl.ref.id === hl.ref.id ? 'modified' : 'renamed'
    out.push({ status, head: hl, base: bl, causes: causes(hl, bl) })
  }
  // A base unit not paired above is gone from the review's view — deleted, masked, turned into
  // a name of another unit, renamed to no unit or out of scope: reported as removed.
  for (const bl of baseOnly)
    if (!pairedBase.has(bl.ref.id)) out.push({ status: 'removed', head: null, base: bl, causes: causes(bl) })
  const units = withoutDuplicates(out, head)

  const read = new Set<string>()
  for (const side of [b, h]) for (const l of side.units.values()) for (const p of l.reaches) read.add(p)
  // Type-wide (`service.d/`) and dash-prefix (`foo-.service.d/`) drop-ins also apply to units
  // of the host that the repository does not ship: reviewed as such even when a unit here reads them.
  // Drop-ins and drop-in directories that are links reach a change of what they lead to.
  const reachingLinks = [base.tree, head.tree].flatMap((t) => linksReachingChanges(t, changed))
  const unread = [...new Set([...changed, ...reachingLinks])].filter(
    (p) => inScope(p) && (!read.has(p) || appliesToUnitsNotHere(p)),
  )
  const foreign = foreignUnits(base, head, unread, changed, traits, build)
  const reviewed = new Set(foreign.flatMap((f) => f.causes))
  const skipped = skippedFiles(changed, [b, h], [base, head], out, inScope).filter((f) => !reviewed.has(f.path))
  return { units, foreign, skipped }
}

/**
 * Two paths that load the same unit (a linked unit file and its target, a unit under a linked
 * directory and the same file through its real path) are reported once: the same status and the
 * same files read on both sides — and the same name when a specifier could make the name matter.
 * Units that differ in anything are all kept. The path the repository holds as a regular file is
 * the one kept.
 */
function withoutDuplicates(units: readonly AffectedUnit[], head: Snapshot): AffectedUnit[] {
  const signature = (l: UnitLoad | null): string => {
    if (l === null) return '-'
    if (l.unreadable !== null || !l.result.ok) return `!${l.ref.id}`
    const r = l.result
    const parts: string[] = []
    let specifiers = false
    for (const p of [r.fragmentPath, ...r.dropInPaths]) {
      let bytes: Uint8Array | null
      try {
        bytes = l.ref.view.source.read(p)
      } catch {
        return `!${l.ref.id}`
      }
      const text =
        bytes === null ? '' : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
      if (text.includes('%')) specifiers = true
      parts.push(`${basename(p)}\0${text}`)
    }
    return (specifiers ? `${r.unit}\0` : `${unitType(r.unit)}\0`) + parts.join('\0\0')
  }
  const real = (a: AffectedUnit): number => {
    const ref = (a.head ?? a.base)!.ref
    return head.tree.entry(ref.file)?.kind === 'file' ? 0 : 1
  }
  const kept = new Map<string, AffectedUnit>()
  const order = [...units].sort((x, y) => real(x) - real(y))
  const drop = new Set<AffectedUnit>()
  for (const a of order) {
    const key = `${a.status}\0\0${signature(a.base)}\0\0\0${signature(a.head)}`
    if (kept.has(key)) drop.add(a)
    else kept.set(key, a)
  }
  return units.filter((a) => !drop.has(a))
}

function appliesToUnitsNotHere(path: string): boolean {
  const unit = dropInDirectoryUnit(dirname(path)) ?? dropInDirectoryUnit(path)
  if (unit === null) return false
  if ((UNIT_TYPES as readonly string[]).includes(unit)) return true
  const type = unitType(unit)
  return unit.slice(0, -(type.length + 1)).endsWith('-')
}

const byId = (a: UnitLoad, b: UnitLoad): number => (a.ref.id < b.ref.id ? -1 : a.ref.id > b.ref.id ? 1 : 0)

/** The base unit a renamed file came from (for an instance: the same instance of the old template). */
function renamedBase(
  ref: UnitRef,
  renamedFrom: ReadonlyMap<string, string>,
  base: ReadonlyMap<string, UnitLoad>,
): UnitLoad | undefined {
  const from = renamedFrom.get(ref.file)
  if (from === undefined) return undefined
  return base.get(ref.id === ref.file ? from : joinPath(dirname(from), basename(ref.id)))
}

function skippedFiles(
  changed: ReadonlySet<string>,
  sides: readonly { readonly units: ReadonlyMap<string, UnitLoad>; readonly notUnits: ReadonlyMap<string, string> }[],
  snapshots: readonly Snapshot[],
  affected: readonly AffectedUnit[],
  inScope: (p: string) => boolean,
): SkippedFile[] {
  const out = new Map<string, string>()
  for (const side of sides)
    for (const [p, reason] of side.notUnits) if (changed.has(p) && inScope(p)) out.set(p, reason)
  const read = new Set<string>()
  for (const side of sides) for (const l of side.units.values()) for (const p of l.reaches) read.add(p)
  for (const a of affected) for (const p of a.causes) read.add(p)
  for (const p of changed) {
    if (read.has(p) || out.has(p) || !inScope(p)) continue
    const dir = dirname(p)
    const unit = dropInDirectoryUnit(dir)
    if (unit !== null) out.set(p, unreadDropIn(p, unit, snapshots))
    else if (isEnablementDirectory(dir) && snapshots.some((s) => s.tree.entry(p)?.kind === 'file')) {
      out.set(
        p,
        `a file in the enablement directory ${basename(dir)}: systemd takes only its name from there, never its content`,
      )
    }
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, reason]) => ({ path, reason }))
}

/** Why a changed file of a drop-in directory was read by no unit. */
function unreadDropIn(path: string, unit: string, snapshots: readonly Snapshot[]): string {
  const name = basename(path)
  if (!name.endsWith('.conf') || name.startsWith('.'))
    return `in the drop-in directory of ${unit}, but not a .conf drop-in: systemd ignores it`
  if ((UNIT_TYPES as readonly string[]).includes(unit))
    return `a drop-in for every .${unit} unit of its directory, which has none this review loads`
  const type = unitType(unit)
  if (!REVIEWED_TYPES.includes(type)) return `drop-in for ${unit}, a .${type} unit that starts no process of its own`
  const alias = snapshots.map((s) => s.source.link(joinPath(dirname(dirname(path)), unit))).find((t) => t !== null)
  if (alias) return `drop-in for ${unit}, a link to ${alias}: no unit load of this repository reads it`
  return `drop-in for ${unit}, which this repository does not ship as a unit: not assessed`
}
