/**
 * Reviewing two commits without a checkout, through GitHub's tree and blob API, at a cost that
 * follows what the change reaches, not what its directories hold:
 *
 * - both trees, one request each; they say what changed (tree-changes.ts);
 * - the targets of the links that can matter for units, one request each (GitHub's trees name a
 *   link's blob, not its target; names in enablement directories only when they name an
 *   instance), a round more for each link their resolution passes through. A link anywhere can
 *   lead a unit to a changed file, so these are all read: a repository with many links there is
 *   for a checkout;
 * - then only the files the review reads. Which files a unit's load reads — its file, its
 *   drop-ins, the build template behind either — follows from the tree, not from their content,
 *   so a first pass of the diff runs with stand-in content and records every blob it asks for;
 *   those are read, and the diff runs on the real content. Should that pass ask for more (a read
 *   that depends on content), they are read and it runs once more.
 *
 * Every blob counts against the run's budget (api-blobs.ts); past it the review stops, saying
 * what it would need.
 */
import { diffSnapshots, type DiffSettings } from '../diff/diff.js'
import { MAX_LINKS, MAX_LINK_TARGET_BYTES, type RepoTree } from '../diff/repo-tree.js'
import { gitRepoTree } from '../diff/snapshot.js'
import { treeChanges } from '../diff/tree-changes.js'
import { treeSnapshots } from '../diff/tree-snapshots.js'
import { isEnablementDirectory, isUnitRelevantPath } from '../diff/unit-paths.js'
import type { FileChange, TreeEntry } from '../git/git.js'
import { unitNameKind } from '../unit/names.js'
import { basename, dirname, UnreadableFile } from '../unit/source.js'
import type { ApiBlobs } from './api-blobs.js'
import type { GitHubApi } from './github.js'
import type { ReviewResult } from './review-result.js'

/** What the first pass reads instead of a blob not read yet: a comment, so every load goes on. */
const STAND_IN = Buffer.from('# not read yet\n')

/** Passes on real content after the first: one, and one more for reads that depend on content. */
const REAL_PASSES = 2

export async function reviewThroughApi(
  api: GitHubApi,
  blobs: ApiBlobs,
  from: string,
  to: string,
  renameHints: readonly FileChange[],
  settings: DiffSettings,
): Promise<ReviewResult> {
  let trees
  try {
    trees = await Promise.all([api.tree(from), api.tree(to)])
  } catch (e) {
    return {
      error: `systemd-exposure could not read the trees of ${from} and ${to} through the GitHub API (${(e as { status?: number }).status ?? 'error'}: ${(e as Error).message}): give the token 'contents: read', or add actions/checkout before this step.`,
    }
  }
  const [baseTree, headTree] = trees
  if (!baseTree || !headTree) {
    return {
      error:
        "systemd-exposure could not read the two commits' trees through the GitHub API (it cuts off a listing of over 100,000 files): add actions/checkout before this step.",
    }
  }
  const changes = treeChanges(baseTree, headTree, renameHints)
  const overBudget = (n: number, what: string): ReviewResult => ({
    error:
      `systemd-exposure would need ${n} more ${what} through the GitHub API to review this change without a checkout, ` +
      `past its budget of ${blobs.budget} requests a run (${blobs.requests} made): add actions/checkout before this step (git reads them all at once).`,
  })

  const linkBlobs = new Map<string, Uint8Array>()
  let baseRepo = gitRepoTree(baseTree, linkBlobs)
  let headRepo = gitRepoTree(headTree, linkBlobs)
  const attempted = new Set<string>()
  for (let round = 0; round <= MAX_LINKS; round++) {
    const needed = [...new Set([...linksToRead(baseRepo, baseTree), ...linksToRead(headRepo, headTree)])].filter(
      (sha) => !attempted.has(sha),
    )
    if (needed.length === 0) break
    for (const sha of needed) attempted.add(sha)
    const refused = await blobs.read(needed)
    if (refused) return overBudget(refused.overBudget, 'symbolic-link targets')
    for (const sha of needed) {
      const b = blobs.get(sha)
      if (b !== undefined) linkBlobs.set(sha, b)
    }
    baseRepo = gitRepoTree(baseTree, linkBlobs)
    headRepo = gitRepoTree(headTree, linkBlobs)
  }

  const diff = (strict: boolean, passSettings: DiffSettings) => {
    const asked = new Set<string>()
    const [base, head] = treeSnapshots(
      [
        { rev: from, entries: baseTree, repo: baseRepo },
        { rev: to, entries: headTree, repo: headRepo },
      ],
      blobs,
      (sha, path) => {
        asked.add(sha)
        if (strict) throw new UnreadableFile(path, 'not read from the GitHub API')
        return STAND_IN
      },
    )
    return { report: diffSnapshots(base, head, changes, passSettings), asked }
  }
  // Advice re-runs the engine per service and reads nothing more: not worth it on stand-ins.
  let { asked } = diff(false, { ...settings, recommend: false })
  for (let pass = 1; ; pass++) {
    const refused = await blobs.read(asked)
    if (refused) return overBudget(refused.overBudget, 'files')
    const real = diff(true, settings)
    if (blobs.unread(real.asked).length === 0 || pass === REAL_PASSES)
      return { report: real.report, changed: changes.length }
    asked = real.asked
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
    if (e && e.size !== null && e.size <= MAX_LINK_TARGET_BYTES) out.push(e.sha)
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
