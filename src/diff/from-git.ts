/** Builds both sides of a diff from a git repository (the only part of the diff that runs git). */
import type { FileChange, GitRepo } from '../git/git.js'
import { isInTouchedDirectory, touchedDirectories } from './affected.js'
import { gitSnapshot, wantedBlobs, worktreeSnapshot, type Snapshot } from './snapshot.js'

export interface GitDiffInput {
  readonly base: Snapshot
  readonly head: Snapshot
  readonly changes: readonly FileChange[]
}

/**
 * @param head a commit, or null for the work tree
 */
export function snapshotsFromGit(
  repo: GitRepo,
  base: string,
  head: string | null,
  pathspecs: readonly string[] = [],
  knownChanges?: readonly FileChange[],
): GitDiffInput {
  // The changed files may come from elsewhere (the pull request's file list on GitHub).
  const changes = knownChanges ?? repo.changes(base, head, pathspecs)
  const dirs = touchedDirectories(changes)
  const wanted = (p: string): boolean => isInTouchedDirectory(p, dirs)
  const baseTree = repo.tree(base)
  const headTree = head === null ? null : repo.tree(head)
  // Every blob either side needs, read by one git process.
  const blobs = repo.readBlobs([...wantedBlobs(baseTree, wanted), ...(headTree ? wantedBlobs(headTree, wanted) : [])])
  return {
    base: gitSnapshot(base, baseTree, blobs, wanted),
    head: headTree ? gitSnapshot(head!, headTree, blobs, wanted) : worktreeSnapshot(repo.topLevel(), repo.worktreeFiles()),
    changes,
  }
}
