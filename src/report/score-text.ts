/** The table `systemd-analyze security UNIT` prints, and its overall line. */
import type { ServiceAssessment } from '../engine.js'
import { formatExposure, verdictEmoji } from '../model/exposure.js'

export interface TextStyle {
  /** Emoji after the verdict, as systemd prints in a UTF-8 terminal. */
  readonly emoji: boolean
}

export function renderScoreText(a: ServiceAssessment, style: TextStyle = { emoji: true }): string {
  const nameWidth = Math.max(4, ...a.rows.map((r) => r.id.length))
  const descWidth = Math.max(11, ...a.rows.map((r) => (r.description ?? '').length))
  const lines = [`  ${'NAME'.padEnd(nameWidth)} ${'DESCRIPTION'.padEnd(descWidth)} EXPOSURE`]
  for (const r of a.rows) {
    const mark = r.set === null ? ' ' : r.set ? '✓' : '✗'
    const exposure = r.exposure === null ? '' : formatExposure(r.exposure)
    lines.push(`${mark} ${r.id.padEnd(nameWidth)} ${(r.description ?? '').padEnd(descWidth)} ${exposure}`.trimEnd())
  }
  lines.push('')
  const emoji = style.emoji ? ` ${verdictEmoji(a.verdict)}` : ''
  lines.push(`→ Overall exposure level for ${a.unit}: ${formatExposure(a.exposure)} ${a.verdict}${emoji}`)
  return lines.join('\n') + '\n'
}

/** One object per row, exactly like `systemd-analyze security --json=short`. */
export function jsonRows(a: ServiceAssessment): object[] {
  return a.rows.map((r) => ({
    set: r.set,
    name: r.id,
    json_field: r.jsonField,
    description: r.description,
    exposure: r.exposure === null ? null : formatExposure(r.exposure),
  }))
}
