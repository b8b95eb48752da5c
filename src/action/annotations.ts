/**
 * Annotations on the unit lines that widen capabilities or regress, most important first, within
 * GitHub's limits (10 of each level per step); the rest are counted. A widening nothing accepts is
 * an error; one accepted only by a waiver the pull request itself adds is a warning (an error
 * when the gate refuses such waivers); one accepted otherwise a notice; a regression a warning.
 * Titles and messages are clipped: they quote the pull request.
 */
import { newWaiverAcceptances, waiversOf } from '../diff/new-waivers.js'
import type { DiffReport } from '../diff/report.js'
import { SHOWN_MAX } from '../report/escape.js'
import { clip } from '../text/visible.js'

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly file: string
  readonly line: number
  readonly title: string
  readonly message: string
}

export const ANNOTATIONS_PER_LEVEL = 10

export function annotations(report: DiffReport, prefix: string): { shown: Annotation[]; dropped: number } {
  // Within a level, lower ranks first: a self-accepted widening before a regression.
  const all: (Annotation & { rank: number })[] = []
  const at = (file: string) => (prefix === '' || prefix === '.' ? file : `${prefix.replace(/\/+$/, '')}/${file}`)
  for (const s of report.services) {
    for (const w of s.capabilities.widened) {
      if (w.file === null || w.line === null || w.removedLine) continue
      const title = `${s.unit} ${w.what}`
      const place = { file: at(w.file), line: w.line, title }
      if (w.unaccepted.length > 0) {
        all.push({ ...place, level: 'error', rank: 0, message: w.cause })
        continue
      }
      const own = waiversOf(newWaiverAcceptances(w))
      if (own.length > 0) {
        const where = own.map((x) => `${x.file}:${x.line}`).join(', ')
        const reasons = [...new Set(own.map((x) => x.reason))].join('; ')
        all.push({
          ...place,
          level: report.gate.failOnNewWaiver ? 'error' : 'warning',
          rank: 0,
          message: `${w.cause} (accepted only by ${own.length === 1 ? 'a waiver' : 'waivers'} this pull request adds, at ${where}: ${reasons})`,
        })
        continue
      }
      const reasons = [...new Set(w.accepted.map((a) => a.reason))].join('; ')
      all.push({ ...place, level: 'notice', rank: 0, message: `${w.cause} (accepted: ${reasons})` })
    }
    for (const r of s.regressions) {
      if (r.file === null || r.line === null || r.removedLine) continue
      all.push({
        level: 'warning',
        rank: 1,
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
    const of = all.filter((a) => a.level === level).sort((a, b) => a.rank - b.rank)
    // Titles and messages quote the pull request (commands, reasons): clipped like all its text.
    shown.push(
      ...of.slice(0, ANNOTATIONS_PER_LEVEL).map(({ rank: _rank, ...a }) => ({
        ...a,
        title: clip(a.title, SHOWN_MAX),
        message: clip(a.message, 2 * SHOWN_MAX),
      })),
    )
    dropped += Math.max(0, of.length - ANNOTATIONS_PER_LEVEL)
  }
  return { shown, dropped }
}
