/**
 * The step's one-line reason for failing, in the log: the failures' messages, each clipped (they
 * quote the pull request), the first few of them, then a count.
 */
import type { DiffReport } from '../diff/report.js'
import { SHOWN_MAX } from '../report/escape.js'
import { clip } from '../text/visible.js'

/** Failure messages the line names. */
const FAILURES_NAMED = 10

export function failureLine(report: DiffReport): string {
  const named = report.failures.slice(0, FAILURES_NAMED).map((f) => clip(f.message, SHOWN_MAX))
  const more = report.failures.length - named.length
  return `systemd-exposure: ${named.join('; ')}${more > 0 ? `; and ${more} more gate failures` : ''}`
}
