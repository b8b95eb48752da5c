/**
 * The job summary: the full report, or as much of it as fits GitHub's limit for a step summary —
 * 1 MiB in bytes; above it the runner drops the whole summary ("supports content up to a size of
 * 1024k"). The note points at the JSON report, the step's `report-path` output: a path on the
 * runner, which a reviewer sees only if the workflow uploads it. Below the report, which commits
 * were compared (comparisons-note.ts): never left out, so the limit leaves room for it.
 */
import type { DiffReport } from '../diff/report.js'
import { fitMarkdown } from '../report/fit.js'
import type { MarkdownOptions } from '../report/markdown.js'
import { comparisonsNote } from './comparisons-note.js'

/** GitHub's limit for a step summary, in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

/** @actions/core appends a line ending (two bytes on Windows) to what it writes. */
const LINE_ENDING_BYTES = 2

export const SUMMARY_NOTE =
  "Some detail was left out to fit GitHub's 1 MiB limit for a job summary; the JSON report (the step's `report-path` output) has all of it."

export function jobSummary(
  report: DiffReport,
  options: Pick<MarkdownOptions, 'link' | 'commitLink'>,
): { markdown: string; complete: boolean } {
  const compared = report.comparisons
    ? `\n${comparisonsNote(report.comparisons.change, report.comparisons.mergeResult)}`
    : ''
  const max = SUMMARY_LIMIT_BYTES - LINE_ENDING_BYTES - Buffer.byteLength(compared, 'utf8')
  const fitted = fitMarkdown(report, { ...options, note: SUMMARY_NOTE, limit: { max, unit: 'bytes' } })
  return { markdown: fitted.markdown + compared, complete: fitted.detail === 'full' }
}
