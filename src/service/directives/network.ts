/** RestrictAddressFamilies=, IPAddressAllow=/IPAddressDeny= and the IP*FilterPath= programs. */
import { addressFamilyFromName } from '../../model/linux-names.js'
import { parseAddressWord } from '../ip.js'
import type { ServiceState } from '../state.js'
import { extractWords, simplifyAbsolutePath } from '../words.js'
import { expand, type Handler } from './handler.js'

export const restrictAddressFamilies: Handler = (s, a, ctx) => {
  if (a.value === '' || a.value === 'none') {
    // Both drop the set; `none` leaves an empty allow-list behind (nothing allowed).
    s.addressFamilies = null
    s.addressFamiliesAllowList = a.value === 'none'
    return undefined
  }
  let text = a.value
  const invert = text.startsWith('~')
  if (invert) text = text.slice(1)
  if (s.addressFamilies === null) {
    s.addressFamilies = new Set()
    s.addressFamiliesAllowList = !invert
  }
  const set = s.addressFamilies
  const { words, invalid } = extractWords(text, { unquote: true })
  for (const w of words) {
    const af = addressFamilyFromName(w)
    if (af === null) {
      // 262 stops at the word and names the whole value.
      ctx.warn(a, `Failed to parse address family, ignoring: ${ctx.traits.addressFamilyStopsAtUnknown ? a.value : w}`)
      if (ctx.traits.addressFamilyStopsAtUnknown) return undefined
      continue
    }
    if (!invert === s.addressFamiliesAllowList) set.add(af)
    else set.delete(af)
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
  return undefined
}

/** IPAddressAllow= and IPAddressDeny=. */
export const addressList =
  (pick: (s: ServiceState) => 'ipAddressAllow' | 'ipAddressDeny'): Handler =>
  (s, a, ctx) => {
    const key = pick(s)
    if (a.value === '') {
      s[key] = []
      return undefined
    }
    const { words, invalid } = extractWords(a.value)
    for (const w of words) {
      const prefixes = parseAddressWord(w)
      if (prefixes === null)
        ctx.warn(
          a,
          ctx.traits.namedParseWarnings
            ? `Invalid address prefix is specified in [${a.section}] ${a.key}=, ignoring assignment: ${w}`
            : `Address prefix is invalid, ignoring assignment: ${w}`,
        )
      else s[key].push(...prefixes)
    }
    if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`)
    return undefined
  }

/** IPIngressFilterPath= and IPEgressFilterPath=: counted, the programs are not read. */
export const filterPaths =
  (key: 'ipIngressFilterPaths' | 'ipEgressFilterPaths'): Handler =>
  (s, a, ctx) => {
    if (a.value === '') {
      s[key] = 0
      return undefined
    }
    const expanded = expand(ctx, a, a.value, 'path')
    if ('error' in expanded) {
      ctx.warn(a, `Failed to resolve unit specifiers in '${a.value}', ignoring: ${expanded.error}`)
      return undefined
    }
    if (simplifyAbsolutePath(expanded.value) === null) {
      ctx.warn(a, `${a.key}= path is not valid, ignoring: ${a.value}`)
      return undefined
    }
    s[key]++
    return undefined
  }
