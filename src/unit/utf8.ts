/**
 * systemd's utf8_is_valid() (src/basic/utf8.c) on text that already decoded as UTF-8: besides
 * well-formed UTF-8 (which TextDecoder checks: no overlong forms, no surrogates, nothing past
 * U+10FFFF), utf8_encoded_valid_unichar() demands unichar_is_valid(), which also refuses the
 * Unicode non-characters U+FDD0–U+FDEF and every code point ending in FFFE or FFFF.
 */

// U+FDD0–U+FDEF, U+FFFE, U+FFFF, and U+nFFFE/U+nFFFF of the supplementary planes (as surrogate pairs:
// a high surrogate whose low six bits are all set, then U+DFFE or U+DFFF).
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/

/** Whether decoded text holds no code point unichar_is_valid() refuses. */
export function isValidUtf8Text(text: string): boolean {
  return !NONCHARACTER.test(text)
}

/** unichar_is_valid(): not a surrogate, not past U+10FFFF, not a non-character. */
function isValidUnichar(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false
  if (c > 0x10ffff) return false
  if (c >= 0xfdd0 && c <= 0xfdef) return false
  return (c & 0xfffe) !== 0xfffe
}

/** utf8_encoded_valid_unichar(): the length of the valid character at `i`, or 0. */
function validCharLength(b: Uint8Array, i: number): number {
  const first = b[i]!
  const len =
    first < 0x80 ? 1 : (first & 0xe0) === 0xc0 ? 2 : (first & 0xf0) === 0xe0 ? 3 : (first & 0xf8) === 0xf0 ? 4 : 0
  if (len === 0 || i + len > b.length) return 0
  if (len === 1) return 1
  let c = first & (0xff >> (len + 1))
  for (let k = 1; k < len; k++) {
    const next = b[i + k]!
    if ((next & 0xc0) !== 0x80) return 0
    c = (c << 6) | (next & 0x3f)
  }
  // An overlong form encodes a character in more bytes than it needs.
  const needed = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  return needed === len && isValidUnichar(c) ? len : 0
}

/**
 * utf8_escape_invalid(): the bytes as text, each byte that does not start a valid character
 * replaced by U+FFFD — how systemd prints a line it found not UTF-8 clean.
 */
export function escapeInvalidUtf8(b: Uint8Array): string {
  const out: number[] = []
  const replacement = [0xef, 0xbf, 0xbd]
  for (let i = 0; i < b.length;) {
    const len = validCharLength(b, i)
    if (len > 0) {
      for (let k = 0; k < len; k++) out.push(b[i + k]!)
      i += len
    } else {
      out.push(...replacement)
      i++
    }
  }
  return new TextDecoder().decode(Uint8Array.from(out))
}
