/**
 * The snapshots of git trees listed whole, whichever way their blobs are obtained: the GitHub-API
 * path (action/api-review.ts) reads its trees whole and its blobs within a budget. The git path
 * (from-git.ts) lists only directories and links and builds its snapshots from a RevisionStore
 * instead, through the same treeSnapshot(). Pure: what reads blobs is the caller's.
 */
import type { TreeEntry } from '../git/git.js'
import type { RepoTree } from './repo-tree.js'
import { gitSnapshot, type Snapshot } from './snapshot.js'

/** A revision's tree: its entries as listed, and as a RepoTree with the link targets read so far. */
export interface GitTree {
  readonly rev: string
  readonly entries: ReadonlyMap<string, TreeEntry>
  readonly repo: RepoTree
}

/** The blobs at hand (a Map, or the API's store). */
export interface BlobStore {
  get(sha: string): Uint8Array | undefined
}

/**
 * A snapshot of each tree over one store of blobs, shared by the trees (an unchanged file is one
 * blob for both sides). A blob not in `store` is asked of `unread`, which reads it on demand,
 * refuses it (UnreadableFile, naming `path`) or stands in for it.
 */
export function treeSnapshots<const T extends readonly GitTree[]>(
  trees: T,
  store: BlobStore,
  unread: (sha: string, path: string) => Uint8Array,
): { readonly [K in keyof T]: Snapshot } {
  const blob = (sha: string, path: string): Uint8Array => store.get(sha) ?? unread(sha, path)
  return trees.map((t) => gitSnapshot(t.rev, t.entries, t.repo, blob)) as { readonly [K in keyof T]: Snapshot }
}
