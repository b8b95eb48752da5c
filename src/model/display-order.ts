/**
 * The rows of an assessment as systemd prints them — in its display order — made cheaply: the
 * arithmetic is exposure.ts; this is how its rows are kept and ordered.
 *
 * The contract the report layer relies on (report/score-text.ts caches printed lines per row
 * object):
 * - a Row is immutable, and so is the ordered array score() returns;
 * - rows with the assessor's built-in weight and range, the same badness, exposure and
 *   description are the same object, in every unit scored by this process (up to the caps
 *   below), and units with the same rows may share one ordered array;
 * - so a cache keyed by Row identity is sound, and must not assume that two different objects
 *   print differently.
 */
import { compareBytes } from '../text/compare-bytes.js'
import type { Assessor } from './assessors.js'
import type { Row } from './exposure.js'

/** The rows of one assessment, added by assessor position, then put in display order. */
export class RowList {
  private readonly rows: Row[]
  // Display-order ranks of the rows (see Rank), while every row has one. Read once all rows
  // are made: making one can insert a new rank and renumber the others.
  private ranks: Rank[] | null
  // Identifies the list of shared rows (see sharedOrder), while every row is shared.
  private signature: number

  constructor(size: number) {
    this.rows = new Array<Row>(size)
    this.ranks = new Array<Rank>(size)
    this.signature = size
    if (sortKeys.length !== size) sortKeys = new Uint32Array(size)
  }

  add(
    index: number,
    a: Assessor,
    weight: number,
    range: number,
    badness: number | null,
    exposure: number | null,
    description: string | null,
  ): void {
    const made = row(index, a, weight, range, badness, exposure, description)
    if ('row' in made) {
      this.rows[index] = made.row
      this.signature = (Math.imul(this.signature, 0x9e3779b1) + made.serial) | 0
      if (this.ranks !== null) {
        if (made.rank === undefined) this.ranks = null
        else this.ranks[index] = made.rank
      }
    } else {
      this.rows[index] = made
      this.ranks = null
    }
  }

  /** systemd's display order (see displayOrder); 262 puts a row without description first. */
  inDisplayOrder(nullDescriptionFirst: boolean): readonly Row[] {
    if (this.ranks === null) return displayOrder(this.rows, null, nullDescriptionFirst)
    return sharedOrder(this.rows, this.ranks, this.signature, nullDescriptionFirst)
  }
}

/**
 * Units often end up with exactly the same rows: 180 distinct Debian services have only 58
 * distinct row lists. For such a list the display order is worked out once and the ordered
 * array is shared (rows are immutable; so is the array), which also lets the report layer
 * print it from one cached block. Keyed by a hash of the rows' serial numbers; a hit is checked
 * row by row. Capped like the row cache.
 */
const orderCache = new Map<number, { readonly byAssessor: readonly Row[]; readonly ordered: readonly Row[] }[]>()
const ORDER_CACHE_MAX = 10_000
let ordersCached = 0

function sharedOrder(
  rows: readonly Row[],
  ranks: readonly Rank[],
  signature: number,
  nullDescriptionFirst: boolean,
): readonly Row[] {
  const candidates = orderCache.get(signature)
  if (candidates !== undefined) {
    for (const c of candidates) if (sameRows(c.byAssessor, rows)) return c.ordered
  }
  const ordered = displayOrder(rows, ranks, nullDescriptionFirst)
  if (ordersCached < ORDER_CACHE_MAX) {
    ordersCached++
    const entry = { byAssessor: rows, ordered }
    if (candidates === undefined) orderCache.set(signature, [entry])
    else candidates.push(entry)
  }
  return ordered
}

function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Rows are immutable and the same few hundred recur across units (the same assessor with the
 * same description and exposure), so each distinct row is made once and shared: less garbage,
 * and the report layer can memoise per row object. Only rows with the assessor's own weight and
 * range are shared (then the assessor, badness, exposure and description determine the row);
 * the cap keeps hostile input (unique DeviceAllow= lists) from growing the table for ever.
 * Indexed by assessor position, then by badness and exposure; few descriptions per slot.
 */
interface SharedRow {
  /** The assessor it was made for (the position alone would trust every caller's list). */
  readonly assessor: Assessor
  readonly row: Row
  /** Its number among shared rows, in order of making. */
  readonly serial: number
  /** Its display-order rank, if it has one (see rankOf). */
  readonly rank: Rank | undefined
}
const rowCache: Map<number, SharedRow[]>[] = []
const ROW_CACHE_MAX = 50_000
const SHARED_DESCRIPTION_MAX = 1024
let rowsCached = 0

function row(
  index: number,
  a: Assessor,
  weight: number,
  range: number,
  badness: number | null,
  exposure: number | null,
  description: string | null,
): SharedRow | Row {
  // A long description is one unit's own (a DeviceAllow= list): not worth keeping for others.
  const shareable =
    weight === a.weight && range === a.range && (description === null || description.length <= SHARED_DESCRIPTION_MAX)
  // badness ≤ range ≤ 10 and exposure ≤ 100 with the built-in weights: a unique number.
  const key = badness === null ? -1 : badness * 1000 + (exposure ?? 0)
  const slot = shareable ? rowCache[index]?.get(key) : undefined
  if (slot !== undefined) {
    for (let i = 0; i < slot.length; i++) {
      const shared = slot[i]!
      if (shared.row.description === description && shared.assessor === a) return shared
    }
  }
  const made: Row = {
    id: a.id,
    jsonField: a.jsonField,
    set: badness === null ? null : badness === 0,
    badness,
    exposure,
    description,
    weight,
    range,
  }
  if (!shareable || rowsCached >= ROW_CACHE_MAX) return made
  rowsCached++
  const shared: SharedRow = {
    assessor: a,
    row: made,
    serial: rowsCached,
    rank: description === null ? undefined : rankOf(made.id, description),
  }
  let byKey = rowCache[index]
  if (byKey === undefined) rowCache[index] = byKey = new Map<number, SharedRow[]>()
  if (slot === undefined) byKey.set(key, [shared])
  else slot.push(shared)
  return shared
}

/**
 * Display-order ranks of shared rows. Every distinct (description, name) pair of a shared row
 * is kept in a list sorted in display order, and numbered by its place in it; the number lives
 * in a small object the rows point to, renumbered when a new pair is inserted. Sorting a unit's
 * rows then sorts small integers natively instead of calling a comparator some 500 times, which
 * was the costliest step of scoring. A row without a rank (not shared, no description, or past
 * RANKED_MAX pairs) makes that unit take the comparator sort.
 */
interface Rank {
  value: number
}
const rankByPair = new Map<string, Map<string, Rank>>()
const ranked: { readonly id: string; readonly description: string; readonly rank: Rank }[] = []
const RANKED_MAX = 4096

function rankOf(id: string, description: string): Rank | undefined {
  let byDescription = rankByPair.get(id)
  const existing = byDescription?.get(description)
  if (existing !== undefined) return existing
  if (ranked.length >= RANKED_MAX) return undefined
  // First pair that sorts after (description, id): description descending, then name ascending.
  let lo = 0
  let hi = ranked.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const e = ranked[mid]!
    if ((-compareBytes(e.description, description) || compareBytes(e.id, id)) < 0) lo = mid + 1
    else hi = mid
  }
  const rank: Rank = { value: lo }
  ranked.splice(lo, 0, { id, description, rank })
  for (let i = lo + 1; i < ranked.length; i++) ranked[i]!.rank.value = i
  if (byDescription === undefined) rankByPair.set(id, (byDescription = new Map<string, Rank>()))
  byDescription.set(description, rank)
  return rank
}

/** Sort keys of sortByRank, reused: every unit has as many rows as there are assessors. */
let sortKeys = new Uint32Array(0)

/** The rows in display order by their ranks (ties keep row order). */
function sortByRank(rows: readonly Row[], ranks: readonly Rank[]): Row[] {
  // rank · 256 + index: one integer per row orders by rank, then by position.
  const keys = rows.length === sortKeys.length ? sortKeys : new Uint32Array(rows.length)
  for (let i = 0; i < rows.length; i++) keys[i] = ranks[i]!.value * 256 + i
  keys.sort()
  const out: Row[] = new Array<Row>(rows.length)
  for (let i = 0; i < keys.length; i++) out[i] = rows[keys[i]! & 255]!
  return out
}

/**
 * systemd's display order: description descending (byte order), then name ascending, then the
 * order rows were added. A row without description (only ProtectProc=noaccess has none) is a
 * cell of another type, which systemd ≤257 compares by insertion order only — an inconsistent
 * comparator, so its place depends on glibc's merge sort. We run that same merge sort over the
 * same array (header line included) to put it where systemd does. 262 puts it first.
 */
function displayOrder(rows: readonly Row[], ranks: readonly Rank[] | null, nullDescriptionFirst: boolean): Row[] {
  // (rank · 256 + index must fit 32 bits: RANKED_MAX · 256 does, for up to 256 rows.)
  if (ranks !== null && rows.length <= 256) return sortByRank(rows, ranks)
  let hasNull = false
  let hasSurrogate = false
  for (const r of rows) {
    if (r.description === null) hasNull = true
    else if (!hasSurrogate && SURROGATE.test(r.description)) hasSurrogate = true
    if (!hasSurrogate && SURROGATE.test(r.id)) hasSurrogate = true
  }
  // Without a description-less row the comparator is a total order: any sort agrees with glibc's.
  // The header cell sorts first and rows tied on description and name keep their order (the
  // sort is stable), so sorting the rows alone gives the same order as sorting with the header.
  if (!hasNull) return rows.slice().sort(hasSurrogate ? compareRowsBytes : compareRowsNative)
  const items = [HEADER, ...rows.map((r, i) => ({ r, i: i + 1 }))]
  if (nullDescriptionFirst) {
    const nulls = rows.filter((r) => r.description === null)
    const rest = rows.filter((r) => r.description !== null)
    return [...nulls, ...glibcMergeSort(rest.map((r, i) => ({ r, i: i + 1 }))).map((x) => x.r!)]
  }
  return glibcMergeSort(items)
    .slice(1)
    .map((x) => x.r!)
}

const SURROGATE = /[\uD800-\uDFFF]/

/** compareCells for two rows with descriptions, in strcmp() order. */
function compareRowsBytes(a: Row, b: Row): number {
  return -compareBytes(a.description!, b.description!) || compareBytes(a.id, b.id)
}

/**
 * The same order from the engine's own string comparison, which is UTF-16 order: it agrees with
 * code-point (strcmp) order when no surrogates are involved, and is several times faster.
 */
function compareRowsNative(a: Row, b: Row): number {
  const da = a.description!
  const db = b.description!
  if (da !== db) return da < db ? 1 : -1
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1
}

interface Indexed {
  readonly r: Row | null
  readonly i: number
}

const HEADER: Indexed = { r: null, i: 0 }

function compareCells(a: Indexed, b: Indexed): number {
  if (a.r === null) return b.r === null ? 0 : -1
  if (b.r === null) return 1
  const da = a.r.description
  const db = b.r.description
  let c: number
  if (da === null || db === null) c = da === db ? 0 : -Math.sign(a.i - b.i)
  else c = -compareBytes(da, db)
  if (c !== 0) return c
  c = compareBytes(a.r.id, b.r.id)
  return c !== 0 ? c : Math.sign(a.i - b.i)
}

/** glibc's msort_with_tmp(): top-down merge sort, left run wins ties. */
function glibcMergeSort(items: Indexed[]): Indexed[] {
  if (items.length <= 1) return items
  const n1 = Math.floor(items.length / 2)
  const left = glibcMergeSort(items.slice(0, n1))
  const right = glibcMergeSort(items.slice(n1))
  const out: Indexed[] = []
  let i = 0
  let j = 0
  while (i < left.length && j < right.length)
    out.push(compareCells(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!)
  while (i < left.length) out.push(left[i++]!)
  while (j < right.length) out.push(right[j++]!)
  return out
}
