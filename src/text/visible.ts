/**
 * Characters of pull-request text that would not show as themselves, written as escapes so a
 * reader sees them: control characters (C0, DEL, C1 — a terminal acts on ESC sequences), format
 * characters (bidirectional overrides and isolates, zero-width spaces and joiners, the byte-order
 * mark, soft hyphens: they hide or reorder text), line and paragraph separators, and lone
 * surrogates — a byte of a path that is not UTF-8 (src/git/path-bytes.ts keeps it as
 * U+DC80–U+DCFF) as `\xNN`, any other as `\u{…}`.
 */

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\ud800-\udfff]/gu

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escapeOne(c: string): string {
  const n = c.codePointAt(0)!
  if (NAMED[c]) return NAMED[c]
  if (n <= 0x9f) return `\\x${n.toString(16).padStart(2, '0')}`
  if (n >= 0xdc80 && n <= 0xdcff) return `\\x${(n - 0xdc00).toString(16).padStart(2, '0')}`
  return `\\u{${n.toString(16)}}`
}

/** Every invisible character as an escape; `keep` lists characters left as they are (`\n`). */
export function visible(text: string, keep = ''): string {
  return text.replace(INVISIBLE, (c) => (keep.includes(c) ? c : escapeOne(c)))
}

/**
 * At most `max` characters (code points: a surrogate pair is never split). Longer text keeps its
 * beginning and its end — where a message names the file and line — around an ellipsis.
 */
export function clip(text: string, max: number): string {
  // Cheap exits first: most text is short, and counting code points of a long one costs.
  if (text.length <= max) return text
  const points = Array.from(text)
  if (points.length <= max) return text
  const tail = Math.floor((max - 1) / 3)
  const head = max - 1 - tail
  return `${points.slice(0, head).join('')}…${tail > 0 ? points.slice(-tail).join('') : ''}`
}
