/**
 * Commits a shallow checkout lacks, fetched from origin in one round trip (depth 1: just those
 * commits and their trees, nothing of their history). A commit origin will not give is
 * reported, not fatal: the caller decides what to do without it.
 */
import type { GitRepo } from '../git/git.js'

export function has(repo: GitRepo, sha: string): boolean {
  try {
    repo.resolve(sha)
    return true
  } catch {
    return false
  }
}

/** Fetches the commits the checkout lacks; answers those it still lacks. */
export function fetchAbsent(repo: GitRepo, shas: readonly string[], log: (m: string) => void): Set<string> {
  const absent = [...new Set(shas)].filter((s) => !has(repo, s))
  if (absent.length === 0) return new Set()
  log(`fetching ${absent.join(', ')} (not in the checkout)`)
  try {
    repo.fetchCommits(absent)
  } catch {
    // One commit origin will not give fails the whole fetch: then each on its own, to know which.
    for (const sha of absent) {
      try {
        repo.fetchCommits([sha])
      } catch (e) {
        log(`could not fetch ${sha}: ${(e as Error).message}`)
      }
    }
  }
  return new Set(absent.filter((s) => !has(repo, s)))
}
