/**
 * The identity phase: a static User= the unit already names elsewhere, else DynamicUser= where
 * nothing in the unit speaks against it (docs/directives.md, User=/DynamicUser=). Pure.
 */
import { category, NEEDS_ROOT, type UnitContext } from './context.js'
import { dynamicUserNameOk } from './facts.js'
import { DIRECTORY_KEYS } from './filesystem.js'
import { isSet } from './unit-text.js'

export type IdentityPlan =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'static'; readonly user: string; readonly reason: string }
  | { readonly kind: 'dynamic'; readonly reason: string }
  | { readonly kind: 'skip'; readonly directive: string; readonly reason: string }

/** A static User= the unit already names elsewhere, else DynamicUser= where nothing speaks against it. */
export function identity(c: UnitContext, strictPossible: boolean): IdentityPlan {
  const state = c.service.state
  if (state.user === 'nobody' && !state.dynamicUser) {
    return {
      kind: 'skip',
      directive: 'User',
      reason:
        'User=nobody is an identity shared with other services: create a dedicated user (sysusers.d) and set User= to it',
    }
  }
  if (!c.runsAsRoot) return { kind: 'unchanged' }
  if (state.user !== null) return { kind: 'skip', directive: 'User', reason: `User=${state.user} is set explicitly` }
  const rootNeed = category(...NEEDS_ROOT)(c)
  const dropper = category('privilege-dropper')(c)
  const bang = c.commands.find((x) => x.directive === 'ExecStart' && x.noSetuid)
  const named = c.namedUser
  if (named?.wrapper) {
    return {
      kind: 'skip',
      directive: 'User',
      reason: `${named.evidence}: set User=${named.user} and drop the wrapper by hand`,
    }
  }
  if (bang)
    return {
      kind: 'skip',
      directive: 'User',
      reason: `ExecStart=!${bang.path} is meant to start as root and switch users itself`,
    }
  if (dropper)
    return {
      kind: 'skip',
      directive: 'User',
      reason: `${dropper}: running it as a non-root user from the start needs its configuration changed`,
    }
  if (rootNeed)
    return { kind: 'skip', directive: named ? 'User' : 'DynamicUser', reason: `${rootNeed}: it needs root privileges` }
  if (named) {
    const alsoFlag = named.evidence.startsWith('Group=') ? '' : `; its own switch to ${named.user} becomes a no-op`
    return { kind: 'static', user: named.user, reason: `${named.evidence}${alsoFlag}` }
  }
  const unsafe = dynamicUserObstacle(c, strictPossible)
  if (unsafe) return { kind: 'skip', directive: 'DynamicUser', reason: unsafe }
  return {
    kind: 'dynamic',
    reason: 'nothing in the unit needs root: a transient user owns only the directories systemd manages for it',
  }
}

function dynamicUserObstacle(c: UnitContext, strictPossible: boolean): string | null {
  const s = c.service.state
  if (!s.defaultDependencies)
    return 'DefaultDependencies=no: an early-boot service cannot rely on NSS for a dynamic user'
  if (s.type === 'dbus' || s.busName !== null)
    return 'it is a D-Bus service, and bus policies are usually keyed on a user name'
  if (s.type === 'forking')
    return 'Type=forking: a traditional forking daemon usually manages its PID file and privileges itself'
  if (c.runtime.kind === 'shell') return `${c.runtime.evidence}: what a script needs root for is unknown`
  if (s.permissionsStartOnly) return 'PermissionsStartOnly=yes: its control commands expect to run as root'
  const privileged = c.commands.find((x) => x.fullyPrivileged || x.noSetuid)
  if (privileged)
    return `${privileged.directive}=${privileged.fullyPrivileged ? '+' : '!'}${privileged.path} expects root-owned state`
  const prep = c.commands.find(
    (x) =>
      x.directive !== 'ExecStart' &&
      ['mkdir', 'chown', 'chmod', 'install', 'ln', 'cp', 'mv', 'rm'].includes(
        x.path.slice(x.path.lastIndexOf('/') + 1),
      ),
  )
  if (prep) return `${prep.directive}=${prep.path} prepares files as root`
  if (!strictPossible) return 'a dynamic user implies ProtectSystem=strict, which this unit cannot take'
  const outside = c.writeTargets.find((t) => t.kind === 'path')
  if (outside) return `it writes to ${outside.path}, outside the directories a dynamic user can own`
  if (isSet(c.service, 'Service', 'ReadWritePaths'))
    return 'ReadWritePaths= lists locations a dynamic user would not own'
  const home = c.homePaths[0]
  if (home) return `the unit mentions ${home}`
  const dev = c.devicePaths[0]
  if (dev) return `the unit mentions ${dev}, which a dynamic user cannot open`
  if (s.supplementaryGroups.length > 0)
    return 'SupplementaryGroups= grants group-based access a dynamic user would change'
  const declared =
    c.writeTargets.some((t) => t.kind === 'directory') || DIRECTORY_KEYS.some((k) => isSet(c.service, 'Service', k))
  if (!declared)
    return 'the unit does not say where the service keeps its data, and a dynamic user cannot write to directories owned by root or another account (declare them with StateDirectory= and friends first)'
  if (!dynamicUserNameOk(c.service.unit))
    return `the unit name would make the dynamic user "${c.service.unit.split(/[@.]/)[0]}"`
  return null
}
