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
