/**
 * A pull request an event names only by its number (`issue_comment`): fetched, and reviewed at
 * its current head — the commit its checks are about now.
 */
import type { PullRequestEvent } from './event.js'
import type { GitHubApi } from './github.js'

export async function fetchedPullRequest(
  api: GitHubApi,
  event: { readonly name: string; readonly number: number },
): Promise<PullRequestEvent | { readonly error: string }> {
  try {
    const pr = await api.pullRequest(event.number)
    return {
      kind: 'pull_request',
      name: event.name,
      number: pr.number,
      base: pr.base,
      head: pr.head,
      baseRef: pr.baseRef,
      fork: pr.fork,
      mergeCommits: pr.mergeCommit ? [pr.mergeCommit] : [],
    }
  } catch (e) {
    return {
      error:
        `systemd-exposure: this ${event.name} event belongs to pull request #${event.number}, which could not be read from GitHub ` +
        `(${(e as { status?: number }).status ?? 'error'}: ${(e as Error).message}); give the token 'pull-requests: read', or run the check on pull_request.`,
    }
  }
}
