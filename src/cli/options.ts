/** Shared option parsing for the CLI commands. */
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
