/**
 * Posting the inline review comments (report/review-comments.ts), one review per run:
 *  - the lines they may sit on come from the pull request's patches (`GET /pulls/{n}/files`,
 *    read only until every file with a finding is found): a comment outside the hunks would make
 *    GitHub reject the whole review;
 *  - only the token's own comments that carry the marker are the action's (own-comment.ts); a
 *    finding one of them already says on the same line, in the same words, is not repeated;
 *  - an own comment whose finding has gone is edited to say it no longer applies. GitHub's REST
 *    API cannot resolve a review thread (only GraphQL's resolveReviewThread can), so the thread
 *    stays open for a reviewer to resolve, its text saying it is settled;
 *  - nothing is written for a head that is no longer the pull request's;
 *  - a pull request from a fork on `pull_request` (and its review events) gets a read-only token:
 *    no review is tried. A
 *    refusal (403, 404, 422) leaves the findings to the sticky comment and the summary, with a
 *    notice; nothing here changes the verdict.
 */
import type { DiffReport } from '../diff/report.js'
import {
  findingLines,
  pathsWithFindings,
  plannedComments,
  reviewMarker,
  settledBody,
  type DiffLine,
} from '../report/review-comments.js'
import type { GitHubApi, NewReviewComment } from './github.js'
import { findOwnComments } from './own-comment.js'
import { rightSideLines } from './patch-lines.js'
import type { CommentLog } from './publish-comment.js'

export interface ReviewTarget {
  readonly number: number
  readonly head: string
  readonly fork: boolean
  /** The event's name: a fork's `pull_request` runs with a read-only token. */
  readonly event: string
}

export interface ReviewOutcome {
  /** Comments posted in this run's review. */
  readonly posted: number
  /** Findings already commented on the same line in the same words. */
  readonly kept: number
  /** Earlier comments marked as no longer applying. */
  readonly settled: number
  /** Findings on a line of head that the diff does not show (left to the sticky comment). */
  readonly outsideDiff: number
}

/** Events that run with the fork's read-only token for a pull request from a fork (not `pull_request_target`, `issue_comment`). */
const FORK_READ_ONLY = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment'])

const NOTHING: ReviewOutcome = { posted: 0, kept: 0, settled: 0, outsideDiff: 0 }

export async function publishReview(
  log: CommentLog,
  api: GitHubApi,
  pr: ReviewTarget,
  report: DiffReport,
  key: string,
): Promise<ReviewOutcome> {
  if (pr.fork && FORK_READ_ONLY.has(pr.event)) {
    if (pathsWithFindings(report).size > 0) {
      log.notice(
        `systemd-exposure: a pull request from a fork gets a read-only token on ${pr.event}, so its findings are in the summary comment and the job summary, not inline review comments`,
      )
    }
    return NOTHING
  }
  try {
    const marker = reviewMarker(key)
    const own = await findOwnComments(
      api.reviewComments(pr.number),
      marker,
      () => api.tokenIdentity(),
      (m) => log.info(m),
    )
    // (A settled comment's marker differs: it is not found again. Replies are never the action's.)
    const open = own.filter((c) => c.inReplyTo === null)
    const wanted = pathsWithFindings(report)
    const planned =
      wanted.size === 0 ? [] : plannedComments(report, await commentableLines(api, pr.number, wanted), key)
    const outsideDiff = findingLines(report) - planned.length
    const fresh: NewReviewComment[] = []
    const kept = new Set<number>()
    for (const p of planned) {
      const same = open.find((c) => !kept.has(c.id) && c.path === p.path && c.line === p.line && c.body === p.body)
      if (same) kept.add(same.id)
      else fresh.push({ path: p.path, line: p.line, body: p.body })
    }
    const gone = open.filter((c) => !kept.has(c.id))
    if (fresh.length === 0 && gone.length === 0) return logged(log, { ...NOTHING, kept: kept.size, outsideDiff })

    const current = (await api.pullRequest(pr.number)).head
    if (current !== pr.head) {
      log.notice(
        `systemd-exposure reviewed ${pr.head}, but the pull request's head is now ${current}: the review comments are left to the run for that commit`,
      )
      return { ...NOTHING, kept: kept.size, outsideDiff }
    }
    let posted = 0
    if (fresh.length > 0) {
      const suggestions = planned.filter(
        (p) => p.suggestion && fresh.some((f) => f.body === p.body && f.line === p.line && f.path === p.path),
      ).length
      const body = `**systemd-exposure**: ${fresh.length} finding${fresh.length === 1 ? '' : 's'} on changed lines${suggestions > 0 ? `, ${suggestions} with a one-click fix` : ''}. The check's summary has the whole review.`
      await api.createReview(pr.number, pr.head, body, fresh)
      posted = fresh.length
    }
    let settled = 0
    for (const c of gone) {
      await api.updateReviewComment(c.id, settledBody(key, c.body, pr.head))
      settled++
    }
    return logged(log, { posted, kept: kept.size, settled, outsideDiff })
  } catch (e) {
    const status = (e as { status?: number }).status
    const how =
      status === 403 || status === 404 || status === 422
        ? "the findings are in the summary comment and the job summary; give the job 'permissions: pull-requests: write' for inline comments, or set review-comments: false"
        : 'the GitHub API kept failing after retries; the findings are in the summary comment and the job summary'
    log.notice(
      `systemd-exposure could not write its review comments (${status ?? 'error'}: ${(e as Error).message}); ${how}. The verdict is unaffected.`,
    )
    return NOTHING
  }
}

function logged(log: CommentLog, o: ReviewOutcome): ReviewOutcome {
  log.info(
    `systemd-exposure: ${o.posted} review comments posted, ${o.kept} already there, ${o.settled} marked as no longer applying, ${o.outsideDiff} findings outside the diff (in the summary comment)`,
  )
  return o
}

/** The commentable lines of the files that have findings, read page by page until all are found. */
async function commentableLines(
  api: GitHubApi,
  number: number,
  wanted: ReadonlySet<string>,
): Promise<Map<string, Map<number, DiffLine>>> {
  const out = new Map<string, Map<number, DiffLine>>()
  const seen = new Set<string>()
  for await (const page of api.pullFiles(number)) {
    for (const f of page) {
      if (!wanted.has(f.path)) continue
      seen.add(f.path)
      // No patch (binary, or too large for GitHub to show): no line of it can be commented on.
      if (f.patch !== null) out.set(f.path, rightSideLines(f.patch))
    }
    if (seen.size === wanted.size) break
  }
  return out
}
