/** Scores the unit files given to `score` into the exact bytes `score` prints for them. */
import { assessUnitFile, type AssessOptions, type AssessResult } from '../engine.js'
import { formatExposure } from '../model/exposure.js'
import type { OutputSink } from '../report/byte-sink.js'
import { writeJsonRows, writeScoreText } from '../report/score-text.js'
import { formatDiagnostic } from '../unit/diagnostics.js'
import type { UnitSource } from '../unit/source.js'

export interface ScoreJob {
  readonly paths: readonly string[]
  readonly assess: AssessOptions
  readonly format: 'text' | 'json'
  /** Exposure (0…100) above which a unit fails the run. */
  readonly threshold: number
  readonly emoji: boolean
}

export interface ScoreOutcome {
  /** Warnings and load failures, one line each, for standard error. */
  readonly messages: string
  /** A unit failed to load or scored above the threshold. */
  readonly failed: boolean
}

/** Writes the report for every unit of the job, in argument order, as units are assessed. */
export function scoreUnits(source: UnitSource, job: ScoreJob, out: OutputSink): ScoreOutcome {
  let messages = ''
  let failed = false
  if (job.format === 'json') out.text('[')
  for (let i = 0; i < job.paths.length; i++) {
    const r = assessUnitFile(source, job.paths[i]!, job.assess)
    for (const d of r.diagnostics) messages += `${formatDiagnostic(d)}\n`
    if (!r.ok) {
      failed = true
      messages += `${r.path}: ${r.error}\n`
    } else if (r.exposure > job.threshold) failed = true
    if (job.format === 'json') {
      if (i > 0) out.text(',')
      writeJsonEntry(r, out)
    } else if (r.ok) writeScoreText(r, out, { emoji: job.emoji })
  }
  if (job.format === 'json') out.text(']\n')
  return { messages, failed }
}

/** `JSON.stringify(jsonEntry(r))`, byte for byte, rows from cached fragments. */
function writeJsonEntry(r: AssessResult, out: OutputSink): void {
  if (!r.ok) {
    out.text(JSON.stringify({ path: r.path, error: r.error }))
    return
  }
  // Number("9.6") prints as 9.6, Number("10.0") as 10: as JSON.stringify prints the number.
  const exposure = String(Number(formatExposure(r.exposure)))
  out.text(`{"unit":${JSON.stringify(r.unit)},"path":${JSON.stringify(r.path)},"exposure":${exposure},"verdict":${JSON.stringify(r.verdict)},"items":`)
  writeJsonRows(r, out)
  out.text('}')
}
