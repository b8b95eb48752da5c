/**
 * The unit-file grammar of systemd.syntax(7), as systemd's config_parse() and parse_line()
 * (src/shared/conf-parser.c) really apply it: physical lines end as read_line_full() ends them
 * (line-ends.ts); comment lines (`#`, `;`) are dropped even inside a continuation; a trailing
 * unescaped backslash continues the line; no inline comments; keys are case-sensitive; repeated
 * keys are all kept (the directive decides what a repeat means). What makes systemd give up on
 * the rest of the file: a physical line of LONG_LINE_MAX bytes or more, a continued line longer
 * than that, a logical line that is not valid UTF-8 (utf8.ts), a section header without its `]`,
 * with unsafe characters in its name, or (262) empty.
 *
 * Pure: bytes in, assignments and diagnostics out. Never throws on bad input, and runs in time
 * linear in the input (a 100,000-line continuation is fine).
 */
import type { Diagnostic } from './diagnostics.js'
import { isLineEnd, terminatorEnd } from './line-ends.js'
import { isStringSafe } from './string-safe.js'
import { escapeInvalidUtf8, isValidUtf8Text } from './utf8.js'

export interface Assignment {
  readonly section: string
  readonly key: string
  readonly value: string
  readonly file: string
  /** Physical line systemd reports for it: the last line of a continued logical line. */
  readonly line: number
}

export interface UnitFileSyntax {
  readonly file: string
  readonly assignments: readonly Assignment[]
  readonly diagnostics: readonly Diagnostic[]
  /**
   * Set when systemd stops reading the file (a malformed `[Section` header, an over-long line):
   * the assignments before it were already applied; for a fragment the unit fails to load, for
   * a drop-in only the rest of that drop-in is skipped.
   */
  readonly aborted?: Diagnostic
}

/**
 * systemd's LONG_LINE_MAX. read_line_full() checks `n >= limit` before reading each byte, so a
 * physical line of LONG_LINE_MAX content bytes or more fails the file; config_parse() fails a
 * continued line when `strlen(continuation) + strlen(l) > LONG_LINE_MAX`.
 */
export const LONG_LINE_MAX = 1024 * 1024

const BOM = [0xef, 0xbb, 0xbf]
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d])
// ignoreBOM: only the first BOM of a file is dropped (by hand, below); later ones are content.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export interface SyntaxOptions {
  /** 262: `[]` is an invalid section header (older versions ignore the unnamed section). */
  readonly emptySectionHeaderInvalid?: boolean
}

/**
 * Parses one unit file or drop-in.
 * @param sections the section names this unit type knows (others are ignored with a warning)
 */
export function parseUnitFile(
  bytes: Uint8Array,
  file: string,
  sections: ReadonlySet<string>,
  options: SyntaxOptions = {},
): UnitFileSyntax {
  const p = new LogicalLines(file, sections, options.emptySectionHeaderInvalid ?? false)
  // Nearly every unit file is plain ASCII: then it is decoded once and split as a string, which
  // gives the same lines (every byte is one character) at a fraction of the cost of decoding
  // each line on its own. Anything else (UTF-8 text, a BOM, invalid bytes) is split as bytes.
  const ascii = asciiText(bytes)
  const aborted = ascii !== null ? p.splitAscii(ascii) : p.splitBytes(bytes)
  // systemd says nothing of a line too long to read: only the load's errno (ENOBUFS) tells.
  if (aborted && !aborted.message.endsWith('too long')) p.diagnostics.push(aborted)
  return aborted
    ? { file, assignments: p.assignments, diagnostics: p.diagnostics, aborted }
    : { file, assignments: p.assignments, diagnostics: p.diagnostics }
}

/** The file as a string when it is all ASCII, else null. */
function asciiText(bytes: Uint8Array): string | null {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return null
  }
  // Valid UTF-8 decodes to as many UTF-16 units as bytes only when every byte is ASCII.
  return text.length === bytes.length ? text : null
}

/** Physical lines in, logical lines joined, and those turned into assignments. */
class LogicalLines {
  readonly assignments: Assignment[] = []
  readonly diagnostics: Diagnostic[] = []
  private section: string | null = null
  private sectionIgnored = false

  constructor(
    private readonly file: string,
    private readonly sections: ReadonlySet<string>,
    private readonly emptySectionHeaderInvalid: boolean,
  ) {}

  private warn(line: number, message: string): void {
    this.diagnostics.push({ file: this.file, line, severity: 'warning', message })
  }

  /** The byte-level splitter: any content, decoded line by line. */
  splitBytes(bytes: Uint8Array): Diagnostic | undefined {
    const file = this.file
    let bomAllowed = true
    // Pieces of a logical line being continued; joined once, so long continuations stay linear.
    let pending: Uint8Array[] | null = null
    let pendingLength = 0
    let line = 0
    for (const physical of physicalLines(bytes)) {
      line++
      if (physical.length >= LONG_LINE_MAX) return { file, line, severity: 'error', message: 'Line too long' }
      if (isCommentLine(physical)) continue
      let content = physical
      if (bomAllowed && startsWithBom(content)) {
        content = content.subarray(3)
        bomAllowed = false
      }
      if (pending !== null && pendingLength + content.length > LONG_LINE_MAX) {
        return { file, line, severity: 'error', message: 'Continuation line too long' }
      }
      // The escape state restarts at every physical line: the previous one ended in the
      // continuation backslash, which systemd replaces by a space before appending.
      if (endsWithUnescapedBackslash(content)) {
        const piece = content.slice()
        piece[piece.length - 1] = 0x20
        if (pending === null) pending = []
        pending.push(piece)
        pendingLength += piece.length
        continue
      }
      let logical = content
      if (pending !== null) {
        pending.push(content)
        logical = concat(pending, pendingLength + content.length)
        pending = null
        pendingLength = 0
      }
      const aborted = this.logicalBytes(logical, line)
      if (aborted) return aborted
    }
    // A continuation still open at the end of the file is parsed as the line after the last
    // (config_parse(): `parse_line(…, ++line, …)`).
    return pending !== null ? this.logicalBytes(concat(pending, pendingLength), line + 1) : undefined
  }

  /**
   * The same splitting over an all-ASCII file decoded as one string (so lengths in characters
   * are lengths in bytes, and there is no BOM to drop). Kept step for step like splitBytes().
   */
  splitAscii(text: string): Diagnostic | undefined {
    const file = this.file
    const n = text.length
    // Most files end lines with LF only: then indexOf() finds each end.
    const lfOnly = text.indexOf('\r') < 0 && text.indexOf('\0') < 0
    let pending: string[] | null = null
    let pendingLength = 0
    let line = 0
    let start = 0
    while (start < n) {
      // Find the end of this physical line, and where the next one starts (read_line_full() rules).
      let end: number
      let next: number
      if (lfOnly) {
        end = text.indexOf('\n', start)
        if (end < 0) end = n
        next = end + 1
      } else {
        end = start
        while (end < n && !isLineEnd(text.charCodeAt(end))) end++
        next = end < n ? terminatorEnd(text, end) : n
      }
      const physicalStart = start
      start = next
      line++
      const length = end - physicalStart
      if (length >= LONG_LINE_MAX) return { file, line, severity: 'error', message: 'Line too long' }
      const first = firstNonWhitespace(text, physicalStart, end)
      if (first < end) {
        const c = text.charCodeAt(first)
        if (c === 0x23 || c === 0x3b) continue // a comment line
      }
      if (pending !== null && pendingLength + length > LONG_LINE_MAX) {
        return { file, line, severity: 'error', message: 'Continuation line too long' }
      }
      if (trailingBackslashes(text, physicalStart, end) % 2 === 1) {
        // The continuation backslash becomes a space.
        const piece = text.slice(physicalStart, end - 1) + ' '
        if (pending === null) pending = []
        pending.push(piece)
        pendingLength += piece.length
        continue
      }
      let logical: string
      if (pending !== null) {
        pending.push(text.slice(physicalStart, end))
        logical = pending.join('')
        pending = null
        pendingLength = 0
      } else {
        // Trimming here first saves slicing the whitespace only to drop it.
        logical = text.slice(first, end)
      }
      const aborted = this.logicalText(trimWhitespace(logical), line)
      if (aborted) return aborted
    }
    return pending !== null ? this.logicalText(trimWhitespace(pending.join('')), line + 1) : undefined
  }

  private logicalBytes(raw: Uint8Array, at: number): Diagnostic | undefined {
    const text = decodeTrimmed(raw)
    // parse_line() checks utf8_is_valid() on the whole stripped logical line, before anything
    // else, and fails the file (the unit does not load; in a drop-in, the rest of that drop-in
    // is skipped) — also for a section header or a line of an ignored section. Its message says
    // "ignoring assignment", but parse_line() returns -EINVAL.
    if (text === null)
      return {
        file: this.file,
        line: at,
        severity: 'error',
        message: `String is not UTF-8 clean, ignoring assignment: ${escapeInvalidUtf8(trimmedBytes(raw))}`,
      }
    return this.logicalText(text, at)
  }

  /** One trimmed logical line: a section header, an assignment, or something to warn about. */
  private logicalText(text: string, at: number): Diagnostic | undefined {
    if (text === '') return undefined
    if (text.charCodeAt(0) === 0x5b /* [ */) {
      if (!text.endsWith(']') || text.length < 2) {
        return { file: this.file, line: at, severity: 'error', message: `Invalid section header '${text}'` }
      }
      const name = text.slice(1, -1)
      // 262 refuses an empty name too, and words both refusals as one.
      if (this.emptySectionHeaderInvalid && (name === '' || !isStringSafe(name)))
        return { file: this.file, line: at, severity: 'error', message: `Section header invalid '${text}'` }
      // parse_line(): `if (!string_is_safe(n))` fails the file — a quote, a backslash, DEL or a
      // control character in the name, even of an `X-` section.
      if (!isStringSafe(name)) {
        return { file: this.file, line: at, severity: 'error', message: `Bad characters in section header '${text}'` }
      }
      if (this.sections.has(name)) {
        this.section = name
        this.sectionIgnored = false
      } else {
        if (!name.startsWith('X-')) this.warn(at, `Unknown section '${name}'. Ignoring.`)
        this.section = null
        this.sectionIgnored = true
      }
      return undefined
    }
    if (this.section === null) {
      if (!this.sectionIgnored) this.warn(at, 'Assignment outside of section. Ignoring.')
      return undefined
    }
    const eq = text.indexOf('=')
    if (eq < 0) {
      this.warn(at, "Missing '=', ignoring line.")
      return undefined
    }
    if (eq === 0) {
      this.warn(at, "Missing key name before '=', ignoring line.")
      return undefined
    }
    this.assignments.push({
      section: this.section,
      key: trimWhitespace(text.slice(0, eq)),
      value: trimWhitespace(text.slice(eq + 1)),
      file: this.file,
      line: at,
    })
    return undefined
  }
}

const isWhitespaceCode = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

function firstNonWhitespace(text: string, start: number, end: number): number {
  let i = start
  while (i < end && isWhitespaceCode(text.charCodeAt(i))) i++
  return i
}

/**
 * Backslashes at the end of text[start, end). An odd number means the last one is unescaped:
 * pairing backslashes from the start of the line, as systemd does, always leaves the character
 * before the final run unescaping nothing, so only the final run counts.
 */
function trailingBackslashes(text: string, start: number, end: number): number {
  let i = end
  while (i > start && text.charCodeAt(i - 1) === 0x5c) i--
  return end - i
}

/** Splits like systemd's read_line_full() (line-ends.ts); a final line without terminator still counts. */
function* physicalLines(bytes: Uint8Array): Generator<Uint8Array> {
  const n = bytes.length
  let start = 0
  let i = 0
  while (i < n) {
    if (!isLineEnd(bytes[i]!)) {
      i++
      continue
    }
    const end = i
    i = terminatorEnd(bytes, i)
    yield bytes.subarray(start, end)
    start = i
  }
  if (start < n) yield bytes.subarray(start, n)
}

function isCommentLine(b: Uint8Array): boolean {
  let i = 0
  while (i < b.length && WHITESPACE.has(b[i]!)) i++
  return i < b.length && (b[i] === 0x23 || b[i] === 0x3b)
}

function startsWithBom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2]
}

function endsWithUnescapedBackslash(b: Uint8Array): boolean {
  let escaped = false
  for (let i = 0; i < b.length; i++) {
    if (escaped) escaped = false
    else if (b[i] === 0x5c) escaped = true
  }
  return escaped
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** Trims systemd's WHITESPACE and decodes; null when utf8_is_valid() refuses it. */
function decodeTrimmed(b: Uint8Array): string | null {
  let s = 0
  let e = b.length
  while (s < e && WHITESPACE.has(b[s]!)) s++
  while (e > s && WHITESPACE.has(b[e - 1]!)) e--
  if (s === e) return ''
  let text: string
  try {
    text = utf8.decode(b.subarray(s, e))
  } catch {
    return null
  }
  return isValidUtf8Text(text) ? text : null
}

/** The line trimmed as decodeTrimmed() trims it. */
function trimmedBytes(b: Uint8Array): Uint8Array {
  let s = 0
  let e = b.length
  while (s < e && WHITESPACE.has(b[s]!)) s++
  while (e > s && WHITESPACE.has(b[e - 1]!)) e--
  return b.subarray(s, e)
}

/** Trims systemd's WHITESPACE (space, tab, LF, CR) at both ends. */
export function trimWhitespace(s: string): string {
  let start = 0
  let end = s.length
  while (start < end && isWhitespaceCode(s.charCodeAt(start))) start++
  while (end > start && isWhitespaceCode(s.charCodeAt(end - 1))) end--
  return start === 0 && end === s.length ? s : s.slice(start, end)
}
