/** The generic parsers: booleans, enums, and booleans that newer versions extend with keywords. */
import type { VersionTraits } from '../../model/versions.js'
import type { ServiceState } from '../state.js'
import { parseBoolean } from '../words.js'
import { type Handler, unparsed } from './handler.js'

export const bool =
  (set: (s: ServiceState, v: boolean) => void): Handler =>
  (s, a, ctx) => {
    const v = parseBoolean(a.value)
    if (v === null) unparsed(ctx, a, `Failed to parse boolean value, ignoring: ${a.value}`)
    else set(s, v)
    return undefined
  }

export const enumOf =
  (values: readonly string[], set: (s: ServiceState, v: string) => void, what = 'value'): Handler =>
  (s, a, ctx) => {
    if (values.includes(a.value)) set(s, a.value)
    else unparsed(ctx, a, `Failed to parse ${what}, ignoring: ${a.value}`)
    return undefined
  }

/**
 * A boolean extended with keywords (by newer versions for some: before 257 PrivateTmp= and others
 * were plain booleans, the keywords came with the enum parsers); any value but 'no' enables it.
 */
export const boolOrKeywords =
  (
    keywords: (t: VersionTraits) => readonly string[],
    yes: string,
    set: (s: ServiceState, v: string) => void,
    what = 'boolean value',
  ): Handler =>
  (s, a, ctx) => {
    const b = parseBoolean(a.value)
    if (b !== null) set(s, b ? yes : 'no')
    else if (keywords(ctx.traits).includes(a.value)) set(s, a.value)
    else unparsed(ctx, a, `Failed to parse ${what}, ignoring: ${a.value}`)
    return undefined
  }
