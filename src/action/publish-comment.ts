/**
 * Writing the sticky comment, which only ever shows the result for the pull request's current
 * head, and only once:
 *  - runs can finish out of order (two quick pushes, a re-run of an old run): before writing, the
 *    pull request's head is asked for (`GET /pulls/{n}`), and a run whose head is no longer it
 *    leaves the comment to the run for the newer head (its own verdict stands);
 *  - two runs that start together can each find no comment and each write one: the newest of the
 *    token's own marker comments is edited and the others are deleted, so one current comment
 *    remains; `comment: new` reads the previous state from the newest;
 *  - nothing is written when the comment already says exactly this (no request but the listing).
 * Failing to comment is a warning that says how to fix it; it never changes the verdict.
 */
import type { DiffReport } from '../diff/report.js'
import { commentBody, marker, previousState, type CommentOptions } from '../report/comment.js'
import type { GitHubApi } from './github.js'
import { unrecognisedAuthor } from './identity.js'
import { findOwnComments } from './own-comment.js'

export interface CommentLog {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
}

export interface CommentTarget {
  readonly number: number
  /** The head commit this run reviewed. */
  readonly head: string
  /** From a fork: the token is usually read-only. */
  readonly fork: boolean
}

export async function publishComment(
  log: CommentLog,
  api: GitHubApi,
  pr: CommentTarget,
  report: DiffReport,
  mode: 'update' | 'new',
  options: Omit<CommentOptions, 'previous'> & { readonly key: string },
): Promise<void> {
  try {
    // Only a comment the token's own account wrote is edited, and only its state is trusted.
    const own = await findOwnComments(
      api.issueComments(pr.number),
      marker(options.key),
      () => api.tokenIdentity(),
      (m) => log.info(m),
    )
    const newest = own.at(-1) ?? null
    // A PR that touches no unit (and fails nothing) gets no comment; an earlier one is updated to say so.
    if (report.services.length === 0 && report.verdict !== 'fail' && !newest) return
    const { key, ...bodyOptions } = options
    const { body, trimmed } = commentBody(report, key, {
      ...bodyOptions,
      previous: newest ? previousState(newest.body) : null,
    })
    if (trimmed) log.info("the comment was shortened to fit GitHub's limit; the job summary has more")
    if (mode === 'update' && newest && own.length === 1 && newest.body === body) return

    const current = (await api.pullRequest(pr.number)).head
    if (current !== pr.head) {
      log.notice(
        `systemd-exposure reviewed ${pr.head}, but the pull request's head is now ${current}: the comment is left to the run for that commit (this run's verdict stands)`,
      )
      return
    }
    if (mode === 'update' && newest) {
      if (newest.body !== body) await api.updateComment(newest.id, body)
      for (const duplicate of own.slice(0, -1)) await deleteDuplicate(log, api, duplicate.id)
      return
    }
    const written = await api.createComment(pr.number, body)
    const app = unrecognisedAuthor(written.author)
    if (app && mode === 'update') {
      log.warning(
        `systemd-exposure wrote its comment as ${app}, a GitHub App's bot. GitHub's REST API does not tell an app's installation token which app it is, so the action cannot prove that comment is its own and adds a new one on each run instead of editing it. Use the workflow's GITHUB_TOKEN or a personal access token for comment: update.`,
      )
    }
  } catch (e) {
    const status = (e as { status?: number }).status
    const how =
      status === 403 || status === 404
        ? pr.fork
          ? 'pull requests from forks get a read-only token: run the check on pull_request_target (it never runs PR code) or set comment: off'
          : "give the job 'permissions: pull-requests: write' (and 'contents: read')"
        : 'the GitHub API kept failing after retries'
    log.warning(
      `systemd-exposure could not write the PR comment (${status ?? 'error'}: ${(e as Error).message}); ${how}. The verdict and the job summary are unaffected.`,
    )
  }
}

/** An older copy of the comment goes; one another run deleted first (404) is gone already. */
async function deleteDuplicate(log: CommentLog, api: GitHubApi, id: number): Promise<void> {
  try {
    await api.deleteComment(id)
    log.info(`deleted comment ${id}, an older copy of this action's comment (two runs wrote one each)`)
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status !== 404)
      log.warning(
        `systemd-exposure could not delete comment ${id}, an older copy of its comment (${status ?? 'error'}: ${(e as Error).message})`,
      )
  }
}
