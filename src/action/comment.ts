/**
 * The sticky PR comment: found again by a hidden marker (one per workflow, job and `paths`, so a
 * monorepo can run several), edited in place, and kept under GitHub's 65,536-character limit by
 * dropping detail in a fixed order: the ready-to-paste drop-ins first, then the regressions table,
 * then rows beyond the first 20 of each table, pointing to the job summary for the rest.
 */
import { createHash } from 'node:crypto'
import type { DiffReport } from '../diff/report.js'
import { linkTarget } from '../report/escape.js'
import { headline } from '../report/headline.js'
import { DETAIL_LEVELS, renderMarkdown, type MarkdownOptions } from '../report/markdown.js'

/** GitHub refuses issue comments longer than this (characters). */
export const COMMENT_LIMIT = 65_536

export function commentKey(workflow: string, job: string, paths: readonly string[]): string {
  return createHash('sha256').update(`${workflow}\n${job}\n${paths.join('\n')}`).digest('hex').slice(0, 12)
}

export const marker = (key: string): string => `<!-- systemd-exposure:comment ${key} -->`
const stateMarker = (state: 'pass' | 'fail' | 'none'): string => `<!-- systemd-exposure:state ${state} -->`

export function previousState(body: string): 'pass' | 'fail' | 'none' | null {
  const m = /<!-- systemd-exposure:state (pass|fail|none) -->/.exec(body)
  return m ? (m[1] as 'pass' | 'fail' | 'none') : null
}

export interface CommentBody {
  readonly body: string
  readonly trimmed: boolean
}

/**
 * The comment for a report. `previous` is the state the existing comment showed: a change that
 * fixes everything turns a red comment into a short resolved note instead of leaving it red.
 */
export function commentBody(
  report: DiffReport,
  key: string,
  options: Pick<MarkdownOptions, 'link'> & { previous: 'pass' | 'fail' | 'none' | null; summaryUrl: string | null; limit?: number },
): CommentBody {
  const limit = options.limit ?? COMMENT_LIMIT
  const head = `${marker(key)}\n`
  if (report.services.length === 0) {
    return { body: `${head}${stateMarker('none')}\n✅ **systemd-exposure**: this pull request no longer changes any systemd service.\n`, trimmed: false }
  }
  const state = report.verdict
  const resolved =
    options.previous === 'fail' && state === 'pass'
      ? '🎉 **Resolved**: the earlier failures of this check are fixed.\n\n'
      : ''
  const note = options.summaryUrl
    ? `Some detail was left out to fit GitHub's comment limit; the [job summary](${linkTarget(options.summaryUrl)}) has the full report.`
    : "Some detail was left out to fit GitHub's comment limit; the job summary has the full report."
  for (const detail of DETAIL_LEVELS) {
    const body = `${head}${stateMarker(state)}\n${resolved}${renderMarkdown(report, { ...options, detail, trimmedNote: note })}`
    if (body.length <= limit) return { body, trimmed: detail !== 'full' }
  }
  // Even the compact form is too long (hundreds of services): the verdict and a pointer.
  const body = `${head}${stateMarker(state)}\n${resolved}${headline(report)}\n\n${report.services.length} services changed, ${report.summary.capabilitiesWidened} capabilities widened, ${report.failures.length} gate failures. ${note}\n`
  return { body: body.slice(0, limit), trimmed: true }
}
