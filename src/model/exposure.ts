/**
 * systemd's exposure arithmetic, in integers as analyze-security.c does it: per row
 * ceil(badness·weight/range), overall ceil(100·Σ/Σweight), verdict bands, and the per-row
 * exposure column (analyze-security.c, assess() and the exposure column of its table).
 */
import type { Assessment, Assessor } from './assessors.js'
import { RowList } from './display-order.js'
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

/**
 * ⌈a/b⌉ for non-negative integers. (Written out where it is used per row: the CLI runs V8
 * without inlining, see cli/v8-tuning.ts, and this is called a few hundred times per unit.)
 */
const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b)

export function score(
  assessors: readonly Assessor[],
  results: readonly Assessment[],
  defaultDependencies: boolean,
  policy: SecurityPolicy | undefined,
  nullDescriptionFirst: boolean,
): Score {
  // Two passes over the assessors: the sums first (each row's exposure needs the total weight),
  // then the rows. Weight, range and n/a are cheap to work out again in the second pass.
  let badnessSum = 0
  let weightSum = 0
  for (let i = 0; i < assessors.length; i++) {
    const a = assessors[i]!
    const override = policy?.get(a.jsonField)
    const weight = override?.weight ?? a.weight
    const range = override?.range ?? a.range
    const r = results[i]!
    // Not applicable: see naReason().
    if (r.kind !== 'badness' || weight === 0 || (a.defaultDependenciesOnly === true && !defaultDependencies)) continue
    if (range === 0 || r.badness > range) throw new PolicyRangeError(a.jsonField, range, r.badness)
    badnessSum += Math.floor((r.badness * weight + range - 1) / range) // ⌈badness·weight/range⌉
    weightSum += weight
  }
  if (weightSum === 0) throw new PolicyRangeError('*', 0, 0)
  const exposure = ceilDiv(badnessSum * 100, weightSum)
  const rows = new RowList(assessors.length)
  for (let i = 0; i < assessors.length; i++) {
    const a = assessors[i]!
    const override = policy?.get(a.jsonField)
    const weight = override?.weight ?? a.weight
    const range = override?.range ?? a.range
    const r = results[i]!
    const na =
      weight === 0 || (a.defaultDependenciesOnly === true && !defaultDependencies)
        ? naReason(a, weight, defaultDependencies)
        : undefined
    if (na !== undefined || r.kind === 'na') {
      const description = na ?? r.description ?? override?.descriptionNa ?? a.descriptionNa ?? null
      rows.add(i, a, weight, range, null, null, description)
    } else {
      const b = r.badness
      // Which built-in text applies is decided against the built-in range, as systemd does.
      const description =
        r.description ??
        (b === 0
          ? (override?.descriptionGood ?? a.descriptionGood)
          : b === a.range
            ? (override?.descriptionBad ?? a.descriptionBad)
            : undefined) ??
        null
      // ⌈⌈badness·weight·100/range⌉/Σweight⌉
      const rowExposure =
        b > 0 ? Math.floor((Math.floor((b * weight * 100 + range - 1) / range) + weightSum - 1) / weightSum) : null
      rows.add(i, a, weight, range, b, rowExposure, description)
    }
  }
  return { exposure, verdict: verdictOf(exposure), rows: rows.inDisplayOrder(nullDescriptionFirst) }
}

/** Why a row is not applicable whatever the service says, if it is not. */
function naReason(a: Assessor, weight: number, defaultDependencies: boolean): string | undefined {
  if (a.defaultDependenciesOnly && !defaultDependencies)
    return 'Service runs in special boot phase, option is not appropriate'
  if (weight === 0) return 'Option excluded by policy, skipping'
  return undefined
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
