/**
 * The flat record the assessors read: analyze-security.c's SecurityInfo. How a loaded service
 * fills it is src/service/security-info.ts.
 */
import type { AddressFamilyClass } from './linux-names.js'

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
  | 'PrivateDevices'
  | 'PrivateMounts'
  | 'PrivateNetwork'
  | 'PrivateTmp'
  | 'PrivateUsers'
  | 'ProtectControlGroups'
  | 'ProtectKernelModules'
  | 'ProtectKernelTunables'
  | 'ProtectKernelLogs'
  | 'ProtectClock'
  | 'ProtectHostname'
  | 'LockPersonality'
  | 'MemoryDenyWriteExecute'
  | 'NoNewPrivileges'
  | 'RestrictRealtime'
  | 'RestrictSUIDSGID'

export interface SyscallNames {
  has(name: string): boolean
  readonly size: number
}
