/**
 * Where the action reads the change from: the local checkout (preferred: one `git cat-file
 * --batch` for every blob, fetching just the compared commits when the checkout is shallow) or,
 * with no checkout, GitHub's tree and blob API.
 */
import type { FileChange } from '../git/git.js'
import { GitRepo } from '../git/git.js'
import { isInTouchedDirectory, touchedDirectories } from '../diff/affected.js'
import { snapshotsFromGit, type GitDiffInput } from '../diff/from-git.js'
import { gitSnapshot, wantedBlobs } from '../diff/snapshot.js'
import type { GitHubApi } from './github.js'

/** The git repository the checkout at `dir` is in, or null (no checkout). */
export function openRepository(dir: string): GitRepo | null {
  const repo = new GitRepo(dir)
  try {
    repo.topLevel()
    return repo
  } catch {
    return null
  }
}

/**
 * Makes sure the checkout holds each commit, fetching just the missing ones (a shallow checkout
 * has one commit). Returns the first commit it could not get, or null when all are there.
 */
export function fetchMissing(repo: GitRepo, shas: readonly string[], log: (m: string) => void): string | null {
  for (const sha of shas) {
    try {
      repo.resolve(sha)
      continue
    } catch {
      // Not in the checkout: fetch just that commit.
    }
    try {
      log(`fetching ${sha} (not in the checkout)`)
      repo.run(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha])
      repo.resolve(sha)
    } catch (e) {
      log(`could not fetch ${sha}: ${(e as Error).message}`)
      return sha
    }
  }
  return null
}

export function fromCheckout(repo: GitRepo, base: string, head: string, changes?: readonly FileChange[]): GitDiffInput {
  return snapshotsFromGit(repo, base, head, [], changes)
}

export async function fromApi(api: GitHubApi, base: string, head: string, changes: readonly FileChange[]): Promise<GitDiffInput | null> {
  const dirs = touchedDirectories(changes)
  const wanted = (p: string): boolean => isInTouchedDirectory(p, dirs)
  const [baseTree, headTree] = await Promise.all([api.tree(base), api.tree(head)])
  if (!baseTree || !headTree) return null
  const shas = [...new Set([...wantedBlobs(baseTree, wanted), ...wantedBlobs(headTree, wanted)])]
  const blobs = new Map<string, Uint8Array>()
  for (const sha of shas) blobs.set(sha, await api.blob(sha))
  return {
    base: gitSnapshot(base, baseTree, blobs, wanted),
    head: gitSnapshot(head, headTree, blobs, wanted),
    changes,
  }
}
