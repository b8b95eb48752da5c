/**
 * systemd's safe_atoi() (parse-util.c): how it reads a number where a name may also be given
 * (capability_from_name() tries a number first). Pure string code.
 */

/** How the C library's strtol() reads a number prefix; it depends on the glibc systemd was built against. */
export interface StrtolRules {
  /**
   * glibc ≥ 2.38 built in C23 mode (`__isoc23_strtol`): base 0 and base 2 also take a `0b`/`0B`
   * prefix, so a sign may come before it (`+0b101`) and base 2 may repeat it (`0b0b101`).
   */
  readonly binaryPrefix: boolean
}

/** systemd's WHITESPACE, skipped before the base prefix is looked at. */
const WHITESPACE = ' \t\n\r'
/** isspace() in the C locale, which strtol() skips itself. */
const C_SPACE = ' \t\n\v\f\r'

/** The value of a safe_atoi() number, or null when systemd rejects the text (-EINVAL, -ERANGE). */
export function safeAtoi(text: string, rules: StrtolRules): number | null {
  let i = 0
  while (i < text.length && WHITESPACE.includes(text[i]!)) i++
  // mangle_base(): Python-style 0b and 0o prefixes; otherwise strtol() decides (0x, 0, decimal).
  let base = 0
  const prefix = text.slice(i, i + 2)
  if (prefix === '0b' || prefix === '0B') {
    base = 2
    i += 2
  } else if (prefix === '0o' || prefix === '0O') {
    base = 8
    i += 2
  }
  const parsed = strtol(text, i, base, rules)
  // Nothing read, or something left after the number.
  if (parsed === null || parsed.end !== text.length) return null
  // strtol() fails with ERANGE beyond a long, safe_atoi() beyond an int: either way not a number.
  return parsed.value >= -2147483648 && parsed.value <= 2147483647 ? parsed.value : null
}

const digitValue = (c: string): number => {
  const code = c.charCodeAt(0)
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (code >= 0x61 && code <= 0x7a) return code - 0x61 + 10
  if (code >= 0x41 && code <= 0x5a) return code - 0x41 + 10
  return 99
}

/**
 * strtol(text + start, &end, base): null when no digit is read (end would be the start). Values
 * too large for an int come back as ±Infinity: safe_atoi() refuses them all the same.
 */
function strtol(text: string, start: number, base: number, rules: StrtolRules): { value: number; end: number } | null {
  let i = start
  while (i < text.length && C_SPACE.includes(text[i]!)) i++
  let negative = false
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-'
    i++
  }
  const at = (k: number): string => text[k] ?? ''
  const hasPrefix = (letters: string, radix: number): boolean =>
    at(i) === '0' && letters.includes(at(i + 1)) && digitValue(at(i + 2)) < radix
  if ((base === 0 || base === 16) && hasPrefix('xX', 16)) {
    base = 16
    i += 2
  } else if (rules.binaryPrefix && (base === 0 || base === 2) && hasPrefix('bB', 2)) {
    base = 2
    i += 2
  } else if (base === 0) base = at(i) === '0' ? 8 : 10
  let value = 0
  const first = i
  while (i < text.length && digitValue(text[i]!) < base) {
    value = value * base + digitValue(text[i]!)
    if (value > 2147483648) value = Infinity
    i++
  }
  if (i === first) return null
  // (0 - value: -0 is the number 0, not JavaScript's negative zero.)
  return { value: negative ? 0 - value : value, end: i }
}
