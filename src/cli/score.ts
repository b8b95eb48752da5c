/** `systemd-exposure score`: systemd-analyze security --offline=true, natively. */
import { parseArgs } from 'node:util'
import { assessUnitFile, type AssessResult } from '../engine.js'
import { formatExposure } from '../model/exposure.js'
import { parseSecurityPolicy, PolicyError, type SecurityPolicy } from '../model/policy.js'
import { VERSION_TRAITS } from '../model/versions.js'
import { pushJsonRows, renderScoreText } from '../report/score-text.js'
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
  // Output is written in chunks of about OUTPUT_CHUNK characters as units are assessed: memory
  // stays flat for thousands of units (fresh memory is what costs most), and there are few writes.
  const out = new ChunkedOutput(io.stdout)
  const messages: string[] = []
  if (format === 'json') out.push('[')
  let first = true
  for (const path of positionals) {
    const r = assessUnitFile(io.source, path, policy ? { version, policy } : { version })
    for (const d of r.diagnostics) messages.push(`${formatDiagnostic(d)}\n`)
    if (!r.ok) {
      failed = true
      messages.push(`${r.path}: ${r.error}\n`)
    } else if (r.exposure > threshold) failed = true
    if (format === 'json') {
      if (!first) out.push(',')
      pushJsonEntry(r, out)
      first = false
    } else if (r.ok) out.push(renderScoreText(r, { emoji }))
  }
  if (format === 'json') out.push(']\n')
  if (messages.length > 0) io.stderr(messages.join(''))
  out.flush()
  return failed ? 1 : 0
}

/**
 * Characters per write. Output strings hold '…' (two bytes per character in V8), so this keeps
 * each joined chunk a young-generation object (64 KiB); larger ones cost fresh pages.
 */
const OUTPUT_CHUNK = 32 * 1024

class ChunkedOutput {
  private readonly parts: string[] = []
  private length = 0
  constructor(private readonly write: (text: string) => void) {}

  push(text: string): void {
    this.parts.push(text)
    this.length += text.length
    if (this.length >= OUTPUT_CHUNK) this.flush()
  }

  flush(): void {
    if (this.parts.length === 0) return
    this.write(this.parts.join(''))
    this.parts.length = 0
    this.length = 0
  }
}

/** The pieces of `JSON.stringify(jsonEntry(r))`, byte for byte, rows from cached fragments. */
function pushJsonEntry(r: AssessResult, out: ChunkedOutput): void {
  if (!r.ok) {
    out.push(JSON.stringify({ path: r.path, error: r.error }))
    return
  }
  // Number("9.6") prints as 9.6, Number("10.0") as 10: as JSON.stringify prints the number.
  const exposure = String(Number(formatExposure(r.exposure)))
  out.push(`{"unit":${JSON.stringify(r.unit)},"path":${JSON.stringify(r.path)},"exposure":${exposure},"verdict":${JSON.stringify(r.verdict)},"items":`)
  pushJsonRows(r, out)
  out.push('}')
}

/** systemd's rule: $SYSTEMD_EMOJI if set, else only on a real terminal type. */
function emojiEnabled(env: NodeJS.ProcessEnv): boolean {
  const forced = env['SYSTEMD_EMOJI']
  if (forced !== undefined) return !/^(0|no|false|off)$/i.test(forced)
  const term = env['TERM']
  return term !== undefined && term !== 'dumb' && term !== 'linux'
}
