/** `systemd-exposure score`: systemd-analyze security --offline=true, natively. */
import { parseSecurityPolicy, PolicyError, type SecurityPolicy } from '../model/policy.js'
import { VERSION_TRAITS } from '../model/versions.js'
import { OPTIONS } from '../options/option-table.js'
import { ByteSink } from '../report/byte-sink.js'
import { readCommandLine } from './command-line.js'
import { readFormat } from './format-option.js'
import type { CliIO } from './io.js'
import { SCORE_FORMATS } from './score-formats.js'
import { scoreUnits, type ScoreJob } from './score-units.js'
import { UsageError } from './usage.js'

export function scoreCommand(args: readonly string[], io: CliIO): number {
  const { read, positionals } = readCommandLine('score', args, io.env)
  // A range scores with its oldest supported version.
  const version = read(OPTIONS.systemdVersion).versions[0]!
  const format = readFormat(read, SCORE_FORMATS)
  const threshold = read(OPTIONS.threshold)
  const policyFile = read(OPTIONS.securityPolicy)
  if (positionals.length === 0) throw new UsageError('score needs at least one UNIT_FILE')

  let policy: SecurityPolicy | undefined
  if (policyFile !== '') {
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
    render: format.render,
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
