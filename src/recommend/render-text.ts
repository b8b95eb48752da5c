/** The readable plan of one recommendation: phases with risk and score, skips, the drop-in. Pure. */
import type { Recommendation } from './recommend.js'

const indent = (text: string, by: string): string =>
  text.split('\n').map((l) => (l === '' ? l : by + l)).join('\n')

export function renderRecommendationText(r: Recommendation): string {
  const out: string[] = []
  out.push(`${r.unit} (${r.path}), systemd ${r.systemdVersion}`)
  const phases = r.phases.length
  out.push(
    phases === 0
      ? `  Exposure ${r.exposure.toFixed(1)} ${r.verdict}: nothing to add.`
      : `  Exposure ${r.exposure.toFixed(1)} ${r.verdict} now, ${r.predicted.toFixed(1)} ${r.predictedVerdict} with all ${phases} phase${phases === 1 ? '' : 's'}.`,
  )
  let previous = r.exposure
  r.phases.forEach((p, i) => {
    out.push('', `  Phase ${i + 1}: ${p.name}, risk ${p.risk}: ${previous.toFixed(1)} → ${p.exposure.toFixed(1)} ${p.verdict}`)
    previous = p.exposure
    const width = Math.max(...p.directives.map((d) => `${d.directive}=${d.value}`.length))
    for (const d of p.directives) {
      out.push(`    ${`${d.directive}=${d.value}`.padEnd(width)}  ${d.risk.padEnd(6)} ${d.reason}`)
    }
  })
  if (r.skipped.length > 0) {
    out.push('', '  Not suggested:')
    for (const s of r.skipped) out.push(`    ${s.directive}${s.value === undefined ? '' : `=${s.value}`}: ${s.reason}`)
  }
  if (r.inEffect.length > 0) out.push('', `  Already in effect: ${r.inEffect.join(', ')}`)
  if (r.notes.length > 0) {
    out.push('', '  Notes:')
    for (const n of r.notes) out.push(`    ${n}`)
  }
  if (phases > 0) {
    out.push('', `  Drop-in ${r.dropin.path}:`, '', indent(r.dropin.content.trimEnd(), '    '))
  }
  return out.join('\n') + '\n'
}
