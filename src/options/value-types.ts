/**
 * The kinds of values options take. Each has one grammar, shared by the CLI and the action: a
 * value means the same whether it came from `--max-exposure 7.0` or `max-exposure: '7.0'`.
 */
import { parseAllowEntry, type AllowEntry } from '../diff/waivers.js'
import {
  isSystemdVersion,
  parseSystemdTarget,
  SYSTEMD_VERSIONS,
  type SystemdTarget,
  type SystemdVersion,
} from '../model/versions.js'

export type { SystemdTarget }

export interface ValueType<T> {
  /** The value as the usage text shows it: `X.Y`, `true|false`, `252|254|257|262`. */
  readonly placeholder: string
  /** What is accepted, completing "must be …" in error messages. */
  readonly accepts: string
  /** The value the text stands for, or undefined when the text is not accepted. */
  parse(text: string): T | undefined
}

// The words the CLI has always taken, in any case. They include the action's former
// `true|True|TRUE` and `false|False|FALSE` (core.getBooleanInput's YAML 1.2 words), so no
// spelling that worked on either side stops working.
export const BOOLEAN_WORDS = {
  true: ['true', 'yes', 'on', '1'],
  false: ['false', 'no', 'off', '0'],
} as const satisfies Record<string, readonly string[]>
const TRUE_WORDS: readonly string[] = BOOLEAN_WORDS.true
const FALSE_WORDS: readonly string[] = BOOLEAN_WORDS.false

/** The one boolean grammar. On the command line a boolean flag given alone also means true. */
export const BOOLEAN: ValueType<boolean> = {
  placeholder: 'true|false',
  accepts: `true or false (${TRUE_WORDS.join(', ')} / ${FALSE_WORDS.join(', ')}, in any case)`,
  parse(text) {
    const word = text.toLowerCase()
    if (TRUE_WORDS.includes(word)) return true
    if (FALSE_WORDS.includes(word)) return false
    return undefined
  },
}

/** An exposure score as systemd prints one: 0.0–10.0, at most one decimal. Empty: no limit. */
export const SCORE: ValueType<number | null> = {
  placeholder: 'X.Y',
  accepts: 'an exposure score from 0.0 to 10.0 with at most one decimal',
  parse: (text) => (text === '' ? null : /^(10(\.0)?|[0-9](\.[0-9])?)$/.test(text) ? Number(text) : undefined),
}

/** systemd-analyze's --threshold: an integer 0–100, ten times the score. */
export const THRESHOLD: ValueType<number> = {
  placeholder: 'N',
  accepts: 'an integer from 0 to 100 (ten times the score)',
  parse: (text) => (/^[0-9]+$/.test(text) && Number(text) <= 100 ? Number(text) : undefined),
}

export const SYSTEMD_VERSION: ValueType<SystemdVersion> = {
  placeholder: SYSTEMD_VERSIONS.join('|'),
  accepts: `one of ${SYSTEMD_VERSIONS.join(', ')}`,
  parse: (text) => (isSystemdVersion(text) ? text : undefined),
}

/**
 * The systemd a fleet runs: one supported version, or a range `OLDEST-NEWEST` (`252-257`) of
 * releases. Advice uses only values every release in the range honours; scores are computed for
 * each supported version in it. score and diff use the oldest supported version of a range.
 */

export const SYSTEMD_TARGET: ValueType<SystemdTarget> = {
  placeholder: `${SYSTEMD_VERSIONS.join('|')}|OLDEST-NEWEST`,
  accepts: `one of ${SYSTEMD_VERSIONS.join(', ')}, or a range OLDEST-NEWEST (such as ${SYSTEMD_VERSIONS[0]}-${SYSTEMD_VERSIONS[2]}) that contains one of them`,
  parse: parseSystemdTarget,
}

/** A capability accepted without a waiver, for every service or for one unit. */
export const ALLOW_ENTRY: ValueType<AllowEntry> = {
  placeholder: '[UNIT:]CAP_NAME',
  accepts: 'CAP_NAME or UNIT:CAP_NAME',
  parse: (text) => parseAllowEntry(text) ?? undefined,
}

/** A path glob, or `!glob` for one that excludes (the action's `paths`). */
export interface PathPattern {
  readonly glob: string
  readonly exclude: boolean
}

export const PATH_PATTERN: ValueType<PathPattern> = {
  placeholder: '[!]GLOB',
  accepts: 'a glob, or !glob to exclude',
  parse: (text) => {
    const exclude = text.startsWith('!')
    const glob = exclude ? text.slice(1) : text
    return glob === '' ? undefined : { glob, exclude }
  },
}

/** One of a few words. */
export function choice<T extends string>(choices: readonly T[]): ValueType<T> {
  return {
    placeholder: choices.join('|'),
    accepts: `one of ${choices.join(', ')}`,
    parse: (text) => ((choices as readonly string[]).includes(text) ? (text as T) : undefined),
  }
}

/** Any text: a revision, a file, a glob. */
export function text(placeholder: string): ValueType<string> {
  return { placeholder, accepts: 'any text', parse: (t) => t }
}

/** A build-template suffix: `.notify` (a leading dot, then a file-name part without `/`). */
export const TEMPLATE_SUFFIX: ValueType<string> = {
  placeholder: '.SUFFIX',
  accepts: 'a suffix such as .notify (a dot, then letters, digits, _ or -)',
  parse: (text) => (/^\.[A-Za-z0-9_-]+$/.test(text) ? text : undefined),
}

/** A build-template placeholder's value: `NAME=VALUE`, the name as written between the @s or braces. */
export interface PlaceholderValue {
  readonly name: string
  readonly value: string
}

export const PLACEHOLDER: ValueType<PlaceholderValue> = {
  placeholder: 'NAME=VALUE',
  accepts: 'NAME=VALUE, e.g. user=cockpit-ws',
  parse: (text) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text)
    return m ? { name: m[1]!, value: m[2]! } : undefined
  },
}
