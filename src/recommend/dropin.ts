/**
 * The ready-to-paste drop-in: how to observe the service first, one commented block per phase
 * (name, risk, predicted score), the active directives each with its evidence, the deferred ones
 * commented out under their question, the rollout in rings and the one-command rollback. Also
 * reports which line holds which directive, so a warning the target systemd would print can be
 * traced back to it. Pure.
 */
import type { Risk } from './catalogue.js'

export interface DropInDirective {
  readonly directive: string
  readonly value: string
  readonly risk: Risk
  /** Why this value is safe for this unit: what the tool saw, or what it looked for and did not find. */
  readonly note: string | null
  /** For a deferred line: the question to answer before uncommenting it. */
  readonly question?: string
  /** For a deferred line: why the unit cannot vouch for it. */
  readonly because?: string
}

export interface DropInPhase {
  readonly name: string
  readonly risk: Risk
  /** "9.0 UNSAFE" once predicted. */
  readonly score?: string
  readonly directives: readonly DropInDirective[]
  /** Lines whose safety the unit cannot show: written commented out, counted by no score. */
  readonly deferred?: readonly DropInDirective[]
}

export interface DropInText {
  readonly content: string
  /** 1-based line → [phase index, directive index, deferred?] of the active (or uncommented) lines. */
  readonly lines: ReadonlyMap<number, readonly [number, number, boolean]>
}

export interface DropInHeader {
  readonly unit: string
  /** The file's path relative to the unit file's directory. */
  readonly path: string
  readonly version: string
  readonly now?: string
  readonly predicted?: string
  /** The unit to restart after removing the drop-in (a pattern for templates). */
  readonly restart: string
  /** "… with every deferred line too", once predicted. */
  readonly ifAnswered?: string
  /** Commands to run on a host before applying anything. */
  readonly observe?: readonly string[]
  /** The scores of each version of a fleet's range. */
  readonly perVersion?: readonly string[]
}

/** Where an administrator installs the drop-in, for the one-command rollback. */
export const INSTALL_DIR = '/etc/systemd/system'

export interface RenderOptions {
  /** Writes the deferred lines as active ones: how the engine checks them. */
  readonly uncommentDeferred?: boolean
}

/** Steps of the rollout, the same for every unit (docs/directives.md). */
export function rolloutSteps(restart: string): string[] {
  return [
    `Phase by phase: a canary host first, under normal load for a day, watching \`journalctl -u ${restart} -f\` and the service's own health check; then a tenth of the fleet; then the rest.`,
    'Uncomment a deferred line only once its question is answered, and roll it out as a phase of its own.',
  ]
}

export function rollbackCommand(path: string, restart: string): string {
  return `rm ${INSTALL_DIR}/${path} && systemctl daemon-reload && systemctl restart '${restart}'`
}

/** Comments must stay one line whatever the unit contained. */
const oneLine = (s: string): string => s.replace(/[\x00-\x1f\x7f]+/g, ' ')

export function renderDropIn(
  header: DropInHeader,
  phases: readonly DropInPhase[],
  options: RenderOptions = {},
): DropInText {
  const out: string[] = []
  const lines = new Map<number, readonly [number, number, boolean]>()
  const active = phases.reduce((n, p) => n + p.directives.length, 0)
  const deferred = phases.reduce((n, p) => n + (p.deferred?.length ?? 0), 0)
  out.push(
    `# ${oneLine(header.path)}: hardening for ${oneLine(header.unit)}, suggested by systemd-exposure for systemd ${header.version}.`,
  )
  if (header.now !== undefined && header.predicted !== undefined) {
    const counted =
      deferred === 0
        ? 'with every line below'
        : `with the ${active} active line${active === 1 ? '' : 's'} below; the ${deferred} commented-out line${deferred === 1 ? ' is' : 's are'} not counted`
    const answered = deferred > 0 && header.ifAnswered !== undefined ? ` (with them too: ${header.ifAnswered})` : ''
    out.push(`# systemd-analyze security: ${header.now} now, ${header.predicted} ${counted}${answered}.`)
  }
  if (header.perVersion !== undefined) out.push(`# Per version: ${header.perVersion.map(oneLine).join('; ')}.`)
  if (header.observe !== undefined && header.observe.length > 0) {
    out.push(
      '# Observe first, on one host running it: PID=$(systemctl show -P MainPID ' + oneLine(header.restart) + ')',
    )
    for (const o of header.observe) out.push(`#   ${oneLine(o)}`)
  }
  rolloutSteps(oneLine(header.restart)).forEach((step, k) =>
    out.push(k === 0 ? `# Roll out in rings. ${step}` : `# ${step}`),
  )
  out.push(`# Rollback, one command: ${rollbackCommand(oneLine(header.path), oneLine(header.restart))}`)
  if (phases.length === 0) {
    out.push('# Nothing to add: every suggestion is in effect or was skipped.')
    return { content: out.join('\n') + '\n', lines }
  }
  out.push('', '[Service]')
  phases.forEach((p, i) => {
    if (i > 0) out.push('')
    out.push(
      p.directives.length === 0
        ? `# Phase ${i + 1}: ${p.name} (deferred lines only)`
        : `# Phase ${i + 1}: ${p.name} (risk: ${p.risk})${p.score === undefined ? '' : ` → ${p.score}`}`,
    )
    p.directives.forEach((d, j) => {
      if (d.note !== null) out.push(`# ${d.risk} risk; ${oneLine(d.note)}`)
      out.push(`${d.directive}=${d.value}`)
      lines.set(out.length, [i, j, false])
    })
    const waiting = p.deferred ?? []
    let because: string | undefined
    let asked: string | undefined
    waiting.forEach((d, j) => {
      if (d.because !== because) out.push(`# Deferred, not counted in any score: ${oneLine(d.because ?? '')}.`)
      const question = d.question ?? ''
      if (question !== asked || d.because !== because) out.push(`# ? ${oneLine(question)}`)
      because = d.because
      asked = question
      if (options.uncommentDeferred) {
        out.push(`${d.directive}=${d.value}`)
        lines.set(out.length, [i, j, true])
      } else out.push(`#${d.directive}=${oneLine(d.value)}`)
    })
  })
  return { content: out.join('\n') + '\n', lines }
}
