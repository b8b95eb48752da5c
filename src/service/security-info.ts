/**
 * The record the assessors read, copied from a loaded and patched service exactly as
 * analyze-security.c fills its SecurityInfo in offline mode (acquire_security_info_offline()).
 */
import { addressFamilyClass, type AddressFamilyClass } from '../model/linux-names.js'
import type { SecurityInfo, SyscallNames } from '../model/security-info.js'
import { isLocalhostPrefix } from './ip.js'
import type { ServiceState, SyscallFilter } from './state.js'

export function securityInfo(s: ServiceState): SecurityInfo {
  const allow = s.addressFamiliesAllowList
  const restricted: Record<AddressFamilyClass, boolean> = {
    inet: allow,
    unix: allow,
    netlink: allow,
    packet: allow,
    other: allow,
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
    ipAddressDenyAll:
      deny.some((p) => p.family === 4 && p.prefixLength === 0) &&
      deny.some((p) => p.family === 6 && p.prefixLength === 0),
    ipAddressAllowLocalhost: s.ipAddressAllow.some(isLocalhostPrefix),
    ipAddressAllowOther: s.ipAddressAllow.some((p) => !isLocalhostPrefix(p)),
    ipFiltersCustom: s.ipIngressFilterPaths > 0 || s.ipEgressFilterPaths > 0,
    devicePolicy: s.devicePolicy,
    deviceAllow: s.deviceAllow,
    delegate: s.delegate,
    defaultDependencies: s.defaultDependencies,
  }
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
