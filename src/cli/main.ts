/** The `systemd-exposure` command line: dispatches to a command, maps errors to exit codes. */
import { readFileSync } from 'node:fs'
import type { Command } from '../options/option.js'
import { errorMessage } from '../text/error-message.js'
import { fileSystemSource } from '../unit/fs-source.js'
import { TOOL_VERSION } from '../version.js'
import type { CliIO } from './io.js'
import { scoreCommand } from './score.js'
import { shellWorkingDirectory } from './systemd-paths.js'
import { UsageError } from './usage.js'

export function defaultIO(): CliIO {
  // On Linux, Node's stdout pipe is non-blocking: a slow reader (`| jq`) would make every write
  // queue in memory until exit. Block instead, as Node already does on Windows.
  ;(process.stdout as unknown as { _handle?: { setBlocking?(b: boolean): void } })._handle?.setBlocking?.(true)
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readTextFile: (p) => readFileSync(p, 'utf8'),
    source: fileSystemSource(),
    env: process.env,
    cwd: process.cwd(),
    shellCwd: shellWorkingDirectory(process.env, process.cwd()),
    terminal: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  }
}

/** Runs one CLI invocation; returns the exit status (0 ok, 1 failed check, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command !== undefined && command !== 'help' && asksForHelp(rest)) return await helpCommand([command], io)
    switch (command) {
      case 'score':
        return scoreCommand(rest, io)
      // The other commands are loaded when asked for: `score` over thousands of units is timed
      // from process start, and compiling code it never runs is part of that time.
      case 'diff':
        return (await import('./diff.js')).diffCommand(rest, io)
      case 'recommend':
        return (await import('./recommend.js')).recommendCommand(rest, io)
      case 'conformance':
        return (await import('./conformance.js')).conformanceCommand(rest, io)
      case '--version':
      case '-V':
        io.stdout(`${TOOL_VERSION}\n`)
        return 0
      case 'help':
        if (rest.length > 0) return await helpCommand(rest, io)
        io.stdout(await usageText())
        return 0
      case undefined:
      case '-h':
      case '--help':
        io.stdout(await usageText())
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(
          `unknown command '${command}' (commands: ${(await import('./usage-text.js')).COMMAND_NAMES.join(', ')})`,
        )
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`systemd-exposure: ${errorMessage(e)}\n\n${await usageText(false)}`)
      return 2
    }
    throw e
  }
}

/**
 * `--help` or `-h` among a command's arguments, before a `--`: the command's help, whatever
 * else is given (as git and systemctl do).
 */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false
    if (arg === '--help' || arg === '-h') return true
  }
  return false
}

/** `help COMMAND`. */
async function helpCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { COMMAND_NAMES, commandHelp } = await import('./usage-text.js')
  const [name, ...extra] = args
  if (extra.length > 0) throw new UsageError(`help takes one COMMAND, got ${args.length}`)
  if (!(COMMAND_NAMES as readonly string[]).includes(name!))
    throw new UsageError(`no command '${name}' (commands: ${COMMAND_NAMES.join(', ')})`)
  io.stdout(commandHelp(name as Command))
  return 0
}

/** Loaded when printed: it gathers every command's formats, which `score` alone does not need. */
async function usageText(full = true): Promise<string> {
  return (await import('./usage-text.js')).usageText(full)
}
