/** `systemd-exposure score`: systemd-analyze security --offline=true, natively. */
import { parseArgs } from 'node:util'
import { assessUnitFile, type AssessResult } from '../engine.js'
import { formatExposure } from '../model/exposure.js'
import { parseSecurityPolicy, PolicyError, type SecurityPolicy } from '../model/policy.js'
import { VERSION_TRAITS } from '../model/versions.js'
import { jsonRows, renderScoreText } from '../report/score-text.js'
import { formatDiagnostic } from '../unit/diagnostics.js'
import type { CliIO } from './io.js'
import { parseChoice, parseThreshold, parseVersion } from './options.js'
import { UsageError } from './usage.js'

export function scoreCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      'systemd-version': { type: 'string' },
      format: { type: 'string' },
      threshold: { type: 'string' },
      'security-policy': { type: 'string' },
    },
  })
  const version = parseVersion(values['systemd-version'], io.env)
  const format = parseChoice('format', values.format, ['text', 'json'] as const, 'text')
  const threshold = parseThreshold(values.threshold)
  if (positionals.length === 0) throw new UsageError('score needs at least one UNIT_FILE')

  let policy: SecurityPolicy | undefined
  const policyFile = values['security-policy']
  if (policyFile !== undefined) {
    try {
      policy = parseSecurityPolicy(io.readTextFile(policyFile), policyFile, VERSION_TRAITS[version])
    } catch (e) {
      io.stderr(`${e instanceof PolicyError ? e.message : `Failed to read security policy ${policyFile}: ${(e as Error).message}`}\n`)
      return 1
    }
  }

  let failed = false
  const emoji = emojiEnabled(io.env)
  // Each unit is rendered as soon as it is assessed, so memory stays flat for thousands of units.
  const json: string[] = []
  const messages: string[] = []
  for (const path of positionals) {
    const r = assessUnitFile(io.source, path, policy ? { version, policy } : { version })
    for (const d of r.diagnostics) messages.push(`${formatDiagnostic(d)}\n`)
    if (!r.ok) {
      failed = true
      messages.push(`${r.path}: ${r.error}\n`)
    } else if (r.exposure > threshold) failed = true
    if (format === 'json') json.push(JSON.stringify(jsonEntry(r)))
    else if (r.ok) io.stdout(renderScoreText(r, { emoji }) + '\n')
  }
  if (messages.length > 0) io.stderr(messages.join(''))
  if (format === 'json') io.stdout(`[${json.join(',')}]\n`)
  return failed ? 1 : 0
}

function jsonEntry(r: AssessResult): object {
  return r.ok
    ? { unit: r.unit, path: r.path, exposure: Number(formatExposure(r.exposure)), verdict: r.verdict, items: jsonRows(r) }
    : { path: r.path, error: r.error }
}

/** systemd's rule: $SYSTEMD_EMOJI if set, else only on a real terminal type. */
function emojiEnabled(env: NodeJS.ProcessEnv): boolean {
  const forced = env['SYSTEMD_EMOJI']
  if (forced !== undefined) return !/^(0|no|false|off)$/i.test(forced)
  const term = env['TERM']
  return term !== undefined && term !== 'dumb' && term !== 'linux'
}
