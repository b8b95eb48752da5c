/**
 * The review of one event's change: which commits to compare, where to read them (the checkout,
 * fetching what a shallow one lacks in one round trip, or GitHub's API), the report — and for a
 * pull request its merge result too, whose widenings the change does not show fail the gate.
 *
 * The commit compared from: a pull request's merge base (pull-change.ts); a merge group's base,
 * which its head is built on; a push's branch tip before the push — the branch's own two states.
 * Which files changed comes from git, or from the two trees.
 */
import type { DiffSettings } from '../diff/diff.js'
import { withMergeResult } from '../diff/merge-check.js'
import type { ComparedCommits, DiffReport } from '../diff/report.js'
import type { FileChange, GitRepo } from '../git/git.js'
import { ApiObjects } from './api-objects.js'
import { reviewThroughApi } from './api-review.js'
import type { PullRequestEvent } from './event.js'
import type { GitHubApi } from './github.js'
import { checkMergeResult } from './merge-result.js'
import { mergeTargetThroughApi, prepareCheckout, type MergeTarget } from './merge-target.js'
import { pullRequestChange } from './pull-change.js'
import type { ReviewResult } from './review-result.js'
import { reviewInCheckout } from './sources.js'

export type ChangeEvent =
  | PullRequestEvent
  | { readonly kind: 'push' | 'merge_group'; readonly name: string; readonly base: string; readonly head: string }

export interface ReviewLog {
  info(message: string): void
  warning(message: string): void
}

/** The report, and the checkout it was read from (null: through the API). */
export type ReviewedChange = { readonly report: DiffReport; readonly repo: GitRepo | null } | { readonly error: string }

export async function reviewChange(
  api: GitHubApi,
  event: ChangeEvent,
  checkout: GitRepo | null,
  options: { readonly settings: DiffSettings; readonly log: ReviewLog },
): Promise<ReviewedChange> {
  const { settings, log } = options
  let repo = checkout
  let from = event.base
  let hints: readonly FileChange[] = []
  let listNote: string | null = null
  const pr = event.kind === 'pull_request' ? event : null
  if (pr) {
    const change = await pullRequestChange(api, pr, repo, { info: (m) => log.info(m) })
    if ('error' in change) return change
    from = change.mergeBase
    hints = change.hints
    listNote = change.listNote
    log.info(
      `systemd-exposure: comparing ${from} (the merge base of the base ${pr.base} and the head) with the head ${pr.head}`,
    )
  } else {
    const what = event.kind === 'merge_group' ? "the merge group's base" : 'the branch before the push'
    log.info(`systemd-exposure: comparing ${from} (${what}) with ${event.head}`)
  }

  let merge: MergeTarget | null = null
  let unfetched: string | null = null
  if (repo) {
    const prepared = prepareCheckout(repo, pr, from, event.head, (m) => log.info(m))
    unfetched = prepared.unfetched
    merge = prepared.merge
    if (unfetched) {
      repo = null
      log.info('reading the change through the GitHub API instead')
    }
  }
  const objects = new ApiObjects(api, (m) => log.warning(m))
  const source = repo
  const review = (a: string, b: string, hints: readonly FileChange[] = []): Promise<ReviewResult> | ReviewResult =>
    source ? reviewInCheckout(source, a, b, settings) : reviewThroughApi(objects, a, b, hints, settings)

  const reviewed = await review(from, event.head, hints)
  if ('error' in reviewed) {
    const fetchNote = unfetched
      ? ` The checkout could not fetch ${unfetched} from origin either: check out the whole history (actions/checkout with fetch-depth: 0).`
      : ''
    return { error: reviewed.error + fetchNote }
  }
  log.info(
    `systemd-exposure: ${reviewed.changed} files changed, as ${repo ? 'git lists' : 'the two trees list'} them${listNote ? ` (${listNote})` : ''}`,
  )

  const compared: ComparedCommits = {
    from,
    to: event.head,
    what: pr ? 'merge-base' : event.kind === 'merge_group' ? 'merge-group-base' : 'before-push',
    readFrom: repo ? 'checkout' : 'github-api',
    linksFollowed: reviewed.linksFollowed,
  }
  let report: DiffReport = { ...reviewed.report, comparisons: { change: compared, mergeResult: null } }
  if (pr) {
    const target = merge ?? (await mergeTargetThroughApi(api, pr))
    if ('from' in target) {
      const how = target.how === 'merge-commit' ? "GitHub's merge commit" : 'the merge git built'
      log.info(
        `systemd-exposure: comparing the merge result ${target.to} (${how}) with the base branch's tip ${target.from}`,
      )
    }
    const check = await checkMergeResult(target, review, reviewed.report)
    if ('error' in check) return { error: `${check.error} (reading the merge result)` }
    if (!check.checked) log.warning(`systemd-exposure did not check the merge result: ${check.why}.`)
    const into = 'from' in target ? `${pr.baseRef ?? 'the base branch'} (${target.from.slice(0, 12)})` : ''
    report = withMergeResult(reviewed.report, compared, check, into, settings.gate)
  }
  if (!repo)
    log.info(
      `systemd-exposure: ${objects.requests} requests for git objects through the GitHub API (budget ${objects.budget})`,
    )
  return { report, repo }
}
