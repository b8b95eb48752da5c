/**
 * Where a pull request is compared from. A pull request is compared from its merge base — where
 * head branched off base — as GitHub's "Files changed" tab and its file list do, not from base's
 * tip: commits that landed on base after the branch point are not the pull request's and must
 * neither be blamed on it nor hide its changes.
 *
 * GitHub's compare API gives the merge base (and up to 300 changed files). When it cannot
 * compare, a checkout with the whole history finds the merge base itself; a shallow one cannot
 * (its history stops before the branch point), so the review stops there.
 *
 * Which files changed is never taken from GitHub's lists alone: a comparison lists at most 300
 * files and may list none at all (`files` is optional), and a pull request's own list is of its
 * newest head, which need not be the event's. The checkout's git, or the two trees, say what
 * changed; GitHub's list only says which of those changes are renames, and where to look first.
 */
import type { FileChange, GitRepo } from '../git/git.js'
import { COMPARE_FILES_LIMIT, type GitHubApi } from './github.js'

export interface PullRequestChange {
  /** The commit the pull request is compared from. */
  readonly mergeBase: string
  /**
   * GitHub's list of the changed files (at most 300; empty when it listed none): hints only —
   * its renames pair files moved with edits, and without a checkout its paths say which
   * directories to read first.
   */
  readonly hints: readonly FileChange[]
  /** What GitHub's list lacked, when it did (for the log). */
  readonly listNote: string | null
}

export async function pullRequestChange(
  api: GitHubApi,
  pr: { readonly number: number; readonly base: string; readonly head: string },
  repo: GitRepo | null,
  log: { info(message: string): void },
): Promise<PullRequestChange | { readonly error: string }> {
  let comparison
  try {
    comparison = await api.compare(pr.base, pr.head)
  } catch (e) {
    const why = `GitHub's compare API failed (${(e as { status?: number }).status ?? 'error'}: ${(e as Error).message})`
    const local = repo ? mergeBaseFromHistory(repo, pr.base, pr.head) : null
    if (local) {
      log.info(`${why}; the merge base comes from the checkout's history`)
      return { mergeBase: local, hints: [], listNote: null }
    }
    const checkout = !repo
      ? 'there is no checkout'
      : repo.isShallow()
        ? 'the checkout is shallow'
        : 'the checkout does not hold both commits'
    return {
      error:
        `systemd-exposure cannot find where this pull request branched off its base: ${why} and ${checkout}. ` +
        'Check out the whole history (actions/checkout with fetch-depth: 0), or let the token read the repository (permissions: contents: read).',
    }
  }
  const listed = comparison.changes
  const listNote =
    listed === null
      ? "GitHub's comparison listed no files"
      : listed.length >= COMPARE_FILES_LIMIT
        ? `GitHub's comparison listed only its first ${COMPARE_FILES_LIMIT} files`
        : null
  return {
    mergeBase: comparison.mergeBase,
    hints: listed ?? [],
    listNote,
  }
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
