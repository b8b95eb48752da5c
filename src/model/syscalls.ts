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
}

const tables = new Map<SystemdVersion, SyscallTable>()

const asList = (v: string | readonly string[]): readonly string[] =>
  typeof v === 'string' ? v.split(' ').filter((s) => s !== '') : v

export function syscallTable(version: SystemdVersion): SyscallTable {
  let t = tables.get(version)
  if (!t) {
    const data = SYSCALL_DATA[version]
    t = {
      groups: new Map(Object.entries(data.groups).map(([k, v]) => [k, asList(v)])),
      known: new Set(asList(data.known)),
      native: new Set(asList(data.native)),
    }
    tables.set(version, t)
  }
  return t
}

/** A group's members with nested groups expanded depth-first, each name once, in first-seen order. */
interface ExpandedGroup {
  /** The names libseccomp resolves (what SystemCallFilter= stores for the group). */
  readonly known: readonly string[]
  /** The names that exist on x86-64 (what the assessors check). */
  readonly native: readonly string[]
}

const expansions = new WeakMap<SyscallTable, Map<string, ExpandedGroup | null>>()

/**
 * `@group` flattened, as the recursive walks of seccomp_parse_syscall_filter() and
 * syscall_names_in_filter() visit it, computed once per table instead of for every unit: a
 * unit's filter then costs one loop per group it names. Null for an unknown group. Nested
 * groups that do not exist are skipped, as those walks skip them; a name seen twice is kept
 * once (the walks would only repeat the same insertion or deletion, or the same test).
 */
export function expandGroup(table: SyscallTable, group: string): ExpandedGroup | null {
  let byGroup = expansions.get(table)
  if (byGroup === undefined) expansions.set(table, (byGroup = new Map()))
  let e = byGroup.get(group)
  if (e === undefined) {
    e = null
    if (table.groups.has(group)) {
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
      e = { known: names.filter((n) => table.known.has(n)), native: names.filter((n) => table.native.has(n)) }
    }
    byGroup.set(group, e)
  }
  return e
}
