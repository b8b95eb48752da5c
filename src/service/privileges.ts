/**
 * What a unit's processes can do with Linux capabilities, in three levels (systemd.exec(5),
 * systemd.service(5), capabilities(7)):
 *
 * - **held**: what a process holds when it starts. A root process (no User=, User=root/0, and
 *   no SecureBits=noroot) holds its bounding set, after the drops implied by PrivateDevices=,
 *   ProtectKernelModules=, ProtectKernelLogs= and ProtectClock=; any other user holds its
 *   AmbientCapabilities= within the bounding set.
 * - **reachable**: what it can gain later by executing set-user-ID or file-capability programs:
 *   its bounding set, unless NoNewPrivileges= is in force (set, implied by DynamicUser=, or
 *   forced by a seccomp-based setting — see `impliedNoNewPrivileges`).
 * - **elevated commands**: each command that runs with more privileges than the others:
 *   `+` (full privileges: root, every capability, no bounding set), `!` (root credentials,
 *   still within the bounding set), and every command but ExecStart= under
 *   PermissionsStartOnly=yes (like `+`). `!!` only acts on kernels without ambient
 *   capabilities (before Linux 4.3), so it elevates nothing here.
 *
 * Pure: the loaded state in, the profile out. The diff compares two profiles.
 */
import { CAPABILITY_NAMES } from '../model/linux-names.js'
import type { VersionTraits } from '../model/versions.js'
import { unitNameKind, unitType } from '../unit/names.js'
import type { Assignment } from '../unit/syntax.js'
import type { ExecCommand, ServiceState } from './state.js'

/** Bits 0…40: the capabilities the kernel knows (cap_last_cap). */
export const KNOWN_CAPS = (1n << BigInt(CAPABILITY_NAMES.length)) - 1n

const bit = (n: number): bigint => 1n << BigInt(n)
const CAP_SYS_ADMIN = bit(21)

/** SecureBits= flags that change what a process holds (linux/securebits.h). */
export const SECURE_NOROOT = 1 << 0
export const SECURE_NO_SETUID_FIXUP = 1 << 2

export interface ProcessPrivileges {
  /** Runs with user ID 0 (root owns most of the system's files, with or without capabilities). */
  readonly root: boolean
  /** Capabilities held when the process starts. */
  readonly caps: bigint
}

/** Why NoNewPrivileges= is in force, or null when it is not. */
export type NoNewPrivilegesSource = 'setting' | 'dynamic-user' | 'seccomp'

export type ElevationKind = 'full-privileges' | 'root-credentials' | 'permissions-start-only'

export interface ElevatedCommand {
  readonly command: ExecCommand
  readonly kind: ElevationKind
  readonly privileges: ProcessPrivileges
}

export interface UnitIdentity {
  /** The user name as configured (after specifiers), null when none is set. */
  readonly name: string | null
  /** It is (or may be) root. */
  readonly root: boolean
  /** User= is taken from the instance name (`User=%i`): an instance named root runs as root. */
  readonly fromInstance: boolean
}

export interface PrivilegeProfile {
  /** The unit starts processes of its own (a socket without Exec*= lines starts none). */
  readonly startsProcesses: boolean
  readonly user: UnitIdentity
  readonly bounding: bigint
  readonly held: ProcessPrivileges
  readonly reachable: bigint
  readonly noNewPrivileges: NoNewPrivilegesSource | null
  readonly elevated: readonly ElevatedCommand[]
}

/** Unit types whose manager runs a helper for them even without Exec*= lines. */
const IMPLICIT_HELPER: Record<string, string> = { mount: 'mount/umount', swap: 'swapon/swapoff' }

/** Specifiers that carry the instance name: %i %I, %n %N (the full name), %f. */
const INSTANCE_SPECIFIER = /%[iInNf]/

export function privilegeProfile(state: ServiceState, unit: string, traits: VersionTraits): PrivilegeProfile {
  const commands = Object.values(state.exec).flat()
  const type = unitType(unit)
  const startsProcesses = commands.length > 0 || type in IMPLICIT_HELPER
  const bounding = state.capabilityBoundingSet & KNOWN_CAPS
  const user = identity(state, unit)
  if (!startsProcesses) {
    return { startsProcesses, user, bounding, held: NOTHING, reachable: 0n, noNewPrivileges: null, elevated: [] }
  }

  const noroot = (state.secureBits & SECURE_NOROOT) !== 0
  const heldAs = (root: boolean): bigint => (root && !noroot ? bounding : state.ambientCapabilities & bounding)
  const held: ProcessPrivileges = { root: user.root, caps: heldAs(user.root) }
  const noNewPrivileges = noNewPrivilegesSource(state, user.root, traits)
  const reachable = noNewPrivileges !== null ? held.caps : bounding | held.caps

  const elevated: ElevatedCommand[] = []
  for (const command of commands) {
    const kind = elevation(command, state)
    if (kind === null) continue
    // `!` keeps the bounding set and the rest of the sandbox: only the user switch is skipped.
    const privileges: ProcessPrivileges = kind === 'root-credentials' ? { root: true, caps: heldAs(true) } : { root: true, caps: KNOWN_CAPS }
    if (privileges.caps & ~held.caps || (privileges.root && !held.root)) elevated.push({ command, kind, privileges })
  }
  return { startsProcesses, user, bounding, held, reachable, noNewPrivileges, elevated }
}

const NOTHING: ProcessPrivileges = { root: false, caps: 0n }

function identity(state: ServiceState, unit: string): UnitIdentity {
  const name = state.user
  // The last User= line that took effect: does its text depend on the instance?
  let raw: Assignment | undefined
  for (const a of state.applied) if (a.key === 'User') raw = a
  const fromInstance = unitNameKind(unit) !== 'plain' && raw !== undefined && raw.value !== '' && INSTANCE_SPECIFIER.test(raw.value)
  // A user name systemd resolves on the host could still be uid 0 there ("toor"); names are
  // taken at their word, numbers are not: only "0" parses as uid 0 (parse_uid() refuses "00").
  const root = name === null || name === '' || name === 'root' || name === '0' || fromInstance
  return { name, root, fromInstance }
}

/**
 * NoNewPrivileges= in force for the unit's ordinary processes. Besides the setting (and
 * DynamicUser=, which sets it), systemd forces it for a process that is not root when any
 * seccomp-based setting is used and the process lacks CAP_SYS_ADMIN after the user switch
 * (context_has_no_new_privileges()). From 255 on systemd keeps the privilege to install the
 * filters itself unless the system call filter denies capget, capset or prctl
 * (seccomp_allows_drop_privileges()), and then no longer forces it.
 */
function noNewPrivilegesSource(state: ServiceState, root: boolean, traits: VersionTraits): NoNewPrivilegesSource | null {
  if (state.dynamicUser) return 'dynamic-user'
  if (state.noNewPrivileges) return 'setting'
  if (root || !hasSeccomp(state)) return null
  // After the user switch the effective set is empty unless SecureBits=no-setuid-fixup keeps
  // it, and ambient capabilities are not effective yet: only then is CAP_SYS_ADMIN surely lacking.
  if (state.secureBits & SECURE_NO_SETUID_FIXUP || state.ambientCapabilities & CAP_SYS_ADMIN) return null
  if (traits.seccompKeepsPrivileges && filterAllowsDroppingPrivileges(state)) return null
  return 'seccomp'
}

const NAMESPACE_ALL = 0x02000000 | 0x08000000 | 0x40000000 | 0x00020000 | 0x20000000 | 0x10000000 | 0x04000000 | 0x00000080

/** context_has_seccomp(): the settings systemd implements with seccomp filters. */
export function hasSeccomp(s: ServiceState): boolean {
  return (
    s.lockPersonality ||
    s.memoryDenyWriteExecute ||
    s.privateDevices ||
    s.protectClock ||
    s.protectHostname !== 'no' ||
    s.protectKernelTunables ||
    s.protectKernelModules ||
    s.protectKernelLogs ||
    s.addressFamiliesAllowList ||
    (s.addressFamilies !== null && s.addressFamilies.size > 0) ||
    (s.restrictNamespaces !== null && (s.restrictNamespaces & NAMESPACE_ALL) !== NAMESPACE_ALL) ||
    s.restrictRealtime ||
    s.restrictSuidSgid ||
    s.syscallArchitectures.size > 0 ||
    (s.syscallFilter !== null && (s.syscallFilter.allowList || s.syscallFilter.entries.size > 0))
  )
}

function filterAllowsDroppingPrivileges(s: ServiceState): boolean {
  const f = s.syscallFilter
  if (f === null || f.entries.size === 0) return true
  const listed = ['capget', 'capset', 'prctl'].map((n) => f.entries.has(n))
  return f.allowList ? listed.every(Boolean) : !listed.some(Boolean)
}

function elevation(c: ExecCommand, state: ServiceState): ElevationKind | null {
  if (c.fullyPrivileged) return 'full-privileges'
  // PermissionsStartOnly= strips the sandbox from every control process: all but ExecStart=.
  if (state.permissionsStartOnly && c.directive !== 'ExecStart') return 'permissions-start-only'
  if (c.noSetuid) return 'root-credentials'
  return null
}

/** What the manager runs for a mount or swap unit without Exec*= lines, for reports. */
export function implicitHelper(unit: string): string | null {
  return IMPLICIT_HELPER[unitType(unit)] ?? null
}
