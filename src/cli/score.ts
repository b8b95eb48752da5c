/** `systemd-exposure score`: systemd-analyze security --offline=true, natively. */
import { parseSecurityPolicy, PolicyError, type SecurityPolicy } from '../model/policy.js'
import { VERSION_TRAITS } from '../model/versions.js'
import { OPTIONS } from '../options/option-table.js'
import { ByteSink } from '../report/byte-sink.js'
import { errorMessage } from '../text/error-message.js'
import { readCommandLine } from './command-line.js'
import { readFormat } from './format-option.js'
import type { CliIO } from './io.js'
import { SCORE_FORMATS } from './score-formats.js'
import { scoreUnits, type ScoreJob } from './score-units.js'
import { systemdPath } from './systemd-paths.js'
import { colourEnabled, emojiEnabled, NO_TERMINAL, progressLine } from './terminal.js'
import { unitArguments } from './unit-args.js'
import { UsageError } from './usage.js'

export function scoreCommand(args: readonly string[], io: CliIO): number {
  const { read, positionals } = readCommandLine('score', args, io.env)
  const terminal = io.terminal ?? NO_TERMINAL
  // A range scores with its oldest supported version.
  const version = read(OPTIONS.systemdVersion).versions[0]!
  const format = readFormat(read, SCORE_FORMATS)
  const threshold = read(OPTIONS.threshold)
  const policyFile = read(OPTIONS.securityPolicy)
  if (positionals.length === 0) throw new UsageError('score needs at least one UNIT_FILE or DIR')
  const units = unitArguments(io.source, positionals)
  for (const problem of units.problems) io.stderr(`${problem}\n`)
  if (units.paths.length === 0) return 1

  let policy: SecurityPolicy | undefined
  if (policyFile !== '') {
    try {
      policy = parseSecurityPolicy(io.readTextFile(policyFile), policyFile, VERSION_TRAITS[version])
    } catch (e) {
      io.stderr(
        `${e instanceof PolicyError ? e.message : `Failed to read security policy ${policyFile}: ${errorMessage(e)}`}\n`,
      )
      return 1
    }
  }

  const job: ScoreJob = {
    paths: units.paths,
    // Paths as given, read from here: systemd-analyze run in this directory on the same arguments.
    assess: policy
      ? { version, policy, location: { absoluteRoot: io.cwd } }
      : { version, location: { absoluteRoot: io.cwd } },
    render: format.render,
    threshold,
    displayPath: (file) => systemdPath(file, io.shellCwd ?? io.cwd),
    style: { emoji: emojiEnabled(io.env), colour: colourEnabled(io.env, terminal) },
  }
  // Output goes out in blocks as units are assessed: memory stays flat for thousands of units.
  const out = new ByteSink(io.stdout)
  const progress = progressLine(terminal, units.paths.length, 'systemd-exposure: scored', io.stderr)
  // Each unit's warnings go out as it is assessed. On a terminal they come before its report, as
  // systemd-analyze shows them: what is buffered for standard output goes out first. Elsewhere
  // standard output keeps its large blocks (systemd-analyze's C library buffers it there too).
  const warn = (text: string): void => {
    if (terminal.stdout) out.flush()
    progress.clear()
    io.stderr(text)
  }
  const outcome = scoreUnits(io.source, job, out, warn, (done) => progress.update(done))
  out.flush()
  progress.clear()
  return outcome.failed ? 1 : 0
}
