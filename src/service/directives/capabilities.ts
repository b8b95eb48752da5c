/** CapabilityBoundingSet=, AmbientCapabilities= and SecureBits=. */
import { ALL_CAPS_64, capabilityFromName, KNOWN_CAPS, secureBit } from '../../model/linux-names.js'
import { extractWords } from '../words.js'
import type { Handler } from './handler.js'

/** CapabilityBoundingSet= and AmbientCapabilities= (§3.1 rules A and B). */
const capabilities =
  (bounding: boolean): Handler =>
  (s, a, ctx) => {
    const t = ctx.traits
    let text = a.value
    const invert = text.startsWith('~')
    if (invert) text = text.slice(1)
    let sum = 0n
    // capability_set_from_string(): unknown words are skipped without a word to the log (257+
    // logs them at debug level only). In 252 an unterminated quote ends the line's words.
    const rules = { max: t.maxCapabilityNumber, binaryPrefix: t.strtolBinaryPrefix }
    for (const w of extractWords(text, { unquote: true, relax: t.capabilityWordsRelaxed }).words) {
      const cap = capabilityFromName(w, rules)
      if (cap !== null) sum |= 1n << BigInt(cap)
    }
    const current = bounding ? s.capabilityBoundingSet : s.ambientCapabilities
    const untouched = bounding ? (t.capabilityRuleB ? ALL_CAPS_64 >> 1n : ALL_CAPS_64) : 0n
    let next: bigint
    if (t.capabilityRuleB && a.value === '') next = 0n
    else if (sum === 0n || current === untouched) {
      // Rule B restricts an inverted set to the capabilities the kernel knows (its cap_last_cap).
      const all = t.capabilityRuleB ? KNOWN_CAPS : ALL_CAPS_64
      next = invert ? all & ~sum : sum
    } else next = invert ? current & ~sum : current | sum
    if (bounding) s.capabilityBoundingSet = next
    else s.ambientCapabilities = next
    return undefined
  }

export const capabilityBoundingSet = capabilities(true)
export const ambientCapabilities = capabilities(false)

/** secure_bits_from_string(): known words set their bit, unknown words are skipped; each line replaces. */
export const secureBits: Handler = (s, a) => {
  let bits = 0
  for (const w of extractWords(a.value, { unquote: true }).words) {
    const bit = secureBit(w)
    if (bit !== undefined) bits |= 1 << bit
  }
  s.secureBits = bits
  return undefined
}
