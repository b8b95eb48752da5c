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
