/**
 * Builds both sides of a diff from a git repository (the only part of the diff that runs git).
 *
 * Git calls: `diff` (+ `ls-files --others` for the work tree), one `ls-tree` per revision, one
 * `cat-file --batch` for every symbolic link's target on both sides (link blobs are tiny), and
 * one for the files the touched directories hold. A file the plan missed is read on demand.
 * In a partial clone each of the two batches is first fetched in one request, of just the blobs
 * the clone lacks: those of links and files the change touched, not the repository's.
 *
 * Every tree is listed whole and every link's target read: a link anywhere in the repository
 * can lead a unit to a changed file (touched.ts), and only the whole tree says where links are.
 */
import type { FileChange, GitRepo, TreeEntry } from '../git/git.js'
import { errorMessage } from '../text/error-message.js'
import { MAX_UNIT_FILE_BYTES } from '../unit/fs-source.js'
import { UnreadableFile } from '../unit/source.js'
import type { RepoTree } from './repo-tree.js'
import { gitRepoTree, linkBlobIds, type Snapshot } from './snapshot.js'
import { changedPaths, filesToRead, touchedDirectories } from './touched.js'
import { treeSnapshots } from './tree-snapshots.js'
import { worktreeSnapshot, worktreeTree } from './worktree.js'

export interface GitDiffInput {
  readonly base: Snapshot
  readonly head: Snapshot
  readonly changes: readonly FileChange[]
}

/**
 * @param head a commit, or null for the work tree
 * @param pathspecs limit the changes considered (git pathspecs); links are still followed
 *   anywhere in the repository
 */
export function snapshotsFromGit(
  repo: GitRepo,
  base: string,
  head: string | null,
  pathspecs: readonly string[] = [],
  knownChanges?: readonly FileChange[],
): GitDiffInput {
  const baseTree = repo.tree(base)
  const headTree = head === null ? null : repo.tree(head)
  // The changed files may come from elsewhere (the pull request's file list on GitHub). A name
  // in it that is in neither tree was mangled on the way (GitHub's JSON cannot carry bytes that
  // are not UTF-8): then git says what changed.
  const known = knownChanges?.every((c) =>
    [c.path, c.oldPath].every((p) => p === undefined || baseTree.has(p) || headTree?.has(p) === true),
  )
  const changes = known === true ? knownChanges! : repo.changes(base, head, pathspecs)
  const linkIds = [...linkBlobIds(baseTree), ...(headTree ? linkBlobIds(headTree) : [])]
  repo.prefetch(linkIds)
  const linkBlobs = repo.readBlobs(linkIds)
  const baseRepo = gitRepoTree(baseTree, linkBlobs)
  let headRepo: RepoTree
  let root = ''
  if (headTree) headRepo = gitRepoTree(headTree, linkBlobs)
  else {
    // git compared every work-tree path with base: only what it found changed is looked at on
    // disk (a narrowed change list cannot say that, so then git is asked for the whole one).
    const all = pathspecs.length === 0 && knownChanges === undefined ? changes : repo.changes(base, null)
    root = repo.topLevel()
    headRepo = worktreeTree(root, repo.worktreeFiles(), baseRepo, changedPaths(all))
  }

  const dirs = touchedDirectories([baseRepo, headRepo], changes)
  const wanted = [
    ...blobIds(baseTree, filesToRead(baseRepo, dirs)),
    ...(headTree ? blobIds(headTree, filesToRead(headRepo, dirs)) : []),
  ]
  repo.prefetch(wanted)
  const blobs = new Map(repo.readBlobs(wanted))
  // A file the plan missed is read on demand.
  const readOnDemand = (sha: string, path: string): Uint8Array => {
    let b
    try {
      b = repo.readBlobs([sha]).get(sha)
    } catch (e) {
      throw new UnreadableFile(path, errorMessage(e))
    }
    if (b === undefined) throw new UnreadableFile(path, `git has no blob ${sha}`)
    blobs.set(sha, b)
    return b
  }
  const baseSide = { rev: base, entries: baseTree, repo: baseRepo }
  const [baseSnapshot, headSnapshot] = treeSnapshots(
    headTree ? [baseSide, { rev: head!, entries: headTree, repo: headRepo }] : [baseSide],
    blobs,
    readOnDemand,
  )
  return { base: baseSnapshot, head: headSnapshot ?? worktreeSnapshot(root, headRepo), changes }
}

/**
 * Blob ids of regular files, none known to be too large for a unit (those are refused by size,
 * unread; one of unknown size is refused once read).
 */
export function blobIds(tree: ReadonlyMap<string, TreeEntry>, paths: Iterable<string>): string[] {
  const out: string[] = []
  for (const p of paths) {
    const e = tree.get(p)
    if (e && e.mode !== '120000' && (e.size === null || e.size <= MAX_UNIT_FILE_BYTES)) out.push(e.sha)
  }
  return out
}
