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
import { unitArguments } from './unit-args.js'
import { UsageError } from './usage.js'

export function scoreCommand(args: readonly string[], io: CliIO): number {
  const { read, positionals } = readCommandLine('score', args, io.env)
  const version = read(OPTIONS.systemdVersion)
  const format = readFormat(read, SCORE_FORMATS)
  const threshold = read(OPTIONS.threshold)
  const policyFile = read(OPTIONS.securityPolicy)
  if (positionals.length === 0) throw new UsageError('score needs at least one UNIT_FILE or DIR')
  const units = unitArguments(io.source, positionals)
  for (const dir of units.empty) io.stderr(`${dir}: no unit files under this directory (services, sockets, mounts and swaps named like units, outside drop-in directories)\n`)
  if (units.paths.length === 0) return 1

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
    paths: units.paths,
    // Paths as given, read from here: systemd-analyze run in this directory on the same arguments.
    assess: policy ? { version, policy, location: { absoluteRoot: io.cwd } } : { version, location: { absoluteRoot: io.cwd } },
    render: format.render,
    threshold,
    emoji: emojiEnabled(io.env),
  }
  // Output goes out in blocks as units are assessed: memory stays flat for thousands of units.
  const out = new ByteSink(io.stdout)
  // A unit's warnings come before its report, as systemd-analyze prints them: what is buffered
  // for standard output goes out first (only when there are warnings, so runs stay fast).
  const warn = (text: string): void => {
    out.flush()
    io.stderr(text)
  }
  const outcome = scoreUnits(io.source, job, out, warn)
  out.flush()
  return outcome.failed ? 1 : 0
}

/** systemd's rule: $SYSTEMD_EMOJI if set, else only on a real terminal type. */
function emojiEnabled(env: NodeJS.ProcessEnv): boolean {
  const forced = env['SYSTEMD_EMOJI']
  if (forced !== undefined) return !/^(0|no|false|off)$/i.test(forced)
  const term = env['TERM']
  return term !== undefined && term !== 'dumb' && term !== 'linux'
}
