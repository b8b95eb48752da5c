/**
 * Where a change can affect units: the directories whose units must be looked at, and the files
 * to read there. A change reaches a unit through its own file, a drop-in, or a symbolic link —
 * a unit, drop-in or drop-in directory that is a link to a changed file, or into a directory
 * where a file changed, is changed too, on either side. Pure: trees and the changed paths in.
 */
import type { FileChange } from '../git/git.js'
import { basename, dirname, joinPath } from '../unit/source.js'
import type { RepoTree } from './repo-tree.js'
import { withRootDirectories } from './rootfs.js'
import { isDropInDirectory, isEnablementDirectory, isUnitLikeName, isUnitRelevantPath } from './unit-paths.js'

/** Every path a change names (both sides of a rename). */
export function changedPaths(changes: readonly FileChange[]): Set<string> {
  const out = new Set<string>()
  for (const c of changes) {
    out.add(c.path)
    if (c.oldPath !== undefined) out.add(c.oldPath)
  }
  return out
}

/** Every directory above a changed path: a link into one of them reaches a change. */
function changedDirectories(changed: ReadonlySet<string>): Set<string> {
  const dirs = new Set<string>()
  for (const p of changed) {
    for (let d = dirname(p); !dirs.has(d); d = dirname(d)) {
      dirs.add(d)
      if (d === '.' || d === '/') break
    }
  }
  return dirs
}

/**
 * The unit-relevant links of a tree whose target is (or passes through, or is a directory
 * above) a changed path: they changed what they read although they did not change themselves.
 */
export function linksReachingChanges(
  tree: RepoTree,
  changed: ReadonlySet<string>,
  changedDirs = changedDirectories(changed),
): string[] {
  const out: string[] = []
  for (const link of tree.links()) {
    if (!isUnitRelevantPath(link)) continue
    // Where it leads, without reading the directory it ends in: a changed path is there either way.
    const r = tree.route(link)
    const reaches =
      r.links.some((p) => p !== link && changed.has(p)) ||
      ((r.kind === 'file' || r.kind === 'missing') && changed.has(r.path)) ||
      (r.kind === 'dir' && changedDirs.has(r.path))
    if (reaches) out.push(link)
  }
  return out
}

/** The directories whose units a change can affect, on either side. */
export function touchedDirectories(trees: readonly RepoTree[], changes: readonly FileChange[]): Set<string> {
  const changed = changedPaths(changes)
  const changedDirs = changedDirectories(changed)
  const dirs = new Set<string>()
  const touch = (p: string): void => {
    const dir = dirname(p)
    if (isDropInDirectory(dir)) dirs.add(dirname(dir))
    else if (isEnablementDirectory(dir)) {
      // A name in `x.target.wants/` can name an instance of a template: the template's directory
      // (where the link points, or by layout the parent directory) has that instance.
      dirs.add(dirname(dir))
      for (const t of trees) {
        const r = t.resolve(p)
        if (r.kind === 'file') dirs.add(dirname(r.path))
      }
    } else if (isUnitLikeName(basename(p))) dirs.add(dir)
    // A drop-in directory that is itself a link.
    if (isDropInDirectory(p)) dirs.add(dir)
  }
  for (const p of changed) touch(p)
  for (const t of trees) for (const link of linksReachingChanges(t, changed, changedDirs)) touch(link)
  for (const d of linkedUnitDirectories(trees, changed)) dirs.add(d)
  // A root file system's unit directories are one search path: a change in one reaches units of all.
  return withRootDirectories(dirs)
}

/**
 * Links to directories (`deploy/current -> v2`) that a change reaches: the link itself changed,
 * or a unit or drop-in directly in the directory it leads to. systemd loads the units under the
 * link's path, so that path is a unit directory of its own.
 */
function linkedUnitDirectories(trees: readonly RepoTree[], changed: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  const withChanges = new Set<string>()
  for (const p of changed) {
    const dir = dirname(p)
    withChanges.add(isDropInDirectory(dir) ? dirname(dir) : dir)
  }
  for (const t of trees) {
    for (const link of t.links()) {
      if (isDropInDirectory(link) || isEnablementDirectory(link) || isUnitLikeName(basename(link))) continue
      const r = t.route(link)
      if (r.kind !== 'dir') continue
      if (changed.has(link) || r.links.some((l) => changed.has(l)) || withChanges.has(r.path)) out.add(link)
    }
  }
  return out
}

/**
 * The regular files (resolved through links) that loading the units of `dirs` can read: their
 * unit-like files and everything in their drop-in directories. Reading them in one batch is an
 * optimisation; a source still reads anything else it is asked for.
 */
export function filesToRead(tree: RepoTree, dirs: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  const add = (p: string): void => {
    const r = tree.resolve(p)
    if (r.kind === 'file') out.add(r.path)
  }
  for (const d of dirs) {
    for (const name of tree.listing(d) ?? []) {
      const p = joinPath(d, name)
      if (isUnitLikeName(name)) add(p)
      if (!isDropInDirectory(p)) continue
      const r = tree.resolve(p)
      if (r.kind === 'dir') for (const entry of tree.listDir(r.path) ?? []) add(joinPath(p, entry))
    }
  }
  return out
}
