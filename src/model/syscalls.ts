/**
 * Syscall groups and name resolution per systemd version, from the tables generated out of each
 * version's own `systemd-analyze syscall-filter` and libseccomp (scripts/gen-syscalls).
 */
import { SYSCALL_DATA } from './syscall-data.generated.js'
import type { SystemdVersion } from './versions.js'

export interface SyscallTable {
  /** Members of each `@group`, nested groups kept as `@name`. */
  readonly groups: ReadonlyMap<string, readonly string[]>
  /** Names libseccomp resolves at all (systemd stores them; others are ignored with a warning). */
  readonly known: ReadonlySet<string>
  /** Names that exist on x86-64, the only ones a group check looks at. */
  readonly native: ReadonlySet<string>
  /** Each known name's position, for sets of system calls kept as arrays (see SyscallSet). */
  readonly position: ReadonlyMap<string, number>
}

const tables = new Map<SystemdVersion, SyscallTable>()

const asList = (v: string | readonly string[]): readonly string[] =>
  typeof v === 'string' ? v.split(' ').filter((s) => s !== '') : v

export function syscallTable(version: SystemdVersion): SyscallTable {
  let t = tables.get(version)
  if (!t) {
    const data = SYSCALL_DATA[version]
    const known = asList(data.known)
    t = {
      groups: new Map(Object.entries(data.groups).map(([k, v]) => [k, asList(v)])),
      known: new Set(known),
      native: new Set(asList(data.native)),
      position: new Map(known.map((name, i) => [name, i])),
    }
    tables.set(version, t)
  }
  return t
}

/** A group's members with nested groups expanded depth-first, each name once, in first-seen order. */
interface ExpandedGroup {
  /** Positions (SyscallTable.position) of the names libseccomp resolves: what SystemCallFilter= stores. */
  readonly knownPositions: Int32Array
  /** The names that exist on x86-64 (what the assessors check). */
  readonly native: readonly string[]
}

const expansions = new WeakMap<SyscallTable, Map<string, ExpandedGroup>>()

/**
 * `@group` flattened, as the recursive walks of seccomp_parse_syscall_filter() and
 * syscall_names_in_filter() visit it, computed once per table instead of for every unit: a
 * unit's filter then costs one loop per group it names. Null for an unknown group. Nested
 * groups that do not exist are skipped, as those walks skip them; a name seen twice is kept
 * once (the walks would only repeat the same insertion or deletion, or the same test).
 */
export function expandGroup(table: SyscallTable, group: string): ExpandedGroup | null {
  let byGroup = expansions.get(table)
  if (byGroup === undefined) expansions.set(table, (byGroup = new Map<string, ExpandedGroup>()))
  // Unknown names are not remembered: a unit can name any number of them.
  if (!table.groups.has(group)) return null
  let e = byGroup.get(group)
  if (e === undefined) {
    const seen = new Set<string>()
    const names: string[] = []
    const visiting = new Set<string>()
    const walk = (g: string): void => {
      // Guards against a group that contains itself, which no systemd listing has.
      if (visiting.has(g)) return
      visiting.add(g)
      for (const m of table.groups.get(g) ?? []) {
        if (m.startsWith('@')) walk(m)
        else if (!seen.has(m)) {
          seen.add(m)
          names.push(m)
        }
      }
      visiting.delete(g)
    }
    walk(group)
    e = {
      knownPositions: Int32Array.from(
        names.filter((n) => table.known.has(n)),
        (n) => table.position.get(n)!,
      ),
      native: names.filter((n) => table.native.has(n)),
    }
    byGroup.set(group, e)
  }
  return e
}

/** No entry for that system call (−1 is an entry without an errno). */
const ABSENT = -2

/**
 * A set of system calls with an errno/action each, over one table's known names: what
 * SystemCallFilter= builds. One typed array per filter, where a Map of the hundreds of names
 * in @system-service was the largest allocation of a unit.
 */
export class SyscallSet {
  private readonly errnos: Int32Array
  private count = 0

  constructor(private readonly table: SyscallTable) {
    this.errnos = new Int32Array(table.position.size).fill(ABSENT)
  }

  get size(): number {
    return this.count
  }

  /** Sets the errno of a known name (others cannot be stored: libseccomp does not resolve them). */
  set(name: string, errno: number): void {
    const i = this.table.position.get(name)
    if (i !== undefined) this.setAt(i, errno)
  }

  delete(name: string): void {
    const i = this.table.position.get(name)
    if (i !== undefined) this.deleteAt(i)
  }

  /** Adds (or, with errno null, removes) every known member of an expanded group. */
  setGroup(group: ExpandedGroup, errno: number | null): void {
    const positions = group.knownPositions
    for (let k = 0; k < positions.length; k++) {
      if (errno === null) this.deleteAt(positions[k]!)
      else this.setAt(positions[k]!, errno)
    }
  }

  has(name: string): boolean {
    return this.get(name) !== undefined
  }

  get(name: string): number | undefined {
    const i = this.table.position.get(name)
    if (i === undefined) return undefined
    const errno = this.errnos[i]!
    return errno === ABSENT ? undefined : errno
  }

  /** How many entries have no errno (−1): the allowed ones of an allow-list. */
  countWithoutErrno(): number {
    let n = 0
    for (let i = 0; i < this.errnos.length; i++) if (this.errnos[i] === -1) n++
    return n
  }

  private setAt(i: number, errno: number): void {
    if (this.errnos[i] === ABSENT) this.count++
    this.errnos[i] = errno
  }

  private deleteAt(i: number): void {
    if (this.errnos[i] !== ABSENT) this.count--
    this.errnos[i] = ABSENT
  }
}
