/**
 * The checkout the action reads the change from (preferred: `git diff` for what changed, one
 * `git cat-file --batch` for every blob, fetching just the compared commits when the checkout is
 * shallow). Without one, api-review.ts reads GitHub's tree and blob API.
 */
import { existsSync } from 'node:fs'
import { diffSnapshots, type DiffSettings } from '../diff/diff.js'
import { snapshotsFromGit } from '../diff/from-git.js'
import { GitRepo } from '../git/git.js'
import type { ReviewResult } from './review-result.js'

/** The git repository the checkout at `dir` is in, or null (no checkout, or no directory). */
export function openRepository(dir: string): GitRepo | null {
  if (!existsSync(dir)) return null
  return GitRepo.open(dir)
}

/** Compares two commits of the checkout: `git diff` says which files changed. */
export function reviewInCheckout(repo: GitRepo, from: string, to: string, settings: DiffSettings): ReviewResult {
  const input = snapshotsFromGit(repo, from, to)
  return {
    report: diffSnapshots(input.base, input.head, input.changes, settings),
    changed: input.changes.length,
    linksFollowed: 'everywhere',
  }
}
