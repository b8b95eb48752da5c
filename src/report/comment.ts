/**
 * The sticky PR comment: found again by a hidden marker (one per workflow, job and `paths`, so a
 * monorepo can run several), edited in place, and kept under GitHub's 65,536-character limit by
 * dropping detail in a fixed order (src/report/fit.ts) — the ready-to-paste drop-ins, the
 * regressions table, items beyond the first 20 of every table and list, then all but the verdict,
 * the pull request's own waivers and the failures — pointing to the job summary for the rest. It
 * names the head commit it reviewed, in its text and in its state marker.
 */
import { createHash } from 'node:crypto'
import type { DiffReport } from '../diff/report.js'
import { linkTarget } from './escape.js'
import { fitMarkdown } from './fit.js'
import { footer, type MarkdownOptions } from './markdown.js'

/** GitHub refuses issue comments longer than this (characters). */
export const COMMENT_LIMIT = 65_536

export function commentKey(workflow: string, job: string, paths: readonly string[]): string {
  return createHash('sha256')
    .update(`${workflow}\n${job}\n${paths.join('\n')}`)
    .digest('hex')
    .slice(0, 12)
}

export const marker = (key: string): string => `<!-- systemd-exposure:comment ${key} -->`

/** The verdict the comment shows, and the head commit it is about. */
const stateMarker = (state: 'pass' | 'fail' | 'none', head: string | null): string =>
  `<!-- systemd-exposure:state ${state}${head !== null ? ` head=${head}` : ''} -->`

export function previousState(body: string): 'pass' | 'fail' | 'none' | null {
  const m = /<!-- systemd-exposure:state (pass|fail|none)(?: head=[0-9a-f]+)? -->/.exec(body)
  return m ? (m[1] as 'pass' | 'fail' | 'none') : null
}

export interface CommentBody {
  readonly body: string
  readonly trimmed: boolean
}

export interface CommentOptions extends Pick<MarkdownOptions, 'link' | 'commitLink'> {
  /** The state the existing comment showed (null: no comment yet). */
  readonly previous: 'pass' | 'fail' | 'none' | null
  /** The run's page, where the job summary is. */
  readonly summaryUrl: string | null
  /** The job summary has the whole report (false: it was shortened to fit its own limit). */
  readonly summaryComplete?: boolean
  readonly limit?: number
}

/**
 * The comment for a report. A change that fixes everything turns a red comment into a short
 * resolved note instead of leaving it red.
 */
export function commentBody(report: DiffReport, key: string, options: CommentOptions): CommentBody {
  const limit = options.limit ?? COMMENT_LIMIT
  const head = `${marker(key)}\n`
  // (A pull request that changes no unit can still fail: on its merge result.)
  if (report.services.length === 0 && report.verdict !== 'fail') {
    return {
      body: `${head}${stateMarker('none', report.head.rev)}\n✅ **systemd-exposure**: this pull request no longer changes any systemd service.\n\n${footer(report, options)}\n`,
      trimmed: false,
    }
  }
  const state = report.verdict
  const resolved =
    options.previous === 'fail' && state === 'pass'
      ? '🎉 **Resolved**: the earlier failures of this check are fixed.\n\n'
      : ''
  const prefix = `${head}${stateMarker(state, report.head.rev)}\n${resolved}`
  const fitted = fitMarkdown(report, {
    ...(options.link ? { link: options.link } : {}),
    ...(options.commitLink ? { commitLink: options.commitLink } : {}),
    note: trimmedNote(options),
    limit: { max: limit - prefix.length, unit: 'characters' },
    glance: {
      max: GLANCE_LIMIT - prefix.length,
      foldedNote: `The ready-to-paste drop-ins are in ${summaryLink(options)}.`,
    },
  })
  return { body: `${prefix}${fitted.markdown}`, trimmed: fitted.detail !== 'full' }
}

/**
 * A comment longer than this is more than a reviewer reads at a glance (about one screen): the
 * drop-ins, folded anyway, move to the job summary.
 */
export const GLANCE_LIMIT = 4000

const summaryLink = (options: CommentOptions): string =>
  options.summaryUrl ? `the [job summary](${linkTarget(options.summaryUrl)})` : 'the job summary'

function trimmedNote(options: CommentOptions): string {
  const summary = summaryLink(options)
  return options.summaryComplete === false
    ? `Some detail was left out to fit GitHub's comment limit; ${summary} has more, and the JSON report (the step's \`report-path\` output) all of it.`
    : `Some detail was left out to fit GitHub's comment limit; ${summary} has the full report.`
}
