/**
 * Build templates of unit files (`foo.service.in`, `app.service.j2`, also
 * `mosquitto.service.notify`): the unit the build would generate, with the common placeholders
 * substituted by the values a systemd distribution builds with. Pure: bytes in, bytes out, line
 * for line (line numbers stay those of the template, so findings point at the template's lines).
 *
 * - `@name@` (autotools, meson configure_file) and `{{NAME}}` (systemd's own jinja templates;
 *   any `{{ expression }}`, as Ansible's) with a known name are substituted; unknown ones are
 *   left as written and listed.
 * - Jinja comments `{# … #}`, also over lines, are removed first, as jinja does (in a template
 *   with no other jinja they may be text: that is one more reading).
 * - An unknown placeholder where it decides identity or capabilities (`User=@user@`), a whole
 *   line, key or section header that is a placeholder (`@dynamic_options@`), and jinja beyond
 *   plain `{% if %}` blocks cannot be resolved: the template is reported as unresolvable (the
 *   diff fails closed on it) and, so that nothing is judged better than it may be, such an
 *   identity or capability line is dropped — no `User=` runs as root, no `NoNewPrivileges=`
 *   allows privilege gain, no bounding set keeps every capability — and unknown ambient
 *   capabilities count as all of them. (It may as well grant the least it can: one more reading,
 *   against which a base's removal of the line is a widening.)
 * - What the build decides is read each way (TemplateChoice): the scored reading takes the first
 *   branch of each `{% if %}` block, with a warning; the others take each other branch (and
 *   none, for a block without `{% else %}`), and an unknown placeholder that begins a command
 *   line as the exec prefix `+`. The diff's capability gate reads every one (load-unit.ts).
 */
import { CAPABILITY_NAMES } from '../model/linux-names.js'
import { lineSpans } from './line-ends.js'

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

/** Settings that decide which capabilities a unit's processes can hold: an unknown value in one is unresolvable. */
const IDENTITY_AND_CAPABILITY_KEYS = new Set([
  'User',
  'Group',
  'DynamicUser',
  'NoNewPrivileges',
  'CapabilityBoundingSet',
  'AmbientCapabilities',
  'SecureBits',
  'PermissionsStartOnly',
])

/** What an identity or capability line whose value is unknown grants at the least. */
const LEAST: Readonly<Record<string, string>> = {
  User: 'User=nobody',
  Group: 'Group=nogroup',
  DynamicUser: 'DynamicUser=yes',
  NoNewPrivileges: 'NoNewPrivileges=yes',
  CapabilityBoundingSet: 'CapabilityBoundingSet=',
  AmbientCapabilities: '',
  PermissionsStartOnly: '',
}

export interface TemplateNote {
  readonly line: number
  readonly message: string
}

/**
 * Something the build decides that the template does not say, read each way by the capability
 * gate: which branch of an `{% if %}` block the build takes (`if:COND`: 'if', 'elif COND2', …,
 * 'else' — also for a block without `{% else %}`, where it generates nothing), whether an
 * unknown placeholder that begins a command line is an exec prefix (`prefix:@X@`: 'path', '+'),
 * and, in a template with no other jinja, whether `{# … #}` is a jinja comment (`comments`:
 * 'jinja', 'literal'). The first option is the reading that is scored.
 */
export interface TemplateChoice {
  readonly key: string
  readonly options: readonly string[]
  /** The line of its first occurrence. */
  readonly line: number
}

/** A choice of an option for some keys; a key not in it takes its first option. */
export type TemplateChoices = ReadonlyMap<string, string>

export interface BuildTemplateResult {
  readonly bytes: Uint8Array
  /** Unknown placeholders, as written, each once. */
  readonly unknown: readonly string[]
  /** Why the generated unit cannot be known (empty when it can). */
  readonly unresolvable: readonly TemplateNote[]
  readonly warnings: readonly TemplateNote[]
  /** What the build decides, each with its options (see TemplateChoice). */
  readonly choices: readonly TemplateChoice[]
}

const PLACEHOLDER = /@([A-Za-z_][A-Za-z0-9_]*)@|\{\{-?\s*([^{}]*?)\s*-?\}\}/g
const STATEMENT = /^\s*\{%-?\s*(\w+)?(.*?)-?%\}\s*$/
const JINJA_COMMENT = /\{#[\s\S]*?#\}/g
const ALL_CAPABILITIES = CAPABILITY_NAMES.map((c) => c.toUpperCase()).join(' ')

/** In words, the reading where `key` takes `option` (completing "if …"). */
export function describeChoice(key: string, option: string): string {
  if (key.startsWith('if:')) {
    const cond = key.slice(3)
    if (option === 'if') return `the build takes {% if ${cond} %}`
    if (option !== 'else') return `the build takes {% ${option} %} of {% if ${cond} %}`
    return `the build takes {% else %} of {% if ${cond} %}`
  }
  if (key.startsWith('prefix:')) return `${key.slice(7)} is the exec prefix ${option}`
  if (key.startsWith('value:')) return `the build's '${key.slice(6)}' grants the least it can`
  return 'the build does not use jinja ({# … #} is kept as written)'
}

const normalize = (cond: string): string => cond.trim().replace(/\s+/g, ' ')

export function expandBuildTemplate(
  bytes: Uint8Array,
  extra: Readonly<Record<string, string>> = {},
  choose: TemplateChoices = new Map(),
): BuildTemplateResult {
  // latin1: one character per byte, so bytes that are not ASCII come back exactly.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const unknown = new Set<string>()
  const unresolvable: TemplateNote[] = []
  const warnings: TemplateNote[] = []
  const choices = new Map<string, { options: string[]; line: number }>()
  const offer = (key: string, options: readonly string[], line: number): void => {
    const c = choices.get(key)
    if (c === undefined) choices.set(key, { options: [...options], line })
    else {
      for (const o of options) if (!c.options.includes(o)) c.options.push(o)
      // 'else' stays last.
      if (c.options.includes('else')) c.options.push(...c.options.splice(c.options.indexOf('else'), 1))
    }
  }
  const chosen = (key: string, first: string): string => choose.get(key) ?? first

  // Jinja comments, also over lines, go before anything is read; their lines stay, empty. A
  // template with no other jinja may not be one (autotools), so that reading is one more.
  if (text.includes('{#')) {
    const jinja = text.includes('{{') || text.includes('{%')
    const closed = new RegExp(JINJA_COMMENT.source).test(text)
    if (!jinja && closed)
      offer('comments', ['jinja', 'literal'], 1 + text.slice(0, text.indexOf('{#')).split('\n').length - 1)
    if (jinja || (closed && chosen('comments', 'jinja') === 'jinja')) {
      text = text.replace(JINJA_COMMENT, (m) => '\n'.repeat(m.split('\n').length - 1))
      const open = text.indexOf('{#')
      if (jinja && open >= 0)
        unresolvable.push({ line: text.slice(0, open).split('\n').length, message: 'a jinja comment {# is not closed' })
    }
  }
  // Lines are systemd's (read_line_full()), each kept with its own terminator, so the generated
  // unit has the template's line numbers.
  const spans = [...lineSpans(text)]
  const lines = spans.map((l) => text.slice(l.start, l.end))
  const terminators = spans.map((l) => text.slice(l.end, l.next))

  // {% if %} blocks: first their branches (so that a choice the block lacks falls to its else).
  interface Block {
    key: string
    labels: string[]
    line: number
  }
  const blockAt = new Map<number, Block>()
  {
    const open: Block[] = []
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.includes('{%')) continue
      const m = STATEMENT.exec(lines[i]!)
      if (!m) continue
      const word = m[1] ?? ''
      if (word === 'if') {
        const b = { key: `if:${normalize(m[2]!)}`, labels: ['if'], line: i + 1 }
        blockAt.set(i, b)
        open.push(b)
      } else if ((word === 'elif' || word === 'else') && open.length > 0) {
        const label = word === 'else' ? 'else' : `elif ${normalize(m[2]!)}`
        open[open.length - 1]!.labels.push(label)
      } else if (word === 'endif') open.pop()
    }
    for (const b of blockAt.values()) offer(b.key, b.labels.includes('else') ? b.labels : [...b.labels, 'else'], b.line)
  }

  // Open blocks: the branch the reading takes, the branch being read.
  const blocks: { take: string; keep: boolean; line: number }[] = []
  let continuedKey = null as string | null

  const lookup = (autotools: string | undefined, jinja: string | undefined): string | null => {
    const name = (autotools ?? jinja)!
    if (Object.hasOwn(extra, name)) return extra[name]!
    if (autotools !== undefined) {
      const key = autotools.toLowerCase().replace(/_post$/, '')
      if (Object.hasOwn(AUTOTOOLS_PLACEHOLDERS, key)) return AUTOTOOLS_PLACEHOLDERS[key]!
      // systemd's own units spelled its meson names @SERVICE_WATCHDOG@ before they moved to jinja.
      return Object.hasOwn(SYSTEMD_JINJA_PLACEHOLDERS, autotools) ? SYSTEMD_JINJA_PLACEHOLDERS[autotools]! : null
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
      const b = blocks[blocks.length - 1]
      if (word === 'if') {
        const block = blockAt.get(i)!
        const want = chosen(block.key, 'if')
        const take = block.labels.includes(want) ? want : 'else'
        blocks.push({ take, keep: take === 'if', line: lineNo })
      } else if ((word === 'elif' || word === 'else') && b !== undefined) {
        b.keep = b.take === (word === 'else' ? 'else' : `elif ${normalize(statement[2]!)}`)
      } else if (word === 'endif' && b !== undefined) {
        blocks.pop()
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
    continuedKey = !comment && /(?:^|[^\\])(?:\\\\)*\\$/.test(raw) ? (key ?? '') : null
    if (comment) continue
    if (!raw.includes('@') && !raw.includes('{{')) {
      if (!keep) lines[i] = ''
      continue
    }
    const missing: string[] = []
    const assumed: string[] = []
    const exec = !continuation && key !== null && key.startsWith('Exec')
    const line = raw.replace(
      PLACEHOLDER,
      (whole, autotools: string | undefined, expression: string | undefined, at: number, text: string) => {
        const jinja = expression === undefined ? undefined : normalize(expression)
        const value = lookup(autotools, jinja)
        if (value !== null) return value
        missing.push(whole)
        // A project's own directory (`@UNBOUND_SBIN_DIR@/unbound`) or the program of a command
        // line: an absolute path of that name keeps the line valid, as the build's path would.
        // Left as written, `@…@` would even read as an Exec prefix. No score depends on the path.
        // What begins a command line may as well be an exec prefix (`+`): one more reading.
        const name = (autotools ?? jinja)!
        const startsCommand = exec && /=[-@:+!|]*\s*$/.test(text.slice(0, at))
        if (startsCommand) {
          offer(`prefix:${whole}`, ['path', '+'], lineNo)
          if (chosen(`prefix:${whole}`, 'path') === '+') return '+'
        }
        if (startsCommand || /(dir|path|prefix)$/i.test(name)) {
          const path = name.replace(/[^A-Za-z0-9_]+/g, '_')
          assumed.push(`${whole} as /${path}`)
          return `/${path}`
        }
        return whole
      },
    )
    if (!keep) {
      lines[i] = ''
      continue
    }
    lines[i] = line
    if (missing.length === 0) continue
    for (const m of missing) unknown.add(m)
    const wholeLine = line.replace(PLACEHOLDER, '').trim() === ''
    const inKey = !continuation && key !== null && missing.some((m) => key.includes(m))
    if (trimmed.startsWith('[') || wholeLine || key === null || inKey) {
      unresolvable.push({
        line: lineNo,
        message: `${missing.join(' ')} stands for text the build puts here, which cannot be known`,
      })
      lines[i] = ''
      continue
    }
    if (IDENTITY_AND_CAPABILITY_KEYS.has(key)) {
      const assumed =
        key === 'AmbientCapabilities'
          ? 'it held every capability'
          : key === 'PermissionsStartOnly'
            ? 'it were yes'
            : 'the line were absent'
      unresolvable.push({
        line: lineNo,
        message: `${missing.join(' ')} in ${key}= cannot be resolved; assessed as if ${assumed}`,
      })
      lines[i] = continuation
        ? ''
        : key === 'AmbientCapabilities'
          ? `AmbientCapabilities=${ALL_CAPABILITIES}`
          : key === 'PermissionsStartOnly'
            ? 'PermissionsStartOnly=yes'
            : ''
      // It may as well grant the least it can: in base, that is the reading a removal widens.
      if (!continuation && Object.hasOwn(LEAST, key)) {
        const k = `value:${trimmed.trimEnd()}`
        offer(k, ['most', 'least'], lineNo)
        if (chosen(k, 'most') === 'least') lines[i] = LEAST[key]!
      }
      continue
    }
    const left = missing.filter((m) => !assumed.some((a) => a.startsWith(`${m} `)))
    if (assumed.length > 0)
      warnings.push({ line: lineNo, message: `unknown placeholder taken as a path: ${assumed.join(', ')}` })
    if (left.length > 0)
      warnings.push({ line: lineNo, message: `unknown placeholder ${left.join(' ')} left as written` })
  }
  for (const b of blocks) unresolvable.push({ line: b.line, message: 'a {% if %} block is not closed' })
  const others = [...choices].filter(([k]) => k.startsWith('if:')).reduce((n, [, c]) => n + c.options.length - 1, 0)
  if (others > 0 && choose.size === 0) {
    warnings.push({
      line: 0,
      message: `build options are unknown: scored with the first branch of each {% if %} block; the capability gate reads the ${others} other branch${others === 1 ? '' : 'es'} too (a block without {% else %} also as skipped)`,
    })
  }
  return {
    bytes: Buffer.from(lines.map((l, i) => l + terminators[i]).join(''), 'latin1'),
    unknown: [...unknown],
    unresolvable,
    warnings,
    choices: [...choices].map(([key, c]) => ({ key, options: c.options, line: c.line })),
  }
}

/** The key of an assignment line (`Key=value`), or null. */
function keyOf(trimmed: string): string | null {
  const eq = trimmed.indexOf('=')
  if (eq <= 0 || trimmed.startsWith('[')) return null
  return trimmed.slice(0, eq).trim()
}

/** The choices of several templates (one unit's files) as one: a key's options, merged. */
export function mergeChoices(lists: readonly (readonly TemplateChoice[])[]): TemplateChoice[] {
  const out = new Map<string, { options: string[]; line: number }>()
  for (const list of lists) {
    for (const c of list) {
      const seen = out.get(c.key)
      if (seen === undefined) out.set(c.key, { options: [...c.options], line: c.line })
      else {
        for (const o of c.options) if (!seen.options.includes(o)) seen.options.push(o)
        if (seen.options.includes('else')) seen.options.push(...seen.options.splice(seen.options.indexOf('else'), 1))
      }
    }
  }
  return [...out].map(([key, c]) => ({ key, options: c.options, line: c.line }))
}

/** Readings worth every combination when there are at most this many. */
export const MAX_COMBINATIONS = 32
/** Past that, each option on its own (the rest at their first): at most this many readings. */
export const MAX_READINGS = 64

/**
 * The readings besides the scored one (every key at its first option): every combination of
 * options when there are few, else each option on its own with the other keys at their first;
 * null when even those are more than MAX_READINGS.
 */
export function otherReadings(choices: readonly TemplateChoice[]): Map<string, string>[] | null {
  const keys = choices.filter((c) => c.options.length > 1)
  const combinations = keys.reduce((n, c) => n * c.options.length, 1)
  if (combinations <= MAX_COMBINATIONS) {
    let all: Map<string, string>[] = [new Map<string, string>()]
    for (const c of keys) all = all.flatMap((m) => c.options.map((o, i) => (i === 0 ? m : new Map([...m, [c.key, o]]))))
    return all.filter((m) => m.size > 0)
  }
  const single = keys.flatMap((c) => c.options.slice(1).map((o) => new Map([[c.key, o]])))
  return single.length <= MAX_READINGS ? single : null
}
