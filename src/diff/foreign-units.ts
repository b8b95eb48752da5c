/**
 * Drop-ins for units the repository does not ship: `sshd.service.d/override.conf` for the
 * distribution's sshd, `getty@tty1.service.d/`, and type-wide `service.d/` (every service of the
 * host). systemd applies them to the unit installed on the machine, so what they change is
 * reviewed too — one line such as `ExecStartPre=+/usr/local/bin/x` or `User=` in such a drop-in
 * is as much a widening as in a unit file.
 *
 * The unit's own file is not here, so the drop-ins are applied, on each side, to assumed unit
 * files that bracket what a distribution ships (ASSUMED): a root unit with its full bounding set,
 * a user unit with and one without NoNewPrivileges=, and a DynamicUser= unit — each with a
 * control command, so a PermissionsStartOnly= shows. A privilege the drop-ins add under any of them is a finding.
 * Adding to CapabilityBoundingSet= is not one: against a unit that does not restrict it, it
 * narrows nothing and widens nothing, and a drop-in that narrows it must not fail.
 */
import type { VersionTraits } from '../model/versions.js'
import { UNIT_TYPES, unitNameKind, unitType, unescapeUnitName } from '../unit/names.js'
import { basename, dirname, joinPath } from '../unit/source.js'
import { buildView, generatedName, type BuildSettings, type BuildView } from './build-view.js'
import { loadUnit, type UnitLoad } from './load-unit.js'
import type { Snapshot } from './snapshot.js'
import { dropInDirectoryUnit, isDropInDirectory, REVIEWED_TYPES } from './unit-paths.js'

/** One assumed unit file, and the unit loaded from it with each side's drop-ins. */
export interface AssumedVariant {
  /** What the assumed unit file is, for the report ("a root unit with its full bounding set"). */
  readonly assumption: string
  readonly base: UnitLoad
  readonly head: UnitLoad
}

export interface ForeignUnit {
  /** The unit the drop-ins are for, as the repository names it (`sshd.service`, `*.service`). */
  readonly name: string
  /** The drop-in directory. */
  readonly dir: string
  readonly variants: readonly AssumedVariant[]
  readonly causes: readonly string[]
}

interface Assumed {
  readonly assumption: string
  readonly body: (type: string, unit: string) => string
}

/** The process-starting settings each type needs to be a valid unit, and one control command. */
function skeleton(type: string, unit: string): string {
  switch (type) {
    case 'socket':
      return '[Socket]\nListenStream=/run/systemd-exposure-assumed.sock\nExecStartPre=/bin/true\nExecStopPost=/bin/true\n'
    case 'mount':
      return `[Mount]\nWhat=none\nWhere=${mountPoint(unit)}\nType=tmpfs\n`
    case 'swap':
      return `[Swap]\nWhat=${mountPoint(unit)}\n`
    default:
      return '[Service]\nExecStart=/bin/true\nExecReload=/bin/true\n'
  }
}

function mountPoint(unit: string): string {
  const stem = unit.slice(0, unit.lastIndexOf('.'))
  return stem === '-' ? '/' : `/${unescapeUnitName(stem)}`
}

const SECTION: Record<string, string> = { service: 'Service', socket: 'Socket', mount: 'Mount', swap: 'Swap' }

export const ASSUMED: readonly Assumed[] = [
  { assumption: 'a root unit with its full bounding set', body: (type, unit) => skeleton(type, unit) },
  {
    assumption: 'a unit with User= and NoNewPrivileges=yes',
    body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]\nUser=systemd-exposure-assumed\nNoNewPrivileges=yes\n`,
  },
  // Without NoNewPrivileges=: a drop-in that set it, and is changed to no longer, widens here.
  { assumption: 'a unit with User=', body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]\nUser=systemd-exposure-assumed\n` },
  { assumption: 'a unit with DynamicUser=yes', body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]\nDynamicUser=yes\n` },
]

/**
 * The name of the unit file to assume beside a drop-in directory: the unit itself, a
 * template's own name (analysed as its instance), or for a type-wide (`service.d`) or
 * dash-prefix (`foo-.service.d`) directory a name those drop-ins apply to.
 */
function assumedUnitName(dirUnit: string): { unit: string; name: string } | null {
  if ((UNIT_TYPES as readonly string[]).includes(dirUnit)) return { unit: `systemd-exposure-assumed.${dirUnit}`, name: `every .${dirUnit} unit` }
  const kind = unitNameKind(dirUnit)
  if (kind === null) return null
  const type = unitType(dirUnit)
  const stem = dirUnit.slice(0, -(type.length + 1))
  if (stem.endsWith('-')) return { unit: `${stem}systemd-exposure-assumed.${type}`, name: `every ${stem}*.${type} unit` }
  return { unit: dirUnit, name: dirUnit }
}

/**
 * Units made of drop-ins that no unit of the repository reads: those of the changed files given
 * (`unread`), grouped by drop-in directory.
 */
export function foreignUnits(
  base: Snapshot,
  head: Snapshot,
  unread: Iterable<string>,
  changed: ReadonlySet<string>,
  traits: VersionTraits,
  build: BuildSettings,
): ForeignUnit[] {
  const dirs = new Map<string, string>()
  for (const p of unread) {
    // A changed drop-in, or a drop-in directory that is itself a link.
    const dir = isDropInDirectory(p) ? p : dirname(p)
    const dirUnit = dropInDirectoryUnit(dir)
    if (dirUnit === null || dirs.has(dir)) continue
    if (dir !== p && !isDropInName(basename(p), build)) continue
    const type = (UNIT_TYPES as readonly string[]).includes(dirUnit) ? dirUnit : unitType(dirUnit)
    if (!REVIEWED_TYPES.includes(type)) continue
    dirs.set(dir, dirUnit)
  }
  const out: ForeignUnit[] = []
  for (const [dir, dirUnit] of [...dirs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const assumed = assumedUnitName(dirUnit)
    if (assumed === null) continue
    const fragment = joinPath(dirname(dir), assumed.unit)
    // A unit file of that name is in the repository: its own review reads these drop-ins.
    if (base.tree.entry(fragment) !== undefined || head.tree.entry(fragment) !== undefined) continue
    const type = unitType(assumed.unit)
    const variants = ASSUMED.map((a) => {
      const bytes = new TextEncoder().encode(a.body(type, assumed.unit))
      const load = (side: Snapshot): UnitLoad => {
        const view = assumedFile(buildView(side.source, build), fragment, bytes)
        return loadUnit(side, { id: fragment, file: dir, loadPath: fragment, view, namedBy: [dir] }, traits)
      }
      return { assumption: a.assumption, base: load(base), head: load(head) }
    })
    const causes = new Set<string>()
    for (const v of variants) for (const l of [v.base, v.head]) for (const p of l.reaches) if (changed.has(p)) causes.add(p)
    out.push({ name: assumed.name, dir, variants, causes: [...causes].sort() })
  }
  return out
}

function isDropInName(name: string, build: BuildSettings): boolean {
  const generated = generatedName(name, true, build.suffixes) ?? name
  return generated.endsWith('.conf') && !generated.startsWith('.')
}

/** A view with one more file: the assumed unit file, which no link or template stands for. */
function assumedFile(view: BuildView, path: string, bytes: Uint8Array): BuildView {
  const dir = dirname(path)
  const name = basename(path)
  return {
    origin: (p) => (p === path ? p : view.origin(p)),
    expansion: (p) => (p === path ? null : view.expansion(p)),
    withChoices: (c) => assumedFile(view.withChoices(c), path, bytes),
    source: {
      read: (p) => (p === path ? bytes : view.source.read(p)),
      list: (d) => {
        const names = view.source.list(d)
        if (d !== dir) return names
        return names === null ? [name] : names.includes(name) ? names : [...names, name]
      },
      link: (p) => (p === path ? null : view.source.link(p)),
    },
  }
}
