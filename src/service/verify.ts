/** Why systemd refuses to load a service after reading it (service_verify()); null if it loads. */
import type { VersionTraits } from '../model/versions.js'
import { needsMountNamespace } from './mount-namespace.js'
import type { ServiceState } from './state.js'

export function serviceRefusal(s: ServiceState, traits: VersionTraits): string | null {
  const start = s.exec['ExecStart']!
  const stop = s.exec['ExecStop']!
  const hasSuccessAction = s.successAction !== 'none'
  if (start.length === 0 && stop.length === 0 && !hasSuccessAction)
    return 'Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.'
  if (s.type !== 'oneshot' && start.length === 0)
    return 'Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.'
  if (!s.remainAfterExit && start.length === 0 && !hasSuccessAction)
    return 'Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set. Refusing.'
  if (s.type !== 'oneshot' && start.length > 1)
    return 'Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.'
  if (s.type === 'oneshot' && (s.restart === 'always' || s.restart === 'on-success'))
    return "Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot services. Refusing."
  if (s.type === 'oneshot' && traits.oneshotRefusesRestartForceStatus && s.restartForceExitStatus > 0)
    return "Service has RestartForceExitStatus= set, which isn't allowed for Type=oneshot services. Refusing."
  if (s.type === 'oneshot' && s.exitType === 'cgroup')
    return "Service has ExitType=cgroup set, which isn't allowed for Type=oneshot services. Refusing."
  if (s.type === 'dbus' && s.busName === null)
    return 'Service is of type D-Bus but no D-Bus service name has been specified. Refusing.'
  if (s.pamName !== null && s.killMode !== 'control-group' && s.killMode !== 'mixed')
    // 257 checks PAM for every unit type in one place, with one wording.
    return `${traits.mountVerify257 ? 'Unit' : 'Service'} has PAM enabled. Kill mode must be set to 'control-group' or 'mixed'. Refusing.`
  if (traits.refusesPrivatePidsForking && s.privatePids && s.type === 'forking')
    return 'Service of Type=forking does not support PrivatePIDs=yes. Refusing.'
  if (traits.refusesPrivatePidsForking && s.workingDirectory === '~' && s.dynamicUser)
    return 'WorkingDirectory=~ is not allowed under DynamicUser=yes. Refusing.'
  // A managed user range is the service's whole identity.
  if (s.privateUsers === 'managed' && (s.user !== null || s.dynamicUser || s.group !== null || s.pamName !== null))
    return 'PrivateUsers=managed may not be used in combination with User=/DynamicUser=/Group=/PAMName=. Refusing.'
  if (
    traits.refusesApiWorkingDirectory &&
    s.workingDirectory !== null &&
    /^\/(proc|sys|dev)(\/|$)/.test(s.workingDirectory) &&
    needsMountNamespace(s)
  )
    return 'WorkingDirectory= may not be below /proc/, /sys/ or /dev/ when using mount namespacing. Refusing.'
  return null
}
