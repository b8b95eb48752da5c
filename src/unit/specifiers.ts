/**
 * Unit specifiers (`%i`, `%n`, …) as the offline analyser of a system-scope unit expands them:
 * specifier_printf() over unit_full_printf_full()'s table (unit-printf.c). Machine-dependent
 * values are fixed, plausible ones for a clean Debian machine; they never decide a score (only
 * whether a value is a valid user name, path or executable does, and that they keep).
 */
import { unescapeUnitName, unitInstance, unitPrefix, unitType } from './names.js'

export interface SpecifierContext {
  /** The unit's name when the line is parsed: the name asked for in its unit file, its main name in drop-ins. */
  readonly unitName: string
  /** Path of the fragment, for %y/%Y. */
  readonly fragmentPath: string
  /** 257+: `%D`, the shared data directory (/usr/share), is a specifier; before, an unknown one. */
  readonly sharedDataDirSpecifier: boolean
}

/**
 * What unit_full_printf() (arguments, user names), unit_path_printf() (paths) and
 * unit_cred_printf() (credential names) allow.
 */
export type SpecifierUse = 'full' | 'path' | 'credential' | 'hostname'

/** The expanded text, or the strerror() text of why specifier_printf() failed. */
export type Expansion = { readonly value: string } | { readonly error: string }

/**
 * LONG_LINE_MAX for unit_full_printf(), PATH_MAX-1 for unit_path_printf(), CREDENTIAL_NAME_MAX for
 * unit_cred_printf(), HOST_NAME_MAX for ProtectHostname='s name, in bytes.
 */
const MAX_BYTES: Record<SpecifierUse, number> = { full: 1024 * 1024, path: 4095, credential: 255, hostname: 64 }

const INVALID_SLOT = 'Invalid slot' // EBADSLT: a letter or digit that is no specifier
const TOO_LONG = 'File name too long' // ENAMETOOLONG
const INVALID_ARGUMENT = 'Invalid argument' // EINVAL: a unit name that does not unescape to a path

const DEPRECATED = new Set(['c', 'r', 'R'])

/**
 * Expands specifiers; a `%` before anything but a letter or digit (or at the end) stays as it is.
 * `deprecated` is called for each `%c`, `%r` or `%R` looked up: systemd warns every time.
 */
export function expandSpecifiers(
  text: string,
  ctx: SpecifierContext,
  use: SpecifierUse,
  deprecated?: (specifier: string) => void,
): Expansion {
  if (!text.includes('%')) return fits(text, use) ? { value: text } : { error: TOO_LONG }
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c !== '%') out += c
    else if (i + 1 >= text.length)
      out += '%' // a stray % at the end is kept
    else {
      const spec = text[++i]!
      if (spec === '%') out += '%'
      else {
        const value = specifierValue(spec, ctx)
        if (value === undefined) {
          // POSSIBLE_SPECIFIERS: letters and digits are reserved; anything else is literal.
          if (/[A-Za-z0-9]/.test(spec)) return { error: INVALID_SLOT }
          out += '%' + spec
        } else if (typeof value === 'object') return value
        else {
          if (DEPRECATED.has(spec)) deprecated?.(spec)
          out += value
        }
      }
    }
    // specifier_printf() checks the length as it goes: a later failure is not reached.
    if (out.length > MAX_BYTES[use] / 3 && !fits(out, use)) return { error: TOO_LONG }
  }
  return { value: out }
}

/**
 * The message systemd logs when a specifier of `c` is used; with `unit`, as it logs it (about the
 * unit, not a line: `foo.service: Specifier '%c' used …`).
 */
export function deprecatedSpecifierMessage(c: string, unit?: string): string {
  const message = `Specifier '%${c}' used in unit configuration, which is deprecated. Please update your unit file, as it does not work as intended.`
  return unit === undefined ? message : `${unit}: ${message}`
}

function fits(text: string, use: SpecifierUse): boolean {
  const max = MAX_BYTES[use]
  return text.length <= max / 3 || new TextEncoder().encode(text).length <= max
}

/** A specifier's value; undefined when the letter is not in the table; an error when its lookup fails. */
function specifierValue(spec: string, ctx: SpecifierContext): string | { error: string } | undefined {
  const name = ctx.unitName
  const instance = unitInstance(name)
  const prefix = unitPrefix(name)
  switch (spec) {
    case 'n':
      return name
    case 'N':
      return name.slice(0, name.length - unitType(name).length - 1)
    case 'p':
      return prefix
    case 'P':
      return unescaped(prefix)
    case 'i':
      return instance ?? ''
    case 'I':
      return unescaped(instance ?? '')
    case 'j':
      return lastComponent(prefix)
    case 'J':
      return unescaped(lastComponent(prefix))
    case 'f':
      return pathUnescaped(instance ?? prefix)
    case 'y':
      return realPath(ctx.fragmentPath)
    case 'Y':
      return realDirectory(ctx.fragmentPath)
    // The offline manager's cgroup root is empty and the unit has no slice yet.
    case 'c':
      return `/${name}`
    case 'r':
      return ''
    case 'R':
      return ''
    case 'C':
      return '/var/cache'
    case 'd':
      return `/run/credentials/${name}`
    case 'D':
      return ctx.sharedDataDirSpecifier ? '/usr/share' : undefined
    case 'E':
      return '/etc'
    case 'L':
      return '/var/log'
    case 'S':
      return '/var/lib'
    case 't':
      return '/run'
    case 'h':
      return '/root'
    case 's':
      return '/bin/sh'
    // COMMON_SYSTEM_SPECIFIERS: Debian's os-release has no IMAGE_VERSION, BUILD_ID, IMAGE_ID, VARIANT_ID.
    case 'a':
      return 'x86-64'
    case 'A':
      return ''
    case 'b':
      return '0f1e2d3c4b5a69788796a5b4c3d2e1f0'
    case 'B':
      return ''
    case 'H':
      return 'localhost'
    case 'l':
      return 'localhost'
    case 'q':
      return 'localhost'
    case 'm':
      return '5e1f0c2a9b7d4e3f8a6c1b2d3e4f5a6b'
    case 'M':
      return ''
    case 'o':
      return 'debian'
    case 'v':
      return '6.1.0-amd64'
    case 'w':
      return '12'
    case 'W':
      return ''
    // COMMON_CREDS_SPECIFIERS of the system scope: root.
    case 'g':
      return 'root'
    case 'G':
      return '0'
    case 'u':
      return 'root'
    case 'U':
      return '0'
    case 'T':
      return '/tmp'
    case 'V':
      return '/var/tmp'
    default:
      return undefined
  }
}

/** specifier_last_component(): the prefix after its last dash. */
function lastComponent(prefix: string): string {
  const dash = prefix.lastIndexOf('-')
  return dash >= 0 ? prefix.slice(dash + 1) : prefix
}

/** unit_name_unescape(): `-` → `/`, `\xNN` → that byte; any other backslash fails. */
function unescaped(text: string): string | { error: string } {
  if (!text.includes('\\')) return unescapeUnitName(text)
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '-') out += '/'
    else if (c === '\\') {
      const hex = text.slice(i + 2, i + 4)
      if (text[i + 1] !== 'x' || !/^[0-9a-fA-F]{2}$/.test(hex)) return { error: INVALID_ARGUMENT }
      const byte = parseInt(hex, 16)
      // A NUL ends the C string there.
      if (byte === 0) return out
      out += String.fromCharCode(byte)
      i += 3
    } else out += c
  }
  return out
}

/** unit_name_path_unescape(): `-` is `/`; otherwise the unescaped text, which must make a normalized path. */
function pathUnescaped(text: string): string | { error: string } {
  if (text === '') return { error: INVALID_ARGUMENT }
  if (text === '-') return '/'
  const w = unescaped(text)
  if (typeof w === 'object') return w
  if (w.startsWith('/') || w.endsWith('/')) return { error: INVALID_ARGUMENT }
  const path = '/' + w
  const parts = path.slice(1).split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return { error: INVALID_ARGUMENT }
  return path
}

/** %y: the fragment's real path, which systemd makes absolute (only its being an absolute path matters). */
function realPath(fragmentPath: string): string {
  return fragmentPath.startsWith('/') ? fragmentPath : `/${fragmentPath.replace(/^(\.\/)+/, '')}`
}

function realDirectory(fragmentPath: string): string {
  const path = realPath(fragmentPath)
  return path.slice(0, path.lastIndexOf('/')) || '/'
}
