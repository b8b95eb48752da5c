/**
 * The directive table, as systemd's load-fragment-gperf.gperf: one row per `Section.Key` the
 * assessment, validation or capability model reads, with its handler. Each handler does what
 * systemd's load-fragment.c parser for it does — the value grammar, what an empty assignment
 * means, what is ignored with a warning and what makes the unit fail to load ("fatal"); they live
 * beside this file, grouped by subject. Which keys a version parses at all, and which parsers are
 * fatal there, is `unit/key-parsers.generated.ts`.
 */
import { SERVICE_EXEC_DIRECTIVES } from '../exec-directives.js'
import { UNIT_TYPE_SETTINGS } from '../unit-type-settings.js'
import { ambientCapabilities, capabilityBoundingSet, secureBits } from './capabilities.js'
import { loadCredential, setCredential } from './credentials.js'
import { deviceAllow, devicePolicy } from './devices.js'
import { exec } from './exec.js'
import {
  mountImages,
  procSubset,
  protectHome,
  protectProc,
  protectSystem,
  rootPath,
  umask,
  workingDirectory,
} from './file-system.js'
import type { Handler } from './handler.js'
import { dynamicUser, supplementaryGroups, user } from './identity.js'
import {
  keyringMode,
  privateMounts,
  privateTmp,
  privateUsers,
  protectControlGroups,
  protectHostname,
  restrictNamespaces,
} from './namespaces.js'
import { addressList, filterPaths, restrictAddressFamilies } from './network.js'
import { bool } from './plain.js'
import {
  busName,
  delegate,
  exitType,
  killMode,
  notifyAccess,
  pamName,
  restart,
  restartForceExitStatus,
  serviceType,
  successAction,
} from './service-settings.js'
import { syscallArchitectures, systemCallFilter, systemCallLog } from './syscall-filter.js'

export type { DirectiveContext } from './handler.js'

/** Handlers keyed by `Section.Key`. */
export const DIRECTIVES: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['Unit.DefaultDependencies', bool((s, v) => (s.defaultDependencies = v))],
  ['Unit.SuccessAction', successAction],
  ['Service.User', user((s, v) => (s.user = v))],
  ['Service.Group', user((s, v) => (s.group = v))],
  ['Service.DynamicUser', dynamicUser],
  ['Service.SupplementaryGroups', supplementaryGroups],
  ['Service.RemoveIPC', bool((s, v) => (s.removeIpc = v))],
  ['Service.PrivateDevices', bool((s, v) => (s.privateDevices = v))],
  ['Service.PrivateMounts', privateMounts],
  ['Service.PrivateNetwork', bool((s, v) => (s.privateNetwork = v))],
  ['Service.PrivateTmp', privateTmp],
  ['Service.PrivateUsers', privateUsers],
  ['Service.ProtectControlGroups', protectControlGroups],
  ['Service.ProtectHostname', protectHostname],
  ['Service.ProtectKernelModules', bool((s, v) => (s.protectKernelModules = v))],
  ['Service.ProtectKernelTunables', bool((s, v) => (s.protectKernelTunables = v))],
  ['Service.ProtectKernelLogs', bool((s, v) => (s.protectKernelLogs = v))],
  ['Service.ProtectClock', bool((s, v) => (s.protectClock = v))],
  ['Service.LockPersonality', bool((s, v) => (s.lockPersonality = v))],
  ['Service.MemoryDenyWriteExecute', bool((s, v) => (s.memoryDenyWriteExecute = v))],
  ['Service.NoNewPrivileges', bool((s, v) => (s.noNewPrivileges = v))],
  ['Service.RestrictRealtime', bool((s, v) => (s.restrictRealtime = v))],
  ['Service.RestrictSUIDSGID', bool((s, v) => (s.restrictSuidSgid = v))],
  ['Service.ProtectSystem', protectSystem],
  ['Service.ProtectHome', protectHome],
  ['Service.ProtectProc', protectProc],
  ['Service.ProcSubset', procSubset],
  ['Service.KeyringMode', keyringMode],
  ['Service.NotifyAccess', notifyAccess],
  ['Service.UMask', umask],
  ['Service.RootDirectory', rootPath((s, v) => (s.rootDirectory = v))],
  ['Service.RootImage', rootPath((s, v) => (s.rootImage = v))],
  ['Service.RootVerity', rootPath(() => undefined)],
  ['Service.MountImages', mountImages],
  ['Service.SecureBits', secureBits],
  ['Service.LoadCredential', loadCredential(false)],
  ['Service.LoadCredentialEncrypted', loadCredential(true)],
  ['Service.SetCredential', setCredential(false)],
  ['Service.SetCredentialEncrypted', setCredential(true)],
  ['Service.CapabilityBoundingSet', capabilityBoundingSet],
  ['Service.AmbientCapabilities', ambientCapabilities],
  ['Service.RestrictNamespaces', restrictNamespaces],
  ['Service.RestrictAddressFamilies', restrictAddressFamilies],
  ['Service.SystemCallArchitectures', syscallArchitectures],
  ['Service.SystemCallFilter', systemCallFilter],
  ['Service.SystemCallLog', systemCallLog],
  ['Service.IPAddressAllow', addressList(() => 'ipAddressAllow')],
  ['Service.IPAddressDeny', addressList(() => 'ipAddressDeny')],
  ['Service.IPIngressFilterPath', filterPaths('ipIngressFilterPaths')],
  ['Service.IPEgressFilterPath', filterPaths('ipEgressFilterPaths')],
  ['Service.DevicePolicy', devicePolicy],
  ['Service.DeviceAllow', deviceAllow],
  ['Service.Delegate', delegate],
  ['Service.PermissionsStartOnly', bool((s, v) => (s.permissionsStartOnly = v))],
  ['Service.Type', serviceType],
  ['Service.RemainAfterExit', bool((s, v) => (s.remainAfterExit = v))],
  ['Service.Restart', restart],
  ['Service.ExitType', exitType],
  ['Service.BusName', busName],
  ['Service.PAMName', pamName],
  ['Service.KillMode', killMode],
  ['Service.RestartForceExitStatus', restartForceExitStatus],
  ['Service.WorkingDirectory', workingDirectory],
  ['Service.PrivatePIDs', bool((s, v) => (s.privatePids = v))],
  // ExecReloadPost= (262; systemd.service(5): "added in version 259") is a control command like
  // ExecReload=: same syntax, and PermissionsStartOnly= strips its sandbox too (service_spawn()
  // masks EXEC_APPLY_SANDBOXING for every EXEC_IS_CONTROL command). Versions whose table lacks
  // the key never reach this handler (load.ts applyFile()).
  ...SERVICE_EXEC_DIRECTIVES.map((d): [string, Handler] => [`Service.${d}`, exec(d)]),
  // A socket's own command (run as root by default, with the socket's sandboxing): recorded so
  // that every command a unit runs is on its state. The others it shares with services.
  ['Socket.ExecStopPre', exec('ExecStopPre')],
  // What decides whether a mount, swap, automount, path, timer or socket loads at all.
  ...[...UNIT_TYPE_SETTINGS].map(([key, set]): [string, Handler] => [key, (s, a, ctx) => set(s.unitType, a, ctx)]),
])
