/**
 * systemd's string_is_safe() (src/basic/string-util.c): no control character (1–31), no quote
 * (`"`, `'`), no backslash and no DEL. Bytes above 0x7f are fine (they are negative chars in C).
 */
export function isStringSafe(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c > 0 && c < 0x20) || c === 0x22 || c === 0x27 || c === 0x5c || c === 0x7f) return false
  }
  return true
}
