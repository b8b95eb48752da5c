/**
 * The flat record the assessors read, copied from a loaded and patched service exactly as
 * analyze-security.c fills its SecurityInfo in offline mode (exposure-model.md §2.2).
 */
import { isLocalhostPrefix } from '../service/ip.js'
import type { ServiceState, SyscallFilter } from '../service/state.js'
import { addressFamilyClass, type AddressFamilyClass } from './linux-names.js'

export interface SecurityInfo {
  readonly user: string | null
  readonly dynamicUser: boolean
  readonly supplementaryGroups: readonly string[]
  readonly removeIpc: boolean
  /** Booleans by their systemd setting name, "non-zero = enabled". */
  readonly enabled: Readonly<Record<BoolSetting, boolean>>
  readonly protectHome: string
  readonly protectSystem: string
  readonly protectProc: string
  readonly procSubset: string
  readonly keyringMode: string
  readonly notifyAccess: string
  readonly umask: number
  readonly rootDirectory: string | null
  readonly rootImage: string | null
  /**
   * The bounding set's capabilities 0–31 and 32–63 as 32-bit words: the 26 capability rows
   * test plain numbers, where each BigInt `&` is a slow, allocating runtime call.
   */
  readonly capabilityBoundingSetLow: number
  readonly capabilityBoundingSetHigh: number
  readonly ambientCapabilities: bigint
  /** Allowed namespace flags (all bits set when unrestricted). */
  readonly restrictNamespaces: number
  /** true = that class of address families is restricted (good). */
  readonly addressFamilyRestricted: Readonly<Record<AddressFamilyClass, boolean>>
  readonly syscallArchitectures: ReadonlySet<string>
  readonly syscallFilterAllowList: boolean
  /** The system calls the filter lists as allowed (allow-list) or denied (deny-list). */
  readonly syscallFilter: SyscallNames
  readonly ipAddressDenyAll: boolean
  readonly ipAddressAllowLocalhost: boolean
  readonly ipAddressAllowOther: boolean
  readonly ipFiltersCustom: boolean
  readonly devicePolicy: string
  readonly deviceAllow: readonly string[]
  readonly delegate: boolean
  readonly defaultDependencies: boolean
}

export type BoolSetting =
  | 'PrivateDevices' | 'PrivateMounts' | 'PrivateNetwork' | 'PrivateTmp' | 'PrivateUsers'
  | 'ProtectControlGroups' | 'ProtectKernelModules' | 'ProtectKernelTunables' | 'ProtectKernelLogs'
  | 'ProtectClock' | 'ProtectHostname' | 'LockPersonality' | 'MemoryDenyWriteExecute'
  | 'NoNewPrivileges' | 'RestrictRealtime' | 'RestrictSUIDSGID'

export function securityInfo(s: ServiceState): SecurityInfo {
  const allow = s.addressFamiliesAllowList
  const restricted: Record<AddressFamilyClass, boolean> = {
    inet: allow, unix: allow, netlink: allow, packet: allow, other: allow,
  }
  for (const af of s.addressFamilies ?? []) restricted[addressFamilyClass(af)] = !allow

  const syscallFilter = s.syscallFilter ? filterNames(s.syscallFilter) : NO_SYSCALLS
  const deny = s.ipAddressDeny
  return {
    user: s.user,
    dynamicUser: s.dynamicUser,
    supplementaryGroups: s.supplementaryGroups,
    removeIpc: s.removeIpc,
    enabled: {
      PrivateDevices: s.privateDevices,
      // 254+: the unset tristate (-1) is non-zero, so the analyser counts it as enabled.
      PrivateMounts: s.privateMounts !== false,
      PrivateNetwork: s.privateNetwork,
      PrivateTmp: s.privateTmp !== 'no',
      PrivateUsers: s.privateUsers !== 'no',
      ProtectControlGroups: s.protectControlGroups !== 'no',
      ProtectKernelModules: s.protectKernelModules,
      ProtectKernelTunables: s.protectKernelTunables,
      ProtectKernelLogs: s.protectKernelLogs,
      ProtectClock: s.protectClock,
      ProtectHostname: s.protectHostname !== 'no',
      LockPersonality: s.lockPersonality,
      MemoryDenyWriteExecute: s.memoryDenyWriteExecute,
      NoNewPrivileges: s.noNewPrivileges,
      RestrictRealtime: s.restrictRealtime,
      RestrictSUIDSGID: s.restrictSuidSgid,
    },
    protectHome: s.protectHome,
    protectSystem: s.protectSystem,
    protectProc: s.protectProc,
    procSubset: s.procSubset,
    keyringMode: s.keyringMode,
    notifyAccess: s.notifyAccess ?? 'none',
    umask: s.umask,
    rootDirectory: s.rootDirectory,
    rootImage: s.rootImage,
    capabilityBoundingSetLow: Number(s.capabilityBoundingSet & 0xffffffffn),
    capabilityBoundingSetHigh: Number((s.capabilityBoundingSet >> 32n) & 0xffffffffn),
    ambientCapabilities: s.ambientCapabilities,
    restrictNamespaces: s.restrictNamespaces === null ? 0x7fffffff : s.restrictNamespaces,
    addressFamilyRestricted: restricted,
    syscallArchitectures: s.syscallArchitectures,
    syscallFilterAllowList: s.syscallFilter?.allowList ?? false,
    syscallFilter,
    ipAddressDenyAll: deny.some((p) => p.family === 4 && p.prefixLength === 0) && deny.some((p) => p.family === 6 && p.prefixLength === 0),
    ipAddressAllowLocalhost: s.ipAddressAllow.some(isLocalhostPrefix),
    ipAddressAllowOther: s.ipAddressAllow.some((p) => !isLocalhostPrefix(p)),
    ipFiltersCustom: s.ipIngressFilterPaths > 0 || s.ipEgressFilterPaths > 0,
    devicePolicy: s.devicePolicy,
    deviceAllow: s.deviceAllow,
    delegate: s.delegate,
    defaultDependencies: s.defaultDependencies,
  }
}

export interface SyscallNames {
  has(name: string): boolean
  readonly size: number
}

const NO_SYSCALLS: SyscallNames = { has: () => false, size: 0 }

/**
 * The filter's names as the analyser sees them, read from the filter itself rather than copied
 * (a filter built from @system-service holds hundreds). In an allow-list, entries with an errno
 * are the ones that are NOT allowed.
 */
function filterNames(filter: SyscallFilter): SyscallNames {
  const { entries, allowList } = filter
  if (!allowList) return entries
  return { has: (name) => (entries.get(name) ?? 0) < 0, size: entries.countWithoutErrno() }
}
