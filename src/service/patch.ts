/**
 * What the manager derives after all files are read (unit_patch_contexts() and the service's
 * defaults): capability drops implied by sandboxing, DynamicUser='s forced sandbox, the device
 * policy, implicit DeviceAllow= entries, the automatic Type=.
 */
import { capabilitySet } from '../model/linux-names.js'
import type { VersionTraits } from '../model/versions.js'
import { unitPrefix } from '../unit/names.js'
import type { ServiceState } from './state.js'
import { isValidStrictUserName } from './users.js'

const CAP_MKNOD = capabilitySet('CAP_MKNOD')
const CAP_SYS_RAWIO = capabilitySet('CAP_SYS_RAWIO')
const CAP_SYS_MODULE = capabilitySet('CAP_SYS_MODULE')
const CAP_SYSLOG = capabilitySet('CAP_SYSLOG')
const CAP_SYS_TIME = capabilitySet('CAP_SYS_TIME')
const CAP_WAKE_ALARM = capabilitySet('CAP_WAKE_ALARM')

export function patchService(s: ServiceState, unitName: string, traits: VersionTraits): void {
  if (s.privateDevices) s.capabilityBoundingSet &= ~(CAP_MKNOD | CAP_SYS_RAWIO)
  if (s.protectKernelModules) s.capabilityBoundingSet &= ~CAP_SYS_MODULE
  if (s.protectKernelLogs) s.capabilityBoundingSet &= ~CAP_SYSLOG
  if (s.protectClock) s.capabilityBoundingSet &= ~(CAP_SYS_TIME | CAP_WAKE_ALARM)

  if (s.dynamicUser) {
    if (s.user === null) s.user = dynamicUserName(unitName)
    if (traits.dynamicUserDisconnectedTmp) {
      if (s.privateTmp === 'no') s.privateTmp = 'disconnected'
    } else s.privateTmp = 'yes'
    s.removeIpc = true
    s.protectSystem = 'strict'
    if (s.protectHome === 'no') s.protectHome = 'read-only'
    s.noNewPrivileges = true
    s.restrictSuidSgid = true
  }

  if (s.privateDevices && s.devicePolicy === 'auto') s.devicePolicy = 'closed'
  // Entries are prepended, as systemd's LIST_PREPEND does: newest first.
  const add = (entry: string): void => void s.deviceAllow.unshift(entry)
  if ((s.rootImage !== null || s.mountImages > 0) && (s.devicePolicy !== 'auto' || s.deviceAllow.length > 0)) {
    add('/dev/loop-control:rw')
    add('/dev/mapper/control:rw')
    add('block-loop:rwm')
    add('block-blkext:rwm')
    add('block-device-mapper:rwm')
  }
  if (s.protectClock) add('char-rtc:r')
  // If there are encrypted credentials the service might need the TPM.
  const encrypted = [...s.loadCredentials.values(), ...s.setCredentials.values()].includes(true)
  if (encrypted && traits.encryptedCredentialDevice !== null) {
    add(traits.encryptedCredentialDevice.replace(' ', ':'))
  }

  if (s.type === null) s.type = s.busName !== null ? 'dbus' : s.exec['ExecStart']!.length > 0 ? 'simple' : 'oneshot'
}

/** The user DynamicUser= makes up: the unit-name prefix if it is a valid name, else a hash. */
function dynamicUserName(unitName: string): string {
  const prefix = unitPrefix(unitName)
  // The real name is `_du` + a siphash of the prefix; any non-root name scores the same.
  return isValidStrictUserName(prefix) ? prefix : `_du${hexOf(prefix)}`
}

function hexOf(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16).padStart(16, '0')
}
