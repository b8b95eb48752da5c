/**
 * The ready-to-paste drop-in: one commented block per phase (name, risk, predicted score), the
 * directives in order, and the rollback note. Also reports which line holds which directive, so
 * a warning the target systemd would print can be traced back to it. Pure.
 */
import type { Risk } from './catalogue.js'

export interface DropInDirective {
  readonly directive: string
  readonly value: string
  readonly risk: Risk
  /** Why this value for this unit; null when only the catalogue's generic text applies. */
  readonly note: string | null
}

export interface DropInPhase {
  readonly name: string
  readonly risk: Risk
  /** "9.0 UNSAFE" once predicted. */
  readonly score?: string
  readonly directives: readonly DropInDirective[]
}

export interface DropInText {
  readonly content: string
  /** 1-based line → [phase index, directive index]. */
  readonly lines: ReadonlyMap<number, readonly [number, number]>
}

export interface DropInHeader {
  readonly unit: string
  /** The file's path relative to the unit file's directory. */
  readonly path: string
  readonly version: string
  readonly now?: string
  readonly predicted?: string
  /** The unit to restart after removing the drop-in (a pattern for templates). */
  readonly restart: string
}

/** Comments must stay one line whatever the unit contained. */
const oneLine = (s: string): string => s.replace(/[\x00-\x1f\x7f]+/g, ' ')

export function renderDropIn(header: DropInHeader, phases: readonly DropInPhase[]): DropInText {
  const out: string[] = []
  const lines = new Map<number, readonly [number, number]>()
  out.push(`# ${oneLine(header.path)}: hardening for ${oneLine(header.unit)}, suggested by systemd-exposure for systemd ${header.version}.`)
  if (header.now !== undefined && header.predicted !== undefined) {
    out.push(`# systemd-analyze security: ${header.now} now, ${header.predicted} with every phase below.`)
  }
  out.push('# Each phase builds on the ones before it: roll them out one at a time and watch the service.')
  out.push(`# Rollback: delete this file, run \`systemctl daemon-reload\`, then \`systemctl restart ${oneLine(header.restart)}\`.`)
  if (phases.length === 0) {
    out.push('# Nothing to add: every suggestion is in effect or was skipped.')
    return { content: out.join('\n') + '\n', lines }
  }
  out.push('', '[Service]')
  phases.forEach((p, i) => {
    if (i > 0) out.push('')
    const score = p.score === undefined ? '' : ` → ${p.score}`
    out.push(`# Phase ${i + 1}: ${p.name} (risk: ${p.risk})${score}`)
    p.directives.forEach((d, j) => {
      if (d.note !== null) out.push(`# ${d.risk} risk; ${oneLine(d.note)}`)
      out.push(`${d.directive}=${d.value}`)
      lines.set(out.length, [i, j])
    })
  })
  return { content: out.join('\n') + '\n', lines }
}
