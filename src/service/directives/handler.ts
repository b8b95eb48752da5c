/**
 * What every directive handler is and shares: the context the loader gives it, and the warnings
 * and specifier expansion of load-fragment.c's parsers.
 */
import type { SyscallTable } from '../../model/syscalls.js'
import type { VersionTraits } from '../../model/versions.js'
import {
  deprecatedSpecifierMessage,
  expandSpecifiers,
  type Expansion,
  type SpecifierContext,
  type SpecifierUse,
} from '../../unit/specifiers.js'
import type { Assignment } from '../../unit/syntax.js'
import type { ServiceState } from '../state.js'

export interface DirectiveContext {
  readonly traits: VersionTraits
  readonly syscalls: SyscallTable
  readonly specifiers: SpecifierContext
  warn(a: Assignment, message: string): void
  /** A message systemd logs without file and line. */
  note(a: Assignment, message: string): void
}

/** Returns a reason when the assignment is fatal (the unit, or the rest of a drop-in, is refused). */
export type Handler = (s: ServiceState, a: Assignment, ctx: DirectiveContext) => string | undefined

/**
 * The warning for a value a parser cannot read: 257+ name the setting and the error
 * ("Failed to parse RemoveIPC=x, ignoring: Invalid argument"), older versions say what they expected.
 */
export function unparsed(ctx: DirectiveContext, a: Assignment, legacy: string, error = 'Invalid argument'): void {
  ctx.warn(a, ctx.traits.namedParseWarnings ? `Failed to parse ${a.key}=${a.value}, ignoring: ${error}` : legacy)
}

/** What the parsers in their own modules need from the line they read. */
export function lineContext(ctx: DirectiveContext, a: Assignment) {
  return {
    expand: (text: string, use: SpecifierUse) => expand(ctx, a, text, use),
    warn: (message: string) => ctx.warn(a, message),
  }
}

/** Specifiers expanded as the directive's parser does; each `%c`/`%r`/`%R` met is warned about. */
export function expand(ctx: DirectiveContext, a: Assignment, text: string, use: SpecifierUse): Expansion {
  return expandSpecifiers(text, ctx.specifiers, use, (c) =>
    ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName)),
  )
}
