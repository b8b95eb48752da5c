/**
 * Where systemd's read_line_full() (src/basic/fileio.c) ends a physical line: at LF, CR or NUL,
 * and the end-of-line bytes right after it belong to the same terminator as long as each is of a
 * kind that terminator has not had yet and no NUL came before. So `\n`, `\r`, `\0`, `\r\n`,
 * `\n\r`, `\n\0`, `\r\0`, `\r\n\0` and `\n\r\0` are each one line end, while `\n\n`, `\0\n`,
 * `\0\0` and `\r\n\r` are two. (`previous_eol` collects the kinds seen; the loop stops at a byte
 * that is no end-of-line byte, at one whose kind is already in it, and after a NUL.)
 *
 * Every splitter that numbers a unit file's lines uses this, so line numbers are systemd's.
 */

const LF = 1
const CR = 2
const NUL = 4

/** categorize_eol(): the kind of end-of-line byte, 0 for any other byte. */
function eolKind(c: number): number {
  return c === 0x0a ? LF : c === 0x0d ? CR : c === 0x00 ? NUL : 0
}

/** Whether the byte (or UTF-16 unit) ends a physical line. */
export function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x00
}

/**
 * `at` holds an end-of-line byte of `bytes` (a Uint8Array, or a string read one UTF-16 unit per
 * byte): the index just past the whole terminator it starts.
 */
export function terminatorEnd(bytes: Uint8Array | string, at: number): number {
  return typeof bytes === 'string' ? textTerminatorEnd(bytes, at) : byteTerminatorEnd(bytes, at)
}

function byteTerminatorEnd(bytes: Uint8Array, at: number): number {
  let seen = 0
  let i = at
  for (; i < bytes.length; i++) {
    const kind = eolKind(bytes[i]!)
    if (kind === 0 || (seen & (kind | NUL)) !== 0) break
    seen |= kind
  }
  return i
}

function textTerminatorEnd(text: string, at: number): number {
  let seen = 0
  let i = at
  for (; i < text.length; i++) {
    const kind = eolKind(text.charCodeAt(i))
    if (kind === 0 || (seen & (kind | NUL)) !== 0) break
    seen |= kind
  }
  return i
}

/** A physical line: its content [start, end) and where the next line starts (after its terminator). */
export interface LineSpan {
  readonly start: number
  readonly end: number
  readonly next: number
}

/**
 * The physical lines of a text, as read_line_full() reads them: a last line without terminator
 * counts, an empty text has none, and a text ending in a terminator has no empty line after it.
 */
export function* lineSpans(text: string): Generator<LineSpan> {
  const n = text.length
  let start = 0
  while (start < n) {
    let end = start
    while (end < n && !isLineEnd(text.charCodeAt(end))) end++
    const next = end < n ? textTerminatorEnd(text, end) : n
    yield { start, end, next }
    start = next
  }
}
