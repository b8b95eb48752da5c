/**
 * Annotations on the unit lines that widen capabilities (errors) or regress (warnings), most
 * important first, within GitHub's limits (10 of each level per step); the rest are counted.
 */
import type { DiffReport } from '../diff/report.js'

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly file: string
  readonly line: number
  readonly title: string
  readonly message: string
}

export const ANNOTATIONS_PER_LEVEL = 10

export function annotations(report: DiffReport, prefix: string): { shown: Annotation[]; dropped: number } {
  const all: Annotation[] = []
  const at = (file: string) => (prefix === '' || prefix === '.' ? file : `${prefix.replace(/\/+$/, '')}/${file}`)
  for (const s of report.services) {
    for (const w of s.capabilities.widened) {
      if (w.file === null || w.line === null || w.removedLine) continue
      const open = w.unaccepted.length > 0
      const reasons = [...new Set(w.accepted.map((a) => a.reason))].join('; ')
      all.push({
        level: open ? 'error' : 'notice',
        file: at(w.file),
        line: w.line,
        title: `${s.unit} ${w.what}`,
        message: open ? w.cause : `${w.cause} (accepted: ${reasons})`,
      })
    }
    for (const r of s.regressions) {
      if (r.file === null || r.line === null || r.removedLine) continue
      all.push({
        level: 'warning',
        file: at(r.file),
        line: r.line,
        title: `${s.unit}: ${r.id} got worse`,
        message: `${r.description ?? r.id} (badness ${r.before ?? '—'} → ${r.after} of ${r.range})`,
      })
    }
  }
  const shown: Annotation[] = []
  let dropped = 0
  for (const level of ['error', 'warning', 'notice'] as const) {
    const of = all.filter((a) => a.level === level)
    shown.push(...of.slice(0, ANNOTATIONS_PER_LEVEL))
    dropped += Math.max(0, of.length - ANNOTATIONS_PER_LEVEL)
  }
  return { shown, dropped }
}
