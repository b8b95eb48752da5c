/**
 * A command's arguments, parsed with the option table (src/options/option-table.ts): typed values
 * through an option reader, and the positional arguments.
 */
import { parseArgs } from 'node:util'
import { commandOptions } from '../options/option-table.js'
import type { Command, Option } from '../options/option.js'
import { optionReader, type ReadOption } from '../options/read-option.js'
import { BOOLEAN } from '../options/value-types.js'
import { UsageError } from './usage.js'

export interface CommandLine {
  readonly read: ReadOption
  readonly positionals: string[]
}

/**
 * Reads `args` as `command`'s. An option given empty (`--base=`) reads as not given, as an empty
 * action input does; an option with an environment variable reads it when the flag is not given.
 */
export function readCommandLine(command: Command, args: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
  const { values, positionals } = parseCommandLine(args, commandOptions(command))
  const read = optionReader({
    given(option) {
      if (option.flag === null || !option.commands.includes(command)) return null
      const raw = values[option.flag]
      const texts = (raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw).filter((t) => t !== '')
      if (texts.length > 0) return { texts, label: `--${option.flag}` }
      const fromEnv = option.env === undefined ? undefined : env[option.env]
      return fromEnv ? { texts: [fromEnv], label: option.env! } : null
    },
    refuse: (message) => new UsageError(message),
  })
  return { read, positionals }
}

/**
 * util.parseArgs over `options`, for commands that may be given thousands of file arguments:
 * parseArgs costs a few microseconds per argument (about 10 ms for 2,580). A plain argument — no
 * leading '-' and not the value of the option before it — is a positional whatever parseArgs
 * would decide, as is everything after `--`; only the rest goes through parseArgs, so the errors
 * and option forms (`--x v`, `--x=v`) are its own.
 *
 * Boolean options take a value or none: `--flag` alone is true; `--flag=no` sets it, and so does
 * `--flag no` when the next argument is a boolean word (a file named `no` after a boolean flag is
 * written `./no`). parseArgs has no such kind of option, so they reach it as `--flag=value`.
 */
export function parseCommandLine(
  args: readonly string[],
  options: readonly Option[],
): { values: Record<string, string | string[] | undefined>; positionals: string[] } {
  const byArg = new Map(options.map((o) => [`--${o.flag}`, o]))
  const optionArgs: string[] = []
  const positionals: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--') {
      for (let j = i + 1; j < args.length; j++) positionals.push(args[j]!)
      break
    }
    if (arg.length < 2 || arg[0] !== '-') {
      positionals.push(arg)
      continue
    }
    const option = byArg.get(arg)
    if (option?.type === BOOLEAN) {
      const next = args[i + 1]
      const takesNext = next !== undefined && BOOLEAN.parse(next) !== undefined
      optionArgs.push(`${arg}=${takesNext ? next : 'true'}`)
      if (takesNext) i++
      continue
    }
    optionArgs.push(arg)
    if (option && i + 1 < args.length) optionArgs.push(args[++i]!)
  }
  const config = Object.fromEntries(options.map((o) => [o.flag!, { type: 'string' as const, multiple: o.list }]))
  const parsed = parseArgs({ args: optionArgs, options: config, allowPositionals: true, strict: true })
  return { values: parsed.values, positionals: [...parsed.positionals, ...positionals] }
}
