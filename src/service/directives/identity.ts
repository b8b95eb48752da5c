/** User=, Group=, DynamicUser=, SupplementaryGroups=: who the unit's processes run as. */
import type { Assignment } from '../../unit/syntax.js'
import type { ServiceState } from '../state.js'
import { isValidRelaxedUserName, isValidStrictUserName } from '../users.js'
import { extractWords, parseBoolean } from '../words.js'
import { type DirectiveContext, expand, type Handler } from './handler.js'

function userName(a: Assignment, ctx: DirectiveContext): string | null | { fatal: string } {
  if (a.value === '') return null
  const expanded = expand(ctx, a, a.value, 'full')
  if ('error' in expanded) return { fatal: `Failed to resolve unit specifiers in ${a.value}: ${expanded.error}` }
  if (!isValidRelaxedUserName(expanded.value))
    return { fatal: `Invalid user/group name or numeric ID: ${expanded.value}` }
  warnLaxName(a, ctx, expanded.value)
  if (a.key === 'User' && expanded.value === 'nobody') ctx.warn(a, 'Special user nobody configured, this is not safe!')
  return expanded.value
}

/** valid_user_group_name(VALID_USER_WARN): a name only the relaxed rules accept is accepted with a notice. */
function warnLaxName(a: Assignment, ctx: DirectiveContext, name: string): void {
  if (!isValidStrictUserName(name) && !/^(0|[1-9][0-9]*)$/.test(name))
    ctx.note(a, `Accepting user/group name '${name}', which does not match strict user/group name rules.`)
}

/** User= and Group=. */
export const user =
  (set: (s: ServiceState, v: string | null) => void): Handler =>
  (s, a, ctx) => {
    const r = userName(a, ctx)
    if (r !== null && typeof r === 'object') return r.fatal
    set(s, r)
    return undefined
  }

/** A value DynamicUser= cannot read is fatal, unlike the other booleans. */
export const dynamicUser: Handler = (s, a, ctx) => {
  const v = parseBoolean(a.value)
  if (v === null)
    return ctx.traits.namedParseWarnings
      ? `Failed to parse DynamicUser=${a.value}: Invalid argument`
      : `Failed to parse boolean value: ${a.value}`
  s.dynamicUser = v
  return undefined
}

export const supplementaryGroups: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.supplementaryGroups = []
    return undefined
  }
  const { words, invalid } = extractWords(a.value)
  for (const w of words) {
    const expanded = expand(ctx, a, w, 'full')
    if ('error' in expanded) return `Failed to resolve unit specifiers in ${w}: ${expanded.error}`
    if (!isValidRelaxedUserName(expanded.value)) return `Invalid user/group name or numeric ID: ${expanded.value}`
    warnLaxName(a, ctx, expanded.value)
    s.supplementaryGroups.push(expanded.value)
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
  return undefined
}
