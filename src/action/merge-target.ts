/**
 * A pull request's merge result — what its base branch will hold once it merges — and the
 * commit it is compared with, base's tip:
 *
 * 1. GitHub's merge commit of this head (`refs/pull/N/merge`: GITHUB_SHA on `pull_request`,
 *    which actions/checkout checks out; the payload's `merge_commit_sha`), recognised by its
 *    second parent being the head, compared with its first parent, the base tip it was built on.
 * 2. In a checkout without that commit (`pull_request_target` checks out the base; a checkout of
 *    the head), the merge git builds of the head into the event's base tip (`git merge-tree`,
 *    git 2.38+).
 * 3. Otherwise (no checkout and no merge commit: GitHub has none while the two conflict), not
 *    checked, and why.
 *
 * The checkout fetches what it lacks of all this and of the change itself in one round trip.
 */
import type { GitRepo } from '../git/git.js'
import { fetchAbsent, has } from './checkout-fetch.js'
import type { PullRequestEvent } from './event.js'
import type { GitHubApi } from './github.js'

export type MergeTarget =
  | { readonly from: string; readonly to: string; readonly how: 'merge-commit' | 'merge-tree' }
  | { readonly notChecked: string }

/** `git merge-tree --write-tree` came with git 2.38. */
const MERGE_TREE_SINCE: readonly [number, number] = [2, 38]

/** A merge commit of `head`: its base-side parent, or null. */
function builtOn(parents: readonly string[], head: string): string | null {
  return parents.length === 2 && parents[1] === head ? parents[0]! : null
}

/**
 * Fetches what the checkout lacks to compare `from` with the head and to find the merge result.
 * `unfetched` names a commit of the change origin would not give (then read it through the API).
 */
export function prepareCheckout(
  repo: GitRepo,
  pr: PullRequestEvent | null,
  from: string,
  head: string,
  log: (m: string) => void,
): { readonly unfetched: string | null; readonly merge: MergeTarget | null } {
  if (pr === null) {
    const absent = fetchAbsent(repo, [from, head], log)
    return { unfetched: [from, head].find((s) => absent.has(s)) ?? null, merge: null }
  }
  // GitHub's merge commit in the checkout (pull_request checks it out): its parents say which.
  let local: { readonly commit: string; readonly base: string } | null = null
  for (const commit of pr.mergeCommits) {
    const base = has(repo, commit) ? builtOn(repo.parents(commit), head) : null
    if (base !== null) {
      local = { commit, base }
      break
    }
  }
  const baseTip = local?.base ?? pr.base
  const absent = fetchAbsent(repo, [from, head, baseTip], log)
  const unfetched = [from, head].find((s) => absent.has(s)) ?? null
  if (unfetched !== null) return { unfetched, merge: null }
  if (absent.has(baseTip))
    return { unfetched: null, merge: { notChecked: `the checkout could not fetch ${baseTip}, the base branch's tip` } }
  if (local !== null) return { unfetched: null, merge: { from: local.base, to: local.commit, how: 'merge-commit' } }
  return { unfetched: null, merge: builtMerge(repo, pr, from, log) }
}

/** The merge of head into the event's base tip, built by git; GitHub's own on an older git. */
function builtMerge(repo: GitRepo, pr: PullRequestEvent, mergeBase: string, log: (m: string) => void): MergeTarget {
  const [major, minor] = repo.version()
  if (major > MERGE_TREE_SINCE[0] || (major === MERGE_TREE_SINCE[0] && minor >= MERGE_TREE_SINCE[1])) {
    const merged = repo.mergeTree(mergeBase, pr.base, pr.head)
    if ('tree' in merged) return { from: pr.base, to: merged.tree, how: 'merge-tree' }
    const shown = merged.conflicts.slice(0, 5).join(', ') + (merged.conflicts.length > 5 ? ', …' : '')
    return {
      notChecked: `the head does not merge into ${pr.base} without conflicts (in ${shown}); GitHub cannot merge it either until they are resolved, which is a new head to review`,
    }
  }
  // An older git: GitHub's merge commit, fetched.
  const candidates = pr.mergeCommits
  if (candidates.length === 0)
    return {
      notChecked: `git ${major}.${minor} cannot build the merge (git merge-tree --write-tree needs 2.38), and GitHub names no merge commit`,
    }
  fetchAbsent(repo, candidates, log)
  for (const commit of candidates) {
    const base = has(repo, commit) ? builtOn(repo.parents(commit), pr.head) : null
    if (base === null) continue
    if (fetchAbsent(repo, [base], log).size > 0)
      return { notChecked: `the checkout could not fetch ${base}, the base tip GitHub's merge commit was built on` }
    return { from: base, to: commit, how: 'merge-commit' }
  }
  return {
    notChecked: `git ${major}.${minor} cannot build the merge (git merge-tree --write-tree needs 2.38), and GitHub's merge commit is not of this head`,
  }
}

/** Without a checkout: GitHub's merge commit of this head, recognised by its parents. */
export async function mergeTargetThroughApi(api: GitHubApi, pr: PullRequestEvent): Promise<MergeTarget> {
  const problems: string[] = []
  for (const commit of pr.mergeCommits) {
    try {
      const base = builtOn(await api.commitParents(commit), pr.head)
      if (base !== null) return { from: base, to: commit, how: 'merge-commit' }
      problems.push(`${commit} is not GitHub's merge of this head`)
    } catch (e) {
      problems.push(
        `${commit} could not be read (${(e as { status?: number }).status ?? 'error'}: ${(e as Error).message})`,
      )
    }
  }
  const why =
    problems.length > 0
      ? problems.join('; ')
      : 'the event names no merge commit (GitHub has none while the head conflicts with the base)'
  return { notChecked: `without a checkout only GitHub's merge commit can show it, and ${why}` }
}
