/**
 * The action's inputs, parsed once into a typed Settings object with clear errors. Takes a
 * getter so tests pass a plain record; toolkit semantics (trimmed values, YAML 1.2 booleans as
 * core.getBooleanInput accepts them, one list item per line).
 */
import { DEFAULT_FILTER, type PathFilter } from '../diff/affected.js'
import type { GateSettings } from '../diff/gate.js'
import { parseAllowEntry, type AllowEntry } from '../diff/waivers.js'
import { isSystemdVersion, SYSTEMD_VERSIONS, type SystemdVersion } from '../model/versions.js'

export type CommentMode = 'update' | 'new' | 'off'

export interface Settings {
  readonly token: string
  readonly version: SystemdVersion
  readonly filter: PathFilter
  readonly gate: GateSettings
  readonly allow: readonly AllowEntry[]
  readonly comment: CommentMode
  readonly workingDirectory: string
}

export class InputError extends Error {}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

export function readSettings(get: (name: string) => string): Settings {
  const input = (name: string): string => (get(name) ?? '').trim()
  const bool = (name: string, fallback: boolean): boolean => {
    const v = input(name)
    if (v === '') return fallback
    if (TRUE.includes(v)) return true
    if (FALSE.includes(v)) return false
    throw new InputError(`input '${name}' must be true or false, got '${v}'`)
  }
  const score = (name: string): number | null => {
    const v = input(name)
    if (v === '') return null
    if (!/^(10(\.0)?|[0-9](\.[0-9])?)$/.test(v)) {
      throw new InputError(`input '${name}' must be an exposure score from 0.0 to 10.0 (one decimal), got '${v}'`)
    }
    return Number(v)
  }
  const lines = (name: string): string[] =>
    input(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))

  const version = input('systemd-version') || '252'
  if (!isSystemdVersion(version)) {
    throw new InputError(`input 'systemd-version' must be one of ${SYSTEMD_VERSIONS.join(', ')}, got '${version}'`)
  }
  const comment = input('comment') || 'update'
  if (comment !== 'update' && comment !== 'new' && comment !== 'off') {
    throw new InputError(`input 'comment' must be update, new or off, got '${comment}'`)
  }
  const paths = lines('paths')
  const include = paths.filter((p) => !p.startsWith('!'))
  const exclude = paths.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
  const allow = lines('allow-capabilities').map((text) => {
    const e = parseAllowEntry(text)
    if (!e) throw new InputError(`input 'allow-capabilities': '${text}' is not CAP_NAME or UNIT:CAP_NAME`)
    return e
  })
  const token = input('github-token')
  return {
    token,
    version,
    filter: {
      include: include.length > 0 ? include : DEFAULT_FILTER.include,
      exclude: [...DEFAULT_FILTER.exclude, ...exclude],
    },
    gate: {
      failOnCapabilityWidening: bool('fail-on-capability-widening', true),
      maxExposure: score('max-exposure'),
      maxExposureIncrease: score('max-exposure-increase'),
      failOnRegression: bool('fail-on-regression', false),
      failOnInvalidUnit: bool('fail-on-invalid-unit', false),
      // Not an input yet (the options table will add one): what cannot be read fails closed.
      failOnUnreadableUnit: true,
    },
    allow,
    comment,
    workingDirectory: input('working-directory') || '.',
  }
}
