/** Shared option parsing for the CLI commands. */
import { parseArgs } from 'node:util'
import { DEFAULT_SYSTEMD_VERSION, isSystemdVersion, SYSTEMD_VERSIONS, type SystemdVersion } from '../model/versions.js'
import { UsageError } from './usage.js'

export function parseVersion(value: string | undefined, env: NodeJS.ProcessEnv): SystemdVersion {
  const v = value ?? env['SYSTEMD_EXPOSURE_VERSION'] ?? DEFAULT_SYSTEMD_VERSION
  if (!isSystemdVersion(v)) {
    throw new UsageError(`--systemd-version must be one of ${SYSTEMD_VERSIONS.join(', ')}, got '${v}'`)
  }
  return v
}

export function parseChoice<T extends string>(name: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got '${value}'`)
  }
  return value as T
}

export function parseThreshold(value: string | undefined): number {
  if (value === undefined) return 100
  if (!/^[0-9]+$/.test(value) || Number(value) > 100) {
    throw new UsageError(`--threshold must be an integer from 0 to 100 (ten times the score), got '${value}'`)
  }
  return Number(value)
}

/**
 * util.parseArgs for a command whose options all take a value and which may be given thousands
 * of file arguments: parseArgs costs a few microseconds per argument (about 10 ms for 2,580).
 * A plain argument — no leading '-' and not the value of the option before it — is a positional
 * whatever parseArgs would decide, as is everything after `--`; only the rest goes through
 * parseArgs, so the errors and option forms (`--x v`, `--x=v`) are its own.
 */
export function parseStringOptions<K extends string>(
  args: readonly string[],
  names: readonly K[],
): { values: Partial<Record<K, string>>; positionals: string[] } {
  const takesValue = new Set<string>(names.map((n) => `--${n}`))
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
    optionArgs.push(arg)
    if (takesValue.has(arg) && i + 1 < args.length) optionArgs.push(args[++i]!)
  }
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]))
  const parsed = parseArgs({ args: optionArgs, options, allowPositionals: true, strict: true })
  return { values: parsed.values as Partial<Record<K, string>>, positionals: [...parsed.positionals, ...positionals] }
}
