/** Scores the unit files given to `score` into the exact bytes `score` prints for them. */
import { assessUnitFile, type AssessOptions } from '../engine.js'
import type { OutputSink } from '../report/byte-sink.js'
import type { TextStyle } from '../report/score-text.js'
import { formatDiagnostic } from '../unit/diagnostics.js'
import type { UnitSource } from '../unit/source.js'
import type { ScoreRenderer } from './score-formats.js'

export interface ScoreJob {
  readonly paths: readonly string[]
  readonly assess: AssessOptions
  readonly render: ScoreRenderer
  /** Exposure (0…100) above which a unit fails the run. */
  readonly threshold: number
  readonly style: TextStyle
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
    let messages = ''
    for (const d of r.diagnostics) messages += `${formatDiagnostic(d)}\n`
    if (!r.ok) {
      failed = true
      messages += `${r.path}: ${r.error}\n`
    } else if (r.exposure > job.threshold) failed = true
    if (messages !== '') warn(messages)
    job.render.unit(r, i, out, style)
    progress?.(i + 1)
  }
  job.render.end(out)
  return { failed }
}
