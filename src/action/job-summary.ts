/**
 * The job summary: the full report, or as much of it as fits GitHub's limit for a step summary —
 * 1 MiB in bytes; above it the runner drops the whole summary ("supports content up to a size of
 * 1024k"). The note points at the JSON report, the step's `report-path` output: a path on the
 * runner, which a reviewer sees only if the workflow uploads it.
 */
import type { DiffReport } from '../diff/report.js'
import { fitMarkdown } from '../report/fit.js'
import type { MarkdownOptions } from '../report/markdown.js'

/** GitHub's limit for a step summary, in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

/** @actions/core appends a line ending (two bytes on Windows) to what it writes. */
const LINE_ENDING_BYTES = 2

export const SUMMARY_NOTE =
  "Some detail was left out to fit GitHub's 1 MiB limit for a job summary; the JSON report (the step's `report-path` output) has all of it."

export function jobSummary(report: DiffReport, options: Pick<MarkdownOptions, 'link' | 'commitLink'>): { markdown: string; complete: boolean } {
  const fitted = fitMarkdown(report, { ...options, note: SUMMARY_NOTE, limit: { max: SUMMARY_LIMIT_BYTES - LINE_ENDING_BYTES, unit: 'bytes' } })
  return { markdown: fitted.markdown, complete: fitted.detail === 'full' }
}
