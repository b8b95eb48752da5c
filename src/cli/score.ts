/** `systemd-exposure score`: systemd-analyze security --offline=true, natively. */
import { parseSecurityPolicy, PolicyError, type SecurityPolicy } from '../model/policy.js'
import { VERSION_TRAITS } from '../model/versions.js'
import { ByteSink } from '../report/byte-sink.js'
import type { CliIO } from './io.js'
import { parseChoice, parseStringOptions, parseThreshold, parseVersion } from './options.js'
import { scoreUnits, type ScoreJob } from './score-units.js'
import { UsageError } from './usage.js'

export function scoreCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseStringOptions(args, ['systemd-version', 'format', 'threshold', 'security-policy'])
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

  const job: ScoreJob = {
    paths: positionals,
    // Paths as given, read from here: systemd-analyze run in this directory on the same arguments.
    assess: policy ? { version, policy, location: { absoluteRoot: io.cwd } } : { version, location: { absoluteRoot: io.cwd } },
    format,
    threshold,
    emoji: emojiEnabled(io.env),
  }
  // Output goes out in blocks as units are assessed: memory stays flat for thousands of units.
  const out = new ByteSink(io.stdout)
  const outcome = scoreUnits(io.source, job, out)
  out.flush()
  if (outcome.messages !== '') io.stderr(outcome.messages)
  return outcome.failed ? 1 : 0
}

/** systemd's rule: $SYSTEMD_EMOJI if set, else only on a real terminal type. */
function emojiEnabled(env: NodeJS.ProcessEnv): boolean {
  const forced = env['SYSTEMD_EMOJI']
  if (forced !== undefined) return !/^(0|no|false|off)$/i.test(forced)
  const term = env['TERM']
  return term !== undefined && term !== 'dumb' && term !== 'linux'
}
