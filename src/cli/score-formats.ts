/**
 * `score --format`. Units are written as they are assessed, so output for thousands of units
 * streams out in blocks and memory stays flat: a renderer writes one unit at a time.
 */
import type { AssessResult } from '../engine.js'
import { formatExposure } from '../model/exposure.js'
import type { OutputSink } from '../report/byte-sink.js'
import { writeJsonRows, writeScoreText, type TextStyle } from '../report/score-text.js'
import type { FormatTable } from './format-option.js'

export interface ScoreRenderer {
  begin(out: OutputSink): void
  /** Unit `index` (0 for the first) of the run, in argument order. */
  unit(r: AssessResult, index: number, out: OutputSink, style: TextStyle): void
  end(out: OutputSink): void
}

export const SCORE_FORMATS: FormatTable<ScoreRenderer> = [
  {
    name: 'text',
    description: 'the table and overall line systemd-analyze security prints',
    render: {
      begin() {},
      // A unit that cannot be loaded prints nothing here; its error goes to standard error.
      unit(r, _index, out, style) {
        if (r.ok) writeScoreText(r, out, style)
      },
      end() {},
    },
  },
  {
    name: 'json',
    description: "one JSON array: per unit file, its score and systemd's --json=short rows",
    render: {
      begin: (out) => out.text('['),
      unit(r, index, out) {
        if (index > 0) out.text(',')
        writeJsonEntry(r, out)
      },
      end: (out) => out.text(']\n'),
    },
  },
]

/** `JSON.stringify(jsonEntry(r))`, byte for byte, rows from cached fragments. */
function writeJsonEntry(r: AssessResult, out: OutputSink): void {
  if (!r.ok) {
    out.text(JSON.stringify({ path: r.path, error: r.error }))
    return
  }
  // Number("9.6") prints as 9.6, Number("10.0") as 10: as JSON.stringify prints the number.
  const exposure = String(Number(formatExposure(r.exposure)))
  out.text(
    `{"unit":${JSON.stringify(r.unit)},"path":${JSON.stringify(r.path)},"exposure":${exposure},"verdict":${JSON.stringify(r.verdict)},"items":`,
  )
  writeJsonRows(r, out)
  out.text('}')
}
