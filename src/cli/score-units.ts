/** Scores the unit files given to `score` into the exact bytes `score` prints for them. */
import { assessUnitFile, type AssessOptions, type AssessResult } from '../engine.js'
import type { OutputSink } from '../report/byte-sink.js'
import type { TextStyle } from '../report/score-text.js'
import { formatDiagnostic, type Diagnostic } from '../unit/diagnostics.js'
import type { UnitSource } from '../unit/source.js'
import type { ScoreRenderer } from './score-formats.js'

export interface ScoreJob {
  readonly paths: readonly string[]
  readonly assess: AssessOptions
  readonly render: ScoreRenderer
  /** Exposure (0…100) above which a unit fails the run. */
  readonly threshold: number
  readonly style: TextStyle
  /** A file named in a message as systemd-analyze names it (systemd-paths.ts). */
  readonly displayPath: (file: string) => string
}

export interface ScoreOutcome {
  /** A unit failed to load or scored above the threshold. */
  readonly failed: boolean
}

/**
 * Writes the report for every unit of the job, in argument order, as units are assessed; each
 * unit's warnings and load failure go to `warn` before its report, as systemd-analyze prints them.
 * `progress` hears of each unit done.
 */
export function scoreUnits(
  source: UnitSource,
  job: ScoreJob,
  out: OutputSink,
  warn: (text: string) => void,
  progress?: (done: number) => void,
): ScoreOutcome {
  let failed = false
  const style = job.style
  job.render.begin(out)
  for (let i = 0; i < job.paths.length; i++) {
    const r = assessUnitFile(source, job.paths[i]!, job.assess)
    const messages = unitMessages(r, job.displayPath)
    if (!r.ok || r.exposure > job.threshold) failed = true
    if (messages !== '') warn(messages)
    job.render.unit(r, i, out, style)
    progress?.(i + 1)
  }
  job.render.end(out)
  return { failed }
}

/**
 * What systemd-analyze prints on standard error for a unit, line by line: its warnings with
 * `file:line: ` in front (files named by `displayPath`), then why the unit failed to load in
 * systemd's words; a failure systemd does not have (an unreadable file) as `path: reason`.
 */
export function unitMessages(r: AssessResult, displayPath: (file: string) => string): string {
  let text = ''
  const line = (d: Diagnostic): string =>
    `${formatDiagnostic(d.unlocated === true ? d : { ...d, file: displayPath(d.file) })}\n`
  for (const d of r.diagnostics) text += line(d)
  if (r.ok) {
    for (const d of r.service.triggered) text += line(d)
    return text
  }
  if (r.log !== undefined && r.log.length > 0) for (const d of r.log) text += line(d)
  else text += `${r.path}: ${r.error}\n`
  return text
}
