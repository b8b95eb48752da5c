/**
 * What a service looks like to the manager after its files are read: the part of systemd's
 * ExecContext, CGroupContext and Service that the exposure assessment, validation and the
 * capability model read. Built by applying directives in file order (directives/index.ts), then
 * patched (patch.ts).
 */
import { ALL_CAPS_64 } from '../model/linux-names.js'
import type { SyscallSet } from '../model/syscalls.js'
import type { VersionTraits } from '../model/versions.js'
import type { Assignment } from '../unit/syntax.js'
import type { ExecDirective } from './exec-directives.js'
import { initialUnitTypeSettings, type UnitTypeSettings } from './unit-type-settings.js'

export type ProtectSystem = 'no' | 'yes' | 'full' | 'strict'
export type ProtectHome = 'no' | 'yes' | 'read-only' | 'tmpfs'

/** Command-line prefixes that change the privileges an Exec*= line runs with. */
export interface ExecCommand {
  readonly directive: string
  readonly path: string
  /** The command as written, prefixes included (one command of a `;`-separated line). */
  readonly text: string
  /** `+`: full privileges, no sandbox. */
  readonly fullyPrivileged: boolean
  /** `!`: no User=/Group= switch. */
  readonly noSetuid: boolean
  /** `!!`: credentials applied through ambient capabilities (252–257; 262 ignores the prefix). */
  readonly ambientMagic: boolean
  /** 262 `|`: run through the shell (`sh -c`, or the user's shell when it stands alone). */
  readonly viaShell: boolean
  readonly source: Assignment
}

export interface SyscallFilter {
  /** true: allow-list (everything else is denied); false: deny-list. */
  readonly allowList: boolean
  /** name → errno/action (-1 for none), in the resolved form systemd stores. */
  readonly entries: SyscallSet
}

export interface ServiceState {
  user: string | null
  group: string | null
  dynamicUser: boolean
  supplementaryGroups: string[]
  removeIpc: boolean
  privateDevices: boolean
  /** 252: boolean. 254+: null = unset (the analyser counts it as enabled). */
  privateMounts: boolean | null
  privateNetwork: boolean
  /** The enum value as written ('no' | 'yes'/'connected' | 'disconnected', …); any non-'no' is on. */
  privateTmp: string
  privateUsers: string
  protectControlGroups: string
  protectHostname: string
  protectKernelModules: boolean
  protectKernelTunables: boolean
  protectKernelLogs: boolean
  protectClock: boolean
  lockPersonality: boolean
  memoryDenyWriteExecute: boolean
  noNewPrivileges: boolean
  restrictRealtime: boolean
  restrictSuidSgid: boolean
  protectSystem: ProtectSystem
  protectHome: ProtectHome
  protectProc: string
  procSubset: string
  keyringMode: string
  notifyAccess: string | null
  umask: number
  rootDirectory: string | null
  rootImage: string | null
  mountImages: number
  /** LoadCredential[Encrypted]= and SetCredential[Encrypted]=: credential name → encrypted. */
  loadCredentials: Map<string, boolean>
  setCredentials: Map<string, boolean>
  capabilityBoundingSet: bigint
  ambientCapabilities: bigint
  /** SecureBits= flags (linux/securebits.h bit numbers: noroot 0, no-setuid-fixup 2, keep-caps 4). */
  secureBits: number
  /** Allowed namespace flags, or null for "unset" (everything allowed). */
  restrictNamespaces: number | null
  /** RestrictAddressFamilies=: mode, and the listed families (null = no set, as after `none`). */
  addressFamiliesAllowList: boolean
  addressFamilies: Set<string> | null
  syscallArchitectures: Set<string>
  syscallFilter: SyscallFilter | null
  /** SystemCallLog= (only whether it logs anything matters: it is a seccomp filter too). */
  syscallLog: SyscallFilter | null
  ipAddressAllow: IpPrefix[]
  ipAddressDeny: IpPrefix[]
  ipIngressFilterPaths: number
  ipEgressFilterPaths: number
  devicePolicy: string
  /** DeviceAllow= entries, newest first, as `path:rights`. */
  deviceAllow: string[]
  delegate: boolean
  defaultDependencies: boolean
  permissionsStartOnly: boolean
  privatePids: boolean
  /** WorkingDirectory= as written (`~`, or a path without the `-` prefix); null when unset. */
  workingDirectory: string | null
  // Validation (service_verify) inputs.
  type: string | null
  remainAfterExit: boolean
  restart: string
  exitType: string
  busName: string | null
  pamName: string | null
  killMode: string
  successAction: string
  restartForceExitStatus: number
  exec: Record<string, ExecCommand[]>
  /** What the other unit types' load checks read (unit-type-settings.ts). */
  readonly unitType: UnitTypeSettings
  /**
   * Every assignment applied, in order: what traces a row or a capability back to its lines
   * (diff/trace.ts) and what a regression fix restores (recommend/regression.ts).
   */
  readonly applied: Assignment[]
}

export interface IpPrefix {
  readonly family: 4 | 6
  /** The address masked to its prefix length, as bytes. */
  readonly address: Uint8Array
  readonly prefixLength: number
}

export function initialServiceState(traits: VersionTraits): ServiceState {
  return {
    user: null,
    group: null,
    dynamicUser: false,
    supplementaryGroups: [],
    removeIpc: false,
    privateDevices: false,
    privateMounts: traits.privateMountsTristate ? null : false,
    privateNetwork: false,
    privateTmp: 'no',
    privateUsers: 'no',
    protectControlGroups: 'no',
    protectHostname: 'no',
    protectKernelModules: false,
    protectKernelTunables: false,
    protectKernelLogs: false,
    protectClock: false,
    lockPersonality: false,
    memoryDenyWriteExecute: false,
    noNewPrivileges: false,
    restrictRealtime: false,
    restrictSuidSgid: false,
    protectSystem: 'no',
    protectHome: 'no',
    protectProc: 'default',
    procSubset: 'all',
    keyringMode: 'private',
    notifyAccess: null,
    umask: 0o022,
    rootDirectory: null,
    rootImage: null,
    mountImages: 0,
    loadCredentials: new Map(),
    setCredentials: new Map(),
    // 262 starts from the 63-bit "all"; older versions from all 64 bits (rule A vs B, §3.1).
    capabilityBoundingSet: traits.capabilityRuleB ? ALL_CAPS_64 >> 1n : ALL_CAPS_64,
    ambientCapabilities: 0n,
    secureBits: 0,
    restrictNamespaces: null,
    addressFamiliesAllowList: false,
    addressFamilies: null,
    syscallArchitectures: new Set(),
    syscallFilter: null,
    syscallLog: null,
    ipAddressAllow: [],
    ipAddressDeny: [],
    ipIngressFilterPaths: 0,
    ipEgressFilterPaths: 0,
    devicePolicy: 'auto',
    deviceAllow: [],
    delegate: false,
    defaultDependencies: true,
    permissionsStartOnly: false,
    privatePids: false,
    workingDirectory: null,
    type: null,
    remainAfterExit: false,
    restart: 'no',
    exitType: 'main',
    busName: null,
    pamName: null,
    killMode: 'control-group',
    successAction: 'none',
    restartForceExitStatus: 0,
    // Spelled out (one per EXEC_DIRECTIVES entry): built once per unit, so kept cheap.
    exec: {
      ExecCondition: [],
      ExecStartPre: [],
      ExecStart: [],
      ExecStartPost: [],
      ExecReload: [],
      ExecReloadPost: [],
      ExecStop: [],
      ExecStopPre: [],
      ExecStopPost: [],
    } satisfies Record<ExecDirective, ExecCommand[]>,
    unitType: initialUnitTypeSettings(),
    applied: [],
  }
}
