/** One affected service, base against head: scores and the rows that moved. */
import type { AssessResult, ServiceAssessment } from '../engine.js'
import { ASSESSORS } from '../model/assessors.js'
import { formatExposure, type Row } from '../model/exposure.js'
import type { ExposureRef, RowChange } from './report.js'
import { blame } from './trace.js'

const READS = new Map(ASSESSORS.map((a) => [a.id, a.reads]))

export const exposureRef = (a: AssessResult | null): ExposureRef | null =>
  a && a.ok ? { exposure: Number(formatExposure(a.exposure)), verdict: a.verdict } : null

/** The row's share of the score as systemd prints it in the EXPOSURE column (0.2), null for none. */
const rowExposure = (r: Row): number | null => (r.exposure === null ? null : Number(formatExposure(r.exposure)))

/** Rows whose badness moved between two scored sides (rows not applicable on a side are skipped). */
export function rowChanges(
  base: ServiceAssessment | null,
  head: ServiceAssessment,
): { regressions: RowChange[]; improvements: RowChange[] } {
  const regressions: RowChange[] = []
  const improvements: RowChange[] = []
  const before = new Map(base?.rows.map((r) => [r.id, r]) ?? [])
  // Rows in systemd's built-in order, so the report is stable.
  for (const a of ASSESSORS) {
    const h = head.rows.find((r) => r.id === a.id)!
    const b = before.get(a.id)
    if (h.badness === null || (base && (!b || b.badness === null))) continue
    const was = b?.badness ?? 0
    if (h.badness === was) continue
    const line = blame(base?.service ?? null, head.service, READS.get(a.id) ?? [])
    const change: RowChange = {
      id: a.id,
      before: base ? was : null,
      after: h.badness,
      range: h.range,
      exposureBefore: base ? rowExposure(b!) : null,
      exposureAfter: rowExposure(h),
      description: h.description,
      file: line?.file ?? null,
      line: line?.line ?? null,
      removedLine: line?.removed ?? false,
    }
    if (h.badness > was) regressions.push(change)
    else improvements.push(change)
  }
  return { regressions, improvements }
}
