/**
 * Accepting a capability widening on purpose. Inline, in the unit or a drop-in:
 *
 *     # systemd-exposure: allow CAP_NET_ADMIN CAP_NET_RAW -- manages routes
 *
 * The reason after `--` is mandatory; a waiver without one is reported and ignored. Capability
 * names are accepted anywhere in the unit; `ALL` accepts every new privilege — running as root,
 * an elevated command, its sandbox escape — that the line right below the waiver causes. Settings can also allow capabilities for every unit (`CAP_X`)
 * or one unit (`foo.service:CAP_X`, `foo.service:ALL`).
 */
import { extractWords } from '../service/words.js'
import { lineSpans } from '../unit/line-ends.js'
import { capabilityBit } from './capabilities.js'

export interface Waiver {
  readonly capabilities: readonly string[]
  readonly reason: string
  readonly file: string
  readonly line: number
  /** The line right below it (the next line that is neither blank nor a comment): what `ALL` covers. */
  readonly nextLine: number | null
  /**
   * What that line says, for telling whether it is the same line in base: the directive and its
   * words (an Exec*= command line compared as a command: quotes removed, white space and merged
   * /usr directories ignored), or the assignment as written. null without one.
   */
  readonly nextKey: string | null
}

export interface WaiverProblem {
  readonly file: string
  readonly line: number
  readonly message: string
}

const WAIVER = /^[ \t]*[#;][ \t]*systemd-exposure:[ \t]*allow\b(.*)$/i

export function findWaivers(file: string, bytes: Uint8Array): { waivers: Waiver[]; problems: WaiverProblem[] } {
  const waivers: Waiver[] = []
  const problems: WaiverProblem[] = []
  // Waivers are plain comment lines, so a quick scan of the text is enough.
  const text = Buffer.from(bytes).toString('utf8')
  if (!text.includes('systemd-exposure:')) return { waivers, problems }
  // Numbered as systemd numbers the lines (read_line_full()), so a waiver's line and the line
  // below it are those the loader reports for assignments.
  const lines = [...lineSpans(text)].map((l) => text.slice(l.start, l.end))
  lines.forEach((l, i) => {
    const m = WAIVER.exec(l)
    if (!m) return
    const [capsPart, ...reasonParts] = m[1]!.split(/[ \t]--(?:[ \t]|$)/)
    const reason = reasonParts.join(' -- ').trim()
    const caps = capsPart!
      .split(/[\s,]+/)
      .filter((c) => c !== '')
      .map((c) => c.toUpperCase())
    const unknown = caps.filter((c) => c !== 'ALL' && capabilityBit(c) === null)
    if (caps.length === 0 || unknown.length > 0) {
      problems.push({
        file,
        line: i + 1,
        message: `waiver names no valid capability${unknown.length ? ` (${unknown.join(', ')})` : ''}; ignored`,
      })
    } else if (reason === '') {
      problems.push({ file, line: i + 1, message: 'waiver has no reason after "--"; ignored (a reason is mandatory)' })
    } else {
      const nextLine = nextContentLine(lines, i + 1)
      waivers.push({
        capabilities: caps,
        reason,
        file,
        line: i + 1,
        nextLine,
        nextKey: nextLine === null ? null : lineKey(lines, nextLine - 1),
      })
    }
  })
  return { waivers, problems }
}

/** 1-based number of the first line from index `from` on that is not blank or a comment. */
function nextContentLine(lines: readonly string[], from: number): number | null {
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.trim()
    if (t !== '' && !t.startsWith('#') && !t.startsWith(';')) return i + 1
  }
  return null
}

/** The logical line starting at index `at` (continuation lines joined), as a comparison key. */
function lineKey(lines: readonly string[], at: number): string {
  let text = lines[at]!
  for (let i = at + 1; /\\[ \t]*$/.test(text) && i < lines.length; i++) text = text.replace(/\\[ \t]*$/, ' ') + lines[i]
  const eq = text.indexOf('=')
  if (eq < 0) return text.trim()
  const key = text.slice(0, eq).trim()
  const value = text.slice(eq + 1).trim()
  if (!key.startsWith('Exec')) return `${key}=${value}`
  const words = extractWords(value, { unquote: true, relax: true }).words.map((w) => w.replace(/\s+/g, ' ').trim())
  if (words.length > 0) words[0] = words[0]!.replace(/^([-@:+!|]*)\/(usr\/)?s?bin\//, '$1/usr/bin/')
  return `${key}=${words.join('\0')}`
}

export interface AllowEntry {
  /** A unit name, or null for every service. */
  readonly unit: string | null
  readonly capability: string
}

export function parseAllowEntry(text: string): AllowEntry | null {
  const colon = text.lastIndexOf(':')
  const unit = colon >= 0 ? text.slice(0, colon).trim() : null
  const capability = (colon >= 0 ? text.slice(colon + 1) : text).trim().toUpperCase()
  if ((capability !== 'ALL' && capabilityBit(capability) === null) || unit === '') return null
  return { unit, capability }
}
