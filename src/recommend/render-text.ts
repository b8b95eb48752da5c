/** The readable plan of one recommendation: phases with risk and score, skips, the drop-in. Pure. */
import type { Recommendation } from './recommend.js'

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : by + l))
    .join('\n')

export function renderRecommendationText(r: Recommendation): string {
  const out: string[] = []
  out.push(`${r.unit} (${r.path}), systemd ${r.fleet}`)
  const phases = r.phases.length
  const deferred = r.phases.reduce((n, p) => n + p.deferred.length, 0)
  out.push(
    phases === 0
      ? `  Exposure ${r.exposure.toFixed(1)} ${r.verdict}: nothing to add.`
      : `  Exposure ${r.exposure.toFixed(1)} ${r.verdict} now, ${r.predicted.toFixed(1)} ${r.predictedVerdict} with the active lines of all ${phases} phase${phases === 1 ? '' : 's'}${
          deferred > 0
            ? `; ${deferred} deferred line${deferred === 1 ? '' : 's'} not counted (${r.predictedIfAnswered.toFixed(1)} ${r.predictedIfAnsweredVerdict} with them)`
            : ''
        }.`,
  )
  if (r.scores.length > 1) {
    out.push(
      `  Per version: ${r.scores.map((x) => `${x.version}: ${x.exposure.toFixed(1)} now, ${x.predicted.toFixed(1)} active, ${x.predictedIfAnswered.toFixed(1)} with every line`).join('; ')}.`,
    )
  }
  if (phases > 0 && r.observe.length > 0) {
    out.push('', '  Observe first, on one host running it (PID: its main process):')
    for (const o of r.observe) out.push(`    ${o}`)
  }
  let previous = r.exposure
  r.phases.forEach((p, i) => {
    const score =
      p.directives.length === 0
        ? 'deferred lines only'
        : `${previous.toFixed(1)} → ${p.exposure.toFixed(1)} ${p.verdict}`
    out.push('', `  Phase ${i + 1}: ${p.name}, risk ${p.risk}: ${score}`)
    previous = p.exposure
    const width = Math.max(0, ...p.directives.map((d) => `${d.directive}=${d.value}`.length))
    for (const d of p.directives) {
      out.push(`    ${`${d.directive}=${d.value}`.padEnd(width)}  ${d.risk.padEnd(6)} ${d.reason}`)
    }
    let asked: string | undefined
    let because: string | undefined
    for (const d of p.deferred) {
      if (d.because !== because) out.push(`    deferred, ${d.because}:`)
      if (d.question !== asked || d.because !== because) out.push(`      ? ${d.question}`)
      asked = d.question
      because = d.because
      out.push(`        # ${d.directive}=${d.value}`)
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
    out.push('', '  Roll out in rings:')
    for (const step of r.rollout) out.push(`    ${step}`)
    out.push(`  Rollback: ${r.rollback}`)
    out.push('', `  Drop-in ${r.dropin.path}:`, '', indent(r.dropin.content.trimEnd(), '    '))
  }
  return out.join('\n') + '\n'
}
