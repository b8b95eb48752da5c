/**
 * Build templates of unit files (`foo.service.in`, also `mosquitto.service.notify`): the unit
 * the build would generate, with the common placeholders substituted by the values a systemd
 * distribution builds with. Pure: bytes in, bytes out, line for line (line numbers stay those of
 * the template, so findings point at the template's lines).
 *
 * - `@name@` (autotools, meson configure_file) and `{{NAME}}` (systemd's own jinja templates)
 *   with a known name are substituted; unknown ones are left as written and listed.
 * - An unknown placeholder where it decides identity or capabilities (`User=@user@`), a whole
 *   line, key or section header that is a placeholder (`@dynamic_options@`), and jinja beyond
 *   plain `{% if %}` blocks cannot be resolved: the template is reported as unresolvable (the
 *   diff fails closed on it) and, so that nothing is judged better than it may be, such an
 *   identity or capability line is dropped — no `User=` runs as root, no `NoNewPrivileges=`
 *   allows privilege gain, no bounding set keeps every capability — and unknown ambient
 *   capabilities count as all of them.
 * - `{% if %}` blocks: build options are unknown; the first branch is kept (its condition taken
 *   as true), `{% elif %}`/`{% else %}` branches are dropped, and a warning says so. When any
 *   branch sets identity or capabilities, the template is unresolvable.
 */
import { lineSpans } from './line-ends.js'
import { CAPABILITY_NAMES } from '../model/linux-names.js'

/**
 * GNU/meson directory variables with the values of a systemd distribution (prefix /usr; Debian
 * and Fedora agree on all but libexecdir, where Fedora's /usr/libexec is taken). Looked up
 * case-insensitively, and `_POST` variants (`@sbindir_POST@`) as the plain name.
 */
export const AUTOTOOLS_PLACEHOLDERS: Readonly<Record<string, string>> = {
  prefix: '/usr',
  exec_prefix: '/usr',
  bindir: '/usr/bin',
  sbindir: '/usr/sbin',
  libexecdir: '/usr/libexec',
  pkglibexecdir: '/usr/libexec',
  datarootdir: '/usr/share',
  datadir: '/usr/share',
  sysconfdir: '/etc',
  localstatedir: '/var',
  runstatedir: '/run',
  rundir: '/run',
  libdir: '/usr/lib',
  includedir: '/usr/include',
  mandir: '/usr/share/man',
  docdir: '/usr/share/doc',
  rootprefix: '/usr',
  rootbindir: '/usr/bin',
  rootsbindir: '/usr/sbin',
  rootlibdir: '/usr/lib',
  rootlibexecdir: '/usr/lib/systemd',
  systemunitdir: '/usr/lib/systemd/system',
  systemduserunitdir: '/usr/lib/systemd/user',
  systemdsystemunitdir: '/usr/lib/systemd/system',
  pkgsysconfdir: '/etc/systemd',
}

/**
 * systemd's own meson/jinja names (`{{LIBEXECDIR}}` is /usr/lib/systemd there, not GNU's
 * libexecdir), with the upstream defaults of meson_options.txt.
 */
export const SYSTEMD_JINJA_PLACEHOLDERS: Readonly<Record<string, string>> = {
  PREFIX: '/usr',
  BINDIR: '/usr/bin',
  ROOTBINDIR: '/usr/bin',
  SBINDIR: '/usr/sbin',
  LIBEXECDIR: '/usr/lib/systemd',
  ROOTLIBEXECDIR: '/usr/lib/systemd',
  PKGLIBEXECDIR: '/usr/lib/systemd',
  LIBDIR: '/usr/lib',
  ROOTLIBDIR: '/usr/lib',
  SYSCONFDIR: '/etc',
  PKGSYSCONFDIR: '/etc/systemd',
  LOCALSTATEDIR: '/var',
  RUNSTATEDIR: '/run',
  SYSTEMCTL: '/usr/bin/systemctl',
  SYSTEMD_CGROUP_AGENT_PATH: '/usr/lib/systemd/systemd-cgroups-agent',
  SYSTEM_DATA_UNIT_DIR: '/usr/lib/systemd/system',
  SYSTEM_CONFIG_UNIT_DIR: '/etc/systemd/system',
  USER_DATA_UNIT_DIR: '/usr/lib/systemd/user',
  SERVICE_WATCHDOG: 'WatchdogSec=3min',
  HIGH_RLIMIT_NOFILE: '524288',
  DEBUGTTY: '/dev/tty9',
  SUSHELL: '/bin/sh',
  SULOGIN: '/usr/sbin/sulogin',
  QUOTAON: '/usr/sbin/quotaon',
  QUOTACHECK: '/usr/sbin/quotacheck',
  KEXEC: '/usr/sbin/kexec',
  MEMORY_ACCOUNTING_DEFAULT: 'yes',
  STATUS_UNIT_FORMAT_DEFAULT: 'description',
}

/** Settings that decide which capabilities a unit's processes can hold. */
const IDENTITY_AND_CAPABILITY_KEYS = new Set([
  'User', 'Group', 'DynamicUser', 'NoNewPrivileges', 'CapabilityBoundingSet', 'AmbientCapabilities', 'SecureBits',
  'PermissionsStartOnly',
])

export interface TemplateNote {
  readonly line: number
  readonly message: string
}

export interface BuildTemplateResult {
  readonly bytes: Uint8Array
  /** Unknown placeholders, as written, each once. */
  readonly unknown: readonly string[]
  /** Why the generated unit cannot be known (empty when it can). */
  readonly unresolvable: readonly TemplateNote[]
  readonly warnings: readonly TemplateNote[]
}

const PLACEHOLDER = /@([A-Za-z_][A-Za-z0-9_]*)@|\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}/g
const STATEMENT = /^\s*\{%-?\s*(\w+)?.*?-?%\}\s*$/
const ALL_CAPABILITIES = CAPABILITY_NAMES.map((c) => c.toUpperCase()).join(' ')

export function expandBuildTemplate(bytes: Uint8Array, extra: Readonly<Record<string, string>> = {}): BuildTemplateResult {
  // latin1: one character per byte, so bytes that are not ASCII come back exactly. Lines are
  // systemd's (read_line_full()), each kept with its own terminator, so the generated unit has
  // the template's line numbers.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const spans = [...lineSpans(text)]
  const lines = spans.map((l) => text.slice(l.start, l.end))
  const terminators = spans.map((l) => text.slice(l.end, l.next))
  const unknown = new Set<string>()
  const unresolvable: TemplateNote[] = []
  const warnings: TemplateNote[] = []
  // Open {% if %} blocks: whether the current branch is kept, and whether any branch so far set
  // an identity or capability key.
  const blocks: { keep: boolean; line: number; identity: boolean; outerKeep: boolean }[] = []
  let continuedKey = null as string | null
  let droppedBranches = 0

  const lookup = (autotools: string | undefined, jinja: string | undefined): string | null => {
    const name = (autotools ?? jinja)!
    if (Object.hasOwn(extra, name)) return extra[name]!
    if (autotools !== undefined) {
      const key = autotools.toLowerCase().replace(/_post$/, '')
      return Object.hasOwn(AUTOTOOLS_PLACEHOLDERS, key) ? AUTOTOOLS_PLACEHOLDERS[key]! : null
    }
    return Object.hasOwn(SYSTEMD_JINJA_PLACEHOLDERS, jinja!) ? SYSTEMD_JINJA_PLACEHOLDERS[jinja!]! : null
  }

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    const raw = lines[i]!
    const keep = blocks.every((b) => b.keep)
    const statement = raw.includes('{%') ? STATEMENT.exec(raw) : null
    if (statement) {
      const word = statement[1] ?? ''
      lines[i] = ''
      if (word === 'if') blocks.push({ keep: true, line: lineNo, identity: false, outerKeep: keep })
      else if ((word === 'elif' || word === 'else') && blocks.length > 0) {
        blocks[blocks.length - 1]!.keep = false
        if (blocks[blocks.length - 1]!.outerKeep) droppedBranches++
      } else if (word === 'endif' && blocks.length > 0) {
        const b = blocks.pop()!
        // (Reported once, for the outermost block: an identity line marks every open block.)
        if (b.identity && blocks.length === 0) {
          unresolvable.push({ line: b.line, message: 'a {% if %} block sets identity or capabilities, and which branch the build takes is unknown' })
        }
      } else {
        unresolvable.push({ line: lineNo, message: `the jinja statement '${raw.trim()}' cannot be evaluated` })
      }
      continue
    }
    if (raw.includes('{%')) {
      unresolvable.push({ line: lineNo, message: 'a jinja statement inside a line cannot be evaluated' })
      continue
    }
    // Comments are left alone: what they say changes nothing.
    const trimmed = raw.trimStart()
    const continuation: boolean = continuedKey !== null
    const comment: boolean = !continuation && (trimmed.startsWith('#') || trimmed.startsWith(';'))
    const key: string | null = continuation ? continuedKey : keyOf(trimmed)
    continuedKey = !comment && /(?:^|[^\\])(?:\\\\)*\\$/.test(raw) ? key ?? '' : null
    if (comment) continue
    if (blocks.length > 0 && key !== null && IDENTITY_AND_CAPABILITY_KEYS.has(key)) for (const b of blocks) b.identity = true
    if (!keep) {
      lines[i] = ''
      continue
    }
    if (!raw.includes('@') && !raw.includes('{{')) continue
    const missing: string[] = []
    const assumed: string[] = []
    const exec = key !== null && key.startsWith('Exec')
    const line = raw
      .replace(/\{#.*?#\}/g, '')
      .replace(PLACEHOLDER, (whole, autotools: string | undefined, jinja: string | undefined, at: number, text: string) => {
        const value = lookup(autotools, jinja)
        if (value !== null) return value
        missing.push(whole)
        // A project's own directory (`@UNBOUND_SBIN_DIR@/unbound`) or the program of a command
        // line: an absolute path of that name keeps the line valid, as the build's path would.
        // Left as written, `@…@` would even read as an Exec prefix. No score depends on the path.
        const name = (autotools ?? jinja)!
        const startsCommand = exec && /=[-@:+!|]*\s*$/.test(text.slice(0, at))
        if (startsCommand || /(dir|path|prefix)$/i.test(name)) {
          assumed.push(`${whole} as /${name}`)
          return `/${name}`
        }
        return whole
      })
    lines[i] = line
    if (missing.length === 0) continue
    for (const m of missing) unknown.add(m)
    const wholeLine = line.replace(PLACEHOLDER, '').trim() === ''
    const inKey = !continuation && key !== null && missing.some((m) => key.includes(m))
    if (trimmed.startsWith('[') || wholeLine || key === null || inKey) {
      unresolvable.push({ line: lineNo, message: `${missing.join(' ')} stands for text the build puts here, which cannot be known` })
      lines[i] = ''
      continue
    }
    if (IDENTITY_AND_CAPABILITY_KEYS.has(key)) {
      const assumed = key === 'AmbientCapabilities' ? 'it held every capability' : key === 'PermissionsStartOnly' ? 'it were yes' : 'the line were absent'
      unresolvable.push({ line: lineNo, message: `${missing.join(' ')} in ${key}= cannot be resolved; assessed as if ${assumed}` })
      lines[i] = continuation ? '' : key === 'AmbientCapabilities' ? `AmbientCapabilities=${ALL_CAPABILITIES}` : key === 'PermissionsStartOnly' ? 'PermissionsStartOnly=yes' : ''
      continue
    }
    const left = missing.filter((m) => !assumed.some((a) => a.startsWith(`${m} `)))
    if (assumed.length > 0) warnings.push({ line: lineNo, message: `unknown placeholder taken as a path: ${assumed.join(', ')}` })
    if (left.length > 0) warnings.push({ line: lineNo, message: `unknown placeholder ${left.join(' ')} left as written` })
  }
  for (const b of blocks) unresolvable.push({ line: b.line, message: 'a {% if %} block is not closed' })
  if (droppedBranches > 0) {
    warnings.push({ line: 0, message: `build options are unknown: the first branch of each {% if %} block was kept, ${droppedBranches} {% elif %}/{% else %} branch${droppedBranches === 1 ? ' was' : 'es were'} dropped` })
  }
  return { bytes: Buffer.from(lines.map((l, i) => l + terminators[i]).join(''), 'latin1'), unknown: [...unknown], unresolvable, warnings }
}

/** The key of an assignment line (`Key=value`), or null. */
function keyOf(trimmed: string): string | null {
  const eq = trimmed.indexOf('=')
  if (eq <= 0 || trimmed.startsWith('[')) return null
  return trimmed.slice(0, eq).trim()
}
