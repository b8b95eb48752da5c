/**
 * Waivers a change adds for its own widenings. A pull request can write
 * `# systemd-exposure: allow CAP_X -- reason` next to the line that widens: the report marks such
 * acceptances (`addedInChange`), the gate can refuse them (`failOnNewWaiver`), and every
 * renderer says when a verdict rests on them.
 */
import type { Acceptance, PrivilegeWidening, ServiceReport } from './report.js'

/** One waiver the change adds, where it is, and what it accepts. */
export interface NewWaiver {
  readonly file: string
  readonly line: number
  /** `CAP_*` names and `root`, in the order first accepted. */
  readonly privileges: readonly string[]
  readonly reason: string
}

/** The acceptances of a finding that only a waiver new in this change gives. */
export function newWaiverAcceptances(w: PrivilegeWidening): Acceptance[] {
  return w.accepted.filter((a) => a.by === 'waiver' && a.addedInChange)
}

/** The waivers behind some acceptances, one per file and line. */
export function waiversOf(acceptances: readonly Acceptance[]): NewWaiver[] {
  const byPlace = new Map<string, { file: string; line: number; privileges: string[]; reason: string }>()
  for (const a of acceptances) {
    const file = a.file ?? '?'
    const line = a.line ?? 0
    const key = `${file}\0${line}`
    const w = byPlace.get(key) ?? { file, line, privileges: [], reason: a.reason }
    if (!w.privileges.includes(a.privilege)) w.privileges.push(a.privilege)
    byPlace.set(key, w)
  }
  return [...byPlace.values()]
}

/** Every waiver the change adds that accepts a finding of these units. */
export function newWaivers(services: readonly ServiceReport[]): NewWaiver[] {
  return waiversOf(services.flatMap((s) => s.capabilities.widened.flatMap(newWaiverAcceptances)))
}
