/**
 * Where the action reads the change from: the local checkout (preferred: `git diff` for what
 * changed, one `git cat-file --batch` for every blob, fetching just the compared commits when the
 * checkout is shallow) or, with no checkout, GitHub's tree and blob API.
 */
import type { FileChange, TreeEntry } from '../git/git.js'
import { GitRepo } from '../git/git.js'
import { blobIds, snapshotsFromGit, type GitDiffInput } from '../diff/from-git.js'
import type { RepoTree } from '../diff/repo-tree.js'
import { gitRepoTree, gitSnapshot } from '../diff/snapshot.js'
import { filesToRead, touchedDirectories } from '../diff/touched.js'
import { treeChanges } from '../diff/tree-changes.js'
import { isEnablementDirectory, isUnitRelevantPath } from '../diff/unit-paths.js'
import { unitNameKind } from '../unit/names.js'
import { basename, dirname, UnreadableFile } from '../unit/source.js'
import { MAX_LINKS, MAX_LINK_TARGET_BYTES } from '../diff/repo-tree.js'
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

/** Both sides and what changed between them, from git: `git diff` says which files changed. */
export function fromCheckout(repo: GitRepo, base: string, head: string): GitDiffInput {
  return snapshotsFromGit(repo, base, head)
}

/**
 * Link targets read through the API at most: each is one request (GitHub's trees list a link's
 * blob, not its target). Past this, links stay unread and the units behind them fail closed.
 */
export const API_LINK_LIMIT = 300

/** Requests in flight at once. */
const CONCURRENCY = 8

/**
 * Without a checkout: both trees (one request each), which say what changed (renames paired by
 * GitHub's hints, tree-changes.ts), the targets of the links that can matter for units (names in
 * enablement directories only when they name an instance), a round more for each link their
 * resolution passes through, then the files of the touched directories. Every blob is one
 * request, shared by both sides when unchanged.
 */
export async function fromApi(
  api: GitHubApi,
  base: string,
  head: string,
  renameHints: readonly FileChange[],
  log: (m: string) => void = () => {},
): Promise<GitDiffInput | null> {
  const [baseTree, headTree] = await Promise.all([api.tree(base), api.tree(head)])
  if (!baseTree || !headTree) return null
  const changes = treeChanges(baseTree, headTree, renameHints)

  const linkBlobs = new Map<string, Uint8Array>()
  let baseRepo = gitRepoTree(baseTree, linkBlobs)
  let headRepo = gitRepoTree(headTree, linkBlobs)
  const attempted = new Set<string>()
  for (let round = 0; round <= MAX_LINKS; round++) {
    const needed = [...new Set([...linksToRead(baseRepo, baseTree), ...linksToRead(headRepo, headTree)])].filter((sha) => !attempted.has(sha))
    if (needed.length === 0) break
    const room = API_LINK_LIMIT - attempted.size
    if (needed.length > room) log(`${needed.length - Math.max(room, 0)} symbolic links were not read (limit ${API_LINK_LIMIT} through the API); units behind them fail closed. A checkout reads them all.`)
    if (room <= 0) break
    for (const sha of needed.slice(0, room)) attempted.add(sha)
    await fetchAll(api, needed.slice(0, room), linkBlobs, log)
    baseRepo = gitRepoTree(baseTree, linkBlobs)
    headRepo = gitRepoTree(headTree, linkBlobs)
  }

  const dirs = touchedDirectories([baseRepo, headRepo], changes)
  const blobs = new Map<string, Uint8Array>()
  await fetchAll(api, [...new Set([...blobIds(baseTree, filesToRead(baseRepo, dirs)), ...blobIds(headTree, filesToRead(headRepo, dirs))])], blobs, log)
  const blob = (sha: string, path: string): Uint8Array => {
    const b = blobs.get(sha)
    if (b === undefined) throw new UnreadableFile(path, 'not read from the GitHub API')
    return b
  }
  return {
    base: gitSnapshot(base, baseTree, baseRepo, blob),
    head: gitSnapshot(head, headTree, headRepo, blob),
    changes,
  }
}

/**
 * Blob ids of links whose targets are still unknown and can matter: unit-relevant links, and
 * any link the resolution of one of those stops at.
 */
function linksToRead(repo: RepoTree, tree: ReadonlyMap<string, TreeEntry>): string[] {
  const out: string[] = []
  const want = (path: string): void => {
    const e = tree.get(path)
    if (e && e.size <= MAX_LINK_TARGET_BYTES) out.push(e.sha)
  }
  for (const link of repo.links()) {
    if (!isUnitRelevantPath(link)) continue
    // Enablement links are names: only one naming an instance makes a unit.
    if (isEnablementDirectory(dirname(link)) && unitNameKind(basename(link)) !== 'instance') continue
    const r = repo.resolve(link)
    if (r.kind === 'unread') want(r.link)
  }
  return out
}

/**
 * Reads blobs, CONCURRENCY at a time. One that cannot be read (after the client's retries) is
 * left out: the units that need it are then unreadable and fail closed, with the reason.
 */
async function fetchAll(api: GitHubApi, shas: readonly string[], into: Map<string, Uint8Array>, log: (m: string) => void): Promise<void> {
  const todo = shas.filter((s) => !into.has(s))
  let next = 0
  let failed = 0
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const sha = todo[next++]!
      try {
        into.set(sha, await api.blob(sha))
      } catch (e) {
        if (failed++ === 0) log(`could not read blob ${sha.slice(0, 12)} from the GitHub API (${(e as Error).message}); units that need it fail closed`)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker))
}
