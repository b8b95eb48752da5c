/**
 * How the manager runs and supervises the unit: Type=, Restart=, ExitType=, KillMode=,
 * NotifyAccess=, BusName=, PAMName=, RestartForceExitStatus=, Delegate= and SuccessAction=.
 */
import { extractWords, parseBoolean } from '../words.js'
import type { Handler } from './handler.js'
import { enumOf } from './plain.js'

const SERVICE_TYPES = ['simple', 'exec', 'forking', 'oneshot', 'dbus', 'notify', 'idle']
const RESTART_VALUES = ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always']
const EMERGENCY_ACTIONS = [
  'none',
  'reboot',
  'reboot-force',
  'reboot-immediate',
  'poweroff',
  'poweroff-force',
  'poweroff-immediate',
  'exit',
  'exit-force',
  'halt',
  'halt-force',
  'halt-immediate',
  'kexec',
  'kexec-force',
]

export const serviceType: Handler = (s, a, ctx) => {
  const types = ctx.traits.notifyReload ? [...SERVICE_TYPES, 'notify-reload'] : SERVICE_TYPES
  if (types.includes(a.value)) s.type = a.value
  else ctx.warn(a, `Failed to parse service type, ignoring: ${a.value}`)
  return undefined
}

export const restart = enumOf(RESTART_VALUES, (s, v) => (s.restart = v), 'service restart specifier')

export const exitType = enumOf(['main', 'cgroup'], (s, v) => (s.exitType = v), 'service exit type')

export const killMode = enumOf(['control-group', 'process', 'mixed', 'none'], (s, v) => (s.killMode = v), 'kill mode')

export const notifyAccess = enumOf(
  ['none', 'main', 'exec', 'all'],
  (s, v) => (s.notifyAccess = v),
  'notify access specifier',
)

export const successAction = enumOf(EMERGENCY_ACTIONS, (s, v) => (s.successAction = v), 'SuccessAction=')

export const busName: Handler = (s, a) => {
  s.busName = a.value === '' ? null : a.value
  return undefined
}

export const pamName: Handler = (s, a) => {
  s.pamName = a.value === '' ? null : a.value
  return undefined
}

export const restartForceExitStatus: Handler = (s, a) => {
  s.restartForceExitStatus = a.value === '' ? 0 : s.restartForceExitStatus + extractWords(a.value).words.length
  return undefined
}

export const delegate: Handler = (s, a, ctx) => {
  // config_parse_delegate(): only unit types whose vtable has can_delegate (services, scopes).
  const type = ctx.specifiers.unitName.slice(ctx.specifiers.unitName.lastIndexOf('.') + 1)
  if (type !== 'service' && type !== 'scope') {
    ctx.warn(a, 'Delegate= setting not supported for this unit type, ignoring.')
    return undefined
  }
  const b = a.value === '' ? true : parseBoolean(a.value)
  // config_parse_delegate(): a controller list whose words do not extract (an unbalanced
  // quote) is "Invalid syntax, ignoring" and leaves Delegate= as it was.
  if (b === null && extractWords(a.value, { unquote: true }).invalid) {
    ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
    return undefined
  }
  if (b === null)
    for (const w of extractWords(a.value, { unquote: true }).words)
      if (!ctx.traits.delegateControllers.includes(w)) ctx.warn(a, `Invalid controller name '${w}', ignoring`)
  // A list delegates even when none of its names is known.
  s.delegate = b === null ? true : b
  return undefined
}
