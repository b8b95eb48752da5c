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
 *   `+` (full privileges: root, every capability, no bounding set, and outside the sandbox —
 *   seccomp filters, namespaces, NoNewPrivileges=, PrivateUsers=), `!` (root credentials, still
 *   within the bounding set and the sandbox), and every command but ExecStart= under
 *   PermissionsStartOnly=yes (like `+`). `!!` only acts on kernels without ambient
 *   capabilities (before Linux 4.3), so it elevates nothing here.
 *
 * PrivateUsers= (any value but `no`) runs the sandboxed processes in a user namespace: their
 * capabilities count there, not on the host ("zero process capabilities on the host's user
 * namespace", systemd.exec(5)) — except over host files whose owner and group the namespace
 * maps: the kernel lets a capability held in the namespace act on such an inode
 * (capable_wrt_inode_uidgid()). So a namespace that maps host uids still gives the file
 * capabilities over them: `identity` (0–65535 to themselves) and `full` (everything) keep
 * CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_FSETID, CAP_CHOWN, CAP_SETUID and
 * CAP_SETGID (setuid()/setgid() to any mapped id); `yes`/`self` (root and the unit's user)
 * CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER over root's and its own files;
 * `managed` (a transient unprivileged range) none. uid 0 stays uid 0.
 *
 * Pure: the loaded unit in, the profile out. The diff compares two profiles.
 */
import { capabilitySet, KNOWN_CAPS, NAMESPACE_FLAGS_ALL, SECURE_BITS } from '../model/linux-names.js'
import { isRootUser } from '../model/root-user.js'
import type { VersionTraits } from '../model/versions.js'
import { unitNameKind, unitType } from '../unit/names.js'
import type { Assignment, UnitFileSyntax } from '../unit/syntax.js'
import type { ExecCommand, ServiceState } from './state.js'

/** SecureBits= noroot (linux/securebits.h): uid 0 gains no capabilities at exec. */
export const SECURE_NOROOT = 1 << SECURE_BITS.noroot

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
  /** It runs outside a sandbox the other processes are in (`+`, PermissionsStartOnly=). */
  readonly escapesSandbox: boolean
}

export interface UnitIdentity {
  /** The user name as configured (after specifiers), null when none is set. */
  readonly name: string | null
  /** It is (or may be) root. */
  readonly root: boolean
  /** User= is taken from the instance name (`User=%i`): an instance named root runs as root. */
  readonly fromInstance: boolean
}

/** Capabilities that act on host files whose owner the user namespace maps (capable_wrt_inode_uidgid()). */
const OVER_MAPPED_FILES = capabilitySet('CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER')
const OVER_MAPPED_IDS = OVER_MAPPED_FILES | capabilitySet('CAP_CHOWN', 'CAP_FSETID', 'CAP_SETGID', 'CAP_SETUID')

/** The host capabilities a process in the unit's user namespace keeps, by PrivateUsers= value. */
export function hostCapabilitiesUnder(privateUsers: string): bigint {
  switch (privateUsers) {
    case 'no':
      return KNOWN_CAPS
    case 'identity':
    case 'full':
      return OVER_MAPPED_IDS
    case 'managed':
      return 0n
    default:
      // yes, self: root and the unit's own user mapped to themselves.
      return OVER_MAPPED_FILES
  }
}

/**
 * Which reading of `User=%i` (a user taken from the instance name): `root` (an instance named
 * root) or `user` (any other name: an ordinary user with the unit's ambient capabilities).
 */
export type InstanceUserReading = 'root' | 'user'

export interface PrivilegeProfile {
  /** The unit starts processes of its own (a socket without Exec*= lines starts none). */
  readonly startsProcesses: boolean
  readonly user: UnitIdentity
  /** Its processes run in a user namespace of their own (PrivateUsers=): few host capabilities. */
  readonly privateUsers: boolean
  /** The PrivateUsers= value ('no' without one). */
  readonly userNamespace: string
  readonly bounding: bigint
  readonly held: ProcessPrivileges
  readonly reachable: bigint
  readonly noNewPrivileges: NoNewPrivilegesSource | null
  readonly elevated: readonly ElevatedCommand[]
  /**
   * Every command with an elevating prefix or under PermissionsStartOnly=, elevated beyond the
   * ordinary processes or not: a command that runs with full privileges in base and in head did
   * not gain any when the unit's ordinary processes lost some (a sandbox added to a root unit).
   */
  readonly prefixed: readonly ElevatedCommand[]
  /** Which service manager runs it: the system's, or a user's (user-units.ts), which grants nothing. */
  readonly manager: 'system' | 'user'
}

/** Unit types whose manager runs a helper for them even without Exec*= lines. */
const IMPLICIT_HELPER: Record<string, string> = { mount: 'mount/umount', swap: 'swapon/swapoff' }

/** Specifiers that carry the instance name: %i %I, %n %N (the full name), %f. */
const INSTANCE_SPECIFIER = /%[iInNf]/

/** The loaded unit, as far as the profile reads it. */
export interface LoadedUnit {
  readonly unit: string
  readonly state: ServiceState
  /** The files read, for the sandboxing settings the state does not model. */
  readonly files: readonly UnitFileSyntax[]
}

export function privilegeProfile(
  loaded: LoadedUnit,
  traits: VersionTraits,
  instanceUser: InstanceUserReading = 'root',
): PrivilegeProfile {
  const { state, unit } = loaded
  const commands = Object.values(state.exec).flat()
  const type = unitType(unit)
  const startsProcesses = commands.length > 0 || type in IMPLICIT_HELPER
  const bounding = state.capabilityBoundingSet & KNOWN_CAPS
  const user = identity(state, unit, instanceUser)
  const userNamespace = state.privateUsers
  const privateUsers = userNamespace !== 'no'
  if (!startsProcesses) {
    return {
      startsProcesses,
      user,
      privateUsers,
      userNamespace,
      bounding,
      held: NOTHING,
      reachable: 0n,
      noNewPrivileges: null,
      elevated: [],
      prefixed: [],
      manager: 'system',
    }
  }

  const noroot = (state.secureBits & SECURE_NOROOT) !== 0
  // What of a capability set counts on the host (all of it without PrivateUsers=).
  const host = hostCapabilitiesUnder(userNamespace)
  // Host capabilities of a sandboxed process running as `root` or not.
  const heldAs = (root: boolean): bigint => (root && !noroot ? bounding : state.ambientCapabilities & bounding) & host
  const held: ProcessPrivileges = { root: user.root, caps: heldAs(user.root) }
  const noNewPrivileges = noNewPrivilegesSource(state, user.root, traits)
  const reachable = noNewPrivileges !== null ? held.caps : (bounding & host) | held.caps
  const sandbox = sandboxed(loaded)

  const elevated: ElevatedCommand[] = []
  const prefixed: ElevatedCommand[] = []
  for (const command of commands) {
    const kind = elevation(command, state)
    if (kind === null) continue
    // `!` keeps the bounding set and the rest of the sandbox: only the user switch is skipped.
    const rootCredentials = kind === 'root-credentials'
    const privileges: ProcessPrivileges = rootCredentials
      ? { root: true, caps: heldAs(true) }
      : { root: true, caps: KNOWN_CAPS }
    const escapesSandbox = !rootCredentials && sandbox
    const e: ElevatedCommand = { command, kind, privileges, escapesSandbox }
    prefixed.push(e)
    if (escapesSandbox || privileges.caps & ~held.caps || (privileges.root && !held.root)) elevated.push(e)
  }
  return {
    startsProcesses,
    user,
    privateUsers,
    userNamespace,
    bounding,
    held,
    reachable,
    noNewPrivileges,
    elevated,
    prefixed,
    manager: 'system',
  }
}

/**
 * Settings of the execution context that `+` and PermissionsStartOnly= do not apply (besides
 * User=/Group= and the capability sets, which the profile counts): file-system and namespace
 * sandboxing, seccomp-based settings, NoNewPrivileges=, MAC profiles. A command escaping them can
 * do what the unit's other processes cannot (mount over /etc, load a module…) even as the same
 * user with the same capabilities.
 */
const SANDBOX_KEYS = new Set([
  'ProtectSystem',
  'ProtectHome',
  'PrivateTmp',
  'PrivateDevices',
  'PrivateNetwork',
  'PrivateUsers',
  'PrivateMounts',
  'PrivateIPC',
  'PrivatePIDs',
  'ProtectProc',
  'ProcSubset',
  'ReadOnlyPaths',
  'ReadWritePaths',
  'InaccessiblePaths',
  'ExecPaths',
  'NoExecPaths',
  'TemporaryFileSystem',
  'BindPaths',
  'BindReadOnlyPaths',
  'RootDirectory',
  'RootImage',
  'MountAPIVFS',
  'ProtectKernelTunables',
  'ProtectKernelModules',
  'ProtectKernelLogs',
  'ProtectClock',
  'ProtectControlGroups',
  'ProtectHostname',
  'NetworkNamespacePath',
  'IPCNamespacePath',
  'SystemCallFilter',
  'SystemCallArchitectures',
  'SystemCallLog',
  'RestrictAddressFamilies',
  'RestrictNamespaces',
  'LockPersonality',
  'MemoryDenyWriteExecute',
  'RestrictRealtime',
  'RestrictSUIDSGID',
  'RestrictFileSystems',
  'NoNewPrivileges',
  'SecureBits',
  'AppArmorProfile',
  'SELinuxContext',
  'SmackProcessLabel',
  'DynamicUser',
  'ReadOnlyDirectories',
  'ReadWriteDirectories',
  'InaccessibleDirectories',
])

function sandboxed(loaded: LoadedUnit): boolean {
  if (loaded.state.dynamicUser || hasSeccomp(loaded.state) || loaded.state.noNewPrivileges) return true
  // The last value of each key decides (an empty assignment resets most of them).
  const last = new Map<string, string>()
  for (const f of loaded.files) for (const a of f.assignments) if (SANDBOX_KEYS.has(a.key)) last.set(a.key, a.value)
  for (const v of last.values()) if (v !== '' && !/^(no|false|off|0)$/i.test(v)) return true
  return false
}

const NOTHING: ProcessPrivileges = { root: false, caps: 0n }

function identity(state: ServiceState, unit: string, instanceUser: InstanceUserReading): UnitIdentity {
  const name = state.user
  // The last User= line that took effect: does its text depend on the instance?
  let raw: Assignment | undefined
  for (const a of state.applied) if (a.key === 'User') raw = a
  const fromInstance =
    unitNameKind(unit) !== 'plain' && raw !== undefined && raw.value !== '' && INSTANCE_SPECIFIER.test(raw.value)
  const root = fromInstance ? instanceUser === 'root' : isRootUser(name)
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
function noNewPrivilegesSource(
  state: ServiceState,
  root: boolean,
  traits: VersionTraits,
): NoNewPrivilegesSource | null {
  if (state.dynamicUser) return 'dynamic-user'
  if (state.noNewPrivileges) return 'setting'
  if (root || !hasSeccomp(state)) return null
  // After the user switch the effective set is empty — secure bits are set later, ambient
  // capabilities are never effective before exec — so CAP_SYS_ADMIN is lacking, unless 255+
  // kept it to install the filters.
  if (traits.seccompKeepsPrivileges && filterAllowsDroppingPrivileges(state)) return null
  return 'seccomp'
}

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
    (s.restrictNamespaces !== null && (s.restrictNamespaces & NAMESPACE_FLAGS_ALL) !== NAMESPACE_FLAGS_ALL) ||
    s.restrictRealtime ||
    s.restrictSuidSgid ||
    s.syscallArchitectures.size > 0 ||
    (s.syscallFilter !== null && (s.syscallFilter.allowList || s.syscallFilter.entries.size > 0)) ||
    (s.syscallLog !== null && (s.syscallLog.allowList || s.syscallLog.entries.size > 0))
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
