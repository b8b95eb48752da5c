/**
 * Unit specifiers (`%i`, `%n`, …) as the offline analyser of a system-scope unit expands them.
 * Machine-dependent ones get fixed, plausible values: they never decide a score (only whether a
 * user name is root, nobody or invalid does).
 */
import { unescapeUnitName, unitInstance, unitPrefix, unitType } from './names.js'

export interface SpecifierContext {
  /** The unit name as loaded, e.g. `foo@i.service`. */
  readonly unitName: string
  /** Path of the fragment, for %y/%Y. */
  readonly fragmentPath: string
}

/** Expands specifiers; null when systemd would fail (an unknown specifier or a lone `%`). */
export function expandSpecifiers(text: string, ctx: SpecifierContext): string | null {
  if (!text.includes('%')) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c !== '%') {
      out += c
      continue
    }
    const spec = text[++i]
    if (spec === undefined) return null
    const value = specifierValue(spec, ctx)
    if (value === null) return null
    out += value
  }
  return out
}

function specifierValue(spec: string, ctx: SpecifierContext): string | null {
  const name = ctx.unitName
  const instance = unitInstance(name) ?? ''
  const prefix = unitPrefix(name)
  const dash = prefix.lastIndexOf('-')
  const lastComponent = dash >= 0 ? prefix.slice(dash + 1) : prefix
  const slash = ctx.fragmentPath.lastIndexOf('/')
  switch (spec) {
    case '%': return '%'
    case 'n': return name
    case 'N': return name.slice(0, name.length - unitType(name).length - 1)
    case 'p': return prefix
    case 'P': return unescapeUnitName(prefix)
    case 'i': return instance
    case 'I': return unescapeUnitName(instance)
    case 'j': return lastComponent
    case 'J': return unescapeUnitName(lastComponent)
    case 'f': return '/' + unescapeUnitName(instance !== '' ? instance : prefix)
    case 'y': return ctx.fragmentPath
    case 'Y': return slash >= 0 ? ctx.fragmentPath.slice(0, slash) || '/' : '.'
    case 'u': case 'g': return 'root'
    case 'U': case 'G': return '0'
    case 'h': return '/root'
    case 's': return '/bin/sh'
    case 'E': return '/etc'
    case 'S': return '/var/lib'
    case 'C': return '/var/cache'
    case 'L': return '/var/log'
    case 't': return '/run'
    case 'T': return '/tmp'
    case 'V': return '/var/tmp'
    case 'd': return `/run/credentials/${name}`
    case 'H': return 'localhost'
    case 'l': return 'localhost'
    case 'q': return 'localhost'
    case 'm': return '00000000000000000000000000000001'
    case 'b': return '00000000000000000000000000000002'
    case 'o': return 'debian'
    case 'w': return '12'
    case 'W': return ''
    case 'B': return ''
    case 'M': return ''
    case 'A': return ''
    case 'v': return '6.1.0-amd64'
    case 'a': return 'x86-64'
    default: return null
  }
}
