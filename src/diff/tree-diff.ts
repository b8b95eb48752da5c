/**
 * The files that differ between two git trees, found as git finds them: from the two root trees
 * down, entering only subtrees whose ids differ, so the cost is the directories along the changed
 * paths, not the repository. Used without a checkout, where each directory listing is a request:
 * the walk goes as far as the listings at hand reach and answers which trees it needs next (one
 * level of the change a round). Pure.
 */
import type { DirEntry, TreeEntry } from '../git/git.js'
import { joinPath } from '../unit/source.js'

/** A tree's entries by name. */
export type Listing = ReadonlyMap<string, DirEntry>

/** Listings by tree id; undefined for one not read yet. */
export interface Listings {
  get(treeId: string): Listing | undefined
}

/** The changed files of each side (path → blob), or the trees still to read to know them. */
export type TreeDiff =
  | {
      readonly kind: 'done'
      readonly base: ReadonlyMap<string, TreeEntry>
      readonly head: ReadonlyMap<string, TreeEntry>
    }
  | { readonly kind: 'need'; readonly trees: readonly string[] }

const EMPTY: Listing = new Map()

export function diffTrees(baseRoot: string, headRoot: string, listings: Listings): TreeDiff {
  const base = new Map<string, TreeEntry>()
  const head = new Map<string, TreeEntry>()
  const need = new Set<string>()
  // Directory path, and its tree on each side (null: not a directory there).
  const todo: [string, string | null, string | null][] = [['', baseRoot, headRoot]]
  const blob = (e: DirEntry): TreeEntry => ({ sha: e.sha, mode: e.mode, size: e.size })
  while (todo.length > 0) {
    const [dir, b, h] = todo.pop()!
    if (b === h) continue
    const bl = b === null ? EMPTY : listings.get(b)
    const hl = h === null ? EMPTY : listings.get(h)
    if (bl === undefined) need.add(b!)
    if (hl === undefined) need.add(h!)
    if (bl === undefined || hl === undefined) continue
    for (const name of new Set([...bl.keys(), ...hl.keys()])) {
      const path = dir === '' ? name : joinPath(dir, name)
      const be = bl.get(name)
      const he = hl.get(name)
      if (be?.type === 'blob' && he?.type === 'blob') {
        if (be.sha !== he.sha || be.mode !== he.mode) {
          base.set(path, blob(be))
          head.set(path, blob(he))
        }
        continue
      }
      if (be?.type === 'blob') base.set(path, blob(be))
      if (he?.type === 'blob') head.set(path, blob(he))
      const bt = be?.type === 'tree' ? be.sha : null
      const ht = he?.type === 'tree' ? he.sha : null
      if (bt !== null || ht !== null) todo.push([path, bt, ht])
    }
  }
  return need.size > 0 ? { kind: 'need', trees: [...need] } : { kind: 'done', base, head }
}
