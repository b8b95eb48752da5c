/** Unit names as systemd validates and splits them (unit-name.c). */

export const UNIT_TYPES = [
  'service',
  'socket',
  'target',
  'device',
  'mount',
  'automount',
  'swap',
  'timer',
  'path',
  'slice',
  'scope',
] as const

const VALID_CHARS = /^[A-Za-z0-9:\-_.\\@]*$/
const UNIT_NAME_MAX = 256

export type UnitNameKind = 'plain' | 'instance' | 'template'

/** The kind of a valid unit name, or null when systemd would reject the name. */
export function unitNameKind(name: string): UnitNameKind | null {
  if (name === '' || name.length >= UNIT_NAME_MAX) return null
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return null
  if (!(UNIT_TYPES as readonly string[]).includes(name.slice(dot + 1))) return null
  const stem = name.slice(0, dot)
  if (!VALID_CHARS.test(stem)) return null
  const at = stem.indexOf('@')
  if (at === 0) return null
  if (at < 0) return 'plain'
  return at === stem.length - 1 ? 'template' : 'instance'
}

export function unitType(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1)
}

/** Text before `@` (or before the type suffix): `foo` for `foo@bar.service`. */
export function unitPrefix(name: string): string {
  const dot = name.lastIndexOf('.')
  const at = name.indexOf('@')
  return at >= 0 && at < dot ? name.slice(0, at) : name.slice(0, dot)
}

/** The instance of `foo@bar.service` (`bar`); '' for a template; null for a plain name. */
export function unitInstance(name: string): string | null {
  const dot = name.lastIndexOf('.')
  const at = name.indexOf('@')
  return at >= 0 && at < dot ? name.slice(at + 1, dot) : null
}

/** `foo@bar.service` → `foo@.service`. */
export function templateOf(name: string): string {
  return `${unitPrefix(name)}@.${unitType(name)}`
}

export function withInstance(template: string, instance: string): string {
  return `${unitPrefix(template)}@${instance}.${unitType(template)}`
}

/** systemd's unit-name unescaping: `\xNN` → byte, `-` → `/`. */
export function unescapeUnitName(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '-') out += '/'
    else if (c === '\\' && s[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16))
      i += 3
    } else out += c
  }
  return out
}

/**
 * Drop-in directory names systemd searches for a unit, most specific first (dropin.c
 * unit_file_find_dirs): the name, its template, then the dash-prefix chain
 * (`a-b-c.service` → `a-b-.service`, `a-.service`), each again with its template.
 * The type-wide `service.d` comes last and is added by the caller.
 */
export function dropInUnitNames(name: string): string[] {
  const out: string[] = []
  const visit = (n: string): void => {
    out.push(n)
    const kind = unitNameKind(n)
    if (kind === 'instance') visit(templateOf(n))
    let prefix = unitPrefix(n)
    let chopped = false
    for (;;) {
      const dash = prefix.lastIndexOf('-')
      if (dash <= 0) return
      if (dash + 1 < prefix.length || chopped) {
        prefix = prefix.slice(0, dash + 1)
        break
      }
      prefix = prefix.slice(0, dash)
      chopped = true
    }
    const instance = kind === 'instance' ? unitInstance(n) : null
    const type = unitType(n)
    visit(instance !== null ? `${prefix}@${instance}.${type}` : `${prefix}.${type}`)
  }
  visit(name)
  return out
}

/**
 * unit_name_to_path(): the path a mount, automount or swap unit's name stands for
 * (`srv-www.mount` → `/srv/www`, `-.mount` → `/`); null where systemd fails with EINVAL (bad
 * escapes, doubled, leading or trailing dashes, `..` components).
 */
export function unitNameToPath(name: string): string | null {
  const prefix = unitPrefix(name)
  if (prefix === '') return null
  if (prefix === '-') return '/'
  let bytes = ''
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i]!
    if (c === '-') bytes += '/'
    else if (c === '\\') {
      const hex = prefix.slice(i + 2, i + 4)
      if (prefix[i + 1] !== 'x' || !/^[0-9a-fA-F]{2}$/.test(hex)) return null
      bytes += String.fromCharCode(parseInt(hex, 16))
      i += 3
    } else bytes += c
  }
  if (bytes.startsWith('/') || bytes.endsWith('/')) return null
  const path = `/${decodeBytes(bytes)}`
  return isNormalizedUnitPath(path) ? path : null
}

/**
 * unit_name_from_path(): the unit name systemd expects for a path (`/srv/www` → `srv-www.mount`);
 * null when the path is not normalized or the name would not be valid.
 */
export function unitNameFromPath(path: string, suffix: string): string | null {
  const simplified = `/${path
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/')}`
  if (!path.startsWith('/') || !isNormalizedUnitPath(simplified)) return null
  const stem = simplified === '/' ? '-' : escapeUnitPath(simplified.slice(1))
  const name = stem + suffix
  return unitNameKind(name) === 'plain' ? name : null
}

/** unit_name_escape() of a path without its leading slash: `/` → `-`, bytes outside [A-Za-z0-9:_.] and a leading `.` → `\xNN`. */
function escapeUnitPath(path: string): string {
  let out = ''
  const bytes = new TextEncoder().encode(path)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    const c = String.fromCharCode(b)
    if (c === '/') out += '-'
    else if ((i === 0 && c === '.') || !/^[A-Za-z0-9:_.]$/.test(c)) out += `\\x${b.toString(16).padStart(2, '0')}`
    else out += c
  }
  return out
}

/** Escaped bytes back into text: UTF-8 when they are, else one character per byte. */
function decodeBytes(bytes: string): string {
  if (!/[\x80-\xff]/.test(bytes)) return bytes
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)))
  } catch {
    return bytes
  }
}

/** path_is_normalized() for the paths unit names stand for: no `.`/`..` components, no doubled slashes. */
function isNormalizedUnitPath(path: string): boolean {
  return !path.includes('//') && !path.split('/').some((p) => p === '.' || p === '..') && !path.includes('\0')
}

/**
 * slice_name_is_valid(): a plain name whose dashes each separate two non-empty parts (or `-.slice`,
 * the root slice). systemd fails to load any other slice (its parent cannot be worked out).
 */
export function isValidSliceName(name: string): boolean {
  if (name === '-.slice') return true
  if (unitNameKind(name) !== 'plain' || !name.endsWith('.slice')) return false
  const stem = name.slice(0, -'.slice'.length)
  return !stem.startsWith('-') && !stem.endsWith('-') && !stem.includes('--')
}
