/**
 * A pull request for end-to-end tests of the bundled action: a real git origin with `main` and
 * `feature`, GitHub's test merge of the two as `refs/pull/7/merge` (when they merge cleanly), a
 * checkout as a workflow makes it, and the local GitHub API seeded with the pull request, its
 * merge base and the trees of every commit involved.
 */
import { rmSync } from 'node:fs'
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../support/github-server.js'
import { TOKEN, prFiles, prPayload, runBundledAction, shallowCheckout, treeContents } from './action-run.js'
import { makeRepo, type FileSpec, type TestRepo } from './git-repo.js'

export const UNIT = (extra = '') =>
  `[Unit]\nDescription=api\n\n[Service]\nExecStart=/usr/bin/api\nUser=api\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n${extra}`

export interface TestPullRequest {
  readonly origin: TestRepo
  /** The base branch's tip (the event's pull_request.base.sha). */
  readonly base: string
  /** Where the PR branched off main: `base` unless main moved on after it. */
  readonly mergeBase: string
  readonly head: string
  /** GitHub's merge of head into base (`refs/pull/7/merge`), null when they conflict. */
  readonly merge: string | null
  /** The checkout (GITHUB_WORKSPACE). */
  workspace: string
  readonly server: GitHubServer
  /** Cleans everything up (call in afterEach). */
  cleanup(): Promise<void>
}

export interface PullRequestOptions {
  /** A commit main gets after the branch point (main moved on). */
  readonly mainAfter?: Record<string, FileSpec>
  readonly server?: Partial<GitHubServerOptions>
  /**
   * What the workspace holds: a shallow checkout of the merge commit (actions/checkout on
   * pull_request), of the head, of the base tip (pull_request_target), or no checkout.
   */
  readonly checkout?: 'merge' | 'head' | 'base' | 'none'
}

export async function openPullRequest(
  baseFiles: Record<string, FileSpec>,
  headFiles: Record<string, FileSpec>,
  options: PullRequestOptions = {},
): Promise<TestPullRequest> {
  const cleanups: (() => unknown)[] = []
  const origin = makeRepo()
  cleanups.push(() => origin.cleanup())
  const mergeBase = origin.commit(baseFiles, 'base')
  origin.git('checkout', '-q', '-b', 'feature')
  const head = origin.commit(headFiles, 'head')
  let base = mergeBase
  if (options.mainAfter) {
    origin.git('checkout', '-q', 'main')
    base = origin.commit(options.mainAfter, 'main moves on')
  }
  const merge = testMerge(origin, base, head)
  origin.git('checkout', '-q', 'feature')

  const checkout = options.checkout ?? 'head'
  const at = checkout === 'merge' ? merge : checkout === 'base' ? base : head
  if (at === null) throw new Error('no merge commit to check out: base and head conflict')
  const workspace = shallowCheckout(origin, at)
  if (checkout === 'none') rmSync(`${workspace}/.git`, { recursive: true, force: true })
  cleanups.push(() => rmSync(pr.workspace, { recursive: true, force: true }))

  const server = await startGitHubServer({
    owner: 'octo',
    repo: 'units',
    token: TOKEN,
    pulls: [
      {
        number: 7,
        base: { sha: base },
        head: { sha: head },
        mergeBase: { sha: mergeBase, behindBy: base === mergeBase ? 0 : 1 },
        files: prFiles(origin, base, head),
        mergeCommit: merge,
      },
    ],
    ...options.server,
  })
  cleanups.push(() => server.close())
  // The commits and their contents, for the API's commits, trees and blobs.
  server.state.addCommit({ sha: mergeBase, message: 'base', parents: [] })
  server.state.addCommit({ sha: head, message: 'head', parents: [mergeBase] })
  if (base !== mergeBase) server.state.addCommit({ sha: base, message: 'main moves on', parents: [mergeBase] })
  if (merge) server.state.addCommit({ sha: merge, message: 'Merge head into base', parents: [base, head] })
  for (const sha of new Set([mergeBase, base, head, ...(merge ? [merge] : [])])) {
    for (const [p, c] of Object.entries(treeContents(origin, sha))) server.state.setFile(sha, p, c)
  }
  const pr: TestPullRequest = {
    origin,
    base,
    mergeBase,
    head,
    merge,
    workspace,
    server,
    async cleanup() {
      for (const c of cleanups.splice(0).reverse()) await c()
    },
  }
  return pr
}

/** GitHub's test merge: a merge commit of head into base's tip, as `refs/pull/7/merge`. */
function testMerge(origin: TestRepo, base: string, head: string): string | null {
  origin.git('checkout', '-q', '--detach', base)
  try {
    origin.git('merge', '-q', '--no-ff', '--no-edit', '-m', 'Merge head into base', head)
  } catch {
    origin.git('merge', '--abort')
    return null
  }
  const merge = origin.git('rev-parse', 'HEAD')
  origin.git('update-ref', 'refs/pull/7/merge', merge)
  return merge
}

/** The pull_request payload, with GitHub's merge commit when there is one. */
export function pullRequestPayload(pr: TestPullRequest, extra: { fork?: boolean } = {}): object {
  const payload = prPayload(7, pr.base, pr.head, extra.fork ?? false) as { pull_request: Record<string, unknown> }
  payload.pull_request['merge_commit_sha'] = pr.merge
  return payload
}

/**
 * A run on the pull request: a `pull_request` event whose GITHUB_SHA is the merge commit, as on
 * GitHub, in its checkout against its API server, unless `extra` says otherwise.
 */
export function onPullRequest<T extends { readonly env?: Readonly<Record<string, string>> }>(
  pr: TestPullRequest,
  extra: T,
) {
  return {
    workspace: pr.workspace,
    apiUrl: pr.server.url,
    event: 'pull_request',
    payload: pullRequestPayload(pr),
    ...extra,
    env: { ...(pr.merge ? { GITHUB_SHA: pr.merge } : {}), ...extra.env },
  }
}

/** Runs the bundled action on the pull request (onPullRequest). */
export function runOn(pr: TestPullRequest, extra: Partial<Parameters<typeof runBundledAction>[0]> = {}) {
  return runBundledAction(onPullRequest(pr, extra))
}

export const commentsOn = (pr: TestPullRequest) =>
  [...pr.server.state.comments.values()].filter((c) => c.issueNumber === 7)
