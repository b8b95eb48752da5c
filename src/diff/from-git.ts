/**
 * Builds both sides of a diff from a git repository (the only part of the diff that runs git).
 *
 * Two commits cost what the change costs: `git diff --raw` says what changed (with modes and
 * blob ids); one `ls-tree -r -t` of base names every directory and symbolic link — a link
 * anywhere in the repository can lead a unit to a changed file (touched.ts) — and head's follow
 * from base's and the changes (revision-store.ts). Only those records become strings; the files
 * are listed a directory at a time (`ls-tree` of one tree), for the directories a diff asks
 * about: the touched ones, their drop-in directories, the ones links lead through. Then one
 * `cat-file --batch` for every link's target (link blobs are tiny) and one for the files the
 * touched directories hold; a file the plan missed is read on demand. In a partial clone each
 * batch is first fetched in one request, of just the blobs the clone lacks.
 *
 * The work tree as head lists base whole: its unchanged paths take their entries from base
 * (worktree.ts), and `ls-files` lists every path of the checkout anyway.
 */
import { LINK_MODE, type FileChange, type GitRepo, type TreeEntry } from '../git/git.js'
import { errorMessage } from '../text/error-message.js'
import { MAX_UNIT_FILE_BYTES } from '../unit/fs-source.js'
import { UnreadableFile } from '../unit/source.js'
import { MAX_LINK_TARGET_BYTES, RepoTree } from './repo-tree.js'
import { headLayout, RevisionStore, type RevisionLayout } from './revision-store.js'
import { gitRepoTree, gitSnapshot, linkBlobIds, treeSnapshot, type Snapshot } from './snapshot.js'
import { changedPaths, filesToRead, touchedDirectories } from './touched.js'
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
  if (head === null) return worktreeSnapshots(repo, base, pathspecs, knownChanges)
  const raw = repo.rawChanges(base, head)
  // The changed files may come from elsewhere (the pull request's file list on GitHub). A name
  // in it that git does not list was mangled on the way (GitHub's JSON cannot carry bytes that
  // are not UTF-8): then git says what changed.
  const rawPaths = changedPaths(raw)
  const known = knownChanges?.every((c) => [c.path, c.oldPath].every((p) => p === undefined || rawPaths.has(p)))
  const changes =
    known === true
      ? knownChanges!
      : pathspecs.length > 0
        ? repo.changes(base, head, pathspecs)
        : raw.map(({ status, path, oldPath }) => (oldPath === undefined ? { status, path } : { status, path, oldPath }))

  const baseLayout = layoutOf(repo, base)
  const layouts = [baseLayout, headLayout(baseLayout, raw)] as const
  if (FULL_ID.test(head)) layoutsOf(repo).set(head, layouts[1])
  const linkIds = [...new Set(layouts.flatMap((l) => [...l.links.values()]))]
  repo.prefetch(linkIds)
  // A link's blob holds just its target: one longer than a path can be is not read.
  const sizes = repo.blobSizes(linkIds)
  const linkBlobs = repo.readBlobs(linkIds.filter((id) => (sizes.get(id) ?? 0) <= MAX_LINK_TARGET_BYTES))
  const stores = [base, head].map(
    (rev, i) =>
      new RevisionStore(layouts[i]!, linkBlobs, (dir, treeId) =>
        repo.directory(treeId ?? (dir === '.' ? `${rev}^{tree}` : `${rev}:${dir}`)),
      ),
  ) as [RevisionStore, RevisionStore]
  const [baseRepo, headRepo] = stores.map((s) => new RepoTree(s)) as [RepoTree, RepoTree]

  const dirs = touchedDirectories([baseRepo, headRepo], changes)
  const wanted = [
    ...storeBlobIds(stores[0], filesToRead(baseRepo, dirs)),
    ...storeBlobIds(stores[1], filesToRead(headRepo, dirs)),
  ]
  const blob = blobReader(repo, wanted)
  const snapshot = (rev: string, tree: RepoTree, store: RevisionStore): Snapshot =>
    treeSnapshot(rev, tree, (path) => {
      const e = store.fileEntry(path)
      if (e === undefined || e.mode === LINK_MODE) throw new UnreadableFile(path, 'not in the tree')
      return blob(e.sha, path)
    })
  return { base: snapshot(base, baseRepo, stores[0]), head: snapshot(head, headRepo, stores[1]), changes }
}

/** Layouts of the revisions a repository's diffs have read (the action reviews two changes). */
const FULL_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

const layouts = new WeakMap<GitRepo, Map<string, RevisionLayout>>()

function layoutsOf(repo: GitRepo): Map<string, RevisionLayout> {
  let m = layouts.get(repo)
  if (m === undefined) layouts.set(repo, (m = new Map<string, RevisionLayout>()))
  return m
}

/**
 * A revision's directories and links: listed whole once per repository, then derived from a
 * revision already listed and the changes between the two (which git finds skipping the
 * subtrees they share).
 */
function layoutOf(repo: GitRepo, rev: string): RevisionLayout {
  const m = layoutsOf(repo)
  let layout = m.get(rev)
  if (layout === undefined) {
    const last = [...m].at(-1)
    layout = last === undefined ? repo.dirsAndLinks(rev) : headLayout(last[1], repo.rawChanges(last[0], rev, false))
    // Only an object id names the same tree for good (a branch moves).
    if (FULL_ID.test(rev)) m.set(rev, layout)
  }
  return layout
}

/**
 * The work tree as head: base's tree is listed whole (the work tree's unchanged paths take
 * their entries from it), and only what git found changed is looked at on disk.
 */
function worktreeSnapshots(
  repo: GitRepo,
  base: string,
  pathspecs: readonly string[],
  knownChanges: readonly FileChange[] | undefined,
): GitDiffInput {
  const baseTree = repo.tree(base)
  const all = repo.changes(base, null)
  const known = knownChanges?.every((c) => [c.path, c.oldPath].every((p) => p === undefined || baseTree.has(p)))
  const changes = known === true ? knownChanges! : pathspecs.length > 0 ? repo.changes(base, null, pathspecs) : all
  const linkIds = linkBlobIds(baseTree)
  repo.prefetch(linkIds)
  const linkBlobs = repo.readBlobs(linkIds)
  const baseRepo = gitRepoTree(baseTree, linkBlobs)
  const root = repo.topLevel()
  const headRepo = worktreeTree(root, repo.worktreeFiles(), baseRepo, changedPaths(all))

  const dirs = touchedDirectories([baseRepo, headRepo], changes)
  const blob = blobReader(repo, blobIds(baseTree, filesToRead(baseRepo, dirs)))
  return {
    base: gitSnapshot(base, baseTree, baseRepo, blob),
    head: worktreeSnapshot(root, headRepo),
    changes,
  }
}

/**
 * Blobs read in one batch (fetched first in one request in a partial clone), and any other on
 * demand: `blob(sha, path)` throws UnreadableFile when git cannot give it.
 */
function blobReader(repo: GitRepo, wanted: readonly string[]): (sha: string, path: string) => Uint8Array {
  repo.prefetch(wanted)
  const blobs = new Map(repo.readBlobs(wanted))
  return (sha, path) => {
    let b = blobs.get(sha)
    if (b === undefined) {
      try {
        b = repo.readBlobs([sha]).get(sha)
      } catch (e) {
        throw new UnreadableFile(path, errorMessage(e))
      }
      if (b === undefined) throw new UnreadableFile(path, `git has no blob ${sha}`)
      blobs.set(sha, b)
    }
    return b
  }
}

/** Blob ids of the regular files at these paths of a revision, none known to be too large for a unit. */
function storeBlobIds(store: RevisionStore, paths: Iterable<string>): string[] {
  const out: string[] = []
  for (const p of paths) {
    const e = store.fileEntry(p)
    if (e && e.mode !== LINK_MODE && (e.size === null || e.size <= MAX_UNIT_FILE_BYTES)) out.push(e.sha)
  }
  return out
}

/**
 * Blob ids of regular files, none known to be too large for a unit (those are refused by size,
 * unread; one of unknown size is refused once read).
 */
export function blobIds(tree: ReadonlyMap<string, TreeEntry>, paths: Iterable<string>): string[] {
  const out: string[] = []
  for (const p of paths) {
    const e = tree.get(p)
    if (e && e.mode !== LINK_MODE && (e.size === null || e.size <= MAX_UNIT_FILE_BYTES)) out.push(e.sha)
  }
  return out
}
