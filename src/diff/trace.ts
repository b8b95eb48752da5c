/**
 * Tracing a change in a row or in the capability ceiling back to the lines that caused it: the
 * assignments of the relevant directives that head added, or base had and head removed.
 * Files are matched across the two sides by role — the unit file, or a drop-in by its file name,
 * which is what decides its place among the drop-ins — so a renamed service traces too.
 */
import type { LoadedService } from '../service/load.js'
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
export function changedLines(
  base: LoadedService | null,
  head: LoadedService | null,
  keys: readonly string[],
): LineRef[] {
  const wanted = new Set(keys)
  // The lines that took effect (a setting in the wrong section, or after a drop-in's fatal
  // line, changed nothing), as the loader recorded them: the regression fixes read the same.
  const collect = (svc: LoadedService | null): Assignment[] =>
    svc ? svc.state.applied.filter((a) => wanted.has(a.key)) : []
  const baseLines = collect(base)
  const headLines = collect(head)
  const lineRef =
    (removed: boolean) =>
    (a: Assignment): LineRef => ({ file: a.file, line: a.line, removed, text: `${a.key}=${a.value}` })
  const added = unpaired(head, headLines, base, baseLines).map(lineRef(false))
  const removed = unpaired(base, baseLines, head, headLines).map(lineRef(true))
  return [...added.reverse(), ...removed]
}

/** The lines of one side left once each is paired off with an identical line of the other side. */
function unpaired(
  svc: LoadedService | null,
  lines: readonly Assignment[],
  other: LoadedService | null,
  otherLines: readonly Assignment[],
): Assignment[] {
  const available = new Map<string, number>()
  for (const a of otherLines) {
    const k = identity(other!, a)
    available.set(k, (available.get(k) ?? 0) + 1)
  }
  return lines.filter((a) => {
    const k = identity(svc!, a)
    const n = available.get(k) ?? 0
    if (n > 0) available.set(k, n - 1)
    return n === 0
  })
}

/** The line to blame for a change in the given directives, if any line changed. */
export function blame(base: LoadedService | null, head: LoadedService | null, keys: readonly string[]): LineRef | null {
  return changedLines(base, head, keys)[0] ?? null
}
