/**
 * A review of two in-memory revisions (path → text; null deletes), as the action's diff makes it:
 * for renderer tests that need real reports with any file name, without git.
 */
import { diffSnapshots, type DiffSettings } from '../../src/diff/diff.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'
import { RepoTree, type RepoEntry } from '../../src/diff/repo-tree.js'
import type { DiffReport } from '../../src/diff/report.js'
import { treeSnapshot } from '../../src/diff/snapshot.js'
import type { FileChange } from '../../src/git/git.js'

type Files = Record<string, string>

function snapshot(rev: string, files: Files) {
  const bytes = new Map(Object.entries(files).map(([p, c]) => [p, Buffer.from(c)]))
  const entries = new Map<string, RepoEntry>([...bytes].map(([p, b]) => [p, { kind: 'file', size: b.length }]))
  return treeSnapshot(rev, new RepoTree(entries), (p) => bytes.get(p)!)
}

export function review(
  base: Files,
  changes: Record<string, string | null>,
  settings: Partial<DiffSettings> = {},
): DiffReport {
  const head: Files = { ...base }
  const changed: FileChange[] = []
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) {
      delete head[path]
      changed.push({ status: 'deleted', path })
    } else {
      changed.push({ status: path in base ? 'modified' : 'added', path })
      head[path] = content
    }
  }
  return diffSnapshots(snapshot('b'.repeat(40), base), snapshot('a'.repeat(40), head), changed, {
    version: '252',
    gate: DEFAULT_GATE,
    recommend: false,
    ...settings,
  })
}

/** A unit that holds nothing; `extra` lines go into its [Service] section. */
export const TIGHT_UNIT = (extra = '') =>
  `[Unit]\nDescription=api\n\n[Service]\nExecStart=/usr/bin/api\nUser=api\nNoNewPrivileges=yes\nCapabilityBoundingSet=\n${extra}`
