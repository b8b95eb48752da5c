/**
 * Settings the engine does not interpret but whose parser can still fail fatally: systemd's
 * config_parse() stops at a parser's negative return, so the unit does not load (fragment) or
 * the rest of that drop-in is lost — including any hardening below the line. Each check here
 * ports only that failure decision of one parser (named as in the load-fragment gperf table,
 * key-parsers.generated.ts); it returns the reason, or undefined when systemd reads on.
 * scripts/dropin-fuzz.mjs compares this with the real systemd-analyze.
 */
import type { VersionTraits } from '../model/versions.js'
import {
  deprecatedSpecifierMessage,
  expandSpecifiers,
  type SpecifierContext,
  type SpecifierUse,
} from '../unit/specifiers.js'
import type { Assignment } from '../unit/syntax.js'
import { imagePolicyFailure } from './image-policy.js'
import { isValidRelaxedUserName } from './users.js'
import { isNormalizedPath, isValidPath, utf8Length } from './words.js'

export interface CheckContext {
  readonly traits: VersionTraits
  readonly specifiers: SpecifierContext
  warn(a: Assignment, message: string): void
  note(a: Assignment, message: string): void
}

type Check = (a: Assignment, ctx: CheckContext) => string | undefined

/** specifier_printf(), warning about deprecated specifiers as systemd does on every use. */
const expand = (a: Assignment, text: string, ctx: CheckContext, use: SpecifierUse) =>
  expandSpecifiers(text, ctx.specifiers, use, (c) =>
    ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName)),
  )

/**
 * config_parse_exec_apparmor_profile(), _selinux_context(), _smack_process_label(): a value
 * whose specifiers do not resolve is fatal (-ENOEXEC) unless it starts with `-`.
 */
const securityLabel: Check = (a, ctx) => {
  if (a.value === '') return undefined
  const ignore = a.value.startsWith('-')
  const value = ignore ? a.value.slice(1) : a.value
  const expanded = expand(a, value, ctx, 'full')
  if (!('error' in expanded)) return undefined
  if (!ignore) return `Failed to resolve unit specifiers in '${value}': ${expanded.error}`
  ctx.warn(a, `Failed to resolve unit specifiers in '${value}', ignoring: ${expanded.error}`)
  return undefined
}

/** path_simplify(): `.` components, doubled and trailing slashes go (`..` stays). */
function simplify(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.')
  return (path.startsWith('/') ? '/' : '') + parts.join('/')
}

/** path_below_api_vfs(): /dev, /sys, /proc or below. */
const belowApiVfs = (path: string): boolean => /^\/(dev|sys|proc)(\/|$)/.test(path)

/**
 * path_simplify_and_warn() with PATH_CHECK_ABSOLUTE: why it fails, or undefined. `apiVfs` adds
 * PATH_CHECK_NON_API_VFS; `fatal` only changes the wording (every failure is a negative return).
 */
function pathFailure(key: string, path: string, fatal: boolean, apiVfs: boolean): string | undefined {
  const ignoring = fatal ? '' : ', ignoring'
  if (!path.startsWith('/')) return `${key}= path is not absolute${ignoring}: ${path}`
  const simple = simplify(path)
  if (!isValidPath(simple)) return `${key}= path has invalid length (${utf8Length(simple)} bytes)${ignoring}.`
  if (!isNormalizedPath(simple)) return `${key}= path is not normalized${ignoring}: ${simple}`
  if (apiVfs && belowApiVfs(simple)) return `${key}= path is below API VFS${fatal ? ', refusing' : ignoring}: ${simple}`
  return undefined
}

/**
 * config_parse_pid_file(): specifiers that do not resolve are only warned about, a relative
 * path is taken below /run, and then path_simplify_and_warn()'s negative result is returned
 * although its message says "ignoring" (`..` components, 257+ a path below /proc, /sys, /dev).
 */
const pidFile: Check = (a, ctx) => {
  if (a.value === '') return undefined
  const expanded = expand(a, a.value, ctx, 'path')
  if ('error' in expanded) {
    ctx.warn(a, `Failed to resolve unit specifiers in '${a.value}', ignoring: ${expanded.error}`)
    return undefined
  }
  const absolute = expanded.value.startsWith('/') ? expanded.value : `/run/${expanded.value}`
  return pathFailure(a.key, absolute, false, ctx.traits.pidFileRefusesApiVfs)
}

/** config_parse_unit_path_printf() with ltype 1 (fatal), as for 262's RootMStack=. */
const fatalPath: Check = (a, ctx) => {
  const expanded = expand(a, a.value, ctx, 'path')
  if ('error' in expanded) return `Failed to resolve unit specifiers in '${a.value}': ${expanded.error}`
  return expanded.value === '' ? undefined : pathFailure(a.key, expanded.value, true, false)
}

/**
 * config_parse_user_group_compat() for the keys without a handler (a socket's SocketUser=,
 * SocketGroup=): specifiers that do not resolve and invalid names are fatal, as for User=.
 */
const userGroup: Check = (a, ctx) => {
  if (a.value === '') return undefined
  const expanded = expand(a, a.value, ctx, 'full')
  if ('error' in expanded) return `Failed to resolve unit specifiers in ${a.value}: ${expanded.error}`
  return isValidRelaxedUserName(expanded.value) ? undefined : `Invalid user/group name or numeric ID: ${expanded.value}`
}

const CHECKS: Readonly<Record<string, Check>> = {
  config_parse_exec_apparmor_profile: securityLabel,
  config_parse_exec_selinux_context: securityLabel,
  config_parse_exec_smack_process_label: securityLabel,
  config_parse_pid_file: pidFile,
  config_parse_user_group_compat: userGroup,
  'config_parse_unit_path_printf:1': fatalPath,
  config_parse_image_policy: (a, ctx) => imagePolicyFailure(a.value, ctx.traits.imagePolicySkipsUnknown),
}

/** Why systemd's parser `parser` (a key-parsers.generated.ts entry) fails fatally on the assignment, or undefined. */
export function parserFailure(parser: string, a: Assignment, ctx: CheckContext): string | undefined {
  return CHECKS[parser]?.(a, ctx)
}
