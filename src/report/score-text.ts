/** The table `systemd-analyze security UNIT` prints, and its overall line. */
import type { ServiceAssessment } from '../engine.js'
import { formatExposure, verdictEmoji, type Row } from '../model/exposure.js'
import { collectBytes, type OutputSink } from './byte-sink.js'

export interface TextStyle {
  /** Emoji after the verdict, as systemd prints in a UTF-8 terminal. */
  readonly emoji: boolean
  /** systemd-analyze's colours on a terminal: the marks, the overall line and its verdict. */
  readonly colour?: boolean
}

/** The escape sequences systemd-analyze 252 writes (ansi.h). */
const BOLD = '\x1b[0;1;39m'
const RED = '\x1b[0;1;31m'
const GREEN = '\x1b[0;1;32m'
const YELLOW = '\x1b[0;1;38;5;185m'
const NORMAL = '\x1b[0m'

/** The verdict's colour, as analyze-security.c's badness table gives it (MEDIUM has none). */
const VERDICT_COLOUR: Readonly<Record<string, string>> = {
  DANGEROUS: RED,
  UNSAFE: RED,
  EXPOSED: YELLOW,
  MEDIUM: '',
  OK: GREEN,
  SAFE: GREEN,
  PERFECT: GREEN,
}

/** Bytes of each mark at the start of a row line: ✓ and ✗ are three in UTF-8. */
const MARK_BYTES = 3

/** Writes the table and overall line of one unit, as `systemd-analyze security UNIT` prints them. */
export function writeScoreText(a: ServiceAssessment, sink: OutputSink, style: TextStyle): void {
  let nameWidth = 4
  let descWidth = 11
  for (const r of a.rows) {
    if (r.id.length > nameWidth) nameWidth = r.id.length
    if (r.description !== null && r.description.length > descWidth) descWidth = r.description.length
  }
  sink.text(`  ${'NAME'.padEnd(nameWidth)} ${'DESCRIPTION'.padEnd(descWidth)} EXPOSURE\n`)
  const emoji = style.emoji ? ` ${verdictEmoji(a.verdict)}` : ''
  if (style.colour !== true) {
    for (const r of a.rows) sink.bytes(rowLine(r, nameWidth, descWidth))
    sink.text(`\n→ Overall exposure level for ${a.unit}: ${formatExposure(a.exposure)} ${a.verdict}${emoji}\n`)
    return
  }
  for (const r of a.rows) {
    const line = rowLine(r, nameWidth, descWidth)
    if (r.set === null) sink.bytes(line)
    else {
      sink.text(`${r.set ? GREEN : RED}${r.set ? '✓' : '✗'}${NORMAL}`)
      sink.bytes(line.subarray(MARK_BYTES))
    }
  }
  const verdict = `${formatExposure(a.exposure)} ${a.verdict}`
  const colour = VERDICT_COLOUR[a.verdict] ?? ''
  sink.text(`\n→ ${BOLD}Overall exposure level for ${a.unit}${NORMAL}: ${colour}${verdict}${NORMAL}${emoji}\n`)
}

const encoder = new TextEncoder()

/**
 * Table lines of shared rows (the contract in model/display-order.ts), UTF-8 encoded, by column widths: the name column is
 * the same for every unit and the description column takes few widths, so most lines are made
 * once. Capped in bytes: hostile input can make the widths many and wide.
 */
const rowLineCache = new WeakMap<Row, Map<number, Map<number, Uint8Array>>>()
const ROW_LINE_CACHE_MAX_BYTES = 16 * 1024 * 1024
let rowLineCachedBytes = 0

function rowLine(r: Row, nameWidth: number, descWidth: number): Uint8Array {
  const cached = rowLineCache.get(r)?.get(nameWidth)?.get(descWidth)
  if (cached !== undefined) return cached
  const mark = r.set === null ? ' ' : r.set ? '✓' : '✗'
  const name = r.id.padEnd(nameWidth)
  const description = (r.description ?? '').padEnd(descWidth)
  // As systemd's table prints it: the exposure right-aligned under EXPOSURE; an empty exposure
  // cell leaves the description padded and its separating space, nothing more.
  const line = encoder.encode(
    `${mark} ${name} ${description} ${r.exposure === null ? '' : formatExposure(r.exposure).padStart(8)}\n`,
  )
  if (rowLineCachedBytes + line.length <= ROW_LINE_CACHE_MAX_BYTES) {
    rowLineCachedBytes += line.length
    let byName = rowLineCache.get(r)
    if (byName === undefined) rowLineCache.set(r, (byName = new Map<number, Map<number, Uint8Array>>()))
    let byDesc = byName.get(nameWidth)
    if (byDesc === undefined) byName.set(nameWidth, (byDesc = new Map<number, Uint8Array>()))
    byDesc.set(descWidth, line)
  }
  return line
}

/** One object per row, exactly like `systemd-analyze security --json=short`. */
export function jsonRows(a: ServiceAssessment): object[] {
  return a.rows.map(rowObject)
}

function rowObject(r: Row): object {
  return {
    set: r.set,
    name: r.id,
    json_field: r.jsonField,
    description: r.description,
    exposure: r.exposure === null ? null : formatExposure(r.exposure),
  }
}

/**
 * UTF-8 JSON of each row object, after a comma: rows are shared between units (a few hundred
 * distinct rows cover thousands of units; the contract is in model/display-order.ts), so most
 * rows are serialised once per process, and each row is one copy into the output.
 */
const rowJsonCache = new WeakMap<Row, Uint8Array>()

/**
 * The JSON of whole row lists, for lists units share (model/display-order.ts, sharedOrder): from
 * the second unit with the same rows on, its items are one copy. `true` marks a list seen once.
 * Capped in bytes: a run over thousands of distinct units must not keep all their output.
 */
const listJsonCache = new WeakMap<readonly Row[], Uint8Array | true>()
const LIST_JSON_CACHE_MAX_BYTES = 16 * 1024 * 1024
let listJsonCachedBytes = 0

/** Writes `JSON.stringify(jsonRows(a))`, byte for byte, from cached bytes. */
export function writeJsonRows(a: ServiceAssessment, sink: OutputSink): void {
  const cached = listJsonCache.get(a.rows)
  if (cached instanceof Uint8Array) return sink.bytes(cached)
  if (cached === undefined) {
    listJsonCache.set(a.rows, true)
    return writeEachRow(a.rows, sink)
  }
  const json = collectBytes((s) => writeEachRow(a.rows, s))
  if (listJsonCachedBytes + json.length <= LIST_JSON_CACHE_MAX_BYTES) {
    listJsonCachedBytes += json.length
    listJsonCache.set(a.rows, json)
  }
  sink.bytes(json)
}

function writeEachRow(rows: readonly Row[], sink: OutputSink): void {
  if (rows.length === 0) return sink.bytes(EMPTY_ARRAY)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!
    let json = rowJsonCache.get(r)
    if (json === undefined) rowJsonCache.set(r, (json = encoder.encode(`,${JSON.stringify(rowObject(r))}`)))
    if (i === 0) {
      // "[" instead of the comma before the first row.
      sink.bytes(OPEN)
      sink.bytes(json.subarray(1))
    } else sink.bytes(json)
  }
  sink.bytes(CLOSE)
}

const OPEN = encoder.encode('[')
const CLOSE = encoder.encode(']')
const EMPTY_ARRAY = encoder.encode('[]')
