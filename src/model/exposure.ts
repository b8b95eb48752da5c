/**
 * systemd's exposure arithmetic, in integers as analyze-security.c does it: per row
 * ceil(badness·weight/range), overall ceil(100·Σ/Σweight), verdict bands, and the per-row
 * exposure column. See exposure-model.md §1.
 */
import type { Assessment, Assessor } from './assessors.js'
import type { SecurityPolicy } from './policy.js'

export type Verdict = 'PERFECT' | 'SAFE' | 'OK' | 'MEDIUM' | 'EXPOSED' | 'UNSAFE' | 'DANGEROUS'

const BANDS: readonly { min: number; verdict: Verdict; emoji: string }[] = [
  { min: 100, verdict: 'DANGEROUS', emoji: '🤢' },
  { min: 90, verdict: 'UNSAFE', emoji: '😨' },
  { min: 75, verdict: 'EXPOSED', emoji: '🙁' },
  { min: 50, verdict: 'MEDIUM', emoji: '😐' },
  { min: 10, verdict: 'OK', emoji: '🙂' },
  { min: 1, verdict: 'SAFE', emoji: '😀' },
  { min: 0, verdict: 'PERFECT', emoji: '😇' },
]

export function verdictOf(exposure: number): Verdict {
  return BANDS.find((b) => exposure >= b.min)!.verdict
}

export function verdictEmoji(verdict: Verdict): string {
  return BANDS.find((b) => b.verdict === verdict)!.emoji
}

/** 96 → "9.6". */
export function formatExposure(exposure: number): string {
  return `${Math.floor(exposure / 10)}.${exposure % 10}`
}

/** One row as systemd prints it (and as `--json=short` has it). */
export interface Row {
  readonly id: string
  readonly jsonField: string
  /** true: good, false: bad, null: not applicable. */
  readonly set: boolean | null
  readonly description: string | null
  /** The row's share of the overall score in tenths (12 → "1.2"), null when it adds nothing. */
  readonly exposure: number | null
  readonly badness: number | null
  readonly weight: number
  readonly range: number
}

export interface Score {
  /** 0…100: ten times the printed value. */
  readonly exposure: number
  readonly verdict: Verdict
  /** Rows in systemd's display order. */
  readonly rows: readonly Row[]
}

const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b)

export function score(
  assessors: readonly Assessor[],
  results: readonly Assessment[],
  defaultDependencies: boolean,
  policy: SecurityPolicy | undefined,
  nullDescriptionFirst: boolean,
): Score {
  let badnessSum = 0
  let weightSum = 0
  const pending: { a: Assessor; r: Assessment; weight: number; range: number; na: string | null | undefined }[] = []
  assessors.forEach((a, i) => {
    const override = policy?.get(a.jsonField)
    const weight = override?.weight ?? a.weight
    const range = override?.range ?? a.range
    let r = results[i]!
    let naText: string | null | undefined
    if (a.defaultDependenciesOnly && !defaultDependencies) {
      r = { kind: 'na' }
      naText = 'Service runs in special boot phase, option is not appropriate'
    } else if (weight === 0) {
      r = { kind: 'na' }
      naText = 'Option excluded by policy, skipping'
    }
    if (r.kind === 'badness') {
      if (range === 0 || r.badness > range) throw new PolicyRangeError(a.jsonField, range, r.badness)
      badnessSum += ceilDiv(r.badness * weight, range)
      weightSum += weight
    }
    pending.push({ a, r, weight, range, na: naText })
  })
  if (weightSum === 0) throw new PolicyRangeError('*', 0, 0)
  const exposure = ceilDiv(badnessSum * 100, weightSum)
  const rows = pending.map(({ a, r, weight, range, na }): Row => {
    const override = policy?.get(a.jsonField)
    const good = override?.descriptionGood ?? a.descriptionGood
    const badText = override?.descriptionBad ?? a.descriptionBad
    const naDefault = override?.descriptionNa ?? a.descriptionNa
    if (r.kind === 'na') {
      return {
        id: a.id, jsonField: a.jsonField, set: null, badness: null, exposure: null, weight, range,
        description: na ?? r.description ?? naDefault ?? null,
      }
    }
    const b = r.badness
    // Which built-in text applies is decided against the built-in range, as systemd does.
    const description = r.description ?? (b === 0 ? good : b === a.range ? badText : undefined) ?? null
    return {
      id: a.id,
      jsonField: a.jsonField,
      set: b === 0,
      badness: b,
      exposure: b > 0 ? ceilDiv(ceilDiv(b * weight * 100, range), weightSum) : null,
      description,
      weight,
      range,
    }
  })
  return { exposure, verdict: verdictOf(exposure), rows: displayOrder(rows, nullDescriptionFirst) }
}

/**
 * systemd's display order: description descending (byte order), then name ascending, then the
 * order rows were added. A row without description (only ProtectProc=noaccess has none) is a
 * cell of another type, which systemd ≤257 compares by insertion order only — an inconsistent
 * comparator, so its place depends on glibc's merge sort. We run that same merge sort over the
 * same array (header line included) to put it where systemd does. 262 puts it first.
 */
function displayOrder(rows: readonly Row[], nullDescriptionFirst: boolean): Row[] {
  const items = [HEADER, ...rows.map((r, i) => ({ r, i: i + 1 }))]
  // Without a description-less row the comparator is a total order: any sort agrees with glibc's.
  if (!rows.some((r) => r.description === null)) return items.sort(compareCells).slice(1).map((x) => x.r!)
  if (nullDescriptionFirst) {
    const nulls = rows.filter((r) => r.description === null)
    const rest = rows.filter((r) => r.description !== null)
    return [...nulls, ...glibcMergeSort(rest.map((r, i) => ({ r, i: i + 1 }))).map((x) => x.r!)]
  }
  return glibcMergeSort(items).slice(1).map((x) => x.r!)
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
  while (i < left.length && j < right.length) out.push(compareCells(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!)
  while (i < left.length) out.push(left[i++]!)
  while (j < right.length) out.push(right[j++]!)
  return out
}

/** strcmp() order of the UTF-8 bytes, which is code-point order. */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // UTF-16 order differs from code-point order only when a surrogate meets U+E000…U+FFFF.
    if ((x >= 0xd800 && x <= 0xdfff) || (y >= 0xd800 && y <= 0xdfff)) {
      return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0)
    }
    return x - y
  }
  return a.length - b.length
}

/**
 * A policy whose range is smaller than a badness (or 0), or that gives every row weight 0:
 * systemd aborts on an assertion there; we refuse with a clear message instead.
 */
export class PolicyRangeError extends Error {
  constructor(
    readonly jsonField: string,
    readonly range: number,
    readonly badness: number,
  ) {
    super(
      jsonField === '*'
        ? 'security policy gives every assessor weight 0 (systemd-analyze aborts on this)'
        : `security policy range ${range} for ${jsonField} is smaller than its badness ${badness} (systemd-analyze aborts on this)`,
    )
  }
}
