/**
 * Why systemd refuses to load a unit of another type than service after reading it: mount_verify(),
 * automount_verify(), swap_verify(), path_verify(), timer_verify() and socket_verify(), with the
 * name-derived defaults their *_add_extras() fill in first. null if it loads.
 */
import type { VersionTraits } from '../model/versions.js'
import { unitNameFromPath, unitNameToPath } from '../unit/names.js'
import type { ServiceState } from './state.js'
import type { UnitTypeSettings } from './unit-type-settings.js'

/** A load failure without a message of its own: systemd reports the errno of the failed load. */
export const LOAD_FAILED_EINVAL =
  'failed to load properly, please adjust/correct and reload service manager: Invalid argument'

export interface Refusal {
  /** "Unit NAME <reason>" when systemd logs no message of its own (the load failed with an errno). */
  readonly bare: boolean
  readonly message: string
}

/** Mount points systemd sets up itself or leaves alone (mount_point_is_api(), mount_point_ignore()). */
const API_MOUNTS = [
  '/proc',
  '/sys',
  '/dev',
  '/sys/kernel/security',
  '/sys/fs/smackfs',
  '/dev/shm',
  '/dev/pts',
  '/run',
  '/sys/fs/cgroup',
  '/sys/fs/cgroup/unified',
  '/sys/fs/cgroup/systemd',
  '/sys/fs/pstore',
  '/sys/firmware/efi/efivars',
  '/sys/fs/bpf',
]
const IGNORED_MOUNTS = ['/sys/fs/selinux', '/dev/console', '/proc/kmsg', '/proc/sys', '/proc/sys/kernel/random/boot_id']

function isApiMount(where: string, traits: VersionTraits): boolean {
  const under = (prefix: string): boolean => where === prefix || where.startsWith(`${prefix}/`)
  return (
    API_MOUNTS.includes(where) ||
    where.startsWith('/sys/fs/cgroup/') ||
    IGNORED_MOUNTS.includes(where) ||
    under('/run/host') ||
    (!traits.mountVerify257 && where === '/run/lock')
  )
}

function pamRefusal(s: ServiceState, traits: VersionTraits, type: string): string | null {
  if (s.pamName === null) return null
  if (traits.mountVerify257) {
    if (s.killMode === 'control-group' || s.killMode === 'mixed') return null
    return "Unit has PAM enabled. Kill mode must be set to 'control-group' or 'mixed'. Refusing."
  }
  if (s.killMode === 'control-group') return null
  if (type === 'mount') return "Unit has PAM enabled. Kill mode must be set to control-group'. Refusing."
  if (type === 'swap') return "Unit has PAM enabled. Kill mode must be set to 'control-group'. Refusing to load."
  return "Unit has PAM enabled. Kill mode must be set to 'control-group'. Refusing."
}

/** `names`: every name of the unit, its main name first (unit_has_name()). */
export function unitTypeRefusal(
  type: string,
  names: readonly string[],
  s: ServiceState,
  traits: VersionTraits,
): Refusal | null {
  const t = s.unitType
  const refuse = (message: string): Refusal => ({ bare: false, message })
  const bare: Refusal = { bare: true, message: LOAD_FAILED_EINVAL }
  // 257+ check PAMName= against KillMode= for every unit with an exec context before the type's
  // own checks (once its file loaded); before, each type checks it last.
  const pamFirst =
    traits.mountVerify257 && ['mount', 'swap', 'socket'].includes(type) ? pamRefusal(s, traits, type) : null
  switch (type) {
    case 'mount': {
      const where = t.where ?? unitNameToPath(names[0]!)
      if (where === null) return bare
      if (pamFirst !== null) return refuse(pamFirst)
      const expected = unitNameFromPath(where, '.mount')
      if (expected === null) return refuse('Failed to generate unit name from mount path: Invalid argument')
      if (!names.includes(expected)) return refuse("Where= setting doesn't match unit name. Refusing.")
      if (traits.mountVerify257 && (where === '/run/credentials' || where.startsWith('/run/credentials/')))
        return refuse(`Cannot create mount unit for credential mount '${where}'. Refusing.`)
      if (isApiMount(where, traits))
        return refuse(
          `Cannot create mount unit for API file system ${traits.mountVerify257 ? `'${where}'` : where}. Refusing.`,
        )
      if (t.what === null) return refuse('What= setting is missing. Refusing.')
      const pam = pamRefusal(s, traits, type)
      return pam === null ? null : refuse(pam)
    }
    case 'automount': {
      const where = t.where ?? unitNameToPath(names[0]!)
      if (where === null) return bare
      if (where === '/') return refuse('Cannot have an automount unit for the root directory. Refusing.')
      const expected = unitNameFromPath(where, '.automount')
      if (expected === null) return refuse('Failed to generate unit name from path: Invalid argument')
      return names.includes(expected) ? null : refuse("Where= setting doesn't match unit name. Refusing.")
    }
    case 'swap': {
      const what = t.what ?? unitNameToPath(names[0]!)
      if (what === null) return bare
      if (pamFirst !== null) return refuse(pamFirst)
      const expected = unitNameFromPath(what, '.swap')
      if (expected === null) return refuse('Failed to generate unit from What= setting: Invalid argument')
      if (!names.includes(expected)) return refuse('Value of What= and unit name do not match, not loading.')
      const pam = pamRefusal(s, traits, type)
      return pam === null ? null : refuse(pam)
    }
    case 'path':
      return t.pathSpecs === 0 ? refuse('Path unit lacks path setting. Refusing.') : null
    case 'timer':
      return t.timerValues === 0 && !t.onClockChange && !t.onTimezoneChange
        ? refuse('Timer unit lacks value setting. Refusing.')
        : null
    case 'socket':
      return pamFirst !== null ? refuse(pamFirst) : socketRefusal(t, s, traits)
    default:
      return null
  }
}

function socketRefusal(t: UnitTypeSettings, s: ServiceState, traits: VersionTraits): Refusal | null {
  const refuse = (message: string): Refusal => ({ bare: false, message })
  if (t.listeners.length === 0)
    return refuse('Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.')
  const tooFew = refuse('MaxConnection= setting too small. Refusing.')
  if (traits.socketMaxConnectionsAlways && t.maxConnections <= 0) return tooFew
  if (t.accept && t.listeners.some((l) => l.kind !== 'stream' && l.kind !== 'seqpacket'))
    return refuse('Unit configured for accepting sockets, but sockets are non-accepting. Refusing.')
  if (t.accept && t.maxConnections <= 0) return tooFew
  if (t.accept && t.explicitService)
    return refuse('Explicit service configuration for accepting socket units not supported. Refusing.')
  const pam = pamRefusal(s, traits, 'socket')
  if (pam !== null) return refuse(pam)
  if (t.symlinks > 0 && t.listeners.filter((l) => l.node !== null).length !== 1)
    return refuse('Unit has symlinks set but none or more than one node in the file system. Refusing.')
  return null
}
