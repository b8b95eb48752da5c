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
 * control command, so a PermissionsStartOnly= shows — and a socket with no command at all. Units
 * that restrict what a drop-in can undo (a bounding set, PrivateUsers=, seccomp) are assumed only
 * when a drop-in touches that. A privilege the drop-ins add under any of them is a finding.
 * Adding to CapabilityBoundingSet= is not one: against a unit that does not restrict it, it
 * narrows nothing and widens nothing, and a drop-in that narrows it must not fail.
 */
import { capabilityBit } from '../model/linux-names.js'
import type { VersionTraits } from '../model/versions.js'
import { UNIT_TYPES, unitNameKind, unitType, unescapeUnitName } from '../unit/names.js'
import { basename, dirname, joinPath } from '../unit/source.js'
import { buildView, generatedName, type BuildSettings, type BuildView } from './build-view.js'
import { loadUnit, type UnitLoad } from './load-unit.js'
import { rootAliasTarget, searchRootOf } from './rootfs.js'
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
  /** Only for these unit types (default: every reviewed type). */
  readonly types?: readonly string[]
  /**
   * Only when head's drop-ins (their text, joined) hold what can widen this unit file and no
   * other: such a unit file would turn a harmless drop-in (one that narrows) into a finding.
   */
  readonly when?: (dropIns: string) => boolean
}

/** The process-starting settings each type needs to be a valid unit, and one control command. */
function skeleton(type: string, unit: string): string {
  switch (type) {
    case 'socket':
      return `${bareSkeleton(type, unit)}ExecStartPre=/bin/true\nExecStopPost=/bin/true\n`
    case 'mount':
      return `[Mount]\nWhat=none\nWhere=${mountPoint(unit)}\nType=tmpfs\n`
    case 'swap':
      return `[Swap]\nWhat=${mountPoint(unit)}\n`
    default:
      return '[Service]\nExecStart=/bin/true\nExecReload=/bin/true\n'
  }
}

/** The settings each type needs to be a valid unit, without a command of its own where it can. */
function bareSkeleton(type: string, unit: string): string {
  return type === 'socket' ? '[Socket]\nListenStream=/run/systemd-exposure-assumed.sock\n' : skeleton(type, unit)
}

/**
 * `CapabilityBoundingSet=~` with no capability systemd knows after it: the set is every
 * capability (config_parse_capability_set() inverts an empty set), whatever the unit had.
 */
const BOUNDING_RESET = /^[ \t]*CapabilityBoundingSet[ \t]*=[ \t]*~(.*)$/gm

export function resetsBoundingSet(text: string): boolean {
  for (const m of text.matchAll(BOUNDING_RESET)) {
    const words = m[1]!.split(/\s+/).filter((w) => w !== '')
    if (words.every((w) => capabilityBit(w.replace(/^"|"$/g, '')) === null && !/^[0-9]/.test(w))) return true
  }
  return false
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
    body: (type, unit) =>
      `${skeleton(type, unit)}[${SECTION[type]}]\nUser=systemd-exposure-assumed\nNoNewPrivileges=yes\n`,
  },
  // Without NoNewPrivileges=: a drop-in that set it, and is changed to no longer, widens here.
  {
    assumption: 'a unit with User=',
    body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]\nUser=systemd-exposure-assumed\n`,
  },
  {
    assumption: 'a unit with DynamicUser=yes',
    body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]\nDynamicUser=yes\n`,
  },
  // A distribution's socket runs no command of its own (Debian's ssh.socket): a drop-in that
  // adds one adds a root process.
  {
    assumption: 'a root unit that runs no command of its own',
    body: (type, unit) => bareSkeleton(type, unit),
    types: ['socket'],
  },
  // What a distribution's unit may restrict, and a drop-in can undo: only when a drop-in does
  // such a thing, so that one that narrows or configures still passes.
  {
    assumption: 'a root unit with a restricted bounding set',
    body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]\nCapabilityBoundingSet=CAP_NET_BIND_SERVICE\n`,
    when: resetsBoundingSet,
  },
  {
    assumption: 'a root unit with PrivateUsers=yes',
    body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]\nPrivateUsers=yes\n`,
    when: (t) => /^[ \t]*PrivateUsers[ \t]*=/m.test(t),
  },
  {
    assumption: 'a unit with User= and SystemCallFilter=@system-service',
    body: (type, unit) =>
      `${skeleton(type, unit)}[${SECTION[type]}]\nUser=systemd-exposure-assumed\nSystemCallFilter=@system-service\n`,
    when: (t) =>
      /^[ \t]*(SystemCallFilter|SystemCallArchitectures|RestrictAddressFamilies|RestrictNamespaces|RestrictRealtime|RestrictSUIDSGID|LockPersonality|MemoryDenyWriteExecute|ProtectKernelModules|ProtectKernelTunables|ProtectKernelLogs|ProtectClock|ProtectHostname|PrivateDevices)[ \t]*=/m.test(
        t,
      ),
  },
]

/**
 * The name of the unit file to assume beside a drop-in directory: the unit itself, a
 * template's own name (analysed as its instance), or for a type-wide (`service.d`) or
 * dash-prefix (`foo-.service.d`) directory a name those drop-ins apply to.
 */
function assumedUnitName(dirUnit: string): { unit: string; name: string } | null {
  if ((UNIT_TYPES as readonly string[]).includes(dirUnit))
    return { unit: `systemd-exposure-assumed.${dirUnit}`, name: `every .${dirUnit} unit` }
  const kind = unitNameKind(dirUnit)
  if (kind === null) return null
  const type = unitType(dirUnit)
  const stem = dirUnit.slice(0, -(type.length + 1))
  if (stem.endsWith('-'))
    return { unit: `${stem}systemd-exposure-assumed.${type}`, name: `every ${stem}*.${type} unit` }
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
    let assumed = assumedUnitName(dirUnit)
    if (assumed === null) continue
    let fragment = joinPath(dirname(dir), assumed.unit)
    const root = searchRootOf(dirname(dir))
    if (root !== null) {
      // In a root file system: a unit any of its unit directories ships reads these drop-ins;
      // an alias (`sshd.service -> /lib/systemd/system/ssh.service`) to a name none ships makes
      // them drop-ins of that unit, assumed where the alias leads.
      const found = unitInRoot(head, root.dirs, dirname(dir), assumed.unit)
      if (found === null) continue
      if (found.name !== assumed.unit) assumed = { unit: found.name, name: found.name }
      fragment = joinPath(found.dir, found.name)
    }
    // A unit file of that name is in head: its own review reads these drop-ins. One only base
    // had (deleted, the distribution's unit taking over) reads nothing in head.
    else if (head.tree.entryAt(fragment) !== undefined) continue
    const type = unitType(assumed.unit)
    const dropIns = dropInText(head, dir)
    const variants = ASSUMED.filter(
      (a) => (a.types === undefined || a.types.includes(type)) && (a.when === undefined || a.when(dropIns)),
    ).map((a) => {
      const bytes = new TextEncoder().encode(a.body(type, assumed.unit))
      const load = (side: Snapshot): UnitLoad => {
        const view = assumedFile(buildView(side.source, build), fragment, bytes)
        return loadUnit(side, { id: fragment, file: dir, loadPath: fragment, view, namedBy: [dir] }, traits)
      }
      return { assumption: a.assumption, base: load(base), head: load(head) }
    })
    const causes = new Set<string>()
    for (const v of variants)
      for (const l of [v.base, v.head]) for (const p of l.reaches) if (changed.has(p)) causes.add(p)
    out.push({ name: assumed.name, dir, variants, causes: [...causes].sort() })
  }
  return out
}

/**
 * Where a name of a root file system leads in head: null when one of its unit directories ships
 * that unit (a file, a linked unit file, a mask); else the name no directory ships (the name
 * itself, or the one its aliases lead to) and the unit directory to assume it in.
 */
function unitInRoot(
  head: Snapshot,
  dirs: readonly string[],
  at: string,
  name: string,
): { name: string; dir: string } | null {
  let dir = at
  for (let hops = 0; hops < 8; hops++) {
    const here = dirs.find((d) => head.tree.entryAt(joinPath(d, name)) !== undefined)
    if (here === undefined) return { name, dir }
    const e = head.tree.entryAt(joinPath(here, name))!
    if (e.kind !== 'link' || e.target === null) return null
    const to = rootAliasTarget(joinPath(here, name), e.target)
    // Only an alias (a link into the search path, to another valid name) names another unit.
    if (to === null || basename(to) === name) return null
    const toDir = dirname(to)
    const next = basename(to)
    dir = toDir
    name = next
  }
  return null
}

/** The text of a side's drop-ins in a drop-in directory (links followed), joined; '' when unreadable. */
function dropInText(side: Snapshot, dir: string): string {
  const out: string[] = []
  try {
    for (const name of side.source.list(dir) ?? []) {
      if (!name.includes('.conf')) continue
      const bytes = side.source.read(joinPath(dir, name))
      if (bytes !== null) out.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
    }
  } catch {
    // An unreadable drop-in fails the review closed on its own.
  }
  return out.join('\n')
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
