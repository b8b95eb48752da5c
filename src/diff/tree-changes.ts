/**
 * The files changed between two git trees (path → blob id and mode), as `git diff --name-status`
 * lists them. Without a checkout this is how the action learns what changed: GitHub's file lists
 * can be cut off (300 files in a comparison, 3,000 in a pull request), left out, or — a pull
 * request's list — be of a newer head than the one under review; the two trees cannot.
 *
 * Renames are paired where a hint (GitHub's own list) names one that the trees bear out, and
 * where a file moved unchanged (git's exact renames; a rename with edits and no hint stays a
 * delete and an add, so the new file is reviewed as new). Pure.
 */
import { LINK_MODE, type FileChange, type TreeEntry } from '../git/git.js'
import { basename } from '../unit/source.js'

export function treeChanges(
  base: ReadonlyMap<string, TreeEntry>,
  head: ReadonlyMap<string, TreeEntry>,
  renameHints: readonly FileChange[] = [],
): FileChange[] {
  const out: FileChange[] = []
  const deleted = new Set<string>()
  const added = new Set<string>()
  for (const [path, b] of base) {
    const h = head.get(path)
    if (h === undefined) deleted.add(path)
    else if ((b.mode === LINK_MODE) !== (h.mode === LINK_MODE)) out.push({ status: 'type-changed', path })
    else if (b.sha !== h.sha || b.mode !== h.mode) out.push({ status: 'modified', path })
  }
  for (const path of head.keys()) if (!base.has(path)) added.add(path)

  const pair = (oldPath: string, path: string): void => {
    deleted.delete(oldPath)
    added.delete(path)
    out.push({ status: 'renamed', path, oldPath })
  }
  for (const hint of renameHints) {
    if (hint.status === 'renamed' && hint.oldPath !== undefined && deleted.has(hint.oldPath) && added.has(hint.path))
      pair(hint.oldPath, hint.path)
  }
  // Unchanged content under a new path: the deleted file with the same blob, the same name first.
  const byContent = new Map<string, string[]>()
  for (const path of [...deleted].sort()) {
    const e = base.get(path)!
    const key = `${e.mode} ${e.sha}`
    byContent.set(key, [...(byContent.get(key) ?? []), path])
  }
  for (const path of [...added].sort()) {
    const e = head.get(path)!
    const sources = (byContent.get(`${e.mode} ${e.sha}`) ?? []).filter((p) => deleted.has(p))
    if (sources.length === 0) continue
    pair(sources.find((p) => basename(p) === basename(path)) ?? sources[0]!, path)
  }
  for (const path of deleted) out.push({ status: 'deleted', path })
  for (const path of added) out.push({ status: 'added', path })
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
