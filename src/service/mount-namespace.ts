/**
 * The settings (among those modelled) that give a service its own mount namespace
 * (exec_needs_mount_namespace()): one list for the loader's refusals and the recommender's
 * vetoes, which must agree on it.
 */
import type { ServiceState } from './state.js'

export const MOUNT_NAMESPACE_SETTINGS: readonly {
  readonly directive: string
  readonly sets: (s: ServiceState) => boolean
}[] = [
  { directive: 'PrivateTmp', sets: (s) => s.privateTmp !== 'no' },
  { directive: 'PrivateDevices', sets: (s) => s.privateDevices },
  { directive: 'PrivateMounts', sets: (s) => s.privateMounts === true },
  { directive: 'ProtectSystem', sets: (s) => s.protectSystem !== 'no' },
  { directive: 'ProtectHome', sets: (s) => s.protectHome !== 'no' },
  { directive: 'ProtectKernelTunables', sets: (s) => s.protectKernelTunables },
  { directive: 'ProtectKernelModules', sets: (s) => s.protectKernelModules },
  { directive: 'ProtectKernelLogs', sets: (s) => s.protectKernelLogs },
  { directive: 'ProtectControlGroups', sets: (s) => s.protectControlGroups !== 'no' },
  { directive: 'RootDirectory', sets: (s) => s.rootDirectory !== null },
  { directive: 'RootImage', sets: (s) => s.rootImage !== null },
  { directive: 'DynamicUser', sets: (s) => s.dynamicUser },
]

/** The directives of MOUNT_NAMESPACE_SETTINGS, by name. */
export const MOUNT_NAMESPACE_DIRECTIVES: readonly string[] = MOUNT_NAMESPACE_SETTINGS.map((e) => e.directive)

export function needsMountNamespace(s: ServiceState): boolean {
  return MOUNT_NAMESPACE_SETTINGS.some((e) => e.sets(s))
}
