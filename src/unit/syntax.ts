/**
 * The unit-file grammar of systemd.syntax(7), as systemd's config_parse() really applies it:
 * physical lines end at LF, CR or NUL; comment lines (`#`, `;`) are dropped even inside a
 * continuation; a trailing unescaped backslash continues the line; no inline comments; keys are
 * case-sensitive; repeated keys are all kept (the directive decides what a repeat means).
 *
 * Pure: bytes in, assignments and diagnostics out. Never throws on bad input, and runs in time
 * linear in the input (a 100,000-line continuation is fine).
 */
import type { Diagnostic } from './diagnostics.js'

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

/** systemd's LONG_LINE_MAX: a longer physical or continued line makes the whole file fail. */
export const LONG_LINE_MAX = 1024 * 1024

const BOM = [0xef, 0xbb, 0xbf]
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d])
// ignoreBOM: only the first BOM of a file is dropped (by hand, below); later ones are content.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Parses one unit file or drop-in.
 * @param sections the section names this unit type knows (others are ignored with a warning)
 */
export function parseUnitFile(
  bytes: Uint8Array,
  file: string,
  sections: ReadonlySet<string>,
): UnitFileSyntax {
  const assignments: Assignment[] = []
  const diagnostics: Diagnostic[] = []
  const warn = (line: number, message: string): void => {
    diagnostics.push({ file, line, severity: 'warning', message })
  }

  let section: string | null = null
  let sectionIgnored = false
  let bomAllowed = true
  // Pieces of a logical line being continued; joined once, so long continuations stay linear.
  let pending: Uint8Array[] | null = null
  let pendingLength = 0
  let line = 0
  let aborted: Diagnostic | undefined

  const handleLogical = (raw: Uint8Array, at: number): Diagnostic | undefined => {
    const text = decodeTrimmed(raw)
    if (text === '') return undefined
    if (text === null) {
      warn(at, 'Line contains invalid UTF-8, ignoring.')
      return undefined
    }
    if (text.startsWith('[')) {
      if (!text.endsWith(']') || text.length < 2) {
        return { file, line: at, severity: 'error', message: `Invalid section header '${text}'` }
      }
      const name = text.slice(1, -1)
      if (sections.has(name)) {
        section = name
        sectionIgnored = false
      } else {
        if (!name.startsWith('X-')) warn(at, `Unknown section '${name}'. Ignoring.`)
        section = null
        sectionIgnored = true
      }
      return undefined
    }
    if (section === null) {
      if (!sectionIgnored) warn(at, 'Assignment outside of section. Ignoring.')
      return undefined
    }
    const eq = text.indexOf('=')
    if (eq < 0) {
      warn(at, "Missing '=', ignoring line.")
      return undefined
    }
    if (eq === 0) {
      warn(at, "Missing key name before '=', ignoring line.")
      return undefined
    }
    assignments.push({
      section,
      key: trimWhitespace(text.slice(0, eq)),
      value: trimWhitespace(text.slice(eq + 1)),
      file,
      line: at,
    })
    return undefined
  }

  for (const physical of physicalLines(bytes)) {
    line++
    if (physical.length > LONG_LINE_MAX) {
      aborted = { file, line, severity: 'error', message: 'Line too long' }
      break
    }
    if (isCommentLine(physical)) continue
    let content = physical
    if (bomAllowed && startsWithBom(content)) {
      content = content.subarray(3)
      bomAllowed = false
    }
    if (pending !== null && pendingLength + content.length > LONG_LINE_MAX) {
      aborted = { file, line, severity: 'error', message: 'Continuation line too long' }
      break
    }
    // The escape state restarts at every physical line: the previous one ended in the
    // continuation backslash, which systemd replaces by a space before appending.
    const continues = endsWithUnescapedBackslash(content)
    if (continues) {
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
    aborted = handleLogical(logical, line)
    if (aborted) break
  }
  if (!aborted && pending !== null) aborted = handleLogical(concat(pending, pendingLength), line)
  if (aborted) diagnostics.push(aborted)
  return aborted ? { file, assignments, diagnostics, aborted } : { file, assignments, diagnostics }
}

/**
 * Splits like systemd's read_line(): LF, CR and NUL end a line; a CR LF or LF CR pair is one end,
 * a NUL ends the line at once; a final line without terminator still counts.
 */
function* physicalLines(bytes: Uint8Array): Generator<Uint8Array> {
  const n = bytes.length
  let start = 0
  let i = 0
  while (i < n) {
    const c = bytes[i]!
    if (c !== 0x0a && c !== 0x0d && c !== 0x00) {
      i++
      continue
    }
    const end = i
    i++
    if (c !== 0x00 && i < n) {
      const d = bytes[i]!
      if ((d === 0x0a || d === 0x0d) && d !== c) i++
      else if (d === 0x00) i++
    }
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

/** Trims systemd's WHITESPACE and decodes; null for invalid UTF-8. */
function decodeTrimmed(b: Uint8Array): string | null {
  let s = 0
  let e = b.length
  while (s < e && WHITESPACE.has(b[s]!)) s++
  while (e > s && WHITESPACE.has(b[e - 1]!)) e--
  if (s === e) return ''
  try {
    return utf8.decode(b.subarray(s, e))
  } catch {
    return null
  }
}

export function trimWhitespace(s: string): string {
  return s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '')
}
