/**
 * The capability ceiling: which Linux capabilities a service's processes can hold.
 *
 * - Running as root (no User=, User=root/0) or able to gain privileges (no NoNewPrivileges=, so
 *   set-user-ID/file-capability binaries work): the bounding set, after `~` lists, several lines,
 *   empty resets and the drops implied by PrivateDevices=, ProtectKernelModules=,
 *   ProtectKernelLogs= and ProtectClock=.
 * - Otherwise: the ambient capabilities within the bounding set.
 * - Exec lines with `+`, `!` or `!!`, and the extra commands of PermissionsStartOnly=yes, run with
 *   full privileges: they count as every capability.
 *
 * Capabilities widen when head's ceiling holds one that base's did not.
 */
import { CAPABILITY_NAMES } from '../model/linux-names.js'
import type { ServiceState } from '../service/state.js'
import type { Assignment } from '../unit/syntax.js'

/** Bits 0…40, the capabilities the kernel knows (cap_last_cap). */
export const KNOWN_CAPS = (1n << BigInt(CAPABILITY_NAMES.length)) - 1n

export type CeilingReason = 'bounding-set' | 'ambient' | 'full-privilege-exec'

export interface Ceiling {
  readonly caps: bigint
  readonly runsAsRoot: boolean
  readonly canGainPrivileges: boolean
  /** Exec lines that run with full privileges. */
  readonly privilegedExec: readonly Assignment[]
  /** The lines that made the ceiling what it is, for explaining a widening. */
  readonly reason: CeilingReason
}

const EXTRA_COMMANDS = ['ExecStartPre', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost', 'ExecCondition']

export function capabilityCeiling(s: ServiceState): Ceiling {
  const runsAsRoot = s.user === null || s.user === '' || s.user === 'root' || s.user === '0'
  const canGainPrivileges = !s.noNewPrivileges
  const privilegedExec: Assignment[] = []
  for (const list of Object.values(s.exec)) {
    for (const c of list) if (c.fullyPrivileged || c.noSetuid || c.ambientMagic) privilegedExec.push(c.source)
  }
  if (s.permissionsStartOnly) {
    for (const d of EXTRA_COMMANDS) for (const c of s.exec[d] ?? []) privilegedExec.push(c.source)
  }
  const bounding = s.capabilityBoundingSet & KNOWN_CAPS
  if (privilegedExec.length > 0) {
    return { caps: KNOWN_CAPS, runsAsRoot, canGainPrivileges, privilegedExec, reason: 'full-privilege-exec' }
  }
  if (runsAsRoot || canGainPrivileges) {
    return { caps: bounding, runsAsRoot, canGainPrivileges, privilegedExec, reason: 'bounding-set' }
  }
  return { caps: s.ambientCapabilities & bounding, runsAsRoot, canGainPrivileges, privilegedExec, reason: 'ambient' }
}

export { capabilityBit, capabilityNames } from '../model/linux-names.js'
