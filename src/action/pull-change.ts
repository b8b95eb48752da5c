/**
 * What a pull request changes, and from which commit. A pull request is compared from its merge
 * base — where head branched off base — as GitHub's "Files changed" tab and its file list do, not
 * from base's tip: commits that landed on base after the branch point are not the pull request's
 * and must neither be blamed on it nor hide its changes.
 *
 * One request answers both questions: GitHub's compare API gives the merge base and (up to 300)
 * changed files. A bigger change lists the PR's files (up to 3,000), then falls back to git. When
 * the API cannot compare, a checkout with the whole history finds the merge base itself; a
 * shallow one cannot (its history stops before the branch point), so the review stops there.
 */
import type { FileChange, GitRepo } from '../git/git.js'
import type { GitHubApi } from './github.js'

export interface PullRequestChange {
  /** The commit the pull request is compared from. */
  readonly mergeBase: string
  /** The changed files; undefined when they must be read from git (GitHub's lists were cut off). */
  readonly changes: FileChange[] | undefined
}

export interface ChangeLog {
  info(message: string): void
  warning(message: string): void
}

export async function pullRequestChange(
  api: GitHubApi,
  pr: { readonly number: number; readonly base: string; readonly head: string },
  repo: GitRepo | null,
  log: ChangeLog,
): Promise<PullRequestChange | { readonly error: string }> {
  let comparison
  try {
    comparison = await api.compare(pr.base, pr.head)
  } catch (e) {
    const why = `GitHub's compare API failed (${(e as { status?: number }).status ?? 'error'}: ${(e as Error).message})`
    const local = repo ? mergeBaseFromHistory(repo, pr.base, pr.head) : null
    if (local) {
      log.info(`${why}; the merge base comes from the checkout's history and the changed files from git`)
      return { mergeBase: local, changes: undefined }
    }
    const checkout = !repo ? 'there is no checkout' : repo.isShallow() ? 'the checkout is shallow' : 'the checkout does not hold both commits'
    return {
      error:
        `systemd-exposure cannot find where this pull request branched off its base: ${why} and ${checkout}. ` +
        "Check out the whole history (actions/checkout with fetch-depth: 0), or let the token read the repository (permissions: contents: read).",
    }
  }
  if (comparison.complete) return { mergeBase: comparison.mergeBase, changes: comparison.changes }
  const listed = await api.listPullFiles(pr.number)
  if (listed.complete) return { mergeBase: comparison.mergeBase, changes: listed.changes }
  log.warning(`GitHub lists only the first ${listed.changes.length} files of this pull request; reading the change from git instead.`)
  return { mergeBase: comparison.mergeBase, changes: undefined }
}

/** `git merge-base`, only where the history is whole: a shallow one can give a wrong answer. */
function mergeBaseFromHistory(repo: GitRepo, base: string, head: string): string | null {
  try {
    if (repo.isShallow()) return null
    return repo.mergeBase(repo.resolve(base), repo.resolve(head))
  } catch {
    return null
  }
}
