/**
 * Reading a loaded service's own lines the way systemd merges them, for settings the exposure
 * state does not model (PIDFile=, Environment=, StateDirectory=, …) and for the words of its
 * command lines. Pure.
 */
import { EXEC_DIRECTIVES } from '../service/exec-directives.js'
import type { LoadedService } from '../service/load.js'
import { extractWords } from '../service/words.js'
import type { Assignment } from '../unit/syntax.js'

/** Every assignment of `Section.Key`, fragment first, drop-ins in the order applied. */
export function assignmentsOf(service: LoadedService, section: string, key: string): Assignment[] {
  return service.files.flatMap((f) => f.assignments.filter((a) => a.section === section && a.key === key))
}

/** A scalar setting: the last assignment wins, an empty one unsets it. */
export function scalarValue(service: LoadedService, section: string, key: string): string | null {
  const all = assignmentsOf(service, section, key)
  const last = all[all.length - 1]
  return last === undefined || last.value === '' ? null : last.value
}

/** A list setting: words of every line (quotes removed), an empty assignment clears the list. */
export function listValue(service: LoadedService, section: string, key: string): string[] {
  let out: string[] = []
  for (const a of assignmentsOf(service, section, key)) {
    if (a.value === '') out = []
    // A loop, not push(...words): one line can hold hundreds of thousands of words.
    else for (const w of extractWords(a.value, { unquote: true, relax: true }).words) out.push(w)
  }
  return out
}

/** Whether the unit's own files set `Section.Key` at all (an explicit, possibly deliberate choice). */
export function isSet(service: LoadedService, section: string, key: string): boolean {
  return assignmentsOf(service, section, key).length > 0
}

export interface CommandLine {
  readonly directive: string
  /** The executable as written after its prefixes. */
  readonly path: string
  /** Every word of the line after the executable, quotes removed (specifiers and $VARS kept). */
  readonly args: readonly string[]
  readonly fullyPrivileged: boolean
  readonly noSetuid: boolean
}

/** The effective command lines (after resets in drop-ins), ExecStart= first. */
export function commandLines(service: LoadedService): CommandLine[] {
  const order = ['ExecStart', ...EXEC_DIRECTIVES.filter((d) => d !== 'ExecStart')]
  const seen = new Set<unknown>()
  const out: CommandLine[] = []
  for (const directive of order) {
    for (const c of service.state.exec[directive] ?? []) {
      if (seen.has(c.source)) continue
      seen.add(c.source)
      const words = extractWords(c.source.value, { unquote: true, relax: true }).words
      const first = words.findIndex((w) => w.replace(/^[-@:+!]+/, '') !== '')
      out.push({
        directive,
        path: c.path,
        args: words.slice(first + 1),
        fullyPrivileged: c.fullyPrivileged,
        noSetuid: c.noSetuid,
      })
    }
  }
  return out
}
