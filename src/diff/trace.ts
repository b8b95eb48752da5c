/**
 * Tracing a change in a row or in the capability ceiling back to the lines that caused it: the
 * assignments of the relevant directives that head added, or base had and head removed.
 * Files are matched across the two sides by role — the unit file, or a drop-in by its file name,
 * which is what decides its place among the drop-ins — so a renamed service traces too.
 */
import type { LoadedService } from '../unit/load.js'
import { basename } from '../unit/source.js'
import type { Assignment } from '../unit/syntax.js'

export interface LineRef {
  readonly file: string
  readonly line: number
  /** The line exists in base and head removed it. */
  readonly removed: boolean
  readonly text: string
}

const identity = (svc: LoadedService, a: Assignment): string =>
  `${a.file === svc.fragmentPath ? '<unit>' : basename(a.file)}\0${a.section}\0${a.key}\0${a.value}`

/** Assignments of `keys` that differ between the two sides, head additions first (last line first). */
export function changedLines(base: LoadedService | null, head: LoadedService | null, keys: readonly string[]): LineRef[] {
  const wanted = new Set(keys)
  // The lines that took effect (a setting in the wrong section, or after a drop-in's fatal
  // line, changed nothing), as the loader recorded them: the regression fixes read the same.
  const collect = (svc: LoadedService | null): Assignment[] => (svc ? svc.state.applied.filter((a) => wanted.has(a.key)) : [])
  const baseLines = collect(base)
  const headLines = collect(head)
  const count = new Map<string, number>()
  for (const a of baseLines) count.set(identity(base!, a), (count.get(identity(base!, a)) ?? 0) + 1)
  const added: LineRef[] = []
  for (const a of headLines) {
    const k = identity(head!, a)
    const n = count.get(k) ?? 0
    if (n > 0) count.set(k, n - 1)
    else added.push({ file: a.file, line: a.line, removed: false, text: `${a.key}=${a.value}` })
  }
  const headCount = new Map<string, number>()
  for (const a of headLines) headCount.set(identity(head!, a), (headCount.get(identity(head!, a)) ?? 0) + 1)
  const removed: LineRef[] = []
  for (const a of baseLines) {
    const k = identity(base!, a)
    const n = headCount.get(k) ?? 0
    if (n > 0) headCount.set(k, n - 1)
    else removed.push({ file: a.file, line: a.line, removed: true, text: `${a.key}=${a.value}` })
  }
  return [...added.reverse(), ...removed]
}

/** The line to blame for a change in the given directives, if any line changed. */
export function blame(base: LoadedService | null, head: LoadedService | null, keys: readonly string[]): LineRef | null {
  return changedLines(base, head, keys)[0] ?? null
}
