/**
 * What the unit sees of the file system: ProtectSystem=, ProtectHome=, ProtectProc=, ProcSubset=,
 * RootDirectory=/RootImage=, MountImages=, WorkingDirectory= and UMask=.
 */
import { mountImages as countMountImages } from '../mount-images.js'
import type { ProtectHome, ProtectSystem, ServiceState } from '../state.js'
import { parseMode, simplifyAbsolutePath } from '../words.js'
import { expand, type Handler, lineContext, unparsed } from './handler.js'
import { boolOrKeywords, enumOf } from './plain.js'

const PROTECT_SYSTEM: readonly ProtectSystem[] = ['full', 'strict']
const PROTECT_HOME: readonly ProtectHome[] = ['read-only', 'tmpfs']

export const protectSystem = boolOrKeywords(
  () => PROTECT_SYSTEM,
  'yes',
  (s, v) => (s.protectSystem = v as ProtectSystem),
  'protect system value',
)

export const protectHome = boolOrKeywords(
  () => PROTECT_HOME,
  'yes',
  (s, v) => (s.protectHome = v as ProtectHome),
  'protect home value',
)

export const protectProc = enumOf(
  ['default', 'noaccess', 'invisible', 'ptraceable'],
  (s, v) => (s.protectProc = v),
  '/proc/ protection mode',
)

export const procSubset = enumOf(['all', 'pid'], (s, v) => (s.procSubset = v), '/proc/ subset mode')

/** RootDirectory=, RootImage=, RootVerity=. */
export const rootPath =
  (set: (s: ServiceState, v: string | null) => void): Handler =>
  (s, a, ctx) => {
    if (a.value === '') {
      set(s, null)
      return undefined
    }
    // config_parse_unit_path_printf(), fatal for these.
    const expanded = expand(ctx, a, a.value, 'path')
    if ('error' in expanded) return `Failed to resolve unit specifiers in '${a.value}': ${expanded.error}`
    const path = simplifyAbsolutePath(expanded.value)
    if (path === null)
      return `${a.key}= path is not ${expanded.value.startsWith('/') ? 'normalized' : 'absolute'}: ${expanded.value}`
    set(s, path)
    return undefined
  }

export const mountImages: Handler = (s, a, ctx) => {
  s.mountImages = a.value === '' ? 0 : s.mountImages + countMountImages(a.value, lineContext(ctx, a))
  return undefined
}

export const workingDirectory: Handler = (s, a, ctx) => {
  let v = a.value
  if (v === '') {
    s.workingDirectory = null
    return undefined
  }
  const missingOk = v.startsWith('-')
  if (missingOk) v = v.slice(1)
  if (v === '~') {
    s.workingDirectory = '~'
    return undefined
  }
  const expanded = expand(ctx, a, v, 'path')
  if ('error' in expanded) {
    const message = `Failed to resolve unit specifiers in working directory path '${v}'`
    if (!missingOk) return `${message}: ${expanded.error}`
    ctx.warn(a, `${message}, ignoring: ${expanded.error}`)
    return undefined
  }
  const path = simplifyAbsolutePath(expanded.value)
  if (path === null) {
    if (missingOk) {
      ctx.warn(a, `WorkingDirectory= path is not valid, ignoring: ${v}`)
      return undefined
    }
    return `WorkingDirectory= path is not absolute: ${v}`
  }
  s.workingDirectory = path
  return undefined
}

export const umask: Handler = (s, a, ctx) => {
  const m = parseMode(a.value)
  // parse_mode(): digits beyond 07777 are out of range, anything else is no mode.
  if (m === null)
    unparsed(
      ctx,
      a,
      `Failed to parse mode value, ignoring: ${a.value}`,
      /^[ \t\n\r]*[0-7]+$/.test(a.value) ? 'Numerical result out of range' : 'Invalid argument',
    )
  else s.umask = m
  return undefined
}
