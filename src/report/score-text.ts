/** The table `systemd-analyze security UNIT` prints, and its overall line. */
import type { ServiceAssessment } from '../engine.js'
import { formatExposure, verdictEmoji, type Row } from '../model/exposure.js'

export interface TextStyle {
  /** Emoji after the verdict, as systemd prints in a UTF-8 terminal. */
  readonly emoji: boolean
}

export function renderScoreText(a: ServiceAssessment, style: TextStyle = { emoji: true }): string {
  let nameWidth = 4
  let descWidth = 11
  for (const r of a.rows) {
    if (r.id.length > nameWidth) nameWidth = r.id.length
    if (r.description !== null && r.description.length > descWidth) descWidth = r.description.length
  }
  const lines = [`  ${'NAME'.padEnd(nameWidth)} ${'DESCRIPTION'.padEnd(descWidth)} EXPOSURE\n`]
  for (const r of a.rows) lines.push(rowLine(r, nameWidth, descWidth))
  const emoji = style.emoji ? ` ${verdictEmoji(a.verdict)}` : ''
  lines.push(`\n→ Overall exposure level for ${a.unit}: ${formatExposure(a.exposure)} ${a.verdict}${emoji}\n`)
  return lines.join('')
}

/**
 * Table lines of shared rows (see score()), by column widths: the name column is the same for
 * every unit and the description column takes few widths, so most lines are made once. Capped,
 * as hostile input can make the widths many.
 */
const rowLineCache = new WeakMap<Row, Map<number, Map<number, string>>>()
const ROW_LINE_CACHE_MAX = 50_000
let rowLinesCached = 0

function rowLine(r: Row, nameWidth: number, descWidth: number): string {
  const cached = rowLineCache.get(r)?.get(nameWidth)?.get(descWidth)
  if (cached !== undefined) return cached
  const mark = r.set === null ? ' ' : r.set ? '✓' : '✗'
  const name = r.id.padEnd(nameWidth)
  const description = (r.description ?? '').padEnd(descWidth)
  // As systemd's table prints it: the exposure right-aligned under EXPOSURE; an empty exposure
  // cell leaves the description padded and its separating space, nothing more.
  const line = `${mark} ${name} ${description} ${r.exposure === null ? '' : formatExposure(r.exposure).padStart(8)}\n`
  if (rowLinesCached < ROW_LINE_CACHE_MAX) {
    rowLinesCached++
    let byName = rowLineCache.get(r)
    if (byName === undefined) rowLineCache.set(r, (byName = new Map()))
    let byDesc = byName.get(nameWidth)
    if (byDesc === undefined) byName.set(nameWidth, (byDesc = new Map()))
    byDesc.set(descWidth, line)
  }
  return line
}

/** One object per row, exactly like `systemd-analyze security --json=short`. */
export function jsonRows(a: ServiceAssessment): object[] {
  return a.rows.map((r) => ({
    set: r.set,
    name: r.id,
    json_field: r.jsonField,
    description: r.description,
    exposure: r.exposure === null ? null : formatExposure(r.exposure),
  }))
}

/**
 * JSON text of each row object. score() shares row objects between units (a few hundred
 * distinct rows cover thousands of units), so most rows are serialised once per process.
 */
const rowJsonCache = new WeakMap<Row, string>()

/** `JSON.stringify(jsonRows(a))`, byte for byte, built from cached per-row fragments. */
export function jsonRowsText(a: ServiceAssessment): string {
  const parts: string[] = []
  pushJsonRows(a, parts)
  return parts.join('')
}

/**
 * Appends the pieces of `jsonRowsText(a)` to `out`, for a writer that joins many of them at
 * once (one flat copy, instead of flattening a string built by `+=` first).
 */
export function pushJsonRows(a: ServiceAssessment, out: { push(text: string): unknown }): void {
  out.push('[')
  const rows = a.rows
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!
    let text = rowJsonCache.get(r)
    if (text === undefined) rowJsonCache.set(r, (text = rowJson(r)))
    if (i > 0) out.push(',')
    out.push(text)
  }
  out.push(']')
}

function rowJson(r: Row): string {
  return JSON.stringify({
    set: r.set,
    name: r.id,
    json_field: r.jsonField,
    description: r.description,
    exposure: r.exposure === null ? null : formatExposure(r.exposure),
  })
}
